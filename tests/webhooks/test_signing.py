"""Signatures as Standard Webhooks defines them, pinned by the specification's example."""

import base64

from talonario.webhooks import signing
from tests.webhooks.receiver import Received, signature_valid

# The example of the Standard Webhooks specification (the same one Svix documents).
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
TIMESTAMP = 1614265330
BODY = '{"test": 2432232314}'


def test_signature_matches_the_specification_example() -> None:
    assert signing.sign(SECRET, MSG_ID, TIMESTAMP, BODY) == (
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_new_secrets_are_random_and_long_enough() -> None:
    a, b = signing.new_secret(), signing.new_secret()
    assert a != b
    assert a.startswith("whsec_")
    assert len(base64.b64decode(a.removeprefix("whsec_"))) >= 24


def test_during_a_rotation_either_secret_verifies() -> None:
    old, new = signing.new_secret(), signing.new_secret()
    headers = signing.headers([new, old], MSG_ID, TIMESTAMP, BODY)
    received = Received(headers, BODY.encode())
    assert signature_valid(new, received)
    assert signature_valid(old, received)
    assert not signature_valid(signing.new_secret(), received)

from typing import Literal, cast

CertificateOutKind = Literal["personal", "seal"]

CERTIFICATE_OUT_KIND_VALUES: set[CertificateOutKind] = {
    "personal",
    "seal",
}


def check_certificate_out_kind(value: str) -> CertificateOutKind:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CertificateOutKind, value)

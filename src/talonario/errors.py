"""The AppError family and its public JSON shape.

Each error is a class named for a fact, defined beside the service that raises it, with an HTTP
status, a public `type` and a stable machine `code`. The handlers in main.py turn them into
`{"error": {"type", "code", "message", "param", "doc_url", "request_id"}}`.
"""

from typing import Any, ClassVar

from pydantic import BaseModel

DOC_URL = "https://github.com/talonario/talonario/blob/main/docs/errors.md#{code}"


class AppError(Exception):
    status: ClassVar[int] = 400
    type: ClassVar[str] = "invalid_request_error"
    code: ClassVar[str] = "invalid_request"

    def __init__(
        self,
        message: str,
        *,
        param: str | None = None,
        headers: dict[str, str] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.headers = headers or {}
        if code is not None:
            self.code = code  # type: ignore[misc]

    def body(self, request_id: str) -> dict[str, Any]:
        return {
            "error": {
                "type": self.type,
                "code": self.code,
                "message": self.message,
                "param": self.param,
                "doc_url": DOC_URL.format(code=self.code),
                "request_id": request_id,
            }
        }


class InvalidRequest(AppError):
    status = 422
    code = "invalid_parameter"


class MalformedRequest(AppError):
    status = 400
    code = "malformed_request"


class AuthenticationFailed(AppError):
    status = 401
    type = "authentication_error"
    code = "invalid_api_key"


class InsufficientScope(AppError):
    status = 403
    type = "authorization_error"
    code = "insufficient_scope"


class NotFound(AppError):
    status = 404
    type = "not_found_error"
    code = "resource_missing"


class Conflict(AppError):
    status = 409
    type = "conflict_error"
    code = "conflict"


class IdempotencyMismatch(AppError):
    status = 409
    type = "idempotency_error"
    code = "idempotency_key_reused"


class RateLimited(AppError):
    status = 429
    type = "rate_limit_error"
    code = "rate_limited"


class InternalError(AppError):
    status = 500
    type = "api_error"
    code = "internal_error"


class ErrorDetail(BaseModel):
    type: str
    code: str
    message: str
    param: str | None
    doc_url: str
    request_id: str


class ErrorOut(BaseModel):
    error: ErrorDetail


# Documented on every /v1 operation, so clients (and schemathesis) know the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": description}
    for status, description in (
        (400, "Malformed request"),
        (401, "Missing, invalid or revoked API key"),
        (403, "The key lacks the scope"),
        (404, "No such resource (or another company's)"),
        (409, "Conflict with the resource's state, or Idempotency-Key reused"),
        (422, "Invalid parameter; `param` names it"),
        (429, "Rate limit exceeded; see Retry-After"),
    )
}

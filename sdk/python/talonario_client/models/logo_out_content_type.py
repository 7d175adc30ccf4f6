from typing import Literal, cast

LogoOutContentType = Literal["image/jpeg", "image/png"]

LOGO_OUT_CONTENT_TYPE_VALUES: set[LogoOutContentType] = {
    "image/jpeg",
    "image/png",
}


def check_logo_out_content_type(value: str) -> LogoOutContentType:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(LogoOutContentType, value)

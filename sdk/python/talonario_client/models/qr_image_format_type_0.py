from typing import Literal, cast

QrImageFormatType0 = Literal["png", "svg"]

QR_IMAGE_FORMAT_TYPE_0_VALUES: set[QrImageFormatType0] = {
    "png",
    "svg",
}


def check_qr_image_format_type_0(value: str) -> QrImageFormatType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(QrImageFormatType0, value)

from typing import Literal, cast

RecordQrImageFormatType0 = Literal["png", "svg"]

RECORD_QR_IMAGE_FORMAT_TYPE_0_VALUES: set[RecordQrImageFormatType0] = {
    "png",
    "svg",
}


def check_record_qr_image_format_type_0(value: str) -> RecordQrImageFormatType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(RecordQrImageFormatType0, value)

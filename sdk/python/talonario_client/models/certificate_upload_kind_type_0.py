from typing import Literal, cast

CertificateUploadKindType0 = Literal["personal", "seal"]

CERTIFICATE_UPLOAD_KIND_TYPE_0_VALUES: set[CertificateUploadKindType0] = {
    "personal",
    "seal",
}


def check_certificate_upload_kind_type_0(value: str) -> CertificateUploadKindType0:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(CertificateUploadKindType0, value)

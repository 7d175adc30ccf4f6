"""The AEAT error codes the sandbox answers with (errores.properties; spec §8.7), and their text.

The texts of codes spec §8.7 only summarises are ours, written the way AEAT words the others.

AEAT's descriptions are Spanish and so are these: the sandbox must read like AEAT to the code
and the people who look at its answers. Codes 2xxx are admissible (the record is stored as
AceptadoConErrores); every other record code rejects the record (Incorrecto).
"""

from enum import IntEnum


class Code(IntEnum):
    # Whole submission (SOAP Client fault).
    SCHEMA = 4102  # the XML does not match the schema
    MALFORMED = 4103  # the XML cannot be parsed
    TOO_MANY_RECORDS = 4114  # more than 1000 RegistroFactura
    HEADER_NIF = 4116  # Cabecera/ObligadoEmision/NIF badly formed
    REPRESENTATIVE_NIF = 4117  # Cabecera/Representante/NIF badly formed
    DATE_FORMAT = 4106  # a date that does not exist (31-02-2026)
    EMPTY = 4138  # empty request
    VOLUNTARY_NOT_VERIFACTU = 4127  # RemisionVoluntaria sent to the requirement endpoint
    REQUIREMENT_REF_MISSING = 4125  # no RefRequerimiento on the requirement endpoint
    REQUIREMENT_REF_FORBIDDEN = 4126  # RefRequerimiento on the VERI*FACTU endpoint
    REQUIREMENT_END_FORBIDDEN = 4130  # FinRequerimiento outside a NO VERI*FACTU submission
    REQUIREMENT_END_MISSING = 4129  # no FinRequerimiento in a requirement submission
    REQUIREMENT_REF_FORMAT = 4133  # RefRequerimiento not alphanumeric
    END_DATE = 4120  # FechaFinVeriFactu not 31-12 of the current or the previous year
    DATABASE = 3500  # technical database error (a Server fault: retry)
    # One record rejected.
    ISSUER_NOT_HEADER = 1108  # IDEmisorFactura differs from Cabecera/ObligadoEmision/NIF
    FUTURE_ISSUE_DATE = 1112  # FechaExpedicionFactura after today
    RECTIFICATION_TYPE_REQUIRED = 1114  # R1-R5 without TipoRectificativa
    RECTIFICATION_TYPE_FORBIDDEN = 1115  # TipoRectificativa on F1-F3
    RECTIFIED_AMOUNTS_REQUIRED = 1118  # TipoRectificativa=S without ImporteRectificacion
    RECTIFIED_AMOUNTS_FORBIDDEN = 1119  # ImporteRectificacion without TipoRectificativa=S
    RATE_NOT_ALLOWED = 1124  # IVA TipoImpositivo not in AEAT's list
    COUNTRY_ES_ID_TYPE = 1126  # IDOtro with CodigoPais ES and an IDType other than 03/07
    QUOTA_OUT_OF_TOLERANCE = 1142  # CuotaRepercutida differs from base x rate by more than 10 €
    SIMPLIFIED_OVER_LIMIT = 1150  # F2 over 3000 € (+10 € tolerance)
    X_WITHOUT_CORRECTION = 1153  # RechazoPrevio=X without Subsanacion=S
    S_WITHOUT_CORRECTION = 1161  # RechazoPrevio=S without Subsanacion=S
    RECIPIENTS_REQUIRED = 1189  # F1, F3, R1-R4 without Destinatarios
    RECIPIENTS_FORBIDDEN = 1190  # F2, R5 with Destinatarios
    RATE_5_WINDOW = 1194  # IVA 5 % outside 01-07-2022 .. 30-09-2024
    REVERSE_CHARGE_AMOUNTS = 1198  # S2 without TipoImpositivo 0 and CuotaRepercutida 0
    EXPORT_UNDER_GENERAL_REGIME = 1199  # E2/E3 with ClaveRegimen 01
    TAXED_WITHOUT_RATE = 1208  # S1 without TipoImpositivo or CuotaRepercutida
    RATE_2_WINDOW = 1235  # IVA 2 % outside 01-10-2024 .. 31-12-2024
    RATE_7_5_WINDOW = 1236  # IVA 7.5 % outside 01-10-2024 .. 31-12-2024
    NOT_SUBJECT_AMOUNTS = 1237  # N1/N2 in IVA with a rate, quota or surcharge
    EXEMPT_AMOUNTS = 1238  # E1-E8 with a rate, quota or surcharge
    RECIPIENT_ID = 1239  # a recipient's NIF is not a valid Spanish NIF
    EXPORT_REGIME_NOT_EXEMPT = 1286  # ClaveRegimen 02 on a line that is not exempt
    INTRA_EU_RECIPIENT = 1289  # E5 (IVA) with a recipient identified by NIF, not IDOtro
    DUPLICATE = 3000  # an alta of an invoice already held
    NOT_FOUND = 3002  # subsanación or anulación of an invoice not held
    # Admissible: stored as AceptadoConErrores.
    HUELLA = 2000  # the huella is not the hash of the record
    PREVIOUS_HUELLA = 2003  # RegistroAnterior is not the last record of the chain
    TOTAL_AMOUNT = 2005  # ImporteTotal differs from the breakdown by more than 10 €
    TOTAL_TAX = 2006  # CuotaTotal differs from the breakdown by more than 10 €
    FIRST_RECORD_AGAIN = 2007  # PrimerRegistro=S but records of this chain are held
    SAME_HUELLA = 2008  # RegistroAnterior's huella equals the record's own


DESCRIPTIONS: dict[int, str] = {
    Code.SCHEMA: "El XML no cumple con el esquema. Falta informar campo obligatorio o un "
    "elemento no es válido",
    Code.MALFORMED: "Se ha producido un error inesperado al parsear el XML",
    Code.TOO_MANY_RECORDS: "El número de registros de facturación es superior al permitido (1000)",
    Code.HEADER_NIF: "El NIF del ObligadoEmision de la cabecera tiene un formato incorrecto",
    Code.REPRESENTATIVE_NIF: "El NIF del Representante de la cabecera tiene un formato incorrecto",
    Code.DATE_FORMAT: "Formato de fecha incorrecto",
    Code.EMPTY: "La petición está vacía",
    Code.VOLUNTARY_NOT_VERIFACTU: "El bloque RemisionVoluntaria solo puede informarse en "
    "sistemas VERI*FACTU",
    Code.REQUIREMENT_REF_MISSING: "El campo RefRequerimiento es obligatorio en las remisiones "
    "bajo requerimiento",
    Code.REQUIREMENT_REF_FORBIDDEN: "El campo RefRequerimiento solo puede informarse en el "
    "servicio de remisión bajo requerimiento",
    Code.REQUIREMENT_END_FORBIDDEN: "El campo FinRequerimiento solo puede informarse en "
    "sistemas NO VERI*FACTU",
    Code.REQUIREMENT_END_MISSING: "El campo FinRequerimiento es obligatorio en las remisiones "
    "bajo requerimiento",
    Code.REQUIREMENT_REF_FORMAT: "El campo RefRequerimiento debe ser alfanumérico",
    Code.END_DATE: "El campo FechaFinVeriFactu debe ser 31-12-20XX, siendo 20XX el año actual "
    "o el anterior",
    Code.DATABASE: "Error técnico de base de datos. Inténtelo más tarde",
    Code.ISSUER_NOT_HEADER: "El NIF del IDEmisorFactura debe ser el mismo que el NIF del "
    "ObligadoEmision",
    Code.FUTURE_ISSUE_DATE: "La fecha de expedición no puede ser posterior a la fecha actual",
    Code.QUOTA_OUT_OF_TOLERANCE: "El valor del campo CuotaRepercutida tiene un valor incorrecto "
    "para el valor de los campos BaseImponibleOimporteNoSujeto y TipoImpositivo suministrados",
    Code.SIMPLIFIED_OVER_LIMIT: "Factura simplificada de importe superior al permitido",
    Code.X_WITHOUT_CORRECTION: "El valor del campo RechazoPrevio no puede ser X si no se ha "
    "informado el campo Subsanacion o tiene el valor N",
    Code.S_WITHOUT_CORRECTION: "El valor del campo RechazoPrevio no puede ser S si no se ha "
    "informado el campo Subsanacion o tiene el valor N",
    Code.RECIPIENTS_REQUIRED: "Si el TipoFactura es F1, F3, R1, R2, R3 o R4 el bloque "
    "Destinatarios es obligatorio",
    Code.RECIPIENTS_FORBIDDEN: "Si el TipoFactura es F2 o R5 el bloque Destinatarios no puede "
    "estar cumplimentado",
    Code.RECTIFICATION_TYPE_REQUIRED: "Si la factura es de tipo rectificativa, el campo "
    "TipoRectificativa debe estar relleno",
    Code.RECTIFICATION_TYPE_FORBIDDEN: "Si la factura no es de tipo rectificativa, el campo "
    "TipoRectificativa no debe estar relleno",
    Code.RECTIFIED_AMOUNTS_REQUIRED: "Si la factura es rectificativa por sustitución el bloque "
    "ImporteRectificacion es obligatorio",
    Code.RECTIFIED_AMOUNTS_FORBIDDEN: "Si la factura no es rectificativa por sustitución el "
    "bloque ImporteRectificacion no debe estar relleno",
    Code.RATE_NOT_ALLOWED: "El valor del campo TipoImpositivo no está permitido",
    Code.COUNTRY_ES_ID_TYPE: "Si el campo CodigoPais es ES, el campo IDType solo puede ser 03 o 07",
    Code.RATE_5_WINDOW: "TipoImpositivo 5% solo permitido para fechas de operación entre el "
    "1-7-2022 y el 30-9-2024",
    Code.REVERSE_CHARGE_AMOUNTS: "Si el valor de CalificacionOperacion es S2 TipoImpositivo y "
    "CuotaRepercutida deben tener valor 0",
    Code.EXPORT_UNDER_GENERAL_REGIME: "Si OperacionExenta es E2 o E3 la ClaveRegimen no puede "
    "ser 01",
    Code.TAXED_WITHOUT_RATE: "Si CalificacionOperacion es S1, TipoImpositivo y "
    "CuotaRepercutida son obligatorios",
    Code.RATE_2_WINDOW: "TipoImpositivo 2% solo permitido para fechas de operación entre el "
    "1-10-2024 y el 31-12-2024",
    Code.RATE_7_5_WINDOW: "TipoImpositivo 7,5% solo permitido para fechas de operación entre el "
    "1-10-2024 y el 31-12-2024",
    Code.NOT_SUBJECT_AMOUNTS: "Si CalificacionOperacion es N1 o N2 y el impuesto es IVA, no se "
    "pueden informar TipoImpositivo, CuotaRepercutida, TipoRecargoEquivalencia ni "
    "CuotaRecargoEquivalencia",
    Code.EXEMPT_AMOUNTS: "Si la operación es exenta no se pueden informar TipoImpositivo, "
    "CuotaRepercutida, TipoRecargoEquivalencia ni CuotaRecargoEquivalencia",
    Code.RECIPIENT_ID: "Error en el bloque de Destinatario. El NIF no está identificado",
    Code.EXPORT_REGIME_NOT_EXEMPT: "Si la ClaveRegimen es 02 la operación solo puede ser exenta",
    Code.INTRA_EU_RECIPIENT: "Si OperacionExenta es E5 y el impuesto es IVA, los destinatarios "
    "deben identificarse mediante IDOtro",
    Code.DUPLICATE: "Registro de facturación duplicado",
    Code.NOT_FOUND: "No existe el registro de facturación",
    Code.HUELLA: "El cálculo de la huella suministrada es incorrecta",
    Code.PREVIOUS_HUELLA: "El contenido de la huella del registro anterior no es correcto",
    Code.TOTAL_AMOUNT: "El campo ImporteTotal tiene un valor incorrecto para el valor de los "
    "campos BaseImponibleOimporteNoSujeto, CuotaRepercutida y CuotaRecargoEquivalencia "
    "suministrados",
    Code.TOTAL_TAX: "El campo CuotaTotal tiene un valor incorrecto para el valor de los campos "
    "CuotaRepercutida y CuotaRecargoEquivalencia suministrados",
    Code.FIRST_RECORD_AGAIN: "El registro se ha informado como primer registro pero ya existen "
    "registros de facturación para el sistema informático y obligado",
    Code.SAME_HUELLA: "La huella del registro anterior coincide con la huella del registro",
}


def description(code: int) -> str:
    """AEAT's text for `code`, or a neutral one for codes forced through the control API."""
    return DESCRIPTIONS.get(code, f"Error {code} simulado por el entorno de pruebas")


def is_admissible(code: int) -> bool:
    """2xxx errors leave the record stored, as AceptadoConErrores (AEAT VAL §4.3.1)."""
    return 2000 <= code < 3000

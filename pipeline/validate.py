"""Rules a reviewer cares about, applied to each claim and document; broken rules become issues."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

from .issues import issue
from .models import Claim, Document, IssueCode, ValidationIssue

DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
OTHER_UNITS = {"%", "times"}
# A counted noun: lower case words, singular by the extractor's lemma (CLAIMS.md).
NOUN = re.compile(r"^[a-z][a-z\-']*( [a-z][a-z\-']*){0,3}$")
ISO_CODE = re.compile(r"^[A-Z]{3}$")
# Withdrawn ISO 4217 codes still seen in old texts (pycountry lists only current ones).
HISTORIC_CURRENCIES = {"FIM", "ESP", "NLG", "DEM", "FRF", "ITL", "BEF", "ATS", "PTE", "IEP",
                       "GRD", "LUF", "SKK", "EEK", "LVL", "LTL", "SIT", "CYP", "MTL", "HRK", "VEB", "RUR"}

# Largest plausible figure per kind of unit; above it a reviewer should look.
MAX_EUR = Decimal(10) ** 13           # no pledge above 10 trillion EUR
MAX_MONEY_UNCONVERTED = Decimal(10) ** 16  # currencies without a rate: generous, covers weak currencies
MAX_PERCENT = Decimal(100_000)
MAX_DURATION = Decimal(1000)
MAX_COUNT = Decimal(10) ** 12


@lru_cache(maxsize=None)
def known_currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies) | HISTORIC_CURRENCIES


def is_money(unit: str) -> bool:
    return bool(ISO_CODE.match(unit))


def unit_problem(unit: str) -> IssueCode | None:
    """The rule a unit breaks, if any (CLAIMS.md: ISO code, %, duration, times or a singular noun)."""
    if is_money(unit):
        return None if unit in known_currencies() else IssueCode.currency_unknown
    if unit in DURATIONS | OTHER_UNITS or NOUN.match(unit):
        return None
    return IssueCode.unit_unknown


def validate_claim(claim: Claim, doc: Document) -> list[ValidationIssue]:
    """Every rule a single claim can break, given the document it was read from."""
    found: list[ValidationIssue] = []

    def add(code: IssueCode, where: str = "", **fields: object) -> None:
        found.append(issue(code, doc.name, claim_id=claim.id, where=where, **fields))

    v, hi = claim.value, claim.value_high  # finite: the model refuses NaN and infinity
    if v <= 0:
        add(IssueCode.value_not_positive, "field value", value=v)
    if hi is not None and hi <= v:
        add(IssueCode.range_inverted, "field value_high", low=v, high=hi)
    unit = claim.unit
    if problem := unit_problem(unit):
        add(problem, "field unit", unit=unit)
    if doc.text[claim.start:claim.end] != claim.quote:
        add(IssueCode.quote_mismatch, f"chars {claim.start}-{claim.end}")
    top = hi if hi is not None else v
    if _implausible(claim, top):
        add(IssueCode.implausible_magnitude, "field value", value=top.normalize(), unit=unit)
    return found


def _implausible(claim: Claim, top: Decimal) -> bool:
    unit = claim.unit
    if is_money(unit):
        if claim.value_eur is not None:
            return claim.value_eur * (top / claim.value) > MAX_EUR if claim.value else False
        return top > (MAX_EUR if unit == "EUR" else MAX_MONEY_UNCONVERTED)
    if unit == "%":
        return top > MAX_PERCENT
    if unit in DURATIONS:
        return top > MAX_DURATION
    return top > MAX_COUNT


def validate_document(doc: Document, today: date) -> list[ValidationIssue]:
    """Rules on the document itself."""
    if doc.date is not None and doc.date > today:
        return [issue(IssueCode.date_in_future, doc.name, date=doc.date.isoformat(), where="date")]
    return []


def validate(doc: Document, claims: list[Claim], today: date) -> list[ValidationIssue]:
    found = validate_document(doc, today)
    for c in claims:
        found.extend(validate_claim(c, doc))
    return found

"""Read reviewers' decisions back from the workbook's Review sheet.

Columns are found by their headers, so a reviewer may reorder or add columns. A row that
cannot be applied becomes a `ValidationIssue` and is kept, as typed, for the next Review
sheet, so the reviewer can fix it; nothing else is lost.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from .issues import issue
from .models import Category, Decision, IssueCode, Period, Qualifier, Review, ValidationIssue
from .validate import unit_problem
from .xlsx_parts import MergeError

# (header, key): what the Review sheet shows of a claim, then what the reviewer types.
SHOWN = [("Claim id", "id"), ("Document", "doc_key"), ("Quote", "quote"), ("Sentence", "sentence"),
         ("Value", "value"), ("Value high", "value_high"), ("Unit", "unit"), ("Qualifier", "qualifier"),
         ("Category", "category"), ("Subject", "subject"), ("Period", "period")]
TYPED = [("Decision", "decision"), ("Corrected value", "value"), ("Corrected value high", "value_high"),
         ("Corrected unit", "unit"), ("Corrected qualifier", "qualifier"), ("Corrected category", "category"),
         ("Corrected subject", "subject"), ("Corrected period", "period"), ("Comment", "comment")]
CORRECTABLE = ["value", "value_high", "unit", "qualifier", "category", "subject", "period"]
CHOICES: dict[str, list[str]] = {
    "decision": [d.value for d in Decision],
    "qualifier": [q.value for q in Qualifier],
    "category": [c.value for c in Category],
    "period": [p.value for p in Period],
}


@dataclass(frozen=True)
class TypedRow:
    """A Review sheet row as the reviewer left it: header -> cell value."""

    cells: dict[str, Any]

    def get(self, header: str) -> Any:
        v = self.cells.get(header)
        return v.strip() if isinstance(v, str) else v


def read_sheet(path: Path) -> list[TypedRow]:
    """Rows of the Review sheet of the workbook at `path` that carry a decision."""
    from .xlsx_parts import read_rows

    rows = read_rows(path.read_bytes(), "Review")
    if not rows:
        return []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    typed = [TypedRow(dict(zip(header, r))) for r in rows[1:]]
    return [r for r in typed if r.get("Decision") not in (None, "")]


def _number(v: Any) -> Decimal | None | str:
    """A typed figure as Decimal; the text itself when it is not a number."""
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    text = re.sub(r"[,\s\u00a0_]", "", str(v))
    try:
        d = Decimal(text)
    except InvalidOperation:
        return str(v)
    return d if d.is_finite() else str(v)


def parse_row(row: TypedRow, known_claims: dict[str, str], known_docs: set[str], workbook: str,
              decided_at: dt.datetime) -> tuple[Review | None, list[ValidationIssue]]:
    """One typed row -> a Review, or the issues that stop it from being applied."""
    claim_id = str(row.get("Claim id") or "")
    doc = str(row.get("Document") or "") or known_claims.get(claim_id, "")
    where = f"Review sheet, claim {claim_id}" if claim_id else f"Review sheet, document {doc}"
    problems: list[ValidationIssue] = []

    def fail(code: IssueCode, **fields: Any) -> tuple[None, list[ValidationIssue]]:
        problems.append(issue(code, doc or workbook, claim_id=claim_id, where=where, **fields))
        return None, problems

    text = str(row.get("Decision")).lower()
    try:
        decision = Decision(text)
    except ValueError:
        return fail(IssueCode.review_bad_decision, decision=row.get("Decision"))
    if decision in (Decision.add, Decision.reject_document):
        if doc not in known_docs:
            return fail(IssueCode.review_unknown_document, name=doc)
    elif claim_id not in known_claims:
        return fail(IssueCode.review_unknown_claim, claim=claim_id or "(empty)")

    fields: dict[str, Any] = {}
    typed = TYPED[1:-1] if decision in (Decision.correct, Decision.add) else []  # others ignore corrections
    for header, key in typed:
        value = row.get(header)
        if decision is Decision.add and value in (None, ""):
            value = row.get(dict((k, h) for h, k in SHOWN)[key])  # an added claim may use the plain columns
        if value in (None, ""):
            continue
        if key in ("value", "value_high"):
            number = _number(value)
            if not isinstance(number, Decimal):
                return fail(IssueCode.review_bad_value, field=key.replace("_", " "), text=value)
            fields[key] = number
        elif key in CHOICES:
            if str(value).lower() not in CHOICES[key]:
                return fail(IssueCode.review_bad_field, field=key, text=value, allowed=", ".join(CHOICES[key]))
            fields[key] = str(value).lower()
        elif key == "unit":
            if unit_problem(str(value)):
                return fail(IssueCode.review_bad_field, field=key, text=value,
                            allowed="an ISO currency code, %, a duration, times or a singular noun")
            fields[key] = str(value)
        else:
            fields[key] = str(value)
    if decision is Decision.correct and not fields:
        return fail(IssueCode.review_incomplete, decision="correct", needed="at least one corrected field")
    quote = str(row.get("Quote") or "")
    if decision is Decision.add:
        if not quote or "value" not in fields or "unit" not in fields:
            return fail(IssueCode.review_incomplete, decision="add", needed="a quote, a value and a unit")
        claim_id = added_claim_id(doc, quote, fields["value"], fields["unit"])
    review = Review(claim_id=claim_id, document=doc, decision=decision, quote=quote,
                    comment=str(row.get("Comment") or ""), workbook=workbook, decided_at=decided_at,
                    **fields)
    return review, []


def added_claim_id(doc: str, quote: str, value: Decimal, unit: str) -> str:
    """Id of a claim a reviewer added: stable, so reading the same row twice adds it once."""
    import hashlib

    key = f"reviewer\x1f{doc}\x1f{quote}\x1f{value.normalize()}\x1f{unit}"
    return "r" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def read_decisions(workbooks: list[Path], claim_documents: Callable[[set[str]], dict[str, str]],
                   known_docs: set[str]) -> tuple[list[Review], list[ValidationIssue], list[TypedRow]]:
    """Decisions from every workbook given, oldest file first, so the latest wins when applied.
    `claim_documents` gives the standing claims among some ids, with their documents (asked
    once, for the ids the rows name, rather than for the ledger's million).

    Returns the reviews to apply, the issues of rows that cannot be, and those rows.
    """
    reviews: list[Review] = []
    problems: list[ValidationIssue] = []
    failed: list[TypedRow] = []
    read: list[tuple[Path, dt.datetime, list[TypedRow]]] = []
    for path in sorted(workbooks, key=lambda p: p.stat().st_mtime):
        decided_at = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
        try:
            read.append((path, decided_at, read_sheet(path)))
        except MergeError as err:  # a damaged workbook: say so, read the others
            problems.append(issue(IssueCode.workbook_unreadable, path.name, reason=str(err)))
    named = {str(row.get("Claim id") or "") for _, _, typed in read for row in typed} - {""}
    known_claims = claim_documents(named) if named else {}
    for path, decided_at, typed in read:
        for row in typed:
            review, found = parse_row(row, known_claims, known_docs, path.name, decided_at)
            if review is not None:
                reviews.append(review)
            else:
                problems.extend(found)
                failed.append(row)
    return reviews, problems, failed

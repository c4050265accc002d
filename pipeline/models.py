"""The records every step passes along (../shared/DESIGN.md, ../shared/CLAIMS.md).

Figures are `Decimal` from the text to the ledger so that "2.75 billion" stays exact;
JSON output turns them into numbers at the edge (`claim_json`).
"""
from __future__ import annotations

import hashlib
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

EXTRACTOR_VERSION = "0.4.0"


class Qualifier(str, Enum):
    exact = "exact"
    approx = "approx"
    lower_bound = "lower_bound"
    upper_bound = "upper_bound"
    range = "range"


class Category(str, Enum):
    pledge = "pledge"
    capacity = "capacity"
    delivery = "delivery"
    count = "count"
    other = "other"


class Period(str, Enum):
    year = "year"
    month = "month"
    week = "week"
    day = "day"


class Status(str, Enum):
    new = "new"
    accepted = "accepted"
    corrected = "corrected"
    rejected = "rejected"
    superseded = "superseded"


class Severity(str, Enum):
    error = "error"
    warning = "warning"


class Step(str, Enum):
    ingest = "ingest"
    extract = "extract"
    normalise = "normalise"
    validate = "validate"
    store = "store"
    review = "review"
    report = "report"


class IssueCode(str, Enum):
    """Stable names of the rules a document or claim can break; messages live in `issues.py`."""

    # ingest
    empty_file = "empty_file"
    binary_file = "binary_file"
    unsupported_format = "unsupported_format"
    bad_encoding = "bad_encoding"
    legacy_encoding = "legacy_encoding"
    too_large = "too_large"
    unreadable = "unreadable"
    no_date = "no_date"
    no_text = "no_text"
    no_text_layer = "no_text_layer"
    encrypted = "encrypted"
    damaged_file = "damaged_file"
    partly_read = "partly_read"
    no_article = "no_article"
    no_entries = "no_entries"
    unpacks_too_large = "unpacks_too_large"
    too_deeply_nested = "too_deeply_nested"
    # extract / validate
    extract_failed = "extract_failed"
    schema = "schema"
    value_not_positive = "value_not_positive"
    range_inverted = "range_inverted"
    unit_unknown = "unit_unknown"
    currency_unknown = "currency_unknown"
    quote_mismatch = "quote_mismatch"
    implausible_magnitude = "implausible_magnitude"
    date_in_future = "date_in_future"
    # review (decisions typed into the workbook)
    review_unknown_claim = "review_unknown_claim"
    review_unknown_document = "review_unknown_document"
    review_bad_decision = "review_bad_decision"
    review_bad_value = "review_bad_value"
    review_bad_field = "review_bad_field"
    review_incomplete = "review_incomplete"
    # report
    workbook_unreadable = "workbook_unreadable"
    workbook_failed = "workbook_failed"
    workbook_locked = "workbook_locked"
    workbook_not_updated = "workbook_not_updated"
    # normalise
    no_rate = "no_rate"
    converted_at_run_date = "converted_at_run_date"
    rate_out_of_date = "rate_out_of_date"
    figures_conflict = "figures_conflict"
    delivery_unclear = "delivery_unclear"
    # run
    step_failed = "step_failed"


class Document(BaseModel):
    """One input text. Identity is `source`; `content_hash` is its version."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="Path of the file as given (or URL), the document's identity.")
    name: str = Field(description="File name as the analyst sees it in the inbox.")
    text: str = ""
    title: str = ""
    date: Optional[dt.date] = None
    date_source: Literal["file name", "date line", "metadata", "none"] = "none"
    read_as: str = Field("", description="How the text was read, e.g. 'text (utf-8)'.")
    content_hash: str = ""
    size: int = 0
    url: str = Field("", description="Where the document was published (page URL, feed entry link), if known.")
    pages: list[int] = Field(default_factory=list,
                             description="For a PDF: the offset in `text` where each page starts (page 1 first).")


class Claim(BaseModel):
    """One mention of a figure in one document version (fields of CLAIMS.md)."""

    model_config = ConfigDict(frozen=True)

    id: str = ""
    document: str = ""
    quote: str
    start: int
    end: int
    sentence: str = ""
    value: Decimal
    value_high: Optional[Decimal] = None
    unit: str
    qualifier: Qualifier = Qualifier.exact
    category: Category = Category.other
    subject: Optional[str] = Field(None, description="Canonical subject name (after normalise).")
    period: Optional[Period] = None
    vague: bool = False
    recipient: Optional[str] = None
    purpose: Optional[str] = None
    value_eur: Optional[Decimal] = None
    page: Optional[int] = Field(None, description="The PDF page the quote stands on (1 first), else null.")
    eur_rate: Optional[Decimal] = Field(None, description="EUR per unit of the claim's currency.")
    eur_rate_date: Optional[dt.date] = Field(None, description="ECB reference date of the rate used.")
    status: Status = Status.new
    subject_raw: Optional[str] = Field(None, description="The subject as the extractor read it, before canonical naming.")
    eur_rate_source: Optional[str] = Field(None, description="Where the rate came from: 'ECB' or the rates file's source.")


class FactKind(str, Enum):
    """How a delivery or pledge figure relates to the ones before it."""

    cumulative = "cumulative"  # "so far", "in total", "brings the total to": replaces the running figure
    increment = "increment"    # "another", "a further", "new": adds to it


class Fact(BaseModel):
    """Claims that state the same figure about the same thing, reported within a window of days."""

    model_config = ConfigDict(frozen=True)

    id: str
    subject: Optional[str] = None
    category: Category
    unit: str
    period: Optional[Period] = None
    value: Decimal
    value_high: Optional[Decimal] = None
    qualifier: Qualifier = Qualifier.exact
    value_eur: Optional[Decimal] = None
    first_date: Optional[dt.date] = None
    last_date: Optional[dt.date] = None
    n_claims: int = Field(description="Supporting claims, conversions in the same sentence included.")
    n_documents: int = Field(description="Distinct documents among the supporting claims (corroboration).")
    kind: Optional[FactKind] = None
    purpose: Optional[str] = None
    # factories, not `[]`: a mutable default is deep-copied for each record (a third of
    # reading 25,000 facts back)
    claim_ids: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


class Progress(BaseModel):
    """One pledge against what is reported delivered since: promised, delivered, gap, time elapsed.

    A bound stays a bound: a gap computed from "over EUR 500 million" promised is a lower bound.
    """

    model_config = ConfigDict(frozen=True)

    subject: Optional[str] = None
    unit: str = Field(description="The counted noun, or EUR for money (compared in EUR).")
    pledge_fact_id: str
    pledge_date: Optional[dt.date] = None
    promised: Decimal
    promised_high: Optional[Decimal] = None
    promised_qualifier: Qualifier = Qualifier.exact
    delivered: Decimal = Decimal(0)
    delivered_qualifier: Qualifier = Qualifier.exact
    gap: Decimal
    gap_high: Optional[Decimal] = None
    gap_qualifier: Optional[Qualifier] = Field(description="None when the bounds point both ways (no gap can be given).")
    last_delivery_date: Optional[dt.date] = None
    days_since_pledge: Optional[int] = None
    as_of: dt.date
    delivery_fact_ids: list[str] = Field(default_factory=list)


class Decision(str, Enum):
    accept = "accept"
    correct = "correct"
    reject = "reject"
    add = "add"                          # a claim the extractor missed
    reject_document = "reject document"  # the whole document is irrelevant


class Review(BaseModel):
    """A reviewer's decision typed into the workbook: their word beats the extractor's."""

    model_config = ConfigDict(frozen=True)

    claim_id: str
    document: str
    decision: Decision
    quote: str = ""
    value: Optional[Decimal] = None
    value_high: Optional[Decimal] = None
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    category: Optional[Category] = None
    subject: Optional[str] = None
    period: Optional[Period] = None
    comment: str = ""
    workbook: str = ""
    decided_at: dt.datetime


class ValidationIssue(BaseModel):
    """A problem found in a document or claim: data, never an exception (STYLE.md habit 5)."""

    model_config = ConfigDict(frozen=True)

    severity: Severity
    document: str
    claim_id: str = ""
    step: Step
    code: IssueCode
    message: str
    hint: str = ""
    where: str = ""


class RunResult(BaseModel):
    """What a run did, for the CLI's summary and the ledger's runs table."""

    run_id: int = 0
    started: dt.datetime
    finished: Optional[dt.datetime] = None
    inbox: str = ""
    out: str = ""
    documents_seen: int = 0
    documents_read: int = 0
    documents_unchanged: int = 0
    claims_found: int = 0
    issues: list[ValidationIssue] = []
    extractor_version: str = EXTRACTOR_VERSION
    complete: bool = False
    workbook: str = Field("", description="Where this run's workbook was written ('' when unchanged).")
    reviews_applied: int = 0


def claim_id(document: str, content_hash: str, start: int, end: int) -> str:
    """Stable id: the same figure at the same place of the same document version."""
    key = f"{document}\x1f{content_hash}\x1f{start}\x1f{end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Processed(BaseModel):
    """One file's outcome in a run: what store writes for it."""

    key: str
    source: str
    version: str
    document: Optional[Document] = None
    claims: list[Claim] = Field(default_factory=list)
    issues: list[ValidationIssue] = Field(default_factory=list)

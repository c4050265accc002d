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

EXTRACTOR_VERSION = "0.1.0"


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
    # normalise
    no_rate = "no_rate"
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
    subject: Optional[str] = None
    period: Optional[Period] = None
    vague: bool = False
    recipient: Optional[str] = None
    purpose: Optional[str] = None
    value_eur: Optional[Decimal] = None
    eur_rate: Optional[Decimal] = Field(None, description="EUR per unit of the claim's currency.")
    eur_rate_date: Optional[dt.date] = Field(None, description="ECB reference date of the rate used.")
    status: Status = Status.new


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


def claim_id(document: str, content_hash: str, start: int, end: int) -> str:
    """Stable id: the same figure at the same place of the same document version."""
    key = f"{document}\x1f{content_hash}\x1f{start}\x1f{end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

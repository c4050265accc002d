"""Render the tracker workbook from the ledger. Only this module (with sheets.py) touches it.

The pipeline's sheets are rendered into a fresh workbook and put into the existing file
part by part (`xlsx_parts.merge`), so the analyst's own sheets, charts, images and pivot
tables stay byte for byte. The result is written to a temporary file and moved into place,
so a crash never leaves a half-written workbook. When the workbook is open elsewhere or
cannot be updated, this run's version is written beside it and the run says where.
"""
from __future__ import annotations

import contextlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from . import store
from .issues import issue
from .models import IssueCode, ValidationIssue
from .settings import WORKBOOK_NAME
from .review import TypedRow
from .facts import promised_vs_delivered
from .store import Ledger
from .tracker import build_series, gaps_by_series, period_labels
from .rowcache import CACHE_NAME, RowCache
from .xlsx_parts import MergeError, Package, merge, read_rows, splice_rows

# sheets (openpyxl) is imported where a workbook is read or built: a run with nothing new
# renders nothing and starts quicker without it.


@dataclass
class Rendered:
    path: Path | None                  # where this run's workbook went (None: nothing changed)
    issues: list[ValidationIssue] = field(default_factory=list)


def workbooks(out: Path) -> list[Path]:
    """The workbook and any versions written beside it (decisions are read from all)."""
    main = out / WORKBOOK_NAME
    beside = sorted(out.glob("tracker (*).xlsx"))
    return ([main] if main.is_file() else []) + [p for p in beside if p.is_file()]


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_mtime_ns}:{st.st_size}"


def as_written(ledger: Ledger, books: list[Path]) -> bool:
    """Whether every workbook is exactly as the pipeline last wrote it, holding no decision
    that could not be applied: then there is nothing to read back from them."""
    return all(store.meta(ledger, f"written:{p.resolve()}") == _stamp(p) for p in books)


def stamps(books: list[Path]) -> dict[Path, str]:
    return {p: _stamp(p) for p in books if p.is_file()}


def mark_read(ledger: Ledger, read: dict[Path, str]) -> None:
    """Everything in these workbooks, as they were when read, is in the ledger now."""
    for p, stamp in read.items():
        store.set_meta(ledger, f"written:{p.resolve()}", stamp)


def is_locked(path: Path) -> bool:
    """Whether a spreadsheet program holds the file open (its lock file lies beside it)."""
    return (path.parent / f".~lock.{path.name}#").exists() or (path.parent / f"~${path.name}").exists()


def read_notes(path: Path) -> tuple[list[str], dict[str, dict[str, Any]], set[str]] | None:
    """The analyst's own columns on the Claims sheet: their headers, the notes by claim id, and
    the ids of the claims the sheet showed. None when there is nothing to read (no note
    column, or a file that cannot be read: then the ledger's notes stay as they are)."""
    from . import sheets

    try:
        data = path.read_bytes()
        head = next(iter(read_rows(data, "Claims", max_rows=1)), [])
    except (MergeError, OSError):
        return None
    head = [str(h) if h is not None else "" for h in head]
    own = [(i, h) for i, h in enumerate(head) if h and h not in sheets.CLAIM_HEADERS]
    if not own or "Claim id" not in head:  # only read every row when there are notes to read
        return None
    id_col = head.index("Claim id")
    notes: dict[str, dict[str, Any]] = {}
    shown: set[str] = set()
    try:
        rows = read_rows(data, "Claims")[1:]
    except MergeError:
        return None
    for r in rows:
        if id_col < len(r) and r[id_col]:
            shown.add(str(r[id_col]))
            values = {h: r[i] for i, h in own if i < len(r) and r[i] not in (None, "")}
            if values:
                notes[str(r[id_col])] = values
    return [h for _, h in own], notes, shown


def _figure(v: Any) -> str:
    """A figure with thousands separators and no trailing zeros ('1,500,000', not '1,500,000.0').

    >>> _figure(Decimal("1.5E+6")), _figure(Decimal("2.50")), _figure(7)
    ('1,500,000', '2.5', '7')
    """
    return f"{Decimal(str(v)).normalize():,f}"


def _changes(run: Any, new_claims: int, series: dict) -> list[str]:
    """What the last run changed: counts, and each series whose latest figure is new."""
    if run is None:
        return []
    lines = [f"Run {run['id']} ({run['started']}): {run['documents_read']} new or changed document(s) read, "
             f"{new_claims} new claim(s)."]
    for key, s in series.items():
        if not s.latest.new:
            continue
        subject, category, unit, per = key
        older = [p for p in s.points if not p.new]
        was = f"was {_figure(older[-1].value)}" if older else "new series"
        lines.append(f"{subject} / {category} / {unit}{' per ' + per if per else ''}: latest "
                     f"{_figure(s.latest.value)} on {s.latest.when} ({was}).")
    return lines


def build(ledger: Ledger, kept_reviews: list[TypedRow], period: str, today: date, run_id: int = 0,
          cache: Path | None = None, facts: Callable[[], object] | None = None) -> Package:
    """The pipeline's sheets as a fresh workbook (not yet zipped); About says when Claims could not hold all.

    Run `run_id` is shown complete: the ledger marks it so only once this workbook is in place.
    `cache`: the file of Documents and Claims rows an earlier render left (`rowcache`), to reuse and update.
    `facts`: called (to wait for a facts update under way) after the sheets that show no facts
    are written and before the facts are read.
    """
    from . import sheets

    runs = [dict(r, complete=1) if r["id"] == run_id else r for r in store.runs(ledger)]
    last = runs[-1] if runs else None
    documents = store.documents(ledger)
    links = {d["key"]: sheets.document_link(d["url"], d["source"]) for d in documents}
    note_headers, notes = store.notes(ledger)

    wb = sheets.new_workbook()
    ws = {name: wb.create_sheet(name) for name in sheets.SHEETS}
    for sheet in ws.values():
        sheets.set_printing(sheet)
    sheets.register_styles(ws["Tracker"])
    fixing = {str(t.cells.get("Claim id")) for t in kept_reviews}  # shown as the reviewer typed them
    noted: dict[str, list[str]] = {}
    for claim_id, doc in store.claim_documents(ledger, notes).items():
        noted.setdefault(doc, []).append(claim_id)

    rows = RowCache(cache) if cache is not None else None
    try:
        fast = {"Documents": sheets.write_documents(ws["Documents"], documents, links, rows)}
        del documents
        with store.claims_by_document(ledger, last["id"] if last is not None else None) as claims:
            total = sum(d.claims for d in claims.documents)
            undated = sum(d.claims for d in claims.documents if not d.dated)
            new_claims = sum(d.new for d in claims.documents)
            fast["Claims"], left_out = sheets.write_claims(ws["Claims"], claims.documents, claims.claims_of, notes,
                                                           noted, note_headers, links, rows)
            waiting = claims.awaiting_review(sheets.REVIEW_LIMIT, fixing)
    finally:
        if rows is not None:
            rows.close()
    fast["Review"] = sheets.write_review(ws["Review"], waiting, kept_reviews)

    if facts is not None:
        facts()
    new_facts = store.facts_first_seen(ledger, last["id"]) if last is not None else set()
    records = store.fact_records(ledger)
    series = build_series(records, new_facts)
    order = store.register_series(ledger, set(series))
    labels = period_labels(series.values(), period)
    gaps = gaps_by_series(promised_vs_delivered(records, today))
    del records  # the series and gaps hold what the sheets need; the records are the render's largest part
    first_col = sheets.write_tracker(ws["Tracker"], order, series, labels, period, gaps, links)
    sheets.write_charts(ws["Charts"], ws["Tracker"], order, series, labels, first_col)
    about_notes = []
    if left_out:
        about_notes.append(f"The ledger holds {total:,} claims, more than a sheet can; Claims shows the "
                           f"newest {total - left_out:,}. All are in the ledger.")
    if undated:
        about_notes.append(f"{undated:,} claim(s) come from documents without a date; they are on Claims but "
                           "not on the Tracker.")
    fast["Validation errors"] = sheets.write_issues(ws["Validation errors"], store.open_issues(ledger))
    sheets.write_about(ws["About"], datetime.now().replace(microsecond=0), runs,
                       _changes(last, new_claims, series), about_notes, period)
    buf = io.BytesIO()
    wb.save(buf)
    return splice_rows(buf.getvalue(), {k: (f.written(), f.links) for k, f in fast.items()})


def _file_mode(target: Path) -> int:
    """The workbook's own permissions, or what a new file gets (mkstemp's 0600 would lock out a team)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_atomically(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tracker-", suffix=".xlsx", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def render(ledger: Ledger, out: Path, run_id: int, kept_reviews: list[TypedRow] | None = None,
           period: str = "month", today: date | None = None, force: bool = False,
           facts: Callable[[], tuple[int, int] | None] | None = None) -> Rendered:
    """Write the workbook for the ledger's current state, unless nothing changed since the last.

    `facts`: waits for a facts update under way (`flow.FactsUpdate.wait`, which may be called
    again and raises again what the update raised) and gives the data version before and
    after it stored, or None when it stored nothing; the sheets without facts are written meanwhile.
    """
    target = out / WORKBOOK_NAME
    rendered_key = f"rendered_version:{out.resolve()}"  # a shared ledger may feed several out folders

    def unchanged(version: int) -> bool:
        return not force and target.is_file() and store.meta(ledger, rendered_key) == str(version) \
            and not kept_reviews

    version = store.data_version(ledger)
    if unchanged(version):
        if facts is None or facts() is None:
            return Rendered(None)
        version, facts = store.data_version(ledger), None  # the facts changed: the workbook shows them
        if unchanged(version):
            return Rendered(None)
    from . import sheets

    def wait_quietly() -> None:
        # A failed update is raised below, once the workbook is built: raised from inside, it would
        # leave openpyxl's write-only sheets half written (they complain as they are collected).
        with contextlib.suppress(Exception):
            facts()  # type: ignore[misc]

    out.mkdir(parents=True, exist_ok=True)
    book = build(ledger, kept_reviews or [], period, today or date.today(), run_id, out / CACHE_NAME,
                 facts=None if facts is None else wait_quietly)
    stored = facts() if facts is not None else None  # waited for already; raises what the update raised
    if stored is not None and stored[0] == version:
        version = stored[1]  # the facts update was the only change since the render began, and it shows
    beside = out / f"tracker (run {run_id}).xlsx"
    problems: list[ValidationIssue] = []
    data = None
    if target.is_file():
        try:
            data = merge(target.read_bytes(), book, sheets.SHEETS)
        except MergeError as err:
            problems.append(issue(IssueCode.workbook_not_updated, WORKBOOK_NAME, reason=str(err),
                                  beside=beside.name))
            target = beside
        if target.name == WORKBOOK_NAME and is_locked(target):
            problems.append(issue(IssueCode.workbook_locked, WORKBOOK_NAME, beside=beside.name))
            target = beside
    if data is None:  # no workbook to merge into, or one that cannot be updated
        data = book.write()
    try:
        _write_atomically(target, data)
    except PermissionError:  # held open by a program that locks files (Excel on Windows)
        problems.append(issue(IssueCode.workbook_locked, WORKBOOK_NAME, beside=beside.name))
        target = beside
        _write_atomically(target, data)
    if target.name == WORKBOOK_NAME:
        store.set_meta(ledger, rendered_key, str(version))
    # Rows the reviewer must fix are typed text: a workbook holding them must be read again.
    store.set_meta(ledger, f"written:{target.resolve()}", "kept" if kept_reviews else _stamp(target))
    return Rendered(target, problems)


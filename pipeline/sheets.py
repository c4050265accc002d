"""Lay out the pipeline's sheets in a fresh (write-only) workbook, from ledger data.

Every string from a document reaches a cell through `text()`, so none becomes a formula;
figures stay numbers whose number format carries their bound (`">= "#,##0`).
"""
from __future__ import annotations

import hashlib
import os
import re
import warnings
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from datetime import date, datetime
from xml.sax.saxutils import escape
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence
from urllib.parse import quote, quote_from_bytes, urlparse

from openpyxl import Workbook
from openpyxl import __version__ as openpyxl_version
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import LineChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from .rowcache import Block, RowCache
from .xlsx_parts import Deflated
from .review import CHOICES, SHOWN, TYPED, TypedRow
from .models import Progress
from .tracker import Series, by_period, gap_key

SHEETS = ["Tracker", "Charts", "Claims", "Review", "Validation errors", "Documents", "About"]
EXCEL_CELL_LIMIT = 32_767
CUT_MARK = " [...cut]"
MAX_ROWS = 1_048_576          # Excel's rows per sheet, header included
MAX_HYPERLINKS = 65_530       # Excel's hyperlinks per sheet
REVIEW_LIMIT = 10_000         # claims listed for review; the rest wait for the next render
BLANK_REVIEW_ROWS = 25        # room to add claims the extractor missed
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
ERROR_FILL = PatternFill("solid", fgColor="F8CBAD", bgColor="F8CBAD")
WARNING_FILL = PatternFill("solid", fgColor="FFE699", bgColor="FFE699")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

# A figure's qualifier shows through its number format, so the cell stays a number.
BOUND_PREFIX = {"lower_bound": '">= "', "upper_bound": '"<= "', "approx": '"~"', "range": '">= "'}


def number_format(value: Any, qualifier: str = "exact") -> str:
    """Thousands separators; decimals only where the figure has them; the bound as a prefix.

    >>> number_format(70_000_000, "lower_bound")
    '">= "#,##0'
    >>> number_format(2.5)
    '#,##0.0##'
    """
    body = "#,##0" if float(value) == int(float(value)) else "#,##0.0##"
    return BOUND_PREFIX.get(qualifier, "") + body


def text(ws: Any, value: Any, **style: Any) -> Any:
    """A document's text, safe for a cell: never a formula, no control characters, within the limit.

    >>> text(None, "=1+1").data_type
    's'
    >>> text(None, "ok\\x07 fine")
    'ok fine'
    """
    if value is None:
        return None
    s = clean(value)
    if not style and not s.startswith("="):
        return s
    cell = WriteOnlyCell(ws, value=s)
    cell.data_type = "s"  # written as a string even when it starts with "="
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def num(ws: Any, value: Any, qualifier: str = "exact") -> Any:
    if value in (None, ""):
        return None
    d = Decimal(str(value))
    v: int | float = int(d) if d == d.to_integral_value() else float(d)
    cell = WriteOnlyCell(ws, value=v)
    cell.number_format = number_format(v, qualifier)
    return cell


def day(ws: Any, value: Any) -> Any:
    if value in (None, ""):
        return None
    cell = WriteOnlyCell(ws, value=value if isinstance(value, (date, datetime)) else date.fromisoformat(str(value)[:10]))
    cell.number_format = DATE_FORMAT
    return cell


URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def document_link(url: str | None, source: str | None) -> str | None:
    """Where a document's link points: its web address when it has one (http or https
    only, unsafe characters escaped), else the file it was read from; nothing else.

    >>> document_link("https://example.org/a b", "inbox/a.html")
    'https://example.org/a%20b'
    >>> document_link("javascript:alert(1)", None), document_link("//evil.example/share", None)
    (None, None)
    """
    if url:
        parts = urlparse(url.strip())
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return quote(clean(url.strip()), safe=URL_SAFE)
        return None if not source else document_link(None, source)
    if not source:
        return None
    try:  # a file the pipeline read itself: a local path, never a host
        folder, name = os.path.split(source)  # as Path's parent and name, in a tenth of the time
        return _folder(folder or ".") + quote_from_bytes(os.fsencode(name))
    except (ValueError, OSError):
        return None


@lru_cache(maxsize=1024)
def _folder(folder: str) -> str:
    """A folder's address, with the slash its files follow, found once for all its files (a
    render links 100,000 of them, and resolving each file's path took a third of a minute)."""
    uri = Path(folder).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def linked(ws: Any, label: str, target: str | None) -> Any:
    """`label` as a cell linking to `target` (made by `document_link`)."""
    if target is None:
        return text(ws, label)
    cell = text(ws, label, font=LINK_FONT)
    cell.hyperlink = target
    return cell


@dataclass(frozen=True)
class Fig:
    """A figure whose qualifier shows through its number format."""

    value: Any
    qualifier: str = "exact"


@dataclass(frozen=True)
class Link:
    label: str
    target: str | None


EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's serial dates (xlsx_parts reads them back)


NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")  # surrogates and non-characters XML refuses


def clean(value: Any) -> str:
    """Text as a cell may hold it: characters Excel or XML refuse removed, cut at the limit.

    >>> clean("a\x07b\ufffec")
    'abc'
    """
    s = NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    if len(s) > EXCEL_CELL_LIMIT:
        s = s[: EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
    return s


def _inline_body(value: Any) -> str:
    return f' t="inlineStr"><is><t xml:space="preserve">{escape(clean(value))}</t></is></c>'


# Documents' dates, sources, units, subjects and whole sentences repeat from row to row:
# each is cleaned and escaped once.
_inline = lru_cache(maxsize=1 << 16)(_inline_body)


@lru_cache(maxsize=1 << 16)
def _figure(value: Any, qualifier: str) -> tuple[int | float, str]:
    """A stored figure (decimal text) as the number a cell holds, and its number format."""
    d = Decimal(str(value))
    n: int | float = int(d) if d == d.to_integral_value() else float(d)
    return n, number_format(n, qualifier)


PENDING_BYTES = 1 << 20  # rendered rows are deflated a megabyte at a time


class FastRows:
    """Data rows written straight as sheet XML, spliced in after openpyxl saves the sheet.

    openpyxl spends about 15 µs on each cell; a Claims sheet of 100,000 claims has 2.6
    million. Strings are always written as inline strings (never formulas); styles come from
    openpyxl (`style_id`), so the style sheet stays its own. Rows and cells carry no
    references (their place is their order, as ECMA-376 allows), so a block of rows rendered
    once fits at any row of a later render (`rowcache`).
    """

    def __init__(self, ws: Any, columns: int) -> None:
        self.ws = ws
        self.letters = [get_column_letter(i + 1) for i in range(columns)]
        self.file = Deflated()  # the rows, deflated as they come: a million of them are not held in memory
        self._pending: list[bytes] = []  # rendered XML not yet deflated
        self._pending_bytes = 0
        self.links: list[tuple[str, str]] = []
        self.row = 2
        self._styles: dict[tuple[str | None, bool, bool], int] = {}
        self.budget = MAX_HYPERLINKS

    def style(self, fmt: str | None = None, link: bool = False, wrap: bool = False) -> int:
        key = (fmt, link, wrap)
        if key not in self._styles:
            cell = WriteOnlyCell(self.ws, value=0)
            if fmt:
                cell.number_format = fmt
            if link:
                cell.font = LINK_FONT
            if wrap:
                cell.alignment = WRAP
            self._styles[key] = cell.style_id
        return self._styles[key]

    def _row(self, values: Sequence[Any], at: int, block: Block) -> str:
        out = []
        lines = 1
        gap = 0
        for col, v in enumerate(values):
            if v is None or v == "" or (isinstance(v, Fig) and v.value in (None, "")):
                gap += 1
                continue
            if gap:  # an empty cell keeps the next one in its column
                out.append("<c/>" * gap)
                gap = 0
            if isinstance(v, str):
                if "\n" in v:  # text over several lines (a quote across a paragraph break) wraps
                    lines = max(lines, v.count("\n") + 1)
                    out.append(f'<c s="{self.style(wrap=True)}"{_inline(v)}')
                else:
                    out.append(f"<c{_inline(v)}")
            elif isinstance(v, bool):
                out.append(f'<c t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, (int, float)):
                out.append(f"<c><v>{v}</v></c>")
            elif isinstance(v, Fig):
                n, fmt = _figure(v.value, v.qualifier)
                out.append(f'<c s="{self.style(fmt)}"><v>{n}</v></c>')
            elif isinstance(v, (date, datetime)):
                serial = (v.date() if isinstance(v, datetime) else v) - EXCEL_EPOCH
                out.append(f'<c s="{self.style(DATE_FORMAT)}"><v>{serial.days}</v></c>')
            elif isinstance(v, Link):
                if v.target is None:
                    out.append(f"<c{_inline(v.label)}")
                elif self.budget <= len(block.links):  # Excel's limit of links per sheet reached
                    block.complete = self.budget == 0  # none left: as every later render lays it out
                    out.append(f"<c{_inline(v.label)}")
                else:
                    block.links.append((at, col, v.target))
                    out.append(f'<c s="{self.style(link=True)}"{_inline(v.label)}')
            else:
                out.append(f"<c{_inline_body(v)}")
        if lines > 1:  # tall enough to show every line (spreadsheets do not grow a row on opening)
            return f'<row ht="{15 * min(lines, 10)}" customHeight="1">{"".join(out)}</row>'
        return f'<row>{"".join(out)}</row>'

    def render(self, rows: Iterable[Sequence[Any]]) -> Block:
        """Rows as a block of XML, not yet placed (`add` places it)."""
        block = Block(b"", 0)
        parts = []
        for values in rows:
            parts.append(self._row(values, block.rows, block))
            block.rows += 1
        block.xml = "".join(parts).encode("utf-8")
        return block

    def add(self, block: Block) -> None:
        """Place a block at the next row; its links get their cell references here."""
        for at, col, target in block.links:
            self.links.append((f"{self.letters[col]}{self.row + at}", target))
        self.budget -= len(block.links)
        if block.packed is not None:  # deflated once (and kept): copied into the sheet as it is
            self._flush()
            self.file.add(block.packed)
        else:
            self._pending.append(block.xml)
            self._pending_bytes += len(block.xml)
            if self._pending_bytes >= PENDING_BYTES:
                self._flush()
        self.row += block.rows

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows placed one after another, rendered a thousand to a block (a block each would
        cost more than the row, and a sheet may hold 100,000)."""
        it = iter(rows)
        while batch := list(islice(it, 1000)):
            self.add(self.render(batch))

    def _flush(self) -> None:
        if self._pending:
            self.file.write(b"".join(self._pending))
            self._pending.clear()
            self._pending_bytes = 0

    def written(self) -> Deflated:
        """The rows so far, for `xlsx_parts.splice_rows`."""
        self._flush()
        return self.file

    def skip(self, n: int) -> None:
        """Leave `n` empty rows (room inside a table)."""
        self.add(Block(b"<row/>" * n, n))


def as_date(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value)[:10])


def header(ws: Any, names: Sequence[str], widths: Sequence[int]) -> None:
    """The header row, frozen, with column widths: set before the first row, as a write-only
    sheet writes its layout when the first row arrives."""
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    landscape(ws)
    # tall enough for a name that wraps in its column: spreadsheets do not grow the row on
    # opening, and the wrapped words spilled, white, over the first data row
    lines = max((_wrapped_lines(n, w) for n, w in zip(names, widths)), default=1)
    if lines > 1:
        ws.row_dimensions[1].height = 15 * lines
    ws.append([text(ws, n, font=HEADER_FONT, fill=HEADER_FILL, alignment=WRAP) for n in names])


def _wrapped_lines(name: str, width: float) -> int:
    """How many lines a header takes wrapped at word breaks in a column `width` characters wide.

    >>> _wrapped_lines("Last seen in run", 9), _wrapped_lines("Document", 30)
    (2, 1)
    """
    lines, used = 1, 0
    for word in name.split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def landscape(ws: Any) -> None:
    """Print across the page with the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "1:1"


def as_table(ws: Any, name: str, headers: Sequence[str], rows: int) -> None:
    """An Excel table (filters, banded rows) over the header and `rows` data rows."""
    ref = f"A1:{get_column_letter(len(headers))}{max(rows, 1) + 1}"
    table = Table(displayName=name, ref=ref)
    table._initialise_columns()
    for col, h in zip(table.tableColumns, headers):
        col.name = h
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    with warnings.catch_warnings():  # openpyxl warns that write-only tables need columns: done above
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(table)


# --- Tracker and Charts --------------------------------------------------------------------

TRACKER_FIXED = [("Series", 7), ("Subject", 22), ("Category", 10), ("Unit", 10), ("Period", 8),
                 ("Latest figure", 19), ("Latest qualifier", 12), ("Latest date", 11), ("Latest source", 30),
                 ("First figure", 19), ("First date", 11), ("Change", 19), ("Documents", 10),
                 ("Latest in EUR", 19), ("Promised", 19), ("Delivered", 19), ("Gap", 19), ("Days since pledge", 10)]


def write_tracker(ws: Any, order: list[tuple[str, str, str, str]], series: dict, labels: list[str],
                  period: str, gaps: dict[tuple[str, str], Progress], links: dict[str, str | None]) -> int:
    """One row per series in the stored order; returns the first period column."""
    header(ws, [h for h, _ in TRACKER_FIXED] + labels, [w for _, w in TRACKER_FIXED] + [18] * len(labels))
    for n, key in enumerate(order, start=1):
        subject, category, unit, per = key
        s: Series | None = series.get(key)
        row: list[Any] = [n, text(ws, subject), category, text(ws, unit), per or None]
        if s is None:  # all of its figures were rejected: the row stays so formulas keep their place
            ws.append(row)
            continue
        last, first = s.latest, s.first
        change = s.change
        source = last.documents[0] if last.documents else None
        row += [num(ws, last.value, last.qualifier), last.qualifier, day(ws, last.when),
                linked(ws, source, links.get(source or "")), num(ws, first.value, first.qualifier),
                day(ws, first.when),
                num(ws, change, "exact" if last.qualifier == first.qualifier == "exact" else "approx"),
                s.documents, num(ws, last.value_eur, last.qualifier)]
        g = gaps.get(gap_key(key)) if category == "pledge" else None
        if g is not None:
            row += [num(ws, g.promised, g.promised_qualifier.value), num(ws, g.delivered, g.delivered_qualifier.value),
                    num(ws, g.gap, g.gap_qualifier.value if g.gap_qualifier else "approx"), g.days_since_pledge]
        else:
            row += [None, None, None, None]
        points = by_period(s, period)
        row += [num(ws, points[lb].value, points[lb].qualifier) if lb in points else None for lb in labels]
        ws.append(row)
    return len(TRACKER_FIXED) + 1


def write_charts(ws: Any, tracker: Any, order: list, series: dict, labels: list[str], first_col: int,
                 top: int = 6) -> int:
    """Line charts over the Tracker's cells for the largest money series and capacity series."""
    money = [(k, s) for k, s in series.items() if s.latest.value_eur is not None and k[1] in ("pledge", "delivery")]
    money.sort(key=lambda ks: -ks[1].latest.value_eur)
    capacity = [(k, s) for k, s in series.items() if k[1] == "capacity"]
    capacity.sort(key=lambda ks: -ks[1].latest.value)
    chosen = [k for k, _ in money[:top]] + [k for k, _ in capacity[:top]]
    ws.append([text(ws, "Charts: the largest series over time, drawn from the Tracker sheet's cells "
                        "(they follow the data on every run).", font=Font(bold=True))])
    if not labels or not chosen:
        ws.append(["No dated series yet."])
        return 0
    last_col = first_col + len(labels) - 1
    cats = Reference(tracker, min_col=first_col, max_col=last_col, min_row=1, max_row=1)
    for i, key in enumerate(chosen):
        row = order.index(key) + 2
        chart = LineChart()
        subject, category, unit, per = key
        chart.title = f"{subject}: {category} ({unit}{' per ' + per if per else ''})"[:200]
        chart.y_axis.title = unit
        chart.y_axis.number_format = "#,##0"
        chart.height, chart.width = 7.5, 16
        chart.add_data(Reference(tracker, min_col=first_col - 1, max_col=last_col, min_row=row, max_row=row),
                       from_rows=True, titles_from_data=False)
        chart.set_categories(cats)
        chart.legend = None
        for s in chart.series:
            s.marker.symbol = "circle"
            s.smooth = False
        # openpyxl takes the first referenced cell as data: start at the first period column instead
        chart.series[0].val.numRef.f = f"'Tracker'!${get_column_letter(first_col)}${row}:${get_column_letter(last_col)}${row}"
        ws.add_chart(chart, f"{'A' if i % 2 == 0 else 'K'}{3 + (i // 2) * 16}")
    return len(chosen)


# --- Claims, Review, Validation errors, Documents ---------------------------------------------

CLAIM_COLUMNS: list[tuple[str, str, str, int]] = [  # header, record key, kind, width
    ("Claim id", "id", "text", 17), ("Document", "doc_key", "link", 30), ("Document date", "doc_date", "date", 12),
    ("Date found in", "doc_date_source", "text", 11), ("Quote", "quote", "text", 30),
    ("Value", "value", "figure", 19), ("Value high", "value_high", "figure", 17), ("Unit", "unit", "text", 11),
    ("Qualifier", "qualifier", "text", 11), ("Category", "category", "text", 10), ("Subject", "subject", "text", 18),
    ("Period", "period", "text", 8), ("Vague", "vague", "bool", 7), ("Recipient", "recipient", "text", 14),
    ("Purpose", "purpose", "text", 16), ("Value EUR", "value_eur", "figure", 19), ("EUR rate", "eur_rate", "number", 10),
    ("Rate date", "eur_rate_date", "date", 11), ("Sentence", "sentence", "text", 60), ("Status", "status", "text", 10),
    ("Review comment", "review_comment", "text", 20), ("Page", "page", "int", 6), ("Start", "start", "int", 7),
    ("End", "end", "int", 7),
    ("Content hash", "content_hash", "text", 14), ("Extractor version", "extractor_version", "text", 10),
    ("Found in run", "first_run", "int", 8),
]
CLAIM_HEADERS = [c[0] for c in CLAIM_COLUMNS]


def _claim_cell(rec: dict, key: str, kind: str, target: str | None) -> Any:
    v = rec.get(key)
    if kind == "figure":
        return Fig(v, rec.get("qualifier") or "exact")
    if kind == "number":
        return Fig(v)
    if kind == "date":
        return as_date(v)
    if kind == "int":
        return None if v is None else int(v)
    if kind == "bool":
        return bool(v)
    if kind == "link":
        return Link(v, target)
    return v


def write_claims(ws: Any, documents: Sequence[Any], claims_of: Callable[[list[str]], dict[str, list[dict]]],
                 notes: dict[str, dict[str, Any]], noted: dict[str, list[str]], note_headers: list[str],
                 links: dict[str, str | None], cache: RowCache | None = None) -> tuple[FastRows, int]:
    """Every standing claim, a document at a time, newest documents last, then the
    analyst's own note columns.

    `documents`: (key, revision, claims) each, in the sheet's order (`store.ClaimDocument`);
    `claims_of(keys)`: those documents' claims as records, asked only for the runs of
    documents (`_document_runs`) whose rows `cache` does not keep from an earlier render (a
    run's rows are kept under its documents' revisions, links and notes, so the claims of a
    run of unchanged documents are never read, and its rows go into the sheet as one block:
    at 100,000 documents, a block a document cost seconds to look up and place).
    `notes`: by claim id; `noted`: the claim ids with notes, by document. `links`: each
    document's link (`document_link`).

    Returns the rows, and how many claims did not fit in the sheet (the oldest are left out).
    """
    headers = CLAIM_HEADERS + note_headers
    header(ws, headers, [c[3] for c in CLAIM_COLUMNS] + [24] * len(note_headers))
    rows = FastRows(ws, len(headers))
    salt = _rows_salt(rows, CLAIM_COLUMNS, note_headers)
    left_out = max(0, sum(d.claims for d in documents) - (MAX_ROWS - 1))

    def digest(run: list[tuple[Any, int]], links_left: bool) -> bytes:
        sig = salt.copy()
        for doc, skip in run:
            own = [(cid, [notes[cid].get(h) for h in note_headers]) for cid in sorted(noted.get(doc.key, ()))]
            sig.update(repr((doc.key, doc.revision, skip, links.get(doc.key), own)).encode("utf-8", "surrogatepass"))
        sig.update(repr(links_left).encode())
        return sig.digest()

    cached: Callable[[list[bytes]], dict[bytes, Block]] = cache.get if cache is not None else lambda sigs: {}

    def place(batch: list[list[tuple[Any, int]]]) -> None:
        """Runs of documents' rows: kept from an earlier render while none of a run's documents
        changed (asked once for the batch), else rendered from their claims (read once for the
        batch)."""
        links_left = rows.budget > 0
        sigs = [digest(run, links_left) for run in batch]
        found = cached(sigs)
        missed = [doc.key for sig, run in zip(sigs, batch) if sig not in found for doc, _ in run]
        claims = claims_of(missed) if missed else {}
        for sig, run in zip(sigs, batch):
            if rows.budget == 0 and links_left:  # the link limit was reached inside the batch
                sig = digest(run, False)
                found.update(cached([sig]))
            block = found.get(sig)
            if block is None or len(block.links) > rows.budget:
                if any(doc.key not in claims for doc, _ in run):
                    claims.update(claims_of([doc.key for doc, _ in run]))
                block = rows.render([_claim_cell(rec, key, kind, links.get(doc.key)) for _, key, kind, _ in CLAIM_COLUMNS]
                                    + [notes.get(rec["id"], {}).get(h) for h in note_headers]
                                    for doc, skip in run for rec in claims.get(doc.key, [])[skip:])
                if cache is not None and block.complete:  # not when Excel's link limit cut it short
                    cache.put(sig, block)
            rows.add(block)

    to_skip = left_out
    shown: list[tuple[Any, int]] = []
    for doc in documents:
        if to_skip >= doc.claims:  # the oldest documents' claims do not fit
            to_skip -= doc.claims
            continue
        shown.append((doc, to_skip))
        to_skip = 0
    runs = iter(_document_runs(shown, CLAIM_RUN_END, key=lambda d: d[0].key))
    while batch := list(islice(runs, CACHE_BATCH)):
        place(batch)
    as_table(ws, "tblClaims", headers, rows.row - 2)
    return rows, left_out


# The code that lays out a row: a block cached by another version of it is never reused.
ROWS_CODE = hashlib.blake2b(Path(__file__).read_bytes() + openpyxl_version.encode(), digest_size=16).digest()


def _rows_salt(rows: FastRows, *layout: object) -> Any:
    """What every row of a sheet depends on besides its record: the code, the sheet's columns
    (`layout`) and the style numbers."""
    for fmt in [*CELL_FORMATS, None]:
        rows.style(fmt)
    rows.style(link=True)
    rows.style(wrap=True)
    return hashlib.blake2b(repr((ROWS_CODE, layout, sorted(rows._styles.items(), key=repr)))
                           .encode("utf-8", "surrogatepass"), digest_size=16)


REVIEW_HEADERS = [h for h, _ in SHOWN] + [h for h, _ in TYPED]


def write_review(ws: Any, waiting: Iterable[dict], kept: list[TypedRow]) -> FastRows:
    """Claims awaiting review (`store.ClaimsByDocument.awaiting_review`) with a decision drop-down, rows the
    reviewer must fix, and room to add."""
    widths = [17, 28, 28, 50, 14, 12, 10, 11, 10, 16, 8, 14, 14, 12, 10, 12, 12, 16, 10, 30]
    header(ws, REVIEW_HEADERS, widths)
    fast = FastRows(ws, len(REVIEW_HEADERS))
    fast.extend([typed.cells.get(h) for h in REVIEW_HEADERS]  # decisions that could not be applied, as typed
                for typed in kept)
    fast.extend([c["id"], c["doc_key"], c["quote"], c["sentence"], Fig(c["value"], c["qualifier"]),
                 Fig(c["value_high"]), c["unit"], c["qualifier"], c["category"], c["subject"], c["period"]]
                for c in waiting)
    fast.skip(BLANK_REVIEW_ROWS)
    rows = fast.row - 2
    last = rows + 1 + 1000  # validation reaches past the table, for rows the reviewer appends
    for header_name, key in [("Decision", "decision"), ("Corrected qualifier", "qualifier"),
                             ("Corrected category", "category"), ("Corrected period", "period")]:
        col = get_column_letter(REVIEW_HEADERS.index(header_name) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(CHOICES[key]) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Not a choice",
                            error=f"Pick one of: {', '.join(CHOICES[key])}.")
        dv.add(f"{col}2:{col}{last}")
        ws.data_validations.append(dv)
    as_table(ws, "tblReview", REVIEW_HEADERS, rows)
    return fast


ISSUE_COLUMNS = [("Severity", "severity", 9), ("Document", "doc_key", 30), ("Claim id", "claim_id", 17),
                 ("Step", "step", 9), ("Rule", "code", 20), ("Message", "message", 60), ("What to do", "hint", 50),
                 ("Where", "where", 16), ("First seen in run", "first_run", 9), ("Last seen in run", "last_run", 9)]


def write_issues(ws: Any, issues: list[Any]) -> FastRows:
    header(ws, [c[0] for c in ISSUE_COLUMNS], [c[2] for c in ISSUE_COLUMNS])
    fast = FastRows(ws, len(ISSUE_COLUMNS))
    fast.extend([i[key] for _, key, _ in ISSUE_COLUMNS] for i in issues)
    last = max(len(issues), 1) + 1
    ws.conditional_formatting.add(f"A2:J{last}", FormulaRule(formula=['$A2="error"'], fill=ERROR_FILL))
    ws.conditional_formatting.add(f"A2:J{last}", FormulaRule(formula=['$A2="warning"'], fill=WARNING_FILL))
    as_table(ws, "tblIssues", [c[0] for c in ISSUE_COLUMNS], len(issues))
    return fast


DOCUMENT_COLUMNS = [("Document", 30), ("Path or URL", 45), ("Title", 45), ("Date", 11), ("Date found in", 11),
                    ("Read as", 14), ("Claims", 8), ("Error", 45), ("Content hash", 14), ("In inbox", 8),
                    ("Rejected by reviewer", 10), ("First run", 8), ("Last run", 8)]


def write_documents(ws: Any, documents: list[Any], links: dict[str, str | None],
                    cache: RowCache | None = None) -> FastRows:
    """Every document, by key, a run of documents to a block of rows: a block is rendered
    again only when one of its documents' rows changed (`cache`), as the documents of a run
    that added 1 % new ones fall in a few of its blocks."""
    header(ws, [c[0] for c in DOCUMENT_COLUMNS], [c[1] for c in DOCUMENT_COLUMNS])
    rows = FastRows(ws, len(DOCUMENT_COLUMNS))
    salt = _rows_salt(rows, DOCUMENT_COLUMNS)
    for run in _document_runs(documents, DOCUMENT_RUN_END):
        links_left = rows.budget > 0
        shown = [(d["key"], d["url"] or d["source"], links[d["key"]], d["title"], d["date"], d["date_source"],
                  d["read_as"], d["claim_count"], d["error"], d["content_hash"], d["missing"], d["rejected"],
                  d["first_run"], d["last_run"]) for d in run]
        sig = salt.copy()
        sig.update(repr((links_left, shown)).encode("utf-8", "surrogatepass"))
        digest = sig.digest()
        block = cache.get([digest]).get(digest) if cache is not None else None
        if block is None or len(block.links) > rows.budget:
            block = rows.render([key, Link(label, target), title, as_date(day), date_source, read_as, claims, error,
                                 content_hash, "no" if missing else "yes", "yes" if rejected else "no", first, last]
                                for key, label, target, title, day, date_source, read_as, claims, error,
                                content_hash, missing, rejected, first, last in shown)
            if cache is not None and block.complete:
                cache.put(digest, block)
        rows.add(block)
    as_table(ws, "tblDocuments", [c[0] for c in DOCUMENT_COLUMNS], len(documents))
    return rows


DOCUMENT_RUN_END = 63  # Documents rows in runs of 64 documents on average (`_document_runs`)
DOCUMENT_RUN_MAX = 1000
# Claims rows in runs of 8 documents on average: 1 % new documents spread over the dates fall
# in 8 % of the runs (whose claims are read and rendered again), and a block a run is an
# eighth of the blocks to look up and place.
CLAIM_RUN_END = 7
CACHE_BATCH = 100  # runs of Claims rows whose blocks are asked for at once


def _document_runs(items: list[Any], end: int, key: Callable[[Any], str] = itemgetter("key")) -> Iterable[list[Any]]:
    """The items (a document's row, or its Claims rows) cut where their documents' keys say (not
    every n documents), so that a document added or changed leaves every other run as it was:
    a run ends after a key whose CRC-32 has none of the bits of `end`."""
    run: list[Any] = []
    for item in items:
        run.append(item)
        if not zlib.crc32(key(item).encode("utf-8", "surrogatepass")) & end or len(run) >= DOCUMENT_RUN_MAX:
            yield run
            run = []
    if run:
        yield run


# --- About ------------------------------------------------------------------------------------

CATEGORY_MEANING = [
    ("pledge", "money or materiel promised, committed, allocated, secured, raised, attracted, contributed or planned"),
    ("delivery", "already delivered, supplied, transferred or sent"),
    ("capacity", "production capacity, output rate or production target"),
    ("count", "participants and other counts (countries, companies, people)"),
    ("other", "durations, percentages, losses, prices: on Claims, not on the Tracker"),
]
QUALIFIER_MEANING = [
    ("exact", "the figure as stated"), ("approx", "about, around, nearly, almost, roughly (shown ~)"),
    ("lower_bound", "more than, over, at least, thousands of (shown >=)"),
    ("upper_bound", "up to, less than, no more than (shown <=)"),
    ("range", "between two figures: Value to Value high (shown >= the low end)"),
]


def write_about(ws: Any, updated: datetime, runs: list[Any], changes: list[str], notes: list[str],
                period: str) -> None:
    bold = Font(bold=True)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    lines: list[list[Any]] = [
        [text(ws, "Pledge and capacity tracker", font=Font(bold=True, size=14))],
        ["What this is", "Every numeric claim (money pledged, materiel delivered, production capacity, counts) "
                         "found in the documents of the inbox, checked, kept in a ledger and shown over time."],
        ["Last updated", WriteOnlyCell(ws, value=updated)],
        ["Source of truth", "The ledger (ledger.sqlite). This workbook is rendered from it on every run; only "
                            "decisions typed on the Review sheet are read back. Your own sheets and note columns "
                            "added to Claims are kept."],
        ["Tracker", f"One row per series (subject, category, unit, period); one column per {period}, holding the "
                    "figure reported in it (the latest when several). Rows keep their order; new series are "
                    "appended. Figures with a bound keep it in their number format (>= 70,000,000)."],
        ["Review", "Pick a decision: accept, correct (fill the Corrected columns), reject, add (a claim the "
                   "extractor missed: fill Document, Quote and the fields), or reject document. The next run "
                   "reads it back; the reviewer's word beats the extractor's."],
        [],
        [text(ws, "What changed in the last run", font=bold)],
        *[["", text(ws, c)] for c in (changes or ["Nothing new."])],
        *([[text(ws, "Notes", font=bold)]] + [["", text(ws, n)] for n in notes] if notes else []),
        [],
        [text(ws, "Categories", font=bold)], *[[k, v] for k, v in CATEGORY_MEANING],
        [],
        [text(ws, "Qualifiers", font=bold)], *[[k, v] for k, v in QUALIFIER_MEANING],
        [],
        [text(ws, "Runs", font=bold)],
        ["Run", "Started / documents seen, read, unchanged / claims found / problems / extractor / complete"],
    ]
    lines[2][1].number_format = DATETIME_FORMAT
    lines[2][1].alignment = Alignment(horizontal="left")
    for r in runs:
        lines.append([r["id"], f"{r['started']} / {r['documents_seen']}, {r['documents_read']}, "
                               f"{r['documents_unchanged']} / {r['claims_found']} / {r['issues_found']} / "
                               f"{r['extractor_version']} / {'yes' if r['complete'] else 'no'}"])
    for line in lines:
        ws.append(line)


# Every number format a data cell takes: whole and decimal figures, each bound, dates.
CELL_FORMATS = [number_format(v, q) for v in (1, 1.5) for q in ("exact", *BOUND_PREFIX)] + [DATE_FORMAT,
                                                                                            DATETIME_FORMAT]


def register_styles(ws: Any) -> None:
    """Give the styles the sheets use their numbers in one fixed order, before any cell asks.

    Styles are otherwise numbered as cells first use them, which depends on the data; with
    the same numbers from run to run, the workbook's style sheet already holds them in place
    and `xlsx_parts.merge` copies the sheets as they are, without remapping every cell.
    """
    cells = [text(ws, "", font=HEADER_FONT, fill=HEADER_FILL, alignment=WRAP), text(ws, "", font=LINK_FONT),
             text(ws, "", font=Font(bold=True)), text(ws, "", font=Font(bold=True, size=14))]
    for fmt in CELL_FORMATS:
        cell = WriteOnlyCell(ws, value=0)
        cell.number_format = fmt
        cells.append(cell)
    cells.append(text(ws, "", alignment=WRAP))  # last: the styles numbered before it keep their numbers
    for cell in cells:
        cell.style_id  # noqa: B018 - asking for it is what numbers the style


# Sheets narrow enough to print one page wide and still be read; Tracker, Claims and Review
# are too wide (a column a month, 27 fields, 20 fields): shrunk to one page their text cannot
# be read (Review came out in 5-point type), so they print across pages.
PRINT_ONE_PAGE_WIDE = {"Charts", "Validation errors", "Documents", "About"}


def set_printing(ws: Any) -> None:
    """Print landscape; the narrower sheets one page wide (as many tall as the rows need)."""
    ws.page_setup.orientation = "landscape"
    if ws.title in PRINT_ONE_PAGE_WIDE:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def new_workbook() -> Workbook:
    return Workbook(write_only=True)

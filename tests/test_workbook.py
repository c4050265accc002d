"""The tracker workbook: exact cells of each sheet, the review round trip, and the analyst's
own sheets, charts, images and note columns surviving runs.
"""
from __future__ import annotations

import os
import re
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import invoke, ledger_rows, sheet_records, sheet_rows, write_doc
from pipeline import sheets

DOCS = {
    "2024-03-01-coalition.txt": "The drone coalition has raised EUR 300 million so far, officials said.\n",
    "2024-05-10-coalition.txt": "The drone coalition has raised about EUR 400 million, its members said.\n",
    "2024-09-20-coalition.txt": "The drone coalition has secured over EUR 500 million and delivered 2,000 drones "
                                "to Ukraine.\n",
    "2024-05-12-oslo.txt": "Norway pledged NOK 2 billion for air defence.\n",
}


def run(inbox: Path, out: Path):
    result = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def tracked(tmp_path: Path) -> tuple[Path, Path]:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for name, text in DOCS.items():
        write_doc(inbox, name, text)
    run(inbox, out)
    return inbox, out


def test_sheets_in_order(tracked: tuple[Path, Path]) -> None:
    _, out = tracked
    assert load_workbook(out / "tracker.xlsx").sheetnames == [
        "Tracker", "Charts", "Claims", "Review", "Validation errors", "Documents", "About"]


def test_sheets_print_landscape_and_the_narrow_ones_one_page_wide(tracked: tuple[Path, Path]) -> None:
    _, out = tracked
    wb = load_workbook(out / "tracker.xlsx")
    assert {ws.title: (ws.page_setup.orientation, ws.sheet_properties.pageSetUpPr.fitToPage if
                       ws.sheet_properties.pageSetUpPr else None, ws.page_setup.fitToWidth) for ws in wb} == {
        "Tracker": ("landscape", None, None), "Claims": ("landscape", None, None), "Review": ("landscape", None, None),
        **{n: ("landscape", True, 1) for n in ("Charts", "Validation errors", "Documents", "About")}}


def test_a_header_row_is_as_tall_as_its_longest_wrapped_name(tracked: tuple[Path, Path]) -> None:
    """Spreadsheets do not grow a row on opening: "First seen in run" in a column 9 wide takes
    three lines ("First", "seen in", "run"), which spilled over the first problem row."""
    _, out = tracked
    wb = load_workbook(out / "tracker.xlsx")
    assert wb["Validation errors"].row_dimensions[1].height == 45
    assert wb["About"].row_dimensions[1].height is None  # nothing there wraps


def test_tracker_shows_a_series_reported_at_three_dates(tracked: tuple[Path, Path]) -> None:
    _, out = tracked
    rows = sheet_records(out / "tracker.xlsx", "Tracker")
    pick = ["Series", "Subject", "Category", "Unit", "Period", "Latest figure", "Latest qualifier", "Latest date",
            "Latest source", "First figure", "First date", "Change", "Documents"]
    assert [tuple(r[k] for k in pick) for r in rows] == [
        (1, "Norway", "pledge", "NOK", None, 2_000_000_000, "exact", datetime(2024, 5, 12), "2024-05-12-oslo.txt",
         2_000_000_000, datetime(2024, 5, 12), None, 1),
        (2, "drone coalition", "delivery", "drone", None, 2000, "exact", datetime(2024, 9, 20),
         "2024-09-20-coalition.txt", 2000, datetime(2024, 9, 20), None, 1),
        (3, "drone coalition", "pledge", "EUR", None, 500_000_000, "lower_bound", datetime(2024, 9, 20),
         "2024-09-20-coalition.txt", 300_000_000, datetime(2024, 3, 1), 200_000_000, 3),
    ]
    coalition = rows[2]
    months = {k: v for k, v in coalition.items() if k[:2] == "20"}
    assert months == {"2024-03": 300_000_000, "2024-04": None, "2024-05": 400_000_000, "2024-06": None,
                      "2024-07": None, "2024-08": None, "2024-09": 500_000_000}
    assert coalition["Latest in EUR"] == 500_000_000
    # The bound travels with the figure: a number whose format says ">=".
    ws = load_workbook(out / "tracker.xlsx")["Tracker"]
    header = [c.value for c in ws[1]]
    latest = ws.cell(row=4, column=header.index("Latest figure") + 1)
    assert (latest.value, latest.number_format) == (500_000_000, '">= "#,##0')
    may = ws.cell(row=4, column=header.index("2024-05") + 1)
    assert (may.value, may.number_format) == (400_000_000, '"~"#,##0')


def test_charts_draw_from_tracker_cells(tracked: tuple[Path, Path]) -> None:
    _, out = tracked
    with zipfile.ZipFile(out / "tracker.xlsx") as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    refs = sorted(ref for chart in charts for ref in re.findall(r"<(?:c:)?f>(.*?)</(?:c:)?f>", chart))
    # The largest money series in EUR first (drone coalition, then Norway), each over its Tracker row.
    assert "'Tracker'!$S$4:$Y$4" in refs and "'Tracker'!$S$2:$Y$2" in refs
    assert len(charts) == 2


def test_claims_sheet_is_a_table_with_links_and_real_dates(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    wb = load_workbook(out / "tracker.xlsx")
    ws = wb["Claims"]
    assert list(ws.tables) == ["tblClaims"] and ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    doc = ws.cell(row=2, column=header.index("Document") + 1)
    assert doc.value == "2024-03-01-coalition.txt"
    assert doc.hyperlink.target == (inbox / "2024-03-01-coalition.txt").resolve().as_uri()
    value = ws.cell(row=2, column=header.index("Value") + 1)
    assert (value.value, value.number_format) == (300_000_000, "#,##0")
    assert ws.cell(row=2, column=header.index("Document date") + 1).value == datetime(2024, 3, 1)


def test_a_web_address_with_ampersands_and_quotes_links_as_it_is(tmp_path: Path) -> None:
    import formats

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    url = "https://news.example/aid?id=7&lang=en&q='tanks'"
    write_doc(inbox, "norway.html", formats.html_page(url=url.replace("&", "&amp;")))
    run(inbox, out)
    wb = load_workbook(out / "tracker.xlsx")
    for sheet, column in (("Documents", "Path or URL"), ("Claims", "Document")):
        ws = wb[sheet]
        cell = ws.cell(row=2, column=[c.value for c in ws[1]].index(column) + 1)
        assert cell.hyperlink.target == "https://news.example/aid?id=7&lang=en&q=%27tanks%27", sheet


def test_validation_errors_are_coloured_by_severity(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2024-03-01-blank.txt", "")
    write_doc(inbox, "undated.txt", "Sweden sent 10 boats.\n")
    run(inbox, out)
    rows = sheet_records(out / "tracker.xlsx", "Validation errors")
    assert [(r["Severity"], r["Document"], r["Rule"]) for r in rows] == [
        ("error", "2024-03-01-blank.txt", "empty_file"), ("warning", "undated.txt", "no_date")]
    rules = load_workbook(out / "tracker.xlsx")["Validation errors"].conditional_formatting
    formulas = sorted(r.formula[0] for cf in rules for r in cf.rules)
    assert formulas == ['$A2="error"', '$A2="warning"']


def test_about_says_what_changed(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)
    about = [r for r in sheet_rows(out / "tracker.xlsx", "About")]
    lines = [r[1] for r in about if r and r[0] in (None, "") and r[1:] and r[1]]
    assert any(line.startswith("Run 2 (") and line.endswith("1 new or changed document(s) read, 1 new claim(s).")
               for line in lines)
    assert "drone coalition / pledge / EUR: latest 550,000,000 on 2024-10-01 (was 500,000,000)." in lines
    runs = [r[1] for r in about if r and r[0] in (1, 2)]
    assert [line.rsplit(" / ", 1)[1] for line in runs] == ["yes", "yes"]  # the run this workbook ends is complete


def test_a_run_with_nothing_new_leaves_the_workbook_alone(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    before = (out / "tracker.xlsx").stat().st_mtime_ns
    result = run(inbox, out)
    assert f"Workbook unchanged: {out / 'tracker.xlsx'}" in result.output
    assert (out / "tracker.xlsx").stat().st_mtime_ns == before


def test_the_style_sheet_does_not_grow_from_run_to_run(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    styles = []
    for n, text in enumerate(["Denmark pledged DKK 5 billion.\n", "Sweden pledged about SEK 3.5 billion.\n"]):
        write_doc(inbox, f"2024-10-0{n + 1}-north.txt", text)
        run(inbox, out)
        with zipfile.ZipFile(out / "tracker.xlsx") as z:
            styles.append(z.read("xl/styles.xml"))
    assert styles[0] == styles[1]


# --- the review round trip ----------------------------------------------------------------

def _review(out: Path, decisions: list[dict]) -> None:
    """Type decisions into the Review sheet as a reviewer would (by header), and save."""
    path = out / "tracker.xlsx"
    wb = load_workbook(path)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    by_id = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    blank = iter(r for r in range(2, ws.max_row + 30) if ws.cell(row=r, column=1).value is None
                 and ws.cell(row=r, column=2).value is None)
    for d in decisions:
        row = by_id[d["Claim id"]] if d.get("Claim id") in by_id else next(blank)
        for k, v in d.items():
            ws.cell(row=row, column=header.index(k) + 1).value = v
    wb.save(path)


def _claim_id(out: Path, quote: str) -> str:
    [(cid,)] = ledger_rows(out, "SELECT id FROM claims WHERE quote = ?", (quote,))
    return cid


def test_review_round_trip(tracked: tuple[Path, Path]) -> None:
    _, out = tracked
    accept, correct, reject = (_claim_id(out, q) for q in
                               ("EUR 300 million", "about EUR 400 million", "over EUR 500 million"))
    _review(out, [
        {"Claim id": accept, "Decision": "accept"},
        {"Claim id": correct, "Decision": "correct", "Corrected value": 450_000_000, "Corrected qualifier": "exact",
         "Comment": "ministry figure"},
        {"Claim id": reject, "Decision": "reject"},
        {"Document": "2024-09-20-coalition.txt", "Quote": "2,000 drones", "Decision": "add",
         "Value": 1_000_000, "Unit": "EUR", "Category": "pledge", "Subject": "Latvia", "Comment": "missed"},
        {"Document": "2024-05-12-oslo.txt", "Decision": "reject document"},
        {"Claim id": "2,000 drones", "Decision": "correct", "Corrected value": "lots"},
    ])
    result = invoke("review-import", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "5 decision(s) applied; 1 problem(s).",
        "  error: tracker.xlsx: the Review sheet has a decision for claim 2,000 drones that is not in the ledger; "
        "it was not applied.",
        f"Workbook: {out / 'tracker.xlsx'}  Ledger: {out / 'ledger.sqlite'}"]

    assert ledger_rows(out, "SELECT decision, value, qualifier, comment FROM reviews ORDER BY id") == [
        ("accept", None, None, ""), ("correct", "450000000", "exact", "ministry figure"), ("reject", None, None, ""),
        ("add", "1000000", None, "missed"), ("reject document", None, None, "")]
    # Claims show the reviewer's word: status, corrected figure, and the added claim.
    assert [(r["Quote"], r["Status"], r["Value"], r["Unit"], r["Qualifier"], r["Review comment"])
            for r in sheet_records(out / "tracker.xlsx", "Claims")] == [
        ("EUR 300 million", "accepted", 300_000_000, "EUR", "exact", None),
        ("about EUR 400 million", "corrected", 450_000_000, "EUR", "exact", "ministry figure"),
        ("NOK 2 billion", "rejected", 2_000_000_000, "NOK", "exact", None),
        ("2,000 drones", "accepted", 1_000_000, "EUR", "exact", "missed"),
        ("over EUR 500 million", "rejected", 500_000_000, "EUR", "lower_bound", None),
        ("2,000 drones", "new", 2000, "drone", "exact", None)]
    tracker = {(r["Subject"], r["Category"], r["Unit"]): r for r in sheet_records(out / "tracker.xlsx", "Tracker")}
    coalition = tracker[("drone coalition", "pledge", "EUR")]
    assert (coalition["Latest figure"], coalition["Latest qualifier"], coalition["2024-05"]) == (
        450_000_000, "exact", 450_000_000)
    assert coalition["2024-09"] is None  # the rejected figure left the Tracker
    assert tracker[("Norway", "pledge", "NOK")]["Latest figure"] is None  # its document was rejected
    assert tracker[("Latvia", "pledge", "EUR")]["Latest figure"] == 1_000_000

    errors = sheet_records(out / "tracker.xlsx", "Validation errors")
    assert [(e["Step"], e["Rule"]) for e in errors] == [("review", "review_unknown_claim")]
    # The bad decision stays on the Review sheet, as typed, for the reviewer to fix.
    review = sheet_records(out / "tracker.xlsx", "Review")
    assert (review[0]["Claim id"], review[0]["Decision"], review[0]["Corrected value"]) == (
        "2,000 drones", "correct", "lots")
    assert [r["Quote"] for r in review[1:]] == ["2,000 drones"]  # only the undecided claim waits


def test_review_lists_the_newest_claims_awaiting_a_decision_after_the_rows_to_fix(
        tracked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import sheets

    inbox, out = tracked
    monkeypatch.setattr(sheets, "REVIEW_LIMIT", 2)
    nok = _claim_id(out, "NOK 2 billion")
    _review(out, [{"Document": "2024-09-20-coalition.txt", "Decision": "reject document"},  # its claims wait no more
                  {"Claim id": nok, "Decision": "approve"}])  # to fix: shown as typed, first
    run(inbox, out)
    review = sheet_records(out / "tracker.xlsx", "Review")
    assert [(r["Claim id"], r["Decision"]) for r in review[:1]] == [(nok, "approve")]
    assert [(r["Document"], r["Quote"], r["Decision"]) for r in review[1:3]] == [
        ("2024-03-01-coalition.txt", "EUR 300 million", None), ("2024-05-10-coalition.txt", "about EUR 400 million", None)]
    assert all(r["Claim id"] is None for r in review[3:])  # then room to add


@pytest.mark.parametrize("typed,rule,message", [
    ({"Decision": "correct", "Corrected value": "lots"}, "review_bad_value",
     "the corrected value 'lots' is not a number; the correction was not applied."),
    ({"Decision": "correct", "Corrected category": "gift"}, "review_bad_field",
     "the corrected category 'gift' is not allowed (pledge, capacity, delivery, count, other); "
     "the correction was not applied."),
    ({"Decision": "correct"}, "review_incomplete",
     "the decision 'correct' needs at least one corrected field; it was not applied."),
    ({"Decision": "approve"}, "review_bad_decision",
     "'approve' is not a decision the Review sheet knows; it was not applied."),
])
def test_a_decision_that_cannot_be_applied_is_reported_and_kept(tracked: tuple[Path, Path], typed: dict,
                                                                rule: str, message: str) -> None:
    inbox, out = tracked
    cid = _claim_id(out, "EUR 300 million")
    _review(out, [{"Claim id": cid, **typed}])
    run(inbox, out)
    [error] = sheet_records(out / "tracker.xlsx", "Validation errors")
    assert (error["Document"], error["Claim id"], error["Rule"], error["Message"]) == (
        "2024-03-01-coalition.txt", cid, rule, message)
    assert ledger_rows(out, "SELECT status FROM claims WHERE id = ?", (cid,)) == [("new",)]
    kept = sheet_records(out / "tracker.xlsx", "Review")[0]
    assert {k: kept[k] for k in typed} == typed
    # Fixing the row closes the problem.
    _review(out, [{"Claim id": cid, "Decision": "accept", "Corrected value": None, "Corrected category": None}])
    run(inbox, out)
    assert sheet_records(out / "tracker.xlsx", "Validation errors") == []
    assert ledger_rows(out, "SELECT status FROM claims WHERE id = ?", (cid,)) == [("accepted",)]


# --- the analyst's own work ---------------------------------------------------------------

def _analyst_work(out: Path) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    path = out / "tracker.xlsx"
    wb = load_workbook(path)
    ws = wb.create_sheet("My analysis")
    ws["A1"], ws["B1"] = "Coalition latest", "=Tracker!F4"
    ws["A2"], ws["A3"], ws["A4"] = 3, 5, 8
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=2, max_row=4))
    ws.add_chart(chart, "D2")
    picture = out / "flag.png"
    Picture.new("RGB", (30, 20), (0, 87, 183)).save(picture)
    ws.add_image(Image(str(picture)), "D20")
    claims = wb["Claims"]
    note_col = claims.max_column + 1
    claims.cell(row=1, column=note_col, value="My note")
    for r in range(2, claims.max_row + 1):
        if claims.cell(row=r, column=5).value == "about EUR 400 million":
            claims.cell(row=r, column=note_col, value="check with MoD")
    wb.save(path)


def _analyst_parts(path: Path) -> dict[str, bytes]:
    """The chart, drawing and image parts of the analyst's own sheet, by part name."""
    from pipeline.xlsx_parts import Package, closure, sheets

    pkg = Package.read(path.read_bytes())
    [mine] = [s for s in sheets(pkg)[2] if s.name == "My analysis"]
    return {n: pkg.get(n) for n in closure(pkg, mine.part) if n != mine.part}


def test_analyst_sheets_charts_images_and_notes_survive_two_runs(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    _analyst_work(out)
    before = _analyst_parts(out / "tracker.xlsx")
    assert {n.split("/")[1] for n in before} >= {"charts", "drawings", "media"}
    write_doc(inbox, "2024-01-15-early.txt", "Latvia pledged EUR 10 million to the drone coalition.\n")
    run(inbox, out)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)

    assert _analyst_parts(out / "tracker.xlsx") == before  # byte for byte
    wb = load_workbook(out / "tracker.xlsx")
    assert wb.sheetnames[-1] == "My analysis" and wb.sheetnames[:7] == [
        "Tracker", "Charts", "Claims", "Review", "Validation errors", "Documents", "About"]
    assert wb["My analysis"]["B1"].value == "=Tracker!F4"
    # The note moved with its claim: a new, earlier document put a row above it.
    notes = [(r["Quote"], r["My note"]) for r in sheet_records(out / "tracker.xlsx", "Claims")]
    assert ("about EUR 400 million", "check with MoD") in notes
    assert [q for q, n in notes if n] == ["about EUR 400 million"]
    assert notes[0][0] == "EUR 10 million"
    # The Tracker row the formula points at is still the coalition's pledge series.
    tracker = load_workbook(out / "tracker.xlsx")["Tracker"]
    assert [tracker.cell(row=4, column=c).value for c in (2, 3, 4)] == ["drone coalition", "pledge", "EUR"]


def test_the_workbook_opens_in_libreoffice_after_the_merge(tracked: tuple[Path, Path], tmp_path: Path) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed here")
    inbox, out = tracked
    _analyst_work(out)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)
    proc = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(out / "tracker.xlsx")], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and (tmp_path / "tracker.pdf").stat().st_size > 10_000, proc.stderr


def test_the_workbook_gets_the_usual_file_permissions_and_keeps_its_own(tracked: tuple[Path, Path]) -> None:
    import os

    inbox, out = tracked
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "tracker.xlsx").stat().st_mode & 0o777 == 0o666 & ~umask
    (out / "tracker.xlsx").chmod(0o640)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)
    assert [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")][-1] == "EUR 550 million"
    assert (out / "tracker.xlsx").stat().st_mode & 0o777 == 0o640


def test_an_open_workbook_is_not_overwritten(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    original = (out / "tracker.xlsx").read_bytes()
    (out / ".~lock.tracker.xlsx#").write_text("someone,host,2024-01-01;")
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    result = run(inbox, out)
    assert (out / "tracker.xlsx").read_bytes() == original
    assert ("  warning: tracker.xlsx: the workbook is open or locked elsewhere; this run's version was written "
            "to tracker (run 2).xlsx instead.") in result.output.splitlines()
    assert [r["Quote"] for r in sheet_records(out / "tracker (run 2).xlsx", "Claims")][-1] == "EUR 550 million"


def test_document_text_is_never_a_formula_nor_a_control_character(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2024-03-01-evil.txt", "=cmd|' /C calc'!A0\nPoland sent 5\x07 tanks. @SUM(1) pledged "
                                            "+EUR 2 million.\n" + "x" * 40_000)
    run(inbox, out)
    ws = load_workbook(out / "tracker.xlsx")["Documents"]
    title = ws["C2"]
    assert (title.value, title.data_type) == ("=cmd|' /C calc'!A0", "s")
    for sheet in ("Claims", "Review", "Documents"):
        wb = load_workbook(out / "tracker.xlsx")
        for row in wb[sheet].iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert "\x07" not in cell.value and len(cell.value) <= 32_767


def test_more_claims_than_a_sheet_holds_shows_the_newest_and_says_so(tracked: tuple[Path, Path],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import sheets

    inbox, out = tracked
    monkeypatch.setattr(sheets, "MAX_ROWS", 4)  # a sheet of a header and three rows
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)
    assert [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")] == [
        "over EUR 500 million", "2,000 drones", "EUR 550 million"]
    about = [r[1] for r in sheet_rows(out / "tracker.xlsx", "About") if len(r) > 1]
    assert "The ledger holds 6 claims, more than a sheet can; Claims shows the newest 3. All are in the ledger." in about


def test_hyperlinks_stay_within_the_sheet_limit(tracked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import sheets

    inbox, out = tracked
    monkeypatch.setattr(sheets, "MAX_HYPERLINKS", 2)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)
    ws = load_workbook(out / "tracker.xlsx")["Claims"]
    linked = [ws.cell(row=r, column=2).hyperlink is not None for r in range(2, ws.max_row + 1)]
    assert linked == [True, True, False, False, False, False]
    assert [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)][-1] == "2024-10-01-coalition.txt"


def test_tracker_by_quarter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in DOCS.items():
        write_doc(tmp_path / "inbox", name, text)
    (tmp_path / "tracker.toml").write_text('tracker_period = "quarter"\n')
    assert invoke("run").exit_code == 0
    [coalition] = [r for r in sheet_records(tmp_path / "outputs" / "tracker.xlsx", "Tracker")
                   if r["Subject"] == "drone coalition" and r["Category"] == "pledge"]
    assert {k: v for k, v in coalition.items() if k.startswith("2024-Q")} == {
        "2024-Q1": 300_000_000, "2024-Q2": 400_000_000, "2024-Q3": 500_000_000}


def test_very_long_text_is_cut_with_a_mark(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2024-03-01-long.txt", "Estonia pledged EUR 12 million " + "and more " * 5000 + ".\n")
    run(inbox, out)
    [claim] = sheet_records(out / "tracker.xlsx", "Claims")
    assert len(claim["Sentence"]) == 32_767 and claim["Sentence"].endswith(" [...cut]")


def test_a_workbook_that_cannot_be_updated_is_left_alone_and_the_new_one_written_beside(
        tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    (out / "tracker.xlsx").write_bytes(b"not a zip: damaged by a sync tool")
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    result = run(inbox, out)
    assert (out / "tracker.xlsx").read_bytes() == b"not a zip: damaged by a sync tool"
    assert ("  error: tracker.xlsx: the workbook could not be read (not a readable .xlsx file (File is not a zip "
            "file)); decisions typed in it were not read.") in result.output.splitlines()
    assert ("  warning: tracker.xlsx: the workbook could not be updated in place (not a readable .xlsx file "
            "(File is not a zip file)); this run's version was written to tracker (run 2).xlsx so nothing of "
            "yours is lost.") in result.output.splitlines()
    assert sheet_records(out / "tracker (run 2).xlsx", "Claims")[-1]["Quote"] == "EUR 550 million"


def test_decisions_survive_a_file_unreadable_for_one_run_and_an_edited_article(tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    rejected = _claim_id(out, "about EUR 400 million")
    _review(out, [{"Claim id": rejected, "Decision": "reject"},
                  {"Document": "2024-05-12-oslo.txt", "Quote": "air defence", "Decision": "add",
                   "Value": 3, "Unit": "system", "Category": "pledge", "Subject": "Norway"}])
    run(inbox, out)
    status = "SELECT quote, status FROM claims WHERE status != 'superseded' AND doc_key = ? ORDER BY quote"
    assert ledger_rows(out, status, ("2024-05-10-coalition.txt",)) == [("about EUR 400 million", "rejected")]

    # The file cannot be read for one run: its claims and the decision on them stay as they were.
    article = inbox / "2024-05-10-coalition.txt"
    text = article.read_text()
    article.unlink()
    article.symlink_to(inbox / "gone.txt")
    run(inbox, out)
    assert ledger_rows(out, status, ("2024-05-10-coalition.txt",)) == [("about EUR 400 million", "rejected")]
    assert ledger_rows(out, "SELECT date, title FROM documents WHERE key = '2024-05-10-coalition.txt'") == [
        ("2024-05-10", text.strip())]

    # Back, then edited: the decision follows the figure to its new place; the added claim stays.
    article.unlink()
    write_doc(inbox, "2024-05-10-coalition.txt", "Update. " + text)
    write_doc(inbox, "2024-05-12-oslo.txt", "Update. " + DOCS["2024-05-12-oslo.txt"])
    run(inbox, out)
    assert ledger_rows(out, status, ("2024-05-10-coalition.txt",)) == [("about EUR 400 million", "rejected")]
    assert ledger_rows(out, status, ("2024-05-12-oslo.txt",)) == [("NOK 2 billion", "new"),
                                                                 ("air defence", "accepted")]


def test_a_workbook_that_fails_to_render_is_reported_and_the_old_one_kept(
        tracked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import report

    inbox, out = tracked
    before = (out / "tracker.xlsx").read_bytes()

    def broken(*args, **kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(report, "build", broken)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    result = run(inbox, out)
    assert ("  error: tracker.xlsx: the workbook could not be written (ValueError: All strings must be XML "
            "compatible); the ledger holds everything, and the workbook is as it was.") in result.output.splitlines()
    assert (out / "tracker.xlsx").read_bytes() == before
    assert ledger_rows(out, "SELECT quote FROM claims WHERE doc_key = '2024-10-01-coalition.txt'") == [
        ("EUR 550 million",)]


def test_reading_back_a_workbook_in_a_form_not_understood_is_an_error_row_not_a_crash(tmp_path: Path) -> None:
    import io

    from pipeline.xlsx_parts import MergeError, read_rows

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # a workbook part without the expected <sheets> (Strict OOXML)
        z.writestr("xl/workbook.xml", '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
    with pytest.raises(MergeError) as err:
        read_rows(buf.getvalue(), "Review")
    assert str(err.value).startswith("its Review sheet cannot be read (TypeError: ")

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2024-03-01-a.txt", "Latvia pledged EUR 10 million.\n")
    run(inbox, out)
    (out / "tracker.xlsx").write_bytes(buf.getvalue())
    result = run(inbox, out)
    assert any(line.startswith("  error: tracker.xlsx: the workbook could not be read (its Review sheet cannot be read")
               for line in result.output.splitlines())


def test_rows_deflated_as_written_are_zipped_as_they_are_and_edited_a_whole_tag_at_a_time() -> None:
    """A sheet's rows wait deflated until zipped: fresh rows and rows deflated before (kept
    by the cache) make one deflate stream that goes into the zip as it is, with the CRC of
    the whole; a style remap on the way out (a workbook re-saved by another program numbers
    styles its own way) sees whole tags, whatever the size, and gives one edit of the whole."""
    import io

    import random

    from pipeline.xlsx_parts import Chunks, Deflated, Package, pack

    noise = random.Random(3)  # text that hardly compresses, so the deflated file is read in several pieces
    rows = [f'<row><c s="3"><is><t>{noise.getrandbits(128):032x}</t></is></c></row>' for i in range(120_000)]
    third = len(rows) // 3
    written = Deflated()
    written.write("".join(rows[:third]).encode())
    written.add(pack("".join(rows[third:2 * third]).encode()))
    written.write("".join(rows[2 * third:]).encode())
    assert len(list(written.deflated())) > 2  # pieces cut anywhere, not at a row's end
    whole = ("<sheetData>" + "".join(rows) + "</sheetData>").encode()
    remap = lambda xml: xml.replace(b's="3"', b's="12"')  # noqa: E731
    assert b"".join(Chunks(["<sheetData>", written, "</sheetData>"]).blocks()) == whole
    assert b"".join(Chunks(["<sheetData>", written, "</sheetData>"], remap).blocks()) == remap(whole)

    data = Package({"as_written.xml": Chunks(["<sheetData>", written, "</sheetData>"]),
                    "edited.xml": Chunks(["<sheetData>", written, "</sheetData>"], remap)}).write()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None  # every part's CRC is right
        assert z.read("as_written.xml") == whole and z.read("edited.xml") == remap(whole)
        assert z.getinfo("as_written.xml").compress_size < len(whole) / 2  # deflated, not stored


def test_a_quote_over_several_lines_wraps_and_its_row_shows_every_line(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2025-03-01-split.txt", "The coalition secured over EUR\n\n500 million in funding.\n"
                                             "Canada will donate 50 armoured vehicles.\n")
    assert invoke("run", "--inbox", str(inbox), "--out", str(out)).exit_code == 0
    ws = load_workbook(out / "tracker.xlsx")["Claims"]
    quote = [c.value for c in ws[1]].index("Quote") + 1
    cells = {ws.cell(r, quote).value: (ws.cell(r, quote).alignment.wrap_text, ws.row_dimensions[r].height)
             for r in range(2, ws.max_row + 1)}
    assert cells == {"over EUR\n\n500 million": (True, 45), "50 armoured vehicles": (None, None)}


def _sheet_xml(workbook: Path, sheet: str = "Claims") -> bytes:
    with zipfile.ZipFile(workbook) as z:
        names = dict(zip(sheets.SHEETS, sorted((n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
                                               key=lambda n: int(re.sub(r"\D", "", n)))))
        return z.read(names[sheet])


def _first_text(block: bytes) -> str:
    """The first cell's text of a block of rows: a claim id on Claims, a document key on Documents."""
    return re.search(rb"<t[^>]*>([^<]*)</t>", block).group(1).decode()


def test_a_run_renders_only_the_claims_rows_of_new_documents_and_the_rows_match_a_fresh_render(
        tracked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.rowcache import CACHE_NAME, RowCache

    inbox, out = tracked
    monkeypatch.setattr(sheets, "CLAIM_RUN_END", 0)  # a run of one document each
    (out / "tracker.xlsx").unlink()
    run(inbox, out)
    put: list[bytes] = []
    original = RowCache.put
    monkeypatch.setattr(RowCache, "put", lambda self, sig, block: (put.append(block.xml), original(self, sig, block)))
    write_doc(inbox, "2024-04-02-kyiv.txt", "Kyiv received 40 armoured vehicles and 12,000 shells.\n")
    run(inbox, out)
    claims = [b for b in put if not _first_text(b).endswith(".txt")]
    assert len(claims) == 1 and claims[0].count(b"<row") == 2  # the new document's two claims; the rest reused
    reused = _sheet_xml(out / "tracker.xlsx")
    assert b'r="B3"' not in reused  # rows carry no references, so a block fits at any row

    (out / "tracker.xlsx").unlink()
    (out / CACHE_NAME).unlink()
    run(inbox, out)  # no workbook: rendered again, every row afresh
    assert _sheet_xml(out / "tracker.xlsx") == reused
    rows = sheet_records(out / "tracker.xlsx", "Claims")
    assert [(r["Document"], r["Quote"]) for r in rows][:3] == [
        ("2024-03-01-coalition.txt", "EUR 300 million"), ("2024-04-02-kyiv.txt", "40 armoured vehicles"),
        ("2024-04-02-kyiv.txt", "12,000 shells")]


def test_a_run_reads_and_renders_again_only_the_runs_of_documents_a_new_document_falls_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Claims (runs of 8 documents on average) and on Documents (64): the one run holding
    the new document is rendered again, its claims alone read; each sheet is a fresh render's."""
    from pipeline import store
    from pipeline.rowcache import CACHE_NAME, RowCache

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for n in range(300):
        write_doc(inbox, f"2025-01-{n % 28 + 1:02d}-note-{n:03d}.txt", f"Norway pledged NOK {n + 1} million.\n")
    run(inbox, out)
    put: list[bytes] = []
    original_put = RowCache.put
    monkeypatch.setattr(RowCache, "put", lambda self, sig, block: (put.append(block.xml), original_put(self, sig, block)))
    asked: list[str] = []
    original_claims = store.ClaimsByDocument.claims_of
    monkeypatch.setattr(store.ClaimsByDocument, "claims_of",
                        lambda self, keys: (asked.extend(keys), original_claims(self, keys))[1])
    write_doc(inbox, "2025-01-15-note-new.txt", "Norway pledged NOK 7 billion.\n")
    run(inbox, out)
    documents = [b for b in put if _first_text(b).endswith(".txt")]
    assert len(documents) == 1 and b">2025-01-15-note-new.txt<" in documents[0]  # one run of documents rendered again
    assert 1 < documents[0].count(b"<row") < 200  # a run of documents (64 on average; 133 here), not the 301
    claims = [b for b in put if not _first_text(b).endswith(".txt")]
    assert len(claims) == 1 and b">NOK 7 billion<" in claims[0]
    assert "2025-01-15-note-new.txt" in asked and 1 < len(asked) == claims[0].count(b"<row") < 200  # not the 301
    reused = {sheet: _sheet_xml(out / "tracker.xlsx", sheet) for sheet in ("Claims", "Documents")}
    keys = [r["Document"] for r in sheet_records(out / "tracker.xlsx", "Documents")]
    assert len(keys) == 301 and keys == sorted(keys) and "2025-01-15-note-new.txt" in keys
    quotes = [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")]
    assert len(quotes) == 301 and "NOK 7 billion" in quotes

    (out / "tracker.xlsx").unlink()
    (out / CACHE_NAME).unlink()
    run(inbox, out)  # every row afresh: the same sheets
    assert {sheet: _sheet_xml(out / "tracker.xlsx", sheet) for sheet in ("Claims", "Documents")} == reused


def test_documents_rows_kept_in_runs_keep_to_the_link_limit_as_a_fresh_render_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.rowcache import CACHE_NAME

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for n in range(300):
        write_doc(inbox, f"2025-02-{n % 28 + 1:02d}-memo-{n:03d}.txt", f"Norway pledged NOK {n + 1} million.\n")
    monkeypatch.setattr(sheets, "MAX_HYPERLINKS", 150)  # Excel's limit, reached inside a run of documents
    run(inbox, out)
    for n, limit in enumerate((150, 40, 1000)):
        monkeypatch.setattr(sheets, "MAX_HYPERLINKS", limit)
        write_doc(inbox, f"2025-02-1{n}-memo-new.txt", "Norway pledged NOK 7 billion.\n")
        run(inbox, out)
        kept = _sheet_xml(out / "tracker.xlsx", "Documents")
        assert kept.count(b"<hyperlink ") == min(limit, 301 + n)
        (out / "tracker.xlsx").unlink()
        (out / CACHE_NAME).unlink()
        run(inbox, out)  # every row afresh: the same sheet, the same links
        assert _sheet_xml(out / "tracker.xlsx", "Documents") == kept


def _claims_cells(workbook: Path) -> list[tuple]:
    """Every cell of the Claims sheet: value, number format and link target."""
    return [tuple((c.value, c.number_format, c.hyperlink.target if c.hyperlink else None) for c in row)
            for row in load_workbook(workbook)["Claims"].iter_rows()]


def test_every_change_a_claims_row_shows_is_rendered_from_the_changed_documents_claims_only(
        tracked: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are kept by document revision: a run reads the claims of the documents whose rows
    changed (and of no other) and its Claims sheet is, cell for cell, a fresh render's."""
    from pipeline import report, store

    inbox, out = tracked
    monkeypatch.setattr(sheets, "CLAIM_RUN_END", 0)  # a run of one document each: reads tell documents apart
    (out / "tracker.xlsx").unlink()
    run(inbox, out)
    asked: list[str] = []
    original = store.ClaimsByDocument.claims_of
    monkeypatch.setattr(store.ClaimsByDocument, "claims_of",
                        lambda self, keys: (asked.extend(keys), original(self, keys))[1])

    def step() -> list[str]:
        asked.clear()
        run(inbox, out)
        read = sorted(asked)
        fresh = tmp_path / f"fresh{len(list(tmp_path.glob('fresh*')))}"
        ledger = store.open_ledger(out / "ledger.sqlite")
        try:
            report.render(ledger, fresh, run_id=0, force=True)
        finally:
            ledger.close()
        assert _claims_cells(out / "tracker.xlsx") == _claims_cells(fresh / "tracker.xlsx")
        return read

    write_doc(inbox, "2024-04-02-kyiv.txt", "Kyiv received 40 armoured vehicles.\n")
    assert step() == ["2024-04-02-kyiv.txt"]
    _review(out, [{"Claim id": _claim_id(out, "EUR 300 million"), "Decision": "accept"},
                  {"Claim id": _claim_id(out, "about EUR 400 million"), "Decision": "correct",
                   "Corrected value": 450_000_000, "Comment": "ministry figure"},
                  {"Document": "2024-05-12-oslo.txt", "Decision": "reject document"},
                  {"Document": "2024-09-20-coalition.txt", "Quote": "2,000 drones", "Decision": "add",
                   "Value": 1_000_000, "Unit": "EUR", "Category": "pledge", "Subject": "Latvia"}])
    assert step() == ["2024-03-01-coalition.txt", "2024-05-10-coalition.txt", "2024-05-12-oslo.txt",
                      "2024-09-20-coalition.txt"]
    documents = [k for (k,) in ledger_rows(out, "SELECT key FROM documents ORDER BY key")]
    wb = load_workbook(out / "tracker.xlsx")  # an analyst's note column: every row has one more cell
    claims = wb["Claims"]
    claims.cell(row=1, column=claims.max_column + 1, value="My note")
    claims.cell(row=2, column=claims.max_column, value="check with MoD")
    wb.save(out / "tracker.xlsx")
    assert step() == documents
    wb = load_workbook(out / "tracker.xlsx")  # the note edited: its document's rows only
    wb["Claims"].cell(row=2, column=wb["Claims"].max_column, value="checked")
    wb.save(out / "tracker.xlsx")
    assert step() == ["2024-03-01-coalition.txt"]
    write_doc(inbox, "2024-04-02-kyiv.txt", "Update. Kyiv received 45 armoured vehicles.\n")
    assert step() == ["2024-04-02-kyiv.txt"]
    assert [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")][1:3] == [
        "45 armoured vehicles", "about EUR 400 million"]


@pytest.mark.parametrize("run_end", [0, 2**32 - 1], ids=["a run a document", "one run"])
def test_the_links_stop_at_the_sheets_limit_inside_a_run_of_cached_rows_as_in_a_fresh_render(
        tracked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, run_end: int) -> None:
    from pipeline.rowcache import CACHE_NAME

    inbox, out = tracked
    monkeypatch.setattr(sheets, "MAX_HYPERLINKS", 3)  # Excel's 65,530, reached after three claims
    monkeypatch.setattr(sheets, "CLAIM_RUN_END", run_end)  # inside a batch of runs of a document, or inside the one run
    (out / "tracker.xlsx").unlink()
    run(inbox, out)
    write_doc(inbox, "2024-02-01-kyiv.txt", "Kyiv received 40 armoured vehicles.\n")  # first in date order
    run(inbox, out)
    cached = _sheet_xml(out / "tracker.xlsx")
    assert cached.count(b"<hyperlink ") == 3
    (out / "tracker.xlsx").unlink()
    (out / CACHE_NAME).unlink()
    run(inbox, out)
    assert _sheet_xml(out / "tracker.xlsx") == cached
    links = [c.hyperlink is not None for row in load_workbook(out / "tracker.xlsx")["Claims"].iter_rows(
        min_row=2, min_col=2, max_col=2) for c in row]
    assert links == [True, True, True, False, False, False]

    monkeypatch.setattr(sheets, "MAX_HYPERLINKS", 100)  # room again: no block kept without its links is used
    write_doc(inbox, "2024-11-01-kyiv.txt", "Kyiv received 30 more armoured vehicles.\n")
    run(inbox, out)
    assert _sheet_xml(out / "tracker.xlsx").count(b"<hyperlink ") == 7


def test_an_unreadable_render_cache_is_started_again(tracked: tuple[Path, Path]) -> None:
    import sqlite3

    from pipeline.rowcache import CACHE_NAME

    inbox, out = tracked
    (out / CACHE_NAME).write_bytes(b"not a database\x00" * 100)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised EUR 550 million.\n")
    run(inbox, out)
    assert [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")][-1] == "EUR 550 million"
    with sqlite3.connect(out / CACHE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM blocks").fetchone() == (2,)  # the six documents make one run on each sheet


def test_a_damaged_block_of_kept_rows_is_rendered_again_not_zipped(tracked: tuple[Path, Path]) -> None:
    """Kept rows go into the zip as they are deflated: one damaged in the cache file (a crash,
    a bad disk) would make a workbook no program opens, so it is checked and rendered again."""
    import sqlite3

    from pipeline.rowcache import CACHE_NAME

    inbox, out = tracked
    with sqlite3.connect(out / CACHE_NAME) as db:  # the Claims block
        sig, deflated = next((sig, deflated) for sig, deflated in db.execute("SELECT sig, deflated FROM blocks ORDER BY sig")
                             if not _first_text(zlib.decompressobj(-15).decompress(deflated)).endswith(".txt"))
        db.execute("UPDATE blocks SET deflated = ? WHERE sig = ?", (bytes([deflated[0] ^ 1]) + deflated[1:], sig))
    (out / "tracker.xlsx").unlink()  # rendered again from the same rows
    run(inbox, out)
    with zipfile.ZipFile(out / "tracker.xlsx") as z:
        assert z.testzip() is None
    assert [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")] == [
        "EUR 300 million", "about EUR 400 million", "NOK 2 billion", "over EUR 500 million", "2,000 drones"]
    with sqlite3.connect(out / CACHE_NAME) as db:  # kept again, whole
        assert db.execute("SELECT deflated FROM blocks WHERE sig = ?", (sig,)).fetchone() == (deflated,)


def test_rows_keep_their_dates_bounds_and_links_when_another_program_renumbered_the_styles(
        tracked: tuple[Path, Path]) -> None:
    inbox, out = tracked
    book = out / "tracker.xlsx"
    with zipfile.ZipFile(book) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles, found = re.subn(rb'<cellXfs count="(\d+)">', lambda m: b'<cellXfs count="%d"><xf numFmtId="0" fontId="0" '
                            b'fillId="0" borderId="0" xfId="0"/>' % (int(m[1]) + 1), parts["xl/styles.xml"])
    assert found == 1
    parts["xl/styles.xml"] = styles  # a style at the front: every other one's number moves up
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    write_doc(inbox, "2024-10-01-coalition.txt", "The drone coalition has raised over EUR 550 million.\n")
    run(inbox, out)
    ws = load_workbook(book)["Claims"]
    head = [c.value for c in ws[1]]
    last = ws.max_row
    date_cell, value, doc = (ws.cell(last, head.index(h) + 1) for h in ("Document date", "Value", "Document"))
    assert (date_cell.value, date_cell.number_format) == (datetime(2024, 10, 1), "yyyy-mm-dd")
    assert (value.value, value.number_format) == (550_000_000, '">= "#,##0')
    assert doc.value == "2024-10-01-coalition.txt" and doc.font.underline == "single"


@pytest.mark.parametrize("name", ["a.txt", "two words #1.txt", "ü 100%.md"]
                         + ([os.fsdecode(b"bad\xff.txt")] if os.name == "posix" else []))
def test_a_file_links_to_its_absolute_address(tmp_path: Path, name: str) -> None:
    """Made once per folder, then per file name: the same address as the file's own `as_uri`."""
    source = tmp_path / "inbox" / name
    assert sheets.document_link(None, str(source)) == source.resolve().as_uri()
    assert sheets.document_link("ftp://example.org/x", str(source)) == source.resolve().as_uri()


def test_rows_are_deflated_a_megabyte_at_a_time_however_many_are_added() -> None:
    wb = sheets.new_workbook()
    ws = wb.create_sheet("Documents")
    fast = sheets.FastRows(ws, 2)
    fast.extend([f"doc-{n:06d}.txt", "x" * 300] for n in range(20_000))  # about 7 MB of XML
    assert fast.row == 20_002
    assert sum(map(len, fast._pending)) < sheets.PENDING_BYTES  # the rest is deflated already
    deflated = fast.written()
    xml = b"".join(iter(lambda read=deflated.read(): read(1 << 16), b""))
    assert xml.count(b"<row>") == 20_000
    assert xml.startswith(b'<row><c t="inlineStr"><is><t xml:space="preserve">doc-000000.txt</t>')

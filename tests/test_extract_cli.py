"""`run_pipeline.py extract --json`: the stable interface extractors are compared through."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, invoke, write_doc

CLAIM_KEYS = ["source", "id", "quote", "start", "end", "sentence", "value", "value_high", "unit", "qualifier",
              "category", "subject", "period", "vague", "recipient", "purpose", "value_eur"]


def test_extract_json_prints_claims_and_errors(tmp_path: Path) -> None:
    write_doc(tmp_path, "2024-05-02-helsinki.txt", "Finland approved a package worth EUR 188 million.\n")
    write_doc(tmp_path, "2024-05-02-empty.txt", "")
    result = invoke("extract", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [claim] = data["claims"]
    assert list(claim) == CLAIM_KEYS
    assert claim["source"] == str(tmp_path / "2024-05-02-helsinki.txt")
    assert (claim["quote"], claim["start"], claim["end"]) == ("EUR 188 million", 33, 48)
    assert (claim["value"], claim["value_high"], claim["unit"], claim["qualifier"]) == (188000000, None, "EUR", "exact")
    assert claim["value_eur"] == 188000000 and isinstance(claim["value"], int)
    assert data["errors"] == [{
        "severity": "error", "document": "2024-05-02-empty.txt", "claim_id": "", "step": "ingest",
        "code": "empty_file", "message": "the file is empty; skipped.",
        "hint": "Remove it or save the article again.", "where": ""}]


def test_a_path_that_is_not_there_is_an_error_record_and_the_other_paths_are_read(tmp_path: Path) -> None:
    good = write_doc(tmp_path, "2024-05-02-helsinki.txt", "Finland approved a package worth EUR 188 million.\n")
    result = invoke("extract", str(tmp_path / "2024-05-01-gone.txt"), str(good), "--json")
    assert result.exit_code == 0, result.output  # a single document's problem is listed, not fatal
    data = json.loads(result.output)
    assert [c["quote"] for c in data["claims"]] == ["EUR 188 million"]
    assert data["errors"] == [{
        "severity": "error", "document": "2024-05-01-gone.txt", "claim_id": "", "step": "ingest",
        "code": "unreadable", "message": "the file could not be read (No such file or directory); skipped.",
        "hint": "Check that the file exists and that you may read it.", "where": ""}]


def test_decimal_values_are_json_numbers(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "2024-05-02-oslo.txt", "Norway added NOK 2.75 billion.\n")
    [claim] = json.loads(invoke("extract", str(path), "--json").output)["claims"]
    assert claim["value"] == 2_750_000_000 and claim["unit"] == "NOK"
    assert isinstance(claim["value_eur"], float)


def test_extract_as_a_process_from_another_folder(tmp_path: Path) -> None:
    """The way score_project.py calls it: a subprocess over a folder, exit 0."""
    write_doc(tmp_path / "docs", "case-1.txt", "They ordered 24 howitzers.")
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), "extract", str(tmp_path / "docs"), "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    assert [(Path(c["source"]).stem, c["value"], c["unit"]) for c in claims] == [("case-1", 24, "howitzer")]


def test_sample_article_gives_its_nine_claims(shared: Path) -> None:
    sample = shared / "samples" / "2024-09-20-ukrinform-drone-coalition.txt"
    expected = [json.loads(line) for line in sample.with_suffix(".expected.jsonl").read_text().splitlines() if line]
    claims = json.loads(invoke("extract", str(sample), "--json").output)["claims"]
    assert [(c["quote"], c["value"], c["unit"], c["qualifier"]) for c in claims] == [
        (e["quote"], e["value"], e["unit"], e["qualifier"]) for e in expected]

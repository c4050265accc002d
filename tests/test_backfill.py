"""`backfill` on a local Dask cluster: the same ledger rows as a plain run, idempotent batches,
a failed partition retried or reported without losing the others, a killed backfill finished
by running it again."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive import make_archive
from conftest import ROOT, invoke
from ledgers import rows
from pipeline.backfill import backfill
from pipeline.settings import Settings

# Every column but run ids and timestamps.
CLAIMS = ("SELECT id, doc_key, content_hash, quote, start, \"end\", sentence, value, value_high, unit, qualifier,"
          " category, subject, period, vague, recipient, purpose, value_eur, eur_rate, eur_rate_date, status,"
          " extractor_version, subject_raw, eur_rate_source FROM claims ORDER BY id")
DOCUMENTS = ("SELECT key, source, title, date, date_source, read_as, content_hash, size, extractor_version,"
             " claim_count, error, missing, rejected FROM documents ORDER BY key")
ISSUES = 'SELECT doc_key, doc_hash, claim_id, severity, step, code, message, "where", open FROM issues ORDER BY 1, 2, 3, 6, 8'


def tables(ledger: str) -> dict[str, list[tuple]]:
    return {"claims": rows(ledger, CLAIMS), "documents": rows(ledger, DOCUMENTS), "issues": rows(ledger, ISSUES)}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_archive(tmp_path_factory.mktemp("archive") / "archive", 2500)


@pytest.fixture(scope="module")
def plain(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    out = tmp_path_factory.mktemp("plain")
    result = invoke("run", "--inbox", str(archive), "--out", str(out))
    assert result.exit_code == 0, result.output
    return tables(str(out / "ledger.sqlite"))


@pytest.mark.slow
def test_backfill_gives_the_same_ledger_rows_as_a_plain_run(archive: Path, plain: dict, ledger_url: str,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("backfill", str(archive), "--out", str(out), "--ledger", ledger_url, "--partition-size", "64")
    assert result.exit_code == 0, result.output
    # Progress lines come first when the cluster takes more than 10 s (a loaded machine).
    summary = [line for line in result.output.splitlines() if not re.search(r"\d+ of \d+ file\(s\) looked at$", line)]
    assert summary[0].startswith(f"Backfill of {archive} on a local Dask cluster of ")
    assert "read 2490 new or changed document(s) of 2500 (0 unchanged) in 40 partition(s)" in result.output
    got = tables(ledger_url)
    assert len(got["claims"]) == 4980 and len(got["documents"]) == 2500
    assert got == plain
    assert rows(ledger_url, "SELECT documents_seen, documents_read, claims_found, complete FROM runs") == [
        (2500, 2490, 4980, 1)]
    assert (out / "tracker.xlsx").is_file()

    again = invoke("backfill", str(archive), "--out", str(out), "--ledger", ledger_url)  # nothing new: no change
    assert "read 0 new or changed document(s) of 2500 (2500 unchanged)" in again.output
    assert tables(ledger_url) == plain


def test_a_failed_partition_is_reported_and_the_others_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backfill_tasks import fails_on_item

    archive = make_archive(tmp_path / "archive", 40, empty_every=0)
    monkeypatch.setenv("FAIL_ON", "item00013")
    settings = Settings(out=tmp_path / "out")
    done = backfill(settings, archive, partition_size=10, retries=1, task=fails_on_item)
    [(_, failed_keys, _)] = done.failed
    assert len(failed_keys) == 10 and any("item00013" in k for k in failed_keys)
    assert "RuntimeError: worker disk unreadable" in done.failed[0][2]
    assert not done.run.complete and done.run.documents_read == 30
    ledger = str(settings.ledger_path)
    assert rows(ledger, "SELECT COUNT(*) FROM documents") == [(30,)]
    assert not set(failed_keys) & {k for k, in rows(ledger, "SELECT key FROM documents")}
    assert rows(ledger, "SELECT complete FROM runs") == [(0,)]
    assert {i.code.value for i in done.run.issues if i.document.endswith("item00013.txt")} == {"step_failed"}

    monkeypatch.delenv("FAIL_ON")  # the cluster is well again: the same backfill finishes the run
    result = invoke("backfill", str(archive), "--out", str(settings.out), "--partition-size", "10")
    assert result.exit_code == 0, result.output
    assert "read 10 new or changed document(s) of 40 (30 unchanged)" in result.output
    assert rows(ledger, "SELECT COUNT(*) FROM documents") == [(40,)]
    assert rows(ledger, "SELECT id, complete FROM runs") == [(1, 1)]  # the incomplete run taken up again


def test_a_partition_that_fails_once_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backfill_tasks import fails_once

    archive = make_archive(tmp_path / "archive", 30, empty_every=0)
    (tmp_path / "marks").mkdir()
    monkeypatch.setenv("FAIL_ONCE_DIR", str(tmp_path / "marks"))
    settings = Settings(out=tmp_path / "out")
    done = backfill(settings, archive, partition_size=10, task=fails_once)
    assert done.failed == [] and done.run.complete
    assert len(list((tmp_path / "marks").iterdir())) == 3  # every partition failed once, then went in
    assert rows(str(settings.ledger_path), "SELECT COUNT(*), SUM(claim_count) FROM documents") == [(30, 60)]


@pytest.mark.slow
def test_a_backfill_killed_halfway_finishes_when_run_again(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "archive", 1000)
    plain_out = tmp_path / "plain"
    assert invoke("run", "--inbox", str(archive), "--out", str(plain_out)).exit_code == 0
    want = tables(str(plain_out / "ledger.sqlite"))
    out = tmp_path / "out"
    ledger = str(out / "ledger.sqlite")
    proc = subprocess.Popen([sys.executable, str(ROOT / "run_pipeline.py"), "backfill", str(archive), "--out", str(out),
                             "--partition-size", "20"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # its own process group: the cluster's workers die with it
    deadline = time.monotonic() + 60
    stored = 0
    while stored < 200:
        assert proc.poll() is None, "the backfill ended before it could be killed"
        assert time.monotonic() < deadline, "the backfill stored nothing in a minute"
        time.sleep(0.05)
        try:
            stored = rows(ledger, "SELECT COUNT(*) FROM documents")[0][0]
        except Exception:  # noqa: BLE001 - the ledger is not created yet
            stored = 0
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)
    half = rows(ledger, "SELECT COUNT(*) FROM documents")[0][0]
    assert 200 <= half < 1000
    assert rows(ledger, "SELECT complete FROM runs") == [(0,)]

    result = invoke("backfill", str(archive), "--out", str(out), "--partition-size", "20")
    assert result.exit_code == 0, result.output
    assert f"document(s) of 1000 ({half} unchanged)" in result.output  # what went in before the kill is not read again
    assert tables(ledger) == want  # nothing twice, nothing lost
    assert rows(ledger, "SELECT id, complete, documents_seen FROM runs") == [(1, 1, 1000)]

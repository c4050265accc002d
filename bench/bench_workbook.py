"""Benchmark: render the tracker workbook for a ledger of N claims (default 100,000).

Builds a ledger of synthetic claims (as the pipeline stores them), then times, in child
processes so that peak memory is each one's own:
  - the pipeline's render (all seven sheets, facts and Tracker included), and
  - a peer: pandas DataFrame.to_excel of the same claims (one plain sheet, openpyxl engine).
Prints one line per figure: `workbook <what> <value>`.

    python bench/bench_workbook.py [--claims 100000]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUBJECTS = ["Germany", "United Kingdom", "Norway", "drone coalition", "Denmark", "Poland", "Rheinmetall"]
UNITS = [("EUR", "pledge"), ("USD", "pledge"), ("drone", "delivery"), ("shell", "capacity"), ("tank", "delivery")]


def build_ledger(out: Path, n_claims: int, per_doc: int = 5) -> None:
    from pipeline import store
    from pipeline.models import Claim, Document, RunResult
    from pipeline.models import Processed

    ledger = store.open_ledger(out / "ledger.sqlite")
    processed = []
    start = date(2022, 3, 1)
    for d in range(n_claims // per_doc):
        key = f"{(start + timedelta(days=d % 900)).isoformat()}-doc-{d}.txt"
        text = " ".join(f"Figure {i}: EUR {d + i} million." for i in range(per_doc))
        doc = Document(source=f"/archive/{key}", name=key, text=text, date=start + timedelta(days=d % 900),
                       date_source="file name", read_as="text (utf-8)", content_hash=f"h{d}", size=len(text))
        claims = []
        for i in range(per_doc):
            unit, category = UNITS[(d + i) % len(UNITS)]
            value = Decimal((d % 97 + 1) * 1_000_000 + i)
            quote = f"EUR {d + i} million"
            pos = text.index(quote)
            claims.append(Claim(id=f"c{d}-{i}", document=key, quote=quote, start=pos, end=pos + len(quote),
                                sentence=f"Figure {i}: {quote}.", value=value, unit=unit, category=category,
                                subject=SUBJECTS[(d + i) % len(SUBJECTS)],
                                value_eur=value if unit == "EUR" else None))
        processed.append(Processed(key=key, source=doc.source, version=doc.content_hash, document=doc, claims=claims))
    result = RunResult(started=datetime.now(), inbox="/archive", out=str(out), documents_seen=len(processed),
                       documents_read=len(processed), claims_found=n_claims)
    store.store_run(ledger, result, processed, seen={p.key for p in processed})
    ledger.close()


def child_facts(out: str) -> None:
    """Group the claims into facts, as a run does before it renders."""
    from pipeline import flow, store
    from pipeline.settings import Settings

    settings = Settings(inbox=Path(out), out=Path(out))
    ledger = store.open_ledger(settings.ledger_path)
    t = time.perf_counter()
    flow.update_facts(ledger, settings, 1, date.today())
    seconds = time.perf_counter() - t
    ledger.close()
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def child_render(out: str) -> None:
    """Read decisions back and render the workbook (facts already built)."""
    from pipeline import flow, store
    from pipeline.settings import Settings

    settings = Settings(inbox=Path(out), out=Path(out))
    ledger = store.open_ledger(settings.ledger_path)
    t = time.perf_counter()
    flow.review_and_render(ledger, settings, 1, date.today(), force=True)
    seconds = time.perf_counter() - t
    ledger.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "bytes": (Path(out) / "tracker.xlsx").stat().st_size}))


def child_pandas(out: str) -> None:
    import sqlite3

    import pandas as pd

    t = time.perf_counter()
    with sqlite3.connect(Path(out) / "ledger.sqlite") as db:
        frame = pd.read_sql_query("SELECT * FROM claims", db)
    frame.to_excel(Path(out) / "pandas.xlsx", index=False, engine="openpyxl")
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "bytes": (Path(out) / "pandas.xlsx").stat().st_size}))


def run_child(kind: str, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(out)], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        {"facts": child_facts, "render": child_render, "pandas": child_pandas}[a.child[0]](a.child[1])
        return
    out = Path(tempfile.mkdtemp(prefix="bench-workbook-"))
    t = time.perf_counter()
    build_ledger(out, a.claims)
    print(f"workbook ledger_build_seconds {time.perf_counter() - t:.1f}")
    facts = run_child("facts", out)
    ours = run_child("render", out)
    peer = run_child("pandas", out)
    print(f"workbook claims {a.claims}")
    print(f"workbook facts_seconds {facts['seconds']:.1f}")
    print(f"workbook facts_peak_mb {facts['peak_mb']:.0f}")
    print(f"workbook render_seconds {ours['seconds']:.1f}  (target: well under 60)")
    print(f"workbook render_peak_mb {ours['peak_mb']:.0f}  (target: under 1024)")
    print(f"workbook render_bytes {ours['bytes']}")
    print(f"workbook pandas_to_excel_seconds {peer['seconds']:.1f}")
    print(f"workbook pandas_to_excel_peak_mb {peer['peak_mb']:.0f}")
    print(f"workbook out {out}")


if __name__ == "__main__":
    main()

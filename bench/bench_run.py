#!/usr/bin/env python3
"""A full `run` at news scale: wall time, peak memory, cost per document as the ledger grows,
an incremental run after 1% new documents, and a run with nothing new.

    .venv/bin/python bench/bench_run.py [--docs 10000] [--tranches 5] [--keep DIR]

The inbox holds short news-like articles (3-8 paragraphs of the fixtures, shuffled with a
fixed seed, as bench/bench_extract.py builds them). Every run is `run_pipeline.py run` as a
whole process (start-up, extraction in the process pool, ledger, workbook), timed with
perf_counter and measured for peak RSS (resource.getrusage of the children; the pool's
workers are children of the run, so the peak is the largest single process).

  1. growth: the inbox filled in --tranches equal parts, a run after each (the ledger
     grows); per-document cost of each run;
  2. fresh: one run over all --docs documents into an empty out folder;
  3. incremental: 1% new documents added, run again;
  4. nothing new: run again.
The last lines are `run <figure> <number>` for scripts.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from bench_extract import measured, paragraphs  # noqa: E402


def write_articles(inbox: Path, first: int, count: int, seed: int = 8) -> int:
    """Articles number first .. first+count-1 (each one's text depends only on its number)."""
    inbox.mkdir(parents=True, exist_ok=True)
    paras = paragraphs()
    chars = 0
    for n in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + n)
        text = "\n\n".join(rng.choice(paras) for _ in range(rng.randint(3, 8))) + "\n"
        (inbox / f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}-article-{n:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def run(inbox: Path, out: Path, work: Path, python: str) -> dict:
    res = measured([python, "run_pipeline.py", "run", "--inbox", str(inbox), "--out", str(out)],
                   work / "run.stdout")
    res["stdout"] = (work / "run.stdout").read_text(encoding="utf-8", errors="replace")[-300:]
    if res["rc"] != 0:
        print(f"run exited {res['rc']}: {res['stdout']} {res['stderr']}")
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--tranches", type=int, default=5, help="runs the growth part is cut into (0: skip it)")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    a = ap.parse_args(argv)
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench-run-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: list[tuple[str, float]] = []
    try:
        if a.tranches:
            inbox, out = work / "grow-inbox", work / "grow-out"
            step = a.docs // a.tranches
            for t in range(a.tranches):
                write_articles(inbox, t * step, step)
                r = run(inbox, out, work, a.python)
                per = r["wall"] / step * 1000
                print(f"growth run {t + 1}: ledger {t * step:,} -> {(t + 1) * step:,} documents: "
                      f"{r['wall']:.1f} s, {per:.2f} ms per new document, peak {r['rss_mb']:.0f} MB")
                figures.append((f"growth_{t + 1}_ms_per_new_document", per))
            shutil.rmtree(inbox)
            shutil.rmtree(out)

        inbox, out = work / "inbox", work / "out"
        chars = write_articles(inbox, 0, a.docs)
        r = run(inbox, out, work, a.python)
        print(f"fresh run over {a.docs:,} documents ({chars:,} characters): {r['wall']:.1f} s, "
              f"{r['wall'] / a.docs * 1000:.2f} ms per document, peak {r['rss_mb']:.0f} MB")
        figures += [("fresh_documents", a.docs), ("fresh_seconds", r["wall"]),
                    ("fresh_ms_per_document", r["wall"] / a.docs * 1000), ("fresh_peak_rss_mb", r["rss_mb"])]

        new = max(1, a.docs // 100)
        write_articles(inbox, a.docs, new)
        r = run(inbox, out, work, a.python)
        print(f"incremental run, {new:,} new documents (1%): {r['wall']:.1f} s, peak {r['rss_mb']:.0f} MB")
        figures += [("incremental_seconds", r["wall"]), ("incremental_peak_rss_mb", r["rss_mb"])]

        r = run(inbox, out, work, a.python)
        print(f"run with nothing new: {r['wall']:.1f} s, peak {r['rss_mb']:.0f} MB")
        figures += [("nothing_new_seconds", r["wall"]), ("nothing_new_peak_rss_mb", r["rss_mb"])]
        for name, value in figures:
            print(f"run {name} {value:.2f}" if isinstance(value, float) else f"run {name} {value}")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

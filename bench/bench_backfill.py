"""Time a backfill on a local Dask cluster against a plain run over the same documents.

    .venv/bin/python bench/bench_backfill.py [N]      (default 2000 documents)

The documents are the development set's articles (bench/devset, realistic length and
extraction cost), each copied N / 36 times with a line of its own on top so every copy is
a document of its own. Both write a fresh SQLite ledger and the workbook; the backfill's
time includes starting the cluster. Prints both times and whether the ledgers agree.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "devset"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def make_archive(folder: Path, n: int) -> None:
    articles = sorted(p for p in DEVSET.glob("*.txt"))
    for i in range(n):
        src = articles[i % len(articles)]
        sub = folder / f"part{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{src.stem}-copy{i:05d}.txt").write_text(
            f"Copy {i} of {src.name}\n" + src.read_text(encoding="utf-8"), encoding="utf-8")


def timed(*args: str) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args[:1])} failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.monotonic() - started, done.stdout.splitlines()[0]


def main() -> None:
    from ledgers import rows

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        make_archive(archive, n)
        plain_s, plain_line = timed("run", "--inbox", str(archive), "--out", str(Path(tmp) / "plain"))
        back_s, back_line = timed("backfill", str(archive), "--out", str(Path(tmp) / "backfill"))
        sql = "SELECT id, doc_key, quote, value, unit, status FROM claims ORDER BY id"
        same = rows(str(Path(tmp) / "plain" / "ledger.sqlite"), sql) == rows(str(Path(tmp) / "backfill" / "ledger.sqlite"), sql)
    print(f"{n} documents")
    print(f"plain run: {plain_s:6.1f} s   {plain_line}")
    print(f"backfill:  {back_s:6.1f} s   {back_line}")
    print(f"speed-up: {plain_s / back_s:.2f}x; same claims in both ledgers: {same}")


if __name__ == "__main__":
    main()

"""Time a run over 1,000 mixed documents (text, HTML, PDF, feed entries, Word, e-mail).

    .venv/bin/python bench/bench_mixed_run.py [--docs 1000] [--keep DIR]

Builds the inbox in a temporary folder (PDFs need fpdf2, from the `test` extra), runs
`flow.run` once over it all, then again with nothing changed, and prints both times.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import formats  # noqa: E402  (tests/formats.py: the same builders the tests use)
from pipeline import flow  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

COUNTRIES = [("Norway", "NOK"), ("Denmark", "DKK"), ("Sweden", "SEK"), ("Poland", "PLN"), ("Canada", "CAD"),
             ("Japan", "JPY"), ("Germany", "EUR"), ("Britain", "GBP")]
ENTRIES_PER_FEED = 4


def body(n: int) -> str:
    country, currency = COUNTRIES[n % len(COUNTRIES)]
    return (f"{country} pledged {currency} {n % 9 + 1} billion in military aid to Ukraine, the ministry said. "
            f"The package includes {n % 40 + 2} armoured vehicles and up to {n * 10 + 500} shells a month. "
            "Officials added that deliveries would start within weeks. " * 3)


def build(inbox: Path, docs: int) -> dict[str, int]:
    inbox.mkdir(parents=True, exist_ok=True)
    kinds = ["txt"] * 8 + ["html"] * 4 + ["pdf"] * 3 + ["feed"] * 2 + ["docx"] * 2 + ["eml"]
    counts: dict[str, int] = {}
    n = made = 0
    while made < docs:
        kind = kinds[n % len(kinds)]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=n % 400)
        text = body(n)
        if kind == "txt":
            (inbox / f"{day}-note-{n}.txt").write_text(text, encoding="utf-8")
        elif kind == "html":
            (inbox / f"page-{n}.html").write_bytes(formats.html_page(title=f"Aid package {n}", published=str(day),
                                                                     body=text))
        elif kind == "pdf":
            (inbox / f"{day}-report-{n}.pdf").write_bytes(formats.pdf([text, text]))
        elif kind == "docx":
            (inbox / f"brief-{n}.docx").write_bytes(formats.docx([f"Brief {n}", text],
                                                                 created=dt.datetime(day.year, day.month, day.day)))
        elif kind == "eml":
            (inbox / f"mail-{n}.eml").write_bytes(formats.eml(f"Aid {n}", day.strftime("%a, %d %b %Y 09:00:00 +0000"),
                                                              text))
        else:
            k = min(ENTRIES_PER_FEED, docs - made)
            (inbox / f"wire-{n}.rss").write_bytes(formats.rss([
                (f"e{n}-{i}", "Wire item", day.strftime("%a, %d %b %Y 10:00:00 GMT"), body(n + i))
                for i in range(k)]))
            made += k - 1
            counts["feed entry"] = counts.get("feed entry", 0) + k - 1
        counts[kind if kind != "feed" else "feed entry"] = counts.get(kind if kind != "feed" else "feed entry", 0) + 1
        made += 1
        n += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="Build the inbox and outputs here instead of a temporary folder.")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-mixed-"))
    inbox, out = root / "inbox", root / "out"
    t = time.perf_counter()
    counts = build(inbox, args.docs)
    print(f"built {sum(counts.values())} documents in {len(list(inbox.iterdir()))} files "
          f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}) in {time.perf_counter() - t:.1f} s")
    settings = Settings(inbox=inbox, out=out)
    for label in ("first run (all new)", "second run (nothing changed)"):
        t = time.perf_counter()
        result = flow.run(settings)
        errors = sum(i.severity == "error" for i in result.issues)
        print(f"{label}: {time.perf_counter() - t:.1f} s; {result.documents_read} read of {result.documents_seen}, "
              f"{result.claims_found} claims, {errors} errors, {len(result.issues) - errors} warnings")


if __name__ == "__main__":
    main()

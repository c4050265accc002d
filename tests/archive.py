"""A generated archive of short news items for the backfill tests and bench/bench_backfill.py:
varied countries, figures, units and dates, a few empty files (an `empty_file` error each)."""
from __future__ import annotations

from pathlib import Path

COUNTRIES = ["Norway", "Denmark", "Sweden", "Finland", "Poland", "Germany", "France", "Italy", "Spain", "Canada",
             "the Netherlands", "Belgium", "Estonia", "Latvia", "Lithuania", "Japan", "Czechia", "Portugal"]
TEMPLATES = [
    "{c} pledged EUR {a} million in military aid to Ukraine on {d}.\nThe package includes {n} armoured vehicles.\n",
    "{c} has delivered {n} howitzers to Ukraine so far, the ministry said.\nIt promised about USD {a} million more.\n",
    "A plant in {c} makes up to {k},000 shells a month, its owner said.\nOutput should double by {y}.\n",
    "{c} will spend over NOK {a} million on air defence for Ukraine.\nAnother {n} drones arrive next month.\n",
]


def make_archive(folder: Path, n: int, empty_every: int = 250) -> Path:
    """`n` documents in `folder` (file names carry the date, subfolders of 500)."""
    for i in range(n):
        sub = folder / f"batch{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        month, day = 1 + i % 12, 1 + (i * 7) % 28
        name = f"2024-{month:02d}-{day:02d}-item{i:05d}.txt"
        if empty_every and i % empty_every == empty_every - 1:
            (sub / name).write_bytes(b"")
            continue
        text = TEMPLATES[i % len(TEMPLATES)].format(c=COUNTRIES[i % len(COUNTRIES)], a=10 + i % 900,
                                                    n=2 + i % 97, k=1 + i % 60, y=2026 + i % 3,
                                                    d=f"{day} {['March', 'June'][i % 2]}")
        (sub / name).write_text(f"Item {i}\n{text}", encoding="utf-8")
    return folder

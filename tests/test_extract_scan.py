"""The extractor's fast scan (extract._scanner: _SCAN tried only where _SCAN_START says a
figure may begin) finds exactly what a plain `_SCAN.search` walk finds. Texts: the devset,
the inbox, every peer suite case, and edge cases written here for each kind of start."""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT.parent / "shared" / "peer"

EDGES = [
    "Contact press@mod.example.org or +44 20 7946 0958; (555) 123-4567.",
    "See https://example.org/a/2024/118 and www.gov.example/IP/24/1521, ISBN 978-3-16-148410-0.",
    "page 3 of 7. Comments (17) Share (245) Previous updates: 13 | 12 | 11",
    "  1) first line\n\t2. second\n(3) third",
    "The '90s, the 1960s, -5 degrees, −4.5, .25 of it, ½ a tank, ¾ done.",
    "twenty twenty-seven, a hundred, an eighth, a few dozen, minus five, Several thousand",
    "M777, F-16s, Su-27, PAC-3, IP/24/1521, 2A6, 155mm, i7, G7, UTC+2, 1120 GMT",
    "Kelvin 5 K, ſix long-s, ıt dotless, İstanbul 300 drones",
    "Twice as many, doubled to 10, thrice, the tenfold rise, fourfold",
    "Jan. 5, 2024; 17 February 2024; March 2024; -Jan 5; x-May 2",
    "hundreds of thousands of shells and tens of millions of euros",
    "10km, 5kg, 46C, 117F, 225-km, 3 TWh; note.[1] (12 images) | 4 comments; about a week, an hour",
]


def _project_texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for d in ("devset", "probe")
           for p in sorted((ROOT / "bench" / d).glob("*.txt"))]
    out += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "inbox").glob("*")) if p.is_file()]
    return out + EDGES


def _peer_texts() -> list[str]:
    return [json.loads(line)["text"] for suite in sorted(PEER.glob("*.jsonl"))
            for line in suite.read_text(encoding="utf-8").splitlines() if line.strip()]


def _walk(next_match) -> list[tuple[int, int, str]]:
    found, pos = [], 0
    while (m := next_match(pos)) is not None:
        found.append((m.start(), m.end(), m.lastgroup))
        pos = max(m.end(), m.start() + 1)
    return found


def _walk_every_start(text: str, next_match) -> list[tuple[int, int, str]]:
    """The match from every start position, not only where the last one ended."""
    return [(m.start(), m.end(), m.lastgroup) if (m := next_match(p)) else None for p in range(len(text))]


def _same_matches(texts: list[str]) -> None:
    for text in texts:
        assert _walk(extract._scanner(text)) == _walk(partial(extract._SCAN.search, text)), text[:200]


def test_fast_scan_finds_what_the_plain_scan_finds() -> None:
    texts = _project_texts()
    assert len(texts) > 60
    _same_matches(texts)


@pytest.mark.skipif(not PEER.is_dir(), reason="../shared/peer is not beside the project")
def test_fast_scan_finds_what_the_plain_scan_finds_in_the_peer_suites() -> None:
    texts = _peer_texts()
    assert len(texts) > 500
    _same_matches(texts)


@pytest.mark.parametrize("text", EDGES, ids=[e[:30] for e in EDGES])
def test_fast_scan_from_every_position(text: str) -> None:
    assert (_walk_every_start(text, extract._scanner(text))
            == _walk_every_start(text, partial(extract._SCAN.search, text)))

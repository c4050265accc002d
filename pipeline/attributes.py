"""The words around a figure: its sentence, category, subject, period, recipient, purpose."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .extract import Found

# A sentence ends at . ! ? (and closing quotes) before a capital, a quote or a digit,
# or at a blank line unless the next paragraph goes on in lower case or with a figure
# ("over EUR\n\n500 million" is one sentence).
_ABBREV = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bCo)(?<!\bNo)(?<!\bvs)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bJr)(?<!\bSr)(?<!\bU\.S)(?<!\bU\.K)(?<!\bSept)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bapprox)(?<!\be\.g)(?<!\bi\.e)"
_SENT_END = re.compile(
    rf"""{_ABBREV}(?<=[.!?])["”’')\]]*\s+(?=["“‘'(\[]?[A-Z0-9])
        |\n[ \t]*\n\s*(?=[^a-z0-9€$£¥₴])""", re.VERBOSE)


@dataclass(frozen=True)
class Attributes:
    sentence: str = ""
    category: str = "other"
    subject: Optional[str] = None
    period: Optional[str] = None
    recipient: Optional[str] = None
    purpose: Optional[str] = None
    noun: Optional[str] = None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence.

    >>> sentence_spans("Kyiv got 5. Oslo got 6.")
    [(0, 11), (12, 23)]
    """
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def fold(s: str) -> str:
    return " ".join(s.split())


def describe(text: str, found: "list[Found]") -> list[Attributes]:
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    out = []
    for f in found:
        i = max(0, bisect.bisect_right(starts, f.start) - 1)
        s, e = spans[i]
        out.append(Attributes(sentence=fold(text[s:e])))
    return out

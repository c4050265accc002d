"""No text makes the extractor fail: this file's cases, mutated at random (a fixed seed).

A failure loses every claim of its document (the run records a `step_failed` error), so
texts cut, spliced and sprinkled with the characters and tokens that broke it before
(zero high ends, huge exponents, letters IGNORECASE folds to ASCII, times after a month)
must all come through.
"""
from __future__ import annotations

import random

import pytest

from pipeline.extract import find_claims
from test_extract_cases import CASES, NOT_CLAIMS

TEXTS = [c.text for c in CASES] + NOT_CLAIMS
TOKENS = ["\n\n", "\n", " ", ".", ",", ":", "-", "–", "(", ")", "%", "$", "€", "£", "'", '"', "16:48", "March",
          "a", "the", "of", "0", "-0", "00", "0.0", ",000", "1", "12", "1,000", "2024", "million", "bn", "m",
          "k", "x", "/", "#", "+", "½", "1/0", "0/0", "^", "^1122024", "e0", "×10", "-5052024", "and", "to",
          "per", "a year", "EUR", "USD", "it", "its", "ſ", "İ", "ı", "\u212a", "\u00a0", "\t"]


def mutated(rng: random.Random) -> str:
    text = " ".join(rng.choice(TEXTS) for _ in range(rng.randint(1, 4)))
    for _ in range(rng.randint(1, 12)):
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.6:
            text = text[:i] + rng.choice(TOKENS) + text[i:]
        elif op < 0.85:
            text = text[:i] + text[i + rng.randint(1, 20):]
        else:
            j = rng.randrange(len(text) + 1)
            text = text[:i] + text[min(i, j):max(i, j)][:120] + text[i:]
    return text


@pytest.mark.parametrize("seed", range(8))
def test_mutated_texts_never_make_the_extractor_fail(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(250):
        text = mutated(rng)
        claims = find_claims(text)
        assert all(text[c.start:c.end] == c.quote for c in claims), text

"""The Tracker's series: points in time, and what counts as a change."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipeline.models import Fact
from pipeline.tracker import build_series


def pledge(id: str, value: int, when: date) -> Fact:
    return Fact(id=id, subject="Poland", category="pledge", unit="EUR", value=value, first_date=when,
                qualifier="exact", n_claims=1, n_documents=1, documents=[f"{id}.txt"])


@pytest.mark.parametrize("facts, change", [
    ([pledge("a", 300, date(2024, 3, 1)), pledge("b", 500, date(2024, 9, 20))], Decimal(200)),
    ([pledge("a", 500, date(2024, 3, 1)), pledge("b", 300, date(2024, 9, 20))], Decimal(-200)),
    # One article's two figures of one day are two items, not a change.
    ([pledge("a", 500, date(2024, 9, 20)), pledge("b", 300, date(2024, 9, 20))], None),
    ([pledge("a", 500, date(2024, 9, 20))], None),
    # The first figure of an earlier day against the latest, whatever came between.
    ([pledge("a", 100, date(2024, 1, 5)), pledge("b", 700, date(2024, 2, 5)), pledge("c", 400, date(2024, 2, 5))],
     Decimal(300)),
])
def test_change_is_only_between_days(facts: list[Fact], change: Decimal | None) -> None:
    [series] = build_series(facts).values()
    assert series.change == change


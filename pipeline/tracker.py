"""The Tracker's series: figures over time, one series per subject, category, unit and period.

Series are made of facts (`facts.py`: one figure however many reports repeat it), never
of raw claims, so a figure repeated by five outlets is one point reported by five documents.
Deliveries show the running delivered figure (a cumulative report replaces it, an increment
adds to it). The workbook module only lays the result out.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterable

from .facts import delivered_over_time
from .models import Category, Fact, Progress
from .validate import is_money

TRACKED = ("pledge", "delivery", "capacity", "count")
UNKNOWN_SUBJECT = "(unknown)"


@dataclass(frozen=True)
class Point:
    """One figure placed in time."""

    when: date
    value: Decimal
    qualifier: str
    value_eur: Decimal | None
    documents: tuple[str, ...]
    fact_id: str
    new: bool = False  # first reported in the run being rendered


SeriesKey = tuple[str, str, str, str]  # subject, category, unit, period ("" for none)


@dataclass
class Series:
    key: SeriesKey
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def first(self) -> Point:
        return self.points[0]

    @property
    def change(self) -> Decimal | None:
        """Latest minus first, only when the first was reported on an earlier day: figures of
        one day (one article's 500,000 and 300,000 rounds of two calibres) are different
        items of the series, not a change in it."""
        if self.first.when >= self.latest.when:
            return None
        return self.latest.value - self.first.value

    @property
    def documents(self) -> int:
        return len({d for p in self.points for d in p.documents})


def series_key(f: Fact) -> SeriesKey:
    period = f.period.value if f.period else ""
    return (f.subject or UNKNOWN_SUBJECT, f.category.value, f.unit, period)


def build_series(facts: Iterable[Fact], new_ids: set[str] = frozenset()) -> dict[SeriesKey, Series]:
    """Dated facts of the tracked categories as series, points by date.

    >>> f = Fact(id="a", subject="Norway", category="pledge", unit="NOK", value=5, first_date=date(2024, 1, 2),
    ...          n_claims=1, n_documents=1, documents=["n.txt"])
    >>> build_series([f])[("Norway", "pledge", "NOK", "")].latest.value
    Decimal('5')
    """
    groups: dict[SeriesKey, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.category.value in TRACKED and f.first_date is not None:
            groups[series_key(f)].append(f)
    found: dict[SeriesKey, Series] = {}
    for key, group in groups.items():
        group.sort(key=lambda f: (f.first_date, f.id))
        if key[1] == Category.delivery.value:
            running = [(f, total, q.value) for f, total, q in delivered_over_time(group)]
        else:
            running = [(f, f.value, f.qualifier.value) for f in group]
        points = []
        for f, value, qualifier in running:
            rate = f.value_eur / f.value if f.value_eur is not None and f.value else None
            points.append(Point(when=f.first_date, value=value, qualifier=qualifier,
                                value_eur=value * rate if rate is not None else None,
                                documents=tuple(f.documents), fact_id=f.id, new=f.id in new_ids))
        if points:
            found[key] = Series(key, points)
    return found


def gaps_by_series(progress: Iterable[Progress]) -> dict[tuple[str, str], Progress]:
    """The latest pledge's progress for each subject and unit (money under EUR)."""
    out: dict[tuple[str, str], Progress] = {}
    for p in sorted(progress, key=lambda p: (p.pledge_date or date.min)):
        out[(p.subject or UNKNOWN_SUBJECT, p.unit)] = p
    return out


def gap_key(key: SeriesKey) -> tuple[str, str]:
    subject, _, unit, _ = key
    return subject, "EUR" if is_money(unit) else unit


def period_label(d: date, period: str) -> str:
    """Column label of the period holding `d`.

    >>> period_label(date(2024, 9, 20), "month"), period_label(date(2024, 9, 20), "quarter")
    ('2024-09', '2024-Q3')
    """
    if period == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year}-{d.month:02d}"


def period_labels(series: Iterable[Series], period: str) -> list[str]:
    """Every period from the first point to the last, gaps included, so time reads evenly."""
    dates = [p.when for s in series for p in s.points]
    if not dates:
        return []
    labels = []
    y, m = min(dates).year, min(dates).month
    end = max(dates)
    while (y, m) <= (end.year, end.month):
        label = period_label(date(y, m, 1), period)
        if label not in labels:
            labels.append(label)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return labels


def by_period(s: Series, period: str) -> dict[str, Point]:
    """The figure of each period: the latest reported in it."""
    out: dict[str, Point] = {}
    for p in s.points:  # sorted by date: later ones overwrite
        out[period_label(p.when, period)] = p
    return out

"""The Tracker's series: figures over time, one series per subject, category, unit and period.

Plain functions over the claims as reviewers left them (`store.current_claims`); the
workbook module only lays the result out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

TRACKED = ("pledge", "delivery", "capacity", "count")
UNKNOWN_SUBJECT = "(unknown)"


@dataclass(frozen=True)
class Point:
    """One reported figure placed in time."""

    when: date
    value: Decimal
    value_high: Decimal | None
    qualifier: str
    value_eur: Decimal | None
    doc_key: str
    source: str
    claim_id: str
    order: int  # position in the document, to break ties within a day


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
    def documents(self) -> int:
        return len({p.doc_key for p in self.points})


def _dec(v: Any) -> Decimal | None:
    return None if v in (None, "") else Decimal(str(v))


def series_key(claim: dict) -> SeriesKey:
    return (claim["subject"] or UNKNOWN_SUBJECT, claim["category"], claim["unit"], claim["period"] or "")


def build_series(claims: Iterable[dict]) -> dict[SeriesKey, Series]:
    """Group dated, standing claims of the tracked categories into series, points by date."""
    found: dict[SeriesKey, Series] = {}
    for c in claims:
        if c["status"] == "rejected" or c["category"] not in TRACKED or not c.get("doc_date"):
            continue
        value = _dec(c["value"])
        rate = _dec(c.get("eur_rate"))
        point = Point(when=date.fromisoformat(c["doc_date"]), value=value, value_high=_dec(c["value_high"]),
                      qualifier=c["qualifier"], value_eur=(value * rate) if rate is not None else None,
                      doc_key=c["doc_key"], source=c.get("doc_source") or c["doc_key"], claim_id=c["id"],
                      order=c["start"])
        key = series_key(c)
        found.setdefault(key, Series(key)).points.append(point)
    for s in found.values():
        s.points.sort(key=lambda p: (p.when, p.doc_key, p.order))
    return found


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

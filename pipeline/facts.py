"""One fact from many reports; figures that conflict; promised against delivered.

A fact is the claims that state the same figure about the same thing: same canonical
subject, category, unit and period, values within 0.5 %, each reported within
`window_days` of the one before (so a figure repeated week after week stays one fact). A
conversion in the same sentence ("EUR 400 million ($535 million)") joins the fact of the
figure it converts. Facts are rebuilt from every standing claim of the ledger on each run;
a fact's id is a hash of its key and its earliest claim, so it stays while reports are added.

Everything here is plain functions over records (no ledger): `build_facts` takes claims and
their documents' dates, `promised_vs_delivered` takes facts.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterable, Mapping, NamedTuple, Optional

from .issues import issue
from .models import Category, Claim, Fact, FactKind, IssueCode, Period, Progress, Qualifier, ValidationIssue
from .validate import is_money

SAME_VALUE = Decimal("0.005")     # CLAIMS.md's matching rule: values agree within 0.5 %
APPROX_SPREAD = Decimal("0.10")   # "about 500" allows 450 to 550
CONVERSION_SPREAD = Decimal("0.20")  # a journalist's conversion may use another day's rate
CONVERSION_GAP = 40               # characters between a figure and its conversion, at most

# Text between a figure and its conversion: "EUR 400 million ($535 million)", "... or about $535 million".
_CONVERSION_BETWEEN = re.compile(
    r"""^[\s(\[,/–—-]*                                  # opening bracket, comma, dash, slash
        (?:(?:or|i\.e\.|that\ is|roughly|about|around|approximately|some|nearly|almost|
              equivalent\ to|equal\ to|worth)[\s,]*)*   # words that introduce a conversion
        $""", re.VERBOSE | re.IGNORECASE)

# Words that say how a figure relates to the ones before it (written for this project from
# wire copy on deliveries). Before the figure: nearest one wins; the list order does not
# matter because every match is found and the nearest taken.
_BEFORE = [
    (FactKind.cumulative, r"so far|to date|in total|a total of|total of|the total to|brings? the total|bringing the total"
                          r"|total(?:led|ed|ling|ing)?|altogether|overall|cumulative(?:ly)?|all in all|in all|thus far"),
    (FactKind.increment, r"another|a further|further|new|additional|fresh|latest|extra|next|newly"),
]
# After the figure only words that post-modify it count ("100 tanks so far", "30 more tanks").
_AFTER = [
    (FactKind.cumulative, r"so far|to date|in total|altogether|in all|thus far|until now|up to now|all told"
                          r"|since (?:the start|the beginning|the outset|the full-scale invasion|february 2022|2022)"),
    (FactKind.increment, r"more"),
]
_BEFORE_RE = re.compile("|".join(rf"(?P<{k.value}>\b(?:{p})\b)" for k, p in _BEFORE), re.IGNORECASE)
_AFTER_RE = re.compile("|".join(rf"(?P<{k.value}>\b(?:{p})\b)" for k, p in _AFTER), re.IGNORECASE)
BEFORE_CHARS, AFTER_CHARS = 60, 30
# Shares, durations and prices ("other") differ for too many reasons to call two a conflict.
CONFLICT_CATEGORIES = (Category.pledge, Category.delivery, Category.capacity)


@dataclass
class FactResult:
    facts: list[Fact] = field(default_factory=list)
    issues: list[ValidationIssue] = field(default_factory=list)


def _fold(s: str) -> str:
    return " ".join(s.split())


def _close(a: Optional[Decimal], b: Optional[Decimal], spread: Decimal = SAME_VALUE) -> bool:
    """Whether two figures agree within `spread` of the larger.

    >>> _close(Decimal(1000), Decimal(1004)), _close(Decimal(1000), Decimal(1006))
    (True, False)
    """
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= spread * max(abs(a), abs(b))


def _positions(sentence: str, claims: list[Claim]) -> dict[str, tuple[int, int]]:
    """Where each claim's quote stands in its (folded) sentence, found left to right."""
    out, at = {}, 0
    for c in claims:
        q = _fold(c.quote)
        i = sentence.find(q, at)
        if i < 0:
            i = sentence.find(q)
        if i >= 0:
            out[c.id] = (i, i + len(q))
            at = i + len(q)
    return out


def kind_of(before: str, after: str) -> Optional[FactKind]:
    """Cumulative, increment or None from the words next to a figure.

    >>> kind_of("Germany sent another ", ", bringing the total to "), kind_of(", bringing the total to ", ".")
    (<FactKind.increment: 'increment'>, <FactKind.cumulative: 'cumulative'>)
    >>> kind_of("Germany has delivered ", " so far."), kind_of("Germany delivered ", ".") is None
    (<FactKind.cumulative: 'cumulative'>, True)
    """
    found = list(_BEFORE_RE.finditer(before[-BEFORE_CHARS:]))
    if found:
        return FactKind(found[-1].lastgroup)
    m = _AFTER_RE.search(after[:AFTER_CHARS])
    return FactKind(m.lastgroup) if m else None


class Figure(NamedTuple):
    """The fields of a claim that facts read once its sentence is read (a kept mention's); a
    tuple, as a rebuild reads a million of them back from the ledger."""

    id: str
    document: str
    subject: Optional[str]
    category: Category
    unit: str
    period: Optional[Period]
    start: int
    value: Decimal
    value_high: Optional[Decimal]
    qualifier: Qualifier
    purpose: Optional[str]
    value_eur: Optional[Decimal]


@dataclass
class Mention:
    """A figure as facts see it: a claim, its document's day, its kind, and the claims
    beside it that convert it (they join its fact)."""

    claim: Claim | Figure
    day: Optional[date]
    kind: Optional[FactKind] = None
    conversions: list[Claim | Figure] = field(default_factory=list)


def read_mentions(claims: list[Claim], dates: Mapping[str, Optional[date]]) -> list[Mention]:
    """Mentions with their kind, each conversion attached to the figure it converts; those of
    a document depend on its claims only, so they can be kept and read back."""
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.document, _fold(c.sentence))].append(c)
    mentions: list[Mention] = []
    for (doc, sentence), group in by_sentence.items():
        group.sort(key=lambda c: (c.start, c.end, c.id))
        pos = _positions(sentence, group)
        primary: Optional[Mention] = None
        for i, c in enumerate(group):
            if primary is not None and _is_conversion(primary.claim, group[i - 1], c, sentence, pos):
                primary.conversions.append(c)
                continue
            here = pos.get(c.id)
            kind = None
            if here and c.category in (Category.delivery, Category.pledge):
                prev_end = max((pos[g.id][1] for g in group[:i] if g.id in pos and pos[g.id][1] <= here[0]),
                               default=0)
                next_start = min((pos[g.id][0] for g in group[i + 1:] if g.id in pos and pos[g.id][0] >= here[1]),
                                 default=len(sentence))
                kind = kind_of(sentence[prev_end:here[0]], sentence[here[1]:next_start])
            primary = Mention(c, dates.get(doc), kind)
            mentions.append(primary)
    return mentions


def _is_conversion(first: Claim, prev: Claim, c: Claim, sentence: str, pos: dict[str, tuple[int, int]]) -> bool:
    """Whether `c` restates `prev` (or the figure `prev` converts) in another currency."""
    if not (is_money(first.unit) and is_money(c.unit)) or c.unit in (first.unit, prev.unit):
        return False
    if not 0 <= c.start - prev.end <= CONVERSION_GAP:
        return False
    if prev.id in pos and c.id in pos and not _CONVERSION_BETWEEN.match(sentence[pos[prev.id][1]:pos[c.id][0]]):
        return False
    if first.value_eur is not None and c.value_eur is not None:
        return _close(first.value_eur, c.value_eur, CONVERSION_SPREAD)
    return True


def _fact_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


FactKey = tuple[Optional[str], str, str, Optional[str]]  # subject, category, unit, period


def fact_key(c: Claim | Figure) -> FactKey:
    # `_value_`, not `value`: the enum's descriptor took half of the time of a million keys
    return (c.subject, c.category._value_, c.unit, c.period._value_ if c.period else None)


def closed_keys(keys: set[FactKey], known: Iterable[FactKey]) -> set[FactKey]:
    """`keys` with every key whose problems depend on theirs: a subject's deliveries in all
    units form one delivered series (money in EUR), so a delivery key brings its subject's.

    >>> sorted(closed_keys({("Oslo", "delivery", "NOK", None)}, [("Oslo", "delivery", "USD", None),
    ...                                                         ("Oslo", "pledge", "USD", None)]))
    [('Oslo', 'delivery', 'NOK', None), ('Oslo', 'delivery', 'USD', None)]
    """
    subjects = {k[0] for k in keys if k[0] and k[1] == Category.delivery.value and k[3] is None}
    return set(keys) | {k for k in known if k[0] in subjects and k[1] == Category.delivery.value and k[3] is None}


def build_facts(claims: Iterable[Claim], dates: Mapping[str, Optional[date]], window_days: int = 14) -> FactResult:
    """Group claims into facts; warn where figures conflict or a delivery's kind is unclear.

    `claims` are the standing claims (their `document` a key of `dates`); linear in their
    number after one sort per key.
    """
    return facts_of_mentions(read_mentions(list(claims), dates), window_days)


def facts_of_mentions(mentions: Iterable[Mention], window_days: int = 14, keys: set[FactKey] | None = None
                      ) -> FactResult:
    """`build_facts` from mentions read before. With `keys`, only the facts of those keys and
    their problems: then `mentions` must hold every mention of them, and `keys` be closed
    (`closed_keys`), for the result to be that of all the mentions."""
    facts = cluster(mentions, window_days, keys)
    return FactResult(facts, fact_problems(facts, window_days))


def key_order(key: FactKey) -> tuple:
    """The order facts come in: by key (None first), then as clustered."""
    return tuple("" if x is None else x for x in key)


def fact_problems(facts: list[Fact], window_days: int) -> list[ValidationIssue]:
    """The conflicts and unclear deliveries among facts (all those of a closed set of keys)."""
    return conflicts(facts, window_days) + unclear_deliveries(facts)


def cluster(mentions: Iterable[Mention], window_days: int = 14, keys: set[FactKey] | None = None) -> list[Fact]:
    """The facts of the mentions (of `keys` only, when given), in `key_order`.

    A key's mentions are read in date order; each joins the first open fact (its last report
    within the window) whose first report states the same figure (`_close`), else starts one.
    """
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        key = fact_key(m.claim)
        if keys is None or key in keys:
            groups[key].append(m)
    facts: list[Fact] = []
    for key in sorted(groups, key=key_order):
        mentions = sorted(groups[key], key=lambda m: (m.day is None, m.day or date.min, m.claim.document,
                                                      m.claim.start, m.claim.id))
        clusters: list[list[Mention]] = []
        # open facts: their reports, their first report's figure (value, high) as decimals and
        # floats (a missing high as 0.0: it is compared only with another high), and the band
        # of floats sure to be close to the value and the one outside which none is (`_band`)
        active: list[tuple] = []
        day: object = _NO_DAY
        for m in mentions:
            if m.day != day:  # which facts are open changes only with the day (mentions are in date order)
                day = m.day
                if m.day is not None:
                    active = [a for a in active if a[0][-1].day is not None
                              and (m.day - a[0][-1].day).days <= window_days]
                else:
                    active = [a for a in active if a[0][-1].day is None]
            value, high = m.claim.value, m.claim.value_high
            fvalue, fhigh = float(value), 0.0 if high is None else float(high)
            home = None
            plain = _TINY < fvalue < _HUGE
            for a in active:
                if plain and a[5] <= fvalue <= a[6]:
                    pass
                elif plain and (fvalue < a[7] or fvalue > a[8]) or not _near(a[3], fvalue, a[1], value):
                    continue
                if a[2] is None and high is None or a[2] is not None and high is not None and _near(a[4], fhigh, a[2], high):
                    home = a[0]
                    break
            if home is None:
                home = []
                clusters.append(home)
                active.append((home, value, high, fvalue, fhigh, *_band(fvalue)))
            home.append(m)
        facts.extend(_fact(key, cl) for cl in clusters)
    return facts


_NO_DAY = object()  # before a key's first mention: no day yet (None is the day of an undated one)
_NEAR, _FAR = float(SAME_VALUE) * 0.998, float(SAME_VALUE) * 1.002
_TINY, _HUGE = 1e-300, 1e300  # positive floats far from underflow and overflow: `_band` holds for them


def _band(fa: float) -> tuple[float, float, float, float]:
    """For a positive first value `fa`: the floats sure to be `_close` to it (inner low, high)
    and the band outside which none is (outer low, high); between the two, the decimals tell.

    For a, b > 0, |a - b| <= s * max(a, b) holds exactly for a * (1 - s) <= b <= a / (1 - s);
    the spreads a fraction narrower and wider than s leave float rounding far behind.

    >>> lo_in, hi_in, lo_out, hi_out = _band(1000.0)
    >>> lo_out < 995.0 < lo_in < 1000.0 < hi_in < 1005.02 < hi_out
    True
    """
    if not _TINY < fa < _HUGE:  # zero, negative, or too near the float limits: the decimals tell
        return math.inf, -math.inf, -math.inf, math.inf
    return fa * (1 - _NEAR), fa / (1 - _NEAR), fa * (1 - _FAR), fa / (1 - _FAR)


def _near(fa: float, fb: float, a: Decimal, b: Decimal) -> bool:
    """`_close(a, b)`, told from the floats `fa`, `fb` unless they are too near the limit to tell.

    >>> _near(1000.0, 1005.0, Decimal(1000), Decimal(1005)), _near(1000.0, 1006.0, Decimal(1000), Decimal(1006))
    (True, False)
    """
    diff, larger = abs(fa - fb), max(abs(fa), abs(fb))
    if diff < _NEAR * larger:
        return True
    if diff > _FAR * larger:
        return False
    return _close(a, b)


def _most_common(values: list, default: object = None) -> object:
    values = [v for v in values if v is not None]
    if not values:
        return default
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)  # ties: the earliest report's


def _fact(key: tuple, cluster: list[Mention]) -> Fact:
    subject, category, unit, period = key
    first = cluster[0].claim
    claims = [m.claim for m in cluster]
    members = claims + [c for m in cluster if m.conversions for c in m.conversions]
    documents = sorted({c.document for c in members})
    days = [m.day for m in cluster if m.day is not None]
    kinds = Counter(m.kind for m in cluster if m.kind is not None)
    kind = None
    if kinds:
        (top, n), *rest = kinds.most_common()
        kind = top if not rest or rest[0][1] < n else None
    value_eur = next((m.claim.value_eur for m in cluster if m.claim.value_eur is not None), None)
    if value_eur is None:  # an unconverted figure (UAH) with a conversion beside it in the text
        value_eur = next((c.value_eur for m in cluster for c in m.conversions if c.value_eur is not None), None)
    return Fact(
        id=_fact_id(subject, category, unit, period, first.id),
        subject=subject, category=category, unit=unit, period=period,
        value=first.value, value_high=first.value_high,
        qualifier=_most_common([c.qualifier for c in claims], first.qualifier),
        value_eur=value_eur, first_date=min(days) if days else None, last_date=max(days) if days else None,
        n_claims=len(members), n_documents=len(documents), kind=kind,
        purpose=_most_common([c.purpose for c in claims]),
        claim_ids=sorted(c.id for c in members), documents=documents,
    )


# --- conflicts -------------------------------------------------------------------------

def allowed(f: Fact) -> tuple[Decimal, Optional[Decimal]]:
    """The values a fact allows, low and high (None: no upper limit).

    >>> allowed(Fact(id="x", category="pledge", unit="EUR", value=Decimal(500), qualifier="approx", n_claims=1, n_documents=1))
    (Decimal('450.00'), Decimal('550.00'))
    """
    v = f.value
    if f.qualifier == Qualifier.lower_bound:
        return v, None
    if f.qualifier == Qualifier.upper_bound:
        return Decimal(0), v
    if f.qualifier == Qualifier.range:
        return v, f.value_high if f.value_high is not None else v
    spread = APPROX_SPREAD if f.qualifier == Qualifier.approx else SAME_VALUE
    return v * (1 - spread), v * (1 + spread)


def _disjoint(a: Fact, b: Fact) -> bool:
    (alo, ahi), (blo, bhi) = allowed(a), allowed(b)
    return (ahi is not None and ahi < blo) or (bhi is not None and bhi < alo)


def _days_apart(a: Fact, b: Fact) -> Optional[int]:
    if not (a.first_date and b.first_date and a.last_date and b.last_date):
        return None
    if a.last_date < b.first_date:
        return (b.first_date - a.last_date).days
    if b.last_date < a.first_date:
        return (a.first_date - b.last_date).days
    return 0


def conflicts(facts: list[Fact], window_days: int) -> list[ValidationIssue]:
    """One warning per pair of facts of one key that cannot both be true at about the same time.

    Not a conflict: a bound and a figure inside it, increments (two deliveries), a later
    larger cumulative total (a new point of the series), figures for different purposes,
    two figures of one document (an article giving both means two different things).
    """
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.subject and f.first_date and f.category in CONFLICT_CATEGORIES:
            by_key[(f.subject, f.category, f.unit, f.period)].append(f)
    found: list[ValidationIssue] = []
    for group in by_key.values():
        group.sort(key=lambda f: (f.first_date, f.id))
        warned: set[str] = set()  # one warning per fact, against the first figure it contradicts
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if b.id in warned:
                    continue
                apart = _days_apart(a, b)
                if apart is None or (b.first_date - a.last_date).days > window_days:
                    break
                if apart > window_days or not _disjoint(a, b):
                    continue
                if FactKind.increment in (a.kind, b.kind):
                    continue
                if b.kind == FactKind.cumulative and b.first_date > a.first_date and b.value > a.value:
                    continue
                if a.purpose and b.purpose and a.purpose != b.purpose:
                    continue
                if set(a.documents) & set(b.documents):
                    continue  # one article giving two figures is telling two things apart
                warned.add(b.id)
                found.append(issue(IssueCode.figures_conflict, b.documents[0], claim_id=b.claim_ids[0],
                                   where=f"fact {b.id}", subject=b.subject, category=b.category.value,
                                   days=window_days, first=figure_text(a), first_doc=a.documents[0],
                                   first_date=a.first_date, second=figure_text(b), second_doc=b.documents[0],
                                   second_date=b.first_date))
    return found


_WORDS = [(Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")]
_QUALIFIER_WORDS = {Qualifier.approx: "about ", Qualifier.lower_bound: "over ", Qualifier.upper_bound: "up to "}


def _number_text(v: Decimal) -> str:
    for size, word in _WORDS:
        if abs(v) >= size:
            return f"{(v / size).normalize():f} {word}"
    return f"{v.normalize():,f}" if v == v.to_integral_value() else f"{v:,f}"


def figure_text(f: Fact) -> str:
    """A fact's figure as a reader would write it.

    >>> figure_text(Fact(id="x", category="pledge", unit="EUR", value=Decimal(1800000000), n_claims=1, n_documents=1))
    'EUR 1.8 billion'
    >>> figure_text(Fact(id="x", category="delivery", unit="tank", value=Decimal(30), qualifier="lower_bound", n_claims=1, n_documents=1))
    'over 30 tank(s)'
    """
    n = _number_text(f.value)
    if f.qualifier == Qualifier.range and f.value_high is not None:
        n = f"{n} to {_number_text(f.value_high)}"
    words = _QUALIFIER_WORDS.get(f.qualifier, "")
    if is_money(f.unit):
        return f"{words}{f.unit} {n}"
    return f"{words}{n} {f.unit}" if f.unit in ("%", "times") else f"{words}{n} {f.unit}(s)"


# --- deliveries and pledges over time ----------------------------------------------------

def _series_key(f: Fact) -> tuple[Optional[str], str, Optional[Decimal], Optional[Decimal]]:
    """Subject, unit and figures to add up: money in EUR where converted, else as stated."""
    if is_money(f.unit) and f.value_eur is not None:
        ratio = f.value_eur / f.value if f.value else Decimal(0)
        high = None if f.value_high is None else (f.value_high * ratio).quantize(Decimal("0.01"))
        return f.subject, "EUR", f.value_eur, high
    return f.subject, f.unit, f.value, f.value_high


def _series(facts: list[Fact], category: Category) -> dict[tuple[str, str], list[Fact]]:
    out: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.category == category and f.subject and f.period is None and f.first_date:
            out[_series_key(f)[:2]].append(f)
    for group in out.values():
        group.sort(key=lambda f: (f.first_date, f.id))
    return out


def unclear_deliveries(facts: list[Fact]) -> list[ValidationIssue]:
    """A warning for each later delivery that is neither marked cumulative nor increment."""
    return [issue(IssueCode.delivery_unclear, f.documents[0], claim_id=f.claim_ids[0], where=f"fact {f.id}",
                  subject=f.subject, figure=figure_text(f))
            for group in _series(facts, Category.delivery).values() for f in group[1:] if f.kind is None]


def _sum_qualifier(a: Optional[Qualifier], b: Optional[Qualifier]) -> Optional[Qualifier]:
    """Qualifier of a sum or difference whose parts point `a` and `b` (None: no bound holds)."""
    if a is None or b is None:
        return None
    if a == b or b == Qualifier.exact:
        return a
    if a == Qualifier.exact:
        return b
    if Qualifier.approx in (a, b):
        return b if a == Qualifier.approx else a
    if {a, b} == {Qualifier.lower_bound, Qualifier.upper_bound}:
        return None
    return Qualifier.approx  # a range with a bound


_FLIP = {Qualifier.lower_bound: Qualifier.upper_bound, Qualifier.upper_bound: Qualifier.lower_bound}


def delivered_over_time(deliveries: list[Fact]) -> list[tuple[Fact, Decimal, Qualifier]]:
    """The running delivered figure after each delivery report: cumulative replaces, increment adds.

    A report that is neither (after the first) is left out; `unclear_deliveries` flags it.
    """
    out: list[tuple[Fact, Decimal, Qualifier]] = []
    total, q = Decimal(0), Qualifier.exact
    for i, f in enumerate(deliveries):
        _, _, value, _ = _series_key(f)
        fq = Qualifier.lower_bound if f.qualifier == Qualifier.range else f.qualifier  # a range: at least its low end
        if i == 0 or f.kind == FactKind.cumulative:
            total, q = value, fq
        elif f.kind == FactKind.increment:
            total, q = total + value, _sum_qualifier(q, fq) or Qualifier.approx
        else:
            continue
        out.append((f, total, q))
    return out


def promised_vs_delivered(facts: list[Fact], as_of: date) -> list[Progress]:
    """For each subject and unit: each pledge, what is reported delivered against it, the gap.

    Deliveries reported on or after the first pledge's date count; they fill pledges in
    the order made. A pledge marked cumulative ("a total of 100 tanks pledged") replaces the
    pledges before it. Money is compared in EUR.
    """
    pledges, deliveries = _series(facts, Category.pledge), _series(facts, Category.delivery)
    out: list[Progress] = []
    for (subject, unit), made in sorted(pledges.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        open_pledges: list[Fact] = []
        for p in made:
            if p.kind == FactKind.cumulative:
                open_pledges = []
            open_pledges.append(p)
        start = made[0].first_date
        series = delivered_over_time([d for d in deliveries.get((subject, unit), []) if d.last_date >= start])
        total, dq = (series[-1][1], series[-1][2]) if series else (Decimal(0), Qualifier.exact)
        last = max((f.last_date for f, _, _ in series), default=None)
        left = total
        for p in open_pledges:
            _, _, promised, promised_high = _series_key(p)
            delivered = min(left, promised) if left > 0 else Decimal(0)
            left -= delivered
            gq = _sum_qualifier(p.qualifier, _FLIP.get(dq, dq))
            gap_high = None if promised_high is None else promised_high - delivered
            out.append(Progress(
                subject=subject, unit=unit, pledge_fact_id=p.id, pledge_date=p.first_date,
                promised=promised, promised_high=promised_high, promised_qualifier=p.qualifier,
                delivered=delivered, delivered_qualifier=dq, gap=promised - delivered, gap_high=gap_high,
                gap_qualifier=gq, last_delivery_date=last, days_since_pledge=(as_of - p.first_date).days,
                as_of=as_of, delivery_fact_ids=[f.id for f, _, _ in series]))
    return out

"""One fact from many reports, conflicts, deliveries over time, promised against delivered.

Unit tests build Claim records directly (not through the extractor); the end-to-end tests
at the bottom run the command line on simple sentences the tests write.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import invoke, ledger_rows, write_doc
from pipeline.facts import build_facts, promised_vs_delivered
from pipeline.models import Claim

D0 = date(2024, 9, 20)


def claim(doc: str, value: float, unit: str = "EUR", *, subject: str = "United Kingdom", category: str = "pledge",
          qualifier: str = "exact", sentence: str = "", start: int = 0, quote: str | None = None, **more) -> Claim:
    quote = quote or f"{unit} {value}"
    return Claim(id=f"{doc}:{start}", document=doc, quote=quote, start=start, end=start + len(quote),
                 sentence=sentence or f"It gave {quote}.", value=Decimal(str(value)), unit=unit,
                 qualifier=qualifier, category=category, subject=subject, **more)


def test_five_reports_of_one_figure_make_one_fact_with_five_sources() -> None:
    claims = [claim(f"wire-{i}.txt", 500_000_000 * (1 + i / 1000)) for i in range(5)]  # within 0.5 %
    dates = {f"wire-{i}.txt": D0 + timedelta(days=i) for i in range(5)}
    [fact] = build_facts(claims, dates).facts
    assert (fact.n_claims, fact.n_documents, fact.first_date, fact.last_date) == (5, 5, D0, D0 + timedelta(days=4))
    assert fact.documents == [f"wire-{i}.txt" for i in range(5)]
    assert fact.value == Decimal(500_000_000)


def test_reports_outside_the_window_or_the_tolerance_are_other_facts() -> None:
    claims = [claim("a.txt", 500), claim("b.txt", 500), claim("c.txt", 510)]
    dates = {"a.txt": D0, "b.txt": D0 + timedelta(days=30), "c.txt": D0}
    facts = build_facts(claims, dates, window_days=14).facts
    assert sorted((f.value, f.n_claims) for f in facts) == [(500, 1), (500, 1), (510, 1)]


def test_fact_ids_do_not_change_when_a_report_is_added() -> None:
    one = build_facts([claim("a.txt", 500)], {"a.txt": D0}).facts
    two = build_facts([claim("a.txt", 500), claim("b.txt", 500)], {"a.txt": D0, "b.txt": D0}).facts
    assert [f.id for f in one] == [f.id for f in two]


def test_a_conversion_in_the_same_sentence_belongs_to_the_same_fact() -> None:
    sentence = "London pledged €400 million ($535 million) for drones."
    eur = claim("a.txt", 400_000_000, sentence=sentence, start=15, quote="€400 million", value_eur=Decimal(400_000_000))
    usd = claim("a.txt", 535_000_000, "USD", sentence=sentence, start=29, quote="$535 million",
                value_eur=Decimal(479_000_000))
    [fact] = build_facts([eur, usd], {"a.txt": D0}).facts
    assert (fact.unit, fact.value, fact.n_claims, fact.n_documents) == ("EUR", 400_000_000, 2, 1)


def test_two_disagreeing_figures_make_one_warning() -> None:
    claims = [claim("a.txt", 500_000_000, qualifier="approx"), claim("b.txt", 1_800_000_000)]
    result = build_facts(claims, {"a.txt": D0, "b.txt": D0 + timedelta(days=3)})
    assert [(i.code.value, i.severity.value, i.document) for i in result.issues] == [
        ("figures_conflict", "warning", "b.txt")]
    assert result.issues[0].message == (
        "United Kingdom: pledge figures that cannot both be true within 14 days: about EUR 500 million "
        "(a.txt, 2024-09-20) and EUR 1.8 billion (b.txt, 2024-09-23).")


@pytest.mark.parametrize("first,second", [
    (dict(value=500_000_000, qualifier="lower_bound"), dict(value=1_800_000_000)),   # a bound and a figure in it
    (dict(value=500_000_000, qualifier="approx"), dict(value=520_000_000)),          # about 500 allows 520
    (dict(value=500_000_000), dict(value=1_800_000_000, sentence="That brings the total to EUR 1.8 billion.",
                                    quote="EUR 1.8 billion")),                       # later larger cumulative total
], ids=["bound", "approx", "cumulative"])
def test_figures_that_can_both_be_true_are_not_a_conflict(first: dict, second: dict) -> None:
    claims = [claim("a.txt", **first), claim("b.txt", **second)]
    assert build_facts(claims, {"a.txt": D0, "b.txt": D0 + timedelta(days=3)}).issues == []


def test_two_figures_of_one_document_or_weeks_apart_are_not_a_conflict() -> None:
    same_doc = [claim("a.txt", 500_000_000), claim("a.txt", 1_800_000_000, start=40)]
    apart = [claim("a.txt", 500_000_000), claim("b.txt", 1_800_000_000)]
    assert build_facts(same_doc, {"a.txt": D0}).issues == []
    assert build_facts(apart, {"a.txt": D0, "b.txt": D0 + timedelta(days=40)}).issues == []


def tanks(doc: str, value: int, sentence: str, category: str = "delivery") -> Claim:
    quote = f"{value} tanks"
    return claim(doc, value, "tank", subject="Germany", category=category, sentence=sentence,
                 start=sentence.index(quote), quote=quote)


TANKS = {"pledge.txt": date(2024, 1, 10), "d1.txt": date(2024, 2, 10), "d2.txt": date(2024, 3, 10)}


def test_a_pledge_of_100_tanks_and_deliveries_of_30_and_40_show_70_delivered_gap_30() -> None:
    claims = [tanks("pledge.txt", 100, "Germany pledged 100 tanks.", "pledge"),
              tanks("d1.txt", 30, "Germany delivered 30 tanks."),
              tanks("d2.txt", 40, "Germany delivered another 40 tanks.")]
    built = build_facts(claims, TANKS)
    assert built.issues == []
    [p] = promised_vs_delivered(built.facts, as_of=date(2024, 4, 9))
    assert (p.subject, p.unit, p.promised, p.delivered, p.gap, p.gap_qualifier.value) == (
        "Germany", "tank", 100, 70, 30, "exact")
    assert (p.pledge_date, p.last_delivery_date, p.days_since_pledge) == (date(2024, 1, 10), date(2024, 3, 10), 90)
    assert len(p.delivery_fact_ids) == 2


def test_a_cumulative_delivery_replaces_the_running_figure() -> None:
    claims = [tanks("pledge.txt", 100, "Germany pledged 100 tanks.", "pledge"),
              tanks("d1.txt", 30, "Germany delivered 30 tanks."),
              tanks("d2.txt", 60, "Germany has delivered 60 tanks so far.")]
    [p] = promised_vs_delivered(build_facts(claims, TANKS).facts, as_of=date(2024, 4, 9))
    assert (p.delivered, p.gap) == (60, 40)


def test_a_delivery_that_is_neither_total_nor_new_is_flagged_and_left_out() -> None:
    claims = [tanks("pledge.txt", 100, "Germany pledged 100 tanks.", "pledge"),
              tanks("d1.txt", 30, "Germany delivered 30 tanks."),
              tanks("d2.txt", 40, "Germany delivered 40 tanks.")]
    built = build_facts(claims, TANKS)
    assert [(i.code.value, i.document) for i in built.issues] == [("delivery_unclear", "d2.txt")]
    [p] = promised_vs_delivered(built.facts, as_of=date(2024, 4, 9))
    assert (p.delivered, p.gap) == (30, 70)


def test_a_gap_from_a_bound_is_a_bound() -> None:
    pledge = claim("p.txt", 500_000_000, qualifier="lower_bound", value_eur=Decimal(500_000_000))
    sent = claim("d.txt", 100_000_000, "USD", category="delivery", value_eur=Decimal(90_000_000))
    [p] = promised_vs_delivered(build_facts([pledge, sent], {"p.txt": D0, "d.txt": D0 + timedelta(days=60)}).facts,
                                as_of=D0 + timedelta(days=100))
    assert (p.unit, p.promised, p.delivered, p.gap, p.gap_qualifier.value, p.days_since_pledge) == (
        "EUR", 500_000_000, 90_000_000, 410_000_000, "lower_bound", 100)


def test_deliveries_before_a_pledge_do_not_count_against_it() -> None:
    claims = [tanks("d1.txt", 30, "Germany delivered 30 tanks."),
              tanks("pledge.txt", 100, "Germany pledged 100 tanks.", "pledge")]
    [p] = promised_vs_delivered(build_facts(claims, {"d1.txt": date(2024, 1, 1), "pledge.txt": date(2024, 2, 1)}).facts,
                                as_of=date(2024, 3, 1))
    assert (p.delivered, p.gap) == (0, 100)


# --- end to end ---------------------------------------------------------------------------

def test_run_groups_reports_into_facts_and_shows_their_problems(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for i, name in enumerate(["UK", "Britain", "The United Kingdom", "London", "The U.K."]):
        write_doc(inbox, f"2024-09-2{i}-wire-{i}.txt", f"{name} pledged GBP 100 million for drones.\n")
    write_doc(inbox, "2024-10-21-kyiv.txt", "Ukraine will spend UAH 450 million on drones.\n")
    result = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert ledger_rows(out, "SELECT subject, unit, value, n_claims, n_documents FROM facts WHERE current = 1"
                            " ORDER BY subject") == [("Ukraine", "UAH", "450000000", 1, 1),
                                                     ("United Kingdom", "GBP", "100000000", 5, 5)]
    assert ledger_rows(out, "SELECT DISTINCT subject FROM claims WHERE unit = 'GBP'") == [("United Kingdom",)]
    assert ledger_rows(out, "SELECT COUNT(*) FROM fact_claims") == [(6,)]
    assert ledger_rows(out, "SELECT open FROM issues WHERE code = 'no_rate'") == [(1,)]

    # A rates file given later converts the UAH figure already in the ledger and closes its warning.
    (tmp_path / "rates.csv").write_text("date,currency,rate,source\n2024-10-21,UAH,45,NBU\n")
    (tmp_path / "tracker.toml").write_text('rates = "rates.csv"\n')
    result = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert ledger_rows(out, "SELECT value_eur, eur_rate_source FROM claims WHERE unit = 'UAH'") == [
        ("10000000.00", "NBU")]
    assert ledger_rows(out, "SELECT value_eur FROM facts WHERE unit = 'UAH' AND current = 1") == [("10000000.00",)]
    assert ledger_rows(out, "SELECT open FROM issues WHERE code = 'no_rate'") == [(0,)]


def test_a_bad_aliases_file_stops_the_run_with_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_doc(tmp_path / "inbox", "2024-09-20-a.txt", "Britain pledged GBP 100 million.\n")
    (tmp_path / "aliases.toml").write_text('"Acme" = "ACME Corp"\n')
    (tmp_path / "tracker.toml").write_text('aliases = "aliases.toml"\n')
    result = invoke("run")
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: aliases file aliases.toml: line 1, entry 'Acme': expected a list of "
                                     "names in quotes, like \"Acme\" = [\"first alias\", \"second alias\"].")


def test_a_rates_file_broken_between_runs_stops_a_run_with_nothing_new_before_it_is_recorded(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_doc(tmp_path / "inbox", "2024-10-21-a.txt", "Ukraine allocated UAH 450 million for drones.\n")
    (tmp_path / "rates.csv").write_text("date,currency,rate,source\n2024-10-21,UAH,45,NBU\n")
    (tmp_path / "tracker.toml").write_text('rates = "rates.csv"\n')
    assert invoke("run").exit_code == 0
    (tmp_path / "rates.csv").write_text("date,currency,rate,source\n2024-10-21,UAH,abc,NBU\n")
    result = invoke("run")
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: rates file rates.csv: line 2: rate 'abc' is not a positive number "
                                     "(units of UAH per 1 EUR).")
    out = tmp_path / "outputs"
    assert ledger_rows(out, "SELECT id, complete FROM runs") == [(1, 1)]  # no half-recorded second run
    assert ledger_rows(out, "SELECT value_eur FROM claims") == [("10000000.00",)]


def _reference_cluster(mentions: list, window_days: int) -> list[list[str]]:
    """The clustering rule as CLAIMS.md states it, in the plainest code: the claim ids of each fact."""
    from pipeline.facts import _close

    clusters: list[list] = []
    active: list[list] = []
    for m in sorted(mentions, key=lambda m: (m.day is None, m.day or date.min, m.claim.document,
                                             m.claim.start, m.claim.id)):
        if m.day is not None:
            active = [cl for cl in active if cl[-1].day is not None and (m.day - cl[-1].day).days <= window_days]
        else:
            active = [cl for cl in active if cl[-1].day is None]
        home = next((cl for cl in active if _close(cl[0].claim.value, m.claim.value)
                     and _close(cl[0].claim.value_high, m.claim.value_high)), None)
        if home is None:
            home = []
            clusters.append(home)
            active.append(home)
        home.append(m)
    return [sorted(m.claim.id for m in cl) for cl in clusters]


@pytest.mark.parametrize("seed", range(6))
def test_clustering_follows_the_rule_on_figures_at_the_edge_of_the_tolerance(seed: int) -> None:
    import random

    from pipeline.facts import Figure, Mention, cluster
    from pipeline.models import Category, Qualifier

    rng = random.Random(seed)
    # 1005 is within 0.5 % of 1000 (5 <= 5.025), 1005.03 is not; 995 is (5 <= 5.0), 994.99 is not;
    # and figures no float holds (1e400 is infinite as a float), negative ones, zero
    values = [Decimal(v) for v in ("1000", "1005", "1005.03", "995", "994.99", "1000.0", "0", "2e9", "2.01e9",
                                   "-1000", "-1005", "-1005.03", "1e400", "1.005e400", "1.00503e400", "1e-400")]
    mentions = []
    for n in range(300):
        high = rng.choice([None, None, Decimal("1010"), Decimal("1015.1")])
        day = None if rng.random() < 0.1 else date(2025, 1, 1) + timedelta(days=rng.randrange(60))
        figure = Figure(f"c{n:03d}", f"d{rng.randrange(40):02d}", "Norway", Category.pledge, "EUR", None,
                        rng.randrange(500), rng.choice(values), high, Qualifier.exact, None, None)
        mentions.append(Mention(figure, day))
    facts = cluster(mentions, 14)
    assert sorted(f.claim_ids for f in facts) == sorted(_reference_cluster(mentions, 14))
    assert len(facts) > 20

"""Money in EUR at the document's date, user rates files, one name per subject.

Claims are built directly (pipeline.models.Claim) so these tests do not move with the
extractor; rates asserted are the ECB's reference rates of the days named.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.models import Claim, Document
from pipeline.normalise import NormaliseSetupError, load_normaliser, normalise, refresh
from pipeline.subjects import AliasesError, Subjects

TODAY = date(2025, 6, 1)


def doc(name: str, day: date | None) -> Document:
    return Document(source=f"inbox/{name}", name=name, date=day)


def money(value: int, unit: str, subject: str | None = "Britain", **more) -> Claim:
    return Claim(id=f"{unit}{value}", document="d", quote=f"{unit} {value}", start=0, end=5,
                 value=Decimal(value), unit=unit, category="pledge", subject=subject, **more)


# day of the document, currency, ECB rate used (units per EUR), the ECB day it is from
PLEDGE_REPORTS = [
    (date(2024, 9, 20), "USD", Decimal("1.1166"), date(2024, 9, 20)),
    (date(2024, 3, 14), "GBP", Decimal("0.8542"), date(2024, 3, 14)),
    (date(2024, 3, 16), "GBP", Decimal("0.8541"), date(2024, 3, 15)),  # a Saturday: Friday's fixing
    (date(2023, 11, 14), "USD", Decimal("1.0724"), date(2023, 11, 14)),
    (date(2024, 3, 16), "EUR", Decimal("1"), date(2024, 3, 16)),
]


@pytest.mark.parametrize("day,unit,per_eur,rate_day", PLEDGE_REPORTS, ids=lambda x: str(x))
def test_a_pledge_converts_at_the_ecb_rate_of_its_documents_date(day, unit, per_eur, rate_day) -> None:
    [c], found = normalise(doc("a.txt", day), [money(100_000_000, unit)], TODAY)
    assert found == []
    assert (c.eur_rate_date, c.eur_rate_source) == (rate_day, "ECB" if unit != "EUR" else "EUR")
    assert 1 / c.eur_rate == pytest.approx(per_eur, rel=Decimal("1e-20"))
    assert c.value_eur == (Decimal(100_000_000) / per_eur).quantize(Decimal("0.01"))


def test_uah_stays_unconverted_with_a_warning_never_zero() -> None:
    [c], found = normalise(doc("kyiv.txt", date(2024, 10, 21)), [money(500_000_000, "UAH", "Ukraine")], TODAY)
    assert (c.value_eur, c.eur_rate) == (None, None)
    assert [(i.code.value, i.severity.value, i.message) for i in found] == [
        ("no_rate", "warning", "no exchange rate for UAH on 2024-10-21; the figure is not converted to EUR.")]


def test_a_user_rates_file_converts_uah(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,rate,source\n2024-10-01,UAH,45.50,NBU monthly\n2024-10-18,UAH,45.20,NBU\n")
    n = load_normaliser(rates=rates)
    [c], found = normalise(doc("kyiv.txt", date(2024, 10, 21)), [money(452_000_000, "UAH", "Ukraine")], TODAY, n)
    assert found == []
    assert (c.value_eur, c.eur_rate_date, c.eur_rate_source) == (Decimal("10000000.00"), date(2024, 10, 18), "NBU")


def test_a_user_rates_file_does_not_override_the_ecb(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,rate,source\n2024-09-20,USD,2,mine\n")
    [c], _ = normalise(doc("a.txt", date(2024, 9, 20)), [money(100, "USD")], TODAY, load_normaliser(rates=rates))
    assert (c.value_eur, c.eur_rate_source) == (Decimal("89.56"), "ECB")


def test_a_bad_rates_file_names_every_bad_line(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,rate,source\n2024-13-01,UAH,45,NBU\n2024-10-01,hryvnia,45,NBU\n"
                     "2024-10-01,UAH,-3,NBU\n2024-10-01,UAH,45\n2024-10-02,UAH,45,\n")
    with pytest.raises(NormaliseSetupError) as err:
        load_normaliser(rates=rates)
    assert str(err.value) == (
        f"rates file {rates}: line 2: date '2024-13-01' is not a date (YYYY-MM-DD); "
        "line 3: currency 'hryvnia' is not a three-letter code such as UAH; "
        "line 4: rate '-3' is not a positive number (units of UAH per 1 EUR); "
        "line 5: expected 4 fields (date, currency, rate, source), found 3; "
        "line 6: the source is empty; say where the rate comes from (e.g. NBU).")


def test_a_rates_file_without_its_header_is_refused(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("2024-10-01,UAH,45,NBU\n")
    with pytest.raises(NormaliseSetupError, match=r"line 1: the header must be 'date,currency,rate,source'"):
        load_normaliser(rates=rates)


def test_a_newer_ecb_history_file_is_used_when_given(tmp_path: Path) -> None:
    ecb = tmp_path / "eurofxref-hist.csv"
    ecb.write_text("Date,USD,JPY,\n2031-01-03,1.25,160.1,\n2031-01-02,N/A,159.9,\n")
    n = load_normaliser(ecb_history=ecb)
    [c], found = normalise(doc("a.txt", date(2031, 1, 4)), [money(125, "USD")], TODAY, n)
    assert (c.value_eur, c.eur_rate_date, found) == (Decimal("100.00"), date(2031, 1, 3), [])
    with pytest.raises(NormaliseSetupError, match="does not exist"):
        load_normaliser(ecb_history=tmp_path / "nope.zip")


def test_a_date_after_the_ecb_history_takes_its_last_fixing_with_a_warning(tmp_path: Path) -> None:
    ecb = tmp_path / "eurofxref-hist.csv"
    # RUB stopped long before the history ends: it never borrows the last day's fixing.
    ecb.write_text("Date,USD,RUB,\n2031-01-03,1.25,N/A,\n2031-01-02,1.24,N/A,\n2030-03-01,1.20,90.5,\n")
    n = load_normaliser(ecb_history=ecb)
    [usd, rub], found = normalise(doc("late.txt", date(2031, 2, 20)), [money(125, "USD"), money(905, "RUB")],
                                  TODAY, n)
    assert (usd.value_eur, usd.eur_rate_date, usd.eur_rate_source) == (Decimal("100.00"), date(2031, 1, 3), "ECB")
    assert rub.value_eur is None
    assert [(i.code.value, i.message) for i in found] == [
        ("rate_out_of_date", "the ECB rates on file end on 2031-01-03; USD of 2031-02-20 was converted to EUR "
                             "at that day's rate."),
        ("no_rate", "no exchange rate for RUB on 2031-02-20; the figure is not converted to EUR.")]


def test_a_users_rate_after_the_ecb_history_wins_over_its_last_fixing(tmp_path: Path) -> None:
    ecb, rates = tmp_path / "eurofxref-hist.csv", tmp_path / "rates.csv"
    ecb.write_text("Date,USD,\n2031-01-03,1.25,\n")
    rates.write_text("date,currency,rate,source\n2031-02-18,USD,1.30,my bank\n")
    [c], found = normalise(doc("late.txt", date(2031, 2, 20)), [money(130, "USD")], TODAY,
                           load_normaliser(ecb_history=ecb, rates=rates))
    assert (c.value_eur, c.eur_rate_date, c.eur_rate_source, found) == (Decimal("100.00"), date(2031, 2, 18),
                                                                        "my bank", [])


def test_an_undated_document_after_the_ecb_history_gets_one_warning_naming_the_rate_used(tmp_path: Path) -> None:
    ecb = tmp_path / "eurofxref-hist.csv"
    ecb.write_text("Date,USD,\n2031-01-03,1.25,\n")
    [c], found = normalise(doc("undated.txt", None), [money(125, "USD")], date(2031, 2, 20), load_normaliser(ecb_history=ecb))
    assert (c.value_eur, c.eur_rate_date) == (Decimal("100.00"), date(2031, 1, 3))
    assert [(i.code.value, i.message) for i in found] == [
        ("converted_at_run_date", "the document has no date; USD was converted to EUR at the rate of the run "
                                  "date (2031-02-20, using the ECB rate of 2031-01-03).")]


def test_a_document_without_a_date_converts_at_the_run_date_with_a_warning() -> None:
    [c], found = normalise(doc("undated.txt", None), [money(100, "USD")], date(2024, 9, 20))
    assert (c.value_eur, c.eur_rate_date) == (Decimal("89.56"), date(2024, 9, 20))
    assert [(i.code.value, i.message) for i in found] == [
        ("converted_at_run_date", "the document has no date; USD was converted to EUR at the rate of the run "
                                  "date (2024-09-20).")]


# --- subjects ---------------------------------------------------------------------------

SAME_SUBJECT = [
    (["UK", "United Kingdom", "Britain", "British government", "the British government", "London", "U.K."],
     "United Kingdom"),
    (["the coalition", "International Drone Coalition", "drone coalition", "Drone Coalition"], "drone coalition"),
    (["US", "U.S.", "United States of America", "Washington", "the Pentagon"], "United States"),
    (["Germany", "DEU", "German government", "Berlin"], "Germany"),
    (["EU", "the European Union", "European Commission"], "European Union"),
]


@pytest.mark.parametrize("names,canonical", SAME_SUBJECT, ids=lambda x: x if isinstance(x, str) else None)
def test_names_of_one_subject_become_one(names: list[str], canonical: str) -> None:
    s = Subjects()
    assert {s.canonical(n) for n in names} == {canonical}


def test_the_raw_subject_stays_beside_the_canonical_one() -> None:
    [c], _ = normalise(doc("a.txt", date(2024, 9, 20)), [money(5, "EUR", "British government")], TODAY)
    assert (c.subject, c.subject_raw) == ("United Kingdom", "British government")


def test_a_users_aliases_extend_and_override_the_shipped_ones(tmp_path: Path) -> None:
    mine = tmp_path / "aliases.toml"
    mine.write_text('"Nordic-Baltic Eight" = ["NB8", "Nordic-Baltic countries"]\n'
                    '"artillery coalition" = ["the coalition"]\n')
    s = load_normaliser(aliases=mine).subjects
    assert [s.canonical(x) for x in ["NB8", "nordic-baltic countries", "the coalition", "UK"]] == [
        "Nordic-Baltic Eight", "Nordic-Baltic Eight", "artillery coalition", "United Kingdom"]


@pytest.mark.parametrize("text,fault", [
    ('"Acme" = "ACME Corp"\n',
     "line 1, entry 'Acme': expected a list of names in quotes, like \"Acme\" = [\"first alias\", \"second alias\"]."),
    ('"Acme" = ["ACME", ""]\n',
     "line 1, entry 'Acme': expected a list of names in quotes, like \"Acme\" = [\"first alias\", \"second alias\"]."),
    ('"Acme" = ["AC"]\n"Acme Arms" = ["ac"]\n',
     "line 2, entry 'Acme Arms': 'ac' is already an alias of 'Acme'; a name can stand for one subject only."),
])
def test_a_bad_aliases_entry_gives_a_clear_error(tmp_path: Path, text: str, fault: str) -> None:
    mine = tmp_path / "aliases.toml"
    mine.write_text(text)
    with pytest.raises(NormaliseSetupError) as err:
        load_normaliser(aliases=mine)
    assert str(err.value) == f"aliases file {mine}: {fault}"


def test_aliases_that_are_not_toml_are_refused(tmp_path: Path) -> None:
    mine = tmp_path / "aliases.toml"
    mine.write_text("UK = [\n")
    with pytest.raises(AliasesError, match=r"is not valid TOML"):
        Subjects.from_file(mine)


def test_refresh_renames_and_converts_claims_already_stored(tmp_path: Path) -> None:
    """A new alias or rates file reaches claims of documents that are not read again."""
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,rate,source\n2024-10-21,UAH,45,NBU\n")
    stored = [money(450, "UAH", "Kyiv", subject_raw="Kyiv"), money(1, "EUR", "Acme", subject_raw="Acme", value_eur=Decimal(1))]
    seen, changed = refresh(stored, {"d": date(2024, 10, 21)}, TODAY, load_normaliser(rates=rates))
    assert [(c.subject, c.value_eur) for c in seen] == [("Ukraine", Decimal("10.00")), ("Acme", Decimal(1))]
    assert [c.id for c in changed] == ["UAH450"]

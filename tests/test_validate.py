"""Validation rules, one row per rule: a claim as the extractor could produce it, and the codes it breaks."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipeline.models import Claim, Document
from pipeline.normalise import normalise
from pipeline.validate import validate

TEXT = "Kyiv got EUR 500 million and 12 tanks."
DOC = Document(source="inbox/2024-09-20-kyiv.txt", name="2024-09-20-kyiv.txt", text=TEXT, date=date(2024, 9, 20))


def claim(**fields) -> Claim:
    base = dict(id="c1", document=DOC.source, quote="EUR 500 million", start=9, end=24,
                value=Decimal(500_000_000), unit="EUR")
    return Claim(**{**base, **fields})


RULES = [  # claim                                                                   codes broken
    (claim(),                                                                         []),
    (claim(quote="12 tanks", start=29, end=37, value=Decimal(12), unit="tank"),      []),
    (claim(value=Decimal(0)),                                                         ["value_not_positive"]),
    (claim(value=Decimal(-5)),                                                        ["value_not_positive"]),
    (claim(value_high=Decimal(400_000_000)),                                          ["range_inverted"]),
    (claim(unit="XYZ"),                                                               ["currency_unknown"]),
    (claim(unit="Tanks!"),                                                            ["unit_unknown"]),
    (claim(start=10),                                                                 ["quote_mismatch"]),
    (claim(value=Decimal(2) * 10**13),                                                ["implausible_magnitude"]),
    (claim(unit="%", value=Decimal(250_000)),                                         ["implausible_magnitude"]),
    (claim(unit="FIM"),                                                               []),  # withdrawn, still ISO
]


@pytest.mark.parametrize("c,codes", RULES)
def test_rules(c: Claim, codes: list[str]) -> None:
    assert [i.code.value for i in validate(DOC, [c], today=date(2025, 1, 1))] == codes


def test_issue_names_the_document_and_claim() -> None:
    [found] = validate(DOC, [claim(value=Decimal(0))], today=date(2025, 1, 1))
    assert (found.severity.value, found.document, found.claim_id, found.step.value, found.where) == (
        "error", "2024-09-20-kyiv.txt", "c1", "validate", "field value")
    assert found.message == "the value 0 is not above zero."


def test_document_date_in_the_future_is_a_warning() -> None:
    [found] = validate(DOC, [], today=date(2024, 9, 19))
    assert (found.code.value, found.message) == ("date_in_future", "the document date 2024-09-20 is in the future.")


def test_money_is_converted_at_the_document_date_and_uah_is_left_with_a_warning() -> None:
    usd = claim(unit="USD", value=Decimal(100))
    uah = claim(id="c2", unit="UAH", value=Decimal(100))
    claims, found = normalise(DOC, [usd, uah], today=date(2025, 1, 1))
    assert (claims[0].eur_rate_date, claims[0].value_eur) == (date(2024, 9, 20), Decimal("89.56"))
    assert claims[1].value_eur is None
    assert [(i.code.value, i.claim_id, i.message) for i in found] == [
        ("no_rate", "c2", "no exchange rate for UAH on 2024-09-20; the figure is not converted to EUR.")]


def test_a_record_that_fails_the_model_becomes_one_issue_per_field() -> None:
    from pydantic import ValidationError

    from pipeline.issues import schema_issues

    with pytest.raises(ValidationError) as err:
        Claim(quote="x", start=0, end=1, value="Infinity", unit="EUR", qualifier="roughly")
    assert [(i.code.value, i.where, i.message) for i in schema_issues(err.value, "a.txt", claim_id="c9")] == [
        ("schema", "field value", "field value is invalid: input should be a finite number."),
        ("schema", "field qualifier", "field qualifier is invalid: "
                                      "input should be 'exact', 'approx', 'lower_bound', 'upper_bound' or 'range'."),
    ]


def test_an_implausible_figure_is_written_out_in_full() -> None:
    [found] = validate(DOC, [claim(value=Decimal("1.79E+13"))], today=date(2025, 1, 1))
    assert found.message == "17,900,000,000,000 EUR is implausibly large for a EUR figure."

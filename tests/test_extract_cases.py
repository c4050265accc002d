"""The extractor's cases, one row each (STYLE.md habit 9).

Every text here is written for this file (figures may be real). A row says what
CLAIMS.md expects for the one claim whose quote it names; `NOT_CLAIMS` are texts with
no claim at all; `KNOWN_GAPS` are rows the extractor gets wrong today, grouped by
reason and run as strict xfails, so a fix makes the row move to CASES.
New cases go in the list of their kind. The sample article of ../shared/samples is
checked field by field at the end, and paraphrases of it (other names, figures and
wording) check that the rules are general.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional

import pytest

from pipeline.extract import extract_claims, find_claims
from pipeline.models import Document, claim_id


@dataclass(frozen=True)
class Case:
    text: str
    quote: str
    value: float
    unit: str
    qualifier: str = "exact"
    value_high: Optional[float] = None
    category: Optional[str] = None
    subject: Optional[str] = None
    period: Optional[str] = "-"          # "-" = not checked
    vague: Optional[bool] = None


N = Case
NUMBERS = [  # text                                                   quote                 value          unit
    N("Kyiv received 1,500 drones.", "1,500 drones", 1500, "drone"),
    N("Kyiv received 1 500 drones.", "1 500 drones", 1500, "drone"),
    N("Kyiv received 1.500 drones.", "1.500 drones", 1500, "drone"),
    N("The fund holds EUR 1.500.000 for repairs.", "EUR 1.500.000", 1_500_000, "EUR"),
    N("The plant costs 2.75 billion euros.", "2.75 billion euros", 2_750_000_000, "EUR"),
    N("Twenty-five trucks left the depot.", "Twenty-five trucks", 25, "truck"),
    N("Oslo sent three radars.", "three radars", 3, "radar"),
    N("A dozen tanks arrived.", "A dozen tanks", 12, "tank"),
    N("The army wants half a million rounds.", "half a million rounds", 500_000, "round"),
    N("It costs a quarter of a billion dollars.", "a quarter of a billion dollars", 250_000_000, "USD"),
    N("The budget is 40 thousand euros.", "40 thousand euros", 40_000, "EUR"),
    N("Sales hit $3 trillion.", "$3 trillion", 3 * 10**12, "USD"),
    N("Berlin adds €5k for training.", "€5k", 5000, "EUR"),
    N("London adds £7m for training.", "£7m", 7_000_000, "GBP"),
    N("Rome adds €7mn for training.", "€7mn", 7_000_000, "EUR"),
    N("Rome adds €7 mln for training.", "€7 mln", 7_000_000, "EUR"),
    N("Paris adds €2bn for training.", "€2bn", 2_000_000_000, "EUR"),
    N("Paris adds €2 bln for training.", "€2 bln", 2_000_000_000, "EUR"),
    N("The debt is $1.2tn.", "$1.2tn", 1_200_000_000_000, "USD"),
    N("It announced EUR\n\n500 million in aid.", "EUR\n\n500 million", 500_000_000, "EUR"),
    N("Ukraine spent 5.5 million hryvnias on fuel.", "5.5 million hryvnias", 5_500_000, "UAH"),
    N("The answer is 192.", "192", 192, "number"),
    N("Around 1,250,000 shells were fired.", "Around 1,250,000 shells", 1_250_000, "shell", "approx"),
    N("Estonia gave 0.25% of its GDP.", "0.25%", 0.25, "%"),
    # Scientific notation with "x10^".
    N("The count is 4.2x10^5.", "4.2x10^5", 420_000, "number"),
    # Spoken fractions: the whole number before the denominator is the numerator; a tens
    # word right before a unit ordinal belongs to the denominator ("thirty-fifths"),
    # unless "and" ties it to the hundreds ("two hundred and forty sixths").
    N("The answer is four twenty-firsts.", "four twenty-firsts", 4 / 21, "number"),
    N("The answer is two thirty sevenths.", "two thirty sevenths", 2 / 37, "number"),
    N("The answer is a forty-first.", "a forty-first", 1 / 41, "number"),
    N("The answer is three hundred forty-fifths.", "three hundred forty-fifths", 300 / 45, "number"),
    N("The answer is two hundred and forty sixths.", "two hundred and forty sixths", 240 / 6, "number"),
    N("The answer is two thousand three hundred seven eighths.", "two thousand three hundred seven eighths", 2307 / 8, "number"),
    N("The answer is two one hundred ninths.", "two one hundred ninths", 2 / 109, "number"),
    N("The answer is six and two fifths.", "six and two fifths", 6.4, "number"),
    N("The answer is a thousand millionths.", "a thousand millionths", 0.001, "number"),
    # A sign with a space after it, in a paragraph that is only the signed number; a
    # bullet has words after it or other bullets around it.
    N("- 20 k", "- 20 k", -20_000, "number"),
    N("- 2 3/4", "- 2 3/4", -2.75, "number"),
    N("Result:\n\n- 7.5\n\nDone.", "- 7.5", -7.5, "number"),
    N("- 40 drones arrived.", "40 drones", 40, "drone"),
    N("Stock:\n- 500\n- 300", "500", 500, "number"),
    # "and" joins only a smaller part to a hundred: "4 hundred and 7 hundred" are two numbers.
    N("We saw 4 hundred and 7 hundred.", "4 hundred", 400, "number"),
    N("We saw 4 hundred and 7 hundred.", "7 hundred", 700, "number"),
    N("We saw 5 thousand 2 hundred and 0 in all.", "0", 0, "number"),
    N("Kyiv got one thousand and two hundred shells.", "one thousand and two hundred shells", 1200, "shell"),
    N("Kyiv got three hundred and four thousand shells.", "three hundred and four thousand shells", 304_000, "shell"),
    # After "hundred", "and" before a proper fraction makes a mixed number; after a
    # scale word the fraction is one of the scale.
    N("The answer is four hundred and three quarters.", "four hundred and three quarters", 400.75, "number"),
    N("The answer is seven million and two fifths.", "seven million and two fifths", 7_400_000, "number"),
]
MONEY = [
    N("Oslo pledged about NOK 2 billion in aid.", "about NOK 2 billion", 2_000_000_000, "NOK", "approx"),
    N("The EU approved €400 million for Kyiv.", "€400 million", 400_000_000, "EUR"),
    N("Washington approved $61 billion.", "$61 billion", 61_000_000_000, "USD"),
    N("London gave £2.5 billion last year.", "£2.5 billion", 2_500_000_000, "GBP"),
    N("Kyiv set aside ₴1.5 billion for drones.", "₴1.5 billion", 1_500_000_000, "UAH"),
    N("Tokyo added ¥30 billion.", "¥30 billion", 30_000_000_000, "JPY"),
    N("The firm won a US$34.6 million order.", "US$34.6 million", 34_600_000, "USD"),
    N("Ottawa committed C$500 million.", "C$500 million", 500_000_000, "CAD"),
    N("Canberra committed A$100 million.", "A$100 million", 100_000_000, "AUD"),
    N("The bank lent EUR 500 million.", "EUR 500 million", 500_000_000, "EUR"),
    N("The bank lent 500 million EUR.", "500 million EUR", 500_000_000, "EUR"),
    N("The deal is worth USD34.6 million.", "USD34.6 million", 34_600_000, "USD"),
    N("Madrid gave EUR 1.8 billion euros in loans.", "EUR 1.8 billion euros", 1_800_000_000, "EUR"),
    N("Prague raised 3 billion Czech crowns.", "3 billion Czech crowns", 3_000_000_000, "CZK"),
    N("Prague raised 3 billion korunas.", "3 billion korunas", 3_000_000_000, "CZK"),
    N("Warsaw spent 20 billion zloty.", "20 billion zloty", 20_000_000_000, "PLN"),
    N("Copenhagen gave 1.6 billion Danish kroner.", "1.6 billion Danish kroner", 1_600_000_000, "DKK"),
    N("Stockholm gave 7 billion Swedish kronor.", "7 billion Swedish kronor", 7_000_000_000, "SEK"),
    N("Bern gave 100 million Swiss francs.", "100 million Swiss francs", 100_000_000, "CHF"),
    N("Tokyo pledged 500 million yen.", "500 million yen", 500_000_000, "JPY"),
    N("Ottawa pledged 50 million Canadian dollars.", "50 million Canadian dollars", 50_000_000, "CAD"),
    N("Canberra pledged 20 million Australian dollars.", "20 million Australian dollars", 20_000_000, "AUD"),
    N("London pledged 10 million pounds sterling.", "10 million pounds sterling", 10_000_000, "GBP"),
    N("The ministry paid 12 million US dollars.", "12 million US dollars", 12_000_000, "USD"),
    N("The firm sold it for 420 million Finnish markka.", "420 million Finnish markka", 420_000_000, "FIM"),
    N("A loan of 35 lakh rupees was approved.", "35 lakh rupees", 3_500_000, "INR"),
    N("Shares rose 50 cents.", "50 cents", 0.5, "USD"),
    N("The bid was 470 pence a share.", "470 pence", 4.7, "GBP"),
    N("Exports reached hk $ 10.05 billion.", "hk $ 10.05 billion", 10_050_000_000, "HKD"),
    N("The budget is Sfr 500 million.", "Sfr 500 million", 500_000_000, "CHF"),
]
CONVERSIONS = [  # two claims from one parenthesis
    N("Berlin gave €400 million ($535 million) to Kyiv.", "€400 million", 400_000_000, "EUR"),
    N("Berlin gave €400 million ($535 million) to Kyiv.", "$535 million", 535_000_000, "USD"),
]
RANGES = [
    N("Plants make 20,000-30,000 drones.", "20,000-30,000 drones", 20_000, "drone", "range", 30_000),
    N("It needs between 2 and 3 million shells.", "between 2 and 3 million shells", 2_000_000, "shell", "range", 3_000_000),
    N("Costs rose by from 5 to 7 billion euros.", "from 5 to 7 billion euros", 5_000_000_000, "EUR", "range", 7_000_000_000),
    N("It will buy 2-3 million rounds.", "2-3 million rounds", 2_000_000, "round", "range", 3_000_000),
    N("Growth of 5% to 6% is expected.", "5% to 6%", 5, "%", "range", 6),
    N("It costs €20 billion to €40 billion.", "€20 billion to €40 billion", 20_000_000_000, "EUR", "range", 40_000_000_000),
    N("The crews train for 3–4 weeks.", "3–4 weeks", 3, "week", "range", 4),
]
QUALIFIERS = [
    N("It sent no more than 40 jets.", "no more than 40 jets", 40, "jet", "upper_bound"),
    N("It sent more than 40 jets.", "more than 40 jets", 40, "jet", "lower_bound"),
    N("It sent almost 40 jets.", "almost 40 jets", 40, "jet", "approx"),
    N("It sent nearly 40 jets.", "nearly 40 jets", 40, "jet", "approx"),
    N("It sent about 40 jets.", "about 40 jets", 40, "jet", "approx"),
    N("It sent around 40 jets.", "around 40 jets", 40, "jet", "approx"),
    N("It sent roughly 40 jets.", "roughly 40 jets", 40, "jet", "approx"),
    N("It sent some 40 jets.", "some 40 jets", 40, "jet", "approx"),
    N("It sent over 40 jets.", "over 40 jets", 40, "jet", "lower_bound"),
    N("It sent at least 40 jets.", "at least 40 jets", 40, "jet", "lower_bound"),
    N("Aid was in excess of $2 billion.", "in excess of $2 billion", 2_000_000_000, "USD", "lower_bound"),
    N("Aid was upwards of $2 billion.", "upwards of $2 billion", 2_000_000_000, "USD", "lower_bound"),
    N("Aid surpassed $2 billion.", "surpassed $2 billion", 2_000_000_000, "USD", "lower_bound"),
    N("It can make up to 40 jets.", "up to 40 jets", 40, "jet", "upper_bound"),
    N("It sent less than 40 jets.", "less than 40 jets", 40, "jet", "upper_bound"),
    N("It sent fewer than 40 jets.", "fewer than 40 jets", 40, "jet", "upper_bound"),
    N("It sent under 40 jets.", "under 40 jets", 40, "jet", "upper_bound"),
    N("It sent exactly 40 jets.", "exactly 40 jets", 40, "jet", "exact"),
    N("It sent 40 jets or more.", "40 jets", 40, "jet", "lower_bound"),
]
VAGUE = [
    N("Kyiv got thousands of drones.", "thousands of drones", 1000, "drone", "lower_bound", vague=True),
    N("Kyiv got hundreds of drones.", "hundreds of drones", 100, "drone", "lower_bound", vague=True),
    N("Kyiv got dozens of drones.", "dozens of drones", 12, "drone", "lower_bound", vague=True),
    N("Kyiv got tens of thousands of drones.", "tens of thousands of drones", 10_000, "drone", "lower_bound", vague=True),
    N("Kyiv got several million euros.", "several million euros", 1_000_000, "EUR", "lower_bound", vague=True),
    N("Kyiv got millions of dollars.", "millions of dollars", 1_000_000, "USD", "lower_bound", vague=True),
    N("Kyiv got a dozen drones.", "a dozen drones", 12, "drone", "exact", vague=False),
]
COUNTS = [
    N("The group has 16 participating countries.", "16 participating countries", 16, "country"),
    N("There are 500 Ukrainian drone manufacturers.", "500 Ukrainian drone manufacturers", 500, "manufacturer"),
    N("Madrid sent two Leopard 2 tanks.", "two Leopard 2 tanks", 2, "tank"),
    N("Vilnius bought 44 Leopard 2A8 main battle tanks.", "44 Leopard 2A8 main battle tanks", 44, "tank"),
    N("Oslo sent 9,000 artillery shells.", "9,000 artillery shells", 9000, "shell"),
    N("Oslo sent 9,000 155mm artillery shells.", "9,000 155mm artillery shells", 9000, "shell"),
    N("The US sent 18 more Ukrainian F-16 pilots.", "18 more Ukrainian F-16 pilots", 18, "pilot"),
    N("Berlin sent 4 more IRIS-T SLM launchers.", "4 more IRIS-T SLM launchers", 4, "launcher"),
    N("Rome sent one SAMP/T system.", "one SAMP/T system", 1, "system"),
    N("About 600 people work there.", "About 600 people", 600, "person", "approx"),
    N("The firm hired 40 new employees.", "40 new employees", 40, "employee"),
    N("The cabinet has 26 of the 27 member states.", "26", 26, "state"),
    N("Air defences shot down 62 drones, while 30 more were lost.", "30", 30, "drone"),
    N("Canada gave 80 armoured vehicles.", "80 armoured vehicles", 80, "vehicle"),
    N("It shot down 62 of the drones.", "62", 62, "drone"),
    N("The line builds 12 howitzers a month.", "12 howitzers", 12, "howitzer"),
    N("A 30-member coalition met.", "30-member", 30, "member"),
    N("It bought 40 radars, compared with 12 in 2023.", "12", 12, "radar"),
    N("Poland ordered 250 Abrams tanks.", "250 Abrams tanks", 250, "tank"),
    N("Sweden gave 3 aircraft.", "3 aircraft", 3, "aircraft"),
]
OTHER_UNITS = [
    N("Output grew 35%.", "35%", 35, "%"),
    N("Output grew 35 percent.", "35 percent", 35, "%"),
    N("Output grew 35 per cent.", "35 per cent", 35, "%"),
    N("Over the past 2.5 years the plant grew.", "2.5 years", 2.5, "year"),
    N("Talks lasted six months.", "six months", 6, "month"),
    N("Crews train for three weeks.", "three weeks", 3, "week"),
    N("The strike lasted 10 days.", "10 days", 10, "day"),
    N("A two-year contract was signed.", "two-year", 2, "year"),
    N("Output increased 35 times.", "35 times", 35, "times"),
    N("Nammo will double its output.", "double", 2, "times"),
    N("Output has roughly quadrupled.", "roughly quadrupled", 4, "times", "approx"),
    N("The road is 120 kilometres long.", "120 kilometres", 120, "kilometer"),
    N("The shells weigh 45 kg each.", "45 kg", 45, "kilogram"),
    N("The firm makes 5,000 tonnes of powder.", "5,000 tonnes", 5000, "ton"),
    N("He is 29 years old.", "29 years old", 29, "year"),
]
ATTRIBUTES = [  # category, subject, period from the words around the figure
    Case("Germany pledged €500 million to Ukraine.", "€500 million", 500e6, "EUR", category="pledge", subject="Germany", period=None),
    Case("Norway has delivered 22 howitzers to Kyiv.", "22 howitzers", 22, "howitzer", category="delivery", subject="Norway"),
    Case("Rheinmetall can produce 700,000 shells a year.", "700,000 shells", 700_000, "shell", category="capacity", subject="Rheinmetall", period="year"),
    Case("Rheinmetall makes 700,000 shells annually.", "700,000 shells", 700_000, "shell", category="capacity", period="year"),
    Case("The coalition includes 18 countries.", "18 countries", 18, "country", category="count"),
    Case("The plant makes up to 40,000 shells a month.", "up to 40,000 shells", 40_000, "shell", "upper_bound", category="capacity", period="month"),
    Case("The plant makes 1,000 drones per week.", "1,000 drones", 1000, "drone", category="capacity", period="week"),
    Case("The plant makes 300 drones a day.", "300 drones", 300, "drone", category="capacity", period="day"),
    Case("Poland will spend 4.7% of GDP on defence.", "4.7%", 4.7, "%", category="other", subject="Poland"),
    Case("The shells were delivered: 500 of them, Oslo said.", "500", 500, "number"),
    Case("The first tanks arrive in March.\n\n16 howitzers were delivered last week.", "16 howitzers", 16, "howitzer",
         category="delivery"),                           # a month, then a blank line: no date "March 16"
    Case("The order was signed in March. 16 howitzers follow by June.", "16 howitzers", 16, "howitzer"),  # a full month name, then a full stop: no date
    Case("Kyiv got 400 drones. Two-thirds of the money came from Berlin.", "Two-thirds", 2 / 3, "number"),  # a share of what follows
    Case("Kyiv got 400 drones. About a third of the aid was late.", "About a third", 1 / 3, "number", "approx"),
    Case("Kyiv got 400 drones, and half of them were lost.", "half", 0.5, "drone"),  # a share of the drones
    Case("Kyiv got 400 drones. A third of the tanks arrived late.", "A third", 1 / 3, "tank"),
    Case("The firm raised production of GMLRS rockets to about 14,000 a year.", "about 14,000", 14_000, "rocket", "approx",
         category="capacity", period="year"),            # an acronym names the rockets, it is not what is counted
    Case("MBDA will double production of Aster missiles to 40 a month.", "40", 40, "missile", category="capacity",
         period="month"),                                 # a name before the plural is not what is counted
    Case("Canada sent $300 million in aid. The vehicles, built in Ontario, bring the total Canada has committed to 239.",
         "239", 239, "vehicle"),                          # the sentence opens on what it counts
    Case("Oslo ſent 5 tanks.", "5 tanks", 5, "tank", category="delivery", subject="Norway"),  # ſ is read as s
    Case("Japan allocated $4.5 billion this year.", "$4.5 billion", 4.5e9, "USD", category="pledge", subject="Japan", period="year"),
    Case("Sweden approved SEK 75 billion. It will send 10 tanks.", "10 tanks", 10, "tank", category="pledge", subject="Sweden"),
    Case("The facility has €33 billion in loans, EU officials said.", "€33 billion", 33e9, "EUR", subject="EU"),
    Case("Lithuania's budget of EUR 2.9 billion was approved.", "EUR 2.9 billion", 2.9e9, "EUR", category="pledge", subject="Lithuania"),
]
# Rows from the kinds of errors seen on unseen news text (our own sentences).
# The counted noun stands away from the figure: in the subject ("output of X",
# "the number of X"), in a question before the answer, or in a list's heading.
DISTANT_NOUNS = [
    N("The plant's output of rockets has risen to about 8,000 a month.", "about 8,000", 8000, "rocket", "approx"),
    N("The plant's output of rockets has risen to about 8,000 a month, up from 2,100.", "2,100", 2100, "rocket"),
    N("The number of engineers rose to 4,300 this spring.", "4,300", 4300, "engineer"),
    N("How many interceptors does the factory make? Around 600 a year.", "Around 600", 600, "interceptor", "approx"),
    N("Drones promised by country:\nLatvia: 500+\nEstonia: 120", "120", 120, "drone"),
    N("Another two launchers arrived, bringing the total handed over to 9 of the 14 it pledged.", "14", 14, "launcher"),
    N("The town had roughly 300 two years ago.", "roughly 300", 300, "number", "approx"),
]
# Named equipment is counted by its type (CLAIMS.md `unit`), from a table of designations.
DESIGNATIONS = [
    N("Spain sent 12 M1A2 Abrams.", "12 M1A2 Abrams", 12, "tank"),
    N("Canada sent 8 Leopard 2A4 to Kyiv.", "8 Leopard 2A4", 8, "tank"),
    N("Belgium will send four F-16s this year.", "four F-16s", 4, "jet"),
    N("Oslo will send 6 F-16s.", "6 F-16s", 6, "jet"),
    N("Sweden will deliver two ASC 890 airborne early warning aircraft.", "two ASC 890 airborne early warning aircraft", 2, "aircraft"),
    N("Germany sent 3 IRIS-T systems.", "3 IRIS-T systems", 3, "system"),
    N("Germany sent two Patriot batteries.", "two Patriot batteries", 2, "battery"),
    N("Paris sent 12 Caesar to the front.", "12 Caesar", 12, "howitzer"),
    N("Washington sent 38 HIMARS in total.", "38 HIMARS", 38, "launcher"),
    N("Ukraine got 20 Bradley and 3 NASAMS.", "20 Bradley", 20, "vehicle"),
    N("Ukraine got 20 Bradley and 3 NASAMS.", "3 NASAMS", 3, "system"),
    N("Kyiv has fired 40 Storm Shadow so far.", "40 Storm Shadow", 40, "missile"),
]
# Company results: a scale word after a space; negative figures are losses.
RESULTS = [
    N("Net sales were SEK 12,540 m in the year.", "SEK 12,540 m", 12_540_000_000, "SEK"),
    N("Order intake reached NOK 3.2 bn.", "NOK 3.2 bn", 3_200_000_000, "NOK"),
    Case("Operating result was SEK -215 m in the period.", "SEK -215 m", 215_000_000, "SEK", category="other"),
]
# Wording: multipliers, qualifiers, "over" meaning "during".
WORDING = [
    N("Spending is now twice the level of 2021.", "twice", 2, "times"),
    N("The plant makes roughly twice as many shells.", "roughly twice", 2, "times", "approx"),
    N("Aid exceeded EUR 2.3bn last year.", "exceeded EUR 2.3bn", 2_300_000_000, "EUR", "lower_bound"),
    N("At least one Member State objected.", "At least one Member State", 1, "state", "lower_bound"),
    N("Donations passed NOK 40 billion in May.", "passed NOK 40 billion", 40_000_000_000, "NOK", "lower_bound"),
    N("It sets a minimum baseline of 30 billion euros.", "a minimum baseline of 30 billion euros", 30_000_000_000, "EUR", "lower_bound"),
    N("Output more than doubled in 2024.", "more than doubled", 2, "times", "lower_bound"),
    N("Exports topped $5 billion.", "topped $5 billion", 5_000_000_000, "USD", "lower_bound"),
    N("The fund will spend EUR 6 billion over five years.", "five years", 5, "year", "exact"),
    N("The plan runs over the next 12 years.", "12 years", 12, "year", "exact"),
    N("The House passed $61 billion in aid.", "$61 billion", 61_000_000_000, "USD", "exact"),
]
NEWS_ATTRIBUTES = [
    Case("Since Russia's full-scale invasion, the UK has sent 14 tanks.", "14 tanks", 14, "tank", subject="United Kingdom"),
    Case("The plant, funded in part by Norway, Nammo will expand to 30,000 shells a year.", "30,000 shells", 30_000, "shell", subject="Nammo"),
    Case("Australian Defence Minister Pat Conroy said Canberra would send 49 tanks. Conroy said 20 more would follow.", "20", 20, "tank", subject="Australia"),
    Case("Nammo's plant in Raufoss makes shells. Raufoss has produced 20,000 shells.", "20,000 shells", 20_000, "shell", subject="Nammo"),
    Case("Saab reported SEK 500 million in profit.", "SEK 500 million", 500e6, "SEK", category="other", subject="Saab"),
    Case("The firm pays 3% p.a. on the bond.", "3%", 3, "%", period=None),
    Case("The firm makes 400 rockets p.a. now.", "400 rockets", 400, "rocket", category="capacity", period="year"),
    Case("Kongsberg reported order intake of NOK 14 billion.", "NOK 14 billion", 14e9, "NOK", category="other"),
    Case("The order backlog stood at EUR 52 billion.", "EUR 52 billion", 52e9, "EUR", category="other"),
    Case("Britain trained 30,000 recruits.", "30,000 recruits", 30_000, "recruit", category="count"),
    Case("Germany will spend EUR 9 billion in 2025.", "EUR 9 billion", 9e9, "EUR", category="pledge", period="year"),
    Case("Berlin has pledged €5 billion, Rheinmetall CEO Armin Papperger said. Papperger said the company "
         "would build 200,000 shells.", "200,000 shells", 200_000, "shell", subject="Rheinmetall"),
    Case("Last week 40 countries joined the coalition.", "40 countries", 40, "country", subject=None),
    Case("Tokyo will spend ¥40 billion this financial year.", "¥40 billion", 40e9, "JPY", period="year"),
]
# General news: physical units glued to the digits or joined by a hyphen, decimals that
# are not thousands, units shared by coordinated figures, ages, one duration after a
# qualifier, casualty counts, money shared within a sentence.
NEWS_QUANTITIES = [  # text                                                quote                 value          unit
    N("She ran 10km in the rain.", "10km", 10, "kilometer"),
    N("The parcel weighed 5kg on arrival.", "5kg", 5, "kilogram"),
    N("Police clocked him at 110mph on the motorway.", "110mph", 110, "mile per hour"),
    N("Temperatures hit 46C in Seville.", "46C", 46, "degree celsius"),
    N("The thermometer read 117F at noon.", "117F", 117, "degree fahrenheit"),
    N("It fell to -5C overnight.", "-5C", -5, "degree celsius"),
    N("A 225-km line links the two ports.", "225-km", 225, "kilometer"),
    N("The runners covered 42.195 km each.", "42.195 km", 42.195, "kilometer"),
    N("The country used 68 billion cubic metres of gas.", "68 billion cubic metres", 68e9, "cubic meter"),
    N("The flat has 85 square metres of floor.", "85 square metres", 85, "square meter"),
    N("Output was cut by 5.85 million bpd.", "5.85 million bpd", 5.85e6, "barrel"),
    N("Exports reached 2.1 million b/d in May.", "2.1 million b/d", 2.1e6, "barrel"),
    N("The farm makes 3 TWh a year.", "3 TWh", 3, "terawatt hour"),
    N("The plant will store 100 gigawatt-hours.", "100 gigawatt-hours", 100, "gigawatt hour"),
    N("Winds of 90 kilometres per hour hit the coast.", "90 kilometres per hour", 90, "kilometer per hour"),
    N("The state paid Rs 500 crore for the bridge.", "Rs 500 crore", 5e9, "INR"),
    N("Her brothers, aged 41 and 38, were jailed.", "38", 38, "year"),
    N("They received nine and 10 years respectively.", "nine", 9, "year"),
    N("Daniel Moss, 34, was sentenced on Friday.", "34", 34, "year"),
    N("The pause lasted about a week.", "about a week", 1, "week", "approx"),
    N("The town has waited more than a decade.", "more than a decade", 10, "year", "lower_bound"),
    N("The quake killed more than 1,700 in the region.", "more than 1,700", 1700, "person", "lower_bound"),
    N("Eight OPEC+ members agreed the cut.", "Eight OPEC+ members", 8, "member"),
    N("City have won 7 of their last 9 league matches.", "7", 7, "match"),
    N("The bloc gave 170 billion euros, about 63 billion of it in arms.", "about 63 billion", 63e9, "EUR", "approx"),
    N("It needs an accuracy of about 1/40 of a wavelength.", "about 1/40", 0.025, "number", "approx"),
    N("Hailstones were as large as 5 cm.", "as large as 5 cm", 5, "centimeter", "upper_bound"),
    N("About 1.2m people live in the city.", "About 1.2m people", 1.2e6, "person", "approx"),
    N("The field pumps 3m barrels a day.", "3m barrels", 3e6, "barrel"),
    N("Carbon dioxide reached 420 ppm in May.", "420 ppm", 420, "part per million"),
    N("Output rose from 2,000 shells a month in 2023 to 5,000 shells a month.", "5,000 shells", 5000, "shell"),    N("The bank cut rates by 25bp.", "25bp", 25, "basis point"),
    # a table's bare figures take currency and scale from its title; rows have columns
    N("Table 1. Aid (EUR billion)\nCountry    Allocated\nGermany    12.6\n", "12.6", 12.6e9, "EUR"),
    N("Aid by donor (in USD million)\n\nPoland | 450\nLatvia | 112\n", "112", 112e6, "USD"),
    N("Aid (€bn)\nGermany    12.6\nThe minister also sent 5 tanks.", "5 tanks", 5, "tank"),
    # rain in millimetres (not a calibre), a margin "plus or minus", a surname and an age,
    # a box of key figures whose label names the noun
    N("The storm brought up to 150mm of rain.", "up to 150mm", 150, "millimeter", "upper_bound"),
    N("It sees revenue of $7.4 billion, plus or minus 2%.", "2%", 2, "%"),
    N("It sees revenue of $7.4 billion, plus or minus 2%.", "$7.4 billion", 7.4e9, "USD"),
    N("He won again. Vingegaard, 28, finished second.", "28", 28, "year"),
    N("Germany, 36, and France, 12, agreed.", "36", 36, "number"),   # a list, not an age
    N("Aged 19, he joined the army.", "19", 19, "year"),
    N("Ottawa signed a $1.2-billion deal.", "$1.2-billion", 1.2e9, "USD"),
    N("It is a $2.5bn-a-year budget.", "$2.5bn", 2.5e9, "USD"),
    N("Plants made 2 million-3 million shells.", "2 million-3 million shells", 2e6, "shell", "range", value_high=3e6),
    N("Key figures\nFrigates ordered: 5\nFirst delivery: 2030", "5", 5, "frigate"),
    N("Unemployment fell to 3.9 pc in May.", "3.9 pc", 3.9, "%"),
]
CASES = (NUMBERS + MONEY + CONVERSIONS + RANGES + QUALIFIERS + VAGUE + COUNTS + OTHER_UNITS + ATTRIBUTES
         + DISTANT_NOUNS + DESIGNATIONS + RESULTS + WORDING + NEWS_ATTRIBUTES + NEWS_QUANTITIES)

NOT_CLAIMS = [
    "The ministers met at the 19th meeting.",
    "Berlin sent the IRIS-T SLM system.",
    "The talks began on 17 February 2024.",
    "The talks began on February 17.",
    "The talks began on February 17, 2024.",
    "The talks began on Sept. 17 in Brussels.",          # an abbreviated month with its dot is a date
    "The talks began on Feb . 17 in Brussels.",
    "The report is dated 2024-09-20.",
    "It happened in 2024.",
    "It happened in the 1990s.",
    "Talks start at 10:30.",
    "The code is 24^1122024.",                          # no number a claim can hold
    "It measured 6×10^-5052024 metres.",
    "Talks resume in March.\n\n16:48\nReminder of what was announced last night: talks resume.",  # a live blog's time
    "Talks start at 2 pm.",
    "The F-16 jets are flying.",
    "The Leopard 2 is a tank.",
    "The M777 is a howitzer.",
    "The 155mm calibre is standard.",
    "The 155-mm calibre is standard.",
    "Ramstein-5 was a meeting.",
    "The Patriot PAC-3 interceptor is costly.",
    "The Su-27 crashed.",
    "Call +1-222-333-4444 for details.",
    "See page 3 of 7.",
    "ISBN 978-3-16-148410-0",
    "Read more (article 4471902).",
    "The one you mentioned is gone.",
    "The third meeting was short.",
    "It was the twenty-first century.",
    "He finished forty-fifth.",
    "Germany hands Ukraine a fourth system.",
    "The 2013-14 season was long.",
    "Published 5/17/2018 by the desk.",
    "Press release IP/24/1521.",
    "1m isn't a number.",
    "the 180ml liquid",
    # periods of the year, round-the-clock, years spoken as words
    "Revenue rose in the fourth quarter.",
    "FIRST QUARTER 2025 results",
    "In the first quarter sales grew.",
    "Sales in the third quarter were flat.",
    "The hotline runs 24/7.",
    "He has visited Kyiv twice.",
    "The plant opens by twenty twenty-seven.",
    # identifiers, phone numbers, page furniture, document references
    "The answer was given to question UIN 31822.",
    "Call 0800 123 456 for details.",
    "Use passcode 552910# to join.",
    "See Issue #318 for details.",
    "1) Germany\n2) France",
    "Comments (23)",
    "Share (310)",
    "7 min read",
    "4 charts",
    "1,203 shares",
    "Previous updates: 9 | 8 | 7",
    "Figure 3.2 shows the trend.",
    "Table 4 lists the deliveries.",
    "Figures are in constant 2020 prices.",
    # scores and vote tallies, a wire's rate note, footnote markers, a column's scale
    "Manchester City beat Chelsea 3-1 on Sunday.",
    "The council approved the budget 52-48.",
    "The bill passed by a vote of 231-196.",
    "The match ended in a 2-2 draw.",
    "The $1 = 0.9655 euros",
    "Europe gave more.[1] Donors pledged less.[2]",
    "Table 2. Military aid allocated (EUR billion)",
    # references, file numbers, photo counters, gallery and comment counts, phone numbers
    "Quote reference 4471/25 when you call.",
    "Press release | No: 58/2025",
    "Workers at the plant. (1/8)",
    "Photos: Life on the lake (12 images)",
    "Tags: Denmark, Sweden | 4 comments",
    "Call police on 101 if you saw it.",
    "It crashed near junction 23 of the M25.",
    "Prices are lower than a year ago.",
    "The Type 212C submarine sailed.",
    # a metre glued to the digits, mobile generations, product and model numbers
    "She won the 100m final.",
    "Operators are building 5G networks.",
    "iPhone 15 sales slowed.",
    "The airline grounded its Boeing 737 Max jets.",
    "The 9/11 attacks changed aviation.",
    # a year after a possessive, a year before a figure in "from ... in 2023 to ..."
    "Germany's 2025 defence budget rises.",
    "Output grew in 2023 to a record.",
    "© 2025 Reuters",
    "Figures are shown in (billions of euros) throughout.",
    "Share this post: 12",
]

# Known gaps, by reason. Each runs as a strict xfail: a fix moves the row to CASES.
KNOWN_GAPS = [
    # Speaker attribution after the figure ("..., EU officials said") loses to a name before it.
    Case("The Ukraine Facility has €33 billion in loans, EU officials said.", "€33 billion", 33e9, "EUR", subject="EU"),
    # A modifier that belongs to the counted noun ("member states") is dropped.
    N("Leaders of 27 member states met.", "27 member states", 27, "member state"),
    # Accounting negatives in parentheses.
    N("The annual revenue is ($99.99).", "($99.99)", -99.99, "USD"),
    # A bare figure whose noun only the paragraph's topic gives ("its 155mm output to 50,000").
    N("Nammo will lift its 155mm output to 50,000 a year.", "50,000", 50_000, "shell"),
    # A line of a box of figures whose label has no plural ("Crew per ship: 118").
    N("Key figures\nCrew per ship: 118", "118", 118, "crew"),
    # A headline count with no noun ("Three jailed over raid").
    N("Three jailed over jewellery raid", "Three", 3, "person"),
]


def _one(case: Case):
    claims = [c for c in find_claims(case.text) if c.quote == case.quote]
    assert claims, f"no claim quoted {case.quote!r} in {[c.quote for c in find_claims(case.text)]}"
    return claims[0]


def _check(case: Case) -> None:
    c = _one(case)
    assert c.value == pytest.approx(Decimal(str(case.value)), rel=Decimal("1e-6"))
    assert (c.value_high is None) == (case.value_high is None)
    if case.value_high is not None:
        assert c.value_high == pytest.approx(Decimal(str(case.value_high)), rel=Decimal("1e-6"))
    assert c.unit == case.unit
    assert c.qualifier.value == case.qualifier
    assert case.text[c.start:c.end] == c.quote
    if case.category is not None:
        assert c.category.value == case.category
    if case.subject is not None:
        assert c.subject == case.subject
    if case.period != "-":
        assert (c.period.value if c.period else None) == case.period
    if case.vague is not None:
        assert c.vague is case.vague


@pytest.mark.parametrize("case", CASES, ids=[f"{c.quote}|{c.text[:40]}" for c in CASES])
def test_case(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(text: str) -> None:
    assert [c.quote for c in find_claims(text)] == []


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("case", KNOWN_GAPS, ids=[c.quote for c in KNOWN_GAPS])
def test_known_gap(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("typo", ["14-0 million euros", "0-0 million euros"])
def test_a_mistyped_range_does_not_stop_the_document(typo: str) -> None:
    """A scale read off a high end of zero once divided by zero and lost every claim of the text."""
    claims = find_claims(f"Each system costs around {typo}. Norway sent 5 tanks.")
    assert [c.quote for c in claims][-1] == "5 tanks"


def test_letters_read_as_ascii_twins_stay_as_written_in_quote_and_sentence() -> None:
    [claim] = find_claims("The plant in İzmir makes 40,000 ſhells a month.")
    assert (claim.quote, claim.unit, claim.sentence) == (
        "40,000 ſhells", "shell", "The plant in İzmir makes 40,000 ſhells a month.")


def test_claims_are_sorted_and_sentences_folded() -> None:
    text = "Oslo sent 5 tanks.\n\nBerlin sent\n7 jets and 2 ships."
    claims = find_claims(text)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert claims[1].sentence == "Berlin sent 7 jets and 2 ships."


def test_extract_claims_sets_document_and_stable_id() -> None:
    doc = Document(source="inbox/a.txt", name="a.txt", text="Oslo sent 5 tanks.", content_hash="abc")
    [c] = extract_claims(doc)
    assert c.document == "inbox/a.txt"
    assert c.id == claim_id("inbox/a.txt", "abc", c.start, c.end)
    assert c.value_eur is None and c.status.value == "new"


# --- the sample article, field by field, and paraphrases of it ------------------------
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "2024-09-20-ukrinform-drone-coalition"


@pytest.mark.skipif(not SAMPLE.with_suffix(".txt").exists(), reason="../shared/samples is not beside the project")
def test_sample_article_gives_its_nine_claims() -> None:
    text = SAMPLE.with_suffix(".txt").read_text(encoding="utf-8")
    expected = [json.loads(line) for line in SAMPLE.with_suffix(".expected.jsonl").read_text().splitlines() if line]
    got = find_claims(text)
    assert len(got) == len(expected)
    for c, e in zip(got, expected):
        assert c.quote == e["quote"]
        assert float(c.value) == e["value"]
        assert c.unit == e["unit"]
        assert c.qualifier.value == e["qualifier"]
        assert c.category.value == e["category"]
        assert c.subject == e["subject"]
        assert (c.period.value if c.period else None) == e["period"]
        assert c.vague is e.get("vague", False)


PARAPHRASES = [  # (text, [(quote, value, unit, qualifier, category, subject, period)])
    ("Oslo said the air defence coalition has already raised over 90 million euros from 11 "
     "member countries. \"The mine coalition, which includes 9 participating nations, has secured "
     "almost NOK\n\n2 billion in funding and sent hundreds of demining kits to Ukraine,\" the minister said.",
     [("over 90 million euros", 90e6, "EUR", "lower_bound", "pledge", "air defence coalition", None),
      ("11 member countries", 11, "country", "exact", "count", "air defence coalition", None),
      ("9 participating nations", 9, "nation", "exact", "count", "mine coalition", None),
      ("almost NOK\n\n2 billion", 2e9, "NOK", "approx", "pledge", "mine coalition", None),
      ("hundreds of demining kits", 100, "kit", "lower_bound", "delivery", "mine coalition", None)]),
    ("\"Today, some 300 Polish ammunition makers and dozens of engineers work on new designs. "
     "With a yearly output of up to 2 million shells, Poland has become a key producer,\" Kosiniak-Kamysz said.",
     [("some 300 Polish ammunition makers", 300, "maker", "approx", "count", "Poland", None),
      ("dozens of engineers", 12, "engineer", "lower_bound", "count", "Poland", None),
      ("up to 2 million shells", 2e6, "shell", "upper_bound", "capacity", "Poland", "year")]),
]


@pytest.mark.parametrize("text,rows", PARAPHRASES, ids=["coalitions", "producer"])
def test_paraphrase_of_the_sample(text: str, rows: list) -> None:
    got = find_claims(text)
    assert [c.quote for c in got] == [r[0] for r in rows]
    for c, (quote, value, unit, qual, cat, subj, period) in zip(got, rows):
        assert float(c.value) == value
        assert (c.unit, c.qualifier.value, c.category.value, c.subject) == (unit, qual, cat, subj)
        assert (c.period.value if c.period else None) == period

#!/usr/bin/env python3
"""Source of the devset gold labels (bench/devset/labels.jsonl).

The labels are written by hand here in a compact form, one L(...) call per expected
claim, and this script expands them to labels.jsonl, checking that every quote occurs in
its document (as many times as it is labelled), that units are valid CLAIMS.md units and
that categories/qualifiers/periods are from the allowed sets.  With --uncovered it also
lists the digit sequences and number words of every document that no quote covers, so a
labeller can confirm each is a deliberate NOT-claim (date, designation, ...).

Usage: python3 bench/make_devset_labels.py [--uncovered]
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DEVSET = HERE / "devset"
LABELS = []
_doc = None


def DOC(name):
    global _doc
    _doc = name


def L(quote, value, unit, category, subject, q="exact", hi=None, per=None, vague=False,
      rec=None, purp=None):
    LABELS.append({"doc": _doc, "quote": quote, "value": value, "value_high": hi, "unit": unit,
                   "qualifier": q, "category": category, "subject": subject, "period": per,
                   "vague": vague, "recipient": rec, "purpose": purp})


M, B, K = 10**6, 10**9, 10**3

# ---------------------------------------------------------------------------------------
DOC("2024-02-14-ramstein-19th-meeting-wire.txt")
L("about 50 countries", 50, "country", "count", "Ukraine Defense Contact Group", q="approx")
L("two years", 2, "year", "other", "Ukraine")
L("36 howitzers", 36, "howitzer", "pledge", "Germany", rec="Ukraine", purp="howitzers")
L("three IRIS-T SLM systems", 3, "system", "pledge", "Germany", rec="Ukraine", purp="IRIS-T SLM systems")
L("more than 7 billion euros", 7 * B, "EUR", "pledge", "Germany", q="lower_bound", per="year", rec="Ukraine", purp="military aid")
L("nine countries", 9, "country", "count", "drone coalition")
L("10 million euros", 10 * M, "EUR", "pledge", "Latvia", per="year", rec="drone coalition")
L("122 million euros", 122 * M, "EUR", "pledge", "Netherlands", rec="Ukraine", purp="ammunition")
L("about 1.4%", 1.4, "%", "other", "Estonia", q="approx")

DOC("2024-03-05-czech-shell-initiative-brief.txt")
L("about 15 countries", 15, "country", "count", "Czech initiative", q="approx")  # headline
L("Around 15 countries", 15, "country", "count", "Czech initiative", q="approx")
L("800,000 shells", 800 * K, "shell", "pledge", "Czech initiative", purp="artillery shells")
L("500,000 rounds", 500 * K, "round", "pledge", "Czech initiative", purp="155mm rounds")
L("300,000", 300 * K, "round", "pledge", "Czech initiative", purp="122mm rounds")
L("about $1.5 billion", 1.5 * B, "USD", "pledge", "Czech initiative", q="approx", purp="first batch")
L("1.6 billion Danish kroner", 1.6 * B, "DKK", "pledge", "Denmark", rec="Czech initiative")
L("more than €250 million", 250 * M, "EUR", "pledge", "Netherlands", q="lower_bound", rec="Czech initiative")
L("CAD 40 million", 40 * M, "CAD", "pledge", "Canada", rec="Czech initiative")

DOC("2024-02-12-rheinmetall-unterluss-groundbreaking.txt")
L("around €300 million", 300 * M, "EUR", "pledge", "Rheinmetall", q="approx", purp="ammunition factory")
L("200,000 artillery shells", 200 * K, "shell", "capacity", "Rheinmetall", per="year", purp="artillery shells")
L("Around 500 new jobs", 500, "job", "count", "Rheinmetall", q="approx")
L("as much as 700,000 rounds", 700 * K, "round", "capacity", "Rheinmetall", q="upper_bound", per="year", purp="155mm artillery ammunition")
L("about 70,000 shells", 70 * K, "shell", "capacity", "Rheinmetall", q="approx", per="year", purp="shells")
L("tenfold", 10, "times", "other", "Rheinmetall")
L("three years", 3, "year", "other", "Rheinmetall")
L("more than €10 billion", 10 * B, "EUR", "other", "Rheinmetall", q="lower_bound", purp="ammunition orders")
L("over 30,000 people", 30 * K, "person", "count", "Rheinmetall", q="lower_bound")
L("4,000 staff", 4 * K, "staff", "count", "Rheinmetall")

DOC("2024-03-14-rheinmetall-fy2023-results.txt")
L("30% to 35%", 30, "%", "other", "Rheinmetall", q="range", hi=35)
L("12%", 12, "%", "other", "Rheinmetall")
L("€7.18 billion", 7.18 * B, "EUR", "other", "Rheinmetall")
L("19%", 19, "%", "other", "Rheinmetall")
L("€918 million", 918 * M, "EUR", "other", "Rheinmetall")
L("12.8%", 12.8, "%", "other", "Rheinmetall")
L("€38.3bn", 38.3 * B, "EUR", "other", "Rheinmetall")
L("€26.6bn", 26.6 * B, "EUR", "other", "Rheinmetall")
L("40%", 40, "%", "other", "Rheinmetall")
L("€2.4 billion", 2.4 * B, "EUR", "other", "Rheinmetall")
L("about €3.5 billion", 3.5 * B, "EUR", "other", "Rheinmetall", q="approx", per="year")
L("€5.70", 5.7, "EUR", "other", "Rheinmetall")
L("€4.30", 4.3, "EUR", "other", "Rheinmetall")
L("roughly quadrupled", 4, "times", "other", "Rheinmetall", q="approx")
L("4.5%", 4.5, "%", "other", "Rheinmetall")
L("between €10 billion and €10.5bn", 10 * B, "EUR", "other", "Rheinmetall", q="range", hi=10.5 * B, per="year")
L("up to 700,000 shells", 700 * K, "shell", "capacity", "Rheinmetall", q="upper_bound", per="year", purp="shells")
L("1.1 million rounds", 1.1 * M, "round", "capacity", "Rheinmetall", per="year", purp="rounds")

DOC("ukraine-drone-production-ministry.txt")
L("more than 1.5 million drones", 1.5 * M, "drone", "capacity", "Ukraine", q="lower_bound", per="year", purp="drones")
L("more than 1.5 million drones", 1.5 * M, "drone", "capacity", "Ukraine", q="lower_bound", per="year", purp="drones")
L("about 96%", 96, "%", "other", "Ukraine", q="approx")
L("over 500", 500, "company", "count", "Ukraine", q="lower_bound")
L("seven", 7, "company", "count", "Ukraine")
L("UAH\n43.5 billion", 43.5 * B, "UAH", "pledge", "Ukraine", per="year", purp="purchase of drones")
L("4.5 million drones", 4.5 * M, "drone", "capacity", "Ukraine", per="year", purp="drones")
L("some 200,000 first-person-view drones", 200 * K, "drone", "delivery", "Ukraine", q="approx", per="month", rec="Defense Forces", purp="first-person-view drones")
L("about 4 million drones", 4 * M, "drone", "capacity", "Ukraine", q="approx", per="year", purp="drones")
L("10 times", 10, "times", "other", "Ukraine")

DOC("2024-06-13-danish-model-analysis.txt")
L("Six months", 6, "month", "other", "Danish model")
L("about $20 billion", 20 * B, "USD", "capacity", "Ukraine", q="approx", per="year")
L("about $7 billion", 7 * B, "USD", "pledge", "Ukraine", q="approx", per="year", purp="orders")
L("600 million kroner", 600 * M, "DKK", "pledge", "Denmark", purp="Bohdana self-propelled howitzers")
L("roughly €80 million", 80 * M, "EUR", "pledge", "Denmark", q="approx", purp="Bohdana self-propelled howitzers")
L("18 Bohdana self-propelled howitzers", 18, "howitzer", "pledge", "Denmark", purp="Bohdana self-propelled howitzers")
L("about €3 million", 3 * M, "EUR", "other", "Bohdana", q="approx")
L("four months", 4, "month", "other", "Danish model")
L("roughly €1.4 billion", 1.4 * B, "EUR", "pledge", "EU", q="approx")
L("about €420 million", 420 * M, "EUR", "pledge", "EU", q="approx", rec="Danish model")
L("250 million Swedish kronor", 250 * M, "SEK", "pledge", "Sweden", rec="Danish model")
L("CAD 10 million", 10 * M, "CAD", "pledge", "Canada", rec="Danish model")
L("DKK 7.2 billion", 7.2 * B, "DKK", "pledge", "Danish model")
L("around 20 Ukrainian companies", 20, "company", "count", "Danish model", q="approx")
L("two of the contracted plants", 2, "plant", "count", "Danish model")
L("upwards of €3,000", 3000, "EUR", "other", "international market", q="lower_bound")
L("about €1,400", 1400, "EUR", "other", "Ukraine", q="approx")
L("about 40%", 40, "%", "other", "Ukraine", q="approx")
L("five-year", 5, "year", "other", "Norway")
L("NOK 15 billion", 15 * B, "NOK", "pledge", "Norway", per="year", purp="military envelope")
L("above €1 million", 1 * M, "EUR", "other", "Ukraine", q="lower_bound")
L("about €1.5 billion", 1.5 * B, "EUR", "pledge", "EU", q="approx")

# ---------------------------------------------------------------------------------------
# (more documents below)
DOC("2024-07-10-nato-summit-liveblog.txt")
L("minimum baseline of €40 billion", 40 * B, "EUR", "pledge", "NATO", q="lower_bound", per="year", rec="Ukraine", purp="military support")
L("24 jets", 24, "jet", "pledge", "Netherlands", purp="F-16 jets")
L("19", 19, "jet", "pledge", "Denmark", purp="F-16 jets")
L("four more Patriot batteries", 4, "battery", "pledge", "United States", purp="Patriot batteries")
L("one SAMP/T system", 1, "system", "pledge", "Italy", purp="SAMP/T system")
L("five strategic air-defence systems", 5, "system", "pledge", "NATO", purp="strategic air-defence systems")
L("16 months", 16, "month", "other", "United States", q="approx")
L("up to 2.7 billion kroner", 2.7 * B, "NOK", "pledge", "Norway", q="upper_bound", purp="NASAMS")
L("23", 23, "member", "count", "NATO")
L("32 members", 32, "member", "count", "NATO")
L("2%", 2, "%", "other", "NATO")
L("three", 3, "member", "count", "NATO")
L("CAD 500 million", 500 * M, "CAD", "pledge", "Canada", purp="military assistance")
L("700 more Ukrainian soldiers", 700, "soldier", "count", "Canada", per="year")

DOC("2024-03-20-eu-asap-pressrelease.txt")
L("31 projects", 31, "project", "count", "EU")
L("31 projects", 31, "project", "count", "EU")
L("€500 million", 500 * M, "EUR", "pledge", "EU", purp="ammunition production")
L("2 million shells", 2 * M, "shell", "capacity", "EU", per="year", purp="artillery ammunition")
L("€248 million", 248 * M, "EUR", "pledge", "EU", purp="explosives")
L("€124 million", 124 * M, "EUR", "pledge", "EU", purp="powder")
L("€90 million", 90 * M, "EUR", "pledge", "EU", purp="shells")
L("€50 million", 50 * M, "EUR", "pledge", "EU", purp="missiles")
L("€1 million", 1 * M, "EUR", "pledge", "EU", purp="testing and reconditioning certifications")
L("57 applications", 57, "application", "count", "EU")
L("about €1.4 billion", 1.4 * B, "EUR", "pledge", "EU", q="approx", purp="investment")
L("40%", 40, "%", "other", "EU")
L("1 million shells", 1 * M, "shell", "capacity", "EU", per="year", purp="155mm shells")
L("one million rounds", 1 * M, "round", "pledge", "EU", rec="Ukraine", purp="ammunition")
L("12 months", 12, "month", "other", "EU")
L("more than 300,000 shells", 300 * K, "shell", "delivery", "EU", q="lower_bound", rec="Ukraine", purp="shells")

DOC("2023-11-14-eu-million-shells-wire.txt")
L("one million shells", 1 * M, "shell", "pledge", "EU", rec="Ukraine", purp="shells")
L("one million artillery shells", 1 * M, "shell", "pledge", "EU", rec="Ukraine", purp="artillery shells")
L("one million", 1 * M, "shell", "pledge", "EU", rec="Ukraine", purp="shells")
L("1 million rounds", 1 * M, "round", "pledge", "EU", rec="Ukraine", purp="155mm ammunition")
L("12 months", 12, "month", "other", "EU")
L("about 300,000 shells", 300 * K, "shell", "delivery", "EU", q="approx", rec="Ukraine", purp="shells")
L("between 600,000 and 700,000 rounds", 600 * K, "round", "capacity", "European industry", q="range", hi=700 * K, per="year", purp="rounds")
L("more than €100 million", 100 * M, "EUR", "delivery", "Estonia", q="lower_bound", rec="Ukraine", purp="artillery rounds")
L("around EUR 30 mln", 30 * M, "EUR", "pledge", "Lithuania", q="approx", purp="joint orders")

DOC("2024-10-09-iris-t-brief.txt")
L("two IRIS-T SLS short-range launchers", 2, "launcher", "delivery", "Germany", rec="Ukraine", purp="IRIS-T SLS short-range launchers")
L("several hundred missiles", 100, "missile", "delivery", "Germany", q="lower_bound", vague=True, rec="Ukraine", purp="missiles")
L("17 IRIS-T SLM fire units", 17, "fire unit", "pledge", "Germany", rec="Ukraine", purp="IRIS-T SLM fire units")
L("around 140 million euros", 140 * M, "EUR", "other", "Diehl Defence", q="approx")
L("up to 10 fire units", 10, "fire unit", "capacity", "Diehl Defence", q="upper_bound", per="year", purp="IRIS-T SLM fire units")
L("1,500 artillery rockets", 1500, "rocket", "delivery", "Germany", purp="artillery rockets")
L("almost 60 Leopard 1A5 battle tanks", 60, "tank", "delivery", "Germany", q="approx", purp="Leopard 1A5 battle tanks")

DOC("2024-04-24-us-supplemental-wire.txt")
L("$95 billion", 95 * B, "USD", "pledge", "United States", purp="foreign aid")
L("$95 billion", 95 * B, "USD", "pledge", "United States", purp="wartime aid")
L("$61 billion", 61 * B, "USD", "pledge", "United States", rec="Ukraine")
L("$1 billion", 1 * B, "USD", "pledge", "United States", purp="military package")
L("$13.8 billion", 13.8 * B, "USD", "pledge", "United States", rec="Ukraine", purp="buy weapons from U.S. industry")
L("about $23 billion", 23 * B, "USD", "pledge", "United States", q="approx", purp="replenish American stocks")
L("about $9 billion", 9 * B, "USD", "pledge", "United States", q="approx", purp="economic aid")
L("up to five times", 5, "times", "other", "Russia", q="upper_bound")
L("Around 100 of the missiles", 100, "missile", "delivery", "United States", q="approx", purp="ATACMS missiles")
L("$300 million", 300 * M, "USD", "pledge", "United States")

DOC("2025-01-09-ramstein-25th-meeting.txt")
L("$500 million", 500 * M, "USD", "pledge", "United States", rec="Ukraine", purp="weapons")
L("$500 million", 500 * M, "USD", "pledge", "United States", rec="Ukraine", purp="weapons")
L("roughly 50 nations", 50, "nation", "count", "Ukraine Defense Contact Group", q="approx")
L("more than $65.9 billion", 65.9 * B, "USD", "pledge", "United States", q="lower_bound", rec="Ukraine", purp="military assistance")
L("more than 1,000 tanks", 1000, "tank", "delivery", "Ukraine Defense Contact Group", q="lower_bound", rec="Ukraine", purp="tanks")
L("over 3,000 other armoured vehicles", 3000, "armoured vehicle", "delivery", "Ukraine Defense Contact Group", q="lower_bound", rec="Ukraine", purp="armoured vehicles")
L("18 members", 18, "member", "count", "drone coalition")
L("30,000 long-range drones", 30 * K, "drone", "capacity", "Ukraine", per="year", purp="long-range drones")
L("30,000 drones", 30 * K, "drone", "pledge", "United Kingdom", per="year", rec="Ukraine", purp="drones")
L("60 howitzers", 60, "howitzer", "pledge", "Germany", purp="howitzers")
L("four more IRIS-T systems", 4, "system", "pledge", "Germany", purp="IRIS-T systems")
L("about €3 billion", 3 * B, "EUR", "pledge", "Germany", q="approx")

DOC("2024-09-20-uk-support-short.txt")
L("£3bn", 3 * B, "GBP", "pledge", "United Kingdom", per="year", rec="Ukraine", purp="military support")
L("£3 billion", 3 * B, "GBP", "pledge", "United Kingdom", per="year", rec="Ukraine", purp="military support")
L("£12.8bn", 12.8 * B, "GBP", "pledge", "United Kingdom", rec="Ukraine", purp="military aid")
L("more than 42,000 Ukrainian recruits", 42 * K, "recruit", "count", "United Kingdom", q="lower_bound")
L("650 lightweight multirole missiles", 650, "missile", "pledge", "United Kingdom", purp="lightweight multirole missiles")
L("£162m", 162 * M, "GBP", "pledge", "United Kingdom", purp="lightweight multirole missiles")
L("$215 million", 215 * M, "USD", "pledge", "United Kingdom", purp="lightweight multirole missiles")
L("10,000 drones", 10 * K, "drone", "pledge", "United Kingdom", rec="Ukraine", purp="drones")
L("£300 million", 300 * M, "GBP", "pledge", "United Kingdom", purp="drone package")

DOC("2024-05-29-sweden-package.txt")
L("two surveillance aircraft", 2, "aircraft", "pledge", "Sweden", purp="surveillance aircraft")
L("13.3 billion Swedish crowns", 13.3 * B, "SEK", "pledge", "Sweden", rec="Ukraine", purp="military aid")
L("USD1.23 billion", 1.23 * B, "USD", "pledge", "Sweden", rec="Ukraine", purp="military aid")
L("two ASC 890 airborne surveillance and control aircraft", 2, "aircraft", "pledge", "Sweden", purp="ASC 890 airborne surveillance and control aircraft")
L("SEK 43.5 billion", 43.5 * B, "SEK", "pledge", "Sweden", purp="military support")
L("up to SEK 75 billion", 75 * B, "SEK", "pledge", "Sweden", q="upper_bound", purp="aid")
L("three years", 3, "year", "other", "Sweden")
L("SEK 1.9 billion", 1.9 * B, "SEK", "pledge", "Sweden", purp="buying equipment directly from Ukrainian and Swedish industry")

DOC("2024-08-30-poland-budget.txt")
L("4.7%", 4.7, "%", "other", "Poland")
L("4.7%", 4.7, "%", "other", "Poland")
L("186.6 billion zlotys", 186.6 * B, "PLN", "pledge", "Poland", per="year", purp="defence spending")
L("$48.7 billion", 48.7 * B, "USD", "pledge", "Poland", per="year", purp="defence spending")
L("PLN 124.3 bln", 124.3 * B, "PLN", "pledge", "Poland", per="year", purp="regular defence budget")
L("almost 62 billion zloty", 62 * B, "PLN", "pledge", "Poland", q="approx", per="year", purp="Armed Forces Support Fund")
L("about 1,000 K2 tanks", 1000, "tank", "pledge", "Poland", q="approx", purp="K2 tanks")
L("672 K9 howitzers", 672, "howitzer", "pledge", "Poland", purp="K9 howitzers")
L("288 Chunmoo rocket launchers", 288, "launcher", "pledge", "Poland", purp="Chunmoo rocket launchers")
L("250 Abrams tanks", 250, "tank", "pledge", "Poland", purp="Abrams tanks")
L("96 Apache helicopters", 96, "helicopter", "pledge", "Poland", purp="Apache helicopters")
L("around 200,000 soldiers", 200 * K, "soldier", "count", "Poland", q="approx")
L("300,000 troops", 300 * K, "troop", "count", "Poland")
L("more than 3 billion euros", 3 * B, "EUR", "delivery", "Poland", q="lower_bound", rec="Ukraine", purp="military equipment")
L("over 300 tanks", 300, "tank", "delivery", "Poland", q="lower_bound", rec="Ukraine", purp="tanks")

DOC("2024-11-20-japan-budget-brief.txt")
L("3.4 billion yen", 3.4 * B, "JPY", "pledge", "Japan", rec="NATO trust fund", purp="non-lethal equipment")
L("¥8.5 trillion", 8.5 * 10**12, "JPY", "pledge", "Japan", per="year", purp="defence")
L("7.4%", 7.4, "%", "other", "Japan")
L("some 43 trillion yen", 43 * 10**12, "JPY", "pledge", "Japan", q="approx", purp="defence")
L("five years", 5, "year", "other", "Japan")
L("about $12 billion", 12 * B, "USD", "pledge", "Japan", q="approx", rec="Ukraine", purp="financial and humanitarian support")
L("dozens of Japanese companies", 12, "company", "count", "Japan", q="lower_bound", vague=True)

DOC("2024-12-12-swiss-brief.txt")
L("CHF 5 billion", 5 * B, "CHF", "pledge", "Switzerland", rec="Ukraine", purp="recovery")
L("5 billion Swiss francs", 5 * B, "CHF", "pledge", "Switzerland", rec="Ukraine", purp="reconstruction")
L("12 years", 12, "year", "other", "Switzerland")
L("CHF 1.5 billion", 1.5 * B, "CHF", "pledge", "Switzerland", rec="Ukraine", purp="reconstruction")
L("12,400 rounds", 12400, "round", "other", "Germany", purp="35mm anti-aircraft ammunition")
L("around 60 projects", 60, "project", "count", "Switzerland", q="approx")
L("up to Sfr 500 million", 500 * M, "CHF", "other", "Switzerland", q="upper_bound")

DOC("2024-10-21-ukraine-budget-hryvnia.txt")
L("2.23 trillion hryvnias", 2.23 * 10**12, "UAH", "pledge", "Ukraine", per="year", purp="defence and security")
L("$54 billion", 54 * B, "USD", "pledge", "Ukraine", per="year", purp="defence and security")
L("about 26.3%", 26.3, "%", "other", "Ukraine", q="approx")
L("UAH 3.6 trillion", 3.6 * 10**12, "UAH", "pledge", "Ukraine", per="year", purp="overall spending")
L("19.4%", 19.4, "%", "other", "Ukraine")
L("at least $35 billion", 35 * B, "USD", "other", "Ukraine", q="lower_bound", per="year", purp="external funding")
L("257 lawmakers", 257, "lawmaker", "count", "Rada")
L("about 100,000 hryvnias", 100 * K, "UAH", "other", "Ukraine", q="approx", per="month")
L("UAH 1.5 billion", 1.5 * B, "UAH", "pledge", "Ukraine", purp="production of long-range missiles")
L("more than 2 million drones", 2 * M, "drone", "pledge", "Ukraine", q="lower_bound", per="month", purp="drones")

DOC("2024-09-05-drone-coalition-latvia-pr.txt")
L("over €500 million", 500 * M, "EUR", "pledge", "drone coalition", q="lower_bound")
L("16 countries", 16, "country", "count", "drone coalition")
L("more than 500 million euros", 500 * M, "EUR", "pledge", "drone coalition", q="lower_bound")
L("1 million drones", 1 * M, "drone", "pledge", "drone coalition", rec="Ukraine", purp="drones")
L("0.25%", 0.25, "%", "other", "Latvia")
L("20,000-30,000 FPV drones", 20 * K, "drone", "pledge", "Latvia", q="range", hi=30 * K, per="year", purp="FPV drones")
L("two years", 2, "year", "other", "Ukraine")
L("a few dozen producers", 12, "producer", "count", "Ukraine", q="lower_bound", vague=True)
L("hundreds of companies", 100, "company", "count", "Ukraine", q="lower_bound", vague=True)
L("eight members", 8, "member", "count", "drone coalition")
L("EUR 45 million", 45 * M, "EUR", "pledge", "drone coalition", purp="interceptor drones")

DOC("2025-02-24-three-years-analysis.txt")
L("Three years", 3, "year", "other", "Ukraine")
L("Three years", 3, "year", "other", "Ukraine")
L("some €267 billion", 267 * B, "EUR", "pledge", "donors", q="approx", rec="Ukraine")
L("about €130 billion", 130 * B, "EUR", "pledge", "donors", q="approx", rec="Ukraine", purp="military aid")
L("roughly €62 billion", 62 * B, "EUR", "pledge", "Europe", q="approx", purp="military aid")
L("about €64 billion", 64 * B, "EUR", "pledge", "United States", q="approx", purp="military aid")
L("around 60%", 60, "%", "other", "Europe", q="approx")
L("three years", 3, "year", "other", "donors")
L("about €42 billion", 42 * B, "EUR", "pledge", "donors", q="approx", per="year", purp="military aid")
L("well under 0.1%", 0.1, "%", "other", "donors", q="upper_bound")
L("more than €15 billion", 15 * B, "EUR", "pledge", "Germany", q="lower_bound", rec="coalition", purp="costs of the coalition")
L("one million 155mm shells", 1 * M, "shell", "pledge", "EU", rec="Ukraine", purp="155mm shells")
L("12 months", 12, "month", "other", "EU")
L("about 524,000 rounds", 524 * K, "round", "delivery", "EU", q="approx")
L("nine months", 9, "month", "other", "EU")
L("about 15 donors", 15, "donor", "count", "Czech initiative", q="approx")
L("around 1.5 million rounds", 1.5 * M, "round", "delivery", "Czech initiative", q="approx", per="year", purp="rounds")
L("up to 1.8 million", 1.8 * M, "round", "pledge", "Czech initiative", q="upper_bound", per="year", purp="rounds")
L("an estimated 300,000 shells", 300 * K, "shell", "capacity", "European industry", q="approx", per="year", purp="155mm ammunition")
L("1 million shells", 1 * M, "shell", "capacity", "EU", per="year", purp="shells")
L("2 million", 2 * M, "shell", "capacity", "EU", per="year", purp="shells")
L("no more than 600,000 rounds", 600 * K, "round", "capacity", "European industry", q="upper_bound", per="year", purp="rounds")
L("about 700,000 rounds", 700 * K, "round", "capacity", "Rheinmetall", q="approx", per="year", purp="rounds")
L("1.1 million", 1.1 * M, "round", "capacity", "Rheinmetall", per="year", purp="rounds")
L("1.5 million", 1.5 * M, "round", "capacity", "Rheinmetall", per="year", purp="rounds")
L("close to 30,000 people", 30 * K, "person", "count", "Rheinmetall", q="approx")
L("passed €55 billion", 55 * B, "EUR", "other", "Rheinmetall", q="lower_bound")
L("about 3 million artillery shells", 3 * M, "shell", "capacity", "Russia", q="approx", per="year", purp="artillery shells")
L("several million", 1 * M, "shell", "delivery", "North Korea", q="lower_bound", vague=True, rec="Russia", purp="shells")
L("up to 60,000 shells", 60 * K, "shell", "other", "Russia", q="upper_bound", per="day")
L("2,000 to 7,000", 2000, "shell", "other", "Ukraine", q="range", hi=7000, per="day")
L("between 10,000 and 20,000 rounds", 10 * K, "round", "other", "Russia", q="range", hi=20 * K, per="day")
L("upwards of $1 billion", 1 * B, "USD", "other", "Patriot", q="lower_bound")
L("about $4 million", 4 * M, "USD", "other", "PAC-3 MSE", q="approx")
L("at least six Patriot batteries", 6, "battery", "delivery", "allies", q="lower_bound", rec="Ukraine", purp="Patriot batteries")
L("25", 25, "battery", "other", "Ukraine")
L("three Patriot systems", 3, "system", "delivery", "Germany", purp="Patriot systems")
L("four IRIS-T SLM systems", 4, "system", "delivery", "Germany", purp="IRIS-T SLM systems")
L("several hundred missiles", 100, "missile", "delivery", "Germany", q="lower_bound", vague=True, purp="missiles")
L("17 IRIS-T SLM units", 17, "unit", "pledge", "Germany", purp="IRIS-T SLM units")
L("several hundred", 100, "missile", "capacity", "Diehl Defence", q="lower_bound", vague=True, per="year", purp="IRIS-T missiles")
L("about 2.2 million drones", 2.2 * M, "drone", "capacity", "Ukraine", q="approx", per="year", purp="drones")
L("hundreds of small workshops", 100, "workshop", "count", "Ukraine", q="lower_bound", vague=True)
L("4.5 million", 4.5 * M, "drone", "capacity", "Ukraine", per="year", purp="drones")
L("up to 10 million drones", 10 * M, "drone", "capacity", "Ukraine", q="upper_bound", per="year", purp="drones")
L("18 countries", 18, "country", "count", "drone coalition")
L("over €2.5 billion", 2.5 * B, "EUR", "pledge", "drone coalition", q="lower_bound")
L("100,000 drones", 100 * K, "drone", "pledge", "United Kingdom", per="year", rec="Ukraine", purp="drones")
L("some €1.3 billion", 1.3 * B, "EUR", "pledge", "Danish model", q="approx", purp="Ukrainian production")
L("about $3.8 billion", 3.8 * B, "USD", "pledge", "United States", q="approx", purp="presidential drawdown authority")
L("€50 billion", 50 * B, "EUR", "pledge", "EU", purp="civilian budget")
L("$50 billion", 50 * B, "USD", "pledge", "G7")
L("about $485 billion", 485 * B, "USD", "other", "NATO", q="approx", per="year", purp="defence")
L("almost 18%", 18, "%", "other", "NATO", q="approx")
L("Three years", 3, "year", "other", "Ukraine")

DOC("2024-07-03-nammo-capacity.txt")
L("double", 2, "times", "other", "Nammo")
L("double", 2, "times", "other", "Nammo")
L("NOK 2 billion", 2 * B, "NOK", "pledge", "Norway and Finland", rec="Nammo", purp="production of 155mm artillery shells")
L("tens of thousands", 10 * K, "shell", "capacity", "Nammo", q="lower_bound", vague=True, per="year", purp="shells")
L("about 600 people", 600, "person", "count", "Nammo", q="approx")
L("18 months", 18, "month", "other", "Nammo")
L("around 3,000", 3000, "person", "count", "Nammo", q="approx")
L("31 per cent", 31, "%", "other", "Nammo")
L("8.9 billion Norwegian kroner", 8.9 * B, "NOK", "other", "Nammo")
L("NOK 34bn", 34 * B, "NOK", "other", "Nammo")
L("NOK 1 billion", 1 * B, "NOK", "pledge", "Norway and Finland", rec="Nammo")
L("about 24 months", 24, "month", "other", "Nammo", q="approx")

DOC("2024-05-02-bae-capacity.txt")
L("sixteen-fold", 16, "times", "other", "BAE Systems")
L("sixteen-fold", 16, "times", "other", "BAE Systems")
L("£400m", 400 * M, "GBP", "pledge", "United Kingdom", purp="155mm artillery shells")
L("$500 million", 500 * M, "USD", "pledge", "United Kingdom", purp="155mm artillery shells")
L("10-year", 10, "year", "other", "BAE Systems")
L("up to 80,000 shells", 80 * K, "shell", "capacity", "BAE Systems", q="upper_bound", per="year", purp="shells")
L("more than 93,000 employees", 93 * K, "employee", "count", "BAE Systems", q="lower_bound")
L("£69.8 billion", 69.8 * B, "GBP", "other", "BAE Systems")
L("dozens of L119 guns", 12, "gun", "delivery", "BAE Systems", q="lower_bound", vague=True, rec="Ukraine", purp="L119 guns")

DOC("2024-02-01-eu-ukraine-facility.txt")
L("€50bn", 50 * B, "EUR", "pledge", "EU", rec="Ukraine")
L("27 European Union leaders", 27, "leader", "count", "EU")
L("€50 billion", 50 * B, "EUR", "pledge", "EU", rec="Ukraine", purp="financial aid")
L("€33 billion", 33 * B, "EUR", "pledge", "EU", purp="loans")
L("€17 billion", 17 * B, "EUR", "pledge", "EU", purp="grants")
L("four years", 4, "year", "other", "EU")
L("two years", 2, "year", "other", "EU")
L("about €4.5 billion", 4.5 * B, "EUR", "pledge", "EU", q="approx")
L("€5 billion", 5 * B, "EUR", "pledge", "EU", rec="European Peace Facility")

DOC("2024-11-05-liveblog-air-attacks.txt")
L("96 drones", 96, "drone", "count", "Russia")
L("three missiles", 3, "missile", "count", "Russia")
L("62 of the drones", 62, "drone", "count", "Ukraine")
L("30", 30, "drone", "count", "Ukraine")
L("at least 12 people", 12, "person", "other", "Kharkiv", q="lower_bound")
L("two children", 2, "child", "other", "Kharkiv")
L("€10m", 10 * M, "EUR", "pledge", "Lithuania", rec="Ukraine", purp="ammunition and M577 armoured vehicles")
L("0.25%", 0.25, "%", "other", "Lithuania")
L("two more villages", 2, "village", "count", "Russia")

DOC("2024-10-15-lithuania-leopard-order.txt")
L("44 Leopard 2A8 tanks", 44, "tank", "pledge", "Lithuania", purp="Leopard 2A8 tanks")
L("nearly 950 million euros", 950 * M, "EUR", "pledge", "Lithuania", q="approx", purp="Leopard 2A8 main battle tanks")
L("44 Leopard 2A8 main battle tanks", 44, "tank", "pledge", "Lithuania", purp="Leopard 2A8 main battle tanks")
L("about 15,000 troops", 15 * K, "troop", "count", "Lithuania", q="approx")
L("3.5%", 3.5, "%", "other", "Lithuania")
L("about EUR 2.9 billion", 2.9 * B, "EUR", "pledge", "Lithuania", q="approx", per="year", purp="defence")
L("between 5% and 6%", 5, "%", "other", "Lithuania", q="range", hi=6)

DOC("2024-12-03-canada-brief.txt")
L("80 Senator armoured vehicles", 80, "armoured vehicle", "pledge", "Canada", rec="Ukraine", purp="Senator armoured vehicles")
L("80 Senator armoured personnel carriers", 80, "personnel carrier", "pledge", "Canada", rec="Ukraine", purp="Senator armoured personnel carriers")
L("more than 800 SkyRanger drones", 800, "drone", "pledge", "Canada", q="lower_bound", rec="Ukraine", purp="SkyRanger drones")
L("C$64 million", 64 * M, "CAD", "pledge", "Canada")
L("more than C$4.5 billion", 4.5 * B, "CAD", "pledge", "Canada", q="lower_bound", purp="military assistance")
L("$US 3 million", 3 * M, "USD", "pledge", "Canada", rec="drone coalition")
L("$250k", 250 * K, "USD", "pledge", "Canada", purp="mine-clearance training")
L("up to 1,000 Ukrainian personnel", 1000, "personnel", "count", "Canada", q="upper_bound", per="year")

DOC("2024-06-27-norway-nansen.txt")
L("NOK 135 billion", 135 * B, "NOK", "pledge", "Norway", rec="Ukraine", purp="Nansen programme")
L("135 billion Norwegian crowns", 135 * B, "NOK", "pledge", "Norway", rec="Ukraine", purp="Nansen support programme")
L("about $12.7 billion", 12.7 * B, "USD", "pledge", "Norway", q="approx", rec="Ukraine", purp="Nansen support programme")
L("three years", 3, "year", "other", "Norway")
L("NOK 75 billion", 75 * B, "NOK", "pledge", "Norway", purp="military and civilian aid")
L("five years", 5, "year", "other", "Norway")
L("NOK 15bn", 15 * B, "NOK", "pledge", "Norway", per="year", purp="military allocation")
L("two NASAMS systems", 2, "system", "delivery", "Norway", rec="Ukraine", purp="NASAMS systems")
L("more than 9,000 artillery shells", 9000, "shell", "delivery", "Norway", q="lower_bound", rec="Ukraine", purp="artillery shells")
L("22 M109 howitzers", 22, "howitzer", "delivery", "Norway", rec="Ukraine", purp="M109 howitzers")

DOC("2024-11-13-hensoldt-results.txt")
L("nine-month", 9, "month", "other", "Hensoldt")
L("22.4%", 22.4, "%", "other", "Hensoldt")
L("EUR 1.36bn", 1.36 * B, "EUR", "other", "Hensoldt")
L("€1.72 billion", 1.72 * B, "EUR", "other", "Hensoldt")
L("nine months", 9, "month", "other", "Hensoldt")
L("6.6 billion euros", 6.6 * B, "EUR", "other", "Hensoldt")
L("between 2.2 and 2.3 billion euros", 2.2 * B, "EUR", "other", "Hensoldt", q="range", hi=2.3 * B, per="year")
L("around 18%", 18, "%", "other", "Hensoldt", q="approx")
L("up to 40 TRML-4D radars", 40, "radar", "capacity", "Hensoldt", q="upper_bound", per="year", purp="TRML-4D radars")
L("12", 12, "radar", "capacity", "Hensoldt", per="year", purp="TRML-4D radars")
L("about 8,500 people", 8500, "person", "count", "Hensoldt", q="approx")
L("6%", 6, "%", "other", "Hensoldt")
L("€33.70", 33.7, "EUR", "other", "Hensoldt")

DOC("patriot-delivery-webpage.txt")
L("about 1 billion euros", 1 * B, "EUR", "pledge", "Germany", q="approx", purp="package")
L("around 100 PAC-2 GEM-T interceptor missiles", 100, "missile", "pledge", "Germany", q="approx", purp="PAC-2 GEM-T interceptor missiles")
L("8 more IRIS-T SLM launchers", 8, "launcher", "delivery", "Germany", purp="IRIS-T SLM launchers")
L("44 Gepard self-propelled anti-aircraft guns", 44, "gun", "delivery", "Germany", purp="Gepard self-propelled anti-aircraft guns")

DOC("2025-03-06-eu-rearm.txt")
L("up to €800 billion", 800 * B, "EUR", "pledge", "EU", q="upper_bound", purp="defence")
L("as much as €800 billion", 800 * B, "EUR", "pledge", "EU", q="upper_bound", purp="European defence")
L("four years", 4, "year", "other", "EU")
L("€150 billion", 150 * B, "EUR", "pledge", "EU", purp="loans for joint weapons purchases")
L("up to 1.5%", 1.5, "%", "other", "EU", q="upper_bound")
L("some €650 billion", 650 * B, "EUR", "pledge", "EU", q="approx", purp="defence spending")
L("26", 26, "member state", "count", "EU")
L("27 member states", 27, "member state", "count", "EU")
L("€20 billion to €40 billion", 20 * B, "EUR", "pledge", "EU", q="range", hi=40 * B, per="year", rec="Ukraine", purp="military aid")
L("two million artillery shells", 2 * M, "shell", "pledge", "EU", per="year", rec="Ukraine", purp="artillery shells")

DOC("2023-07-07-us-package-brief.txt")
L("$800 million", 800 * M, "USD", "pledge", "United States", purp="cluster munitions")
L("$800 million", 800 * M, "USD", "pledge", "United States", rec="Ukraine", purp="security assistance package")
L("31 Bradley fighting vehicles", 31, "fighting vehicle", "pledge", "United States", purp="Bradley fighting vehicles")
L("32 Stryker armoured personnel carriers", 32, "personnel carrier", "pledge", "United States", purp="Stryker armoured personnel carriers")
L("more than $41.3 billion", 41.3 * B, "USD", "pledge", "United States", q="lower_bound", rec="Ukraine", purp="security assistance")
L("over 2 million rounds", 2 * M, "round", "delivery", "United States", q="lower_bound", purp="155mm artillery ammunition")
L("28,000 shells", 28 * K, "shell", "capacity", "United States", per="month", purp="shells")
L("about 100,000", 100 * K, "shell", "capacity", "United States", q="approx", per="month", purp="shells")

DOC("2024-09-26-zelensky-washington.txt")
L("$7.9 billion", 7.9 * B, "USD", "pledge", "United States", rec="Ukraine")
L("more than $8 billion", 8 * B, "USD", "pledge", "United States", q="lower_bound", rec="Ukraine", purp="military assistance")
L("$7.9 billion", 7.9 * B, "USD", "pledge", "United States")
L("$5.5 billion", 5.5 * B, "USD", "pledge", "United States", purp="presidential drawdown authority")
L("$2.4 billion", 2.4 * B, "USD", "pledge", "United States", purp="Ukraine Security Assistance Initiative")
L("$375 million", 375 * M, "USD", "pledge", "United States", purp="weapons")
L("18 more Ukrainian F-16 pilots", 18, "pilot", "count", "United States", per="year")

DOC("2025-05-15-czech-initiative-liveblog.txt")
L("1.5 million large-calibre rounds", 1.5 * M, "round", "delivery", "Czech initiative", per="year", rec="Ukraine", purp="large-calibre rounds")
L("some 1.8 million rounds", 1.8 * M, "round", "pledge", "Czech initiative", q="approx", per="year", purp="rounds")
L("more than 10 states", 10, "state", "count", "Czech initiative", q="lower_bound")
L("DKK 4.2 billion", 4.2 * B, "DKK", "pledge", "Denmark")
L("roughly €560 million", 560 * M, "EUR", "pledge", "Denmark", q="approx")
L("at least 600,000 FPV drones", 600 * K, "drone", "pledge", "Ukraine", q="lower_bound", per="month", purp="FPV drones")
L("about 150,000", 150 * K, "drone", "pledge", "Ukraine", q="approx", per="week", purp="FPV drones")
L("12 months", 12, "month", "other", "Rheinmetall")
L("several thousand", 1000, "shell", "capacity", "Rheinmetall", q="lower_bound", vague=True, per="month", purp="shells")

# documents that contain no claim at all (precision tests)
NO_CLAIMS = {"2024-06-04-events-calendar.txt"}

#@@MORE@@


# ---------------------------------------------------------------------------------------
VALID_Q = {"exact", "approx", "lower_bound", "upper_bound", "range"}
VALID_C = {"pledge", "capacity", "delivery", "count", "other"}
VALID_P = {None, "year", "month", "week", "day"}
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}


def check_and_write(uncovered=False):
    errors = []
    by_doc = {}
    for lab in LABELS:
        by_doc.setdefault(lab["doc"], []).append(lab)
        v = lab["value"]
        lab["value"] = int(v) if float(v).is_integer() else round(v, 6)
        if lab["value_high"] is not None:
            h = lab["value_high"]
            lab["value_high"] = int(h) if float(h).is_integer() else round(h, 6)
        u = lab["unit"]
        ok = (u == "%" or u in DURATIONS or u == "times" or (u.isupper() and len(u) == 3)
              or (u == u.lower() and re.fullmatch(r"[a-z][a-z -]*", u) is not None))
        if not ok:
            errors.append("bad unit %r in %s" % (u, lab["doc"]))
        if lab["qualifier"] not in VALID_Q or lab["category"] not in VALID_C or lab["period"] not in VALID_P:
            errors.append("bad enum in %s: %r" % (lab["doc"], lab))
        if (lab["qualifier"] == "range") != (lab["value_high"] is not None):
            errors.append("range/value_high mismatch in %s: %r" % (lab["doc"], lab["quote"]))
    docs = sorted(p.name for p in DEVSET.glob("*.txt"))
    for d in docs:
        if d not in by_doc and d not in globals().get("NO_CLAIMS", set()):
            errors.append("document without labels: %s" % d)
    for d, labs in by_doc.items():
        p = DEVSET / d
        if not p.exists():
            errors.append("labels for missing document %s" % d)
            continue
        text = p.read_text(encoding="utf-8")
        need = {}
        for lab in labs:
            need[lab["quote"]] = need.get(lab["quote"], 0) + 1
        for qt, n in need.items():
            have = text.count(qt)
            if have < n:
                errors.append("%s: quote %r occurs %d times, labelled %d" % (d, qt, have, n))
        if uncovered:
            covered = [False] * len(text)
            for qt in need:
                for m in re.finditer(re.escape(qt), text):
                    for i in range(m.start(), m.end()):
                        covered[i] = True
            pat = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"dozens?|hundreds|thousands|millions|several|half|twice|double|tenfold|"
                             r"twenty|thirty|forty|fifty|sixty|hundred)\b", re.I)
            for m in pat.finditer(text):
                if not covered[m.start()] and not re.fullmatch(r"(19|20)\d\d", m.group().rstrip(",.")):
                    ctx = text[max(0, m.start() - 25):m.end() + 25].replace("\n", " ")
                    print("  uncovered %-40s %-12r %r" % (d[:40], m.group(), ctx))
    if errors:
        print("\n".join(errors))
        return 1
    with open(DEVSET / "labels.jsonl", "w", encoding="utf-8") as f:
        for lab in LABELS:
            f.write(json.dumps(lab, ensure_ascii=False) + "\n")
    cats = {}
    for lab in LABELS:
        cats[lab["category"]] = cats.get(lab["category"], 0) + 1
    print("wrote %d labels for %d documents (%d .txt files); by category %s"
          % (len(LABELS), len(by_doc), len(docs), json.dumps(cats, sort_keys=True)))
    return 0


if __name__ == "__main__":
    sys.exit(check_and_write("--uncovered" in sys.argv))

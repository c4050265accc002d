#!/usr/bin/env python3
"""Source of the second probe set's gold labels (bench/probe2/labels.jsonl).

Six documents written after the first round of extractor fixes and labelled before the
extractor was run on them, as a check of how those fixes generalise (bench/probe was
tuned on). Same conventions as bench/make_probe_labels.py. Score with
`python3 bench/score_devset.py --devset bench/probe2`.

Usage: python3 bench/make_probe2_labels.py [--uncovered]
"""
import pathlib
import sys

import make_devset_labels as base

base.DEVSET = pathlib.Path(__file__).resolve().parent / "probe2"
base.LABELS = []
base.NO_CLAIMS = set()
DOC, L = base.DOC, base.L
M, B, K = 10**6, 10**9, 10**3

DOC("2025-02-18-storm-flooding.txt")
L("More than 40,000 homes", 40 * K, "home", "count", "Storm Bert", q="lower_bound")
L("82mph", 82, "mile per hour", "other", "Storm Bert")
L("up to 150mm", 150, "millimeter", "other", "Storm Bert", q="upper_bound")
L("48 hours", 48, "hour", "other", "Storm Bert")
L("96 flood warnings", 96, "warning", "count", "Environment Agency")
L("4.5 metres", 4.5, "meter", "other", "River Severn")
L("Around 1,300 people", 1300, "person", "count", "Shrewsbury", q="approx")
L("between £350m and £500m", 350 * M, "GBP", "other", "insurers", q="range", hi=500 * M)
L("180%", 180, "%", "other", "Met Office")
L("62-year-old", 62, "year", "other", "man")

DOC("2025-06-11-tech-earnings.txt")
L("$7.4 billion", 7.4 * B, "USD", "other", "chipmaker")
L("2%", 2, "%", "other", "chipmaker")
L("$7.1 billion", 7.1 * B, "USD", "other", "analysts")
L("9%", 9, "%", "other", "chipmaker")
L("57%", 57, "%", "other", "chipmaker")
L("$3.9 billion", 3.9 * B, "USD", "other", "chipmaker")
L("54.5%", 54.5, "%", "other", "chipmaker")
L("more than 1.2 million accelerators", 1.2 * M, "accelerator", "delivery", "chipmaker", q="lower_bound")
L("about $2 billion", 2 * B, "USD", "pledge", "chipmaker", q="approx")
L("20,000 wafers", 20 * K, "wafer", "capacity", "chipmaker", per="month")
L("1,500 people", 1500, "person", "count", "chipmaker")
L("about 26,000 employees", 26 * K, "employee", "count", "chipmaker", q="approx")
L("roughly tripled", 3, "times", "other", "chipmaker", q="approx")
L("$480 billion", 480 * B, "USD", "other", "chipmaker")

DOC("2025-08-04-cycling-tour.txt")
L("4 minutes", 4, "minute", "other", "Tadej Pogacar")
L("24 seconds", 24, "second", "other", "Tadej Pogacar")
L("3,338 km", 3338, "kilometer", "other", "Tour de France")
L("21 stages", 21, "stage", "count", "Tour de France")
L("26-year-old", 26, "year", "other", "Tadej Pogacar")
L("five stage wins", 5, "win", "count", "Tadej Pogacar")
L("16 days", 16, "day", "other", "Tadej Pogacar")
L("13.8-km", 13.8, "kilometer", "other", "Col de la Loze")
L("22 km/h", 22, "kilometer per hour", "other", "Tadej Pogacar")
L("About 12 million spectators", 12 * M, "spectator", "count", "organisers", q="approx")
L("€500,000", 500 * K, "EUR", "other", "Tour de France")
L("€2.3 million", 2.3 * M, "EUR", "other", "Tour de France")
L("28", 28, "year", "other", "Vingegaard")

DOC("2025-04-29-ammunition-ministry.txt")
L("100,000 drones", 100 * K, "drone", "pledge", "United Kingdom", rec="Ukraine", per="year", purp="drones")
L("100,000 drones", 100 * K, "drone", "pledge", "United Kingdom", rec="Ukraine", per="year", purp="drones")
L("tenfold", 10, "times", "other", "United Kingdom")
L("£350 million", 350 * M, "GBP", "pledge", "United Kingdom", purp="drones")
L("£4.5 billion", 4.5 * B, "GBP", "pledge", "United Kingdom", per="year", purp="military support")
L("5,000 lightweight multirole missiles", 5000, "missile", "capacity", "United Kingdom", purp="lightweight multirole missiles")
L("£1.6 billion", 1.6 * B, "GBP", "pledge", "United Kingdom", purp="contract")
L("£13 billion", 13 * B, "GBP", "pledge", "United Kingdom", purp="military aid")
L("more than 51,000 Ukrainian recruits", 51 * K, "recruit", "count", "United Kingdom", q="lower_bound")
L("£3 billion", 3 * B, "GBP", "pledge", "United Kingdom", per="year")

DOC("2025-09-30-naval-order-analysis.txt")
L("five Type 26 frigates", 5, "frigate", "pledge", "Norway", purp="Type 26 frigates")
L("about £10 billion", 10 * B, "GBP", "pledge", "Norway", q="approx", purp="Type 26 frigates")
L("nine vessels", 9, "vessel", "pledge", "Denmark", purp="vessels")
L("DKK 40 billion", 40 * B, "DKK", "pledge", "Denmark")
L("5", 5, "frigate", "pledge", "Norway")
L("£10bn", 10 * B, "GBP", "pledge", "Norway", q="approx")
L("118", 118, "crew member", "count", "Type 26")
L("some 6,900 tonnes", 6900, "ton", "other", "Type 26", q="approx")
L("149.9 metres", 149.9, "meter", "other", "Type 26")
L("24 Mk 41 vertical launch cells", 24, "cell", "other", "Type 26")
L("four additional Type 212CD submarines", 4, "submarine", "pledge", "Germany", purp="Type 212CD submarines")
L("six", 6, "submarine", "pledge", "Germany")
L("€4.7 billion", 4.7 * B, "EUR", "pledge", "Germany")
L("11.7%", 11.7, "%", "other", "IISS")

DOC("2025-11-12-liveblog-kyiv.txt")
L("430 drones", 430, "drone", "other", "Russia")
L("18 missiles", 18, "missile", "other", "Russia")
L("At least four people", 4, "person", "other", "Kyiv", q="lower_bound")
L("€250m", 250 * M, "EUR", "pledge", "Netherlands", rec="Ukraine", purp="drone production")
L("€3.5bn", 3.5 * B, "EUR", "pledge", "Netherlands", per="year", purp="military aid")
L("about €90m", 90 * M, "EUR", "pledge", "Finland", q="approx")
L("€3.3bn", 3.3 * B, "EUR", "pledge", "Finland", rec="Ukraine", purp="military aid")

if __name__ == "__main__":
    sys.exit(base.check_and_write("--uncovered" in sys.argv))

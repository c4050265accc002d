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
L("800,000 shells", 800 * K, "shell", "pledge", "Czech initiative", rec="Ukraine", purp="artillery shells")
L("500,000 rounds", 500 * K, "round", "pledge", "Czech initiative", rec="Ukraine", purp="155mm rounds")
L("300,000", 300 * K, "round", "pledge", "Czech initiative", rec="Ukraine", purp="122mm rounds")
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
L("UAH 43.5 billion", 43.5 * B, "UAH", "pledge", "Ukraine", per="year", purp="purchase of drones")
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
L("24 jets", 24, "jet", "pledge", "Netherlands", rec="Ukraine", purp="F-16 jets")
L("19", 19, "jet", "pledge", "Denmark", rec="Ukraine", purp="F-16 jets")
L("four more Patriot batteries", 4, "battery", "pledge", "United States", rec="Ukraine", purp="Patriot batteries")
L("one SAMP/T system", 1, "system", "pledge", "Italy", rec="Ukraine", purp="SAMP/T system")
L("five strategic air-defence systems", 5, "system", "pledge", "NATO", rec="Ukraine", purp="strategic air-defence systems")
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
L("1,500 artillery rockets", 1500, "rocket", "delivery", "Germany", rec="Ukraine", purp="artillery rockets")
L("almost 60 Leopard 1A5 battle tanks", 60, "tank", "delivery", "Germany", q="approx", rec="Ukraine", purp="Leopard 1A5 battle tanks")

DOC("2024-04-24-us-supplemental-wire.txt")
L("$95 billion", 95 * B, "USD", "pledge", "United States", purp="foreign aid")
L("$95 billion", 95 * B, "USD", "pledge", "United States", purp="wartime aid")
L("$61 billion", 61 * B, "USD", "pledge", "United States", rec="Ukraine")
L("$1 billion", 1 * B, "USD", "pledge", "United States", rec="Ukraine", purp="military package")
L("$13.8 billion", 13.8 * B, "USD", "pledge", "United States", rec="Ukraine", purp="buy weapons from U.S. industry")
L("about $23 billion", 23 * B, "USD", "pledge", "United States", q="approx", purp="replenish American stocks")
L("about $9 billion", 9 * B, "USD", "pledge", "United States", q="approx", purp="economic aid")
L("up to five times", 5, "times", "other", "Russia", q="upper_bound")
L("Around 100 of the missiles", 100, "missile", "delivery", "United States", q="approx", rec="Ukraine", purp="ATACMS missiles")
L("$300 million", 300 * M, "USD", "pledge", "United States", rec="Ukraine")

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
L("60 howitzers", 60, "howitzer", "pledge", "Germany", rec="Ukraine", purp="howitzers")
L("four more IRIS-T systems", 4, "system", "pledge", "Germany", rec="Ukraine", purp="IRIS-T systems")
L("about €3 billion", 3 * B, "EUR", "pledge", "Germany", q="approx", rec="Ukraine")

DOC("2024-09-20-uk-support-short.txt")
L("£3bn", 3 * B, "GBP", "pledge", "United Kingdom", per="year", rec="Ukraine", purp="military support")
L("£3 billion", 3 * B, "GBP", "pledge", "United Kingdom", per="year", rec="Ukraine", purp="military support")
L("£12.8bn", 12.8 * B, "GBP", "pledge", "United Kingdom", rec="Ukraine", purp="military aid")
L("more than 42,000 Ukrainian recruits", 42 * K, "recruit", "count", "United Kingdom", q="lower_bound")
L("650 lightweight multirole missiles", 650, "missile", "pledge", "United Kingdom", rec="Ukraine", purp="lightweight multirole missiles")
L("£162m", 162 * M, "GBP", "pledge", "United Kingdom", rec="Ukraine", purp="lightweight multirole missiles")
L("$215 million", 215 * M, "USD", "pledge", "United Kingdom", rec="Ukraine", purp="lightweight multirole missiles")
L("10,000 drones", 10 * K, "drone", "pledge", "United Kingdom", rec="Ukraine", purp="drones")
L("£300 million", 300 * M, "GBP", "pledge", "United Kingdom", rec="Ukraine", purp="drone package")

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
        if d not in by_doc:
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

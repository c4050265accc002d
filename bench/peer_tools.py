#!/usr/bin/env python3
"""Run a peer quantity extractor (quantulum3 or Microsoft Recognizers-Text) over texts and
write predictions in the peer-suite format, units mapped to CLAIMS.md units.

Runs inside bench/.venv-peers (created by bench/score_peers.py), not the project venv.

Usage:
    python peer_tools.py --tool quantulum3|recognizers (--suite SUITE.jsonl | --docs DIR)
                         --out PRED.jsonl [--mode auto|all|number|currency|percent|age]

--suite: one case a line with "id", "text" (and "scope"); --docs: every *.txt in DIR, the
file name is the id.  Output: one line a case, {"id": ..., "claims": [{"value",
"value_high", "unit", "quote", "start", "end"}]}.  The last line on stdout is a JSON object
{"texts", "chars", "seconds"}: seconds is the time spent inside the tool's parse calls
only (model loading excluded).

Recognizers-Text's Python port (recognizers-text-suite 1.0.2a2) has no number-range model,
so ranges are never produced by it.  --mode auto (default) uses the recogniser that fits a
case's scope (money -> currency, percent -> percentage, duration -> age, range -> number,
all -> every recogniser merged, numbers covered by a currency/percent/age span dropped).
"""
import argparse
import json
import pathlib
import re
import sys
import time
import warnings

warnings.filterwarnings("ignore")

DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}


# ------------------------------------------------------------------ quantulum3
def quantulum_claims(parser, text):
    out = []
    for q in parser.parse(text):
        u = q.unit
        name = (u.name or "").lower()
        value = float(q.value)
        code = getattr(u, "currency_code", None)
        unit = None
        if code:
            unit = code
        elif name == "dimensionless":
            unit = ""
        elif name in ("dollar", "dollar per hour", "dollar per kilogram") or name.startswith("dollar"):
            unit = "USD"
        elif name.startswith("euro"):
            unit = "EUR"
        elif name.startswith("pound sterling"):
            unit = "GBP"
        elif name == "cent":
            unit, value = "USD", value * 0.01
        elif name == "dime":
            unit, value = "USD", value * 0.1
        elif name == "percentage":
            unit = "%"
        elif name in DURATIONS:
            unit = name
        elif name == "count per week":
            unit = "time"
        elif name in ("dozen", "baker's dozen", "gross"):
            unit, value = "", value * {"dozen": 12, "baker's dozen": 13, "gross": 144}[name]
        else:
            unit = name  # physical and other units, kept by their English name
        low, high = value, None
        unc = getattr(q, "uncertainty", None)
        if unc and "±" not in q.surface and "+/-" not in q.surface:
            low, high = value - unc, value + unc
        start, end = q.span
        out.append({"value": low, "value_high": high, "unit": unit,
                    "quote": q.surface, "start": start, "end": end})
    return out


# ------------------------------------------------------------------ Recognizers-Text
CURRENCY_NAMES = {"dollar": ("USD", 1), "united states dollar": ("USD", 1), "euro": ("EUR", 1),
                  "pound": ("GBP", 1), "british pound": ("GBP", 1), "cent": ("USD", 0.01),
                  "pence": ("GBP", 0.01), "penny": ("GBP", 0.01), "yen": ("JPY", 1),
                  "japanese yen": ("JPY", 1), "swiss franc": ("CHF", 1), "rupee": ("INR", 1),
                  "finnish markka": ("FIM", 1), "peseta": ("ESP", 1),
                  "netherlands guilder": ("NLG", 1)}


def _num(s):
    if s is None:
        return None
    try:
        return float(str(s).replace(",", "").rstrip("%").strip())
    except ValueError:
        return None


class Recognizers:
    def __init__(self):
        import recognizers_suite as rs
        self.rs = rs
        self.culture = rs.Culture.English

    def number(self, text):
        out = []
        for r in self.rs.recognize_number(text, self.culture):
            v = _num((r.resolution or {}).get("value"))
            if v is not None:
                out.append(self._claim(v, "", r))
        return out

    def currency(self, text):
        out = []
        for r in self.rs.recognize_currency(text, self.culture):
            res = r.resolution or {}
            v = _num(res.get("value"))
            if v is None:
                continue
            code = res.get("isoCurrency")
            factor = 1
            if not code:
                code, factor = CURRENCY_NAMES.get(str(res.get("unit", "")).lower(), (None, 1))
            if not code:
                continue  # no ISO code can be given (e.g. a bare "franc", bitcoin)
            out.append(self._claim(v * factor, code, r))
        return out

    def percent(self, text):
        out = []
        for r in self.rs.recognize_percentage(text, self.culture):
            v = _num((r.resolution or {}).get("value"))
            if v is not None:
                out.append(self._claim(v, "%", r))
        return out

    def age(self, text):
        out = []
        for r in self.rs.recognize_age(text, self.culture):
            res = r.resolution or {}
            v = _num(res.get("value"))
            unit = str(res.get("unit", "")).lower()
            unit = {"age": "year"}.get(unit, unit)
            if v is not None and unit:
                out.append(self._claim(v, unit, r))
        return out

    @staticmethod
    def _claim(v, unit, r):
        return {"value": v, "value_high": None, "unit": unit, "quote": r.text,
                "start": r.start, "end": r.end + 1}

    def all(self, text):
        typed = self.currency(text) + self.percent(text) + self.age(text)
        spans = [(c["start"], c["end"]) for c in typed]
        nums = [c for c in self.number(text)
                if not any(c["start"] < e and s < c["end"] for s, e in spans)]
        return sorted(typed + nums, key=lambda c: c["start"])

    def run(self, text, mode):
        return {"number": self.number, "currency": self.currency, "percent": self.percent,
                "age": self.age, "all": self.all}[mode](text)


SCOPE_MODE = {"money": "currency", "percent": "percent", "duration": "age", "range": "number", "all": "all"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", required=True, choices=["quantulum3", "recognizers"])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--suite", help="peer suite jsonl (id, text, scope)")
    src.add_argument("--docs", help="folder of .txt documents")
    ap.add_argument("--out", required=True)
    ap.add_argument("--mode", default="auto", choices=["auto", "all", "number", "currency", "percent", "age"],
                    help="Recognizers-Text recogniser(s) to use; auto picks by the case's scope")
    a = ap.parse_args(argv)

    cases = []
    if a.suite:
        for line in open(a.suite, encoding="utf-8"):
            if line.strip():
                c = json.loads(line)
                cases.append((str(c["id"]), c.get("text", ""), c.get("scope") or "all"))
    else:
        for p in sorted(pathlib.Path(a.docs).glob("*.txt")):
            cases.append((p.name, p.read_text(encoding="utf-8"), "all"))

    if a.tool == "quantulum3":
        from quantulum3 import parser as qparser
        qparser.parse("warm-up: 3 drones")  # loads the classifier outside the timing

        def run(text, scope):
            return quantulum_claims(qparser, text)
    else:
        rec = Recognizers()
        rec.all("warm-up: $3 and 4% and 5 years")

        def run(text, scope):
            mode = SCOPE_MODE.get(scope, "all") if a.mode == "auto" else a.mode
            return rec.run(text, mode)

    seconds = 0.0
    chars = 0
    failures = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for cid, text, scope in cases:
            t0 = time.perf_counter()
            try:
                claims = run(text, scope)
            except Exception as ex:  # a peer crashing on one text scores as no claims there
                claims = []
                failures += 1
                print("peer_tools: %s failed on %s: %s" % (a.tool, cid, ex), file=sys.stderr)
            seconds += time.perf_counter() - t0
            chars += len(text)
            f.write(json.dumps({"id": cid, "claims": claims}, ensure_ascii=False) + "\n")
    print(json.dumps({"texts": len(cases), "chars": chars, "seconds": round(seconds, 4),
                      "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Score the project's extractor on the hand-labelled development set (bench/devset).

Usage (from the project root):
    python3 bench/score_devset.py [--python .venv/bin/python] [--show N] [--peers]
                                  [--predictions FILE] [--json-out FILE]

Runs `<python> run_pipeline.py extract bench/devset --json` (or reads --predictions, a
file holding that command's JSON output: {"claims": [...], "errors": [...]}), matches the
predicted claims to the gold claims of bench/devset/labels.jsonl document by document and
prints

  * value+unit precision / recall / F1: a predicted claim matches a gold one when the
    values agree within 0.5 % (and so do the value_highs; a range never matches a single
    value) and the units agree (ISO codes for money, a simple singular lemma for nouns, as
    in ../shared/peer/score.py); one-to-one, maximising the number of matches and, among
    equally many, preferring pairs whose quotes overlap in the text;
  * on the matched pairs, the accuracy of qualifier, category, subject (case-insensitive,
    a few country aliases), period, vague, recipient, purpose (loose: a shared content
    word, or both empty) and quote (exact characters);
  * recall per gold category.

The last lines are `devset <figure> <number>`, one per figure, for scripts to read.
With --show N it prints up to N misses and N extras. With --peers it also runs
quantulum3 and Recognizers-Text (bench/peer_tools.py in bench/.venv-peers, created by
bench/score_peers.py) on the same documents and prints their value+unit scores.

Standard library only.  Exit status 0 when scoring ran, 2 when it could not.
"""
import argparse
import json
import math
import os
import pathlib
import re
import subprocess
import sys
import time

BENCH = pathlib.Path(__file__).resolve().parent
ROOT = BENCH.parent
DEVSET = BENCH / "devset"
PEER_DIR = (ROOT / ".." / "shared" / "peer").resolve()

# ---------------------------------------------------------------- unit comparison
# The peer scorer's unit rule is reused when ../shared/peer/score.py is there; the small
# fallback below follows the same rule (ISO codes exact, % spellings, singular lemma,
# subset match of multi-word units).
try:
    sys.path.insert(0, str(PEER_DIR))
    import score as _peer_score  # type: ignore
    unit_match = _peer_score.unit_match
    sys.path.pop(0)
except Exception:  # pragma: no cover - only without ../shared/peer
    _peer_score = None
    _IRREG = {"people": "person", "men": "man", "women": "woman", "children": "child",
              "staff": "staff", "series": "series"}

    def _lemma(w):
        if w in _IRREG:
            return _IRREG[w]
        if len(w) > 4 and w.endswith("ies"):
            return w[:-3] + "y"
        if len(w) > 3 and w.endswith(("ches", "shes", "sses", "xes")):
            return w[:-2]
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return w[:-1]
        return w

    def _norm(u):
        u = " ".join(str(u or "").split())
        if re.fullmatch(r"[A-Z]{3}", u):
            return u
        low = u.lower()
        if low in ("%", "percent", "per cent", "percentage", "pct"):
            return "%"
        return " ".join(_lemma(w) for w in low.replace("-", " ").split())

    def unit_match(pred_unit, exp_unit, alt_units=()):
        if (exp_unit or "") == "":
            return True
        p, e = _norm(pred_unit), _norm(exp_unit)
        if not p:
            return False
        if p == e:
            return True
        if p.isupper() or e.isupper() or "%" in (p, e):
            return False
        pw, ew = set(p.split()), set(e.split())
        return bool(pw) and bool(ew) and (pw <= ew or ew <= pw)


def as_number(x):
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x) if math.isfinite(float(x)) else None
    if isinstance(x, str):
        try:
            v = float(x.replace(",", "").strip())
            return v if math.isfinite(v) else None
        except ValueError:
            return None
    return None


def close(a, b, tol):
    return abs(a - b) <= tol * max(abs(a), abs(b)) + 1e-12


def high_of(c):
    v, h = as_number(c.get("value")), as_number(c.get("value_high"))
    if h is None or v is None or close(h, v, 1e-12):
        return None
    return h


def compatible(p, g, tol):
    pv, gv = as_number(p.get("value")), as_number(g.get("value"))
    if pv is None or gv is None or not close(pv, gv, tol):
        return False
    ph, gh = high_of(p), high_of(g)
    if (ph is None) != (gh is None):
        return False
    if ph is not None and not close(ph, gh, tol):
        return False
    return unit_match(p.get("unit"), g.get("unit"))


# ---------------------------------------------------------------- assignment
def min_cost_assignment(cost):
    """Hungarian algorithm on an n x m matrix (n <= m after padding); returns row->col."""
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n == 0 or m == 0:
        return {}
    transpose = n > m
    if transpose:
        cost = [list(col) for col in zip(*cost)]
        n, m = m, n
    INF = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], INF, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    res = {}
    for j in range(1, m + 1):
        if p[j]:
            if transpose:
                res[j - 1] = p[j] - 1
            else:
                res[p[j] - 1] = j - 1
    return res


NO_EDGE = 1000.0


def match_doc(preds, golds, text, tol):
    """Returns list of (pred_index, gold_index) pairs."""
    if not preds or not golds:
        return []
    # gold spans: the k-th label of a quote is taken at the k-th occurrence of the quote
    seen = {}
    gspans = []
    for g in golds:
        q = g["quote"]
        k = seen.get(q, 0)
        seen[q] = k + 1
        starts = [m.start() for m in re.finditer(re.escape(q), text)] if q else []
        s = starts[k] if k < len(starts) else (starts[-1] if starts else None)
        gspans.append((s, s + len(q)) if s is not None else None)

    def overlap(p, j):
        ps, pe = p.get("start"), p.get("end")
        gs = gspans[j]
        if isinstance(ps, int) and isinstance(pe, int) and gs:
            return ps < gs[1] and gs[0] < pe
        pq, gq = (p.get("quote") or "").strip(), golds[j]["quote"].strip()
        return bool(pq) and (pq in gq or gq in pq)

    cost = []
    for p in preds:
        row = []
        for j, g in enumerate(golds):
            if compatible(p, g, tol):
                row.append(0.0 if overlap(p, j) else 1.0)
            else:
                row.append(NO_EDGE)
        cost.append(row)
    assign = min_cost_assignment(cost)
    return [(i, j) for i, j in assign.items() if cost[i][j] < NO_EDGE]


# ---------------------------------------------------------------- attribute checks
ALIASES = {
    "us": "united states", "u.s.": "united states", "usa": "united states", "u.s.a.": "united states",
    "united states of america": "united states", "america": "united states", "washington": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "london": "united kingdom",
    "european union": "eu", "the eu": "eu", "kyiv": "ukraine", "berlin": "germany",
}
STOP = {"the", "a", "an", "of", "for", "and", "to", "in", "on", "with", "from", "by", "its", "their"}


def norm_name(s):
    if s is None:
        return ""
    s = " ".join(str(s).lower().replace("\u2019", "'").split())
    s = re.sub(r"^the ", "", s)
    return ALIASES.get(s, s)


def words(s):
    out = set()
    for w in re.findall(r"[a-z0-9]+", str(s or "").lower()):
        if w in STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def purpose_ok(p, g):
    pw, gw = words(p), words(g)
    if not pw and not gw:
        return True
    return bool(pw & gw)


def name_ok(p, g):
    return norm_name(p) == norm_name(g)


def plain_ok(p, g):
    return (p or None) == (g or None)


ATTRS = [
    ("qualifier", lambda p, g: plain_ok(p.get("qualifier") or "exact", g.get("qualifier") or "exact")),
    ("category", lambda p, g: plain_ok(p.get("category"), g.get("category"))),
    ("subject", lambda p, g: name_ok(p.get("subject"), g.get("subject"))),
    ("period", lambda p, g: plain_ok(p.get("period"), g.get("period"))),
    ("vague", lambda p, g: bool(p.get("vague")) == bool(g.get("vague"))),
    ("recipient", lambda p, g: name_ok(p.get("recipient"), g.get("recipient"))),
    ("purpose", lambda p, g: purpose_ok(p.get("purpose"), g.get("purpose"))),
    ("quote", lambda p, g: (p.get("quote") or "") == g.get("quote")),
]


# ---------------------------------------------------------------- io
def load_gold(devset):
    gold = {}
    path = devset / "labels.jsonl"
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                g = json.loads(line)
                gold.setdefault(g["doc"], []).append(g)
    return gold


def run_cli(python, devset):
    cmd = [python, "run_pipeline.py", "extract", str(devset), "--json"]
    t0 = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    secs = time.time() - t0
    if r.returncode not in (0, 1):
        raise RuntimeError("extract exited %d: %s" % (r.returncode, r.stderr.strip()[-600:]))
    try:
        data = json.loads(r.stdout)
    except json.JSONDecodeError as ex:
        raise RuntimeError("extract printed no JSON (%s): %s" % (ex, r.stdout[:300]))
    return data, secs


def claims_by_doc(data):
    claims = data.get("claims", []) if isinstance(data, dict) else data
    by = {}
    for c in claims:
        by.setdefault(pathlib.Path(str(c.get("source", ""))).name, []).append(c)
    return by


def score(gold, preds_by_doc, texts, tol=0.005, show=0, attrs=True):
    tp = fp = fn = 0
    att = {name: [0, 0] for name, _ in ATTRS}
    cat_recall = {}
    misses, extras = [], []
    for doc in sorted(set(gold) | set(texts)):
        golds = gold.get(doc, [])
        preds = preds_by_doc.get(doc, [])
        pairs = match_doc(preds, golds, texts.get(doc, ""), tol)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        tp += len(pairs)
        fp += len(preds) - len(mp)
        fn += len(golds) - len(mg)
        for j, g in enumerate(golds):
            cr = cat_recall.setdefault(g["category"], [0, 0])
            cr[1] += 1
            if j in mg:
                cr[0] += 1
            elif len(misses) < show:
                misses.append({"miss": {"doc": doc, "quote": g["quote"], "value": g["value"],
                                        "value_high": g["value_high"], "unit": g["unit"]}})
        for i, p in enumerate(preds):
            if i not in mp and len(extras) < show:
                extras.append({"extra": {"doc": doc, "quote": p.get("quote"), "value": p.get("value"),
                                         "value_high": p.get("value_high"), "unit": p.get("unit")}})
        if attrs:
            for i, j in pairs:
                for name, ok in ATTRS:
                    att[name][1] += 1
                    if ok(preds[i], golds[j]):
                        att[name][0] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    res = {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
           "gold": tp + fn, "predicted": tp + fp,
           "recall_by_category": {k: v[0] / v[1] for k, v in sorted(cat_recall.items())}}
    if attrs:
        res["attributes"] = {k: (v[0] / v[1] if v[1] else None) for k, v in att.items()}
        res["attribute_counts"] = att
    return res, misses, extras


def attribute_errors(gold, preds_by_doc, texts, tol, show):
    """Up to `show` matched pairs per attribute whose attribute disagrees."""
    out = {name: [] for name, _ in ATTRS if name != "quote"}
    for doc in sorted(gold):
        golds, preds = gold[doc], preds_by_doc.get(doc, [])
        for i, j in match_doc(preds, golds, texts.get(doc, ""), tol):
            for name, ok in ATTRS:
                if name in out and len(out[name]) < show and not ok(preds[i], golds[j]):
                    out[name].append({"doc": doc, "quote": golds[j]["quote"],
                                      "gold": golds[j].get(name), "predicted": preds[i].get(name)})
    return out


def peer_predictions(tool, devset, show_errors=True):
    py = BENCH / ".venv-peers" / "bin" / "python"
    if not py.exists():
        return None, "peer venv %s missing: run bench/score_peers.py once to create it" % py
    out = BENCH / "out" / ("devset-%s.jsonl" % tool)
    out.parent.mkdir(exist_ok=True)
    cmd = [str(py), str(BENCH / "peer_tools.py"), "--tool", tool, "--docs", str(devset), "--out", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return None, "peer_tools.py %s failed: %s" % (tool, r.stderr.strip()[-400:])
    by = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                by[row["id"]] = row["claims"]
    return by, None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_py = ROOT / ".venv" / "bin" / "python"
    ap.add_argument("--python", default=str(default_py) if default_py.exists() else sys.executable,
                    help="the project's python (default .venv/bin/python)")
    ap.add_argument("--devset", default=str(DEVSET))
    ap.add_argument("--predictions", help="read this JSON (the CLI's --json output) instead of running the CLI")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print up to N misses, extras and attribute errors")
    ap.add_argument("--peers", action="store_true", help="also score quantulum3 and Recognizers-Text on the devset")
    ap.add_argument("--tolerance", type=float, default=0.005)
    ap.add_argument("--json-out", help="write the full result as JSON here")
    a = ap.parse_args(argv)

    devset = pathlib.Path(a.devset).resolve()
    try:
        gold = load_gold(devset)
    except (OSError, json.JSONDecodeError, KeyError) as ex:
        print("score_devset: cannot read gold labels: %s" % ex, file=sys.stderr)
        return 2
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(devset.glob("*.txt"))}
    chars = sum(len(t) for t in texts.values())

    secs = None
    try:
        if a.predictions:
            with open(a.predictions, encoding="utf-8") as f:
                data = json.load(f)
        else:
            data, secs = run_cli(a.python, devset)
    except (RuntimeError, OSError, json.JSONDecodeError) as ex:
        print("score_devset: %s" % ex, file=sys.stderr)
        return 2
    errors = data.get("errors", []) if isinstance(data, dict) else []
    by = claims_by_doc(data)
    res, misses, extras = score(gold, by, texts, a.tolerance, a.show)
    res["errors"] = len(errors)
    res["documents"] = len(texts)
    if secs:
        res["chars_per_second"] = chars / secs

    print("devset: %d documents, %d gold claims, %d predicted, %d extractor issues"
          % (len(texts), res["gold"], res["predicted"], len(errors)))
    print("value+unit  P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)"
          % (res["precision"], res["recall"], res["f1"], res["tp"], res["fp"], res["fn"]))
    print("recall by category: " + ", ".join("%s %.3f" % kv for kv in res["recall_by_category"].items()))
    print("on %d matched claims:" % res["tp"])
    for name, acc in res["attributes"].items():
        c = res["attribute_counts"][name]
        print("  %-10s %s  (%d/%d)" % (name, "%.3f" % acc if acc is not None else "  -  ", c[0], c[1]))
    if a.show:
        for row in misses + extras:
            print(json.dumps(row, ensure_ascii=False))
        for name, rows in attribute_errors(gold, by, texts, a.tolerance, a.show).items():
            for row in rows:
                print(json.dumps({"wrong_" + name: row}, ensure_ascii=False))

    peer_res = {}
    if a.peers:
        for tool in ("quantulum3", "recognizers"):
            t0 = time.time()
            pby, err = peer_predictions(tool, devset)
            if err:
                print("peer %s: %s" % (tool, err))
                continue
            pr, pm, pe = score(gold, pby, texts, a.tolerance, 0, attrs=False)
            pr["chars_per_second"] = chars / max(time.time() - t0, 1e-9)
            peer_res[tool] = pr
            print("peer %-12s value+unit  P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)"
                  % (tool, pr["precision"], pr["recall"], pr["f1"], pr["tp"], pr["fp"], pr["fn"]))

    # machine-readable summary: one figure a line
    print("devset documents %d" % len(texts))
    print("devset gold_claims %d" % res["gold"])
    print("devset predicted_claims %d" % res["predicted"])
    print("devset value_unit_precision %.3f" % res["precision"])
    print("devset value_unit_recall %.3f" % res["recall"])
    print("devset value_unit_f1 %.3f" % res["f1"])
    for name, acc in res["attributes"].items():
        print("devset %s_accuracy %s" % (name, "%.3f" % acc if acc is not None else "nan"))
    for cat, r in res["recall_by_category"].items():
        print("devset recall_%s %.3f" % (cat, r))
    if secs:
        print("devset chars_per_second %.0f" % res["chars_per_second"])
    for tool, pr in peer_res.items():
        print("devset %s_value_unit_f1 %.3f" % (tool, pr["f1"]))
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump({"project": res, "peers": peer_res}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

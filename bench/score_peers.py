#!/usr/bin/env python3
"""Score the project's extractor and two peer tools on every peer suite in ../shared/peer.

Usage (from the project root):
    python3 bench/score_peers.py [--python .venv/bin/python] [--suite NAME ...]
                                 [--tool project|quantulum3|recognizers ...] [--show N]

(a) the project's extractor, through ../shared/peer/score_project.py (which runs
    `run_pipeline.py extract DIR --json` once over all cases and scores each suite);
(b) quantulum3 and (c) Microsoft Recognizers-Text, run by bench/peer_tools.py inside the
    separate venv bench/.venv-peers (created here when missing, with pins that work on
    this machine), each on the same cases, scored with ../shared/peer/score.py.

Prints a table suite x tool -> P / R / F1, the mean F1 per tool, and characters per
second per tool on the same texts: for the peers both the time inside their parse calls
(models already loaded) and the wall time of the whole run (process start and model
loading included); for the project the wall time of score_project.py's run (process
start, extraction of every suite's cases and scoring), which is a lower bound of its
speed.  The last lines are `peers <suite> <tool> f1 <number>` for scripts.

Standard library only.  Exit status 0 when it ran (whatever the scores), 2 when the peer
venv could not be created.
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import time

BENCH = pathlib.Path(__file__).resolve().parent
ROOT = BENCH.parent
PEER_DIR = (ROOT / ".." / "shared" / "peer").resolve()
VENV = BENCH / ".venv-peers"
VENV_PY = VENV / "bin" / "python"
# pins that install and import here (newer emoji breaks recognizers-text-suite's import)
PEER_PINS = ["quantulum3[classifier]==0.10.0", "scikit-learn==1.8.0",
             "recognizers-text-suite==1.0.2a2", "emoji==0.5.4"]
PEER_TOOLS = ["quantulum3", "recognizers"]


def ensure_venv(log):
    if VENV_PY.exists():
        return True
    log("creating %s with %s" % (VENV, " ".join(PEER_PINS)))
    r = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True)
    if r.returncode != 0:
        log("venv creation failed: %s" % r.stderr.strip()[-400:])
        return False
    r = subprocess.run([str(VENV_PY), "-m", "pip", "install", "-q"] + PEER_PINS,
                       capture_output=True, text=True)
    if r.returncode != 0:
        log("pip install failed: %s" % r.stderr.strip()[-600:])
        return False
    return True


def score_with_peer_scorer(suite, pred, show):
    cmd = [sys.executable, str(PEER_DIR / "score.py"), str(suite), str(pred)]
    if show:
        cmd += ["--show", str(show)]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()
    if not out:
        return None, []
    return json.loads(out[0]), out[1:]


def run_peer(tool, suite, show):
    outdir = BENCH / "out"
    outdir.mkdir(exist_ok=True)
    pred = outdir / ("%s.%s.pred.jsonl" % (suite.stem, tool))
    t0 = time.time()
    r = subprocess.run([str(VENV_PY), str(BENCH / "peer_tools.py"), "--tool", tool,
                        "--suite", str(suite), "--out", str(pred)], capture_output=True, text=True)
    wall = time.time() - t0
    if r.returncode != 0:
        return None, {"error": r.stderr.strip()[-300:]}, []
    timing = json.loads(r.stdout.strip().splitlines()[-1])
    timing["wall"] = wall
    res, extra = score_with_peer_scorer(suite, pred, show)
    return res, timing, extra


LINE = re.compile(r"^(\S+)\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)")


def run_project(python, suites, show):
    cmd = [sys.executable, str(PEER_DIR / "score_project.py"), "--python", python]
    for s in suites:
        cmd += ["--suite", s.stem]
    if show:
        cmd += ["--show", str(show)]
    t0 = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    wall = time.time() - t0
    res, extra = {}, []
    for line in r.stdout.splitlines():
        m = LINE.match(line)
        if m:
            res[m.group(1)] = {"precision": float(m.group(2)), "recall": float(m.group(3)),
                               "f1": float(m.group(4))}
        elif line.startswith("    "):
            extra.append(line.strip())
    if not res:
        return None, wall, (r.stdout + r.stderr).strip()[-400:], []
    return res, wall, None, extra


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_py = ROOT / ".venv" / "bin" / "python"
    ap.add_argument("--python", default=str(default_py) if default_py.exists() else sys.executable,
                    help="the project's python (default .venv/bin/python)")
    ap.add_argument("--suite", action="append", help="suite file stem, e.g. recognizers-currency")
    ap.add_argument("--tool", action="append", choices=["project"] + PEER_TOOLS)
    ap.add_argument("--show", type=int, default=0, help="print up to N misses and extras per suite and tool")
    ap.add_argument("--json-out", help="write all results as JSON here")
    a = ap.parse_args(argv)

    if not PEER_DIR.is_dir() or not (PEER_DIR / "score.py").exists():
        print("score_peers: no peer suites at %s - skipped" % PEER_DIR)
        return 0
    suites = [p for p in sorted(PEER_DIR.glob("*.jsonl")) if not a.suite or p.stem in a.suite]
    if not suites:
        print("score_peers: no matching suite in %s - skipped" % PEER_DIR)
        return 0
    tools = a.tool or (["project"] + PEER_TOOLS)
    chars = {s.stem: sum(len(json.loads(l).get("text", "")) for l in s.read_text(encoding="utf-8").splitlines() if l.strip())
             for s in suites}
    total_chars = sum(chars.values())

    results = {t: {} for t in tools}
    speed = {}
    shows = []
    if "project" in tools:
        res, wall, err, extra = run_project(a.python, suites, a.show)
        if res is None:
            print("project: extractor could not be scored: %s" % err)
        else:
            results["project"] = res
            speed["project"] = {"wall_chars_per_s": total_chars / wall if wall else None}
            shows += ["project " + x for x in extra]
    peers = [t for t in tools if t in PEER_TOOLS]
    if peers and not ensure_venv(print):
        print("score_peers: the peer venv could not be created; peers skipped")
        peers = []
    for tool in peers:
        secs = wall = 0.0
        n = 0
        for s in suites:
            res, timing, extra = run_peer(tool, s, a.show)
            if res is None:
                print("%s on %s failed: %s" % (tool, s.stem, timing.get("error")))
                continue
            results[tool][s.stem] = res
            secs += timing["seconds"]
            wall += timing["wall"]
            n += timing["chars"]
            shows += ["%s %s %s" % (tool, s.stem, x) for x in extra]
        speed[tool] = {"tool_chars_per_s": n / secs if secs else None,
                       "wall_chars_per_s": n / wall if wall else None}

    # ------------------------------------------------------------ table
    cols = [t for t in tools if results.get(t)]
    head = "%-22s" % "suite" + "".join("  %-22s" % t for t in cols)
    print(head)
    print("%-22s" % "" + "".join("  %-22s" % "P     R     F1" for _ in cols))
    for s in suites:
        row = "%-22s" % s.stem
        for t in cols:
            r = results[t].get(s.stem)
            row += "  %-22s" % ("%.3f %.3f %.3f" % (r["precision"], r["recall"], r["f1"]) if r else "-")
        print(row)
    row = "%-22s" % "mean F1"
    for t in cols:
        f1s = [results[t][s.stem]["f1"] for s in suites if s.stem in results[t]]
        row += "  %-22s" % ("%.3f" % (sum(f1s) / len(f1s)) if f1s else "-")
    print(row)
    print()
    print("characters per second on the same %d characters (%d cases):" % (
        total_chars, sum(len([l for l in s.read_text(encoding="utf-8").splitlines() if l.strip()]) for s in suites)))
    for t in cols:
        sp = speed.get(t, {})
        parts = []
        if sp.get("tool_chars_per_s"):
            parts.append("in the tool %.0f" % sp["tool_chars_per_s"])
        if sp.get("wall_chars_per_s"):
            parts.append("wall, start-up included %.0f" % sp["wall_chars_per_s"])
        print("  %-12s %s" % (t, ", ".join(parts)))
    for line in shows:
        print(line)
    for t in cols:
        for s in suites:
            r = results[t].get(s.stem)
            if r:
                print("peers %s %s f1 %.3f" % (s.stem, t, r["f1"]))
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump({"results": results, "speed": speed, "chars": chars}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Extraction speed at news scale: the project's CLI against quantulum3 and Recognizers-Text.

Usage (from the project root):
    .venv/bin/python bench/bench_extract.py [--mb 30] [--peer-kb 300] [--keep DIR]
                                            [--no-peers] [--no-accuracy]
    .venv/bin/python bench/bench_extract.py --build DIR [--mb 30]     # only write the corpus

The corpus is news-like text made from the project's own fixtures (bench/devset/*.txt and
inbox/*): their paragraphs, shuffled with a fixed seed, joined into articles of 20-80
paragraphs until it holds --mb megabytes, one article a .txt file (a few thousand files).

Measured, each as a whole process (start-up, model loading, reading the files, writing
the output), one process and one worker each:
  - ours: `run_pipeline.py extract DIR --json` over the whole corpus;
  - quantulum3 and Recognizers-Text (bench/peer_tools.py inside bench/.venv-peers, made
    by bench/score_peers.py) over a fixed subset of the same articles (--peer-kb), since
    they are two to three orders of magnitude slower.
Wall time comes from time.perf_counter around the child, peak memory from
resource.getrusage(RUSAGE_CHILDREN) after it (each child is measured in a fresh
intermediate process so one child's peak does not hide another's).

Then the accuracy the same extractor has: bench/score_devset.py (value+unit F1 on the
devset) and ../shared/peer/score_project.py (F1 per peer suite).

The last lines are `extract <figure> <number>` for scripts.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PEER_DIR = (ROOT / ".." / "shared" / "peer").resolve()
PEER_PY = BENCH / ".venv-peers" / "bin" / "python"
SEED = 8


def paragraphs() -> list[str]:
    """Every paragraph of the fixtures, in a fixed order."""
    files = sorted((BENCH / "devset").glob("*.txt")) + sorted(p for p in (ROOT / "inbox").glob("*") if p.is_file())
    out: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        out += [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return out


def build_corpus(folder: Path, mb: float, seed: int = SEED) -> tuple[int, int]:
    """Write the corpus into `folder`; returns (files, characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    paras = paragraphs()
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    chars = n = 0
    while chars < target:
        k = rng.randint(20, 80)
        text = "\n\n".join(rng.choice(paras) for _ in range(k)) + "\n"
        (folder / f"article-{n:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
        n += 1
    return n, chars


def corpus_chars(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))


def measured(cmd: list[str], stdout_path: Path, cwd: Path = ROOT) -> dict:
    """Run `cmd` as a child of a fresh Python process; wall seconds and its peak RSS (MB)."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "cmd, out = json.loads(sys.argv[1]), sys.argv[2]\n"
        "t = time.perf_counter()\n"
        "with open(out, 'wb') as f:\n"
        "    r = subprocess.run(cmd, stdout=f, stderr=subprocess.PIPE)\n"
        "wall = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'rc': r.returncode, 'wall': wall, 'rss_mb': rss,"
        " 'stderr': r.stderr.decode(errors='replace')[-400:]}))\n")
    r = subprocess.run([sys.executable, "-c", probe, json.dumps(cmd), str(stdout_path)],
                       capture_output=True, text=True, cwd=str(cwd))
    return json.loads(r.stdout.strip().splitlines()[-1])


def run_ours(corpus: Path, out: Path, python: str) -> dict:
    res = measured([python, "run_pipeline.py", "extract", str(corpus), "--json"], out)
    if res["rc"] == 0:
        data = json.loads(out.read_text(encoding="utf-8"))
        res["claims"] = len(data["claims"])
        res["errors"] = len(data["errors"])
    return res


def run_peer(tool: str, docs: Path, out: Path) -> dict:
    res = measured([str(PEER_PY), str(BENCH / "peer_tools.py"), "--tool", tool, "--docs", str(docs),
                    "--out", str(out), "--mode", "all"], out.with_suffix(".stdout"))
    if res["rc"] == 0:
        res["timing"] = json.loads(out.with_suffix(".stdout").read_text().strip().splitlines()[-1])
    return res


def accuracy(python: str) -> list[str]:
    """The accuracy figures of the same extractor: devset and peer suites."""
    lines: list[str] = []
    r = subprocess.run([python, str(BENCH / "score_devset.py")], capture_output=True, text=True, cwd=str(ROOT))
    lines += [l for l in r.stdout.splitlines() if l.startswith("devset ")]
    if (PEER_DIR / "score_project.py").exists():
        r = subprocess.run([python, str(PEER_DIR / "score_project.py"), "--python", python],
                           capture_output=True, text=True, cwd=str(ROOT))
        for l in r.stdout.splitlines():
            m = re.match(r"^(\S+)\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)", l)
            if m:
                lines.append(f"peers {m.group(1)} project f1 {m.group(4)}")
            elif l.startswith("mean F1"):
                lines.append(f"peers mean project f1 {l.split()[-1]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=30, help="corpus size in megabytes of text (default 30)")
    ap.add_argument("--peer-kb", type=float, default=300,
                    help="kilobytes of the same corpus the peers are timed on (default 300)")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"), help="the project's python")
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    ap.add_argument("--build", type=Path, help="only build the corpus into this folder, then stop")
    ap.add_argument("--no-peers", action="store_true", help="do not time quantulum3 and Recognizers-Text")
    ap.add_argument("--no-accuracy", action="store_true", help="do not run the accuracy scorers")
    a = ap.parse_args(argv)

    if a.build:
        n, chars = build_corpus(a.build, a.mb)
        print(f"corpus {a.build}: {n} files, {chars} characters")
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    corpus = a.keep or work / "corpus"
    try:
        if not corpus.is_dir() or not any(corpus.glob("*.txt")):
            build_corpus(corpus, a.mb)
        files = sorted(corpus.glob("*.txt"))
        chars = corpus_chars(corpus)
        print(f"corpus: {len(files)} files, {chars:,} characters ({corpus})")
        figures: list[tuple[str, float]] = [("corpus_files", len(files)), ("corpus_chars", chars)]

        ours = run_ours(corpus, work / "ours.json", a.python)
        if ours["rc"] != 0:
            print(f"extract exited {ours['rc']}: {ours['stderr']}")
            return 1
        ours_cps = chars / ours["wall"]
        print(f"ours: {ours['wall']:.1f} s, {ours_cps:,.0f} chars/s, peak {ours['rss_mb']:.0f} MB, "
              f"{ours['claims']:,} claims, {ours['errors']} errors")
        figures += [("seconds", ours["wall"]), ("chars_per_second", ours_cps), ("peak_rss_mb", ours["rss_mb"]),
                    ("claims", ours["claims"])]

        if not a.no_peers:
            if not PEER_PY.exists():
                print("peers skipped: no bench/.venv-peers (run bench/score_peers.py once to create it)")
            else:
                sub = work / "peer-subset"
                sub.mkdir()
                got = 0
                for f in files:                       # the first articles, a fixed subset
                    if got >= a.peer_kb * 1000:
                        break
                    shutil.copy(f, sub / f.name)
                    got += len(f.read_text(encoding="utf-8"))
                sub_chars = corpus_chars(sub)
                # ours on the same subset too, so the ratio is also read at equal size
                small = run_ours(sub, work / "ours-subset.json", a.python)
                small_cps = sub_chars / small["wall"]
                print(f"subset: {len(list(sub.glob('*.txt')))} files, {sub_chars:,} characters; "
                      f"ours on it {small['wall']:.2f} s ({small_cps:,.0f} chars/s, start-up included)")
                figures.append(("subset_chars_per_second", small_cps))
                for tool, name in (("quantulum3", "quantulum3"), ("recognizers", "recognizers")):
                    res = run_peer(tool, sub, work / f"{tool}.pred.jsonl")
                    if res["rc"] != 0:
                        print(f"{tool} failed: {res['stderr']}")
                        continue
                    cps = sub_chars / res["wall"]
                    inside = res["timing"]["chars"] / res["timing"]["seconds"] if res["timing"]["seconds"] else 0
                    print(f"{name}: {res['wall']:.1f} s whole process, {cps:,.0f} chars/s "
                          f"({inside:,.0f} inside its parse calls), peak {res['rss_mb']:.0f} MB")
                    figures += [(f"{name}_chars_per_second", cps), (f"{name}_peak_rss_mb", res["rss_mb"]),
                                (f"ratio_vs_{name}", ours_cps / cps)]
                    if inside:  # the stricter ratio: the peer without its start-up and file reading
                        figures += [(f"{name}_parse_chars_per_second", inside),
                                    (f"ratio_vs_{name}_parse_only", ours_cps / inside)]

        acc = [] if a.no_accuracy else accuracy(a.python)
        for name, value in figures:
            print(f"extract {name} {value:.1f}" if isinstance(value, float) else f"extract {name} {value}")
        for line in acc:
            print(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)     # a --keep corpus lives outside it
    return 0


if __name__ == "__main__":
    sys.exit(main())

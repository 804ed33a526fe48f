"""Measure `specbench check "<sentence>"` as a fresh process per sentence: wall ms against 150 ms.

About ten real claim sentences from claims/corpus (Chinese and English) are each
checked --repeat times, every run a new interpreter (cold start) with the
catalogue cache already warm; the very first run, with an empty cache, is
reported apart as "cache cold". Bytecode is compiled once, as pip does at install,
into a temporary prefix. Median, p90 and max per sentence and overall are
printed as Markdown, with `python -c pass` for scale, the phases of one check
(imports, catalogue load, tokenizer build, judging, rendering) and the slowest
imports of `python -X importtime -c "import specbench.cli"` and of `check` itself
(importtime's own overhead inflates those figures; compare them with each other).

    python bench/check_latency.py [--repeat 5] [--sentences 10]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0


def pick_sentences(count: int) -> list[tuple[str, str]]:
    """(lang, text) of `count` corpus claims, half Chinese and half English, spread over the corpus.

    Only single-line entries of at most 200 characters that the reader finds a claim in, so
    that `check` judges something (exit 0 or 1, not 2).
    """
    from specbench.api import load
    from specbench.claims import Reader

    reader = Reader(load())
    by_lang: dict[str, list[str]] = {}
    for name in sorted(glob.glob(str(ROOT / "claims/corpus/*.toml"))):
        with open(name, "rb") as handle:
            for entry in tomllib.load(handle).get("claim", []):
                text = entry["text"].strip()
                if "\n" not in text and len(text) <= 200:
                    by_lang.setdefault(entry.get("lang", "en"), []).append(text)
    picked: list[tuple[str, str]] = []
    for lang in ("zh", "en"):
        want = count // 2 if lang == "zh" else count - count // 2
        pool = by_lang.get(lang, [])
        step = max(1, len(pool) // max(1, want * 2))
        for text in pool[::step]:
            if len([p for p in picked if p[0] == lang]) >= want:
                break
            if reader.read(text):
                picked.append((lang, text))
    return picked


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall milliseconds and exit code of one process, output discarded."""
    start = time.perf_counter()
    code = subprocess.call(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000, code


# One `check`, phase by phase, in a fresh interpreter: what the wall time is made of.
PHASES = """
import json, sys, time
marks = [time.perf_counter()]
import specbench.cli
marks.append(time.perf_counter())
from specbench.claims import Reader
from specbench.claims.judging import Judge
from specbench.claims.render import render_judgements
from specbench.tables import Format
marks.append(time.perf_counter())
from specbench.api import load
catalogue = load()
marks.append(time.perf_counter())
reader = Reader(catalogue)
reader.tokenizer
reader.may_hold_claim("")
marks.append(time.perf_counter())
judge = Judge(catalogue)
judgements = [judge.judge(claim) for claim in reader.read(sys.argv[1])]
marks.append(time.perf_counter())
"".join(render_judgements(((j, "") for j in judgements), catalogue, Format.text))
marks.append(time.perf_counter())
print(json.dumps([(b - a) * 1000 for a, b in zip(marks, marks[1:])]))
"""
PHASE_NAMES = (
    "import specbench.cli (typer, catalogue model)",
    "import claims reader, judge, render",
    "load catalogue (warm cache)",
    "build Reader tokenizer and prefilter",
    "read and judge the sentence",
    "render text",
)


def phases(text: str, env: dict[str, str], repeat: int) -> None:
    """Median ms of each phase of one check, and the interpreter start-up left over."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", PHASES, text], env=env, capture_output=True, text=True)
        wall = (time.perf_counter() - start) * 1000
        if result.returncode != 0:
            print(f"\n(phase breakdown failed: {result.stderr.strip().splitlines()[-1:]})")
            return
        parts = json.loads(result.stdout)
        runs.append([wall - sum(parts), *parts, wall])
    print(f"\nWhere one `check` spends its time (fresh `python -c`, median of {repeat}, `{text[:30]}…`)\n")
    print("| phase | median ms |")
    print("|---|---:|")
    for name, column in zip(
        ("interpreter start-up and exit", *PHASE_NAMES, "**total wall**"), zip(*runs, strict=True), strict=True
    ):
        print(f"| {name} | {statistics.median(column):.1f} |")


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def import_times(argv: list[str], env: dict[str, str]) -> tuple[list[tuple[int, int, str]], int]:
    """(self us, cumulative us, module) of the slowest imports by cumulative time, and the total."""
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    rows: list[tuple[int, int, str]] = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, module = line.removeprefix("import time:").split("|", 2)
        rows.append((int(own), int(cumulative), module.rstrip()))
    return rows, sum(r[0] for r in rows)


def print_imports(title: str, rows: list[tuple[int, int, str]], total: int, top: int) -> None:
    print(f"\n{title} (all imports: {total / 1000:.0f} ms self time summed)\n")
    print("| # | cumulative ms | self ms | module |")
    print("|---:|---:|---:|---|")
    for rank, (own, cumulative, module) in enumerate(sorted(rows, key=lambda r: -r[1])[:top], 1):
        depth = (len(module) - len(module.lstrip())) // 2
        print(f"| {rank} | {cumulative / 1000:.1f} | {own / 1000:.1f} | {'· ' * depth}`{module.strip()}` |")
    print(
        "\nslowest by self time: "
        + ", ".join(f"`{m.strip()}` {o / 1000:.1f} ms" for o, _c, m in sorted(rows, reverse=True)[:top])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per sentence")
    parser.add_argument("--sentences", type=int, default=10, help="corpus sentences to check")
    parser.add_argument("--top", type=int, default=10, help="imports listed")
    args = parser.parse_args()
    specbench = shutil.which("specbench") or os.path.join(os.path.dirname(sys.executable), "specbench")
    sentences = pick_sentences(args.sentences)
    cache = tempfile.mkdtemp(prefix="specbench-check-")
    # Bytecode as an installed package has it (pip compiles it at install): written to a
    # temporary prefix on the first run, whatever PYTHONDONTWRITEBYTECODE says.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"SPECBENCH_CACHE_DIR": cache, "PYTHONPYCACHEPREFIX": os.path.join(cache, "pycache")}
    try:
        cold_ms, cold_code = run([specbench, "check", sentences[0][1]], env)  # fills the catalogue cache
        run([specbench, "check", sentences[0][1]], env)  # settles the OS file cache
        python_ms = statistics.median(run([sys.executable, "-c", "pass"], env)[0] for _ in range(args.repeat))
        print(f"`specbench check`, {len(sentences)} sentences x {args.repeat} fresh processes; target {TARGET_MS:g} ms")
        print(f"cache cold (first run, empty catalogue cache): {cold_ms:.0f} ms (exit {cold_code})")
        print(f"`python -c pass` median: {python_ms:.0f} ms\n")
        print("| lang | sentence | exit | median ms | p90 ms | max ms | median vs 150 ms |")
        print("|---|---|---:|---:|---:|---:|---:|")
        everything: list[float] = []
        for lang, text in sentences:
            samples = [run([specbench, "check", text], env) for _ in range(args.repeat)]
            times = [s[0] for s in samples]
            everything += times
            median = statistics.median(times)
            shown = (text[:48] + "…" if len(text) > 48 else text).replace("|", "\\|")
            print(
                f"| {lang} | {shown} | {samples[0][1]} | {median:.0f} | {p90(times):.0f} | {max(times):.0f} "
                f"| {median / TARGET_MS:.2f}x |"
            )
        median = statistics.median(everything)
        print(
            f"| **all** | {len(everything)} runs | | **{median:.0f}** | {p90(everything):.0f} | {max(everything):.0f} "
            f"| **{median / TARGET_MS:.2f}x** |"
        )
        phases(sentences[0][1], env, args.repeat)
        rows, total = import_times([sys.executable, "-X", "importtime", "-c", "import specbench.cli"], env)
        print_imports('`python -X importtime -c "import specbench.cli"`, top by cumulative', rows, total, args.top)
        check = [sys.executable, "-X", "importtime", specbench, "check", sentences[0][1]]
        rows, total = import_times(check, env)
        print_imports(f"`specbench check` itself (`{sentences[0][1][:30]}…`), top by cumulative", rows, total, args.top)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()

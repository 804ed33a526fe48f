"""Measure `specbench compare BR100 A100` as a whole process: median wall time and peak memory.

Each run is a fresh process (cold interpreter, warm catalogue cache, as a user
or shell completion sees it), run beside `python -c pass` the same way. One
extra run with an empty cache shows the cost of validating the spec files.

    python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and the child's max RSS in MiB for one run."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def measure(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    samples = [run(argv, env) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    specbench = shutil.which("specbench") or os.path.join(os.path.dirname(sys.executable), "specbench")
    cache = tempfile.mkdtemp(prefix="specbench-bench-")
    env = {**os.environ, "SPECBENCH_CACHE_DIR": cache}
    compare = [specbench, "compare", "BR100", "A100"]

    cold_cache, cold_rss = run(compare, env)  # first run: validates and writes the cache
    run(compare, env)  # settle the file cache
    baseline, base_rss = measure([sys.executable, "-c", "pass"], env, args.runs)
    median, rss = measure(compare, env, args.runs)
    shutil.rmtree(cache, ignore_errors=True)

    print(f"runs per command:               {args.runs} (median wall time, max RSS)")
    print(f"python -c pass:                 {baseline * 1000:7.1f} ms  {base_rss:5.1f} MiB")
    print(f"specbench compare BR100 A100:   {median * 1000:7.1f} ms  {rss:5.1f} MiB")
    print(f"  ratio to python -c pass:      {median / baseline:7.1f}x")
    verdict = "met" if median <= 0.150 and rss <= 50 else "NOT met"
    print(f"  goal:                          150.0 ms   50.0 MiB  -> {verdict}")
    print(
        f"first run, empty cache:         {cold_cache * 1000:7.1f} ms  {cold_rss:5.1f} MiB (validates the spec files)"
    )


if __name__ == "__main__":
    main()

"""Measure `specbench scan` on a generated corpus: throughput (MB/s) and peak memory.

The corpus is launch-coverage paragraphs, Chinese and English: one sentence in
four holds a claim (with varying numbers); the rest is prose, money and dates.
Each size is scanned by a fresh process; the median of --runs runs is reported
with the peak resident memory of the process and its workers together.

    python bench/scan_throughput.py [--sizes 10,100] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Sentence templates: {n} is replaced by a varying number so claims differ.
CLAIMS = [
    "BR100的16位浮点算力达到{n}T以上，8位定点算力达到2000T以上。",
    "在Int8、BF16等数据格式下，BR100相比英伟达A100至少有{r}倍的峰值性能优势。",
    "邃思2.0单精度FP32算力为{n}TFLOPS，相比之下英伟达A100的单精度浮点计算能力仅为19.5TFLOPS。",
    "H20 FP16算力{n}TFLOPS，显存带宽4TB/s，仅为H100的{p}%。",
    "Biren's BR100 offers {r} PFLOPS of AI performance. ",
    "The MTT S4000 has 48 GB of GDDR6 and {n} GB/s of memory bandwidth. ",
    "曦云C500的BF16算力为{n}TFLOPS。",
]
PROSE = [
    "业内人士认为，这一产品将主要面向国内的数据中心市场，并在明年开始批量出货。",
    "公司此前完成了总额超过{n}亿元的融资，员工超过{n}人，研发团队来自多家国际大厂。",
    "发布会于{n}年在上海举行，多家合作伙伴出席并发表了讲话。",
    "Analysts expect shipments to begin next year, although software support remains a question. ",
    "The company raised ${n} million in its latest round and plans to expand its engineering team. ",
    "该芯片采用先进的2.5D封装技术，集成了高带宽存储器，面向人工智能训练和推理场景。",
    "Customers in the internet and telecom sectors are said to be evaluating the parts. ",
    "生态建设方面，公司表示其软件栈已支持主流深度学习框架，并提供迁移工具。",
    "Executives declined to comment on pricing or on the timeline for the next generation. ",
]


def make_corpus(path: Path, megabytes: float) -> int:
    """About one sentence in four carries a claim; numbers vary so that claims differ."""
    target = int(megabytes * 1_000_000)
    written = 0
    index = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            parts = []
            for k in range(4):
                template = CLAIMS[index % len(CLAIMS)] if k == 0 else PROSE[(index * 3 + k) % len(PROSE)]
                parts.append(template.format(n=100 + index % 900, r=f"{2 + index % 30 / 10:.1f}", p=10 + index % 80))
            text = "".join(parts) + "\n"
            handle.write(text)
            written += len(text.encode("utf-8"))
            index += 1
    return written


def _tree_rss_mib(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return sum(rss.get(pid, 0) for pid in tree) / 1024


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds, and the peak resident memory (MiB) of the process and its workers together."""
    start = time.perf_counter()
    pid = os.posix_spawn(
        argv[0],
        argv,
        env,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ],
    )
    peak = 0.0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        peak = max(peak, _tree_rss_mib(pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed")
    return elapsed, max(peak, usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    specbench = shutil.which("specbench") or os.path.join(os.path.dirname(sys.executable), "specbench")
    work = Path(tempfile.mkdtemp(prefix="specbench-scan-"))
    env = {**os.environ, "SPECBENCH_CACHE_DIR": str(work / "cache")}
    try:
        run([specbench, "list"], env)  # build the catalogue cache
        empty = work / "empty.txt"
        empty.write_text("BR100 1024 TFLOPS BF16\n", encoding="utf-8")
        base, base_rss = run([specbench, "scan", str(empty)], env)
        print(f"start-up (one-line file): {base * 1000:.0f} ms, {base_rss:.1f} MiB")
        for size in (float(s) for s in args.sizes.split(",")):
            corpus = work / f"corpus-{size:g}MB.txt"
            nbytes = make_corpus(corpus, size)
            samples = [run([specbench, "scan", str(corpus), "--format", "json"], env) for _ in range(args.runs)]
            seconds = statistics.median(s[0] for s in samples)
            rss = max(s[1] for s in samples)
            print(
                f"{nbytes / 1e6:7.1f} MB: median {seconds:6.2f} s over {args.runs} run(s) = "
                f"{nbytes / 1e6 / seconds:5.2f} MB/s, peak memory {rss:.1f} MiB (all processes)"
            )
            corpus.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

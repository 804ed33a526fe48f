"""Measure `specbench scan` on a generated corpus: throughput (MB/s) and peak memory.

Default mode: the corpus is launch-coverage paragraphs, Chinese and English: one
sentence in four holds a claim (with varying numbers); the rest is prose, money
and dates. Each size is scanned by a fresh process; the median of --runs runs is
reported with the peak resident memory of the process and its workers together.

    python bench/scan_throughput.py [--sizes 10,100] [--runs 3]

With --density N the corpus is real text at news density: one claim-bearing
sentence (from claims/corpus/*.toml) per N-1 non-claim sentences taken from the
article excerpts in claims/articles/*.toml (sentences the reader finds no claim
in: prose, dates, money, company news). It is timed both in process (the
`specbench.scan.scan` library function, catalogue already loaded) and as
`specbench scan FILE --jobs 1` in a fresh process; the median MB/s over
--repeat runs is reported against the 15 MB/s target as a Markdown table.
--profile prints the top functions by cumulative time of one in-process scan.

    python bench/scan_throughput.py --density 30 --sizes 2 [--repeat 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import io
import os
import pstats
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from specbench.claims import Context, Reader
    from specbench.store import Catalogue

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


# --- news-density corpus from real text ------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB_S = 15.0
# Chinese 。！？ end a sentence where they stand; English . ! ? when followed by a space or newline.
_SPLIT = re.compile(r"(?<=[。！？])|(?<=[.!?])(?=\s)")


def _texts(pattern: str) -> list[tuple[str, str]]:
    """(lang, text) of every [[claim]] or top-level `text` in the TOML files matching a glob."""
    found: list[tuple[str, str]] = []
    for name in sorted(glob.glob(str(ROOT / pattern))):
        with open(name, "rb") as handle:
            data = tomllib.load(handle)
        for entry in [data, *data.get("claim", [])]:
            if isinstance(entry.get("text"), str):
                found.append((entry.get("lang", ""), entry["text"]))
    return found


def real_sentences(reader: Reader, primers: int = 24) -> tuple[list[str], list[str], dict[str, int]]:
    """Claim-bearing sentences (corpus entries the reader finds a claim in) and non-claim filler.

    Filler is every article sentence the cheap test rules out, and every sentence with digits
    that reads no claim, alone or after one of ``primers`` claim sentences (whose chip then is
    the paragraph's subject, as it is in a scanned article: "性能方面，1024 TOPS INT8" alone is
    no claim, but after a BR100 sentence it is).
    """
    from specbench.claims import Context

    claims = [" ".join(text.split()) for _lang, text in _texts("claims/corpus/*.toml")]
    claims = [text for text in claims if reader.read(text)]
    if not claims:
        raise SystemExit("no claim sentences found under claims/corpus")
    primed = random.Random(7).sample(claims, min(primers, len(claims)))
    filler: list[str] = []
    stats = dict.fromkeys(
        ("article sentences", "no digit or claim word", "digits, no claim", "digits, claim in context"), 0
    )
    for _lang, text in _texts("claims/articles/*.toml"):
        for piece in _SPLIT.split(text):
            sentence = " ".join(piece.split())
            if not sentence:
                continue
            stats["article sentences"] += 1
            if not reader.may_hold_claim(sentence):
                stats["no digit or claim word"] += 1
                filler.append(sentence)
            elif re.search(r"\d", sentence) and not reader.read(sentence):
                if any(_reads_after(reader, Context(), primer, sentence) for primer in primed):
                    stats["digits, claim in context"] += 1
                    continue
                stats["digits, no claim"] += 1
                filler.append(sentence)
    if not filler:
        raise SystemExit("no filler sentences found under claims/articles")
    return claims, filler, stats


def _reads_after(reader: Reader, context: Context, primer: str, sentence: str) -> bool:
    """Whether a sentence yields a claim when read after a primer in one paragraph."""
    from specbench.claims import split_sentences

    for part in split_sentences(primer):
        reader.read_sentence(part, context)
    return bool(reader.read_sentence(sentence, context))


def _joined(sentences: list[str]) -> str:
    """Sentences as running text: a space after English ones, none after Chinese."""
    return "".join(s if s.endswith(("。", "！", "？")) else s + " " for s in sentences).rstrip()


def make_news_corpus(
    path: Path, megabytes: float, density: int, claims: list[str], filler: list[str]
) -> tuple[int, int]:
    """One claim sentence per density-1 filler sentences, in paragraphs of about five sentences.

    Returns (bytes written, claim sentences written).
    """
    rng = random.Random(20240601)
    target = int(megabytes * 1_000_000)
    written = placed = 0
    claim_order, filler_order = [], []
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            if not claim_order:
                claim_order = rng.sample(claims, len(claims))
            block = []
            for _ in range(density - 1):
                if not filler_order:
                    filler_order = rng.sample(filler, len(filler))
                block.append(filler_order.pop())
            block.insert(rng.randrange(density), claim_order.pop())
            placed += 1
            paragraphs = [_joined(block[i : i + 5]) for i in range(0, len(block), 5)]
            text = "\n".join(paragraphs) + "\n"
            handle.write(text)
            written += len(text.encode("utf-8"))
    return written, placed


def scan_in_process(path: Path, catalogue: Catalogue) -> tuple[float, int]:
    """Wall seconds and findings of the library scan of one file in this process (one job)."""
    from specbench.scan import scan

    start = time.perf_counter()
    findings = sum(1 for _ in scan([path], catalogue, jobs=1))
    return time.perf_counter() - start, findings


def profile_scan(path: Path, catalogue: Catalogue, top: int) -> str:
    """The top functions by cumulative time of one in-process scan."""
    profiler = cProfile.Profile()
    profiler.enable()
    scan_in_process(path, catalogue)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def news_density(args: argparse.Namespace, specbench: str, work: Path, env: dict[str, str]) -> None:
    os.environ["SPECBENCH_CACHE_DIR"] = env["SPECBENCH_CACHE_DIR"]
    from specbench.api import load
    from specbench.claims import Reader

    catalogue = load()
    claims, filler, stats = real_sentences(Reader(catalogue))
    print(f"density: 1 claim-bearing sentence in {args.density}; repeat {args.repeat}; target {TARGET_MB_S:g} MB/s")
    print(f"claim sentences: {len(claims)} corpus entries the reader finds a claim in")
    print("filler: " + ", ".join(f"{k} {v}" for k, v in stats.items()) + f" -> {len(filler)} filler sentences\n")
    rows = []
    profile_path = None
    for size in (float(s) for s in args.sizes.split(",")):
        corpus = work / f"news-{size:g}MB.txt"
        nbytes, placed = make_news_corpus(corpus, size, args.density, claims, filler)
        mb = nbytes / 1e6
        inproc = [scan_in_process(corpus, catalogue) for _ in range(args.repeat)]
        seconds = statistics.median(s[0] for s in inproc)
        rows.append(("in-process `scan()`", mb, placed, inproc[0][1], seconds, "-"))
        cli = [run([specbench, "scan", str(corpus), "--jobs", "1"], env) for _ in range(args.repeat)]
        seconds = statistics.median(s[0] for s in cli)
        rows.append(("`specbench scan --jobs 1`", mb, placed, None, seconds, f"{max(s[1] for s in cli):.0f}"))
        if args.profile and profile_path is None:
            profile_path = corpus  # the first size is profiled
        else:
            corpus.unlink()
    print("| mode | MB | claim sentences | findings | median s | median MB/s | vs 15 MB/s | peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for mode, mb, placed, found, seconds, rss in rows:
        rate = mb / seconds
        print(
            f"| {mode} | {mb:.2f} | {placed} | {'-' if found is None else found} | {seconds:.3f} "
            f"| {rate:.2f} | {rate / TARGET_MB_S:.2f}x | {rss} |"
        )
    if profile_path is not None:
        print(f"\ncProfile of one in-process scan of {profile_path.name} (top {args.profile_top}, cumulative):\n")
        print("```")
        print(profile_scan(profile_path, catalogue, args.profile_top).strip())
        print("```")


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
    parser.add_argument("--runs", type=int, default=3, help="runs per size (default mode)")
    parser.add_argument("--density", type=int, help="real news text: one claim-bearing sentence in N")
    parser.add_argument("--repeat", type=int, default=5, help="runs per size and mode with --density")
    parser.add_argument("--profile", action="store_true", help="with --density: cProfile one in-process scan")
    parser.add_argument("--profile-top", type=int, default=15, help="functions shown by --profile")
    args = parser.parse_args()
    if args.density is not None and args.density < 1:
        parser.error("--density must be at least 1")
    specbench = shutil.which("specbench") or os.path.join(os.path.dirname(sys.executable), "specbench")
    work = Path(tempfile.mkdtemp(prefix="specbench-scan-"))
    env = {**os.environ, "SPECBENCH_CACHE_DIR": str(work / "cache")}
    try:
        run([specbench, "list"], env)  # build the catalogue cache
        if args.density is not None:
            news_density(args, specbench, work, env)
            return
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

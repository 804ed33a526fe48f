"""Scanning articles and auditing curated claims.

`scan` streams each file in chunks, so memory stays flat whatever the file's
size; `audit` judges the curated claims in claims/ against their expected
verdicts.
"""

from __future__ import annotations

import codecs
import tomllib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specbench.claims import MAX_SENTENCE, Parser, split_sentences
from specbench.errors import InputError, UsageError
from specbench.judge import Judge, Judgement
from specbench.store import Catalogue, bundled_dir

CHUNK = 1 << 16
BATCH = 400  # sentences per task sent to a worker
_PACKAGE = Path(__file__).parent
_ENDS = "。！？!?；;\n"


@dataclass
class Finding:
    """A judged claim and where it was found."""

    file: str
    line: int
    sentence: str
    judgement: Judgement


def read_chunks(path: Path) -> Iterator[str]:
    """Decoded UTF-8 text of a file, a chunk at a time; a clear error for binary or non-UTF-8 files."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise UsageError(f"{str(path)!r} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"{str(path)!r} is a folder, not a text file") from None
    except OSError as exc:
        raise InputError(f"cannot read {str(path)!r}: {exc.strerror}") from None
    with handle:
        while block := handle.read(CHUNK):
            if b"\0" in block:
                raise InputError(f"{str(path)!r} is not a text file (it contains NUL bytes)")
            try:
                yield decoder.decode(block)
            except UnicodeDecodeError as exc:
                raise InputError(f"{str(path)!r} is not UTF-8 text (bad byte at offset {offset + exc.start})") from None
            offset += len(block)
        try:
            yield decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise InputError(f"{str(path)!r} is not UTF-8 text (it ends inside a character)") from None


def sentences_with_lines(chunks: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, sentence) pairs from chunks of text, holding one sentence at a time."""
    line = 1
    pending = ""
    for chunk in chunks:
        pending += chunk
        cut = max(pending.rfind(ch) for ch in _ENDS)
        if cut < 0:
            if len(pending) > MAX_SENTENCE:
                yield line, pending[:MAX_SENTENCE]
                pending = pending[MAX_SENTENCE:]
            continue
        complete, pending = pending[: cut + 1], pending[cut + 1 :]
        yield from _numbered(complete, line)
        line += complete.count("\n")
    if pending.strip():
        yield from _numbered(pending, line)


def _numbered(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    position = 0
    line = first_line
    for sentence in split_sentences(text):
        found = text.find(sentence, position)
        if found >= 0:
            line += text.count("\n", position, found)
            position = found
        yield line, sentence


def scan(paths: list[Path], catalogue: Catalogue, jobs: int = 1) -> Iterator[Finding]:
    """Every checkable claim in the files, judged, in order.

    With ``jobs`` > 1, sentences that may hold a claim are judged in that many worker
    processes, a bounded number of batches at a time, so memory stays flat and the
    order of the output is kept.
    """
    for path in paths:
        if path.is_dir():
            raise UsageError(f"{str(path)!r} is a folder, not a text file")
    candidates = (
        (str(path), line, sentence)
        for path in paths
        for line, sentence in sentences_with_lines(read_chunks(path))
        if Parser.may_hold_claim(sentence)
    )
    import multiprocessing

    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _scan_parallel(candidates, catalogue, jobs)
        return
    yield from _judge_batch_with(Parser(catalogue), Judge(catalogue), candidates)


def _judge_batch_with(parser: Parser, judge: Judge, batch: Iterable[tuple[str, int, str]]) -> Iterator[Finding]:
    for file, line, sentence in batch:
        for claim in parser.parse_sentence(sentence):
            yield Finding(file, line, sentence, judge.judge(claim))


_WORKER: tuple[Parser, Judge] | None = None


def _init_worker(catalogue: Catalogue) -> None:
    global _WORKER
    _WORKER = (Parser(catalogue), Judge(catalogue))


def _judge_batch(batch: list[tuple[str, int, str]]) -> list[Finding]:
    assert _WORKER is not None
    return list(_judge_batch_with(*_WORKER, batch))


def _scan_parallel(candidates: Iterator[tuple[str, int, str]], catalogue: Catalogue, jobs: int) -> Iterator[Finding]:
    import multiprocessing

    context = multiprocessing.get_context("fork")  # workers inherit the loaded catalogue
    in_flight: deque[Any] = deque()
    with context.Pool(jobs, initializer=_init_worker, initargs=(catalogue,)) as pool:
        for batch in _batches(candidates, BATCH):
            in_flight.append(pool.apply_async(_judge_batch, (batch,)))
            if len(in_flight) >= 2 * jobs:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


def _batches(items: Iterator[tuple[str, int, str]], size: int) -> Iterator[list[tuple[str, int, str]]]:
    batch: list[tuple[str, int, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---- curated claims --------------------------------------------------------------------


@dataclass
class CuratedClaim:
    """A claim quoted from public coverage, with its source and the verdict it should get."""

    id: str
    text: str
    source: str
    expected: str
    expected_flags: list[str] = field(default_factory=list)
    note: str = ""
    file: str = ""


@dataclass
class AuditResult:
    curated: CuratedClaim
    judgements: list[Judgement]

    @property
    def verdict(self) -> str:
        """The claim's overall verdict: the worst of its parts."""
        order = ["false", "misleading", "unverifiable", "supported"]
        verdicts = [j.verdict for j in self.judgements] or ["unverifiable"]
        return min(verdicts, key=order.index)

    @property
    def flags(self) -> list[str]:
        seen: list[str] = []
        for judgement in self.judgements:
            seen += [f for f in judgement.flags if f not in seen]
        return seen

    @property
    def passed(self) -> bool:
        return self.verdict == self.curated.expected and set(self.curated.expected_flags) <= set(self.flags)


def default_claims_dir() -> Path:
    """The curated claims: $SPECBENCH_CLAIMS, else those shipped in the package, else the source tree's."""
    return bundled_dir("SPECBENCH_CLAIMS", "curated_claims", "claims") or _PACKAGE.parent.parent / "claims"


def load_curated(directory: Path) -> list[CuratedClaim]:
    """Every claim in the TOML files of a folder; one error naming each problem."""
    if not directory.is_dir():
        raise UsageError(f"claims folder {str(directory)!r} does not exist")
    claims: list[CuratedClaim] = []
    problems: list[str] = []
    verdicts = {"supported", "misleading", "false", "unverifiable"}
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{path.name}: invalid TOML: {exc}")
            continue
        for index, entry in enumerate(data.get("claim", [])):
            where = f"{path.name}: claim[{index}]"
            missing = [k for k in ("id", "text", "source", "expected") if not entry.get(k)]
            if missing:
                problems.append(f"{where}: missing {', '.join(missing)}")
                continue
            if entry["expected"] not in verdicts:
                problems.append(f"{where}.expected: {entry['expected']!r} is not one of {', '.join(sorted(verdicts))}")
                continue
            claims.append(
                CuratedClaim(
                    entry["id"],
                    entry["text"],
                    entry["source"],
                    entry["expected"],
                    list(entry.get("flags", [])),
                    entry.get("note", ""),
                    path.name,
                )
            )
    if problems:
        raise UsageError("; ".join(problems))
    if not claims:
        raise UsageError(f"no claims in {str(directory)!r}")
    return claims


def audit(claims: list[CuratedClaim], catalogue: Catalogue) -> list[AuditResult]:
    parser, judge = Parser(catalogue), Judge(catalogue)
    return [AuditResult(c, [judge.judge(x) for x in parser.parse(c.text)]) for c in claims]

"""Scanning articles and auditing curated claims.

`scan` streams each file in chunks, so memory stays flat whatever the file's
size; `audit` judges the curated claims in claims/ against their expected
verdicts.
"""

from __future__ import annotations

import os
import re
import signal
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from specbench.claims import MAX_SENTENCE, Claim, Context, Reader, split_sentences
from specbench.claims.judging import Judge, Judgement
from specbench.claims.prefilter import Prefilter
from specbench.errors import InputError, UsageError
from specbench.store import Catalogue

CHUNK = 1 << 16
_PACKAGE = Path(__file__).parent
_ENDS = "。！？!?；;\n"


@dataclass
class Finding:
    """A judged claim and where it was found."""

    file: str
    line: int
    sentence: str
    judgement: Judgement


class Tally:
    """Claims per verdict for each input, in the order of the inputs: what a scan ends with."""

    def __init__(self, names: Iterable[str]) -> None:
        self._counts: dict[str, dict[str, int]] = {name: {} for name in names}

    def add(self, finding: Finding) -> None:
        counts = self._counts.setdefault(finding.file, {})
        counts[finding.judgement.verdict] = counts.get(finding.judgement.verdict, 0) + 1

    def rows(self) -> list[dict[str, Any]]:
        """One record per input: file, claims, then the count of each verdict."""
        from specbench.claims import Verdict

        return [
            {"file": name, "claims": sum(counts.values()), **{v.value: counts.get(v.value, 0) for v in Verdict}}
            for name, counts in self._counts.items()
        ]


def read_chunks(path: Path) -> Iterator[str]:
    """Decoded text of a file, a chunk at a time (UTF-8, GB18030 or Big5: see specbench.decoding);
    a clear error for a binary file or one no supported encoding decodes."""
    from specbench.inputs import read_text

    return read_text(Path(path)).chunks


def sentences_with_lines(chunks: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, sentence) pairs from chunks of text, holding one sentence at a time."""
    for first_line, block in _blocks(chunks):
        yield from _numbered(block, first_line)


def _blocks(chunks: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(first line, text) blocks that end at a sentence end (or are MAX_SENTENCE long), in order."""
    line = 1
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        cut = max(chunk.rfind(ch) for ch in _ENDS)
        if cut < 0:
            pending.append(chunk)
            size += len(chunk)
            if size > MAX_SENTENCE:  # a run with no sentence end: pass it on in sentence-sized pieces
                text = "".join(pending)
                whole = len(text) - len(text) % MAX_SENTENCE
                yield line, text[:whole]
                line += text.count("\n", 0, whole)
                pending, size = [text[whole:]], len(text) - whole
            continue
        complete = "".join([*pending, chunk[: cut + 1]])
        pending, size = [chunk[cut + 1 :]], len(chunk) - cut - 1
        yield line, complete
        line += complete.count("\n")
    rest = "".join(pending)
    if rest.strip():
        yield line, rest


def _numbered(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    position = 0
    line = first_line
    for sentence in split_sentences(text):
        found = text.find(sentence, position)
        if found >= 0:
            line += text.count("\n", position, found)
            position = found
        yield line, sentence


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _events(prefilter: Prefilter, chunks: Iterable[str]) -> Iterator[tuple[int, str] | str | None]:
    """The sentences worth reading, with their line numbers; the text passed over between them
    (a string); and None where a paragraph ends (a blank line).

    The prefilter finds, in a few passes the regex engine runs in C, the sentences where a claim
    can start; everything else (dates, prices, company news, sentences that only name a chip)
    costs no Python work unless a later sentence refers back to a chip named there.
    """
    for first_line, block in _blocks(chunks):
        breaks = [match.start() for match in _BLANK_LINE.finditer(block)]
        line, counted, done = first_line, 0, 0
        for start, end in prefilter.spans(block):
            yield from _passed(block, done, start, breaks)
            piece = block[start:end]
            begin = start + len(piece) - len(piece.lstrip())
            line += block.count("\n", counted, begin)
            counted = begin
            for sentence in split_sentences(piece):
                yield line, sentence
            for _ in range(bisect_left(breaks, start), bisect_left(breaks, end)):
                yield None  # the blank line is in the run of line ends after the sentence
            done = end
        yield from _passed(block, done, len(block), breaks)


def _passed(block: str, start: int, end: int, breaks: list[int]) -> Iterator[str | None]:
    """The text of ``block`` from ``start`` to ``end``, passed over, with None at each blank line."""
    for at in breaks[bisect_left(breaks, start) : bisect_left(breaks, end)]:
        if block[start:at].strip():
            yield block[start:at]
        yield None
        start = at
    if block[start:end].strip():
        yield block[start:end]


def scan(paths: Sequence[Path | str], catalogue: Catalogue, jobs: int = 1) -> Iterator[Finding]:
    """Every checkable claim in the inputs, judged, in order.

    An input is a file (a Path, or a str naming one), ``"-"`` for standard input, or an
    ``http://`` or ``https://`` URL (see :mod:`specbench.inputs`); HTML pages are read for
    their main text, and text in GB18030 (GBK) or Big5 is decoded as well as UTF-8. Each
    input is read in order with one context (the chip a paragraph is about, its precision,
    the columns of a table), so "它" and "the chip" resolve. With ``jobs`` > 1 and several
    inputs, they are judged in that many worker processes, in order.
    """
    from specbench.inputs import Source

    if not 1 <= jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be between 1 and {MAX_JOBS}")
    sources = [Source.of(path) for path in paths]
    for source in sources:
        if source.path is not None and source.path.is_dir():
            raise UsageError(f"{source.name!r} is a folder, not a text file")
    if sum(source.kind == "stdin" for source in sources) > 1:
        raise UsageError("standard input ('-') can be read only once")
    workers = min(jobs, len(paths))
    if any(source.kind == "stdin" for source in sources):
        workers = 1  # a worker process has no standard input: multiprocessing closes it
    if workers > 1:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            yield from _scan_in_workers(paths, catalogue, workers)
            return
    reader, judge = Reader.of(catalogue), Judge.of(catalogue)
    for path in paths:
        yield from scan_file(path, reader, judge)


MAX_JOBS = 64


def _scan_in_workers(paths: Sequence[Path | str], catalogue: Catalogue, workers: int) -> Iterator[Finding]:
    """Files judged in worker processes, one process per file and at most ``workers`` at once,
    yielded in order.

    Each worker is forked with the reader already built and streams its file's findings back
    in batches through a pipe of its own: no queue or lock is shared, so a worker that dies
    (killed, or ended by a signal sent to the whole process group) cannot leave the others
    waiting. The parent holds at most BUFFERED batches of a worker that is ahead of the file
    being printed; beyond that the worker waits on its pipe, so memory stays bounded whatever
    the size of the files. Workers ignore Ctrl-C; the parent handles it, and on any exit (an
    interrupt, an error, a consumer that stops early) kills the workers still running.
    """
    import multiprocessing
    from collections import deque
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")  # workers inherit the loaded catalogue
    reader, judge = Reader.of(catalogue), Judge.of(catalogue)
    reader.prefilter.spans("1 TFLOPS")  # build the patterns once, here, not in every worker
    parent = os.getpid()
    running: deque[tuple[Any, Any, Path | str]] = deque()
    batches: dict[Any, deque[list[Finding]]] = {}
    finished: set[Any] = set()

    def start(path: Path | str) -> None:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_scan_in_worker, args=(path, reader, judge, sender, parent), daemon=True)
        process.start()
        sender.close()
        running.append((process, receiver, path))
        batches[receiver] = deque()

    def receive(process: Any, receiver: Any, path: Path | str) -> None:
        try:
            message = receiver.recv()
        except EOFError:
            process.join()
            raise InputError(
                f"the worker scanning {str(path)!r} ended without a result (exit code {process.exitcode})"
            ) from None
        if message is None:
            finished.add(receiver)
        elif isinstance(message, BaseException):
            raise message
        else:
            batches[receiver].append(message)

    queue = iter(paths)
    try:
        for path in islice(queue, workers):
            start(path)
        while running:
            process, receiver, path = running[0]
            while batches[receiver]:
                yield from batches[receiver].popleft()
            if receiver in finished:
                running.popleft()
                receiver.close()
                process.join()
                del batches[receiver]
                for path in islice(queue, 1):
                    start(path)
                continue
            open_pipes = {r: (p, f) for p, r, f in running if r not in finished and len(batches[r]) < BUFFERED}
            for ready in wait(list(open_pipes)):
                receive(open_pipes[ready][0], ready, open_pipes[ready][1])
    finally:
        for process, _, _ in running:
            process.kill()  # nothing shared: a killed worker holds no lock another needs
        for process, receiver, _ in running:
            process.join()
            receiver.close()


BATCH = 256  # findings per message from a worker
BUFFERED = 8  # batches the parent holds for a worker that is ahead


def _scan_in_worker(path: Path | str, reader: Reader, judge: Judge, sender: Any, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # no handler of the parent's
    _die_with_parent(parent)
    try:
        findings = scan_file(path, reader, judge)
        while batch := list(islice(findings, BATCH)):
            sender.send(batch)
        sender.send(None)
    except Exception as exc:  # sent to the parent, which raises it there
        sender.send(exc)
    sender.close()


def scan_file(path: Path | str, reader: Reader, judge: Judge) -> Iterator[Finding]:
    """The judged claims of one input, read with one context; a blank line starts a paragraph.

    The line of a finding is the line of the input where its sentence starts; in an HTML page,
    the line where its paragraph (or table row, or list item) starts."""
    from specbench.inputs import Source, read_text

    source = Source.of(path)
    text = read_text(source)
    yield from scan_text(text.chunks, source.name, reader, judge, text.source_line)


def scan_text(
    chunks: Iterable[str], name: str, reader: Reader, judge: Judge, source_line: Any = None
) -> Iterator[Finding]:
    """The judged claims of a text given in chunks, named ``name`` in the findings.
    ``source_line`` maps a line of the text to the line of the input it came from."""
    context = Context()
    # A table's rows are judged together, when the table ends, so that a column is weighed whole.
    table: list[tuple[int, str, Claim]] = []

    def rows() -> Iterator[Finding]:
        judged = judge.judge_all(claim for _, _, claim in table)
        yield from (Finding(name, line, sentence, j) for (line, sentence, _), j in zip(table, judged, strict=True))
        table.clear()

    for event in _events(reader.prefilter, chunks):
        if event is None:
            yield from rows()
            context.new_paragraph()
            continue
        if isinstance(event, str):
            context.pass_over(reader, event)
            continue
        line, sentence = event
        claims = reader.read_sentence(sentence, context)
        if claims and source_line is not None:
            line = source_line(line)
        if any(claim.column is not None for claim in claims):
            table.extend((line, sentence, claim) for claim in claims)
            continue
        yield from rows()
        for claim in claims:
            yield Finding(name, line, sentence, judge.judge(claim))
    yield from rows()


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this worker when its parent dies (Linux), instead of the worker
    finishing its file and failing to send it to no one with a BrokenPipeError."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: a worker then ends when killed
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)

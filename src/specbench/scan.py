"""Scanning articles and auditing curated claims.

`scan` streams each file in chunks, so memory stays flat whatever the file's
size; `audit` judges the curated claims in claims/ against their expected
verdicts.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from specbench.claims import MAX_SENTENCE, Context, Reader, split_sentences
from specbench.claims.judging import Judge, Judgement
from specbench.errors import InputError, SpecbenchError, UsageError
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

    Each file is read in order with one context (the chip a paragraph is about, its
    precision, the columns of a table), so "它" and "the chip" resolve. With ``jobs``
    > 1 and several files, files are judged in that many worker processes, in order.
    """
    for path in paths:
        if path.is_dir():
            raise UsageError(f"{str(path)!r} is a folder, not a text file")
    workers = min(jobs, len(paths), MAX_JOBS)
    if workers > 1:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")  # workers inherit the loaded catalogue
            with context.Pool(workers, initializer=_init_worker, initargs=(catalogue,)) as pool:
                for findings in pool.imap(_scan_file_in_worker, paths):
                    if isinstance(findings, SpecbenchError):
                        raise findings
                    yield from findings
            return
    reader, judge = Reader(catalogue), Judge(catalogue)
    for path in paths:
        yield from scan_file(path, reader, judge)


MAX_JOBS = 64


def scan_file(path: Path, reader: Reader, judge: Judge) -> Iterator[Finding]:
    """The judged claims of one file, read with one context; a blank line starts a paragraph."""
    context = Context()
    last_line = 0
    for line, sentence in sentences_with_lines(read_chunks(path)):
        if line > last_line + 1:
            context.new_paragraph()
        last_line = line + sentence.count("\n")
        for claim in reader.read_sentence(sentence, context):
            yield Finding(str(path), line, sentence, judge.judge(claim))


_WORKER: tuple[Reader, Judge] | None = None


def _init_worker(catalogue: Catalogue) -> None:
    global _WORKER
    _WORKER = (Reader(catalogue), Judge(catalogue))


def _scan_file_in_worker(path: Path) -> list[Finding] | SpecbenchError:
    assert _WORKER is not None
    try:
        return list(scan_file(path, *_WORKER))
    except SpecbenchError as exc:
        return exc

"""Where an article comes from: a file, standard input (``-``) or a web page (``http(s)://``).

Each input is read as a stream of bytes, decoded (:mod:`specbench.decoding`) and, when it is
an HTML page, reduced to its main text (:mod:`specbench.htmltext`), so that ``scan`` reads
every kind the same way: text chunks in order, with the line in the input of each text line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from specbench.errors import InputError, UsageError

CHUNK = 1 << 16
STDIN = "-"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TIMEOUT = 20.0  # seconds to connect, and between two pieces of a response
MAX_BYTES = 32 << 20  # the most of a web page read: articles are far smaller


@dataclass(frozen=True)
class Source:
    """One input of ``scan``: ``kind`` is "file", "stdin" or "url"; ``name`` is how output names it."""

    kind: str
    location: str

    @property
    def name(self) -> str:
        return "<stdin>" if self.kind == "stdin" else self.location

    @property
    def path(self) -> Path | None:
        return Path(self.location) if self.kind == "file" else None

    @classmethod
    def of(cls, item: str | Path | Source) -> Source:
        """The input an argument names: ``-`` is standard input, ``http://`` or ``https://`` a web page."""
        if isinstance(item, Source):
            return item
        text = str(item)
        if isinstance(item, str) and text == STDIN:
            return cls("stdin", STDIN)
        if isinstance(item, str) and text[:8].lower().startswith(("http://", "https://")):
            return cls("url", text)
        return cls("file", text)


@dataclass
class InputText:
    """The text of an input, in chunks, and the line in the input of each line of that text."""

    chunks: Iterator[str]
    source_line: Callable[[int], int]


def read_text(item: str | Path | Source) -> InputText:
    """Open an input and read it as text (see the module docstring). Raises InputError or
    UsageError, naming the input, when it cannot be read."""
    source = Source.of(item)
    if source.kind == "url":
        blocks, content_type, declared = _fetch(source.location)
    elif source.kind == "stdin":
        blocks, content_type, declared = _stdin_blocks(), "", None
    else:
        blocks, content_type, declared = _file_blocks(Path(source.location)), "", None
    return _text(source, blocks, content_type, declared)


def _text(source: Source, blocks: Iterator[bytes], content_type: str, declared: str | None) -> InputText:
    from specbench.decoding import declared_in_html, decode_blocks

    first = next(blocks, b"")
    is_html = _is_html(source, content_type, first)
    if is_html and declared is None:
        declared = declared_in_html(first)
    chunks = decode_blocks(_chained(first, blocks), source.name, declared)
    if not is_html:
        return InputText(chunks, lambda line: line)
    from specbench.htmltext import ArticleText as Extractor
    from specbench.htmltext import SourceLines, html_text

    extractor = Extractor()
    return InputText(html_text(chunks, extractor), SourceLines(extractor))


def _chained(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _is_html(source: Source, content_type: str, first: bytes) -> bool:
    """An HTML page by its name, by the type a server gives it, or by how it starts."""
    if source.kind == "file" and Path(source.location).suffix.lower() in HTML_SUFFIXES:
        return True
    media = content_type.split(";")[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return True
    if media and media != "text/plain" and source.kind == "url" and not media.startswith("text/"):
        raise InputError(f"{source.name!r} is {media}, not a web page or text")
    start = first[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<!--") and b"<html" in start)


def _file_blocks(path: Path) -> Iterator[bytes]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise UsageError(f"{str(path)!r} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"{str(path)!r} is a folder, not a text file") from None
    except OSError as exc:
        raise InputError(f"cannot read {str(path)!r}: {exc.strerror}") from None
    return _blocks_of(handle, str(path))


def _blocks_of(handle: Any, name: str) -> Iterator[bytes]:
    with handle:
        while True:
            try:
                block = handle.read(CHUNK)
            except OSError as exc:
                raise InputError(f"cannot read {name!r}: {exc.strerror}") from None
            if not block:
                return
            yield block


def _stdin_blocks() -> Iterator[bytes]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError("standard input is closed")
    return _read_stream(stream)


def _read_stream(stream: Any) -> Iterator[bytes]:
    while True:
        try:
            block = stream.read1(CHUNK) if hasattr(stream, "read1") else stream.read(CHUNK)
        except OSError as exc:
            raise InputError(f"cannot read standard input: {exc.strerror}") from None
        if not block:
            return
        yield block


def read_stdin_text() -> str:
    """All of standard input as UTF-8 text (``check -``); a byte-order mark is dropped."""
    from specbench.decoding import encoding_name

    data = b"".join(_stdin_blocks())
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        shown = encoding_name("utf-8")
        raise InputError(f"standard input is not {shown} text (bad byte at offset {exc.start})") from None


def _fetch(url: str) -> tuple[Iterator[bytes], str, str | None]:
    """The body of a web page as blocks of bytes, its media type and declared charset.

    The request is made here, so a page that cannot be had fails before any output; the body
    streams, and reading stops with an error past MAX_BYTES.
    """
    try:
        import httpx
    except ImportError:
        raise UsageError("reading web pages needs httpx: pip install 'specbench[web]'") from None
    from specbench import __version__

    client = httpx.Client(
        timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": f"specbench/{__version__}"}, trust_env=True
    )
    try:
        response = client.send(client.build_request("GET", url), stream=True)
    except httpx.InvalidURL as exc:
        client.close()
        raise UsageError(f"{url!r} is not a valid URL ({exc})") from None
    except httpx.TimeoutException:
        client.close()
        raise InputError(f"cannot fetch {url!r}: no answer within {TIMEOUT:g} s") from None
    except httpx.HTTPError as exc:
        client.close()
        raise InputError(f"cannot fetch {url!r}: {_reason(exc)}") from None
    if response.status_code >= 400:
        response.close()
        client.close()
        raise InputError(f"cannot fetch {url!r}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        response.close()
        client.close()
        raise InputError(f"cannot fetch {url!r}: {int(length)} bytes is more than the limit of {_size(MAX_BYTES)}")
    return _body(url, client, response), response.headers.get("content-type", ""), response.charset_encoding


def _body(url: str, client: Any, response: Any) -> Iterator[bytes]:
    import httpx

    total = 0
    try:
        for block in response.iter_bytes(CHUNK):
            total += len(block)
            if total > MAX_BYTES:
                raise InputError(f"cannot fetch {url!r}: the page is larger than the limit of {_size(MAX_BYTES)}")
            yield block
    except httpx.TimeoutException:
        raise InputError(f"cannot fetch {url!r}: no answer within {TIMEOUT:g} s") from None
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch {url!r}: {_reason(exc)}") from None
    finally:
        response.close()
        client.close()


def _size(count: int) -> str:
    return f"{count >> 20} MiB" if count >= 1 << 20 else f"{count} bytes"


def _reason(exc: Exception) -> str:
    """The first line of an HTTP client error, or its kind."""
    text = " ".join(str(exc).split())
    return text[:120] if text else type(exc).__name__

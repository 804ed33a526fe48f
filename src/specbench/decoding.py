"""Bytes to text for articles: UTF-8 first, then the encoding the input declares, then detection.

Chinese launch coverage comes in UTF-8 (with or without a byte-order mark), in GBK or GB18030
(mainland sites, older saved pages) and in Big5 (Taiwan and Hong Kong sites). The order is
chosen so that UTF-8 is never mistaken for anything else:

1. a UTF-8 byte-order mark: the text is UTF-8;
2. a sample that decodes as UTF-8: the text is UTF-8 (GBK or Big5 text of any length almost
   never forms valid UTF-8 by chance, while UTF-8 Chinese often decodes, wrongly, as GBK);
3. the encoding the input declares (an HTTP ``charset``, an HTML ``<meta charset>``), if the
   sample decodes with it;
4. otherwise charset-normalizer chooses between GB18030 (a superset of GBK and GB2312) and
   Big5 by how coherent the decoded text is.

The text is streamed: bytes before the first non-ASCII byte are the same in every one of
these encodings and pass straight through; the decision is made on a sample from there, and
the rest is decoded a block at a time with the encoding chosen.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from itertools import chain

from specbench.errors import InputError

SAMPLE = 1 << 16  # bytes from the first non-ASCII byte that the choice of encoding rests on
DETECTED = ("gb18030", "big5")  # what detection chooses between, after UTF-8
# Labels as pages and servers write them, read as browsers read them (WHATWG Encoding): GB2312
# and GBK pages are decoded as GB18030, their superset; Big5 as Big5-HKSCS, its superset.
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5-HKSCS"}
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]{1,40})", re.IGNORECASE)


def decode_blocks(blocks: Iterable[bytes], name: str, declared: str | None = None) -> Iterator[str]:
    """The text of ``blocks`` (the bytes of an input called ``name``), a chunk at a time.

    ``declared`` is the encoding the input says it is in, if any. Raises InputError, naming the
    input, for a binary input (NUL bytes) or one that no supported encoding decodes.
    """
    stream = _Blocks(blocks, name)
    head = stream.take(3)
    if head.startswith(codecs.BOM_UTF8):
        yield from _decode(stream, head, "utf-8-sig", name, 0)
        return
    offset = 0
    while head.isascii() and not stream.ended:  # the same text in every supported encoding
        if head:
            yield head.decode("ascii")
        offset += len(head)
        head = stream.take(1)
    if head.isascii():
        if head:
            yield head.decode("ascii")
        return
    sample = head + stream.take(SAMPLE - len(head))
    encoding = choose_encoding(sample, name, declared, complete=stream.ended, offset=offset)
    yield from _decode(stream, sample, encoding, name, offset)


def choose_encoding(
    sample: bytes, name: str, declared: str | None = None, *, complete: bool = True, offset: int = 0
) -> str:
    """The encoding of a sample of text (see the module's order). ``complete``: the sample is
    the whole rest of the input; otherwise it may end inside a character. ``offset``: where in
    the input the sample starts, for the error message."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError as exc:
        bad_utf8 = offset + exc.start
    if not complete and b"\n" in sample:  # a line end is never inside a character in these encodings
        sample = sample[: sample.rindex(b"\n") + 1]
    label = canonical(declared) if declared else None
    if label and label not in ("utf-8", "utf-8-sig") and _decodes(sample, label):
        return label
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(DETECTED)).best()
    if best is None:
        raise InputError(
            f"{name!r} is not UTF-8, GB18030 (GBK) or Big5 text (first byte that is not UTF-8 at offset {bad_utf8})"
        )
    return canonical(best.encoding) or best.encoding


def canonical(label: str | None) -> str | None:
    """Python's name for an encoding label ("GB2312" -> "gb18030"), or None for an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return ALIASES.get(name, name)


def declared_in_html(head: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` near its start, if any."""
    match = _META_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii") if match else None


def encoding_name(encoding: str) -> str:
    return _NAMES.get(encoding, encoding)


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _decode(stream: _Blocks, first: bytes, encoding: str, name: str, offset: int) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)()
    shown = encoding_name(encoding)
    for block in chain((first,), stream):  # streamed: one block in memory at a time
        held = len(decoder.getstate()[0])  # bytes of a character the previous block ended inside
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name!r} is not {shown} text (bad byte at offset {offset - held + exc.start})") from None
        offset += len(block)
        if text:
            yield text
    try:
        rest = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(f"{name!r} is not {shown} text (it ends inside a character)") from None
    if rest:
        yield rest


class _Blocks:
    """Blocks of bytes that may be taken a few bytes at a time, rejecting a binary input."""

    def __init__(self, blocks: Iterable[bytes], name: str) -> None:
        self._blocks = iter(blocks)
        self._pending = b""
        self._name = name
        self.ended = False

    def _next(self) -> bytes:
        for block in self._blocks:
            if b"\0" in block:
                raise InputError(f"{self._name!r} is not a text file (it contains NUL bytes)")
            if block:
                return block
        self.ended = True
        return b""

    def take(self, size: int) -> bytes:
        """At least ``size`` bytes (whole blocks), fewer only at the end of the input."""
        if size <= 0:
            return b""
        parts, total = [self._pending], len(self._pending)
        self._pending = b""
        while total < size:
            block = self._next()
            if not block:
                break
            parts.append(block)
            total += len(block)
        data = b"".join(parts)
        if not self.ended and not self._pending:
            self._peek()
        return data

    def _peek(self) -> None:
        self._pending = self._next()

    def __iter__(self) -> Iterator[bytes]:
        while not self.ended or self._pending:
            block, self._pending = self._pending, b""
            if block:
                yield block
            if not self.ended:
                self._pending = self._next()

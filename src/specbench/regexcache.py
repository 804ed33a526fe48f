"""Compiled regular expressions kept between runs.

The claim reader's patterns are large (tries of every chip name and keyword of both
languages), and compiling them was the largest part of the start-up of ``specbench
check``. The engine's compiled form of each pattern is kept in one file of the cache
folder, named for the interpreter and the engine's version, and handed back to the
engine on later runs; the engine validates it ("invalid SRE code" otherwise). Anything
missing, of another version, too large, of the wrong shape or rejected is compiled
afresh, and the result is the same pattern ``re.compile`` gives.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from specbench import cachefile

MAX_BYTES = 8 << 20  # a larger file is not ours to trust: compile afresh
_FORMAT = 3  # the engine's code as the bytes of its code words: a list of numbers is slow to read
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}
_stored: dict[str, Any] | None = None


_used: set[str] = set()  # keys read or written by this run: kept when older ones are dropped
_dirty = False  # something this run worked out is not in the file yet


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the compiled form a previous run kept where there is one."""
    global _dirty
    found = _compiled.get((pattern, flags))
    if found is not None:
        return found
    key = _key(pattern if not flags else f"{int(flags)}\0{pattern}")
    _used.add(key)
    stored = _store()
    compiled = _revive(pattern, stored.get(key))
    if compiled is None:
        compiled, entry = _compile(pattern, int(flags))
        if entry is not None:
            stored[key] = entry
            _dirty = True
    if _dirty:
        _save(stored)
        _dirty = False
    _compiled[(pattern, flags)] = compiled
    return compiled


def remember(kind: str, pattern: str, compute: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """What ``compute`` says about ``pattern`` (its first characters, its groups), kept in the same
    file as the compiled patterns: reading a large pattern's parse costs more than compiling it.
    A kept value that ``valid`` rejects is worked out afresh. It is written with the next
    pattern :func:`compile` handles.

    The key holds the stamp of the file that defines ``compute``, so that a value worked out
    by another version of that code (an upgrade, an edit) is never handed back."""
    global _dirty
    key = f"{kind}:{_stamp(compute.__code__.co_filename)}:{_key(pattern)}"
    _used.add(key)
    stored = _store()
    value = stored.get(key)
    if value is not None and valid(value):
        return value
    value = compute()
    stored[key] = value
    _dirty = True
    return value


@cache
def _stamp(filename: str) -> str:
    """The size and modification time of a source file: they change when the code in it does."""
    try:
        status = os.stat(filename)
    except OSError:
        return "?"
    return f"{status.st_size}-{status.st_mtime_ns}"


def _key(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()


def _path() -> Path | None:
    try:
        import _sre
    except ImportError:  # not CPython: nothing to keep
        return None
    from specbench.store import cache_dir

    return cache_dir() / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}{cachefile.SUFFIX}"


def _store() -> dict[str, Any]:
    global _stored
    if _stored is None:
        _stored = {}
        path = _path()
        data = cachefile.read(path, MAX_BYTES) if path is not None else None
        if isinstance(data, dict) and data.get("format") == _FORMAT and isinstance(data.get("patterns"), dict):
            _stored = data["patterns"]
    return _stored


def _revive(pattern: str, entry: Any) -> re.Pattern[str] | None:
    try:
        import _sre

        flags, packed, groups, groupindex, indexgroup = entry
        if not (isinstance(packed, bytes) and isinstance(groupindex, dict) and isinstance(indexgroup, list)):
            return None
        code = array(_code_type(), packed).tolist()
        compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
        return compiled
    except Exception:  # missing, malformed or rejected by the engine's validator: compile afresh
        return None


def _compile(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], list[Any] | None]:
    """The pattern, and what to keep of it (None where the engine's internals are not as expected)."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = [parsed.state.flags, list(code), parsed.state.groups - 1, groupindex, indexgroup]
        compiled: re.Pattern[str] = _sre.compile(pattern, *entry[:4], tuple(indexgroup))
        entry[1] = array(_code_type(), code).tobytes()
        return compiled, entry
    except Exception:
        pass
    return re.compile(pattern, flags), None


def _code_type() -> str:
    """The array type of the engine's code words (``_sre.CODESIZE`` bytes each)."""
    import _sre

    return {array(t).itemsize: t for t in "IHL"}[_sre.CODESIZE]


def _save(stored: dict[str, Any]) -> None:
    path = _path()
    if path is None:
        return
    if len(stored) > MAX_PATTERNS or sum(map(_size, stored.values())) > MAX_KEPT_BYTES:
        for key in [k for k in stored if k not in _used]:  # of earlier catalogues and versions
            del stored[key]
    cachefile.write(path, {"format": _FORMAT, "patterns": stored})


MAX_PATTERNS = 256
# Every run reads the whole file: beyond this, entries this run did not use are dropped. The
# bundled catalogue's reader and scan prefilter take about 0.6 MB.
MAX_KEPT_BYTES = 2 << 20


def _size(entry: Any) -> int:
    """About how many bytes an entry takes in the file: its code, or its text."""
    if isinstance(entry, list) and len(entry) > 1 and isinstance(entry[1], bytes):
        return len(entry[1])
    return len(str(entry))

"""Cache files: data that the next run trusts only when it is whole and unchanged.

A cache file is a first line ``specbench-cache 2 sha256:<digest of the rest>`` and the data
in Python's ``marshal`` format (version 4, which every Python since 3.4 reads): the format
of the interpreter's own ``__pycache__``, read several times faster than JSON, which matters
to a ``check`` that reads three caches on every run. It holds only what JSON could (dicts,
lists, strings, numbers, None) and bytes. A file is read only if it is a regular file no
larger than its limit (a link to /dev/zero is not read for ever), its checksum matches (an
edited or truncated file is not trusted), and it loads; on any doubt the caller rebuilds it
from the sources. Each cache is keyed by its caller on the versions of what produced it, and
old keys are evicted.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import time
from pathlib import Path
from typing import Any

_MAGIC = b"specbench-cache 2 sha256:"
_MARSHAL_VERSION = 4
SUFFIX = ".cache"


def read(path: Path, limit: int) -> Any | None:
    """The data a cache file holds, or None when it is missing, too large, not a regular file,
    altered, or not readable. Reading refreshes its time, so eviction keeps the caches in use."""
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            raw = handle.read(limit + 1)
        header, _, body = raw.partition(b"\n")
        if len(raw) > limit or header != _MAGIC + hashlib.sha256(body).hexdigest().encode():
            return None
        data = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError, RecursionError):
        return None
    try:
        os.utime(path)
    except OSError:
        pass
    return data


def write(path: Path, data: Any) -> None:
    """Write a cache file atomically; a folder that cannot be written only costs speed."""
    from specbench._atomic import write_bytes_atomic

    body = marshal.dumps(data, _MARSHAL_VERSION)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, _MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    except OSError:
        pass


def evict(folder: Path, pattern: str, keep: int, max_age_days: float = 30) -> None:
    """Remove cache files matching ``pattern`` beyond the ``keep`` most recently used, and any
    unused for ``max_age_days`` (caches of spec folders or versions no longer in use)."""
    try:
        found = sorted(
            ((p.stat().st_mtime, p) for p in folder.glob(pattern) if p.is_file()), key=lambda x: x[0], reverse=True
        )
    except OSError:
        return
    oldest = time.time() - max_age_days * 86400
    for index, (mtime, path) in enumerate(found):
        if index >= keep or mtime < oldest:
            try:
                path.unlink()
            except OSError:
                pass

"""Atomic file writes: a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A handle on a temporary file beside ``path`` that replaces it only if the block succeeds.

    ``mode`` is "w" (UTF-8 text) or "wb" (bytes).
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    # mkstemp makes the file private (0600); give it the mode a plain write would have.
    os.chmod(tmp, _mode_for(path))
    encoding, newline = (None, None) if "b" in mode else ("utf-8", "")
    try:
        with open(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path: Path, text: str, *, make_parents: bool = False) -> None:
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: Path, content: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(content)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

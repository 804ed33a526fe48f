"""Writing output: a file is replaced whole or not at all, and nothing else at the path is harmed.

- A regular file (or a new one) is written to a temporary file beside it, flushed to disk
  and renamed over it, so a failure or an interrupt never leaves it half-written.
- A symbolic link has its target replaced; the link stays a link.
- A device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe) is written to as a
  stream: renaming a file over it would destroy it.
- ``-`` is standard output.

Failures become :class:`~specbench.errors.OutputError`, one line naming the path.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from specbench.errors import OutputError


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A handle on a temporary file beside ``path`` that replaces it only if the block succeeds.

    ``mode`` is "w" (UTF-8 text) or "wb" (bytes). The data is flushed to disk before the
    rename, and the rename before returning, so a crash leaves the old file or the new one.
    """
    fd, tmp = _temporary_beside(path)
    try:
        encoding, newline = (None, None) if "b" in mode else ("utf-8", "")
        with open(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in the folder of ``path``, with the mode a plain write would give
    (mkstemp makes it private, 0600): (descriptor, name)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".tmp")
    try:
        os.chmod(tmp, _mode_for(path))
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    return fd, tmp


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: Path, content: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(content)


def write_files(files: dict[Path, bytes]) -> None:
    """Write several files so that either all of them are replaced or none is: each is first
    written in full to a temporary file beside it, and only when every one is written are
    they renamed into place. Raises OutputError naming the file that could not be written."""
    for path in files:
        if path.is_dir():
            raise OutputError(f"cannot write {_shown(path)}: it is a folder")
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = _temporary_beside(path)
                staged.append((tmp, path))
                with open(fd, "wb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise OutputError(f"cannot write {_shown(path)}: {_reason(exc)}") from None
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(f"cannot write {_shown(path)}: {_reason(exc)}") from None
    except BaseException:
        for tmp, _ in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    for folder in {path.parent for _, path in staged}:
        _sync_folder(folder)


def write_output(out: Path | str | None, pieces: Iterable[str | bytes]) -> None:
    """Write output, piece by piece as it is produced, to ``out``: None or ``-`` for standard
    output, otherwise a path handled as the module says. Raises OutputError naming the path."""
    if out is None or str(out) == "-":
        _to_stdout(pieces)
        return
    path = Path(out)
    target = _target(path)
    try:
        if target is None:  # a device, FIFO or socket: write through it
            _to_stream(path, pieces)
            return
        with atomic_writer(target, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
    except OSError as exc:
        raise OutputError(f"cannot write {_shown(path)}: {_reason(exc)}") from None


def check_output(out: Path | str | None, inputs: Iterable[Path] = ()) -> None:
    """Fail early, before any work, on an output path that cannot be written or is an input."""
    if out is None or str(out) == "-":
        if out is None and sys.stdout is None:
            raise OutputError("standard output is closed")
        return
    path = Path(out)
    target = _target(path)
    for source in inputs:
        try:
            same = os.path.samefile(source, path)
        except OSError:
            continue
        if same:
            raise OutputError(f"cannot write {_shown(path)}: it is one of the files read")
    if target is not None and not os.access(target.parent, os.W_OK):
        raise OutputError(f"cannot write {_shown(path)}: folder {_shown(target.parent)} is not writable")


def _target(path: Path) -> Path | None:
    """The regular file to replace for ``path`` (a symlink's target), or None for a device,
    FIFO or socket. Raises OutputError for a path that cannot be a file."""
    if len(os.fsencode(path.name)) > 255:
        raise OutputError(f"cannot write {_shown(path)}: file name longer than 255 bytes")
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {_shown(path)}: {_reason(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {_shown(path)}: it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return None
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    parent = target.parent
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise OutputError(f"cannot write {_shown(path)}: {_shown(parent)} {what}")
    return target


def _to_stream(path: Path, pieces: Iterable[str | bytes]) -> None:
    with open(path, "wb") as handle:
        for piece in pieces:
            handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


def _to_stdout(pieces: Iterable[str | bytes]) -> None:
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    # A terminal that cannot show Chinese gets replacement marks, not a traceback.
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    try:
        for piece in pieces:
            stream.write(piece if isinstance(piece, str) else piece.decode("utf-8", "replace"))
        stream.flush()
    except BrokenPipeError:
        raise  # the reader has gone (`| head`): the command line ends quietly
    except OSError as exc:
        raise OutputError(f"cannot write to standard output: {_reason(exc)}") from None
    except ValueError:  # a closed stream
        raise OutputError("standard output is closed") from None


def _sync_folder(folder: Path) -> None:
    """Make a rename durable: flush the folder's entry to disk (where the platform allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "name too long"
    return exc.strerror or type(exc).__name__


def _shown(path: Path, limit: int = 80) -> str:
    """A path as a message quotes it: a long one keeps its end (the file name), unless the
    name itself is what is too long."""
    text = str(path)
    if len(text) <= limit:
        return repr(text)
    if len(path.name) >= limit - 10:
        return repr(path.name[: limit - 1] + "…")
    return repr("…" + text[-(limit - 1) :])


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

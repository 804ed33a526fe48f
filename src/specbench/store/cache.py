"""The validated catalogue in a cache file (:mod:`specbench.cachefile`), keyed by the content of
the spec files and of the code that reads them: validation imports pint and pydantic (about
0.25 s), and a command that finds the cache imports neither."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from specbench import cachefile
from specbench.store.catalogue import CACHE_FORMAT, Catalogue
from specbench.store.locations import PACKAGE, cache_dir, display_path

MAX_CACHE_BYTES = 32 << 20  # the bundled catalogue's cache is about 100 kB
KEEP = 8  # catalogues kept in the cache folder (one per set of spec files in use)


def cache_path(files: list[Path]) -> Path:
    """Where the catalogue of these spec files is cached.

    The key holds each file's content, its absolute location (the installation or checkout
    it belongs to) and the path the catalogue records for it (relative to the working folder
    where possible): a catalogue cached by another installation, or from another folder,
    is never read back with that one's file paths."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    digest.update(_code_fingerprint().encode())
    folders: dict[Path, str] = {}  # resolving paths costs system calls: once per folder
    for path in files:
        if path.parent not in folders:
            folders[path.parent] = f"{path.parent.resolve()}\0{display_path(path.parent / '-')}"
        try:
            content = path.read_bytes()
        except OSError as exc:  # validation reports it, naming the file
            content = f"unreadable: {exc.strerror}".encode()
        where = f"{folders[path.parent]}\0{path.name}".encode()
        digest.update(where + b"\0" + content + b"\0")
    return cache_dir() / f"catalogue-{digest.hexdigest()[:40]}{cachefile.SUFFIX}"


def read(path: Path) -> Catalogue | None:
    """The cached catalogue, or None if there is none (or it is damaged or of another format)."""
    data = cachefile.read(path, MAX_CACHE_BYTES)
    if data is None:
        return None
    try:
        return Catalogue.from_json(data)
    except Exception:  # whole and unaltered, yet not a catalogue: rebuild it
        return None


def write(path: Path, catalogue: Catalogue) -> None:
    cachefile.write(path, catalogue.to_json())
    cachefile.evict(path.parent, f"catalogue-*{cachefile.SUFFIX}", keep=KEEP)


@cache
def _code_fingerprint() -> str:
    """A hash of the code that validates and normalizes specs, so a code change refreshes the cache."""
    digest = hashlib.sha256()
    code = [
        *sorted(PACKAGE.glob("*.py")),
        *sorted((PACKAGE / "store").glob("*.py")),
        PACKAGE / "units.txt",
        PACKAGE / "data" / "quote-words.toml",
    ]
    for path in code:
        digest.update(path.read_bytes())
    return digest.hexdigest()

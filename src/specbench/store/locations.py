"""Where spec files are: the bundled catalogue, a folder that replaces it, folders that add to it,
and the cache folder; how a spec file is named in messages."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from specbench.errors import SpecbenchError, UsageError

BIBLIOGRAPHY = "sources.toml"
PACKAGE = Path(__file__).resolve().parent.parent  # src/specbench, or site-packages/specbench
ADD_ENV = "SPECBENCH_USER_SPECS"  # folders whose spec files add to the catalogue in use


def bundled_dir(env_var: str, packaged: str, source_tree: str) -> Path | None:
    """A data folder: $env_var, else the copy shipped in the package, else the source tree's."""
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    for candidate in (PACKAGE / packaged, PACKAGE.parent.parent / source_tree):  # wheel; editable or checkout
        if candidate.is_dir():
            return candidate
    return None


def default_specs_dir() -> Path:
    """The spec files: $SPECBENCH_SPECS, else those shipped in the package, else the source tree's."""
    found = bundled_dir("SPECBENCH_SPECS", "specs", "specs")
    if found is None:
        raise SpecbenchError("no spec files found; set SPECBENCH_SPECS to a folder of spec files")
    return found


def added_dirs(named: Sequence[str | Path] | None = None) -> list[Path]:
    """The folders of spec files that add to the catalogue: those named (``--add-specs``), else
    those of $SPECBENCH_USER_SPECS (separated by the platform's path separator, as PATH is)."""
    if named is None:
        named = [part for part in os.environ.get(ADD_ENV, "").split(os.pathsep) if part.strip()]
    folders = []
    for entry in named:
        if not str(entry).strip():
            raise UsageError("--add-specs is empty: name a folder of spec files")
        folders.append(Path(entry))
    return folders


def cache_dir() -> Path:
    """$SPECBENCH_CACHE_DIR, else the platform's cache folder for specbench (platformdirs:
    $XDG_CACHE_HOME/specbench or ~/.cache/specbench on Linux, ~/Library/Caches/specbench on
    macOS, %LOCALAPPDATA%\\specbench\\Cache on Windows)."""
    env = os.environ.get("SPECBENCH_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform.startswith("linux"):
        # platformdirs' own rule for Linux, without its import on every start (a test holds them equal)
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg if xdg else os.path.expanduser("~/.cache")) / "specbench"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("specbench", appauthor=False))


def spec_files(directory: Path) -> list[Path]:
    """The .toml files of a spec folder (its bibliography among them), sorted."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"spec folder {str(directory)!r} is a file, not a folder of spec files")
    if not directory.is_dir():
        raise UsageError(f"spec folder {str(directory)!r} does not exist")
    return sorted(p for p in directory.glob("*.toml") if p.is_file())


def display_path(path: Path) -> str:
    """How a spec file is named in messages: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        if path.resolve().parent == (PACKAGE / "specs").resolve():
            return f"specs/{path.name}"
        return str(path)

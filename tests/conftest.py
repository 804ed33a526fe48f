from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

SPECS = Path(__file__).resolve().parent.parent / "specs"

# Keep the test run's catalogue cache out of the user's home folder.
os.environ["SPECBENCH_CACHE_DIR"] = tempfile.mkdtemp(prefix="specbench-test-cache-")
os.environ.pop("SPECBENCH_SPECS", None)


@pytest.fixture(scope="session")
def catalogue():
    from specbench.store import load

    return load(SPECS, use_cache=False)


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled spec folder, for tests that break a file."""
    target = tmp_path / "specs"
    shutil.copytree(SPECS, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

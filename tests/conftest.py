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


# A chip a user adds, in a folder of their own. The figures are placeholders of a made-up part:
# the tests that use it are about loading, lookup and lint, not about any real chip.
USER_CHIP = """\
id = "acme-x1"
name = "Acme X1"
vendor = "Acme"
family = "X1"
default = true
sku = "X1 test card"
form_factor = "PCIe"
aliases = {aliases}

[[throughput]]
precision = "bf16"
execution = "matrix"
sparsity = "dense"
level = "card"
value = "100 TFLOPS"
sources = ["{source}"]
"""
# The user's own bibliography, with the key the made-up chip cites by default.
USER_SOURCES = """\
[USER-1]
title = "Test document"
publisher = "Acme"
date = "2025"
quality = "vendor"
locator = "test fixture"
"""


@pytest.fixture
def user_folder(tmp_path: Path):
    """Make ``tmp_path/mine``, a user's folder holding the made-up chip (``acme-x1.toml``) with the
    aliases given, citing ``source``, beside a ``sources.toml`` of ``sources`` (none if None)."""

    def make(aliases: str = '["X1"]', source: str = "USER-1", sources: str | None = USER_SOURCES) -> Path:
        folder = tmp_path / "mine"
        folder.mkdir()
        (folder / "acme-x1.toml").write_text(USER_CHIP.format(aliases=aliases, source=source), encoding="utf-8")
        if sources is not None:
            (folder / "sources.toml").write_text(sources, encoding="utf-8")
        return folder

    return make


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

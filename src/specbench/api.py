"""The Python API: the same operations as the CLI, returning objects and DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from specbench.model import Chip
from specbench.store import Catalogue, added_dirs
from specbench.store import load as _load

if TYPE_CHECKING:
    import pandas as pd


@lru_cache(maxsize=4)
def _cached(specs_dir: str | None, added: tuple[str, ...]) -> Catalogue:
    return _load(specs_dir, add=list(added))


def load(specs_dir: str | Path | None = None, add: Sequence[str | Path] | None = None) -> Catalogue:
    """The validated catalogue: the bundled spec files (or those in ``specs_dir``) with the
    entries of the folders in ``add`` (default: those of $SPECBENCH_USER_SPECS) added."""
    return _cached(str(specs_dir) if specs_dir else None, tuple(str(d) for d in added_dirs(add)))


def get(name: str, specs_dir: str | Path | None = None) -> Chip:
    """Look a chip up by any of its names: ``get("壁仞BR100")``, ``get("mtt s4000")``."""
    return load(specs_dir).get(name)


def catalogue(specs_dir: str | Path | None = None) -> pd.DataFrame:
    """The catalogue as a DataFrame, one row per entry."""
    import pandas as pd

    from specbench.listing import catalogue_rows

    rows = catalogue_rows(load(specs_dir))
    return pd.DataFrame(rows).set_index("id")


def compare(
    *names: str, basis: str = "dense", baseline: str | None = None, specs_dir: str | Path | None = None
) -> pd.DataFrame:
    """A like-for-like comparison as a DataFrame: one row per metric, a column per chip and ratio.

    ``df.attrs`` holds the notes, the normalization steps and the sources.
    """
    from specbench.comparison import build_comparison

    return build_comparison(load(specs_dir), list(names), basis=basis, baseline=baseline).to_frame()

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
    """The catalogue as a DataFrame, one row per entry; ``compute_dies`` and ``tdp_w`` are
    numbers (NaN where unknown)."""
    import pandas as pd

    from specbench.listing import catalogue_rows

    frame = pd.DataFrame(catalogue_rows(load(specs_dir))).set_index("id")
    for column in ("compute_dies", "tdp_w"):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    return frame


def figures(specs_dir: str | Path | None = None) -> pd.DataFrame:
    """Every figure of the catalogue, one row each (a long, tidy table): the chip, the metric,
    its attributes (precision, execution unit, sparsity, level, status, whether preferred where
    sources disagree), ``value`` as a number in ``unit`` (NaN for text such as a memory type),
    the text the source printed (``published``) and the sources it cites.

    >>> bf16 = figures().query("metric == 'throughput' and precision == 'bf16'")
    """
    import pandas as pd

    from specbench.tidy import FIGURE_COLUMNS, figure_records

    frame = pd.DataFrame(figure_records(load(specs_dir)), columns=list(FIGURE_COLUMNS))
    frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    return frame


def rank(
    by: str,
    *names: str,
    vendor: Sequence[str] = (),
    country: Sequence[str] = (),
    specs_dir: str | Path | None = None,
) -> pd.DataFrame:
    """A ranking as a DataFrame, one row per chip, highest first: ``rank`` (NaN for a chip
    without the figure), the tidy columns, and ``marks`` (or why a chip is not ranked)."""
    import pandas as pd

    from specbench.ranking import rank as build

    ranking = build(load(specs_dir), by, list(names) or None, tuple(vendor), tuple(country))
    records = [{"rank": place, **row.record(), "marks": marks} for row, place, marks in ranking.tidy_rows()]
    frame = pd.DataFrame(records)
    frame["rank"] = pd.to_numeric(frame["rank"]).astype("float64")
    frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    return frame


def compare(
    *names: str, basis: str = "dense", baseline: str | None = None, specs_dir: str | Path | None = None
) -> pd.DataFrame:
    """A like-for-like comparison as a DataFrame: one row per metric, a column per chip and ratio.

    ``df.attrs`` holds the notes, the normalization steps and the sources.
    """
    from specbench.comparison import build_comparison

    return build_comparison(load(specs_dir), list(names), basis=basis, baseline=baseline).to_frame()

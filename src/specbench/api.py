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


def scan_frame(frame: pd.DataFrame, column: str, specs_dir: str | Path | None = None) -> pd.DataFrame:
    """Every checkable claim in a column of texts, judged: one row per claim.

    Each cell is read as one article (its own context: "它" resolves within the cell only).
    The result has the frame's index as a column (``index``, or the index's own name; one
    column per level of a MultiIndex), so that claims join back to their rows, then ``line``
    (within the cell) and the columns of ``specbench scan --format csv``: verdict, flags,
    chip, rival, metric, claimed, claimed_value, claimed_unit, catalogue_value,
    catalogue_unit, catalogue, claimed_ratio, ratio, text. Its columns are the same whether
    or not any claim is found, so it works on the partitions of a Dask DataFrame::

        claims = texts.map_partitions(specbench.scan_frame, "text")
    """
    import pandas as pd

    from specbench.claims import Reader
    from specbench.claims.judging import Judge
    from specbench.claims.render import CLAIM_COLUMNS, claim_record
    from specbench.errors import UsageError
    from specbench.scan import scan_text

    if column not in frame.columns:
        shown = ", ".join(repr(c) for c in list(frame.columns)[:10])
        raise UsageError(f"no column {column!r} in the frame (its columns: {shown or 'none'})")
    catalogue = load(specs_dir)
    reader, judge = Reader.of(catalogue), Judge.of(catalogue)
    levels = frame.index.nlevels
    index_names = [
        str(name) if name is not None else ("index" if levels == 1 else f"level_{level}")
        for level, name in enumerate(frame.index.names)
    ]
    positions: list[int] = []
    records: list[dict[str, object]] = []
    for position, text in enumerate(frame[column]):
        if not isinstance(text, str) or not text.strip():
            continue  # a missing text holds no claim
        for finding in scan_text([text], "", reader, judge):
            positions.append(position)
            records.append({"line": finding.line, **claim_record(finding.judgement, catalogue)})
    columns = ["line", *CLAIM_COLUMNS[2:]]
    claims = pd.DataFrame.from_records(records, columns=columns)
    numbers = {"claimed_value", "catalogue_value", "claimed_ratio", "ratio"}
    # fixed dtypes, so that every partition of a Dask DataFrame has the same (a column that is
    # empty in one partition would otherwise be inferred as object there)
    claims = claims.astype(
        {c: "int64" if c == "line" else "float64" if c in numbers else pd.StringDtype() for c in columns}
    )
    keys = frame.index.take(positions).to_frame(index=False)
    keys.columns = pd.Index(index_names)
    return pd.concat([keys, claims], axis=1)

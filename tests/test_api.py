"""The Python API's scan_frame, on pandas and on Dask partitions."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest

import specbench
from specbench.errors import UsageError

ARTICLES = Path(__file__).resolve().parent.parent / "claims" / "articles"
NAMES = [
    "kkj-biren-br100-launch-2022",
    "bomin007-domestic-ai-chips-vs-a100-h100-2023",
    "tomshardware-biren-br100-br104-2022",
]


def texts() -> pd.DataFrame:
    """Real excerpts, one per row, keyed by name; one row has no text."""
    rows = {name: tomllib.loads((ARTICLES / f"{name}.toml").read_text("utf-8"))["text"] for name in NAMES}
    frame = pd.DataFrame({"text": [*rows.values(), None]}, index=pd.Index([*rows, "missing"], name="article"))
    frame["publisher"] = ["快科技", "柏銘007", "Tom's Hardware", ""]
    return frame


def test_scan_frame_gives_one_row_per_claim_keyed_by_the_frames_index():
    frame = texts()
    claims = specbench.scan_frame(frame, "text")
    assert list(claims.columns[:4]) == ["article", "line", "verdict", "flags"]
    assert set(claims["article"]) == set(NAMES)  # the row with no text has no claim
    bf16 = claims[(claims["article"] == NAMES[0]) & (claims["text"] == "BF16性能1024TFLOPS")].iloc[0]
    # Biren: BR100 BF16 1024 TFLOPS [BR-1]; the excerpt's expectation is "supported"
    assert (bf16["line"], bf16["verdict"], bf16["chip"], bf16["claimed_value"], bf16["catalogue_value"]) == (
        4,
        "supported",
        "BR100",
        1024.0,
        1024.0,
    )
    joined = claims.merge(frame[["publisher"]], left_on="article", right_index=True)
    assert set(joined.loc[joined["article"] == NAMES[2], "publisher"]) == {"Tom's Hardware"}


def test_scan_frame_of_texts_without_claims_keeps_its_columns():
    claims = specbench.scan_frame(pd.DataFrame({"body": ["no figures here", None]}), "body")
    assert claims.empty
    assert list(claims.columns[:3]) == ["index", "line", "verdict"]
    assert claims["catalogue_value"].dtype == "float64"


def test_scan_frame_names_a_missing_column():
    with pytest.raises(UsageError, match="no column 'body' in the frame"):
        specbench.scan_frame(texts(), "body")


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_scan_frame_runs_on_dask_partitions(scheduler):
    import dask.dataframe as dd  # in the test extra: CI fails here, not skips, if it is missing

    frame = texts()
    expected = specbench.scan_frame(frame, "text")
    partitions = dd.from_pandas(frame, npartitions=2, sort=False)
    assert partitions.npartitions == 2
    result = partitions.map_partitions(specbench.scan_frame, "text").compute(scheduler=scheduler)
    result = result.reset_index(drop=True).astype({"article": expected["article"].dtype})
    pd.testing.assert_frame_equal(result, expected)

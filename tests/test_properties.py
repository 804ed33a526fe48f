"""Property tests: lookup and unit parsing never fail with anything but their own errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from specbench import units
from specbench.errors import AmbiguousChipError, UnitError, UnknownChipError
from specbench.store import normalize_name

pytestmark = pytest.mark.property


@given(st.text())
def test_normalize_name_is_total_and_idempotent_on_folded_text(text):
    key = normalize_name(text)
    assert isinstance(key, str)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_lookup_returns_a_chip_or_a_clear_error(catalogue, text):
    try:
        chip = catalogue.get(text)
    except AmbiguousChipError as exc:  # a partial name of several families lists them
        assert len(exc.families) > 1 and f"names {len(exc.families)} families: " in str(exc)
    except UnknownChipError as exc:
        assert str(exc).startswith("unknown chip ")
    else:
        assert chip.id in catalogue.chips


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_unit_parsing_raises_only_unit_errors(text):
    try:
        units.to_canonical(text, "flop_rate")
    except UnitError:
        pass


@given(st.floats(min_value=1e-3, max_value=1e6, allow_nan=False))
def test_sparse_to_dense_halves(value):
    from specbench.model import Chip, Figure
    from specbench.normalize import dense_equivalent

    sparse = Figure(
        metric="throughput",
        text=f"{value} TFLOPS",
        value=value,
        sources=("X",),
        precision="bf16",
        execution="matrix",
        sparsity="sparse",
        level="package",
    )
    chip = Chip(id="x", name="X", vendor="V", family="X", sku="x", form_factor="chip", file="x", figures=(sparse,))
    result = dense_equivalent(chip, "bf16", "matrix")
    assert result is not None and result.value == pytest.approx(value / 2)


CHIPS = ["BR100", "A100", "H20", "邃思2.0", "曦云C500", "MTT S4000", "H100", "T20"]
WORDS = [
    "的",
    "FP16",
    "BF16",
    "INT8",
    "算力",
    "相比",
    "至少",
    "倍",
    "%",
    "TFLOPS",
    "TOPS",
    "T",
    "P",
    "以上",
    "仅为",
    "显存带宽",
    "TB/s",
    "GB",
    "毫米",
    "×",
    "than",
    "x",
    "beats",
    "三分之一",
    "目标",
    "，",
    "。",
    " ",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(CHIPS), st.sampled_from(WORDS), st.integers(0, 5000).map(str), st.text(max_size=5)),
        max_size=20,
    ).map("".join)
)
def test_check_never_raises_on_claim_like_text(catalogue, text):
    from specbench.claims import check

    for judgement in check(text, catalogue):
        assert judgement.verdict in {"supported", "misleading", "false", "unverifiable"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_check_never_raises_on_arbitrary_unicode(catalogue, text):
    from specbench.claims import check

    check(text, catalogue)

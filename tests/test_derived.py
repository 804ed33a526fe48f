"""Derived figures, checked by hand against the catalogue's sourced numbers."""

from __future__ import annotations

import pytest

from specbench.comparison import build_comparison
from specbench.derived import cluster, decode_limit, roofline
from specbench.errors import UsageError


def test_ridge_point_and_attainable_for_a100(catalogue):
    # NVIDIA datasheet: A100 SXM4 80GB BF16 312 TFLOPS dense, 2039 GB/s -> 312e12 / 2.039e12 = 153.0 FLOP/B
    result = roofline(catalogue.get("A100"), "bf16", [1, 10, 100, 1000])
    assert result.peak.value == 312 and result.bandwidth == 2039
    assert result.ridge == pytest.approx(153.016, abs=0.01)
    # below the ridge: 2.039 TB/s x I; above it: the peak
    assert result.attainable == [
        (1, pytest.approx(2.039)),
        (10, pytest.approx(20.39)),
        (100, pytest.approx(203.9)),
        (1000, 312),
    ]


def test_ridge_point_uses_the_dense_figure_for_sparse_only_chips(catalogue):
    # H100 SXM5: 1979 TFLOPS BF16 with 2:4 sparsity -> 989.5 dense; 3350 GB/s -> 295.4 FLOP/B
    result = roofline(catalogue.get("H100"), "bf16", [1000])
    assert result.ridge == pytest.approx(989.5 / 3.35, rel=1e-6)


def test_roofline_without_bandwidth_says_so(catalogue):
    result = roofline(catalogue.get("曦云C500"), "bf16", [10])
    assert result.attainable == [] and result.ridge is None
    assert any("memory bandwidth is not published" in note for note in result.notes)


def test_decode_limit(catalogue):
    # 70e9 parameters x 2 bytes = 140 GB read per token; A100 SXM4 80GB: 2039 GB/s / 140 GB = 14.56 tokens/s
    limit = decode_limit(catalogue.get("A100"), 70e9, 2)
    assert limit.value == pytest.approx(14.564, abs=0.001)
    result = roofline(catalogue.get("A100"), "bf16", [1], decode_params=70e9)
    assert any("do not fit" in note for note in result.notes)  # 140 GB > 80 GB


def test_cluster(catalogue):
    # 8 x BR100 BF16 1024 TFLOPS = 8192; at 0.7 efficiency 5734.4
    result = cluster(catalogue.get("BR100"), 8, 0.7)
    bf16 = next(r for r in result.rows if r[0].startswith("BF16"))
    assert bf16[2] == 8192 and bf16[3] == pytest.approx(5734.4)
    assert "512 GB/s per device" in result.interconnect  # 8 BLink links x 64 GB/s [BR-4]
    assert any("16 dies" in n for n in result.notes)
    unstated = cluster(catalogue.get("A100"), 4)
    assert unstated.rows[0][3] is None and "No scaling efficiency stated" in unstated.notes[0]
    with pytest.raises(UsageError):
        cluster(catalogue.get("A100"), 4, 1.5)


def test_derived_rows_in_compare(catalogue):
    c = build_comparison(catalogue, ["BR100", "A100"])
    rows = {r.label: r for r in c.rows}
    per_watt = rows["BF16 · matrix · per watt"]
    # 1024 TFLOPS / 550 W = 1.862; 312 / 400 = 0.78; ratio 2.39
    assert per_watt.cells["biren-br100"].value == pytest.approx(1024 / 550)
    assert per_watt.cells["nvidia-a100-sxm4-80gb"].value == pytest.approx(0.78)
    assert per_watt.ratios["BR100 ÷ A100 SXM4 80GB"] == pytest.approx((1024 / 550) / 0.78)
    assert rows["BF16 · matrix · per compute die"].cells["biren-br100"].value == 512
    # 1024 TFLOPS over 2 x 537 mm² = 953.4 GFLOPS/mm²
    assert rows["BF16 · matrix · per mm² of compute die"].cells["biren-br100"].value == pytest.approx(953.4, abs=0.1)
    assert rows["BF16 · matrix · ridge point"].cells["nvidia-a100-sxm4-80gb"].value == pytest.approx(153.0, abs=0.1)
    assert any("1024 TFLOPS / 550 W = 1.862 TFLOPS/W" in line for line in c.figure_lines())


def test_unknown_precision_is_a_usage_error(catalogue):
    with pytest.raises(UsageError, match="unknown precision 'fp12'"):
        roofline(catalogue.get("A100"), "fp12", [1])

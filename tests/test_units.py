"""Unit edge cases: the traps the registry exists to catch."""

from __future__ import annotations

import pint
import pytest

from specbench import units
from specbench.errors import UnitError


def test_tflops_with_capital_s_is_a_rate():
    assert units.kind_of(units.parse("312 TFLOPS")).name == "flop_rate"
    assert units.to_canonical("312 TFLOPS", "flop_rate") == 312


def test_tflops_with_lower_case_s_is_a_count_and_rejected_as_a_rate():
    assert units.kind_of(units.parse("312 TFLOPs")).name == "flop_count"
    with pytest.raises(UnitError, match=r"count of floating-point operations.*the rate is TFLOPS"):
        units.to_canonical("312 TFLOPs", "flop_rate")


def test_integer_operations_never_convert_to_flops():
    with pytest.raises(pint.DimensionalityError):
        units.parse("624 TOPS").to("TFLOPS")
    with pytest.raises(UnitError, match="integer precisions are counted in OPS"):
        units.to_canonical("624 TOPS", "flop_rate")


def test_bytes_have_their_own_dimension():
    with pytest.raises(pint.DimensionalityError):
        units.parse("80 GiB").to("percent")
    assert units.kind_of(units.parse("80 GiB")).name == "information"


def test_gib_and_gb_differ():
    # 80 GiB = 80 * 2**30 bytes = 85.899 GB
    assert units.to_canonical("80 GiB", "information") == pytest.approx(85.899345920)
    assert units.to_canonical("65536 MiB", "information") == pytest.approx(68.719476736)


def test_gigabits_are_not_gigabytes_nor_gilberts():
    # 16 Gb/s per pin is 2 GB/s
    assert units.to_canonical("16 Gb/s", "bandwidth") == pytest.approx(2.0)
    assert units.to_canonical("1.64 TB/s", "bandwidth") == pytest.approx(1640)


def test_a_bandwidth_is_not_a_flop_rate():
    with pytest.raises(UnitError, match="'1024 TB/s' is a bandwidth, expected a FLOP rate"):
        units.to_canonical("1024 TB/s", "flop_rate")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("770 亿", 7.7e10),
        ("770亿", 7.7e10),
        ("1 万亿次", 1e12),
        ("2 千万亿次", 2e15),
        ("1 百亿亿次", 1e18),
        ("3 万", 3e4),
        ("1 万亿", 1e12),
    ],
)
def test_chinese_magnitudes(text, expected):
    assert units.to_canonical(text, "count") == pytest.approx(expected)


def test_chinese_magnitude_times_a_rate():
    # 每秒千万亿次浮点运算 = 10^15 FLOP/s = 1000 TFLOPS
    assert units.to_canonical("2 千万亿次 * FLOP / s", "flop_rate") == pytest.approx(2000)


def test_package_dimensions_multiply_to_an_area():
    assert units.to_canonical("57.5 mm * 57.5 mm", "area") == pytest.approx(3306.25)
    assert units.to_canonical("57.5 mm × 57.5 mm", "area") == pytest.approx(3306.25)


def test_mac_is_two_operations():
    assert units.parse("1 MACS").to("OPS").magnitude == 2


def test_bad_values_raise_unit_errors():
    for bad in ("", "twelve", "5 parsecs of", True):
        with pytest.raises(UnitError):
            units.to_canonical(bad, "power")
    with pytest.raises(UnitError, match="must be positive"):
        units.to_canonical("-3 W", "power")
    with pytest.raises(UnitError, match="bare number has no unit"):
        units.to_canonical("300", "power")

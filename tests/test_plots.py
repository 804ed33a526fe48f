"""Plots: produced, deterministic, and never drawn with missing glyphs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from specbench import plots
from specbench.derived import roofline
from specbench.errors import UsageError
from specbench.plots import (
    caption,
    display_name,
    efficiency_bytes,
    efficiency_rows,
    read_fingerprint,
    roofline_bytes,
    roofline_label,
    roofline_lines,
    roofline_plot,
)


@pytest.fixture(scope="module")
def rooflines(catalogue):
    return [roofline(catalogue.get(n), "bf16", [1, 10]) for n in ("BR100", "A100", "H20", "曦云C500")]


def test_roofline_svg_is_deterministic(rooflines):
    first, second = roofline_bytes(rooflines), roofline_bytes(rooflines)
    assert first == second
    assert first.startswith(b"<?xml") and b"<svg" in first
    assert read_fingerprint(first) is not None


def test_png_too(rooflines, tmp_path):
    path = tmp_path / "roof.png"
    roofline_plot(rooflines, path)
    content = path.read_bytes()
    assert content.startswith(b"\x89PNG")
    roofline_plot(rooflines, path)
    assert path.read_bytes() == content


def test_fingerprint_changes_with_the_data(catalogue, rooflines):
    other = [roofline(catalogue.get(n), "bf16", [1]) for n in ("BR100", "H100")]
    assert read_fingerprint(roofline_bytes(rooflines)) != read_fingerprint(roofline_bytes(other))


def test_efficiency_chart(catalogue):
    chips = [catalogue.get(n) for n in ("BR100", "A100", "曦云C500")]
    assert efficiency_bytes(chips) == efficiency_bytes(chips)


@pytest.fixture
def latin_only(monkeypatch):
    """Plots drawn as on a machine with no CJK font."""
    monkeypatch.setattr(plots, "_FONTS", [plots.BASE_FONT])
    monkeypatch.setattr(plots, "_CHARMAP", {})


def test_chinese_names_fall_back_to_latin_when_no_font_has_them(catalogue, latin_only):
    # DejaVu Sans has no CJK glyphs.
    assert display_name(catalogue.get("曦云C500")) == "Xiyun C500"
    assert display_name(catalogue.get("BR100")) == "BR100"


@pytest.mark.skipif(len(plots.fonts()) < 2, reason="no CJK font installed (fonts-noto-cjk)")
def test_chinese_names_are_drawn_as_the_tables_print_them_with_a_cjk_font(catalogue):
    assert display_name(catalogue.get("曦云C500")) == "曦云C500"


def test_the_fingerprint_does_not_depend_on_the_fonts(rooflines, monkeypatch):
    with_fonts = read_fingerprint(roofline_bytes(rooflines))
    monkeypatch.setattr(plots, "_FONTS", [plots.BASE_FONT])
    monkeypatch.setattr(plots, "_CHARMAP", {})
    assert read_fingerprint(roofline_bytes(rooflines)) == with_fonts


def test_identical_lines_share_one_label_and_undrawn_chips_are_named(catalogue):
    a100 = roofline(catalogue.get("A100"), "bf16", [1])
    twin = dataclasses.replace(a100, chip=catalogue.get("H20"))  # H20 given A100's figures
    c500 = roofline(catalogue.get("曦云C500"), "bf16", [1])
    lines, missing = roofline_lines([a100, twin, c500])
    # NVIDIA's A100 datasheet: 312 TFLOPS dense BF16, 2039 GB/s (SXM4 80GB).
    assert list(lines) == [(312.0, 2039.0)]
    assert roofline_label(lines[(312.0, 2039.0)], 312.0, 2039.0, "TFLOPS") == (
        "A100 SXM4 80GB = H20: 312 TFLOPS, 2039 GB/s"
    )
    # MetaX publishes no memory bandwidth for the C500.
    assert [(chip.name, why) for chip, why in missing] == [("曦云C500", "no memory bandwidth")]
    shown = display_name(catalogue.get("曦云C500"))
    assert caption(missing) == f"Not drawn: {shown} (no memory bandwidth)."


def test_efficiency_names_the_chips_it_cannot_chart(catalogue):
    rows, missing = efficiency_rows([catalogue.get(n) for n in ("BR100", "邃思2.0")])
    # BR100: 1024 TFLOPS BF16 / 550 W = 1.8618 TFLOPS/W; 1024 / 2 compute dies = 512.
    assert [(chip.name, precision, round(watt, 3), die) for chip, precision, watt, die in rows] == [
        ("BR100", "BF16", 1.862, 512.0)
    ]
    assert [(chip.name, why) for chip, why in missing] == [("邃思2.0", "no BF16 or FP16 figure published")]


def test_bad_plot_requests(catalogue, tmp_path):
    with pytest.raises(UsageError, match=r"should end in \.svg or \.png"):
        roofline_plot([roofline(catalogue.get("A100"), "bf16", [1])], tmp_path / "roof.pdf")
    with pytest.raises(UsageError, match="no chip has both"):
        roofline_bytes([roofline(catalogue.get("曦云C500"), "bf16", [1])])
    assert not list(Path(tmp_path).iterdir())

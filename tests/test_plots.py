"""Plots: produced, deterministic, and never drawn with missing glyphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from specbench.derived import roofline
from specbench.errors import UsageError
from specbench.plots import display_name, efficiency_bytes, read_fingerprint, roofline_bytes, roofline_plot


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


def test_chinese_names_fall_back_to_latin_when_the_font_lacks_them(catalogue):
    # The bundled DejaVu Sans has no CJK glyphs.
    assert display_name(catalogue.get("曦云C500")) == "Xiyun C500"
    assert display_name(catalogue.get("BR100")) == "BR100"


def test_bad_plot_requests(catalogue, tmp_path):
    with pytest.raises(UsageError, match=r"should end in \.svg or \.png"):
        roofline_plot([roofline(catalogue.get("A100"), "bf16", [1])], tmp_path / "roof.pdf")
    with pytest.raises(UsageError, match="no chip has both"):
        roofline_bytes([roofline(catalogue.get("曦云C500"), "bf16", [1])])
    assert not list(Path(tmp_path).iterdir())

"""The compare engine: like-for-like rows, ratios and the notes behind them."""

from __future__ import annotations

import itertools
import json

import pytest

from specbench.comparison import build_comparison
from specbench.errors import UnknownChipError, UsageError
from specbench.tables import Format, render_comparison

from .conftest import SPECS
from .test_store import REQUIRED


def _row(comparison, label):
    return next(r for r in comparison.rows if r.label == label)


def test_br100_vs_a100_headline_rows(catalogue):
    c = build_comparison(catalogue, ["BR100", "A100"])
    ratio = "BR100 ÷ A100 SXM4 80GB"
    bf16 = _row(c, "BF16 · matrix")
    # Biren: 1024 TFLOPS BF16 [BR-3]; NVIDIA: 312 TFLOPS dense [NV-A1]
    assert (bf16.cells["biren-br100"].value, bf16.cells["nvidia-a100-sxm4-80gb"].value) == (1024, 312)
    assert bf16.ratios[ratio] == pytest.approx(1024 / 312)
    assert f"{bf16.ratios[ratio]:.2f}" == "3.28"
    int8 = _row(c, "INT8 · matrix")
    assert (int8.cells["biren-br100"].value, int8.cells["nvidia-a100-sxm4-80gb"].value) == (2048, 624)
    assert int8.unit == "TOPS"


def test_vector_and_matrix_and_vendor_formats_stay_apart(catalogue):
    c = build_comparison(catalogue, ["BR100", "A100"])
    labels = [r.label for r in c.rows]
    assert "FP32 · vector" in labels and "TF32 · matrix" in labels and "TF32+ · matrix" in labels
    assert _row(c, "FP32 · vector").cells["nvidia-a100-sxm4-80gb"].value == 19.5
    assert _row(c, "TF32 · matrix").cells["nvidia-a100-sxm4-80gb"].value == 156
    tf32_plus = _row(c, "TF32+ · matrix")
    assert tf32_plus.cells["biren-br100"].value == 512
    assert tf32_plus.cells["nvidia-a100-sxm4-80gb"].display == "n/a"
    assert all(v is None for v in tf32_plus.ratios.values())
    fp32_unknown = _row(c, "FP32 · unit not stated")
    assert fp32_unknown.cells["biren-br100"].value == 256
    assert all(v is None for v in fp32_unknown.ratios.values())
    # the note puts 256 against both A100 figures: 256/19.5 = 13.13x, 256/156 = 1.64x
    note = next(n for n in c.notes if n.startswith("BR100 FP32 256"))
    assert "13.13x" in note and "1.64x" in note


def test_sparse_only_figures_are_halved_with_the_step_shown(catalogue):
    c = build_comparison(catalogue, ["H100", "A100"])
    bf16 = _row(c, "BF16 · matrix")
    # NVIDIA prints 1979 TFLOPS* (2:4 sparse) for H100 SXM5 [NV-H1]: dense is 989.5
    assert bf16.cells["nvidia-h100-sxm5"].value == pytest.approx(989.5)
    assert bf16.cells["nvidia-h100-sxm5"].steps == ("1979 TFLOPS (2:4 sparse) / 2 = 989.5 TFLOPS dense",)
    assert any("1979 TFLOPS (2:4 sparse) / 2 = 989.5" in line for line in c.figure_lines())


def test_published_basis_keeps_sparse_rows(catalogue):
    c = build_comparison(catalogue, ["H100", "A100"], basis="published")
    sparse = _row(c, "BF16 · matrix · 2:4 sparse")
    assert sparse.cells["nvidia-h100-sxm5"].value == 1979
    assert sparse.cells["nvidia-a100-sxm4-80gb"].value == 624


def test_unstated_unit_below_fp32_sits_beside_matrix_with_a_note(catalogue):
    c = build_comparison(catalogue, ["MTT S4000", "A100"])
    fp16 = _row(c, "FP16 · matrix")
    cell = fp16.cells["moorethreads-mtt-s4000"]
    assert cell.value == 100 and cell.notes
    assert "does not say which execution unit" in c.notes[cell.notes[0] - 1]
    label = "MTT S4000 ÷ A100 SXM4 80GB"
    assert fp16.ratios[label] == pytest.approx(100 / 312)
    assert fp16.ratio_notes[label]


def test_multi_die_and_sparsity_caveats(catalogue):
    notes = build_comparison(catalogue, ["BR100", "A100"]).notes
    assert any("BR100 is 2 compute dies in one package" in n for n in notes)
    assert any("do not say whether its throughput figures include sparsity" in n for n in notes)
    assert any("`A100` resolved to A100 SXM4 80GB" in n for n in notes)


def test_conflicting_sources_are_shown(catalogue):
    notes = build_comparison(catalogue, ["曦云C500", "A100"]).notes
    assert any("15 TFLOPS [MX-5, MX-3, MX-4] (target)" in n for n in notes)


def test_baseline_divides_every_chip_by_it(catalogue):
    c = build_comparison(catalogue, ["BR100", "C500", "A100"], baseline="A100")
    assert [col.label for col in c.ratio_columns] == ["BR100 ÷ A100 SXM4 80GB", "曦云C500 ÷ A100 SXM4 80GB"]
    bf16 = _row(c, "BF16 · matrix")
    assert bf16.ratios["曦云C500 ÷ A100 SXM4 80GB"] == pytest.approx(280 / 312)


def test_bad_requests(catalogue):
    with pytest.raises(UsageError):
        build_comparison(catalogue, ["BR100"])
    with pytest.raises(UsageError, match="named twice"):
        build_comparison(catalogue, ["A100", "A100 SXM4 80GB"])
    with pytest.raises(UsageError, match="not one of the chips compared"):
        build_comparison(catalogue, ["BR100", "A100"], baseline="H20")
    with pytest.raises(UnknownChipError):
        build_comparison(catalogue, ["BR100", "A1OO"])


def test_memory_bandwidth_per_sku(catalogue):
    c = build_comparison(catalogue, ["A100 PCIe 80GB", "A100 SXM4 80GB"])
    bw = _row(c, "Memory bandwidth")
    assert bw.cells["nvidia-a100-pcie-80gb"].value == 1935
    assert bw.cells["nvidia-a100-sxm4-80gb"].value == 2039


PAIRS = list(itertools.combinations(sorted(REQUIRED), 2))


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_pair_in_every_format(catalogue, a, b, fmt):
    c = build_comparison(catalogue, [a, b])
    text = render_comparison(c, fmt)
    assert text.strip()
    if fmt is Format.json:
        assert json.loads(text)["chips"][0]["id"] == a


def test_dataframe_api():
    import specbench

    frame = specbench.compare("BR100", "A100")
    assert frame.loc["BF16 · matrix", "BR100"] == 1024
    assert frame.loc["BF16 · matrix", "BR100 ÷ A100 SXM4 80GB"] == pytest.approx(3.2820512)
    assert frame.loc["INT8 · matrix", "unit"] == "TOPS"
    assert "BR-3" in frame.attrs["sources"]
    assert specbench.get("壁仞BR100").id == "biren-br100"
    table = specbench.catalogue()
    assert len(table) == len(list(SPECS.glob("*.toml"))) - 1  # every file but sources.toml
    assert table.loc["metax-c500", "name"] == "曦云C500"


def test_no_ratio_between_two_figures_of_unstated_unit(catalogue):
    # Enflame's FP32 40 [EF-1, EF-2] and Iluvatar's FP32 37 [ILX-2] both leave the unit unstated.
    c = build_comparison(catalogue, ["邃思2.0", "天垓100"])
    row = _row(c, "FP32 · unit not stated")
    assert (row.cells["enflame-suisi-2"].value, row.cells["iluvatar-tiangai-100"].value) == (40, 37)
    assert all(v is None for v in row.ratios.values())
    derived = _row(c, "FP32 · unit not stated · ridge point")
    assert all(v is None for v in derived.ratios.values())


def test_secondary_source_notes_follow_a_figure_into_its_derived_rows(catalogue):
    # the H20's FP32 44 rests on one secondary page [NV-20d]
    c = build_comparison(catalogue, ["H20", "A100"])
    row, derived = _row(c, "FP32 · vector"), _row(c, "FP32 · vector · ridge point")
    assert row.cells["nvidia-h20"].value == 44
    assert row.cells["nvidia-h20"].notes and derived.cells["nvidia-h20"].notes == row.cells["nvidia-h20"].notes


def test_binary_capacity_gets_no_ratio(catalogue):
    # 65536 MiB (C500, mx-smi) against NVIDIA's "80 GB": both are GiB in practice, so no ratio
    c = build_comparison(catalogue, ["曦云C500", "A100"])
    row = _row(c, "Memory capacity")
    assert row.cells["metax-c500"].value == pytest.approx(68.719476736)
    assert all(v is None for v in row.ratios.values())
    assert any("usually means GiB" in n for n in c.notes)


def test_every_family_compares_with_the_a100_and_the_h20(catalogue):
    """Each family's default SKU compares with the A100 and the H20, and gets a ratio wherever
    the two share a like-for-like figure. The entries with none are listed, with why."""
    from specbench.api import compare

    no_ratio = {
        # no throughput, memory or power figure is sourced for these chips
        ("enflame-suisi-1", "nvidia-a100-sxm4-80gb"),
        ("enflame-suisi-1", "nvidia-h20"),
        ("kunlunxin-kunlun-2", "nvidia-a100-sxm4-80gb"),
        ("kunlunxin-kunlun-2", "nvidia-h20"),
        # H800: FP64 1 TFLOPS with no execution unit and NVLink with no direction stated
        ("nvidia-h800-sxm5", "nvidia-h20"),
        # P800: only a capacity read from the card in GiB (96 GiB), which is never set against a
        # vendor's "GB", and a host interface
        ("kunlunxin-p800", "nvidia-a100-sxm4-80gb"),
        ("kunlunxin-p800", "nvidia-h20"),
    }
    defaults = sorted(c.id for c in catalogue.chips.values() if c.default)
    assert len(defaults) >= 40
    found = set()
    for chip_id in defaults:
        for rival in ("nvidia-a100-sxm4-80gb", "nvidia-h20"):
            if chip_id != rival and compare(chip_id, rival).iloc[:, -1].dropna().empty:
                found.add((chip_id, rival))
    assert found == no_ratio


def test_metric_picks_rows_as_a_user_types_them(catalogue):
    from specbench.metric_query import parse_metrics

    for typed in (
        "bf16,int8,memory-bandwidth,tdp",
        "BF16, INT8, Memory Bandwidth, TDP",
        "bf16,int8,memory_bandwidth,tdp",
    ):
        c = build_comparison(catalogue, ["BR100", "A100"], metrics=parse_metrics(typed))
        main = [r.label for r in c.rows if r.kind != "derived"]
        assert main == ["BF16 · vector", "BF16 · matrix", "INT8 · matrix", "Memory bandwidth", "TDP"]
        derived = {r.label.rsplit(" · ", 1)[0] for r in c.rows if r.kind == "derived"}
        assert derived == {"BF16 · matrix", "INT8 · matrix"}
    # BF16 1024 / 312 [BR-3, NV-A1]; TDP 550 / 400 W [BR-3, NV-A1]
    assert _row(c, "BF16 · matrix").ratios["BR100 ÷ A100 SXM4 80GB"] == pytest.approx(1024 / 312)
    assert _row(c, "TDP").ratios["BR100 ÷ A100 SXM4 80GB"] == pytest.approx(550 / 400)
    # notes are renumbered to the rows kept, and every mark points to a note
    marks = {n for r in c.rows for cell in r.cells.values() for n in cell.notes}
    assert marks and max(marks) <= len(c.notes)
    assert not any("TF32+" in note for note in c.notes)  # the TF32+ row is not shown, nor its note
    assert any("2 compute dies" in note for note in c.notes)  # a note on the chip as a whole stays
    only = build_comparison(catalogue, ["BR100", "A100"], metrics=parse_metrics("bf16,per-watt"))
    assert [r.label for r in only.rows if r.kind == "derived"] == ["BF16 · matrix · per watt"]


def test_metric_on_the_command_line():
    from typer.testing import CliRunner

    from specbench.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["compare", "BR100", "A100", "--metric", "bf16,int8,memory-bandwidth,tdp"])
    assert result.exit_code == 0, result.output
    main = result.stdout.split("## Derived")[0]
    labels = [line.split("|")[1].strip() for line in main.splitlines() if line.startswith("| ")]
    assert labels == ["Metric", "BF16 · vector", "BF16 · matrix", "INT8 · matrix", "Memory bandwidth", "TDP"]
    assert "| TDP " in result.stdout and "| FP32" not in result.stdout and "| Memory capacity" not in result.stdout
    bad = runner.invoke(app, ["compare", "BR100", "A100", "--metric", "bf16,int9"])
    assert bad.exit_code == 2 and bad.stdout == ""
    (line,) = bad.stderr.strip().splitlines()
    assert line.startswith("specbench: error: unknown metric 'int9'; choose from fp64, fp32, tf32")
    assert "memory-bandwidth" in line and "per-watt" in line and "ridge-point" in line
    none = runner.invoke(app, ["compare", "BR100", "A100", "--metric", "fp4"])
    assert none.exit_code == 1 and "no figure of BR100 or A100 SXM4 80GB" in none.stderr


def test_derived_rows_stay_for_the_chips_that_have_the_figure(catalogue):
    c = build_comparison(catalogue, ["BR100", "A100", "H20"])
    # TF32: BR100 publishes none; A100 156 TFLOPS [NV-A1] / 400 W = 0.39, H20 74 TFLOPS [NV-20a] / 400 W = 0.185
    per_watt = _row(c, "TF32 · matrix · per watt")
    assert per_watt.cells["biren-br100"].display == "—"
    assert per_watt.cells["nvidia-a100-sxm4-80gb"].value == pytest.approx(156 / 400)
    assert per_watt.cells["nvidia-h20"].value == pytest.approx(74 / 400)
    assert all(ratio is None for ratio in per_watt.ratios.values())  # no ratio without BR100's figure
    # a row only one chip has a figure in gets no derived rows: there is nothing to compare
    pair = build_comparison(catalogue, ["BR100", "A100"])
    assert not any(r.label.startswith("TF32+ · matrix · ") for r in pair.rows)
    assert not any(r.label.startswith("TF32 · matrix · ") for r in pair.rows)

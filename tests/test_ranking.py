"""`specbench rank`: exact output, values computed by hand from the spec files' figures."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.errors import UsageError
from specbench.metric_query import parse_rank
from specbench.ranking import Mark, rank

runner = CliRunner()

# The figures the rankings below rest on, as the spec files record them:
# BR100: BF16 1024 TFLOPS, unit not stated, sparsity not stated [BR-1, BR-3, BR-6]; TDP 550 W [BR-3, BR-4, BR-6]
# H100 SXM5: BF16 1979 TFLOPS, matrix, 2:4 sparse only [NV-H1]; TDP 700 W [NV-H1]; 3350 GB/s [NV-H1]
# A100 SXM4 80GB: BF16 312 TFLOPS, matrix, dense [NV-A1, NV-A3]; TDP 400 W [NV-A1, NV-A2]
# H20: BF16 148 TFLOPS, matrix, dense [NV-20a]; TDP 400 W [NV-20b]
# MTT S4000: BF16 100 TFLOPS, unit not stated, sparsity not stated [MT-1, MT-3]; TDP 450 W [MT-5, secondary]
# 曦云C500: BF16 280 TFLOPS, unit not stated; no TDP in its spec file
PER_WATT = {
    "BR100": 1024 / 550,  # 1.862
    "H100 SXM5": 1979 / 2 / 700,  # 1.414
    "A100 SXM4 80GB": 312 / 400,  # 0.78
    "H20": 148 / 400,  # 0.37
    "MTT S4000": 100 / 450,  # 0.2222
}
CHIPS = ["BR100", "A100", "H100", "H20", "MTT S4000", "曦云C500"]


def _table(markdown: str) -> list[list[str]]:
    lines = [line for line in markdown.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines if not line.startswith("|--")]


def test_rank_bf16_per_watt_exact_output():
    result = runner.invoke(app, ["rank", "--by", "bf16 per watt", *CHIPS])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        "# Ranking by BF16 per watt (dense basis)\n\n"
        "5 of 6 chips ranked, highest first. Peak: the matrix units' figure where one is published, else "
        "vector + matrix, vector, or unit not stated (marked). Dense basis: 2:4 sparse figures are halved; "
        "figures whose sparsity is not stated are taken as dense (marked).\n\n"
    )
    assert _table(out) == [
        ["#", "chip", "BF16 per watt (TFLOPS/W)", "execution", "inputs", "marks", "sources"],
        [
            "1",
            "BR100",
            "1.862",
            "unit not stated",
            "1024 TFLOPS / 550 W",
            "unit not stated, sparsity not stated",
            "BF16: BR-1, BR-3, BR-6; TDP: BR-3, BR-4, BR-6",
        ],
        [
            "2",
            "H100 SXM5",
            "1.414",
            "matrix",
            "1979 TFLOPS (2:4 sparse) / 2 = 989.5 TFLOPS dense; 989.5 TFLOPS / 700 W",
            "2:4 sparse, halved",
            "BF16: NV-H1; TDP: NV-H1",
        ],
        ["3", "A100 SXM4 80GB", "0.78", "matrix", "312 TFLOPS / 400 W", "", "BF16: NV-A1, NV-A3; TDP: NV-A1, NV-A2"],
        ["4", "H20", "0.37", "matrix", "148 TFLOPS / 400 W", "", "BF16: NV-20a; TDP: NV-20b"],
        [
            "5",
            "MTT S4000",
            "0.2222",
            "unit not stated",
            "100 TFLOPS / 450 W",
            "unit not stated, sparsity not stated, secondary source only",
            "BF16: MT-1, MT-3; TDP: MT-5",
        ],
    ]
    assert out.endswith(
        "## Marks\n\n"
        "- unit not stated: the vendor does not say whether the figure runs on vector or matrix units.\n"
        "- 2:4 sparse, halved: the source prints only a 2:4 sparse figure; it is halved to the dense one.\n"
        "- sparsity not stated: the source does not say whether the figure includes sparsity; it is taken as dense.\n"
        "- secondary source only: every source of a figure used is secondary (a blog or compilation).\n\n"
        "## Not ranked\n\n"
        "- 曦云C500: TDP not published.\n"
    )


def test_rank_values_are_the_hand_computed_ones(catalogue):
    ranking = rank(catalogue, "bf16 per watt", CHIPS)
    assert [(e.chip.name, e.value) for e in ranking.entries] == [
        (name, pytest.approx(value)) for name, value in PER_WATT.items()
    ]
    assert [(x.chip.name, x.reason) for x in ranking.lacking] == [("曦云C500", "TDP not published")]
    h100 = ranking.entries[1]
    assert h100.marks == (Mark.sparse_halved,) and h100.peak is not None and h100.peak.value == 989.5


def test_ridge_point_and_equal_values_share_a_rank(catalogue):
    # ridge point: H100 989.5 TFLOPS / 3350 GB/s = 295.4 FLOP/B; A100 312 / 2039 = 153.0
    ridge = rank(catalogue, "bf16 ridge point", ["H100", "A100"])
    assert [e.value for e in ridge.entries] == [pytest.approx(989.5e3 / 3350), pytest.approx(312e3 / 2039)]
    assert ridge.unit == "FLOP/B"
    # A100 SXM4 40GB and 80GB share the 312 TFLOPS BF16 peak [NV-A1]: both are first, H20 third
    peaks = rank(catalogue, "bf16", ["A100 SXM4 80GB", "A100 SXM4 40GB", "H20"])
    assert [(e.rank, e.value) for e in peaks.entries] == [(1, 312), (1, 312), (3, 148)]


def test_unsupported_precision_is_listed_with_its_source(catalogue):
    ranking = rank(catalogue, "fp64", ["BR100", "A100"])
    assert [e.chip.name for e in ranking.entries] == ["A100 SXM4 80GB"]  # 19.5 matrix
    (lacking,) = ranking.lacking
    assert lacking.chip.name == "BR100" and lacking.reason.startswith("FP64 not supported [")


def test_filters_narrow_the_catalogue(catalogue):
    nvidia = rank(catalogue, "int8", vendors=("NVIDIA",))
    chips = [e.chip for e in nvidia.entries] + [x.chip for x in nvidia.lacking]
    assert chips and {c.vendor for c in chips} == {"NVIDIA"}
    assert len(chips) == sum(c.vendor == "NVIDIA" for c in catalogue.chips.values())
    chinese = rank(catalogue, "memory", countries=("CN",))
    assert "BR100" in [e.chip.name for e in chinese.entries]
    assert all(e.chip.vendor != "NVIDIA" for e in chinese.entries)
    # BR100 memory capacity 64 GB [BR-4, BR-17, BR-1]
    assert next(e.value for e in chinese.entries if e.chip.name == "BR100") == 64


def test_rank_csv_is_tidy_and_lists_chips_without_the_figure():
    import pandas as pd

    result = runner.invoke(app, ["rank", "--by", "bf16 per watt", *CHIPS, "--format", "csv"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == [
        "rank",
        "chip",
        "metric",
        "precision",
        "execution",
        "sparsity",
        "basis",
        "value",
        "unit",
        "sources",
        "published",
        "marks",
    ]
    assert frame["value"].dtype == "float64" and frame["rank"].dtype == "float64"
    assert len(frame) == len(CHIPS)
    by_chip = frame.set_index("chip")
    for name, value in PER_WATT.items():
        assert by_chip.loc[name, "value"] == pytest.approx(value)
        assert by_chip.loc[name, "unit"] == "TFLOPS/W"
    assert by_chip.loc["H100 SXM5", "sparsity"] == "sparse" and by_chip.loc["H100 SXM5", "basis"] == "dense"
    assert by_chip.loc["BR100", "sources"] == "BR-1, BR-3, BR-6, BR-4"  # BF16's, then the TDP's
    assert pd.isna(by_chip.loc["曦云C500", "value"]) and by_chip.loc["曦云C500", "marks"] == "TDP not published"


def test_rank_json_carries_numbers():
    result = runner.invoke(app, ["rank", "--by", "BF16 per-watt", *CHIPS, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["unit"] == "TFLOPS/W" and data["basis"] == "dense"
    first = data["ranked"][0]
    assert first["chip"] == "BR100" and isinstance(first["value"], float)
    assert first["value"] == pytest.approx(1024 / 550) and first["rank"] == 1
    assert first["sources"] == {"BF16": ["BR-1", "BR-3", "BR-6"], "TDP": ["BR-3", "BR-4", "BR-6"]}
    assert data["lacking"] == [{"chip": "曦云C500", "id": "metax-c500", "reason": "TDP not published"}]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--by", "bf16 per wat"], 2, "cannot rank by 'bf16 per wat'; did you mean 'bf16 per watt'"),
        (["--by", "speed"], 2, "cannot rank by 'speed'; try a precision"),
        (["--by", "interconnect"], 2, "cannot rank by 'interconnect'"),
        (["BR10"], 1, "unknown chip 'BR10'; did you mean BR100, BR104?"),
        (["--vendor", "Acme"], 1, "no chip of the catalogue matches"),
        (["--by", "bf16 " + "x" * 100_000], 2, "cannot rank by 'bf16 xxx"),  # a pasted page is not echoed
    ],
)
def test_rank_errors_are_one_line(args, code, message):
    result = runner.invoke(app, ["rank", *args])
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and len(lines[0]) < 400, result.stderr


def test_rank_as_html_is_a_whole_page():
    result = runner.invoke(app, ["rank", "--by", "bf16 per watt", "BR100", "A100", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!doctype html>") and '<meta charset="utf-8">' in result.stdout
    assert "<table" in result.stdout and "BR100" in result.stdout


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("bf16", "throughput"),
        ("BF16 peak", "throughput"),
        ("int8 per_die", "per_compute_die"),
        ("fp16 per mm²", "per_mm2_of_compute_die"),
        ("fp8 ridge-point", "ridge_point"),
        ("memory", "memory_capacity"),
        ("bandwidth", "memory_bandwidth"),
        ("Memory Bandwidth", "memory_bandwidth"),
        ("TDP", "tdp"),
    ],
)
def test_rank_questions_as_typed(text, key):
    assert parse_rank(text).key == key


def test_unknown_rank_question_is_a_usage_error():
    with pytest.raises(UsageError, match="did you mean 'int8'"):
        parse_rank("int9")

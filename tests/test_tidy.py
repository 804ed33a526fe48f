"""Tidy output: CSV that pandas reads back with numeric columns, one row per chip and figure;
JSON whose numbers are numbers; specbench.figures() and catalogue() with numeric columns."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.tidy import BOM, COLUMNS

runner = CliRunner()


def _out(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _csv(*args: str):
    import pandas as pd

    return pd.read_csv(io.StringIO(_out(*args)))


def test_compare_csv_reads_back_with_numeric_values():
    frame = _csv("compare", "BR100", "A100", "H100", "--format", "csv")
    assert list(frame.columns) == list(COLUMNS)
    assert frame["value"].dtype == "float64"
    # one row per chip and figure: no chip has two values for one metric, precision and unit
    keys = frame[["chip", "metric", "precision", "execution"]].fillna("")
    assert not keys.duplicated().any()
    text = [column for column in COLUMNS if column != "value"]
    frame[text] = frame[text].fillna("")
    rows = frame.set_index(["chip", "metric", "precision", "execution"])
    # BR100 BF16 1024 TFLOPS [BR-1, BR-3, BR-6], neither execution unit nor sparsity stated
    br100 = rows.loc[("BR100", "throughput", "bf16", "unknown")]
    assert (br100["value"], br100["unit"], br100["sparsity"], br100["basis"]) == (1024, "TFLOPS", "unknown", "dense")
    assert br100["sources"] == "BR-1, BR-3, BR-6"
    # H100 SXM5 prints only 1979 TFLOPS 2:4 sparse [NV-H1]: dense basis 989.5, the sparsity kept
    h100 = rows.loc[("H100 SXM5", "throughput", "bf16", "matrix")]
    assert (h100["value"], h100["sparsity"], h100["published"]) == (989.5, "sparse", "1979 TFLOPS")
    # per watt cites the TDP's sources too: A100 312 TFLOPS / 400 W [NV-A1, NV-A2] = 0.78
    per_watt = rows.loc[("A100 SXM4 80GB", "per_watt", "bf16", "matrix")]
    assert per_watt["value"] == pytest.approx(0.78) and per_watt["unit"] == "TFLOPS/W"
    assert "NV-A2" in per_watt["sources"].split(", ")
    # text figures keep their text, with no value: the value column stays numeric
    memory = rows.loc[("BR100", "memory_type", "", "")]
    assert memory["value"] != memory["value"] and memory["published"] == "HBM2E"  # NaN
    # a precision the sources say a chip lacks is a row of its own, with no value
    assert rows.loc[("BR100", "throughput", "fp64", "vector"), "published"] == "not supported"


def test_csv_excel_has_a_byte_order_mark_and_keeps_chinese():
    import pandas as pd

    text = _out("compare", "曦云C500", "A100", "--format", "csv-excel")
    assert text.startswith(BOM + "chip,metric,")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbfchip")
    plain = _out("compare", "曦云C500", "A100", "--format", "csv")
    assert text == BOM + plain
    frame = pd.read_csv(io.BytesIO(text.encode("utf-8")), encoding="utf-8-sig")
    assert "曦云C500" in set(frame["chip"])
    listed = _out("list", "--country", "CN", "--format", "csv-excel")
    assert listed.startswith(BOM + "id,name,") and "壁仞" not in listed.split("\n")[0]


def test_csv_excel_is_written_whole_to_a_file(tmp_path):
    out = tmp_path / "rank.csv"
    result = runner.invoke(app, ["rank", "--by", "bf16", "BR100", "A100", "-f", "csv-excel", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbfrank,chip,metric")


def _numbers(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def test_list_json_carries_numbers():
    rows = {row["id"]: row for row in json.loads(_out("list", "--format", "json"))}
    # BR100: 550 W [BR-3, BR-4, BR-6], two compute dies [BR-4, BR-17]
    assert rows["biren-br100"]["tdp_w"] == 550 and rows["biren-br100"]["compute_dies"] == 2
    assert all(row["tdp_w"] is None or _numbers(row["tdp_w"]) for row in rows.values())


def test_roofline_json_carries_numbers_and_units():
    data = json.loads(_out("roofline", "A100", "H20", "--decode-params", "70e9", "--format", "json"))
    assert data["units"] == {
        "peak": "TFLOPS",
        "memory_bandwidth": "GB/s",
        "ridge_point": "FLOP/B",
        "intensity": "FLOP/B",
        "attainable": "TFLOPS",
        "decode_limit": "tokens/s",
    }
    a100, h20 = data["rows"]
    # A100 SXM4 80GB: 312 TFLOPS, 2039 GB/s -> ridge 153.0 FLOP/B; at 10 FLOP/B 20.39 TFLOPS
    assert (a100["peak"], a100["memory_bandwidth"]) == (312, 2039)
    assert a100["ridge_point"] == pytest.approx(312e3 / 2039)
    assert {"intensity": 10, "value": pytest.approx(20.39)} in a100["attainable"]
    # 70e9 parameters x 2 bytes: 2039 GB/s / 140 GB = 14.56 tokens/s
    assert a100["decode_limit"] == pytest.approx(2039 / 140)
    # H20 4.0 TB/s [NV-20a, NV-20b] is 4000 GB/s exactly, with no conversion noise
    assert h20["memory_bandwidth"] == 4000 and isinstance(h20["memory_bandwidth"], int)
    for row in data["rows"]:
        assert all(_numbers(row[k]) for k in ("peak", "memory_bandwidth", "ridge_point", "decode_limit"))


def test_cluster_json_carries_numbers():
    data = json.loads(_out("cluster", "BR100", "--count", "8", "--efficiency", "0.7", "--format", "json"))
    bf16 = next(row for row in data["rows"] if row["precision"] == "bf16")
    # 8 x 1024 TFLOPS = 8192; at 0.7, 5734.4
    assert (bf16["per_device"], bf16["aggregate"], bf16["unit"]) == (1024, 8192, "TFLOPS")
    assert bf16["effective"] == pytest.approx(5734.4)
    # 8 BLink links x 64 GB/s [BR-4]
    assert data["interconnect"] == {"value": 512, "unit": "GB/s", "name": "BLink", "direction": "bidirectional"}


def test_show_json_carries_numbers_and_units():
    data = json.loads(_out("show", "H100", "--format", "json"))
    bf16 = next(f for f in data["throughput"] if f["precision"] == "bf16")
    assert (bf16["value"], bf16["unit"], bf16["sparsity"], bf16["published"]) == (
        1979,
        "TFLOPS",
        "sparse",
        "1979 TFLOPS",
    )
    assert bf16["sources"] == ["NV-H1"]
    tdp = next(f for f in data["specs"] if f["metric"] == "tdp")
    assert (tdp["value"], tdp["unit"]) == (700, "W")
    memory_type = next(f for f in data["specs"] if f["metric"] == "memory_type")
    assert isinstance(memory_type["value"], str) and memory_type["unit"] is None


def test_show_csv_is_every_figure_of_the_chip():
    frame = _csv("show", "曦云C500", "--format", "csv")
    assert set(frame["chip"]) == {"曦云C500"} and frame["value"].dtype == "float64"
    # 65536 MiB [MX-2] is 68.72 GB
    capacity = frame[frame["metric"] == "memory_capacity"].iloc[0]
    assert capacity["value"] == pytest.approx(65536 * 2**20 / 1e9) and capacity["unit"] == "GB"
    # the 15 TFLOPS FP32 figure [MX-1] is kept, marked as not preferred
    target = frame[(frame["precision"] == "fp32") & (frame["value"] == 15)].iloc[0]
    assert target["published"] == "15 TFLOPS" and str(target["preferred"]) == "False"


def test_roofline_and_cluster_csv_are_tidy():
    frame = _csv("roofline", "BR100", "--format", "csv")
    assert list(frame.columns) == list(COLUMNS) and frame["value"].dtype == "float64"
    ridge = frame[frame["metric"] == "ridge_point"].iloc[0]
    # 1024 TFLOPS / 1640 GB/s [BR-3] = 624.4 FLOP/B
    assert ridge["value"] == pytest.approx(1024e3 / 1640) and ridge["unit"] == "FLOP/B"
    assert ridge["sources"] == "BR-1, BR-3, BR-6"
    cluster = _csv("cluster", "BR100", "-n", "8", "--format", "csv")
    aggregate = cluster[(cluster["metric"] == "aggregate_peak") & (cluster["precision"] == "bf16")].iloc[0]
    assert aggregate["value"] == 8 * 1024 and aggregate["published"] == "8 × 1024 TFLOPS"


def test_figures_is_every_figure_long():
    import specbench

    frame = specbench.figures()
    catalogue = specbench.load()
    assert len(frame) == sum(len(chip.figures) for chip in catalogue.chips.values())
    assert frame["value"].dtype == "float64"
    h100 = frame.query("id == 'nvidia-h100-sxm5' and metric == 'throughput' and precision == 'bf16'")
    # NVIDIA prints 1979 TFLOPS BF16 with sparsity [NV-H1]; figures() keeps it as published
    assert list(h100["value"]) == [1979] and list(h100["sparsity"]) == ["sparse"]
    assert list(h100["sources"]) == ["NV-H1"] and list(h100["unit"]) == ["TFLOPS"]
    # BR100's two memory bandwidths: 1.64 TB/s preferred [BR-3], 2.3 TB/s not [BR-8, BR-9]
    bandwidth = frame.query("id == 'biren-br100' and metric == 'memory_bandwidth'").set_index("value")
    assert bandwidth.loc[1640, "preferred"] is True and bandwidth.loc[2300, "preferred"] is False
    memory_type = frame.query("id == 'biren-br100' and metric == 'memory_type'").iloc[0]
    assert memory_type["published"] == "HBM2E" and memory_type["value"] != memory_type["value"]  # NaN


def test_catalogue_columns_are_numeric():
    import specbench

    table = specbench.catalogue()
    assert table["tdp_w"].dtype == "float64" and table["compute_dies"].dtype == "float64"
    assert table.loc["biren-br100", "tdp_w"] == 550 and table.loc["biren-br100", "compute_dies"] == 2

"""Text for a terminal: widths in cells, aligned figures, tables and prose that fit."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.terminal import table, width_of, wrap

runner = CliRunner()


def test_chinese_characters_take_two_cells():
    assert width_of("曦云C500") == 8  # two wide characters and four narrow ones
    assert width_of("邃思2.0 ÷ H20") == 13
    assert width_of("e\u0301") == 1  # a combining accent takes no cell


def test_columns_line_up_with_chinese_names():
    text = table(["chip", "vendor"], [["曦云C500", "MetaX"], ["BR100", "Biren"], ["邃思2.0", "Enflame"]])
    header, rule, *rows = text.splitlines()
    column = width_of(header[: header.index("vendor")])
    assert width_of(rule[: rule.rindex(" ") + 1]) == column
    for row, vendor in zip(rows, ["MetaX", "Biren", "Enflame"], strict=True):
        assert width_of(row[: row.index(vendor)]) == column, text


def test_figures_align_on_the_decimal_point():
    text = table(["m", "v"], [["a", "9.7"], ["b", "1248"], ["c", "0.0008008"], ["d", "—"], ["e", "64 [18]"]])
    rows = text.splitlines()[2:]
    assert len({row.index(".") for row in rows if "." in row}) == 1, text
    ends = {rows[0].index("9") + 1, rows[1].index("1248") + 4, rows[2].index("0.") + 1, rows[4].index("64") + 2}
    assert len(ends) == 1, text  # the whole parts end in the same column
    assert rows[3].split()[1] == "—"  # text stays as it is


def test_a_wide_table_is_split_into_parts_that_repeat_the_labels():
    headers = ["Metric", "Unit", *(f"chip {i}" for i in range(8))]
    rows = [["BF16 · matrix", "TFLOPS", *(f"{100 * i + 12.5}" for i in range(8))]]
    text = table(headers, rows, width=60, keep=2)
    parts = text.split("\n\n")
    assert len(parts) > 1
    assert all(width_of(part) <= 60 for part in parts)
    assert all(part.startswith("Metric") and "BF16 · matrix" in part for part in parts)
    assert all(f"chip {i}" in text for i in range(8))


def test_a_column_of_prose_is_wrapped_rather_than_split():
    rows = [["NVIDIA B200", "genuinely different", "0.84x FP64 · unit not stated 37 TFLOPS [NVX-3, NVX-5] " * 2]]
    text = table(["Epoch row", "reason", "why"], rows, width=70)
    assert "\n\n" not in text and width_of(text) <= 70
    assert text.splitlines()[2].startswith("NVIDIA B200")


def test_prose_wraps_with_a_hanging_indent_and_chinese_breaks_between_characters():
    lines = wrap("12. " + "word " * 30, 40)
    assert all(width_of(line) <= 40 for line in lines)
    assert lines[0].startswith("12. word") and all(line.startswith("    word") for line in lines[1:])
    chinese = wrap("- " + "国产AI芯片的遮羞布没了" * 6, 30)
    assert all(width_of(line) <= 30 for line in chinese) and len(chinese) > 1
    url = "https://example.com/" + "a" * 60
    assert "  " + url in wrap(f"- see {url} for more", 40)  # never cut


@pytest.mark.parametrize("columns", [60, 100])
def test_compare_text_fits_columns(columns):
    result = runner.invoke(
        app, ["compare", "曦云C500", "邃思2.0", "A100", "H20", "--format", "text"], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.output
    # Only a single word longer than the line (a URL or a file path) may stick out.
    widest = max(width_of(line) for line in result.stdout.splitlines() if " " in line.strip())
    assert widest <= columns
    assert "Notes" in result.stdout


def test_brief_leaves_the_notes_out():
    full = runner.invoke(app, ["compare", "BR100", "A100", "--format", "text"]).stdout
    brief = runner.invoke(app, ["compare", "BR100", "A100", "--format", "text", "--brief"]).stdout
    assert "Notes" in full and "[2]" in full
    assert "Notes" not in brief and "Sources" not in brief and "[2]" not in brief
    assert "BF16 · matrix" in brief and "3.28x" in brief  # 1024 / 312, BR100's and A100's dense BF16
    for command in (["roofline", "BR100", "H20"], ["cluster", "BR100", "-n", "8"], ["crosscheck", "epoch"]):
        shown = runner.invoke(app, [*command, "--format", "text", "--brief"])
        assert shown.exit_code == 0 and "Notes" not in shown.stdout and "Inputs" not in shown.stdout


def test_output_to_a_file_is_not_wrapped(tmp_path):
    out = tmp_path / "c.txt"
    runner.invoke(app, ["compare", "BR100", "A100", "-f", "text", "-o", str(out)], env={"COLUMNS": "60"})
    assert max(width_of(line) for line in out.read_text(encoding="utf-8").splitlines()) > 60

"""The README shows real output: these tests fail when a command's output drifts from it."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from specbench.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _run(*args: str) -> str:
    return runner.invoke(app, list(args)).stdout


def test_compare_table_and_derived_table_are_current():
    out = _run("compare", "BR100", "A100")
    assert "\n".join(out.splitlines()[:31]) in README
    derived = out[out.index("## Derived") : out.index("## Notes")].strip().replace("## Derived", "#### Derived")
    assert derived in README


def test_check_example_is_current():
    out = _run("check", "在Int8、BF16、TF32/TF32+、FP32等数据格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势")
    shown = "\n".join(line for line in out.splitlines() if not line.startswith("     - Flag "))
    assert shown.strip() in README


def test_roofline_example_is_current():
    out = _run("roofline", "BR100", "A100", "H20", "--decode-params", "70e9")
    table = "\n".join(line for line in out.splitlines() if line.startswith("|"))
    assert table in README


def test_crosscheck_example_is_current():
    out = _run("crosscheck", "epoch").splitlines()
    start = README.index("## Cross-checking Epoch AI's dataset")
    shown = README[start : README.index("## Beyond the peak", start)]
    table = [line for line in shown.splitlines() if line.startswith("|")]
    assert len(table) > 10
    for line in table:
        assert line in out, line


def test_rank_metric_and_csv_examples_are_current():
    chips = ["BR100", "A100", "H100", "H20", "MTT S4000", "曦云C500"]
    ranking = _run("rank", "--by", "bf16 per watt", *chips)
    table = "\n".join(line for line in ranking.splitlines() if line.startswith("|"))
    assert table in README
    for line in ranking[ranking.index("## Marks") :].splitlines():
        if line.startswith("- "):
            assert line in README, line
    picked = _run("compare", "BR100", "A100", "--metric", "bf16,int8,memory-bandwidth,tdp")
    assert "\n".join(line for line in picked.split("## Derived")[0].splitlines() if line.startswith("|")) in README
    tidy = _run("compare", "BR100", "A100", "--metric", "bf16,int8,memory-bandwidth,tdp", "--format", "csv")
    assert "\n".join(tidy.splitlines()[:8]) in README


def test_scan_csv_example_is_current(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = runner.invoke(app, ["scan", "tests/fixtures/kkj-biren-br100-launch-2022.html", "--format", "csv"])
    start = README.index("$ specbench scan tests/fixtures/kkj-biren-br100-launch-2022.html --format csv")
    shown = README[start : README.index("```", start)].splitlines()[1:]
    rows, summary = shown[:-2], shown[-2:]
    assert rows[0] == result.stdout.splitlines()[0]
    for line in rows:
        assert line in result.stdout.splitlines(), line
    assert summary == result.stderr.splitlines()


def test_scan_frame_example_is_current():
    import pandas as pd

    import specbench

    start = README.index('frame = pd.DataFrame(\n    {"text"')
    code = README[start : README.index("claims.merge", start)]
    claims_code, shown = code.split('claims[["article"')
    namespace = {"pd": pd, "specbench": specbench}
    exec(claims_code, namespace)
    table = namespace["claims"][["article", "verdict", "chip", "claimed_value", "catalogue_value", "ratio"]]
    expected = [line[2:] for line in shown.splitlines()[1:] if line.startswith("# ")]
    assert table.to_string().splitlines() == expected


def test_exit_code_table_holds_for_the_conventional_options():
    table = README[README.index("| exit | meaning |") :].split("\n\n")[0]
    assert "`--help`, `-h` and `--version`" in table and "no command at all" in table
    assert runner.invoke(app, ["--version"]).exit_code == 0
    assert runner.invoke(app, ["-h"]).exit_code == 0
    assert runner.invoke(app, []).exit_code == 2  # no command: the help, as a usage error
    assert runner.invoke(app, ["check", "BR100", "--format", "html"]).exit_code == 2


def test_recipes_show_real_output(monkeypatch):
    recipes = README[README.index("## Recipes") : README.index("## Checking claims")]
    ranking = _run("rank", "--by", "bf16 per watt", "--country", "CN").splitlines()
    rows = [line for line in recipes.splitlines() if line.startswith("|")]
    assert len(rows) >= 4 and all(line in ranking for line in rows)
    checked = runner.invoke(app, ["check", "-"], input="H20的显存带宽较A100 80GB提升约96%\n").stdout
    shown = recipes[recipes.index("1. [SUPPORTED] H20") :].split("```")[0].strip()
    assert shown in checked
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    scanned = runner.invoke(app, ["scan", "tests/fixtures/kkj-biren-br100-launch-2022.html", "--format", "csv"])
    summary = recipes[recipes.index("specbench scan: tests/") :].split("```")[0].strip().splitlines()
    assert summary == scanned.stderr.strip().splitlines()
    picked = _run("compare", "BR100", "A100", "--metric", "bf16,tdp", "--format", "csv-excel")
    assert picked.startswith("\ufeffchip,metric,precision,execution,sparsity,basis,value,unit,sources")


def test_the_opening_counts_the_catalogue():
    # the opening's count and vendors are the bundled catalogue's, so they cannot go stale unseen
    from specbench.api import load

    chips = load().chips.values()
    opening = README[: README.index("## Quick start")]
    found = re.search(r"\((\d+) chips and SKUs from (\d+) vendors: ([^;]+);", opening)
    assert found, "the opening states the catalogue's size"
    assert (int(found[1]), int(found[2])) == (len(chips), len({c.vendor for c in chips}))
    listed = " ".join(found[3].split()).replace(" parts they are measured against", "")
    named = {name.strip() for name in re.split(r",|\band the\b|\band\b", listed)} - {""}
    assert {c.vendor for c in chips} == named

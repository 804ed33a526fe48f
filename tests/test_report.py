"""The published report: regenerated, checked for staleness, written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from specbench.claims.corpus import default_claims_dir
from specbench.cli import app
from specbench.report import build, stale, write

runner = CliRunner()
REPORTS = Path(__file__).resolve().parent.parent / "reports"


@pytest.fixture(scope="module")
def files(catalogue):
    return build(catalogue, default_claims_dir())


def test_report_contents(files):
    assert sorted(files) == [
        "README.md",
        "claims.md",
        "compare/biren-br100-vs-nvidia-a100-sxm4-80gb.md",
        "compare/biren-br100-vs-nvidia-h20.md",
        "compare/enflame-suisi-2-vs-nvidia-a100-sxm4-80gb.md",
        "compare/enflame-suisi-2-vs-nvidia-h20.md",
        "compare/metax-c500-vs-nvidia-a100-sxm4-80gb.md",
        "compare/metax-c500-vs-nvidia-h20.md",
        "compare/moorethreads-mtt-s4000-vs-nvidia-a100-sxm4-80gb.md",
        "compare/moorethreads-mtt-s4000-vs-nvidia-h20.md",
        "crosscheck-epoch.md",
        "efficiency.svg",
        "roofline.svg",
    ]
    index = files["README.md"].decode()
    assert "[BF16 3.28x](compare/biren-br100-vs-nvidia-a100-sxm4-80gb.md)" in index
    assert "![Roofline" in index and "(roofline.svg)" in index
    assert "(crosscheck-epoch.md) (CC BY 4.0)" in index


def test_committed_reports_are_current(files):
    assert stale(REPORTS, files) == []


def test_check_detects_stale_and_missing_files(files, tmp_path):
    write(tmp_path, files)
    assert stale(tmp_path, files) == []
    (tmp_path / "claims.md").write_text("edited by hand", encoding="utf-8")
    (tmp_path / "compare" / "biren-br100-vs-nvidia-h20.md").unlink()
    assert stale(tmp_path, files) == ["claims.md", "compare/biren-br100-vs-nvidia-h20.md"]


def test_plots_are_compared_by_what_they_show(files, tmp_path):
    write(tmp_path, files)
    svg = tmp_path / "roofline.svg"
    svg.write_bytes(svg.read_bytes().replace(b"<svg", b"<!-- drawn by another matplotlib -->\n<svg", 1))
    assert stale(tmp_path, files) == []
    svg.write_bytes(svg.read_bytes().replace(b"specbench-input:", b"specbench-input:0", 1))
    assert stale(tmp_path, files) == ["roofline.svg"]


def test_report_command_writes_only_its_files(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert runner.invoke(app, ["report", "--out", str(out)]).exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert runner.invoke(app, ["report", "--out", str(out), "--check"]).exit_code == 0
    (out / "README.md").write_text("stale", encoding="utf-8")
    result = runner.invoke(app, ["report", "--out", str(out), "--check"])
    assert result.exit_code == 1
    assert f"stale: {out / 'README.md'}" in result.output
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]

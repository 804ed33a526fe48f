"""The published report: regenerated, checked for staleness, written atomically."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from specbench.claims.corpus import default_claims_dir
from specbench.cli import app
from specbench.report import build, build_site, stale, write

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


@pytest.fixture(scope="module")
def site(catalogue, files):
    return build_site(catalogue, default_claims_dir(), files)


def test_site_holds_every_page_of_the_report(site, files):
    pages = {name.removesuffix(".md") + ".html" for name in files if name.endswith(".md") and name != "README.md"}
    assert set(site) == pages | {"index.html", "roofline.svg", "efficiency.svg"}


def test_site_links_are_relative_and_resolve_and_nothing_is_fetched(site):
    from posixpath import dirname, join, normpath

    from .test_htmlpage import assert_whole_page, parse

    for name, content in site.items():
        if not name.endswith(".html"):
            continue
        page = content.decode()
        assert_whole_page(page, re.search(r"<title>(.*)</title>", page).group(1))  # type: ignore[union-attr]
        anchors = parse(page)
        for target in anchors.sources:  # images: files of the site, never fetched from elsewhere
            assert "://" not in target and not target.startswith("/")
            assert normpath(join(dirname(name), target)) in site, (name, target)
        for link in anchors.links:
            if link.startswith(("https://", "http://")):  # a source cited: a link, not an asset
                continue
            assert not link.startswith("/") and "file:" not in link, (name, link)
            path, _, fragment = link.partition("#")
            target = normpath(join(dirname(name), path)) if path else name
            assert target in site, (name, link)
            if fragment:
                assert fragment in parse(site[target].decode()).ids, (name, link)
    index = site["index.html"].decode()
    assert '<a href="compare/biren-br100-vs-nvidia-a100-sxm4-80gb.html">BF16 3.28x</a>' in index
    assert '<img src="roofline.svg"' in index
    comparison = site["compare/biren-br100-vs-nvidia-a100-sxm4-80gb.html"].decode()
    assert '<a href="../index.html">Index</a>' in comparison


def test_site_is_deterministic(catalogue, site):
    assert build_site(catalogue, default_claims_dir()) == site


def test_report_html_writes_the_site_and_checks_it(tmp_path):
    out = tmp_path / "site"
    result = runner.invoke(app, ["report", "--html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "compare" / "biren-br100-vs-nvidia-h20.html").is_file()
    assert runner.invoke(app, ["report", "--html", "--out", str(out), "--check"]).exit_code == 0
    (out / "claims.html").write_text("old", encoding="utf-8")
    checked = runner.invoke(app, ["report", "--html", "--out", str(out), "--check"])
    assert checked.exit_code == 1 and "claims.html" in checked.output

"""HTML output: every --format html is a whole page, with linked notes and scrolling tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.htmlpage import from_markdown

runner = CliRunner()

HTML_COMMANDS = [
    ["list"],
    ["show", "曦云C500"],
    ["compare", "BR100", "A100", "H20"],
    ["roofline", "BR100", "A100"],
    ["cluster", "BR100", "-n", "8"],
    ["crosscheck", "epoch"],
]


class Anchors(HTMLParser):
    """The ids, links and tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sources: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if found.get("src"):
            self.sources.append(found["src"] or "")


def parse(page: str) -> Anchors:
    anchors = Anchors()
    anchors.feed(page)
    return anchors


def assert_whole_page(page: str, title: str) -> None:
    assert page.startswith("<!doctype html>\n")
    assert '<meta charset="utf-8">' in page
    assert f"<title>{title}</title>" in page
    assert "<style>" in page and ".scroll { overflow-x: auto;" in page
    assert page.rstrip().endswith("</html>")
    assert "<link" not in page and "<script" not in page  # nothing fetched from elsewhere
    for table in re.finditer(r"<table>", page):
        assert page[: table.start()].endswith('<div class="scroll">'), "every table scrolls sideways"


@pytest.mark.parametrize("command", HTML_COMMANDS, ids=lambda c: c[0])
def test_every_html_output_is_a_whole_page(command):
    result = runner.invoke(app, [*command, "--format", "html"])
    assert result.exit_code == 0, result.output
    title = re.search(r"<title>(.*)</title>", result.stdout)
    assert title is not None and title.group(1)
    assert_whole_page(result.stdout, title.group(1))
    assert "<table>" in result.stdout


def test_comparison_notes_link_both_ways():
    page = runner.invoke(app, ["compare", "BR100", "A100", "--format", "html"]).stdout
    assert_whole_page(page, "BR100 vs A100 SXM4 80GB")
    anchors = parse(page)
    # BR100's FP32 figure (256 TFLOPS, unit not stated) carries note 2 in the table.
    assert '256 [<a href="#note-2" id="ref-2">2</a>]' in page
    notes = {link for link in anchors.links if link.startswith("#note-")}
    backs = {link for link in anchors.links if link.startswith("#ref-")}
    assert notes and {f"#note-{n[len('#ref-') :]}" for n in backs} == notes
    assert all(link[1:] in anchors.ids for link in notes | backs)


def test_brief_html_has_no_notes():
    page = runner.invoke(app, ["compare", "BR100", "A100", "--format", "html", "--brief"]).stdout
    assert "<h2>Notes</h2>" not in page and "#note-" not in page and "3.28x" in page


def test_html_escapes_what_it_shows():
    assert "&lt;script&gt;" in from_markdown("a <script> b")
    assert from_markdown("[x](compare/a.md)", site=True) == '<p><a href="compare/a.html">x</a></p>\n'
    assert 'href="index.html"' in from_markdown("[x](README.md)", site=True)
    assert 'href="https://example.com/a.md"' in from_markdown("[x](https://example.com/a.md)", site=True)


def test_claim_commands_offer_only_their_formats():
    result = runner.invoke(app, ["check", "BR100 BF16 1024 TFLOPS", "--format", "html"])
    assert result.exit_code == 2 and "'html' is not one of 'text', 'markdown', 'json'" in result.output

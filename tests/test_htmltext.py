"""The main text of HTML pages: what is kept, what is dropped, lines and paragraphs."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from specbench.cli import app
from specbench.htmltext import html_text
from specbench.scan import scan

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
PAGE = Path(__file__).parent / "fixtures" / "kkj-biren-br100-launch-2022.html"
EXCERPT = tomllib.loads((ROOT / "claims" / "articles" / "kkj-biren-br100-launch-2022.toml").read_text("utf-8"))
PARAGRAPHS = EXCERPT["text"].strip().splitlines()[:4]  # the four paragraphs the page holds


def page_text(html: str, size: int | None = None) -> str:
    chunks = [html] if size is None else [html[i : i + size] for i in range(0, len(html), size)]
    return "".join(html_text(chunks))


def test_the_article_paragraphs_are_kept_and_the_page_around_them_dropped():
    text = page_text(PAGE.read_text(encoding="utf-8"))
    blocks = text.strip().split("\n\n")
    # crumbs, then headline and byline (a heading ends a line, not a paragraph), then the paragraphs;
    # the fourth paragraph wraps in the page's source, and reads as one line with a space
    assert blocks[:2] == [
        "快科技 > 资讯",
        "全球通用GPU算力记录首次被中国企业打破：2千万亿次性能\n2022-08-09 16:29:25 出处：快科技 作者：宪瑞",
    ]
    assert blocks[2:5] == PARAGRAPHS[:3]
    assert blocks[5] == PARAGRAPHS[3].replace("，BF16", "， BF16")
    assert len(blocks) == 6
    for dropped in (
        "shareTitle",
        "text-indent",
        "首页",
        "img1.example.com",
        "624 TOPS",
        "分享",
        "相关阅读",
        "1979",
        "Copyright",
        "312",
    ):
        assert dropped not in text, dropped


def test_chunks_of_any_size_give_the_same_text():
    html = PAGE.read_text(encoding="utf-8")
    whole = page_text(html)
    assert page_text(html, 1) == whole
    assert page_text(html, 97) == whole


def test_scanning_the_page_finds_the_claims_of_its_paragraphs_at_their_lines(catalogue, tmp_path):
    source = PAGE.read_text(encoding="utf-8").splitlines()
    line_of = {p[:12]: next(n for n, line in enumerate(source, 1) if p[:12] in line) for p in PARAGRAPHS}
    text = tmp_path / "paragraphs.txt"
    text.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    from_text = [(f.judgement.claim.text, f.judgement.verdict, f.judgement.flags) for f in scan([text], catalogue)]
    from_page = list(scan([PAGE], catalogue))
    assert [(f.judgement.claim.text, f.judgement.verdict, f.judgement.flags) for f in from_page] == from_text
    for finding in from_page:
        paragraph = next(p for p in PARAGRAPHS if finding.sentence in p.replace("，BF16", "， BF16"))
        assert finding.line == line_of[paragraph[:12]]  # the line of its <p> in the page


def test_the_page_gets_the_verdicts_a_reader_expects(catalogue):
    found = {f.judgement.claim.text: f.judgement.verdict for f in scan([PAGE], catalogue)}
    held = [e for e in EXCERPT["expect"] if any(e["quote"] in p for p in PARAGRAPHS) and "expected" in e]
    assert len(held) >= 8
    for expectation in held:
        verdicts = {v for text, v in found.items() if text in expectation["quote"] or expectation["quote"] in text}
        assert verdicts == {expectation["expected"]}, expectation["quote"]


def test_tables_become_rows_of_cells_and_headings_stay_with_their_paragraph():
    html = (
        "<h2>FP16 性能</h2><p>H20 为 148 TFLOPS</p><p>next</p>"
        "<table><tr><th></th><th>BR100<th>A100</tr><tr><td>BF16<td><p>1024</p></td><td>312</td></tr></table>"
        "<pre>line one\nline two</pre><ul><li>one<li>two</ul>"
    )
    assert page_text(html) == (
        "FP16 性能\nH20 为 148 TFLOPS\n\nnext\n\n|   | BR100 | A100 |\n| BF16 | 1024 | 312 |\n\n"
        "line one\nline two\n\none\ntwo\n"
    )


def test_an_element_left_open_does_not_swallow_the_page():
    assert page_text("<head><title>t</title><body><p>BR100 1024 TFLOPS</p>") == "BR100 1024 TFLOPS\n"
    assert page_text("<div><nav>menu<p>x</p></div></body><p>after</p>") == "after\n"


def test_scan_reads_a_file_that_starts_like_a_page_whatever_its_name(tmp_path):
    saved = tmp_path / "saved"
    saved.write_bytes(PAGE.read_bytes())
    result = runner.invoke(app, ["scan", str(saved), "--format", "csv"])
    assert "shareTitle" not in result.stdout and "A100 312" not in result.stdout
    assert f"{saved},31,supported,,BR100,,memory capacity,is 64GB (64 GB),64,GB,64,GB,64 GB,,,64GB" in result.stdout

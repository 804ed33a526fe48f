"""Decoding articles: UTF-8 first and never mistaken, then a declared encoding, then GB18030 or Big5."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from specbench.cli import app
from specbench.decoding import SAMPLE, choose_encoding, decode_blocks
from specbench.errors import InputError
from specbench.scan import read_chunks, scan

runner = CliRunner()
ARTICLES = Path(__file__).resolve().parent.parent / "claims" / "articles"


def excerpt(name: str) -> str:
    """The text of a real article excerpt kept in claims/articles/."""
    return tomllib.loads((ARTICLES / f"{name}.toml").read_text(encoding="utf-8"))["text"]


KKJ = excerpt("kkj-biren-br100-launch-2022")  # simplified Chinese, 快科技
BOMIN = excerpt("bomin007-domestic-ai-chips-vs-a100-h100-2023")  # traditional characters


def decoded(data: bytes, size: int = 1 << 16, declared: str | None = None) -> str:
    blocks = [data[i : i + size] for i in range(0, len(data), size)]
    return "".join(decode_blocks(blocks, "article", declared))


@pytest.mark.parametrize("size", [1, 7, 1 << 16])
def test_gbk_and_big5_articles_decode_to_their_text_in_blocks_of_any_size(size):
    assert decoded(KKJ.encode("gbk"), size) == KKJ
    assert decoded(BOMIN.encode("big5"), size) == BOMIN


def test_utf8_is_chosen_even_where_the_bytes_also_read_as_gb18030():
    sentence = "还有64GB HBM2E内存"  # from the 快科技 excerpt
    data = sentence.encode("utf-8")
    assert data.decode("gb18030") == "杩樻湁64GB HBM2E鍐呭瓨"  # valid GB18030, and nonsense
    assert choose_encoding(data, "article") == "utf-8"
    assert choose_encoding(data, "article", declared="gbk") == "utf-8"  # a wrong <meta> loses to UTF-8
    assert decoded(data) == sentence


def test_a_byte_order_mark_is_utf8_and_is_dropped():
    assert decoded(b"\xef\xbb\xbf" + KKJ.encode("utf-8"), size=2) == KKJ


def test_a_long_ascii_start_streams_and_the_encoding_is_chosen_where_the_chinese_starts():
    head = "<p>" + "x" * (2 * SAMPLE) + "</p>\n"  # a page's scripts and styles, longer than a sample
    assert decoded((head + KKJ).encode("gbk")) == head + KKJ


def test_a_declared_encoding_is_used_when_the_bytes_fit_it():
    data = BOMIN.encode("big5")
    assert choose_encoding(data, "page", declared="big5") == "big5hkscs"  # as browsers read the Big5 label
    assert choose_encoding(KKJ.encode("gbk"), "page", declared="GB2312") == "gb18030"


def test_an_undecodable_file_is_one_error_naming_it(tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("BR100 caf\xe9 latte".encode("latin-1"))
    result = runner.invoke(app, ["scan", str(latin)])
    assert result.exit_code == 1
    assert result.output == (
        f"specbench: error: '{latin}' is not UTF-8, GB18030 (GBK) or Big5 text "
        "(first byte that is not UTF-8 at offset 9)\n"
    )


def test_a_bad_byte_after_the_sample_is_reported_at_its_offset(tmp_path):
    assert len(KKJ.encode("utf-8")) * 100 > SAMPLE
    good = KKJ.encode("utf-8") * 100  # well past the sample the encoding is chosen on
    path = tmp_path / "late.txt"
    path.write_bytes(good + b"\xff")
    with pytest.raises(InputError, match=rf"is not UTF-8 text \(bad byte at offset {len(good)}\)"):
        "".join(read_chunks(path))


def test_nul_bytes_are_refused_as_binary():
    with pytest.raises(InputError, match="is not a text file"):
        decoded(b"BR100\0\0\0")


@pytest.mark.parametrize(
    ("name", "encoding"), [("kkj-biren-br100-launch-2022", "gbk"), ("kkj-biren-br100-launch-2022", "gb18030")]
)
def test_scanning_a_gbk_file_finds_what_the_utf8_file_holds(catalogue, tmp_path, name, encoding):
    utf8, other = tmp_path / "utf8.txt", tmp_path / f"{encoding}.txt"
    utf8.write_text(excerpt(name), encoding="utf-8")
    other.write_bytes(excerpt(name).encode(encoding))
    first = [(f.line, f.judgement.claim.text, f.judgement.verdict) for f in scan([utf8], catalogue)]
    second = [(f.line, f.judgement.claim.text, f.judgement.verdict) for f in scan([other], catalogue)]
    assert first == second
    # claims/articles/kkj-biren-br100-launch-2022.toml: BR100 BF16 1024 TFLOPS, supported (Biren's figure)
    assert (4, "BF16性能1024TFLOPS", "supported") in second


def test_scanning_a_big5_file_judges_its_claims(catalogue, tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(BOMIN.encode("big5"))
    found = {f.judgement.claim.text: (f.line, f.judgement.verdict, f.judgement.flags) for f in scan([path], catalogue)}
    # The excerpt's expectation: 624 is A100's FP16 figure with 2:4 sparsity (dense 312): misleading.
    line, verdict, flags = found["A100的性能則為624Tflops"]
    assert (line, verdict) == (2, "misleading")
    assert "sparse-vs-dense" in flags

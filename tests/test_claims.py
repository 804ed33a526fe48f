"""The claim parser, in Chinese and English, including machine-paraphrased reposts."""

from __future__ import annotations

import pytest

from specbench.claims import MAX_SENTENCE, Reader, split_sentences
from specbench.scan import sentences_with_lines


@pytest.fixture(scope="module")
def parser(catalogue):
    return Reader(catalogue)


def one(parser, text):
    (claim,) = parser.read(text)
    return claim


def test_two_claims_in_one_sentence(parser):
    first, second = parser.read("BR100的16位浮点算力达到1000T以上，8位定点算力达到2000T以上")
    assert (first.subject, first.precisions, first.value, first.unit_kind, first.qualifier) == (
        "biren-br100",
        ("fp16", "bf16"),
        1000,
        "flop_rate",
        "at_least",
    )
    assert (second.precisions, second.value, second.unit_kind, second.qualifier) == (
        ("int8",),
        2000,
        "op_rate",
        "at_least",
    )
    assert second.text == "8位定点算力达到2000T以上"


def test_ratio_claim_with_rival_and_many_precisions(parser):
    claim = one(parser, "在Int8、BF16、TF32/TF32+、FP32等数据格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势")
    assert claim.kind == "ratio"
    assert (claim.subject, claim.rival, claim.ratio, claim.qualifier) == (
        "biren-br100",
        "nvidia-a100-sxm4-80gb",
        3.3,
        "at_least",
    )
    assert claim.precisions == ("int8", "bf16", "tf32", "tf32+", "fp32")
    assert "peak" in claim.scope


def test_comparison_of_two_stated_values(parser):
    claim = one(parser, "曦云C500目标FP32算力15TFLOPS，而英伟达A100的FP32算力为19.5TFLOPS，已非常接近")
    assert claim.kind == "comparison"
    assert (claim.subject, claim.value, claim.rival, claim.rival_value, claim.relation) == (
        "metax-c500",
        15,
        "nvidia-a100-sxm4-80gb",
        19.5,
        "close",
    )
    assert "target" in claim.scope


def test_percentage_of_a_rival_and_values(parser):
    fp16, bandwidth, ratio = parser.read("H20 FP16算力148TFLOPS，显存带宽4TB/s，仅为H100的30%")
    assert (ratio.rival, ratio.ratio, ratio.qualifier) == ("nvidia-h100-sxm5", 0.3, "only")
    assert "memory_bandwidth" in ratio.also
    assert (fp16.metric, fp16.value) == ("throughput", 148)
    assert (bandwidth.metric, bandwidth.value) == ("memory_bandwidth", 4000)


def test_counted_devices_and_scale_words(parser):
    claim = one(parser, "海玄服务器搭载8个BR100 OAM模组，单节点峰值算力达到8 PFLOPS")
    assert (claim.count, claim.value, claim.unit_kind) == (8, 8000, "flop_rate")
    assert {"server", "node", "peak"} <= claim.scope


def test_package_dimensions(parser):
    claim = one(parser, "邃思2.0是中国最大的AI计算芯片，尺寸为57.5毫米×57.5毫米")
    assert (claim.metric, claim.value) == ("area", pytest.approx(3306.25))
    assert {"largest", "chip"} <= claim.scope


def test_english(parser):
    claim = one(parser, "Biren's BR100 offers 2 PFLOPS of AI performance")
    assert (claim.subject, claim.value, claim.unit_kind, claim.precisions) == ("biren-br100", 2000, "flop_rate", ())
    claim = one(parser, "The H20 is 6.7x slower than the H100 in FP16")
    assert claim.ratio == pytest.approx(1 / 6.7)
    assert (claim.subject, claim.rival) == ("nvidia-h20", "nvidia-h100-sxm5")


@pytest.mark.parametrize(
    ("text", "ratio", "qualifier"),
    [
        ("MTT S4000的FP16算力约为A100的三分之一", 1 / 3, "about"),
        ("C500的BF16算力近A100的一半", 0.5, "about"),
        ("BR100的BF16算力是A100的近4倍", 4.0, "about"),
        ("BR100 delivers more than 3x the BF16 throughput of the A100", 3.0, "more_than"),
    ],
)
def test_ratio_words(parser, text, ratio, qualifier):
    claim = next(c for c in parser.read(text) if c.kind == "ratio")
    assert claim.ratio == pytest.approx(ratio)
    assert claim.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("BR100的BF16算力为1024万亿次每秒", 1024, "flop_rate"),
        ("8个BR100的BF16算力达到8千万亿次", 8000, "flop_rate"),
        ("BR100拥有770亿个晶体管", 7.7e10, "count"),
        ("A100 80GB的显存为80GB", 80, "information"),
        ("H100 NVLink互联带宽900GB/s", 900, "bandwidth"),
        ("BR100的TDP为550W", 550, "power"),
        ("ＢＲ１００的ＢＦ１６算力为１０２４ＴＦＬＯＰＳ", 1024, "flop_rate"),  # full-width
    ],
)
def test_units(parser, text, value, kind):
    claim = parser.read(text)[0]
    assert claim.value == pytest.approx(value)
    assert claim.unit_kind == kind


def test_interconnect_words_pick_the_metric(parser):
    assert one(parser, "H100 NVLink互联带宽900GB/s").metric == "interconnect"
    assert one(parser, "H100显存带宽3.35TB/s").metric == "memory_bandwidth"


@pytest.mark.parametrize(
    ("paraphrased", "plain"),
    [
        (
            "曦云C500方针FP32算力15TFLOPS，而英伟达A100的FP32算力为19.5TFLOPS，已非常接近",
            "曦云C500目标FP32算力15TFLOPS，而英伟达A100的FP32算力为19.5TFLOPS，已非常接近",
        ),
        ("BR100的16位浮点算力到达1000T以上", "BR100的16位浮点算力达到1000T以上"),
        (
            "在BF16格式下，BR100比较英伟达A100至少有3.3倍的峰值功用优势",
            "在BF16格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势",
        ),
    ],
)
def test_machine_paraphrased_reposts_parse_like_the_original(parser, paraphrased, plain):
    def shape(claims):
        return [(c.kind, c.subject, c.rival, c.value, c.ratio, c.precisions, c.qualifier, c.scope) for c in claims]

    assert shape(parser.read(paraphrased)) == shape(parser.read(plain))


@pytest.mark.parametrize(
    "text",
    [
        "壁仞科技完成总额超过50亿元的融资，估值达到3.3倍",
        "The company raised $700 million and employs 1,000 people.",
        "发布会于2022年8月9日在上海举行。",
        "This sentence names no chip but says 1024 TFLOPS.",
        "BR100 was announced in August.",
    ],
)
def test_sentences_that_are_not_claims_about_chips(parser, text):
    assert parser.read(text) == []


def test_sentence_splitting():
    text = "BR100的算力很高。A100 has 312 TFLOPS. 邃思2.0！Really?"
    assert list(split_sentences(text)) == ["BR100的算力很高。", "A100 has 312 TFLOPS.", "邃思2.0！", "Really?"]
    assert list(split_sentences("v2.0 and 3.5 TB/s")) == ["v2.0 and 3.5 TB/s"]
    # an abbreviation's full stop, or one before a lower-case word, ends no sentence
    text = (
        "The H200 offers 141 GB vs. 80 GB. Chips e.g. the A100 sold well. NVIDIA Inc. said so. "
        "It shipped in 2024. 80 GB came later."
    )
    assert list(split_sentences(text)) == [
        "The H200 offers 141 GB vs. 80 GB.",
        "Chips e.g. the A100 sold well.",
        "NVIDIA Inc. said so.",
        "It shipped in 2024.",
        "80 GB came later.",
    ]


def test_long_runs_without_punctuation_are_cut():
    pieces = list(split_sentences("x" * (MAX_SENTENCE * 2 + 5)))
    assert [len(p) for p in pieces] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_streamed_sentences_match_whole_text_and_keep_line_numbers():
    text = "第一行没有数字。\nBR100的BF16算力为1024TFLOPS。A100 has 312 TFLOPS.\n\nH20 has 96 GB\n"
    whole = list(sentences_with_lines([text]))
    byte_by_byte = list(sentences_with_lines(list(text)))
    assert whole == byte_by_byte
    assert whole == [
        (1, "第一行没有数字。"),
        (2, "BR100的BF16算力为1024TFLOPS。"),
        (2, "A100 has 312 TFLOPS."),
        (4, "H20 has 96 GB"),
    ]


def test_an_article_comparison_with_no_number_answers_its_quote(catalogue):
    from specbench.claims.corpus import Article, Expectation, audit_article

    text = "H100 (released in 2022): FP16 computing power of 989 TFLOPS. Its performance far exceeds that of A100."
    article = Article("t", "en", "test", text, [Expectation("Its performance far exceeds that of A100", "supported")])
    (result,) = audit_article(article, catalogue)
    assert result.found and result.verdict == "supported"


def test_an_article_launch_date_answers_its_quote_as_written(catalogue):
    from specbench.claims.corpus import Article, Expectation, audit_article

    # BR100 launched 2022-08-09 [BR-1]: the claim's date is "2022-08", the quote writes 2022年8月
    text = "壁仞科技2022年8月发布的BR100芯片引起关注。"
    article = Article("t", "zh", "test", text, [Expectation("壁仞科技2022年8月发布的BR100芯片", "supported")])
    (result,) = audit_article(article, catalogue)
    assert result.found and result.verdict == "supported"


def test_a_corpus_sentence_is_read_after_its_published_context(catalogue, tmp_path):
    from specbench.claims.corpus import audit, load_curated

    (tmp_path / "c.toml").write_text(
        """[[claim]]
id = "row"
text = "Power | 300W | 550W | 400W | 700W |"
context = "Row 0 - Cell 0 | Biren BR104 | Biren BR100 | Nvidia A100 | Nvidia H100 |"
source = "Tom's Hardware"
expected = "supported"
""",
        encoding="utf-8",
    )
    (result,) = audit(load_curated(tmp_path), catalogue)
    # BR104 300 W, BR100 550 W, A100 SXM4 400 W, H100 SXM5 700 W; the header row itself is not judged
    assert [(j.claim.subject, j.claim.value) for j in result.judgements] == [
        ("biren-br104", 300.0),
        ("biren-br100", 550.0),
        ("nvidia-a100-sxm4-80gb", 400.0),
        ("nvidia-h100-sxm5", 700.0),
    ]
    assert result.verdict == "supported"


def test_the_audit_answers_a_quote_with_the_claim_written_inside_it():
    """Two cells of a row state the same figure text; each quote is answered by its own cell."""
    from specbench.claims.corpus import _placed_in
    from specbench.claims.reading import Claim

    row = "| VRAM | 48GB GDDR6 | 40GB HBM2e | 80GB HBM2e |"
    first, second = (Claim(text="HBM2e", metric="memory_type", sentence=row, at=row.find("HBM2e", k)) for k in (0, 30))
    assert [_placed_in(c, "| 40GB HBM2e |") for c in (first, second)] == [True, False]
    assert [_placed_in(c, "| 80GB HBM2e |") for c in (first, second)] == [False, True]

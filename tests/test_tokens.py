"""The tokenizer's test of where a token can start changes no token, only how fast they are found."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from specbench.claims import Reader
from specbench.claims.tokens import _first_chars, _starts, fold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tokenizer(catalogue):
    return Reader(catalogue).tokenizer


@pytest.fixture(scope="module")
def plain(tokenizer):
    """The rules without the test of where a token can start."""
    return re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in tokenizer.rules))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    return [(m.lastgroup, *m.span()) for m in pattern.finditer(text)]


def test_every_rule_has_first_characters(tokenizer):
    """If one rule's first characters could not be worked out, the shortcut would be off."""
    assert all(_first_chars(pattern) for _name, pattern in tokenizer.rules)
    assert _starts(tokenizer.rules)


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"abc", ["a"]),
        (r"(?:us)?[$¥]", ["u", r"\$", "¥"]),
        (r"(?<![a-z])\d+x", [r"\d"]),
        (r"a?", None),  # can match nothing
        (r"[^a]b", None),  # a negated set
    ],
)
def test_first_characters(pattern, first):
    assert _first_chars(pattern) == first


def test_corpus_text_gives_the_same_tokens(tokenizer, plain):
    lexicon = tokenizer.lexicon
    texts = []
    for path in sorted((ROOT / "claims").glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts += [e["text"] for e in [data, *data.get("claim", [])] if isinstance(e.get("text"), str)]
    assert len(texts) > 300
    for text in texts:
        folded = fold(text, lexicon)
        assert _spans(tokenizer.pattern, folded) == _spans(plain, folded)


# Letters, digits, punctuation and the first characters of Chinese words and chip names.
ALPHABET = list('abcdefhimnoprstuwxz0123456789 .,-_/:$#<>&="|()*%，。、') + list("云壁曦邃昇的倍成分之卡张亿万元年月")
PIECES = [
    "a100",
    'id="x"',
    "us$5",
    "www.a",
    "h20",
    "br100",
    "tflops",
    "tops",
    "fp16",
    "int8",
    "pcie 5.0",
    "7nm",
    "hbm2e",
    "https://",
    "倍",
    "算力",
]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(ALPHABET), st.sampled_from(PIECES)), max_size=30))
def test_generated_text_gives_the_same_tokens(tokenizer, plain, parts):
    text = "".join(parts)
    assert _spans(tokenizer.pattern, text) == _spans(plain, text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("昇腾910BAI芯片", "chip", "huawei-ascend-910b"),  # "AI" glued to the name, as Chinese text writes it
        ("昇腾920AI芯片", "other_chip", "Ascend 920"),  # the longer name, not the family "昇腾"
        ("华为昇腾920芯片", "other_chip", "Ascend 920"),
    ],
)
def test_a_chip_name_with_ai_glued_to_it(tokenizer, text, kind, value):
    from specbench.claims.tokens import fold

    tokens = tokenizer.tokenize(text, fold(text, tokenizer.lexicon))
    named = [t for t in tokens if t.kind.value in ("chip", "other_chip")]
    assert [(t.kind.value, t.value) for t in named] == [(kind, value)]


def test_a_name_inside_a_longer_word_is_no_chip(tokenizer):
    from specbench.claims.tokens import fold

    text = "h20ail"
    assert not [t for t in tokenizer.tokenize(text, fold(text, tokenizer.lexicon)) if t.kind.value == "chip"]


def test_the_longest_keyword_wins_whatever_its_last_character(catalogue):
    """ "每个GPU" (a per-device scope) is longer than "每个" and ends in a letter; "TF32+" is longer
    than "TF32" and ends in a sign: each is one token, whichever kind of boundary it needs."""
    from specbench.claims import Reader

    tokenizer = Reader(catalogue).tokenizer
    for text, word in (
        ("每个GPU的节点内NVLink带宽", "每个gpu"),
        ("512 TFLOPS (TF32+)", "tf32+"),
        ("其他所有GPU", "其他"),
    ):
        assert word in [t.value for t in tokenizer.tokenize(text, text.lower()) if t.kind.value == "word"]


def test_a_keyword_trie_is_the_same_whatever_order_its_words_come_in():
    """The trie is kept between runs under its words as the key, and the compiled pattern under its
    text: words given in another order (a set's order changes from one process to the next) must
    give the same pattern, or every run compiles afresh."""
    from specbench.claims.tokens import bounded

    words = ["每个", "每个gpu", "tf32", "tf32+", "than", "相比", "gb/s", "ab", "cd", "ef"] * 4
    assert bounded(words) == bounded(list(reversed(words))) == bounded(sorted(set(words)))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("L20 BF16 119,5 TFLOPS", [119.5]),  # Tom's Hardware's table prints the L20's 119.5 so
        ("1,979 TFLOPS", [1979.0]),  # three digits after the comma: thousands
        ("支持1,2,4,8 GB", [8.0]),  # a list of numbers is not a decimal
    ],
)
def test_a_decimal_comma_before_a_unit(text, values):
    from specbench.claims.tokens import Kind, Tokenizer, fold

    tokenizer = Tokenizer({"l20": "nvidia-l20"})
    tokens = tokenizer.tokenize(text, fold(text, tokenizer.lexicon))
    assert [t.value.value for t in tokens if t.kind is Kind.QUANTITY] == values


@pytest.mark.parametrize(
    ("text", "dimension", "tera"),
    [
        ("整数精度(INT8)算力达到 512 Tera-OPS", "op_rate", 512.0),  # a 910B explainer's spelling
        ("reaches 256 Tera-FLOPS of FP16", "flop_rate", 256.0),
        ("a 2 Peta-FLOPS chip", "flop_rate", 2000.0),
    ],
)
def test_hyphenated_rate_units(text, dimension, tera):
    from specbench.claims.tokens import Kind, Tokenizer, fold

    tokenizer = Tokenizer({})
    tokens = tokenizer.tokenize(text, fold(text, tokenizer.lexicon))
    (quantity,) = [t.value for t in tokens if t.kind is Kind.QUANTITY]
    assert (quantity.dimension.value, quantity.value) == (dimension, tera)

"""The fast first pass of scan finds every sentence the reader would read a claim from."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from specbench.claims import Context, Reader, split_sentences
from specbench.claims.judging import Judge
from specbench.claims.reading import SENTENCE_END, sentence_ends
from specbench.scan import scan

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "claims" / "articles").glob("*.toml"))


@pytest.fixture(scope="module")
def reader(catalogue):
    return Reader(catalogue)


@settings(max_examples=500)
@given(st.text(alphabet=list("。！？!?；;\n.. a1)%x\t|vsegiV"), max_size=40))
def test_sentence_ends_are_those_of_the_sentence_end_pattern(text):
    assert sentence_ends(text) == sorted({m.end() for m in SENTENCE_END.finditer(text)})


def _corpus_sentences() -> list[str]:
    found = []
    for path in sorted((ROOT / "claims").glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in [data, *data.get("claim", [])]:
            if isinstance(entry.get("text"), str):
                found += split_sentences(entry["text"])
    return found


def test_every_sentence_with_a_claim_is_found(reader):
    """Over every sentence of the corpus and the articles: if the reader reads a claim from the
    sentence alone, the prefilter marks it to be read."""
    missed = []
    sentences = _corpus_sentences()
    assert len(sentences) > 400
    for sentence in sentences:
        if reader.read_sentence(sentence, Context()):
            spans = reader.prefilter.spans(sentence)
            if not any(sentence[start:end].strip() == sentence.strip() for start, end in spans):
                missed.append(sentence)
    assert not missed, missed[:5]


@pytest.mark.parametrize(
    "text",
    [
        "BR100的INT8算力为１０２４ＴＯＰＳ。",  # full-width digits and letters
        "曦雲C500的BF16算力是H20的近兩倍。",  # traditional forms
        "BR100的核算能力到达了1024TOPS。",  # machine-paraphrase substitutions
        "MTT S4000 cards talk over MTLink at 240 GB/sec.",
    ],
)
def test_folded_forms_are_found(reader, text):
    assert reader.read_sentence(text, Context())
    assert reader.prefilter.spans(text) == [(0, len(text))]


def test_text_with_no_figure_is_passed_over(reader):
    text = "壁仞科技正式发布BR100系列GPU。业内人士认为，这一产品将主要面向国内的数据中心市场。"
    assert reader.prefilter.spans(text) == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_scanning_an_article_finds_what_reading_every_sentence_finds(catalogue, reader, path, tmp_path):
    """Skipping sentences and reading passed-over text only when a later sentence refers back
    gives the claims of reading every sentence in order, each with the same subject."""
    text = tomllib.loads(path.read_text(encoding="utf-8"))["text"]
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    found = scan([article], catalogue)
    scanned = [(f.judgement.claim.text, f.judgement.claim.subject, f.judgement.verdict) for f in found]
    judge = Judge(catalogue)
    read = [(j.claim.text, j.claim.subject, j.verdict) for j in judge.judge_all(Reader(catalogue).read(text))]
    assert scanned == read


def test_a_character_that_folds_longer_does_not_make_every_sentence_read(reader):
    """The character ™ folds to "tm", so positions in the folded block no longer match the text: each
    sentence is then tested on its own, and sentences with no figure are still passed over."""
    claim = "BR100的INT8算力为1024TOPS。"
    text = "壁仞科技™正式发布BR100系列GPU。业内人士认为，这一产品将主要面向国内的数据中心市场。" + claim
    assert reader.prefilter.spans(text) == [(len(text) - len(claim), len(text))]


def test_a_paraphrase_word_sends_only_its_own_sentence_to_be_folded_alone(reader, monkeypatch):
    """Undoing a machine paraphrase ("核算能力" for "计算能力") changes a sentence's length, so that
    sentence is tested on its own; the other sentences of the block keep the one pass over it."""
    prose = "业内人士认为，这一产品将主要面向国内的数据中心市场。" * 50
    paraphrased = "BR100的核算能力到达了1024TOPS。"
    plain = "曦云C500的BF16算力为280TFLOPS。"
    text = prose + paraphrased + prose + plain
    tested: list[str] = []
    holds_spot = type(reader.prefilter)._holds_spot
    monkeypatch.setattr(type(reader.prefilter), "_holds_spot", lambda self, s: tested.append(s) or holds_spot(self, s))
    start = len(prose)
    second = len(text) - len(plain)
    assert reader.prefilter.spans(text) == [(start, start + len(paraphrased)), (second, len(text))]
    assert tested == [paraphrased]

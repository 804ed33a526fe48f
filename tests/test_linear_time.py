"""Linear time on pathological input: no pattern may backtrack on long runs.

Each family builds a text from a unit repeated ``n`` times (runs of spaces, digits,
separators, chip names, units, CJK numerals, ...). The reader and the tokenizer are
timed on the family at ``n`` and at ``10 n``, and the test asserts the ratio of the two
times, never an absolute time: linear work gives about 10, quadratic about 100, cubic
about 1,000. The bound is 30.

The larger input is as long as a sentence may be (``MAX_SENTENCE``, 2,000 characters)
and the smaller a tenth of that. ``Reader.read`` cuts longer runs into 2,000-character
sentences, so a larger input would be read as several sentences and hide a reader that
is super-linear within one (a quadratic sentence reader shows only about 50 at 4,000
characters). For the same reason small timings are made meaningful by calling the
function several times per measurement (as :mod:`timeit` does), not by making the
input longer.

Past offenders: whitespace between two chip names and a ratio (cubic), a run of
digits after a chip name (quadratic).
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from specbench.claims import MAX_SENTENCE, Reader
from specbench.claims.tokens import fold
from specbench.scan import CHUNK, sentences_with_lines

BOUND = 30.0  # t(10 n) / t(n); linear is about 10, quadratic about 100
LARGE = MAX_SENTENCE  # at most this many characters in the larger input, the smaller a tenth of it
MIN_TIME = 0.002  # seconds; shorter calls are repeated within one measurement
RUNS = 3  # measurements of each input; the minimum is kept, being the least disturbed
# A ratio over the bound is measured again, up to this many times in all, and the lowest kept: on a
# shared machine a burst of load slows one timing, not every attempt, while super-linear work is slow
# in each of them (quadratic stays near 100 however often it is measured).
ATTEMPTS = 3

SENTENCE_ZH = "在Int8、BF16、TF32/TF32+、FP32等数据格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势"
SENTENCE_EN = "H100 SXM5 delivers 989 TFLOPS dense BF16, 3.17x the 312 TFLOPS of an A100, with 3.35 TB/s HBM3"
TABLE_ROW = "| A100 | 312 TFLOPS | 80GB HBM2E | 2,039 GB/s | 400W |"


def repeat(prefix: str, unit: str, suffix: str = "") -> Callable[[int], str]:
    return lambda n: prefix + unit * n + suffix


# name -> n -> text; the text's length grows linearly with n.
FAMILIES: dict[str, Callable[[int], str]] = {
    # lines naming only a rival: they wait in the context, and are read in bounded batches
    "rival_lines": repeat("A100 ", ",相比A100、\n  "),
    "chip_lines": repeat("A100 ", "H100卡\n"),
    # whitespace between chip names and a ratio (a past cubic offender)
    "spaces_between_chips_and_ratio": lambda n: "BR100" + " " * n + "A100" + " " * n + "3倍",
    "tabs_between_chips_and_ratio": lambda n: "BR100" + "\t" * n + "A100" + "\t" * n + "3倍",
    "ideographic_spaces_between_chips": lambda n: "BR100" + "\u3000" * n + "A100" + "\u3000" * n + "3倍",
    "spaces_between_chip_and_number": lambda n: "A100" + " " * n + "312" + " " * n + "TFLOPS",
    "spaces_in_chip_name": repeat("A100", " ", "80GB"),
    # digit runs after a chip name (a past quadratic offender)
    "digits_after_chip": repeat("A100 ", "1"),
    "digits_glued_to_chip": repeat("A100", "1"),
    "digits_then_unit": repeat("A100 ", "1", " TFLOPS"),
    "digits_then_ratio": repeat("A100 ", "1", "倍"),
    "digit_groups": repeat("A100 1", ",000", " GB/s"),
    "dotted_digits": repeat("A100 1", ".1"),
    "numbers_and_spaces": repeat("A100 ", "1.5 "),
    # runs of separators
    "fullwidth_commas": repeat("A100 3倍", "，"),
    "commas": repeat("A100 3倍", ","),
    "enumeration_commas": repeat("A100 3倍", "、"),
    "pipes": repeat("A100 3倍", "|"),
    "slashes": repeat("A100 3倍", "/"),
    "hyphens": repeat("A100 3倍", "-"),
    "dots": repeat("A100 3倍", "."),
    "middle_dots": repeat("A100 3倍", "·"),
    "underscores": repeat("A100 3倍", "_"),
    "times_signs": repeat("A100 3", "×"),
    "asterisks": repeat("A100 312 TFLOPS", "*"),
    "percent_signs": repeat("A100 1", "%"),
    "dollar_signs": repeat("A100 ", "$"),
    # repeated chip names
    "chip_names": repeat("", "A100 H100 ", "3倍"),
    "chip_list_slashes": repeat("对标", "A100/H100/", "3倍"),
    "chip_list_chinese": repeat("相比", "A100、H100和", "提升3倍"),
    "chip_versus": repeat("", "A100 vs H100 ", "3x"),
    "chip_rivals": repeat("", "BR100相比A100，", "3倍"),
    "chip_names_glued": repeat("", "A100H100", "3倍"),
    "open_parenthesis_chips": repeat("", "(A100 ", "3倍"),
    # units and names with digits
    "tflops": repeat("A100 1 ", "TFLOPS "),
    "figures_with_units": repeat("A100 ", "312 TFLOPS "),
    "bandwidths": repeat("A100 ", "2TB/s GB/s "),
    "hbm2e": repeat("A100 1 ", "HBM2E "),
    "pcie_links": repeat("A100 ", "PCIe 5.0 x16 "),
    "precisions": repeat("A100 312 ", "FP16 INT8 "),
    # ratios and counts
    "one_x": repeat("A100 ", "1x"),
    "ratios": repeat("A100 ", "3x "),
    "cjk_ratios": repeat("A100 ", "3倍 "),
    "percents": repeat("A100 ", "30% "),
    "eight_cards": repeat("A100 ", "8卡"),
    "eight_cards_cjk": repeat("A100 ", "八卡"),
    # CJK numerals
    "cjk_tens_then_ratio": repeat("A100 ", "十", "倍"),
    "cjk_tens_ratios": repeat("A100 ", "十倍"),
    "fractions": repeat("A100 ", "分之"),
    "percent_words": repeat("A100 ", "百分之", "三十"),
    "thirds": repeat("A100 ", "三分之一"),
    # words, brackets, markup
    "long_word": repeat("A100 1 ", "a"),
    "open_parentheses": repeat("A100 1 ", "("),
    "close_parentheses": repeat("A100 1 ", ")"),
    "open_brackets": repeat("A100 1 ", "!["),
    "angle_brackets": repeat("A100 1 ", "<"),
    "html_attributes": repeat("A100 1 ", 'a="'),
    "url": repeat("A100 1 http://", "a"),
    "hex": repeat("A100 1 0x", "f"),
    "dates": repeat("A100 1 ", "2022-"),
    "markdown_pipes": repeat("A100 ", "| 1 "),
    "table_rows": repeat("", TABLE_ROW + " "),
    # real sentences run together, with no sentence break
    "corpus_sentence_zh": lambda n: " ".join([SENTENCE_ZH] * n),
    "corpus_sentence_en": lambda n: " ".join([SENTENCE_EN] * n),
}


def sizes(family: Callable[[int], str]) -> tuple[int, int]:
    """``n`` and ``10 n``, the largest such that the family's text at ``10 n`` is at most LARGE characters."""
    per_unit = len(family(2)) - len(family(1))
    n = max(1, (LARGE - len(family(1)) + per_unit) // (10 * per_unit))
    while n > 1 and len(family(10 * n)) > LARGE:
        n -= 1
    return n, 10 * n


def measure(function: Callable[[str], object], text: str) -> float:
    """Seconds per call: the minimum over RUNS measurements, each long enough to be meaningful."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        function(text)
        first = time.perf_counter() - start
        calls = max(1, math.ceil(MIN_TIME / max(first, 1e-7)))
        best = first if calls == 1 else math.inf
        for _ in range(RUNS):
            start = time.perf_counter()
            for _ in range(calls):
                function(text)
            best = min(best, (time.perf_counter() - start) / calls)
        return best
    finally:
        if enabled:
            gc.enable()


@pytest.fixture(scope="module")
def reader(catalogue) -> Reader:
    reader = Reader(catalogue)
    reader.read("A100 3倍")  # build the tokenizer and prefilter outside the timings
    return reader


def layers(reader: Reader) -> dict[str, Callable[[str], object]]:
    tokenizer = reader.tokenizer
    return {
        "tokenize": lambda text: tokenizer.tokenize(text, fold(text, tokenizer.lexicon)),
        "read": reader.read,
    }


def ratios(reader: Reader, family: Callable[[int], str]) -> dict[str, tuple[float, float, float]]:
    """For each layer: (seconds at n, seconds at 10 n, their ratio)."""
    small, large = sizes(family)
    found = {}
    for layer, function in layers(reader).items():
        found[layer] = lowest_ratio(
            lambda f=function: measure(f, family(small)),
            lambda f=function: measure(f, family(large)),
        )
    return found


def lowest_ratio(small: Callable[[], float], large: Callable[[], float]) -> tuple[float, float, float]:
    """(seconds at n, seconds at 10 n, ratio), measured again while the ratio is over the bound."""
    best = (math.inf, math.inf, math.inf)
    for _ in range(ATTEMPTS):
        t_small, t_large = small(), large()
        if t_large / t_small < best[2]:
            best = (t_small, t_large, t_large / t_small)
        if best[2] < BOUND:
            break
    return best


def report(found: dict[str, tuple[float, float, float]]) -> str:
    return "; ".join(
        f"{layer}: {a * 1e3:.2f} ms -> {b * 1e3:.2f} ms, ratio {r:.1f}" for layer, (a, b, r) in found.items()
    )


@pytest.mark.parametrize("name", list(FAMILIES))
def test_reading_time_grows_linearly(reader, name):
    family = FAMILIES[name]
    small, large = sizes(family)
    assert len(family(large)) <= MAX_SENTENCE  # one sentence: the cut would hide a super-linear reader
    found = ratios(reader, family)
    slow = {layer: ratio for layer, (_, _, ratio) in found.items() if ratio >= BOUND}
    assert not slow, f"{name}: super-linear ({len(family(small))} -> {len(family(large))} characters): {report(found)}"


PIECES = [
    " ",
    "  ",
    "1",
    "12",
    "3.5",
    ".",
    ",",
    "，",
    "、",
    "|",
    "/",
    "x",
    "倍",
    "%",
    "A100",
    "H100",
    "BR100",
    "TFLOPS",
    "GB/s",
    "十",
    "分之",
    "HBM2E",
    "(",
    ")",
    "*",
    "-",
    "\n",
    "卡",
    "相比",
]


@pytest.mark.property
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples on every run: a timing test must not make CI flaky
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each try is a timing, seconds when slow
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
def test_reading_time_grows_linearly_on_generated_runs(reader, unit):
    family = repeat("A100 ", unit)
    found = ratios(reader, family)
    slow = {layer: ratio for layer, (_, _, ratio) in found.items() if ratio >= BOUND}
    assert not slow, f"unit {unit!r}: super-linear: {report(found)}"


def test_scanning_a_text_without_sentence_ends_grows_linearly():
    """Scanning holds one sentence at a time, so a long text with no sentence end costs linear time.

    ``sentences_with_lines`` takes chunks of any size; 4,000-character chunks show a growing
    buffer at a size a test can afford (512 K characters against 5 M). ``read_chunks``
    yields up to 64 KB (about 21,800 CJK characters) a chunk, where the same growth shows
    only on longer texts.
    """
    chunk = 4000
    assert chunk <= CHUNK

    def split(total: int) -> list[str]:
        text = "算力，" * (total // 3)  # commas split clauses, not sentences
        return [text[i : i + chunk] for i in range(0, len(text), chunk)]

    small, large = split(1 << 19), split(10 << 19)

    def consume(chunks: list[str]) -> None:
        for _ in sentences_with_lines(chunks):
            pass

    t_small, t_large, ratio = lowest_ratio(
        lambda: min(_timed(consume, small) for _ in range(RUNS)),
        lambda: min(_timed(consume, large) for _ in range(RUNS)),
    )
    assert ratio < BOUND, f"sentences_with_lines: {t_small * 1e3:.1f} ms -> {t_large * 1e3:.1f} ms, ratio {ratio:.1f}"


def _timed(function: Callable[[list[str]], None], argument: list[str]) -> float:
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        function(argument)
        return time.perf_counter() - start
    finally:
        if enabled:
            gc.enable()

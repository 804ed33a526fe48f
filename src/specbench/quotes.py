"""Does a figure's quote print the figure? The words of a source, read as numbers and dates.

A figure's ``quote`` is its source's own words, copied verbatim, in the source's
language and locale. Before comparing, the quote is read the way its reader would:

- Digit groups: "1,979", "22 000" (space, no-break or thin space) and German
  "1.228" (a dot before three digits) are thousands; "47,9" has a decimal comma.
  A separator followed by exactly three digits can be either ("1,979" is 1979
  or 1.979), and both readings are kept: the figure must equal one of them.
- Magnitude words multiply the number before them: "76,300 million", "220 亿",
  "22 000 millones", "21,1 miliardi".
- Number words stand for small whole numbers: "eight 12Hi stacks", and Chinese
  numerals before a measure word ("两颗").
- A name that ends in digits, joined to the next number by a flattened table,
  is split from it: "FP16280 TFLOPS" is FP16 | 280 TFLOPS.
- A sum of two numbers is also read as its total: "300+300 GB/s" is 600 GB/s.
- Dates: "8月23日" or "August 23" with no year take the year of the source's
  date, or a year the quote prints beside them; "today" and "今天" are the
  source's date, "今年" and "this year" its year.

A figure matches when every number written in its value is one of the quote's
numbers, or the value is printed with another SI prefix ("3.35 TB/s" as "3,350
GB/s"), or, for an amount of data, as a count of bytes ("memory_size=68719476736"
for 64 GiB). A date matches a date in the quote at the value's precision (a
``YYYY-MM`` value needs the month, a ``YYYY-MM-DD`` value the day). A memory type
or a foundry is a whole word of the quote ("HBM2e" in "HBM2E memory", TSMC as
"台积电"); a process node or host interface matches by the numbers of its name
outside parentheses ("PCIe Gen4 x16 (32+32 GB/s)" needs 4 and 16).

Where a source prints a figure only roughly ("16位浮点算力达到1000T以上" for 1024
TFLOPS), the figure says so itself: ``quote_value`` is what the quote prints, and
its ``note`` says why the value differs. The words the reading knows are data, in
``data/quote-words.toml``.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_WORDS = Path(__file__).with_name("data") / "quote-words.toml"

# Digit groups joined by separators: "1,979", "47,9", "1.228", "22 000" (a space only before
# exactly three digits, so "16 32" stays two numbers). Groups are bounded, so matching is linear.
_GROUPED = re.compile(
    r"(?<!\d)(?<!\d[.,])\d+(?:(?:[.,]|[ \u00a0\u2009\u202f](?=\d{3}(?!\d)))\d+)*(?:[eE][+-]?\d{1,3}(?!\d))?"
)
_SPACES = " \u00a0\u2009\u202f"
_SUM = re.compile(r"(?<!\d)(?<!\d[.,])(\d+(?:\.\d+)?)\s*\+\s*(\d+(?:\.\d+)?)(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_CJK_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号號])?")
_CJK_YEAR = re.compile(r"(\d{4})\s*年")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# What a text value's name is: the part before any parenthesis or comma.
_HEAD = re.compile(r"^[^(,]*")
_PARENTHESES = re.compile(r"\([^)]*\)")
# The power of a unit ("mm^2", "mm**2", "mm²") is not a number of the value.
_UNIT_POWER = re.compile(r"(?:\^|\*\*)\s*\d|[²³]")
_SI_STEPS = (-2, -1, 0, 1, 2)  # kilo to giga: TB/s as GB/s, GHz as MHz

# How a metric's text value is found in a quote.
NUMBERED_NAME_METRICS = frozenset({"process", "host_interface"})


@dataclass(frozen=True)
class Words:
    """The vocabulary of data/quote-words.toml."""

    magnitudes: dict[str, float]
    number_words: dict[str, int]
    chinese_numerals: dict[str, int]
    measure_words: tuple[str, ...]
    months: dict[str, int]
    relative_dates: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    glued_names: tuple[str, ...]
    precisions: dict[str, tuple[str, ...]]
    accumulate: tuple[str, ...]


@cache
def words() -> Words:
    """The vocabulary, loaded once."""
    with _WORDS.open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return Words(
        magnitudes={k.lower(): float(v) for k, v in data["magnitudes"].items()},
        number_words={k.lower(): int(v) for k, v in data["number_words"].items()},
        chinese_numerals={k: int(v) for k, v in data["chinese_numerals"].items()},
        measure_words=tuple(data["chinese_measure_words"]["words"]),
        months={k.lower(): int(v) for k, v in data["months"].items()},
        relative_dates={k.lower(): v for k, v in data["relative_dates"].items()},
        aliases={k: tuple(v) for k, v in data["aliases"].items()},
        glued_names=tuple(data["glued_names"]["names"]),
        precisions={k.lower(): tuple(v) for k, v in data["precisions"].items()},
        accumulate=tuple(w.lower() for w in data["accumulate"]["words"]),
    )


def _alternation(keys: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest that fits wins."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def _whole_words(keys: Iterable[str]) -> str:
    """An alternation of literal words, each a whole word where it begins or ends with a Latin
    letter ("two" is not in "network"); Chinese joins words without spaces ("今年第1季", "460亿个")."""
    forms = []
    for key in sorted(keys, key=len, reverse=True):
        before = r"(?<![A-Za-z])" if key[0].isascii() and key[0].isalpha() else ""
        after = r"(?![A-Za-z])" if key[-1].isascii() and key[-1].isalpha() else ""
        forms.append(before + re.escape(key) + after)
    return "(?:" + "|".join(forms) + ")"


@cache
def _glued() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])({_alternation(words().glued_names)})(?=\d)", re.IGNORECASE)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocabulary = words()
    magnitude = re.compile(rf"\s*({_whole_words(vocabulary.magnitudes)})", re.IGNORECASE)
    number_word = re.compile(rf"({_whole_words(vocabulary.number_words)})", re.IGNORECASE)
    numeral = re.compile(
        rf"({_alternation(vocabulary.chinese_numerals)})\s*(?:{_alternation(vocabulary.measure_words)})"
    )
    month = _alternation(vocabulary.months)
    # "August 23, 2019", "Aug. 23", "23 August 2019", "Nov. 2020"
    english_date = re.compile(
        rf"(?<![^\W\d_])(?:({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{{4}}))?"
        rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+({month})\.?(?:,?\s+(\d{{4}}))?"
        rf"|({month})\.?,?\s+(\d{{4}}))(?![^\W\d_])",
        re.IGNORECASE,
    )
    relative = re.compile(rf"({_whole_words(vocabulary.relative_dates)})", re.IGNORECASE)
    return magnitude, number_word, numeral, english_date, relative


@cache
def _precision_names() -> re.Pattern[str]:
    vocabulary = words()
    forms = []
    for key in sorted(vocabulary.precisions, key=len, reverse=True):
        # No Latin letter joined on either side ("FP16" is not in "NVFP16X"); digits may be, where a
        # flattened table ran the cells together ("TFLOPs1835FP8 Matrix", "FP16280 TFLOPS").
        before = r"(?<![A-Za-z])" if key[0].isascii() and key[0].isalpha() else ""
        after = r"(?![A-Za-z])" if key[-1].isascii() and key[-1].isalnum() else ""
        forms.append(before + re.escape(key) + after)
    accumulate = _whole_words(vocabulary.accumulate)
    return re.compile(rf"({'|'.join(forms)})(\s*{accumulate})?", re.IGNORECASE)


@dataclass(frozen=True)
class NamedPrecisions:
    """The catalogue precisions a quote names: those of the figures it prints, and those it names
    as the accumulator ("Tensor (FP32 Accumulate)")."""

    inputs: frozenset[str]
    accumulators: frozenset[str]


def named_precisions(quote: str) -> NamedPrecisions:
    """Which number formats a quote names, by the catalogue's precision keys.

    >>> sorted(named_precisions("| FP16/BF16 Tensor Core | 5 PFLOPS | 4.5 PFLOPS |").inputs)
    ['bf16', 'fp16']
    >>> named_precisions("311.87 TFLOPS Tensor (FP32 Accumulate)")
    NamedPrecisions(inputs=frozenset(), accumulators=frozenset({'fp32'}))
    """
    inputs: set[str] = set()
    accumulators: set[str] = set()
    for match in _precision_names().finditer(quote):
        keys = words().precisions[match.group(1).lower()]
        (accumulators if match.group(2) else inputs).update(keys)
    return NamedPrecisions(frozenset(inputs), frozenset(accumulators))


def digit_readings(written: str) -> set[float]:
    """Every number a group of digits may stand for, by the locale conventions it may follow.

    >>> sorted(digit_readings("1,979"))
    [1.979, 1979.0]
    >>> sorted(digit_readings("47,9"))
    [47.9]
    """
    exponent = 0
    match = re.search(r"[eE]([+-]?\d+)$", written)
    if match:
        exponent = int(match.group(1))
        written = written[: match.start()]
    groups = re.split(r"[.,\u00a0\u2009\u202f ]", written)
    separators = [c for c in written if not c.isdigit()]
    readings: set[float] = set()
    if not separators:
        readings.add(float(written))
    else:
        thousands = all(len(g) == 3 for g in groups[1:])
        # Every separator a thousands separator, all of one kind: "1,979", "22 000", "1.228".
        if thousands and len(set(separators)) == 1:
            readings.add(float("".join(groups)))
        # The last separator a decimal mark, any before it thousands of another kind: "47,9", "1.234,5".
        last = separators[-1]
        if last in ".," and all(s != last for s in separators[:-1]) and all(len(g) == 3 for g in groups[1:-1]):
            readings.add(float("".join(groups[:-1]) + "." + groups[-1]))
        if not readings:  # "5.0.1": no locale writes it; read its parts
            readings.update(float(g) for g in groups if g)
    return {r * 10.0**exponent for r in readings}


def numbers(text: str) -> list[set[float]]:
    """Each number a text prints, as the set of its readings (see the module's docstring).

    >>> [sorted(readings) for readings in numbers("76,300 million transistors")]
    [[76.3, 76300.0, 76300000.0, 76300000000.0]]
    """
    magnitude, number_word, numeral, _, _ = _patterns()
    vocabulary = words()
    text = _glued().sub(r"\1 ", text)
    found: list[set[float]] = []
    for match in _GROUPED.finditer(text):
        readings = digit_readings(match.group())
        after = magnitude.match(text, match.end())
        if after:
            factor = vocabulary.magnitudes[after.group(1).lower()]
            readings |= {r * factor for r in readings}
        found.append(readings)
        if any(c in _SPACES for c in match.group()):  # "TF32 155.94" may also be two numbers
            found.extend(digit_readings(part) for part in re.split(f"[{_SPACES}]", match.group()) if part)
    for match in _SUM.finditer(text):
        found.append({float(match.group(1)) + float(match.group(2))})
    for match in number_word.finditer(text):
        found.append({float(vocabulary.number_words[match.group(1).lower()])})
    for match in numeral.finditer(text):
        found.append({float(vocabulary.chinese_numerals[match.group(1)])})
    return found


@dataclass(frozen=True)
class SourceDate:
    """The date of a source, as far as it goes: year, and month and day when known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> SourceDate | None:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
        if not match:
            return None  # "undated"
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)


Date = tuple[int | None, int | None, int | None]


def dates(text: str, published: Iterable[SourceDate] = ()) -> set[Date]:
    """Every date a text prints, as (year, month, day), with a missing year taken from each
    date the text was published on ("8月23日" in a source of 2019 is 2019-08-23)."""
    _, _, _, english_date, relative = _patterns()
    vocabulary = words()
    published = list(published)
    # A month and day take their year from the source's date, or from a year the quote prints
    # beside them ("8月18日,百度世界大会2021上").
    years = {p.year for p in published} | {int(y) for y in _YEAR.findall(text)}
    found: set[Date] = set()

    def add(year: int | None, month: int | None, day: int | None) -> None:
        if year is not None:
            found.add((year, month, day))
        else:
            found.update((y, month, day) for y in years)

    for match in _ISO_DATE.finditer(text):
        add(*(int(g) if g else None for g in match.groups()))
    for match in _CJK_DATE.finditer(text):
        year, month, day = (int(g) if g else None for g in match.groups())
        add(year, month, day)
    for match in _CJK_YEAR.finditer(text):
        add(int(match.group(1)), None, None)
    for match in _YEAR.finditer(text):
        add(int(match.group(1)), None, None)
    for match in english_date.finditer(text):
        g = match.groups()
        if g[0]:
            add(int(g[2]) if g[2] else None, vocabulary.months[g[0].lower()], int(g[1]))
        elif g[4]:
            add(int(g[5]) if g[5] else None, vocabulary.months[g[4].lower()], int(g[3]))
        else:
            add(int(g[7]), vocabulary.months[g[6].lower()], None)
    for match in relative.finditer(text):
        span = vocabulary.relative_dates[match.group(1).lower()]
        for date in published:
            found.add((date.year, date.month, date.day) if span == "day" else (date.year, None, None))
    return found


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def _printed(target: Iterable[float], readings: list[set[float]]) -> bool:
    return any(_same(t, r) for t in target for rs in readings for r in rs)


def prints_number(value_text: str, quote: str, *, amount_in_bytes: float | None = None) -> bool:
    """Whether ``quote`` prints the numbers of ``value_text`` ("1024 TFLOPS", "6 * 50 GB/s", "80e9").

    >>> prints_number("1979 TFLOPS", "BFLOAT16 Tensor Core 1,979 TFLOPS*")
    True
    """
    readings = numbers(quote)
    written = numbers(_UNIT_POWER.sub("", value_text))
    if not written:
        return False
    if all(_printed(number, readings) for number in written):
        return True
    # One number, printed with another SI prefix: "3.35 TB/s" as "3,350 GB/s".
    if len(written) == 1:
        shifted = {n * 1000.0**step for n in written[0] for step in _SI_STEPS}
        if _printed(shifted, readings):
            return True
    return amount_in_bytes is not None and _printed([amount_in_bytes], readings)


def prints_date(value: str, quote: str, published: Iterable[SourceDate] = ()) -> bool:
    """Whether ``quote`` prints the date ``value`` (YYYY, YYYY-MM or YYYY-MM-DD) to its precision.

    >>> prints_date("2019-08-23", "8月23日,华为...宣布", [SourceDate(2019, 8, 23)])
    True
    """
    parts: list[int | None] = [int(p) for p in value.split("-")]
    year, month, day = [*parts, None, None][:3]
    for y, m, d in dates(quote, published):
        if y == year and (month is None or m == month) and (day is None or d == day):
            return True
    return False


def prints_name(value: str, quote: str) -> bool:
    """Whether ``quote`` prints the name of a text value ("HBM2e", "TSMC (dies in the sample)")
    as a whole word, in any case, or one of its aliases ("台积电")."""
    head = _HEAD.match(value)
    name = (head.group() if head else value).strip()
    if not name:
        return False
    for form in (name, *words().aliases.get(name, ())):
        # A whole word: no Latin letter or digit joined on either side ("HBM2" is not in "HBM2E"),
        # while Chinese joins words without spaces ("台积电7nm", "HBM2e内存").
        before = r"(?<![A-Za-z0-9])" if form[0].isascii() else ""
        after = r"(?![A-Za-z0-9])" if form[-1].isascii() else ""
        if re.search(before + re.escape(form) + after, quote, re.IGNORECASE):
            return True
    return False


def prints_numbered_name(value: str, quote: str) -> bool:
    """Whether ``quote`` prints the numbers of a process or interface name outside parentheses
    ("PCIe Gen4 x16 (32+32 GB/s)" needs 4 and 16); a name with no number is matched whole."""
    outside = _PARENTHESES.sub(" ", value)
    written = numbers(outside)
    if not written:
        return prints_name(value, quote)
    readings = numbers(quote)
    return all(_printed(number, readings) for number in written)


def prints(
    metric: str,
    kind: str,
    value_text: str,
    quote: str,
    *,
    published: Iterable[SourceDate] = (),
    amount_in_bytes: float | None = None,
) -> bool:
    """Whether ``quote`` prints a figure's value, for a metric whose values are of ``kind``
    (a units.KINDS name, or "text", "date", "integer", "rate")."""
    if kind == "date":
        return prints_date(value_text, quote, published)
    if kind == "text":
        if metric in NUMBERED_NAME_METRICS:
            return prints_numbered_name(value_text, quote)
        return prints_name(value_text, quote)
    return prints_number(value_text, quote, amount_in_bytes=amount_in_bytes)


def contains(quote: str, words: str) -> bool:
    """Whether ``words`` are words of ``quote``, ignoring case and how spaces are written.

    >>> contains("16位浮点算力达到1000T以上", "1000T以上")
    True
    """

    def fold(text: str) -> str:
        return " ".join(text.split()).casefold()

    return bool(words.strip()) and fold(words) in fold(quote)

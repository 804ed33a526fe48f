"""Claims: what a sentence of launch coverage asserts about chips, parsed deterministically.

The parser finds chip names, quantities with units, ratios, precisions and
qualifiers in one left-to-right pass of a few compiled regular expressions per
sentence (no nested quantifiers, so time is linear in the text), then binds each
number to the chip, precision and qualifier nearest before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from specbench import lexicon
from specbench.store import Catalogue, normalize_name

MAX_SENTENCE = 2000  # characters; longer runs without punctuation are cut, so memory stays flat

_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|(?<=[A-Za-z0-9)%])\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[，,、：:（）()]")
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_DIGIT = re.compile(r"\d")


@dataclass
class Claim:
    """One checkable assertion. Values are in catalogue units (TFLOPS/TOPS, GB/s, GB, mm², W)."""

    text: str  # the words the claim was read from
    metric: str
    subject: str | None = None
    subject_query: str | None = None
    count: int = 1
    precisions: tuple[str, ...] = ()
    precision_words: tuple[str, ...] = ()
    execution: str | None = None
    sparsity: str | None = None
    value: float | None = None
    value_text: str | None = None
    unit_kind: str | None = None
    qualifier: str = "equals"
    rival: str | None = None
    rival_query: str | None = None
    rival_value: float | None = None
    rival_value_text: str | None = None
    rival_precisions: tuple[str, ...] = ()
    ratio: float | None = None
    ratio_text: str | None = None
    relation: str | None = None  # for comparisons of two stated values: "greater" or "close"
    also: tuple[str, ...] = ()  # other metrics the sentence names, which an ambiguous ratio may refer to
    sentence: str = ""
    scope: frozenset[str] = field(default_factory=frozenset)

    @property
    def kind(self) -> str:
        if self.rival_value is not None:
            return "comparison"
        if self.ratio is not None:
            return "ratio"
        return "value"


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str
    value: Any
    text: str


def normalize_text(text: str) -> str:
    """NFKC (full-width to ASCII), fold case, and undo machine-paraphrase substitutions."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for wrong, right in lexicon.PARAPHRASES.items():
        folded = folded.replace(wrong, right)
    return folded


def split_sentences(text: str) -> Iterator[str]:
    """Sentences of a text; pieces longer than MAX_SENTENCE are cut."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield from _cut(text[start : match.end()])
        start = match.end()
    yield from _cut(text[start:])


def _cut(piece: str) -> Iterator[str]:
    for i in range(0, len(piece), MAX_SENTENCE):
        part = piece[i : i + MAX_SENTENCE].strip()
        if part:
            yield part


def _alternation(words: Iterable[str], between: str = "") -> str:
    """A regex alternation of literal words, sharing prefixes (a trie), so matching stays fast.

    ``between`` is a pattern allowed between characters (optional separators in chip names).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any], first: bool) -> str:
        # A separator is only consumed together with the character after it.
        lead = "" if first else between
        branches = []
        optional = False
        for char in sorted(node, key=lambda c: (c == "", c)):
            if char == "":
                optional = True
                continue
            branches.append(lead + re.escape(char) + render(node[char], False))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            body = f"(?:{body})?"
        return body

    return render(trie, True)


class _Terms:
    """A set of literal words, matched as a trie; ASCII words must not run into neighbouring
    letters ("over" in "overall"). The boundary is checked after matching so that the regex
    engine can skip quickly to a possible first character."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.pattern = re.compile(_alternation(sorted(set(terms), key=len, reverse=True)))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for match in self.pattern.finditer(text):
            word = match.group(0)
            if not word:
                continue
            if word[0].isascii() and word[0].isalpha() and _letter_at(text, match.start() - 1):
                continue
            if word[-1].isascii() and word[-1].isalnum() and _letter_at(text, match.end()):
                continue
            yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def _letter_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


# Every keyword of every kind, matched in one pass. A word may have several kinds
# ("相比" marks a rival and a comparison; "接近" is a qualifier and a comparison).
_KINDS: dict[str, dict[str, Any]] = {
    "precision": lexicon.PRECISION_TERMS,
    "execution": lexicon.EXECUTION_TERMS,
    "sparsity": lexicon.SPARSITY_TERMS,
    "qualifier": lexicon.QUALIFIER_BEFORE,
    "scope": lexicon.SCOPE_TERMS,
    "metric": lexicon.METRIC_TERMS,
    "rival": {w: w for w in lexicon.RIVAL_MARKERS},
    "compare": {w: w for w in lexicon.COMPARISON_WORDS},
    "nonchip": {w: w for w in lexicon.NON_CHIP_WORDS},
}
_WORD_KINDS: dict[str, list[tuple[str, Any]]] = {}
for _kind, _table in _KINDS.items():
    for _word, _value in _table.items():
        _WORD_KINDS.setdefault(_word, []).append((_kind, _value))
_KEYWORDS = _Terms(_WORD_KINDS)
_FRACTION = _Terms(lexicon.FRACTIONS)
_UNITS = "|".join(
    re.escape(u) + (r"(?![a-z])" if u[-1].isascii() and u[-1].isalpha() else "")
    for u in sorted(lexicon.UNIT_WORDS, key=len, reverse=True)
)
_QUANTITY = re.compile(rf"({_NUMBER})\s*({_UNITS})(?:\s*[x×*]\s*({_NUMBER})\s*(毫米|mm)(?![a-z]))?")
_QUAL_AFTER = re.compile("|".join(re.escape(w) for w in lexicon.QUALIFIER_AFTER))
_TIMES = re.compile(rf"({_NUMBER})\s*(?:倍|x(?![a-z0-9])|×|times)(?:\s*(slower|less|lower|fewer))?")
_PERCENT = re.compile(rf"({_NUMBER})\s*(%|％|percent)")
_QUALITATIVE = re.compile(
    r"(?<![a-z])(?:beats?|outperforms?|(?:is |are )?(?:faster|higher|better|more powerful) than)(?![a-z])"
    r"|超越|领先于|领先|高于|强于|优于|胜过"
)
_JOINED_BEFORE = re.compile(r"\s*(?:的|之|'s)?\s*(?:近|约|约为|接近|将近|超过|至少|高达|达到|有)?\s*")
_JOINED_AFTER = re.compile(r"(?<![a-z])(?:of|than|over|versus|vs\.?)(?![a-z])")
_COUNT_BEFORE = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*(?:个|张|颗|块|片|台|x|×|\*)?\s*$")


class ChipMatcher:
    """Finds chip names (any alias, optional vendor prefix, forgiving spaces and hyphens) in text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        names = set()
        for chip in catalogue.chips.values():
            for name in (chip.name, chip.name_en, chip.family, *chip.aliases):
                if name:
                    names.add(normalize_name(name))
        # Names are folded as lookup folds them (no spaces, hyphens or dots), so the text may
        # have one such separator between any two characters; the longest name wins (trie).
        self._pattern = re.compile(_alternation(sorted(names, key=len, reverse=True), between=r"[ \-_.·]?"))
        self._resolved: dict[str, str | None] = {}

    def find(self, text: str) -> list[_Hit]:
        hits = []
        for match in self._pattern.finditer(text):
            start, end = match.span()
            if start == end or _alnum_at(text, start - 1) or _alnum_at(text, end):
                continue
            chip_id = self._resolve(match.group(0))
            if chip_id is not None:
                hits.append(_Hit(start, end, "chip", chip_id, match.group(0)))
        return hits

    def _resolve(self, name: str) -> str | None:
        if name not in self._resolved:
            try:
                self._resolved[name] = self.catalogue.resolve(name).chip.id
            except Exception:  # a fragment that is not a whole name
                self._resolved[name] = None
        return self._resolved[name]


def _alnum_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalnum()


class Parser:
    """Parse sentences into claims against one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    @cached_property
    def chips(self) -> ChipMatcher:
        return ChipMatcher(self.catalogue)

    def parse(self, text: str) -> list[Claim]:
        claims: list[Claim] = []
        for sentence in split_sentences(text):
            claims += self.parse_sentence(sentence)
        return claims

    @staticmethod
    def may_hold_claim(sentence: str) -> bool:
        """A cheap test: a sentence with no number, fraction or comparison word holds no claim."""
        if _DIGIT.search(sentence):
            return True
        folded = sentence.casefold()
        return bool(_FRACTION.search(folded) or _QUALITATIVE.search(folded))

    def parse_sentence(self, sentence: str) -> list[Claim]:
        # Most sentences of an article hold no number: skip them before any real work.
        if not self.may_hold_claim(sentence):
            return []
        low = normalize_text(sentence)
        self._original = sentence if len(sentence) == len(low) else low
        chips = self._dedupe_chips(self.chips.find(low))
        if not chips:
            return []
        hits = self._hits(low)
        # "A100 PCIe 40GB" names a chip: its "40GB" is not a claim.
        hits["quantity"] = [q for q in hits["quantity"] if not any(c.start <= q.start < c.end for c in chips)]
        claims = self._ratio_claims(sentence, low, chips, hits)
        values = self._value_claims(sentence, low, chips, hits)
        claims += self._merge_comparisons(low, values)
        return claims

    # -- finding things ------------------------------------------------------------

    @staticmethod
    def _dedupe_chips(hits: list[_Hit]) -> list[_Hit]:
        kept: list[_Hit] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        return kept

    def _hits(self, low: str) -> dict[str, list[_Hit]]:
        found: dict[str, list[_Hit]] = {kind: [] for kind in _KINDS}
        for match in _KEYWORDS.finditer(low):
            word = match.group(0)
            for kind, value in _WORD_KINDS[word]:
                found[kind].append(_Hit(match.start(), match.end(), kind, value, word))
        found["quantity"] = [self._quantity(m, low) for m in _QUANTITY.finditer(low)]
        found["ratio"] = self._ratios(low)
        return found

    @staticmethod
    def _quantity(match: re.Match[str], low: str) -> _Hit:
        number = float(match.group(1).replace(",", ""))
        unit = match.group(2)
        kind, scale = lexicon.UNIT_WORDS[unit]
        value = number * scale
        if match.group(3):  # 57.5毫米×57.5毫米
            kind, value = "area", number * float(match.group(3).replace(",", ""))
        return _Hit(match.start(), match.end(), kind, value, match.group(0))

    @staticmethod
    def _ratios(low: str) -> list[_Hit]:
        hits = []
        if not _DIGIT.search(low) or _QUALITATIVE.search(low):
            # "BR100 beats the A100": a ratio above one, with no number.
            for match in _QUALITATIVE.finditer(low):
                hits.append(_Hit(match.start(), match.end(), "ratio", 1.0, match.group(0)))
        for match in _TIMES.finditer(low):
            value = float(match.group(1).replace(",", ""))
            if match.group(2):  # "6.7x slower"
                value = 1 / value if value else value
            hits.append(_Hit(match.start(), match.end(), "ratio", value, match.group(0)))
        for match in _PERCENT.finditer(low):
            hits.append(_Hit(match.start(), match.end(), "ratio", float(match.group(1)) / 100, match.group(0)))
        for match in _FRACTION.finditer(low):
            hits.append(_Hit(match.start(), match.end(), "ratio", lexicon.FRACTIONS[match.group(0)], match.group(0)))
        return sorted(hits, key=lambda h: h.start)

    # -- building claims --------------------------------------------------------------

    def _ratio_claims(self, sentence: str, low: str, chips: list[_Hit], hits: dict[str, list[_Hit]]) -> list[Claim]:
        claims = []
        if hits["nonchip"] and not hits["precision"]:
            return []
        distinct = list(dict.fromkeys(h.value for h in chips))
        for ratio in hits["ratio"]:
            rival_hit = self._rival_for(ratio, low, chips, hits)
            if rival_hit is None:
                continue
            subjects = [h for h in chips if h.value != rival_hit.value]
            if not subjects:
                continue
            subject = subjects[0]
            if len(distinct) < 2:
                continue
            metric = self._metric_near(ratio, low, hits)
            also = tuple(
                dict.fromkeys(
                    _metric_of(str(h.value))
                    for h in hits["metric"]
                    if h.value not in ("throughput", metric, "memory_capacity")
                )
            )
            precisions, words = self._precisions(hits["precision"])
            claims.append(
                Claim(
                    text=sentence,
                    sentence=sentence,
                    metric=metric,
                    subject=subject.value,
                    subject_query=self._show(subject),
                    count=self._count_before(low, subject),
                    precisions=precisions,
                    precision_words=words,
                    execution=self._first(hits["execution"]),
                    sparsity=self._first(hits["sparsity"]),
                    qualifier="greater"
                    if ratio.value == 1.0 and not _DIGIT.search(ratio.text)
                    else self._qualifier_before(ratio, low, hits, window=12),
                    rival=rival_hit.value,
                    rival_query=self._show(rival_hit),
                    ratio=ratio.value,
                    ratio_text=self._show(ratio),
                    also=also,
                    scope=frozenset(h.value for h in hits["scope"]),
                )
            )
        return claims

    @staticmethod
    def _rival_for(ratio: _Hit, low: str, chips: list[_Hit], hits: dict[str, list[_Hit]]) -> _Hit | None:
        """The chip a ratio is measured against."""
        if ratio.value == 1.0 and not _DIGIT.search(ratio.text):
            after = [c for c in chips if c.start >= ratio.end]
            return after[0] if after and after[0].value != chips[0].value else None
        # "相比英伟达A100", "faster than the A100", "BR100 vs A100": the chip just after a marker.
        for marker in hits["rival"]:
            after = [c for c in chips if c.start >= marker.end and c.start - marker.end <= 8]
            if after and after[0].value != chips[0].value:
                return after[0]
        # "仅为H100的30%", "是A100的近4倍": the chip just before the ratio, joined by 的 / 's.
        before = [c for c in chips if c.end <= ratio.start]
        if len(before) > 1 and _JOINED_BEFORE.fullmatch(low[before[-1].end : ratio.start]):
            return before[-1]
        # "3x the BF16 throughput of the A100": the chip after the ratio, joined by "of"/"than".
        after = [c for c in chips if c.start >= ratio.end]
        if after and len(chips) > 1 and _JOINED_AFTER.search(low[ratio.end : after[0].start]):
            if after[0].start - ratio.end <= 60:
                return after[0]
        return None

    def _value_claims(self, sentence: str, low: str, chips: list[_Hit], hits: dict[str, list[_Hit]]) -> list[Claim]:
        claims = []
        clauses = [0, *(m.end() for m in _CLAUSE_END.finditer(low)), len(low) + 1]
        for quantity in hits["quantity"]:
            owner = [c for c in chips if c.end <= quantity.start] or chips
            chip = owner[-1] if owner[-1].end <= quantity.start else owner[0]
            clause_start = max(c for c in clauses if c <= quantity.start)
            metric = self._value_metric(quantity, low, hits, clause_start)
            if metric is None:
                continue
            precision_hits = [p for p in hits["precision"] if chip.start <= p.start < quantity.start]
            precisions, words = self._precisions(precision_hits[-1:] if precision_hits else [])
            unit_kind = quantity.kind
            if unit_kind == "rate":
                unit_kind = "op_rate" if precisions and all(p.startswith("int") for p in precisions) else "flop_rate"
            end = quantity.end
            after = _QUAL_AFTER.match(low, end)
            if after:
                end = after.end()
            claims.append(
                Claim(
                    text=self._original[max(min(chip.start, quantity.start), clause_start) : end].strip(" ，,。"),
                    sentence=sentence,
                    metric=metric,
                    subject=chip.value,
                    subject_query=self._show(chip),
                    count=self._count_before(low, chip),
                    precisions=precisions,
                    precision_words=words,
                    execution=self._last_between(hits["execution"], chip.start, quantity.start),
                    sparsity=self._last_between(hits["sparsity"], chip.start, quantity.end + 4),
                    value=quantity.value,
                    value_text=self._show(quantity),
                    unit_kind=unit_kind,
                    qualifier=self._qualifier_for(quantity, low, hits),
                    scope=frozenset(h.value for h in hits["scope"]),
                )
            )
        return claims

    @staticmethod
    def _merge_comparisons(low: str, values: list[Claim]) -> list[Claim]:
        """Two stated values of two chips with a comparison word become one comparison claim."""
        if not _has_keyword(low, "compare") or len(values) < 2:
            return values
        merged: list[Claim] = []
        used: set[int] = set()
        for i, first in enumerate(values):
            if i in used:
                continue
            for j in range(i + 1, len(values)):
                second = values[j]
                if j in used or second.subject == first.subject or second.metric != first.metric:
                    continue
                relation = "close" if re.search(r"接近|close|相当|comparable|similar", low) else "greater"
                first.rival, first.rival_query = second.subject, second.subject_query
                first.rival_value, first.rival_value_text = second.value, second.value_text
                first.rival_precisions = second.precisions
                first.relation = relation
                first.text = first.sentence
                if first.value and second.value:
                    first.ratio = first.value / second.value
                used.update({i, j})
                break
            merged.append(first)
        return merged

    # -- small helpers --------------------------------------------------------------------

    def _show(self, hit: _Hit) -> str:
        """The text of a hit as the sentence wrote it (case and width kept where possible)."""
        return self._original[hit.start : hit.end]

    @staticmethod
    def _precisions(hits: list[_Hit]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        precisions: list[str] = []
        words: list[str] = []
        for hit in hits:
            for precision in str(hit.value).split("|"):
                if precision not in precisions:
                    precisions.append(precision)
            words.append(hit.text)
        return tuple(precisions), tuple(words)

    @staticmethod
    def _first(hits: list[_Hit]) -> str | None:
        return str(hits[0].value) if hits else None

    @staticmethod
    def _last_between(hits: list[_Hit], start: int, end: int) -> str | None:
        inside = [h for h in hits if start <= h.start < end]
        return str(inside[-1].value) if inside else None

    @staticmethod
    def _count_before(low: str, chip: _Hit) -> int:
        match = _COUNT_BEFORE.search(low[max(0, chip.start - 8) : chip.start])
        if not match:
            return 1
        token = match.group(1)
        if token.isdigit():
            return max(1, int(token))
        if token in lexicon.CJK_DIGITS:
            return max(1, lexicon.CJK_DIGITS[token])
        return 1

    @staticmethod
    def _qualifier_before(hit: _Hit, low: str, hits: dict[str, list[_Hit]], window: int) -> str:
        near = [q for q in hits["qualifier"] if q.end <= hit.start and hit.start - q.end <= window]
        return str(near[-1].value) if near else "equals"

    def _qualifier_for(self, quantity: _Hit, low: str, hits: dict[str, list[_Hit]]) -> str:
        after = _QUAL_AFTER.match(low, quantity.end) or _QUAL_AFTER.match(low.strip(), quantity.end)
        if after:
            return lexicon.QUALIFIER_AFTER[after.group(0)]
        return self._qualifier_before(quantity, low, hits, window=8)

    @staticmethod
    def _metric_near(ratio: _Hit, low: str, hits: dict[str, list[_Hit]]) -> str:
        kinds = [h.value for h in hits["metric"] if h.value not in ("throughput",)]
        if hits["precision"] or not kinds:
            return "throughput"
        return _metric_of(kinds[-1])

    @staticmethod
    def _value_metric(quantity: _Hit, low: str, hits: dict[str, list[_Hit]], clause_start: int) -> str | None:
        words = [h.value for h in hits["metric"] if clause_start <= h.start < quantity.start]
        kind = quantity.kind
        if kind in ("flop_rate", "op_rate", "rate"):
            return "per_watt" if "per_watt" in words else "throughput"
        if kind in ("bandwidth", "bandwidth_bits"):
            return "interconnect" if "interconnect" in words else "memory_bandwidth"
        if kind == "information":
            return "memory_capacity"
        if kind == "area":
            return "area"
        if kind == "transistors":
            return "transistors"
        if kind == "power":
            return "tdp"
        return None


def _has_keyword(text: str, kind: str) -> bool:
    return any(k == kind for m in _KEYWORDS.finditer(text) for k, _v in _WORD_KINDS[m.group(0)])


def _metric_of(word: str) -> str:
    return {"bandwidth": "memory_bandwidth"}.get(word, word)


def parse(text: str, catalogue: Catalogue) -> list[Claim]:
    """All claims in a text."""
    return Parser(catalogue).parse(text)

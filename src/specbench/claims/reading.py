"""Reading claims: sentences to tokens, tokens to claims through named rules, with context.

A text is read sentence by sentence. Each sentence is tokenized
(:mod:`specbench.claims.tokens`), the chips it names are found (with pronouns
resolved through the :class:`Context` of the paragraph), and each rule in
:mod:`specbench.claims.rules` reads the claims it exists for. The context then
takes the sentence's subject, precision and table columns forward.

Reading is cautious: where a sentence leaves the chip, metric or basis uncertain,
the claim records the doubt, and the judge will not call it false.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from specbench import regexcache
from specbench.claims.tokens import NAME_SEPARATOR, Anchored, Kind, Token, Tokenizer, fold, trie_pattern
from specbench.claims.vocabulary import PCIE, Dimension
from specbench.errors import UnknownChipError
from specbench.store import Catalogue, normalize_name

if TYPE_CHECKING:
    from specbench.claims.lexicon import Lexicon
    from specbench.claims.prefilter import Prefilter
    from specbench.model import Chip, Figure

MAX_SENTENCE = 2000  # characters; longer runs without punctuation are cut, so memory stays flat
WINDOW = 48  # tokens on each side of a figure that the rules look at
# A heading ("FP16 Tensor Core", "INT8性能：") is short; a longer sentence that names precisions
# ("支持从FP4到FP64的全精度计算") is prose about them and does not govern the figures after it.
HEADING = 40  # characters

# A sentence ends after a run of 。！？!?；; or newlines, or after a full stop that follows a
# letter, digit, ")" or "%" and comes before a space or the end ("3.5" and "..." do not end one).
# A question mark right after a table's pipe ("| ? |") is an empty cell, not the end of a question.
# A full stop after a letter, digit, ")" or "%" ends an English sentence, but not one that ends an
# abbreviation ("141 GB vs. 80 GB", "e.g. the A100") or is followed by a lower-case word.
_NOT_ABBREVIATION = r"(?<!\bvs\.)(?<!\bVs\.)(?<!\bVS\.)(?<!e\.g\.)(?<!i\.e\.)(?<!\bapprox\.)(?<!\bcf\.)"
_FULL_STOP_END = r"(?=\s*\Z|\s+(?![a-z]))"
SENTENCE_END = regexcache.compile(
    r"(?:[。！!；;\n]|(?<!\|)(?<!\| )[?？])[。！？!?；;\n]*"
    rf"|(?<=[A-Za-z0-9)%])\.{_NOT_ABBREVIATION}{_FULL_STOP_END}"
)
# The same ends, found with a pattern that begins with a character class, so that the engine skips
# ahead in C to the next end mark; a look-behind at the mark just read then says which rule applies.
_ENDS = regexcache.compile(
    r"[。！？!?；;\n.](?:(?<=[。！!；;\n])[。！？!?；;\n]*|(?<=[?？])(?<!\|.)(?<!\| .)[。！？!?；;\n]*"
    rf"|(?<=[A-Za-z0-9)%]\.){_NOT_ABBREVIATION}{_FULL_STOP_END})"
)


# A conjunction that opens a clause of its own right before a pronoun ("… as it offers"), or the
# colon after a label ("A100：其最大热设计功耗为400W": 其 is the A100 the label names).
_CLAUSE_OPENER = regexcache.compile(
    r"(?<![a-z])(?:as|because|since|while|and|but|so|although|though|where|when|after|once)\s+$|(?:因为|并且|而且|所以)$"
    r"|[:：]\s*$",
    re.IGNORECASE,
)

_VERSION_OF = regexcache.compile(
    r"(?:version|variant|derivative|edition) of (?:the |an? |nvidia'?s? )?$|(?:版本|衍生版)[是为]?$", re.IGNORECASE
)
_CUT_DOWN = regexcache.compile(
    r"\s?(?:gpu|ai gpu)?\s?的?(?:精简|阉割|缩减|简化|缩水|特供|精簡|閹割|縮減|簡化)版", re.IGNORECASE
)
_CUT_DOWN_REACH = 12  # characters from a chip's name to the 版 of _CUT_DOWN at most
# "the same VRAM envelope as a B200", "as fast as the A100": the chip after the second "as" is
# the one compared with, not the owner of the figures around it
_SAME_AS = regexcache.compile(
    r"\b(?:same|similar|comparable|equal|as\s+[a-z]+)\b[^,;.!?\u2014]{0,40}\bas\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_PCIE_VERSION_OF = regexcache.compile(rf"{PCIE} (?:version|variant|card|model)s? of (?:the |an? )?$", re.IGNORECASE)
_CAPACITY = regexcache.compile(r"(?<![a-z0-9])(\d+)\s?gb")  # a memory capacity in a chip's name ("a100 80gb")
_SLASH_NEXT = regexcache.compile(r"\s?/\s?\d")
# A second form factor after a chip's name: "H100 PCIe/SXM", "A100 SXM / PCIe"
_SECOND_FORM = regexcache.compile(r"\s?/\s?(?:sxm\d?|pcie|pci-e|oam|nvl)(?![a-z0-9])", re.IGNORECASE)

CJK_NUMERALS = "一二两三四五六七八九十"  # before 倍 or 成, a ratio (两倍, 九成)
# A fraction the tokenizer reads as a ratio: "约为H100的1/3", "1/3 of the A100's" (its slash_fraction rule)
# "仅为H200的1/34", "1/3 of the A100's": two patterns, each beginning with a class, so that the engine
# skips ahead in C to where one can match (an alternation of classes is tried at every character)
SLASH_FRACTIONS = (r"[的为是到至]\s?\d\s?/\s?\d", r"\d/\d{1,3}\s(?:of|the)\s")


def claim_units(lexicon: Lexicon) -> list[str]:
    """Units after which a number is a figure or a ratio ("1024 TOPS", "1.6倍", "96%")."""
    return [*lexicon.table("units"), *lexicon.table("ratio_units"), "倍", "成"]


def claim_words(lexicon: Lexicon) -> list[str]:
    """Words that make a sentence a ratio or a comparison without a number (twice, 高于, 三分之一,
    迄今最大), or a design fact (chiplet, monolithic, a count of dies or memory stacks)."""
    dies = [w for w, meaning in lexicon.table("features").items() if meaning in ("multi_die", "monolithic")]
    same = [w for w, meaning in lexicon.table("close").items() if meaning == "same"]  # 相同, identical
    return [
        *lexicon.table("ratio_words"),
        *lexicon.table("comparatives"),
        *lexicon.table("superlatives"),
        *same,
        "分之",
        *dies,
        *PART_NOUNS,
    ]


# The parts of a package a count can be of ("two compute dies", "eight HBM stacks"; tokens.part_count).
PART_NOUNS = ("dies", "chiplet", "tiles", "stacks", "memory chips", "芯粒", "裸片", "堆栈")


# A process node ("7nm", "12 纳米", "4N", "N7"), a PCIe generation ("PCIe 5.0", "PCIe Gen 5") or a
# launch year starts a design fact; on folded text, as the prefilter and the reader see it. The first part
# follows a digit; the second begins with a letter.
NODE_AFTER_DIGIT = r"(?:nm|纳米|n|-?nanomet(?:er|re)s?)(?![a-z0-9])"
# A transistor count after its word, with no unit of its own: "晶体管数量跃升至800亿", "a transistor
# count of 80 billion" (rules._transistor_counts)
TRANSISTORS_BEFORE = r"(?:晶体管|transistor)[^。!?！？\n]{0,24}?\d\s?(?:亿|billion)"
# A comparison split around what it compares, with no number: "higher memory bandwidth than the
# H100", "more HBM than" (rules.comparative): each comparative word and the relation it states
SPLIT_CHANGES = {
    "higher": "greater",
    "more": "greater",
    "greater": "greater",
    "faster": "greater",
    "better": "greater",
    "lower": "less",
    "less": "less",
    "fewer": "less",
    "slower": "less",
}
SPLIT_COMPARATIVE = rf"(?:{'|'.join(SPLIT_CHANGES)})\s(?:[a-z0-9+/-]+\s){{1,4}}than\s"
# A launch year: "2020年推出", "2023年底推出", "2023年11月发布" (see rules.launch_year). Each
# alternative begins with a character of its own, not a group, so that the prefilter's pass over a
# whole text looks only where one of those characters stands (a group in first place has the engine
# try every place).
_LAUNCHED = "推出|发布|问世|面世|发表"
_WHEN_IN_YEAR = r"(?:[底初末中]|\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?)?"
# An English launch verb and, a few words on, a year: "introduced in 2020", "unveiled by NVIDIA at
# SC23 in 2023". It begins with the verbs' letters, so the engine looks only where they stand.
LAUNCH_PHRASE = (
    r"(?:introduced|launched|released|unveiled|debuted|announced)(?![a-z])[^.;\n]{0,40}?"
    r"(?<!\d)(?<!\d\.)(?:19|20)\d\d(?!\d|\.\d)"
)
# A year of the Republic of China before a launch word: "在民國111年發表" (2022).
ROC_LAUNCH = rf"民国\s?\d{{2,3}}\s?年\s?(?:{_LAUNCHED})"
# A Chinese launch word before its year: "分别发布于2020年和2022年".
LAUNCHED_IN = rf"(?:{_LAUNCHED})\s?于?\s?(?:19|20)\d\d(?!\d)"
PCIE_WORDS = rf"{PCIE}\s?(?:gen\s?)?\d"
DESIGN_WORDS = rf"n(?<![a-z0-9]n)\d(?![a-z0-9])|{PCIE_WORDS}|{LAUNCH_PHRASE}|{LAUNCHED_IN}|{ROC_LAUNCH}" + "".join(
    rf"|{century}\d\d\s?年?{_WHEN_IN_YEAR}\s?(?:{_LAUNCHED})" for century in ("19", "20")
)
# The same places but PCIe and the English phrase, found from the digit after a digit that is read:
# a node ("n7") at its digit, a launch year at its first digit. The prefilter then looks for them in
# its pass over the digits of a text, not at every "n" of English.
DESIGN_AFTER_DIGIT = (
    r"(?<=n\d)(?<![a-z0-9]n\d)(?![a-z0-9])"
    rf"|(?:(?<=1)9|(?<=2)0)\d\d\s?年?{_WHEN_IN_YEAR}\s?(?:{_LAUNCHED})"
)


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends (the positions SENTENCE_END's matches end at)."""
    return [match.end() for match in _ENDS.finditer(text)]


@dataclass
class Claim:
    """One checkable assertion, as read. Values are in catalogue units (TFLOPS/TOPS, GB/s, GB, mm², W)."""

    text: str  # the words the claim was read from
    metric: str  # a key of vocabulary.METRICS
    rule: str = ""  # the rule that read it
    subject: str | None = None  # catalogue id; None if the chip is not in the catalogue
    subject_query: str | None = None  # the chip as the text names it
    subject_unnamed: bool = False  # "国产最强的AI芯片": a chip the text does not name
    count: int = 1
    # the count is in another cell of a table row than the figure ("| 8xA100 40GB | 1.6TB/s |"):
    # whether the figure is the cards' together or one card's, the row does not say
    count_apart: bool = False
    precisions: tuple[str, ...] = ()
    precision_words: tuple[str, ...] = ()
    execution: str | None = None
    sparsity: str | None = None
    value: float | None = None
    value_text: str | None = None
    dimension: Dimension | None = None
    qualifier: str = "equals"
    rival: str | None = None
    rival_query: str | None = None
    rival_unnamed: bool = False
    rival_value: float | None = None
    rival_value_text: str | None = None
    rival_precisions: tuple[str, ...] = ()
    ratio: float | None = None
    ratio_text: str | None = None
    ratio_alternatives: tuple[float, ...] = ()  # other readings of the ratio (提升3倍: 3x or 4x)
    relation: str | None = None  # a comparison of two stated values: "greater", "less" or "close"
    also: tuple[str, ...] = ()  # other metrics of the sentence that an unplaced ratio may refer to
    link: str | None = None  # the interconnect or host link named (NVLink, PCIe 5.0 x16)
    direction: str | None = None  # a link's bandwidth stated for "one" direction (单向) or "both" added (双向)
    sentence: str = ""
    scope: frozenset[str] = field(default_factory=frozenset)
    doubts: tuple[str, ...] = ()  # what the reading could not settle
    undefined: str | None = None  # what the figure measures when no spec sheet records it ("批处理规模")
    other_subjects: tuple[str, ...] = ()  # other chips the figure may belong to (a row naming a chip and its card)
    at: int | None = None  # where the figure (or ratio) starts in the sentence
    vague_metric: str | None = None  # "performance" (性能) alone named what a percentage is of
    column: tuple[int, int] | None = None  # (table, column) of a figure read from a table's cell

    @property
    def kind(self) -> str:
        if self.rival_value is not None:
            return "comparison"
        if self.ratio is not None or self.relation is not None:
            return "ratio"
        return "value"

    @property
    def unit_kind(self) -> str | None:
        """The dimension of the stated number, as a string (flop_rate, op_rate, information, ...)."""
        return self.dimension.value if self.dimension else None


@dataclass
class Mention:
    """A chip named (or referred to) in a sentence."""

    index: int  # token index
    chip: str | None  # catalogue id, or None for a chip the catalogue lacks
    name: str  # as the text names it
    rival_role: bool = False  # right after 相比 / than / vs
    unnamed: bool = False  # "国际某大厂": a rival nobody can check
    via: str | None = None  # the pronoun it was resolved from
    unresolved: bool = False  # a pronoun with nothing to refer to
    count: int | None = None  # "8个BR100", "8x A100"
    variant: str | None = None  # a word picking a variant the name does not identify ("顶级H100")
    reference: bool = False  # named as what the subject is cut down from ("a version of the H100", "H100的精简版")
    forms: str | None = None  # two form factors named at once ("H100 PCIe/SXM"), whose figures differ
    # a pronoun beyond doubt: the sentence names no chip before it, and the one before named one chip only
    settled: bool = False

    @property
    def known(self) -> bool:
        return self.chip is not None

    def same_chip(self, other: Mention) -> bool:
        return (self.chip, self.name if self.chip is None else "") == (
            other.chip,
            other.name if other.chip is None else "",
        )


class Context:
    """What a paragraph has established so far: its subject chip, precision and table columns.

    Passed along from sentence to sentence; reset where a new chip takes over.

    Most sentences of an article hold no figure, and many of them only name a chip ("壁仞
    科技正式发布BR100系列GPU") or a precision (a heading, "FP16 Tensor Core"). Such a
    sentence can only change the subject or the precision, so it is not read when it is
    seen: it waits here, and is read when a later sentence asks for the subject or the
    precision, newest first (the newest sentence that names a chip decides the subject on
    its own unless it says "it"). Scanning then costs what the sentences with figures cost.
    """

    PENDING = 8  # pieces of text waiting at most; beyond that they are read, so memory and time stay linear

    def __init__(self) -> None:
        self._subject: Mention | None = None
        self._mentions: tuple[Mention, ...] = ()  # chips of the previous sentence, for "the former"
        self._precision: tuple[Token, ...] = ()  # precision words of a heading, governing later figures
        self.precision_list: tuple[Token, ...] = ()  # the list of a "分别" sentence, for "在相同精度下"
        self.columns: tuple[Mention | None, ...] = ()  # chips heading the columns of a table
        # the unit and precision heading each column of a table whose rows are chips ("FP8/TFLOPS")
        self.column_units: tuple[tuple[tuple[str, float], Token | None] | None, ...] = ()
        # the precision words heading each column ("FP16/BF16 Tensor TFLOPS"), for the figures under them
        self.column_precisions: tuple[tuple[Token, ...], ...] = ()
        # the kind of bandwidth heading each column ("NVLink Bandwidth", "互联带宽"), with the link it names
        self.column_bandwidths: tuple[tuple[str, str | None] | None, ...] = ()
        self.table = 0  # which table the rows read now belong to: a new header or paragraph starts one
        self._named: list[str] = []  # text passed over that may name chips, not yet read, oldest first
        self._headings: list[tuple[str, str]] = []  # sentences of this paragraph with only a precision word
        self._reader: Reader | None = None

    @property
    def subject(self) -> Mention | None:
        self._settle_named()
        return self._subject

    @property
    def mentions(self) -> tuple[Mention, ...]:
        self._settle_named()
        return self._mentions

    @mentions.setter
    def mentions(self, value: tuple[Mention, ...]) -> None:
        self._settle_named()
        self._mentions = value

    @property
    def precision(self) -> tuple[Token, ...]:
        if self._headings:
            headings, self._headings = self._headings, []
            assert self._reader is not None
            self._reader._settle_headings(headings, self)
        return self._precision

    @precision.setter
    def precision(self, value: tuple[Token, ...]) -> None:
        self._headings = []
        self._precision = value

    def take(self, subject: Mention, mentions: tuple[Mention, ...]) -> None:
        """A sentence names its own subject: what waiting sentences would have set no longer counts."""
        self._named = []
        self._subject, self._mentions = subject, mentions

    def wait_heading(self, reader: Reader, sentence: str, folded: str) -> None:
        """Keep a heading (a precision word, nothing else to read) until the precision is needed."""
        self._reader = reader
        self._headings.append((sentence, folded))
        del self._headings[: -self.PENDING]  # only the newest heading can set the precision

    def pass_over(self, reader: Reader, text: str) -> None:
        """Text with no figure, no precision and no comparison (what ``scan`` skips): it may
        name the chip a later sentence calls "it", or head the columns of a table."""
        self._reader = reader
        if text.count("|") >= 3:
            lines = text.splitlines()
            reader.read_table_rows([line for line in lines if line.count("|") >= 3], self)
            text = "\n".join(line for line in lines if line.count("|") < 3 and line.strip())
            if not text:
                return
        self._named.append(text)
        if len(self._named) > self.PENDING:
            self._settle_named()

    def _settle_named(self) -> None:
        if self._named:
            named, self._named = self._named, []
            assert self._reader is not None
            self._reader._settle_named(named, self)

    def new_paragraph(self) -> None:
        self.precision = ()
        self.columns = ()
        self.column_units = ()
        self.column_precisions = ()
        self.column_bandwidths = ()
        self.table += 1


@dataclass
class Sentence:
    """A tokenized sentence, with the chips it names; what the rules read."""

    text: str
    tokens: list[Token]
    mentions: list[Mention]
    context: Context
    clause_of: list[int]  # clause number of each token
    used: set[int] = field(default_factory=set)  # quantity tokens already read by a rule
    memo: dict[Any, Any] = field(default_factory=dict)  # facts of the whole sentence, computed once

    def __post_init__(self) -> None:
        self.distinct_chips = len(
            {(m.chip, m.name if m.chip is None else "") for m in self.mentions if not m.unresolved and not m.reference}
        )
        # Index tables so that each rule's look-ups cost the same whatever the sentence's length.
        self.mention_at = {m.index: m for m in self.mentions}
        self._mention_indices = [m.index for m in self.mentions]
        # What the rules look for first, so that a rule with nothing to read in a sentence costs one
        # test. Rules turn numbers into quantities, but none makes or removes a word, name, ratio or pipe.
        self.roles: set[str] = set()  # of its words
        self.features: set[str] = set()
        self.kinds = {t.kind for t in self.tokens}  # as tokenized
        if Kind.WORD in self.kinds or Kind.COUNT in self.kinds:
            roles, features, word, count = self.roles, self.features, Kind.WORD, Kind.COUNT
            for token in self.tokens:  # a count of dies has the scope its noun gives ("two compute dies")
                if (token.kind is word or token.kind is count) and token.roles:
                    roles.update(token.roles)
                    if "features" in token.roles:
                        features.add(str(token.roles["features"]))

    @cached_property
    def _role_index(self) -> dict[str, list[int]]:
        """The indices of the words of each role, in order; words never change once tokenized."""
        index: dict[str, list[int]] = {}
        word, count = Kind.WORD, Kind.COUNT
        for i, token in enumerate(self.tokens):
            if token.kind is word or token.kind is count:
                for role in token.roles:
                    index.setdefault(role, []).append(i)
        return index

    def word_indices(self, role: str) -> list[int]:
        """The indices of the words of a role, in order."""
        return self._role_index.get(role, [])

    def words_with(self, role: str, start: int = 0, end: int | None = None) -> list[Token]:
        """The words of a role from token ``start`` to token ``end`` (inclusive; the last if None)."""
        found = self._role_index.get(role)
        if not found:
            return []
        low = bisect_left(found, start) if start > 0 else 0
        high = len(found) if end is None else bisect_right(found, end)
        tokens = self.tokens
        return [tokens[i] for i in found[low:high]]

    @cached_property
    def _clause_bounds(self) -> tuple[list[int], list[int]]:
        """The first and the last token of the clause of each token; made on the first look-up, as
        most sentences read hold no figure for a rule to look around."""
        clause_of, count = self.clause_of, len(self.tokens)
        firsts = [0, *(i for i in range(1, count) if clause_of[i] != clause_of[i - 1])]
        starts: list[int] = []
        ends: list[int] = []
        for first, after in zip(firsts, [*firsts[1:], count], strict=True):
            starts += [first] * (after - first)
            ends += [after - 1] * (after - first)
        return starts, ends

    def span(self, start: int, end: int) -> str:
        """The original text from token ``start`` to token ``end`` (inclusive)."""
        return self.text[self.tokens[start].start : self.tokens[end].end]

    def between(self, first: int, second: int) -> str:
        """The original text between token ``first`` and token ``second`` (both excluded), lower-cased."""
        return self.text[self.tokens[first].end : self.tokens[second].start].lower()

    def words(self, role: str, start: int = 0, end: int | None = None) -> list[tuple[int, Token]]:
        stop = len(self.tokens) if end is None else end
        return [(i, t) for i, t in enumerate(self.tokens[start:stop], start) if t.kind is Kind.WORD and t.has(role)]

    def clause_range(self, index: int) -> tuple[int, int]:
        """The tokens of the clause around ``index``, at most WINDOW on each side: a figure's
        words are near it, and a bounded window keeps reading linear on a run-on sentence."""
        starts, ends = self._clause_bounds
        return max(starts[index], index - WINDOW), min(ends[index], index + WINDOW)

    def mentions_before(self, index: int) -> list[Mention]:
        """Chips named in the WINDOW tokens before ``index``, nearest last."""
        low, high = bisect_left(self._mention_indices, index - WINDOW), bisect_left(self._mention_indices, index)
        return self.mentions[low:high]

    def mentions_after(self, index: int) -> list[Mention]:
        """Chips named in the WINDOW tokens after ``index``, nearest first."""
        low, high = bisect_right(self._mention_indices, index), bisect_left(self._mention_indices, index + WINDOW + 1)
        return self.mentions[low:high]


# Form factors written after a chip's name to name one of its SKUs.
FORM_SUFFIXES = ("nvl", "pcie", "sxm", "sxm2", "sxm3", "sxm4", "sxm5", "sxm6", "oam")
# A name that already names a SKU: a form factor or a memory size at its end.
_NAMED_VARIANT = regexcache.compile(r"(?:nvl|pcie|sxm\d?|oam|\d+g[b]?)$")


def split_sentences(text: str) -> Iterator[str]:
    """Sentences of a text; pieces longer than MAX_SENTENCE are cut."""
    start = 0
    for end in sentence_ends(text):
        yield from _cut(text[start:end])
        start = end
    yield from _cut(text[start:])


def _cut(piece: str) -> Iterator[str]:
    for i in range(0, len(piece), MAX_SENTENCE):
        part = piece[i : i + MAX_SENTENCE].strip()
        if part:
            yield part


def _same_value(one: Figure | None, other: Figure | None) -> bool:
    """Whether two recorded figures hold the same value (two missing ones count as the same)."""
    return (one.value if one is not None else None) == (other.value if other is not None else None)


# Between a phrase for an unnamed rival and the chip it then names: "its predecessor, the H100",
# "上一代产品，即A100"
_APPOSITIVE = regexcache.compile(r"\s*[,，]\s*(?:the\s+|即\s*|也就是\s*)?", re.IGNORECASE)


def _listed(tokens: list[Token], first: int, second: int, text: str) -> bool:
    """Whether two chip names are items of one list ("A100/H100", "A100、H100和H800", "A100 or H100")."""
    between = tokens[first + 1 : second]
    if not text or any(t.kind is not Kind.WORD or t.role("rival_markers") != "and" for t in between):
        return False
    gap = text[tokens[first].end : tokens[second].start].casefold()
    for word in (*(t.text.casefold() for t in between), "or"):
        gap = gap.replace(word, "")
    return len(gap) <= 3 and not gap.strip(" /、,，&")


class Reader:
    """Reads claims from text against one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    @classmethod
    def of(cls, catalogue: Catalogue) -> Reader:
        """The catalogue's reader: its tokenizer and prefilter are built once, on first use."""
        return catalogue.derived("claims.reader", cls)

    @cached_property
    def tokenizer(self) -> Tokenizer:
        names: dict[str, str] = {}
        for chip in self.catalogue.chips.values():
            for name in (chip.name, chip.name_en, chip.family, *chip.aliases):
                if not name:
                    continue
                key = normalize_name(name)
                if not any(c.isalpha() for c in key):
                    continue  # a name of digits alone would be read in every figure
                chip_id = self.catalogue.chip_id(key)
                if chip_id is not None:  # an alias that does not resolve is a lint error, not ours
                    names[key] = chip_id
        vendors = {chip_id: chip.vendor for chip_id, chip in self.catalogue.chips.items()}
        return Tokenizer(names, variants=self._variants(names), chip_vendors=vendors)

    def _variants(self, names: dict[str, str]) -> list[str]:
        """Names of SKUs the catalogue lacks, made of a known name and a form factor: "H100 NVL",
        "BR100 PCIe". Read as the family's default they would pin the SKU's true
        figures (94 GB, 3.9 TB/s) on another card and call them false. A combination the catalogue
        names ("H200 NVL") or the chip's own form factor ("H20 SXM") is not a variant."""
        variants = []
        for key, chip_id in names.items():
            if _NAMED_VARIANT.search(key):
                continue
            form = (self.catalogue.chips[chip_id].form_factor or "").lower()
            for suffix in FORM_SUFFIXES:
                if key + suffix in names or suffix == form or (suffix == "sxm" and form.startswith("sxm")):
                    continue
                variants.append(key + suffix)
        return variants

    @cached_property
    def prefilter(self) -> Prefilter:
        """The fast first pass of ``scan``: the sentences of a text where a claim can start."""
        from specbench.claims.prefilter import Prefilter

        return Prefilter(self.tokenizer.lexicon)

    @cached_property
    def _families(self) -> dict[str, list[Any]]:
        families: dict[str, list[Any]] = {}
        for chip in self.catalogue.chips.values():
            families.setdefault(chip.family, []).append(chip)
        return families

    @cached_property
    def triggers(self) -> tuple[re.Pattern[str], ...]:
        """Where a claim can start, on folded text: a number with a unit or ratio unit ("1024tops",
        "1.6倍", "96%", "128 fp32"), a ratio in words (两倍, twice), a comparative, a table cell
        with a figure, or a memory type. A sentence with none of these holds no claim, though it
        may name the chip or the precision that later figures belong to.

        One pattern per kind of place, each beginning with a character, a class or literals, so
        that the engine skips ahead in C to where it can match: one alternation of them all
        begins with nothing the engine can skip to, and is tried at every character."""
        lexicon = self.tokenizer.lexicon
        units, words = trie_pattern(claim_units(lexicon)), trie_pattern(claim_words(lexicon))
        return (
            regexcache.compile(rf"\d\s?(?:(?:亿|万)?\s?(?:{units})(?![a-z])|(?:fp|bf|tf|int)\d|{NODE_AFTER_DIGIT})"),
            re.compile(rf"[{CJK_NUMERALS}]\s?[倍成]"),
            *map(re.compile, SLASH_FRACTIONS),
            regexcache.compile(words),
            re.compile(r"\|[^|\n]{0,40}\d"),
            re.compile(rf"hbm|gddr\d|lpddr|{DESIGN_WORDS}"),
            re.compile(TRANSISTORS_BEFORE),
            re.compile(SPLIT_COMPARATIVE),
        )

    def _triggered(self, folded: str) -> bool:
        for pattern in self.triggers:
            if pattern.search(folded) is not None:
                return True
        return False

    @cached_property
    def _precisions(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.tokenizer.lexicon.table("precisions")))

    @cached_property
    def _referents(self) -> re.Pattern[str]:
        """What makes a sentence with a precision word more than a heading or a chip's name:
        a figure, a table cell, an unnamed rival, "respectively" or "supports"."""
        lexicon = self.tokenizer.lexicon
        support = [w for w, meaning in lexicon.table("features").items() if meaning in ("supports", "lacks")]
        words = trie_pattern([*lexicon.table("unnamed_rivals"), *lexicon.table("respectively"), *support])
        return re.compile(rf"(?<![a-z\d])\d|\||{words}")

    @cached_property
    def _rival_words(self) -> tuple[str, ...]:
        """Words that mark the chip after them as the rival ("相比", "compared to")."""
        table = self.tokenizer.lexicon.table("rival_markers")
        return tuple(word for word, role in table.items() if role == "rival")

    @cached_property
    def _pronouns(self) -> re.Pattern[str]:
        return re.compile(trie_pattern(self.tokenizer.lexicon.table("pronouns")))

    @cached_property
    def names(self) -> Anchored:
        """Chip names, known or not, on folded text: what a sentence with no claim can still set."""
        rules = dict(self.tokenizer.rules)
        every = [*self.tokenizer.chip_names, *self.tokenizer.other_chips, *self.tokenizer.numbered_cards]
        return Anchored(
            regexcache.compile(
                f"(?:{rules['variant']})|(?:{rules['chip']})|(?:{rules['other_chip']})|(?:{rules['numbered_card']})"
            ),
            regexcache.compile(trie_pattern(sorted(every), NAME_SEPARATOR)),
        )

    def may_hold_claim(self, sentence: str) -> bool:
        """A cheap test: a sentence with no number and unit, ratio or comparative holds no claim."""
        folded = fold(sentence, self.tokenizer.lexicon)
        return self._triggered(folded) or self._heading_with_more(folded)

    def _heading_with_more(self, folded: str) -> bool:
        return self._precisions.search(folded) is not None and self._referents.search(folded) is not None

    def read(self, text: str, context: Context | None = None) -> list[Claim]:
        """All claims in a text, reading its sentences in order with one context."""
        context = context or Context()
        claims: list[Claim] = []
        for block in re.split(r"\n[ \t]*\n", text):
            context.new_paragraph()
            for sentence in split_sentences(block):
                claims += self.read_sentence(sentence, context)
        return claims

    def read_sentence(self, sentence: str, context: Context | None = None) -> list[Claim]:
        """The claims of one sentence. A sentence that can hold none but names a chip, or is a
        heading with a precision word, waits in the context until its subject or precision is
        needed."""
        context = context if context is not None else Context()
        folded = fold(sentence, self.tokenizer.lexicon)
        if self._triggered(folded) or self._heading_with_more(folded):
            return self._read(sentence, folded, context)
        if self.names.search(folded) or sentence.count("|") >= 3:
            # a table's header row heads the columns of the rows after it, named chips or not
            # ("| 厂商 | 机型 | GPU配置 | 内存带宽 |"), as in the text a scan passes over
            context.pass_over(self, sentence)
        elif len(sentence) <= HEADING and self._precisions.search(folded) and not self._pronouns.search(folded):
            context.wait_heading(self, sentence, folded)
        return []

    def read_table_rows(self, rows: list[str], context: Context) -> None:
        """Read the rows of a table passed over at once: "| Spec | A100 | H200 |" names the chips
        heading the columns of the rows after it, which no later question for the subject asks for."""
        for row in rows:
            self._read(row, fold(row, self.tokenizer.lexicon), context)

    def _read(self, sentence: str, folded: str, context: Context) -> list[Claim]:
        from specbench.claims import rules

        tokens = rules.merge_tokens(self.tokenizer.tokenize(sentence, folded), folded)
        clause = Kind.CLAUSE
        clause_of = list(accumulate((token.kind is clause for token in tokens), initial=0))[1:]
        mentions = self._mentions(tokens, context, clause_of, sentence)
        parsed = Sentence(sentence, tokens, mentions, context, clause_of)
        claims = rules.apply(parsed)
        self._update_context(parsed, claims)
        if context.columns and Kind.PIPE in parsed.kinds:
            self._pin_columns(claims, context)
        return claims

    def _pin_columns(self, claims: list[Claim], context: Context) -> None:
        """A table's memory row pins the SKU of a column headed by a family's name: under
        "| | H100 | A100 |", "| 显存容量 | 80GB | 80GB |" makes the A100 column the A100 80GB, so a
        later "1.56TB/s" in it is the 40 GB card's figure, not one of the family's SKUs."""
        columns = list(context.columns)
        sizes = [c for c in claims if c.metric == "memory_capacity" and c.rule == "table_row" and c.value]
        for claim in sizes:
            gb = float(claim.value or 0)
            if sum(c.subject == claim.subject for c in sizes) > 1:
                continue  # "| Memory | 40/80GB HBM2e |": the column's SKUs, none pinned
            for number, column in enumerate(columns):
                if column is None or column.chip != claim.subject or not column.chip:
                    continue
                family = self.catalogue.chips[column.chip].family
                members = [
                    c
                    for c in self._families.get(family, [])
                    if (size := c.preferred("memory_capacity")) is not None
                    and size.is_numeric
                    and abs(float(size.value) - gb) < 0.5
                ]
                if members and len(self._families.get(family, [])) > len(members):
                    chosen = next((c for c in members if c.id == column.chip), members[0])
                    name = f"{column.name} {gb:g}GB"
                    columns[number] = replace(column, chip=chosen.id, name=name)
        context.columns = tuple(columns)

    # -- chips named in a sentence -------------------------------------------------------

    def _mentions(
        self, tokens: list[Token], context: Context, clause_of: list[int], sentence_text: str = ""
    ) -> list[Mention]:
        mentions: list[Mention] = []
        chip_kind, other_kind, word_kind = Kind.CHIP, Kind.OTHER_CHIP, Kind.WORD
        for index, token in enumerate(tokens):
            kind = token.kind
            if kind is chip_kind:
                chip_id = self._refine_sku(token.value, tokens, index, sentence_text)
                mention = Mention(index, chip_id, token.text.strip())
                if _CAPACITY.search(token.text.casefold()) and _SLASH_NEXT.match(sentence_text, token.end):
                    # "A100 40GB/80GB": the capacities of the family's SKUs, not a name of one
                    family = re.sub(r"\s?\d+\s?gb", "", token.text.strip(), flags=re.IGNORECASE).strip(" -")
                    with suppress(UnknownChipError):
                        mention = Mention(index, self.catalogue.get(family).id, family)
                if (forms := _SECOND_FORM.match(sentence_text, token.end)) is not None:
                    mention.forms = token.text.strip() + forms.group().strip()  # "H100 PCIe/SXM"
            elif kind is other_kind:
                mention = Mention(index, None, str(token.value))
            elif kind is not word_kind:
                continue
            elif "unnamed_rivals" in token.roles:
                # "相较于上一代": a phrase that holds its own rival marker names the rival
                marked = str(token.value).startswith(self._rival_words)
                mention = Mention(index, None, token.text, unnamed=True, rival_role=marked)
            elif "pronouns" in token.roles:
                opens = bool(_CLAUSE_OPENER.search(sentence_text[max(0, token.start - 12) : token.start]))
                mention = self._resolve_pronoun(token, index, mentions, context, clause_of, opens)
            elif "form" in token.roles:
                # "H100 PCIe版的显存带宽为2TB/s，SXM版为3.35TB/s": the family's SKU of that form factor;
                # "the PCIe version of the A100" names the A100's, which the chip's own name settles
                if index + 1 < len(tokens) and tokens[index + 1].role("of") == "of":
                    continue
                if index and tokens[index - 1].kind is Kind.OPEN:
                    continue  # "700W (SXM version) / 600W (PCIe version)": a label of the figure before it
                if index and tokens[index - 1].kind is Kind.CHIP and token.start - tokens[index - 1].end <= 1:
                    continue  # "A100 80GB PCIe版": the name before it, which it has made the PCIe card
                sku = self._form_sku(str(token.role("form")), mentions, context)
                if sku is None:
                    continue
                mention = Mention(index, sku.id, sku.name)
            else:
                continue
            back = index - 1
            while (
                back >= 0
                and tokens[back].kind is Kind.WORD
                and (
                    tokens[back].has("vendors")
                    or (
                        back >= 1
                        and tokens[back].has("of")
                        and tokens[back - 1].kind is Kind.WORD
                        and tokens[back - 1].has("vendors")
                    )
                )
            ):
                back -= 1  # "相比英伟达A100", "與輝達的H100": the vendor's name sits between marker and chip
            if (
                back >= 1
                and tokens[back].kind is Kind.WORD
                and tokens[back].has("of")
                and tokens[back - 1].kind is Kind.WORD
                and (tokens[back - 1].role("rival_markers") == "rival" or tokens[back - 1].has("comparatives"))
            ):
                back -= 1  # "greater than that of the MTT S4000"
            before = tokens[back] if back >= 0 else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if after is not None and after.role("scope") == "chip" and index + 2 < len(tokens):
                after = tokens[index + 2]  # "與H100晶片相當": the chip's noun before the word that pairs them
            if before is not None and before.kind is Kind.WORD and before.has("of") and back >= 1:
                variant = tokens[back - 1]  # "中国特供版的Gaudi 3": the variant joined by 的
                if variant.kind is Kind.WORD and variant.has("variants"):
                    back -= 1
                    before = variant
            if before is not None and before.kind is Kind.WORD and before.has("variants"):
                mention.variant = before.text
                back -= 1
                before = tokens[back] if back >= 0 else None
            if (
                before is not None
                and before.kind is Kind.WORD
                and (before.role("rival_markers") == "rival" or before.has("comparatives", "ratio_words"))
            ):
                # "相比A100", "than the A100", "高于H800", "不如A100", "doubles the H100's capacity"
                mention.rival_role = True
            elif before is not None and before.kind is Kind.RATIO and "倍" in before.text:
                mention.rival_role = True  # "4倍A100的FP8算力": four times the A100's
            elif (
                before is not None
                and before.kind is Kind.WORD
                and before.role("rival_markers") == "and"
                and after is not None
                and after.kind is Kind.WORD
                and (after.role("rival_markers") == "rival" or after.has("close"))
            ):
                mention.rival_role = True  # "与H100相比", "与H100相近"
            elif (
                mentions
                and mentions[-1].unnamed
                and sentence_text
                and _APPOSITIVE.fullmatch(sentence_text, tokens[mentions[-1].index].end, token.start)
            ):
                # "twice the memory capacity of its predecessor, the H100": the phrase is the chip after
                # it, where the phrase stands; the name repeats it
                phrase = mentions[-1]
                mentions[-1] = replace(mention, index=phrase.index, rival_role=phrase.rival_role or True)
                mention.reference = True
            elif mentions and mentions[-1].rival_role and _listed(tokens, mentions[-1].index, index, sentence_text):
                mention.rival_role = True  # "对标A100/H100": every chip of the list is a rival
            elif (
                sentence_text
                and "as" in sentence_text[max(0, token.start - 60) : token.start].casefold()
                and _SAME_AS.search(sentence_text, max(0, token.start - 60), token.start)
            ):
                mention.rival_role = True  # "the same VRAM envelope as a B200"
            elif _ratio_of(tokens, index):
                mention.rival_role = True  # "性能为B200的30%": what a ratio is measured against
            if not mention.rival_role and sentence_text and self._derived_from(sentence_text, token):
                mention.reference = True
            elif (
                kind is other_kind
                and mentions
                and mentions[-1].index == index - 2
                and tokens[index - 1].kind is Kind.OPEN
                and index + 1 < len(tokens)
                and tokens[index + 1].kind is Kind.CLOSE
            ):
                mention.reference = True  # "H200 (codename: GH200)": another name of the chip before, never the subject
            if before is not None and before.kind is Kind.COUNT:
                mention.count = int(before.value)
            elif (
                before is not None
                and before.kind is Kind.RATIO
                and before.value.kind == "times"
                and float(before.value.value).is_integer()
                and "倍" not in before.text  # "4倍A100的FP8算力" is four times the A100's, never four A100s
                and not (sentence_text and sentence_text[before.end : token.start].strip())
            ):
                mention.count = int(before.value.value)  # "8x A100" is eight A100s; "2.35x the A100" a ratio
            mentions.append(mention)
        return self._not_the_rival(mentions, context)

    def _not_the_rival(self, mentions: list[Mention], context: Context) -> list[Mention]:
        """ "该GPU的热设计功耗为400W，低于H100的700W" after a sentence about H100 and H20: a pronoun
        never refers to the chip its own sentence sets it against. It refers to the one other chip
        the sentence before named, or, with none or several, to nothing the reading can tell."""
        for k, mention in enumerate(mentions):
            if mention.via is None or mention.chip is None:
                continue
            family = self.catalogue.chips[mention.chip].family
            against = [
                m
                for m in mentions[k + 1 :]
                if m.rival_role and m.chip and m.via is None and self.catalogue.chips[m.chip].family == family
            ]
            if not against:
                continue
            others = {m.chip: m for m in context.mentions if m.chip and self.catalogue.chips[m.chip].family != family}
            if len(others) == 1:
                (other,) = others.values()
                mentions[k] = replace(mention, chip=other.chip, name=other.name)
            else:
                mentions[k] = replace(mention, chip=None, name=mention.via, unresolved=True)
        return mentions

    @staticmethod
    def _derived_from(text: str, token: Token) -> bool:
        """Whether a chip is named as the one another is derived from: "a cut-down version of the
        H100", "H100的精简版". Figures after it are the derived chip's, not its. "The PCIe version
        of the A100" names the A100's own card, not another chip."""
        before = text[max(0, token.start - 40) : token.start]
        # Each form has a word the patterns need ("of", 版): most chips are named with neither.
        english = "of" in before.casefold()
        if english and _PCIE_VERSION_OF.search(before):
            return False
        if (english or "版" in before) and _VERSION_OF.search(before):
            return True
        return "版" in text[token.end : token.end + _CUT_DOWN_REACH] and _CUT_DOWN.match(text, token.end) is not None

    def _form_sku(self, form: str, mentions: list[Mention], context: Context) -> Chip | None:
        """The SKU of the family last named (in the sentence, else the paragraph's subject) whose name
        carries the form factor ("sxm", "pcie", "nvl"), if exactly one does; else None."""
        named = next((m for m in reversed(mentions) if m.chip is not None), None) or context.subject
        if named is None or named.chip is None:
            return None
        chip = self.catalogue.chips[named.chip]
        members = [c for c in self._families.get(chip.family, []) if form in normalize_name(c.name)]
        if len(members) > 1:
            # "A100的PCIe版": of the A100 PCIe 40GB and 80GB, the one with the named SKU's memory
            if chip not in members:
                size = chip.preferred("memory_capacity")
                members = [c for c in members if _same_value(c.preferred("memory_capacity"), size)]
            else:
                members = [chip]
        return members[0] if len(members) == 1 else None

    def _refine_sku(self, chip_id: str, tokens: list[Token], index: int, sentence_text: str = "") -> str:
        """'A100 80GB' followed by 'PCIe' is the A100 PCIe 80GB, not the SXM default."""
        words: list[tuple[str, int]] = []
        for token in tokens[index + 1 : index + 3]:
            if token.start - (tokens[index].end if not words else words[-1][1]) > 2:
                break
            if token.kind is Kind.NAME and str(token.value).startswith("pci"):
                words.append(("pcie", token.end))
            elif token.kind is Kind.WORD and token.has("form"):
                words.append((str(token.role("form")), token.end))  # "A100 80GB PCIe版"
            elif token.kind is Kind.QUANTITY and token.value.dimension is Dimension.INFORMATION:
                words.append((f"{token.value.number_text}gb", token.end))
            else:
                break
        before = sentence_text[max(0, tokens[index].start - 30) : tokens[index].start]
        if not words and "of" in before.casefold() and _PCIE_VERSION_OF.search(before):
            words.append(("pcie", tokens[index].end))  # "the PCIe version of the A100"
        if not words:
            return chip_id
        chip = self.catalogue.chips[chip_id]
        # "A100 80GB PCIe": the capacity the name itself carries counts as well as the words after it.
        # "A100 SXM 40GB": the form factor the name itself carries, too
        own = tokens[index].text.casefold()
        wanted = [f"{gb}gb" for gb in _CAPACITY.findall(own)] + [w for w, _ in words]
        wanted += [form for form in ("sxm", "pcie") if form in own and form not in wanted]
        members = [c for c in self._families.get(chip.family, []) if all(p in normalize_name(c.name) for p in wanted)]
        if len(members) == 1:
            return str(members[0].id)
        return chip_id

    @staticmethod
    def _resolve_pronoun(
        token: Token, index: int, mentions: list[Mention], context: Context, clause_of: list[int], opens: bool = False
    ) -> Mention:
        """The chip a pronoun refers to. ``opens``: a conjunction right before it starts a clause
        of its own ("H20 is notable as it offers 96GB"), so a chip before it in the same run of
        words is an earlier chip, not the subject of the pronoun's clause."""
        meaning = token.role("pronouns")
        if meaning in ("former", "latter"):
            pool = [m for m in mentions[:WINDOW] if not m.unnamed] or list(context.mentions)
            if len(pool) >= 2:
                chosen = pool[0] if meaning == "former" else pool[1]
                return Mention(index, chosen.chip, chosen.name, via=token.text)
            return Mention(index, None, token.text, via=token.text, unresolved=True)
        # "A100是它的2.5倍": 它 is not the subject of its own clause, but a chip named before it.
        recent = mentions[-WINDOW:]
        earlier = [m for m in recent if (opens or clause_of[m.index] != clause_of[index]) and not m.unnamed]
        # "H20虽较H100性能缩水70%，但其96GB…": 其 is the clause's subject, not the chip it was set against
        earlier = [m for m in earlier if not m.rival_role] or earlier
        own_clause = [m for m in recent if not opens and clause_of[m.index] == clause_of[index] and not m.unnamed]
        if own_clause and earlier:
            target: Mention | None = earlier[-1]
        elif own_clause:
            target = None
        else:
            target = (earlier[-1] if earlier else None) or context.subject
        if target is None or target.unresolved:
            return Mention(index, None, token.text, via=token.text, unresolved=True)
        # "英伟达A100在算力方面具有显著优势。其采用7nm工艺制造": the sentence before named one chip, and
        # this one none before the pronoun, so 其 can be no other chip
        settled = (
            not recent
            and target is context.subject
            and target.chip is not None
            and {m.chip for m in context.mentions if not m.unnamed} == {target.chip}
        )
        return Mention(index, target.chip, target.name, via=token.text, settled=settled)

    # -- context -------------------------------------------------------------------------

    def _settle_named(self, named: list[str], context: Context) -> None:
        """Read text passed over, newest sentence first: the newest that names a chip (not as
        a rival) sets the subject, and older ones no longer count, unless it says "it", which
        needs the subject the sentences before it left."""
        referring: list[tuple[str, list[Token]]] = []
        asides: list[Mention] = []  # chips named only in a parenthesis, if no sentence names another
        for sentence in (s for text in reversed(named) for s in reversed(list(split_sentences(text)))):
            folded = fold(sentence, self.tokenizer.lexicon)
            if not self.names.search(folded):
                continue
            tokens = self.tokenizer.tokenize(sentence, folded)
            if any(t.kind is Kind.WORD and t.has("pronouns") for t in tokens):
                referring.append((sentence, tokens))
                continue
            mentions = self._subjects(sentence, tokens, context)
            inside = _parenthesised(tokens) if mentions else []
            outside = [m for m in mentions if not inside[m.index]]
            launched = [m for m in outside if m.index >= 1 and _launches(tokens[m.index - 1])]
            first = launched[-1] if launched and not _opens_with(outside[0], tokens) else next(iter(outside), None)
            if first is not None:
                context._subject, context._mentions = first, tuple(mentions)
                break
            asides = asides or mentions
        else:
            if asides and context._subject is None:
                context._subject, context._mentions = asides[0], tuple(asides)
        for sentence, tokens in reversed(referring):
            mentions = self._subjects(sentence, tokens, context)
            if mentions:
                context._subject, context._mentions = mentions[0], tuple(mentions)

    def _subjects(self, sentence: str, tokens: list[Token], context: Context) -> list[Mention]:
        mentions = self._mentions(tokens, context, [0] * len(tokens), sentence)
        # "It's worth noting that the MTT S4000 …": an "it" that refers to nothing sets no subject;
        # nor do several of one chip ("將兩個910B處理器組合到一個封裝中"): a later "它" is one chip
        return [m for m in mentions if not m.rival_role and not m.unnamed and not m.unresolved and not _several(m)]

    def _settle_headings(self, headings: list[tuple[str, str]], context: Context) -> None:
        """Headings of the paragraph, newest first: the newest with a precision word sets it."""
        for sentence, folded in reversed(headings):
            precisions = tuple(
                t for t in self.tokenizer.tokenize(sentence, folded) if t.kind is Kind.WORD and t.has("precisions")
            )
            if precisions:
                context._precision = precisions
                return

    @staticmethod
    def _update_context(sentence: Sentence, claims: list[Claim]) -> None:
        context = sentence.context
        named = [m for m in sentence.mentions if not m.unnamed and not m.unresolved]
        subjects = [m for m in named if not m.rival_role and not m.reference and not _several(m)]
        # "让位于新一代 Blackwell(B200/GB200 系列)": a chip named in a parenthesis is an aside about
        # the word before it; the paragraph's subject stays (asked for only then: it reads the
        # text passed over)
        inside = _parenthesised(sentence.tokens) if subjects else []
        plain = [m for m in subjects if not inside[m.index]]
        if plain or (subjects and context.subject is not None):
            subjects = plain
        chosen = None
        if subjects and _opens_with(subjects[0], sentence.tokens):
            # A sentence that opens with a chip is about it, whatever figures of other chips it quotes:
            # "– Ascend 910C (…): Achieves performance close to NVIDIA's H100 (989 TFLOPS) …. It uses …"
            chosen = subjects[0]
        elif launched := [m for m in subjects if m.index >= 1 and _launches(sentence.tokens[m.index - 1])]:
            # "At the same time as launching the BR100 Biren has launched the BR104. It is …": the chip
            # a sentence says was launched is what it is about
            chosen = launched[-1]
        elif claims and claims[0].subject_query:
            chosen = next((m for m in subjects if m.name == claims[0].subject_query), None)
        if not any(m.via is None for m in named):
            pass  # "其…", "it": a sentence naming chips only by pronouns leaves the chips in play as they were
        elif subjects:
            context.take(chosen or subjects[0], tuple(named))
        elif named:
            context.mentions = tuple(named)
        if "precisions" not in sentence.roles:
            return
        precisions = tuple(sentence.words_with("precisions"))
        if not named and len(sentence.text) <= HEADING and all(t.kind is not Kind.QUANTITY for t in sentence.tokens):
            context.precision = precisions  # a heading such as "FP16 Tensor Core"
        if "respectively" in sentence.roles:
            context.precision_list = precisions


def _opens_with(mention: Mention, tokens: list[Token]) -> bool:
    """Whether a sentence opens with the chip, a vendor's name or a list mark at most before it
    ("NVIDIA's H100 …", "– Ascend 910C (…)"), not a phrase ("At the same time as launching the BR100")."""
    return mention.index <= 1 and (mention.index < 0 or tokens[mention.index].start <= _OPENING)


_OPENING = 16  # characters before a chip that still open a sentence with it


def _launches(token: Token) -> bool:
    """Whether a token is a launch word ("launched", "发布")."""
    return token.kind is Kind.WORD and token.role("features") == "launch"


def _ratio_of(tokens: list[Token], index: int) -> bool:
    """Whether the chip at ``index`` is followed by 的 and a ratio ("B200的30%", "H100的约1/3")."""
    k = index + 1
    if k >= len(tokens) or tokens[k].kind is not Kind.WORD or tokens[k].text != "的":
        return False
    k += 1
    while k < len(tokens) and tokens[k].kind is Kind.WORD and tokens[k].has("qualifiers"):
        k += 1
    return k < len(tokens) and (
        tokens[k].kind is Kind.RATIO or (tokens[k].kind is Kind.WORD and tokens[k].has("ratio_words"))
    )


def _several(mention: Mention) -> bool:
    """Whether a mention counts several devices ("两个910B", "8x A100"): what they make is the
    subject, not one of them."""
    return mention.count is not None and mention.count > 1


def _parenthesised(tokens: list[Token]) -> list[bool]:
    """For each token, whether it is inside a parenthesis still open there; one pass, so that
    asking for every chip of a long sentence stays linear."""
    inside, depth = [], 0
    for token in tokens:
        if token.kind is Kind.CLOSE:
            depth = max(0, depth - 1)
        inside.append(depth > 0)
        if token.kind is Kind.OPEN:
            depth += 1
    return inside

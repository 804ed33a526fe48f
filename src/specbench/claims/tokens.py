"""The tokenizer: text to typed tokens with spans, in one left-to-right pass.

Built like pypa/packaging's ``_tokenizer.py``: a table of named token rules, each a
small regular expression with no nested quantifiers, tried in order at each
position; the first that matches wins. Names that look like numbers (HBM2E,
GDDR6, PCIe 5.0, FP32, A100 80GB) are tokens of their own, so they are never read
as quantities. Everything after the tokenizer works on tokens, never on raw
characters.

Matching runs on folded text (NFKC, lower case, machine-paraphrase substitutions
undone, each keeping the length of the text so that spans point into the original).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any, cast

from specbench import regexcache
from specbench.claims.lexicon import Lexicon
from specbench.claims.lexicon import load as load_lexicon
from specbench.claims.vocabulary import PCIE, Dimension
from specbench.store.names import vendor_prefixes


class Kind(StrEnum):
    CHIP = "chip"  # a catalogue chip: value is its id
    OTHER_CHIP = "other_chip"  # a chip or card the catalogue lacks: value is its name
    QUANTITY = "quantity"  # number with unit: value is Quantity
    NUMBER = "number"  # a bare number: value is float
    UNIT = "unit"  # a rate unit standing alone ("128 FP32 TFLOPS"): value is (Dimension, scale)
    RATIO = "ratio"  # value is Ratio
    COUNT = "count"  # a device count: value is int
    WORD = "word"  # a lexicon word: roles say which tables it belongs to
    NAME = "name"  # a name with digits that is not a quantity (HBM2E, PCIe 5.0, 7nm)
    SKIP = "skip"  # URL, date, money, model size: never a claim
    CLAUSE = "clause"  # ， , ； ;
    PIPE = "pipe"  # a table cell boundary
    OPEN = "open"  # ( （
    CLOSE = "close"  # ) ）
    STAR = "star"  # an asterisk after a figure: NVIDIA's mark for 2:4 sparse


@dataclass(frozen=True)
class Quantity:
    value: float  # in the catalogue unit of its dimension
    dimension: Dimension
    number_text: str  # the number as written, for rounding tolerance


@dataclass(frozen=True)
class Ratio:
    value: float
    kind: str  # times | percent | tenths | word


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__, and
class Token:  # tokenizing makes one per word of every sentence read; nothing changes a token once made
    kind: Kind
    start: int
    end: int
    text: str
    value: Any = None
    roles: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def role(self, name: str) -> Any:
        """The meaning of this token in one lexicon table ("precisions", "metrics", ...), or None."""
        return self.roles.get(name)

    def has(self, *names: str) -> bool:
        roles = self.roles
        for name in names:
            if name in roles:
                return True
        return False


NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CJK_NUMBER = r"[一二两三四五六七八九十百千万]{1,4}"


def fold(text: str, lexicon: Lexicon) -> str:
    """NFKC, lower case, traditional characters simplified, paraphrases undone; the same length
    as ``text`` where NFKC allows."""
    folded = lexicon.simplified(unicodedata.normalize("NFKC", text).casefold())
    for wrong, right in lexicon.table("paraphrases").items():
        if wrong in folded:
            folded = folded.replace(wrong, right)
    if "pcle" in folded:  # a typo seen in print for PCIe (lower-case L for I)
        folded = folded.replace("pcle", "pcie")
    for char, plain in CHARACTER_FOLDS.items():
        if char in folded:
            folded = folded.replace(char, plain)
    return folded


# Characters folded beyond NFKC, one for one: "H100’s", the typographic apostrophe is the possessive's;
# "one‑seventh", "chiplet‑based": the typographic hyphens (U+2010, and U+2011 that NFKC makes it) are "-".
CHARACTER_FOLDS = {"\u2019": "'", "\u2010": "-"}


def trie_pattern(words: Iterable[str], between: str = "", end: str | None = None) -> str:
    """A regex alternation of literal words that shares prefixes (a trie), so matching stays fast.

    ``between`` is a pattern allowed between characters (separators in chip names). The longest
    word is preferred because longer branches are tried first. With ``end``, a word that begins
    with a Latin letter or digit does not begin inside a Latin word or number, and one that ends
    with one ends where ``end`` holds: each word's own boundary, asserted where it begins and ends.

    A large trie (the lexicon's words, every chip name) is kept between runs with the compiled
    patterns: building it costs more than a check reading its sentence. Its words are put in one
    order first, so that it has the same key, and the same text, in every run.
    """
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if len(words) < TRIE_KEPT:
        return _trie(words, between, end)
    key = between + "\0" + (end or "") + "\0" + "\0".join(words)
    return cast(
        str,
        regexcache.remember(
            "trie" if end is None else "bounded",
            key,
            lambda: _trie(words, between, end),
            lambda v: isinstance(v, str),
        ),
    )


TRIE_KEPT = 32  # words from which a trie is kept between runs; a smaller one is built in less than a lookup


def latin_alnum(char: str) -> bool:
    """Whether a character is a Latin letter or a digit: a word that begins or ends with one is
    bounded there ("over" is no word of "overall")."""
    return char.isascii() and char.isalnum()


def _trie(words: list[str], between: str, end: str | None = None) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any], last: str, first: bool) -> str:
        branches = []
        for char in sorted(c for c in node if c):
            if first:
                # A word's first letter is tested before the look-behind that bounds it, so that the
                # engine passes over a branch whose letter is not there at once, without a look-behind
                # (it tries the branches of a trie's first level in turn at every place)
                bound = r"(?<![a-z0-9].)" if end is not None and latin_alnum(char) else ""
                branches.append(re.escape(char) + bound + render(node[char], char, False))
            else:
                branches.append(between + re.escape(char) + render(node[char], char, False))
        if "" not in node:
            return "" if not branches else branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        stop = (
            end if end is not None and latin_alnum(last) else ""
        )  # a word ending in a letter or digit ends where one does
        if not branches:
            return stop
        return "(?:" + "|".join(branches) + "|" + stop + ")"

    return render(trie, "", True)


NAME_SEPARATOR = r"[ \-_.·]?"  # what may stand between the characters of a chip's name ("br-100", "mtt s4000")

# Where a chip's name ends: not inside a longer word or number, but "昇腾910BAI芯片" (AI glued to
# the name, as Chinese text often writes it) still names the 910B; "910Bail" does not. A plural
# after a name that ends in a digit ("8 H100s", "thousands of H20s") names the chip too.
NAME_END = r"(?:(?=ai(?![a-z]))|(?<=\d)(?=s(?![a-z0-9]))|(?![a-z0-9]))"

# Where a chip's name starts: not inside a longer word or number, but a count of cards glued to
# it ("8xA100 40GB", "16xV100" in a cloud provider's table) leaves the name whole.
NAME_START = r"(?:(?<![a-z0-9])|(?<=\dx))"

# "L2 cache" (二级缓存) is a level of cache, not NVIDIA's L2 card.
_NOT_CACHE = r"(?!\s?(?:cache|缓存))"


def bounded(words: Iterable[str], between: str = "", end: str = r"(?![a-z0-9])") -> str:
    """A trie of words that never starts or ends inside a Latin word or number ("over" not in "overall").

    The boundary is a property of each word's own first and last character, so it is asserted in
    one trie where that word begins or ends: the longest word that fits wins whatever its last
    character, "每个GPU" over "每个" and "TF32+" over "TF32"."""
    words = [w for w in words if w]
    if not words:
        return "(?!)"
    # A test of the first character, so that the trie is passed over at once where no word can
    # start: the engine would otherwise try each first character in turn.
    firsts = "".join(sorted({re.escape(word[0]) for word in words}))
    return f"(?=[{firsts}])" + trie_pattern(words, between, end)


class Anchored:
    """A pattern whose matches begin with a look-behind or a look-ahead, searched fast.

    The engine skips ahead in C only to a place where a pattern's first character can stand,
    and only when the pattern begins with a character, a class or an alternation of
    characters; a pattern that begins with an assertion is tried at every place. Here a
    second pattern without the assertions (``candidates``, which must match at every place
    ``exact`` matches) finds the places, and ``exact`` is tried only there, so ``search``
    finds what ``exact.search`` finds.
    """

    def __init__(self, exact: re.Pattern[str], candidates: re.Pattern[str]) -> None:
        self.exact = exact
        self.candidates = candidates

    def search(self, text: str) -> re.Match[str] | None:
        """The leftmost match of ``exact`` in ``text``, or None."""
        candidates, exact = self.candidates.search, self.exact.match
        found = candidates(text)
        while found is not None:
            start = found.start()
            match = exact(text, start)
            if match is not None:
                return match
            found = candidates(text, start + 1)
        return None


class Tokenizer:
    """Tokenizes sentences against one catalogue's chip names and the lexicon."""

    def __init__(
        self,
        chip_names: dict[str, str],
        lexicon: Lexicon | None = None,
        variants: Iterable[str] = (),
        chip_vendors: dict[str, str] | None = None,
    ) -> None:
        """``chip_names`` maps each folded name (no spaces or hyphens) to a chip id; ``variants`` are
        folded names of SKUs the catalogue lacks whose family it knows ("h100nvl"): a chip of its own
        that is not in the catalogue, never the family's default. ``chip_vendors`` maps a chip id to
        its vendor: a name written after another vendor's name ("Tesla T20" of NVIDIA, not
        Enflame's T20) is a chip the catalogue does not hold."""
        self.lexicon = lexicon or load_lexicon()
        self.chip_names = chip_names
        self.chip_vendors = chip_vendors or {}
        variants = list(variants)
        self.words = self.lexicon.words()
        self.other_chips = {_fold_name(k): v for k, v in self.lexicon.table("other_chips").items()}
        self.numbered_cards: dict[str, str] = dict(self.lexicon.table("numbered_cards"))
        units = self.lexicon.table("units")
        self.units = units
        ratio_units = self.lexicon.table("ratio_units")
        counters = self.lexicon.table("counters")
        non_claim_after = [w for w in self.lexicon.table("non_claim") if w != "$"]  # "$" comes before a number
        rate_units = [u for u, (dim, _s) in units.items() if dim in ("flop_rate", "op_rate") and len(u) > 1]
        label_units = [u for u, (dim, _s) in units.items() if dim in _LABEL_DIMENSIONS and (len(u) > 1 or u == "w")]
        self.number_words: dict[str, int] = dict(self.lexicon.table("number_words"))
        part_number = rf"(\d{{1,2}}|{_CJK_NUMBER}|{_alternation(self.number_words)})"
        sep = NAME_SEPARATOR
        rules: list[tuple[str, str]] = [
            (
                "url",
                r"(?<![a-z0-9])(?:https?://[^\s)\]>\"'，。]+|www\.[^\s)\]>\"'，。]+)"
                r"|!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)",
            ),
            ("html", r"<[^<>\n]{1,300}>|&[a-z]{2,8};|(?<![a-z0-9_-])[a-z_-]{1,20}=\"[^\"\n]{0,200}\""),
            ("hex", r"0x[0-9a-f]+|#[0-9a-f]{6}(?![0-9a-z])"),
            # "2023年", "2023-11-13", "11月13日", and a year of the Republic of China as Taiwan prints it
            # ("民國111年" is 2022)
            (
                "date",
                r"\d{4}\s?(?:年|[-/]\d{1,2}(?:[-/]\d{1,2})?(?!\d))|\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?"
                r"|民国\s?\d{2,3}\s?年",
            ),
            (
                "variant",
                (NAME_START + "(?:" + trie_pattern(variants, sep) + r")(?![a-z0-9])") if variants else "(?!)",
            ),
            (
                "chip",
                NAME_START + "(?:" + trie_pattern(chip_names, sep) + ")" + NAME_END + _NOT_CACHE,
            ),
            # a model of a series the catalogue holds that it does not know ("Ascend 10C", "MLU690",
            # "昇腾920"): a chip of its own, never its series' neighbour nor a bare number
            (
                "series_chip",
                rf"(?<![a-z0-9])(?:{_SERIES})\s?\d{{2,4}}(?:(?=ai(?![a-z]))|[a-z]{{0,2}}\d?){NAME_END}",
            ),
            ("other_chip", "(?:" + bounded(self.other_chips, sep, NAME_END) + ")" + _NOT_CACHE),
            # a model code shaped as NVIDIA's are that neither the catalogue nor the lexicon holds
            # ("B300", "H300", "L30"): a chip of its own, so that its figures are never pinned on a
            # neighbour, and never the number it ends with ("H264" and "H265" are video codecs). A die's
            # code ("GH100", "GB100") names the silicon several products share, not one of them.
            ("model_code", rf"{NAME_START}[abhlv](?!26[456])\d{{2,3}}[a-z]?{NAME_END}{_NOT_CACHE}"),
            (
                "numbered_card",
                r"(?<![\w.,])(?:" + _alternation(self.numbered_cards) + r")(?:\s?ti)?"
                r"(?=\s?(?:[(（:：]|显卡|ti(?![a-z])))",
            ),
            # "SXM版为3.35TB/s", "the PCIe version": a SKU of the family named before, by its form factor
            ("form_word", r"(?<![a-z0-9])(sxm\d?|pcie|nvl)\s?(?:版本?|version|variant|model|card)(?![a-z])"),
            (
                "name",
                r"(?<![a-z0-9])(?:hbm\d[a-z]?(?:/\d[a-z]?){1,3}|g?ddr\d[a-z]?x?(?:/\d[a-z]?x?){1,3}"
                r"|hbm\s?\d?e?|hbm\d[a-z]?|g?ddr\d[a-z]?x?|lpddr\d[a-z]?x?"
                rf"|{PCIE}(?:\s?(?:gen\s?\d|\d\.\d|\d))?(?:\s?x\s?\d{{1,2}})?|nvlink\s?(?:c2c|\d(?:\.\d|st|nd|rd|th)?)?"
                r"|mtlink(?:\s?\d(?:\.\d)?)?|blink|metaxlink|gen\s?\d|x\d{1,2}|cuda\s?\d+(?:\.\d+)?"
                r"|v\d+(?:\.\d+)+|\d+(?:\.\d+)?(?:\s?(?:nm|纳米)|[\s-]nanomet(?:er|re)s?)|n\d|\dn|\d+(?:\.\d+)?\s?[bm](?!\s?-?transistor)(?:\s?(?:参数|parameters|params))?"
                r"|gpt-?\d(?:\.\d)?|llama\s?\d?|p2p)(?![a-z0-9])",  # P2P: peer to peer, never 2 PFLOPS
            ),
            # "96 simultaneous 1080p streams", "720P直播": a video resolution, never 1080 PFLOPS ("算力1080P")
            ("resolution", rf"(?<![\d.,])(?:480|576|720|1080|1440|2160|4320)[pi](?:\s?\d{{2,3}})?(?={_VIDEO})"),
            # "two compute dies", "8 HBM2e stacks", "eight high-bandwidth memory chips", "dual-chiplet",
            # "两个计算芯粒", "8颗HBM3": a count of a package's parts, before the words ("two dies" is
            # also a word saying several) and the numbers take it apart
            (
                "part_count",
                rf"(?<![a-z0-9.,])(?:{part_number}[\s-]?(?:[个颗片枚块]\s?)?{_PART_ADJECTIVES}"
                rf"(?:({_MEMORY_PART})\s?(?:chips|stacks?|堆栈|颗粒)|({_DIE_PART})|(stacks?|堆栈))"
                rf"|{part_number}\s?[个颗片枚块]\s?({_MEMORY_PART}))(?![a-z])",
            ),
            # 七分之一 (a seventh), 百分之九十 (90%), before the numerals of the lexicon take them apart
            ("fraction", rf"({_CJK_NUMBER}|\d+)\s?分之\s?({_CJK_NUMBER}|\d+)"),
            # "仅为 H200 的 1/34", "1/3 of the A100's": a fraction after 的/为/是, or before "of"/"the"
            (
                "slash_fraction",
                r"(?:(?<=[的为是到至])|(?<=[的为是到至]\s)|(?<![\d/.,])(?=\d/\d{1,3}\s(?:of|the)\s))"
                r"(\d)\s?/\s?(\d{1,3})(?![\d/]|[.,]\d)",  # "1/3," ends the fraction; "1/3,000" is no fraction
            ),
            # "将两个910B处理器组合", "两颗芯片": a Chinese numeral and its counter, before the words take
            # the numeral alone (千卡, 八卡 stay the words that count a cluster's cards)
            ("cjk_count", rf"({_CJK_NUMBER})\s?([个颗片枚块张台])"),
            # "比A100高23%", "快2倍", "低30%": a one-character comparative right before a number is a
            # change; alone ("高性能", "最大") it is part of other words, and no word of its own
            ("change_char", rf"[{_CHANGE_UP}{_CHANGE_DOWN}](?=\s?(?:约|近)?\s?\d)"),
            # "FP6434 TFLOPS", "Tensor FP16312 TFLOPS": a precision run into the figure after it, as
            # tables copied without their cell breaks print it; the word, then the number alone
            ("glued_precision", rf"(?<![a-z0-9])(?:{_GLUED_PRECISIONS})(?=\d)"),
            ("word", bounded(self.words)),
            (
                "money",
                rf"(?:(?<![a-z0-9])us)?[$¥￥]\s?{NUMBER}(?:\s?(?:million|billion|亿|万|k|m|b))?"
                rf"|{NUMBER}\s?(?:亿美元|万美元|亿元|万元|美元|元|亿人民币)",
            ),
            ("area", rf"({NUMBER})\s?(?:mm|毫米)?\s?[x×*]\s?({NUMBER})\s?(?:mm|毫米)(?![a-z0-9²])"),
            # "无需动用80GB版本": a SKU named by its memory size, no figure of a chip
            ("sku_size", rf"{NUMBER}\s?gb\s?(?:的\s?)?版(?:本)?"),
            # "119,5 TFLOPS": a decimal comma (one digit after it cannot be a thousands separator),
            # unless the number is one of a list ("1,2,4,8 GB")
            (
                "quantity",
                rf"((?<![\d,])\d+,\d(?![\d,])|{NUMBER})(?:\+(?=\s?[a-z]))?\s?(亿|万)?\s?({_alternation(units)})",
            ),
            (
                "skip_after",
                rf"{NUMBER}\s?(?:{'|'.join(re.escape(w) for w in sorted(non_claim_after, key=len, reverse=True))})"
                r"(?![a-z])",
            ),
            # "2,8 times": a decimal comma (one digit after it cannot be a thousands separator)
            ("ratio", rf"(\d+,\d(?!\d)|{NUMBER})\s?({_alternation(ratio_units)})"),
            ("cjk_ratio", rf"({_CJK_NUMBER})\s?倍"),
            ("count", rf"({NUMBER}|{_CJK_NUMBER})\s?({_alternation(counters)})"),
            ("number", NUMBER),
            ("unit", bounded(rate_units)),
            ("clause", r"[，,；;]"),
            ("pipe", r"\|"),
            # "| TDP (W) | 250 | 300 |", "显存带宽 (GBps)": a unit in parentheses, as a table's label
            # cell gives it to the bare numbers of the row
            ("label_unit", rf"[(（]\s?({_alternation(label_units)})\s?[)）]"),
            ("open", r"[(（\[]"),
            ("close", r"[)）\]]"),
            ("star", r"\*"),
        ]
        self.rules = rules
        self.pattern = regexcache.compile(_alternatives(rules))
        # The groups of a rule come just before the empty group that names it: the index before its first.
        self._groups_before = {n: self.pattern.groupindex[n] - _groups(p) - 1 for n, p in rules}
        self._numerals = self.lexicon.table("numerals")
        self._roles = {word: dict(pairs) for word, pairs in self.words.items()}
        self._ratio_units = ratio_units
        self._counters = counters

    def tokenize(self, original: str, folded: str) -> list[Token]:
        tokens: list[Token] = []
        append = tokens.append
        source = original if len(original) == len(folded) else folded
        make, roles, plain = self._token, self._roles, _PLAIN
        word_kind, number_kind = Kind.WORD, Kind.NUMBER
        for match in self.pattern.finditer(folded):
            start, end = match.span()
            name = match.lastgroup or ""
            # The commonest kinds are made here, without a call. A word's roles are shared, as no
            # token's roles change once made.
            if name == "word":
                word = match.group()
                append(Token(word_kind, start, end, source[start:end], word, roles.get(word) or {}))
            elif (kind := plain.get(name)) is not None:
                append(Token(kind, start, end, source[start:end], match.group()))
            elif name == "number":
                append(Token(number_kind, start, end, source[start:end], _number(match.group())))
            elif (token := make(name, match, start, end, source[start:end])) is not None:
                append(token)
        return tokens

    def _token(self, name: str, match: re.Match[str], start: int, end: int, text: str) -> Token | None:
        word = match.group(0)
        kind = _PLAIN.get(name)
        if kind is not None:
            return Token(kind, start, end, text, word)
        if name == "chip":
            chip_id = self.chip_names.get(_fold_name(word))
            if not chip_id:
                return None
            if _DRIVING_LEVEL.match(match.string, start):
                return None  # "L4级自动驾驶", "L2 autonomy": a level of driving automation, not NVIDIA's card
            named = self._vendor_before(match.string, start)
            if named is not None and named[1] != self.chip_vendors.get(chip_id, named[1]):
                brand = named[0].title() if named[0].isascii() else named[0]
                return Token(Kind.OTHER_CHIP, start, end, text, f"{brand} {text.strip()}")
            return Token(Kind.CHIP, start, end, text, chip_id)
        if name == "variant":
            return Token(Kind.OTHER_CHIP, start, end, text, text)
        if name == "numbered_card":
            card = self.numbered_cards.get(word[:4], word)
            return Token(Kind.OTHER_CHIP, start, end, text, card + (" Ti" if len(word.strip()) > 4 else ""))
        if name == "series_chip":
            key = _fold_name(word)
            # "昆仑芯R200": a model the catalogue holds, named with its series, is that chip
            known = self.chip_names.get(key) or self.chip_names.get(_SERIES_PREFIX.sub("", key))
            if known:
                return Token(Kind.CHIP, start, end, text, known)
            return Token(Kind.OTHER_CHIP, start, end, text, self.other_chips.get(key) or " ".join(text.split()))
        if name == "other_chip":
            other = self.other_chips.get(_fold_name(word)) or word.upper()
            return Token(Kind.OTHER_CHIP, start, end, text, other)
        if name == "model_code":
            return Token(Kind.OTHER_CHIP, start, end, text, word.upper())
        if name == "name":
            return Token(Kind.NAME, start, end, text, word)
        if name == "change_char":
            return Token(Kind.WORD, start, end, text, word, {"changes": "up" if word in _CHANGE_UP else "down"})
        if name in ("url", "html", "hex", "date", "money", "skip_after", "resolution", "sku_size"):
            return Token(Kind.SKIP, start, end, text, name)
        if name == "area":
            base = self._groups_before["area"]
            first, second = _number(match.group(base + 1)), _number(match.group(base + 2))
            return Token(Kind.QUANTITY, start, end, text, Quantity(first * second, Dimension.AREA, word))
        if name == "quantity":
            base = self._groups_before["quantity"]
            number_text = match.group(base + 1)
            number = _number(number_text)
            magnitude = {"亿": 1e8, "万": 1e4, None: 1.0}[match.group(base + 2)]
            dimension, scale = self.units[match.group(base + 3)]
            if magnitude != 1.0 and dimension not in ("count", "cores"):
                return None  # "3亿GB" is not a spec figure anyone writes
            if dimension == "bandwidth" and re.search(r"[tgTG]b(?:/|ps)", text):
                dimension, scale = "bandwidth_bits", scale / 8  # "4.0Tb/s" is terabits, an eighth of TB/s
            elif dimension == "bandwidth_bits" and re.search(r"[kKmMgGtTpP]Bps", text):
                dimension, scale = "bandwidth", scale * 8  # "300 GBps" is gigabytes, as "300 Gbps" is gigabits
            return Token(
                Kind.QUANTITY, start, end, text, Quantity(number * magnitude * scale, Dimension(dimension), number_text)
            )
        if name == "ratio":
            base = self._groups_before["ratio"]
            number_text = match.group(base + 1)
            unit = self._ratio_units[match.group(base + 2)]
            number = _number(number_text)
            value = number / 100 if unit == "percent" else number / 10 if unit == "tenths" else number
            return Token(Kind.RATIO, start, end, text, Ratio(value, unit))
        if name == "glued_precision":
            return Token(Kind.WORD, start, end, text, word, self._roles.get(word) or {})
        if name == "part_count":
            base = self._groups_before["part_count"]
            groups = [match.group(base + k) for k in range(1, 7)]
            raw = groups[0] if groups[0] is not None else groups[4]
            count = int(raw) if raw.isdigit() else self.number_words.get(raw) or self._cjk(raw)
            if not count:
                return None
            if groups[2] is None:
                return Token(Kind.COUNT, start, end, text, count, {"counter": "memory_stack"})
            # a figure beside "two compute dies" is theirs together, as beside "dies"; beside "one die", one die's
            scope = "total" if count > 1 else "single_chip"
            return Token(Kind.COUNT, start, end, text, count, {"counter": "die", "scope": scope})
        if name == "fraction":
            if word in self.words:  # 三分之一 is a lexicon word: keep it one
                return Token(Kind.WORD, start, end, text, word, self._roles[word])
            base = self._groups_before["fraction"]
            below, above = (self._cjk_or_digits(match.group(base + k)) for k in (1, 2))
            if not below or not above:
                return None
            return Token(Kind.RATIO, start, end, text, Ratio(above / below, "percent" if below == 100 else "times"))
        if name == "slash_fraction":
            base = self._groups_before["slash_fraction"]
            above, below = int(match.group(base + 1)), int(match.group(base + 2))
            if not 0 < above < below:
                return None
            return Token(Kind.RATIO, start, end, text, Ratio(above / below, "times"))
        if name == "cjk_ratio":
            value = self._cjk(match.group(self._groups_before["cjk_ratio"] + 1))
            return Token(Kind.RATIO, start, end, text, Ratio(float(value), "times")) if value else None
        if name == "cjk_count":
            base = self._groups_before["cjk_count"]
            count = self._cjk(match.group(base + 1))
            counter = self._counters.get(match.group(base + 2), "item")
            return Token(Kind.COUNT, start, end, text, count, {"counter": counter}) if count else None
        if name == "count":
            base = self._groups_before["count"]
            raw = match.group(base + 1)
            count = int(_number(raw)) if raw[0].isdigit() else self._cjk(raw)
            return Token(Kind.COUNT, start, end, text, count, {"counter": self._counters[match.group(base + 2)]})
        if name == "number":
            return Token(Kind.NUMBER, start, end, text, _number(word))
        if name == "unit":
            return Token(Kind.UNIT, start, end, text, self.units[word])
        if name == "form_word":
            form = match.group(self._groups_before["form_word"] + 1)
            return Token(Kind.WORD, start, end, text, word, {"form": form})
        if name == "label_unit":
            dimension, scale = self.units[match.group(self._groups_before["label_unit"] + 1)]
            if dimension == "bandwidth_bits" and re.search(r"[kKmMgGtTpP]Bps", text):
                dimension, scale = "bandwidth", scale * 8  # "(GBps)" is gigabytes, as "(Gbps)" is gigabits
            return Token(Kind.UNIT, start, end, text, (dimension, scale))
        raise AssertionError(f"no token for rule {name!r}")

    def _vendor_before(self, folded: str, start: int) -> tuple[str, str] | None:
        """The vendor's name (or brand) that stands right before ``start`` in folded text, and the
        vendor it names, or None: "tesla t20", "英伟达 t20"."""
        names = vendor_prefixes()  # longest first
        before = folded[max(0, start - len(names[0][0]) - 1) : start].rstrip()
        for name, vendor in names:
            if before.endswith(name) and not (
                name[0].isascii() and before[: -len(name)][-1:].isascii() and before[: -len(name)][-1:].isalnum()
            ):
                return name, vendor
        return None

    def _cjk_or_digits(self, text: str) -> int:
        return int(text) if text.isdigit() else self._cjk(text)

    def _cjk(self, text: str) -> int:
        """A Chinese numeral of up to four characters: 八, 十六, 两千, 一万."""
        total, current = 0, 0
        for char in text:
            value = self._numerals.get(char)
            if value is None:
                return 0
            if value >= 10:
                total += max(current, 1) * value
                current = 0
            else:
                current = value
        return total + current


# A level of driving automation ("L4级自动驾驶芯片", "L2+级辅助驾驶", "L4 autonomous trucks"), which
# reads like NVIDIA's L2 and L4 cards
_DRIVING_LEVEL = regexcache.compile(r"l[0-5]\+?\s?(?:级|autonom|self-driv|driv|自动|辅助|智驾)")
# What follows a video resolution ("1080p streams", "1080p60视频", "720P直播"): video, not a figure
_VIDEO = (
    r"\s?(?:fps|帧)?\s?"
    r"(?:streams?|video|displays?|hdr|hevc|h\.?26[45]|av1|@|[/,，、]|视频|直播|分辨率|解码|编码|路|画面|显示)"
)
# Rules whose token is the text itself, with the kind of the same name.
_PLAIN = {name: Kind(name) for name in ("clause", "pipe", "open", "close", "star")}
# The units a table's label cell may give in parentheses: not a bare magnitude ("(T)") nor a length
_LABEL_DIMENSIONS = frozenset(
    {"flop_rate", "op_rate", "power", "information", "cache", "bandwidth", "bandwidth_bits", "frequency", "area"}
)
# Series whose models are named by a number: a model the catalogue lacks is still a chip
_SERIES = r"ascend|昇腾|mlu|思[元源]|instinct(?:\s?mi)?|天垓|智铠|曦云\s?c|曦思\s?n|mtt\s?s|昆仑芯?\s?[rp]"
_SERIES_PREFIX = regexcache.compile(r"^(?:昆仑芯?|昇腾|思[元源]|instinct|天垓|智铠)")
_CHANGE_UP, _CHANGE_DOWN = "高快多大强", "低慢少小弱"
_GLUED_PRECISIONS = "fp64|fp32|fp16|fp8|bf16|tf32|int8|int4"
# The parts of a package a count can be of: compute dies, and memory stacks (an HBM "chip" is a stack).
_PART_ADJECTIVES = r"(?:(?:identical|compute|silicon|logic|gpu|active|计算|先进的|相同的)\s?){0,2}"
# "集成了13个先进的计算芯片": a compute chip counted inside a package is a die; "芯片" alone is not
# ("8个芯片" are a server's chips)
_DIE_PART = r"dies|die|chiplets?|tiles|芯粒|裸片|计算芯片"
_MEMORY_PART = r"(?:hbm\d?e?|high[\s-]bandwidth memory|memory|显存|内存)(?:\s?memory)?"  # "four HBM3 memory stacks"


def _alternatives(rules: list[tuple[str, str]]) -> str:
    """The rules as one pattern, tried in order at each place ``_starts`` allows; the name of the
    rule that matched is ``match.lastgroup``.

    Each rule's name is an empty group at its end, not a group around it: the engine enters a
    rule that begins with a character or a class only where that character is, but one that
    begins with a group at every place. A rule that begins with anything else (a look-behind,
    an alternation) is preceded by a test of its first characters, for the same reason.
    """
    return _starts(rules) + "(?:" + "|".join(f"{_first_char_test(p)}(?:{p})(?P<{n}>)" for n, p in rules) + ")"


def _first_char_test(pattern: str) -> str:
    """A look-ahead for the characters ``pattern`` can start with, or nothing where the pattern
    begins with a character or a class (the engine tests that as fast) or they are not known."""
    first, _, plain_start = _shape(pattern)
    if first is None or plain_start is None:
        return ""
    return "" if plain_start else f"(?=[{''.join(first)}])"


def _groups(pattern: str) -> int:
    """How many groups ``pattern`` has."""
    return int(_shape(pattern)[1])


@lru_cache(maxsize=64)
def _shape(pattern: str) -> tuple[list[str] | None, int, bool | None]:
    """(first characters, number of groups, whether it starts with a character or a class), from
    the engine's parse of the pattern, kept between runs: parsing the tries of every chip name
    costs a tenth of a second at each start."""

    def compute() -> list[Any]:
        parsed = _parse(pattern)
        if parsed is None:
            return [None, re.compile(pattern).groups, None]
        from re import _constants  # type: ignore[attr-defined]

        plain = bool(parsed.data) and parsed[0][0] in (_constants.LITERAL, _constants.IN)
        return [_first_chars(pattern), parsed.state.groups - 1, plain]

    def valid(value: Any) -> bool:
        return (
            isinstance(value, list)
            and len(value) == 3
            and (value[0] is None or (isinstance(value[0], list) and all(isinstance(p, str) for p in value[0])))
            and isinstance(value[1], int)
            and (value[2] is None or isinstance(value[2], bool))
        )

    first, groups, plain = regexcache.remember("shape", pattern, compute, valid)
    return first, groups, plain


@lru_cache(maxsize=64)
def _parse(pattern: str) -> Any:
    """The engine's parse of ``pattern``, read for its first characters and its groups; None where
    the engine's parser is not where Python 3.11 to 3.13 keep it, or rejects the pattern."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _parser.parse(pattern)
    except Exception:  # pragma: no cover - another layout of the re package, or a pattern it rejects
        return None


def _starts(rules: list[tuple[str, str]]) -> str:
    """A test, before the rules, of the places a token can start, so that the engine tries the
    rules only there: a character some rule can start with, and not a letter inside a word (no
    rule starts inside one but a chip's name after a count of cards, "8xA100"; each rule that
    starts with a letter says so with a look-behind).

    Without it the engine enters every rule at every character. Empty where a rule's first
    characters cannot be worked out (the pattern then runs as it is, only slower).
    """
    classes = [_shape(pattern)[0] for _name, pattern in rules]
    if any(c is None for c in classes):
        return ""
    union = "".join(dict.fromkeys(part for c in classes if c for part in c))
    return f"(?=[{union}])(?:(?<![a-z0-9])|(?![a-z])|(?<=\\dx))"  # (?<=\dx): see NAME_START


def _first_chars(pattern: str) -> list[str] | None:
    """The characters a match of ``pattern`` can start with, as parts of a character class, or
    None when the pattern can match the empty string or starts with something this does not read."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    from re import _constants as c  # type: ignore[attr-defined]

    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))

    def first(items: Any) -> tuple[list[str], bool] | None:  # (parts, can the sequence match empty)
        parts: list[str] = []
        for op, av in items:
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                continue  # zero width
            if op is c.LITERAL:
                return [*parts, re.escape(chr(av))], False
            if op is c.IN:
                for item_op, item in av:
                    if item_op is c.LITERAL:
                        parts.append(re.escape(chr(item)))
                    elif item_op is c.RANGE:
                        parts.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
                    elif item_op is c.CATEGORY and item in categories:
                        parts.append(categories[item])
                    else:
                        return None  # a negated set, or a category not read here
                return parts, False
            if op is c.BRANCH or op is c.SUBPATTERN or op in repeats:
                branches = av[1] if op is c.BRANCH else [av[-1]]
                empty = op in repeats and av[0] == 0
                for branch in branches:
                    found = first(list(branch))
                    if found is None:
                        return None
                    parts += found[0]
                    empty = empty or found[1]
                if not empty:
                    return parts, False
                continue
            return None
        return parts, True

    found = first(list(parsed))
    return None if found is None or found[1] else found[0]


def _alternation(words: Iterable[str]) -> str:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        if word[-1].isascii() and word[-1].isalpha():
            escaped += r"(?![a-z])"
        parts.append(escaped)
    return "|".join(parts)


_DECIMAL_COMMA = regexcache.compile(r"\d+,\d")


def _number(text: str) -> float:
    """A number as written: "1,979" is 1979; "119,5" (one digit after the comma, which cannot be
    a thousands separator) is 119.5."""
    return float(text.replace(",", "." if _DECIMAL_COMMA.fullmatch(text) else ""))


_NAME_DROP = str.maketrans("", "", " \t-_·.")


def _fold_name(text: str) -> str:
    return text.translate(_NAME_DROP)

"""Named rules that read claims from a tokenized sentence, each with the sentences it exists for.

Like Duckling's rules, every rule carries example sentences (published forms, or
forms seen in print); ``tests/test_rules.py`` reads each example with its rule.
A new sentence form is a new rule with its examples, not a branch in a long
function. Rules run in the order of :data:`RULES`; a quantity read by one rule is
not read again by a later one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from specbench import regexcache
from specbench.claims.reading import SPLIT_CHANGES, WINDOW, Claim, Mention, Sentence
from specbench.claims.tokens import NUMBER, Kind, Quantity, Ratio, Token
from specbench.claims.vocabulary import METRICS, NODE_NAME, NODE_NM, PCIE_GENERATION, Dimension


@dataclass(frozen=True)
class Rule:
    name: str
    read: Callable[[Sentence, list[Claim]], list[Claim]]
    examples: tuple[str, ...]


RULES: list[Rule] = []


def rule(*examples: str) -> Callable[[Callable[[Sentence, list[Claim]], list[Claim]]], Callable[..., list[Claim]]]:
    def register(function: Callable[[Sentence, list[Claim]], list[Claim]]) -> Callable[..., list[Claim]]:
        RULES.append(Rule(function.__name__, function, examples))
        return function

    return register


def apply(sentence: Sentence) -> list[Claim]:
    claims: list[Claim] = []
    for each in RULES:
        claims = each.read(sentence, claims)
    return claims


# ---- token clean-up before the rules ------------------------------------------------------


def _scale(quantity: Token) -> float:
    """Catalogue units per written unit of a quantity token ('1248 TOPS' -> 1.0, '2 PFLOPS' -> 1000)."""
    try:
        written = float(quantity.value.number_text.replace(",", "") or 0)
    except ValueError:  # "57.5毫米 x 57.5毫米": an area's text is its two sides, not one number
        return 1.0
    return quantity.value.value / written if written else 1.0


def _joined_precisions(tokens: list[Token], first: int, folded: str) -> list[Token]:
    """The precision words from ``first`` on, one, or several joined by "/" ("BF16/FP16")."""
    words: list[Token] = []
    for token in tokens[first:]:
        if not (token.kind is Kind.WORD and token.has("precisions")):
            break
        if words and (not folded or folded[words[-1].end : token.start].strip() != "/"):
            break
        words.append(token)
    return words


def _glued_counts(tokens: list[Token], folded: str) -> list[Token]:
    """ "8xA100 40GB", "16xV100": a count of cards glued to a chip's name is the "8x" of "8x A100",
    not a bare number beside the chip."""
    out = tokens
    for k in range(len(tokens) - 1):
        number, chip = tokens[k], tokens[k + 1]
        if (
            number.kind is Kind.NUMBER
            and chip.kind in (Kind.CHIP, Kind.OTHER_CHIP)
            and chip.start == number.end + 1
            and folded[number.end] == "x"
            and float(number.value).is_integer()
        ):
            if out is tokens:
                out = list(tokens)
            out[k] = Token(Kind.RATIO, number.start, chip.start, number.text + "x", Ratio(float(number.value), "times"))
    return out


def _ratio_ranges(tokens: list[Token], folded: str) -> list[Token]:
    """ "A100的6-13倍", "2.4 to 2.8 times faster", "2~3倍", "1/6到1/15", "20%-30%": a bare number or a
    ratio joined to a ratio as its other end makes one ratio, a range; its ``range`` role is the
    text of the range. The rules read it as the range's second end, with the doubt that the text
    states a range."""
    if not any(t.kind is Kind.RATIO for t in tokens):
        return tokens
    out: list[Token] = []
    for token in tokens:
        if token.kind is Kind.RATIO and token.value.kind in ("times", "percent") and out:
            back = 2 if len(out) > 1 and out[-1].kind is Kind.WORD and out[-2].kind is Kind.NUMBER else 1
            low = out[-back]
            # the written number of the higher end: "20–30%" is 20 to 30, not to 0.3
            high = token.value.value * (100 if token.value.kind == "percent" else 1)
            if (
                (low.kind is Kind.NUMBER and 0 < float(low.value) < high)
                or (low.kind is Kind.RATIO and low.value.kind == token.value.kind and back == 1)
            ) and _RANGE_JOIN.fullmatch(folded, low.end, token.start):
                del out[-back:]
                text = low.text + folded[low.end : token.start] + token.text
                out.append(Token(Kind.RATIO, low.start, token.end, text, token.value, {"range": text}))
                continue
        out.append(token)
    return out


# "800亿", "54.2 billion" right after a number: its magnitude, when nothing says money or parameters
_COUNT_MAGNITUDE = regexcache.compile(r"\s?(亿|billion)(?!\s?(?:元|美元|人民币|参数|parameters|params|dollars|yuan))")
_MAGNITUDES = {"亿": 1e8, "billion": 1e9}
_SKIPPED_COUNT = regexcache.compile(rf"({NUMBER})\s?(?:亿|billion)")


def _transistor_counts(tokens: list[Token], folded: str) -> list[Token]:
    """ "H100晶体管数量跃升至800亿", "a transistor count of 80 billion": a number with its magnitude
    after the word for transistors, in the same clause, is the count."""
    if not any(t.kind is Kind.WORD and t.role("metrics") == "transistors" for t in tokens):
        return tokens
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if token.kind is Kind.NUMBER:
            number, magnitude = token.text, _COUNT_MAGNITUDE.match(folded, token.end)
        elif token.kind is Kind.SKIP and (held := _SKIPPED_COUNT.fullmatch(folded, token.start, token.end)):
            number, magnitude = held.group(1), _COUNT_MAGNITUDE.match(folded, held.end(1))  # "54.2 billion"
        else:
            magnitude = None
        if magnitude is not None:
            before = tokens[max(0, i - 5) : i]
            named = [j for j, t in enumerate(before) if t.kind is Kind.WORD and t.role("metrics") == "transistors"]
            if named and not any(t.kind is Kind.CLAUSE for t in before[named[-1] :]):
                value = float(number.replace(",", "")) * _MAGNITUDES[magnitude.group(1)]
                end = magnitude.end()
                count = Quantity(value, Dimension.COUNT, number)
                out.append(Token(Kind.QUANTITY, token.start, end, folded[token.start : end], count))
                continue
        out.append(token)
    return out


def _per_second(tokens: list[Token]) -> list[Token]:
    """ "每秒3.2TB", "3.2TB每秒": an amount of data per second is a bandwidth, 3.2 TB/s."""
    marks = [i for i, t in enumerate(tokens) if t.kind is Kind.WORD and t.has("per_second")]
    if not marks:
        return tokens
    tokens = list(tokens)
    for mark in marks:
        for i in (mark + 1, mark - 1):
            if not 0 <= i < len(tokens):
                continue
            token = tokens[i]
            if token.kind is Kind.QUANTITY and token.value.dimension is Dimension.INFORMATION:
                quantity = Quantity(token.value.value, Dimension.BANDWIDTH, token.value.number_text)
                tokens[i] = Token(Kind.QUANTITY, token.start, token.end, token.text, quantity, token.roles)
                break
    return tokens


def merge_tokens(tokens: list[Token], folded: str = "") -> list[Token]:
    """Join what the tokenizer leaves apart: '128 FP32 TFLOPS' is one quantity of FP32.

    A star right after a figure ('624 TFLOPS*') is NVIDIA's mark for a 2:4 sparse figure.
    ``folded`` is the text the tokens were read from, for what lies between them.
    """
    tokens = _per_second(tokens)
    if folded:
        tokens = _transistor_counts(_ratio_ranges(_glued_counts(tokens, folded), folded), folded)
    kinds = {token.kind for token in tokens}
    if not kinds & {Kind.UNIT, Kind.STAR, Kind.NAME} and not {Kind.QUANTITY, Kind.OPEN} <= kinds:
        # No join below can start (each needs a unit standing alone, a star, a node's name or a
        # figure before a parenthesis): only dense/sparse pairs are left to find.
        return _dense_sparse_pairs(tokens) if Kind.NUMBER in kinds and Kind.QUANTITY in kinds else tokens
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        words = _joined_precisions(tokens, i + 1, folded) if token.kind is Kind.NUMBER else []
        if words and i + 1 + len(words) < len(tokens) and tokens[i + 1 + len(words)].kind is Kind.UNIT:
            # "128 FP32 TFLOPS", "624 BF16/FP16 TFLOPS": the precision words between number and unit
            unit = tokens[i + 1 + len(words)]
            dimension, scale = unit.value
            quantity = Quantity(float(token.value) * scale, Dimension(dimension), token.text)
            precision: Any = words[0] if len(words) == 1 else tuple(words)
            merged.append(Token(Kind.QUANTITY, token.start, unit.end, token.text, quantity, {"precision": precision}))
            i += 2 + len(words)
            continue
        if token.kind is Kind.WORD and token.role("scope") == "node" and merged and _is_node(merged[-1]):
            merged.append(Token(Kind.WORD, token.start, token.end, token.text, token.value, {"features": "process"}))
            i += 1  # "the 12nm node", "TSMC's 7 nm node": a process node, not a server's
            continue
        if token.kind is Kind.QUANTITY and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.OPEN:
            merged.append(token)
            merged.extend(_restatement(token, tokens[i + 1 : i + 1 + RESTATEMENT]))
            i += 1 + min(RESTATEMENT, len(tokens) - i - 1)
            continue
        if token.kind is Kind.QUANTITY and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.STAR:
            if tokens[i + 1].start - token.end <= 1:
                merged.append(Token(token.kind, token.start, token.end, token.text, token.value, {"star": True}))
                i += 2
                continue
        merged.append(token)
        i += 1
    return _dense_sparse_pairs(merged) if Kind.NUMBER in kinds else merged


# "400 GB/s – 1.2 TB/s", "从 400 GB/s 到 1.2 TB/s", "1.9~2.0 TB/s": two figures joined as a range
_RANGE_JOIN = regexcache.compile(r"\s{0,3}(?:[–—~～-]|到|至|to)\s{0,3}", re.IGNORECASE)


_RANGE_ENDS = (Kind.QUANTITY, Kind.NUMBER, Kind.RATIO)


def _range_around(s: Sentence, index: int) -> str | None:
    """The text of the range a figure is one end of, or None. Either end alone is not what the
    text says ("910B 400 GB/s – 1.2 TB/s, 看版本": the bandwidth varies by version)."""
    tokens = s.tokens
    for a, b in ((index - 1, index), (index, index + 1)):
        if a < 0 or b >= len(tokens):
            continue
        if tokens[a].kind in _RANGE_ENDS and tokens[b].kind in _RANGE_ENDS:
            if _RANGE_JOIN.fullmatch(s.text, tokens[a].end, tokens[b].start):
                return s.text[tokens[a].start : tokens[b].end]
    return None


def _enclosing_parenthesis(s: Sentence, index: int) -> tuple[int, int] | None:
    """The tokens of a parenthesis right after a chip's name that holds the figure at ``index``
    ("H100 SXM (3.35 TB/s)"), or None."""
    around = _parenthesis_around(s, index)
    return around if around is not None and _mention_at(s, around[0] - 1) is not None else None


def _parenthesis_around(s: Sentence, index: int) -> tuple[int, int] | None:
    """The opening and closing tokens of the parenthesis, within its clause, that holds token ``index``."""
    start, end = s.clause_range(index)
    opening = next((k for k in range(index - 1, start - 1, -1) if s.tokens[k].kind in (Kind.OPEN, Kind.CLOSE)), None)
    if opening is None or s.tokens[opening].kind is not Kind.OPEN:
        return None
    last = min(end + 1, len(s.tokens))
    closing = next((k for k in range(index + 1, last) if s.tokens[k].kind in (Kind.OPEN, Kind.CLOSE)), None)
    if closing is None or s.tokens[closing].kind is not Kind.CLOSE:
        return None
    return opening, closing


def _chip_parenthesis(s: Sentence, index: int, subject: Mention) -> tuple[int, int] | None:
    """The tokens of a parenthesis that holds the figure at ``index`` and names its chip before it
    ("(H20僅148 TFLOPs)"), or None."""
    around = _parenthesis_around(s, index)
    return around if around is not None and around[0] < subject.index < index else None


def _closed_before(s: Sentence, word: Token, index: int) -> bool:
    """Whether ``word`` sits in a parenthesis with a figure of its own that closes before the token
    at ``index``: "(312 TFLOPS with sparsity)" speaks of 312; "FP16算力(启用稀疏运算)可达312" does not
    hold a figure, and qualifies the one after it."""
    close = next((k for k in range(index - 1, -1, -1) if s.tokens[k].kind in (Kind.OPEN, Kind.CLOSE)), None)
    if close is None or s.tokens[close].kind is Kind.OPEN or s.tokens[close].start < word.start:
        return False
    opening = next((k for k in range(close - 1, -1, -1) if s.tokens[k].kind is Kind.OPEN), None)
    if opening is None or s.tokens[opening].start > word.start:
        return False
    return any(t.kind is Kind.QUANTITY for t in s.tokens[opening + 1 : close])


def _parenthesis_host(s: Sentence, index: int) -> int | None:
    """The figure a parenthesised figure gives another basis of: "312 TFLOPS (624 TFLOPS with
    sparsity)", "624 TOPS（稀疏算力1248 TOPS）". The figure must open the parenthesis within
    three tokens of it."""
    k = _opened_before(s, index)
    return k - 1 if k is not None and k > 0 and s.tokens[k - 1].kind is Kind.QUANTITY else None


def _opened_before(s: Sentence, index: int) -> int | None:
    """The parenthesis token ``index`` opens within three tokens of, with no figure, clause or
    cell between, or None."""
    for k in range(index - 1, max(-1, index - 4), -1):
        kind = s.tokens[k].kind
        if kind is Kind.OPEN:
            return k
        if kind in (Kind.CLOSE, Kind.CLAUSE, Kind.PIPE, Kind.QUANTITY):
            return None
    return None


RESTATEMENT = 6  # tokens of a parenthesis read for a figure that restates the one before it


def _restatement(figure: Token, following: list[Token]) -> list[Token]:
    """The tokens after a figure, with the same number restated in the parenthesis that follows
    it made a non-claim: "256 TFLOPS(每秒 256 万亿次浮点运算)" states one figure, not two.

    Only the parenthesis right after the figure, and only its first few tokens, are looked at.
    """
    out = list(following)
    for k, token in enumerate(out[1:], start=1):
        if token.kind is Kind.CLOSE or token.kind is Kind.OPEN:
            break
        if token.kind in (Kind.QUANTITY, Kind.NUMBER):
            number = token.value.number_text if token.kind is Kind.QUANTITY else token.text
            if _number_value(number) == _number_value(figure.value.number_text):
                out[k] = Token(Kind.SKIP, token.start, token.end, token.text, "restatement")
            break
    return out


def _number_value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _dense_sparse_pairs(tokens: list[Token]) -> list[Token]:
    """'624/1248 INT8 TOPS' is NVIDIA's dense/sparse pair: the second exactly twice the first."""
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        later = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            token.kind is Kind.NUMBER
            and later is not None
            and later.kind is Kind.QUANTITY
            and later.start - token.end == 1
            and float(token.value) > 0
            and abs(later.value.value / (float(token.value) * _scale(later)) - 2) < 0.01
        ):
            dense = Quantity(float(token.value) * _scale(later), later.value.dimension, token.text)
            merged.append(Token(Kind.QUANTITY, token.start, token.end, token.text, dense, dict(later.roles)))
            merged.append(
                Token(later.kind, later.start, later.end, later.text, later.value, {**later.roles, "star": True})
            )
            i += 2
            continue
        merged.append(token)
        i += 1
    return merged


# ---- helpers shared by the rules ----------------------------------------------------------------

_MEMORY_PREFIXES = ("hbm", "gddr", "lpddr", "ddr")


def _is(token: Token | None, role: str) -> bool:
    return token is not None and role in token.roles and token.kind is Kind.WORD


def _mention_at(s: Sentence, index: int) -> Mention | None:
    return s.mention_at.get(index)


def _subject_before(s: Sentence, index: int, exclude: Mention | None = None) -> Mention | None:
    """The chip a figure at ``index`` belongs to: the nearest one named before it that is not a rival."""
    for mention in reversed(s.mentions_before(index)):
        if mention.rival_role or mention.reference:
            continue
        if mention.unnamed:
            return None  # "国产显卡……最高带宽仅672GB/s": the figure is the unnamed chip's
        if exclude is not None and mention.same_chip(exclude):
            continue
        return mention
    subject = s.context.subject
    if subject is not None and (exclude is None or not subject.same_chip(exclude)):
        return replace(subject, index=-1, via=subject.via or "context")
    return None


def _unnamed_owner(s: Sentence, index: int) -> Mention | None:
    """An unnamed chip a spec figure belongs to, so that the figure is reported as uncheckable
    rather than dropped or pinned on a chip named earlier.

    "国产最强的AI芯片性能也不过为512Tflops": the nearest chip before the figure, in its sentence,
    is one the text does not name. Only throughput, bandwidth and memory figures count: "国产
    芯片市场规模" numbers are money and never reach here.
    """
    if s.tokens[index].value.dimension not in _UNNAMED_DIMENSIONS:
        return None
    return _unnamed_before(s, index)


def _unnamed_before(s: Sentence, index: int) -> Mention | None:
    """The unnamed chip that is the nearest subject before ``index``, if the nearest one is unnamed."""
    for mention in reversed(s.mentions_before(index)):
        if mention.reference or (mention.rival_role and not mention.unnamed):
            continue
        return mention if mention.unnamed and not mention.rival_role else None
    return None


_UNNAMED_DIMENSIONS = frozenset(
    {Dimension.FLOP_RATE, Dimension.OP_RATE, Dimension.RATE, Dimension.BANDWIDTH, Dimension.INFORMATION}
)


def _attached(s: Sentence, index: int) -> Mention | None:
    """A chip the figure is joined to: "H100的8.0TB/s", "H100's 3,350 GB/s", "A100(826平方毫米)",
    or listed after a figure joined to one: "H100's 80GB HBM3 and 3.35 TB/s"."""
    j = index - 1
    while j >= 0 and (s.tokens[j].kind is Kind.OPEN or _is(s.tokens[j], "of") or _is(s.tokens[j], "qualifiers")):
        j -= 1
    mention = _mention_at(s, j) if 0 <= j < index - 1 else None
    if j == index - 1 and j >= 1 and s.tokens[j].kind is Kind.CLAUSE:
        j -= 1  # "the A100, which has 312 TFLOPS"
    if mention is None and j >= index - 2 and (chip := _mention_at(s, j)) is not None:
        # "surpassing NVIDIA's A800 which has 80GB": a relative clause says what the chip has
        between = s.text[s.tokens[j].end : s.tokens[index].start]
        mention = chip if _WHICH_HAS.fullmatch(between) else None
    if mention is None:  # "the 910B's 64GB and ~1,200 GB/s": a qualifier, then the list's "and"
        return _listed_after(s, index)
    return mention if not mention.unnamed else None


_WHICH_HAS = regexcache.compile(
    r"\s*(?:,\s*)?(?:which|that)\s(?:has|have|had|offers|features|provides|delivers)\s(?:only\s|just\s)?\s*",
    re.IGNORECASE,
)


def _listed_after(s: Sentence, index: int) -> Mention | None:
    """The chip of a figure that is the next item of a list begun by a figure joined to it:
    "versus H100's 80GB HBM3 and 3.35 TB/s" (the 3.35 TB/s is the H100's too). Only "and"
    (和, 与) joins the items, and only memory-type names and metric words may stand between."""
    j = index - 1
    if (
        j >= 1
        and s.tokens[j].kind is Kind.QUANTITY
        and _JOINED_FIGURE.fullmatch(s.text, s.tokens[j].end, s.tokens[index].start)
    ):
        return _attached(s, j)  # "versus H200's 141 GB at 4.8 TB/s": the 4.8 TB/s is the H200's too
    while j >= 0 and _is(s.tokens[j], "qualifiers"):
        j -= 1
    if j < 1 or s.tokens[j].role("rival_markers") != "and":
        return None
    j -= 1
    while j >= 0 and (
        (s.tokens[j].kind is Kind.NAME and str(s.tokens[j].value).startswith(_MEMORY_PREFIXES))
        or _is(s.tokens[j], "metrics")
    ):
        j -= 1
    if j < 0 or s.tokens[j].kind is not Kind.QUANTITY or s.clause_of[j] != s.clause_of[index]:
        return None
    return _attached(s, j)


_JOINED_FIGURE = regexcache.compile(r"\s*(?:at|with|@)\s*", re.IGNORECASE)

# "15 billion transistors on the Pascal-based Tesla P100", "80 billion transistors in the H100"
_ON_THE = regexcache.compile(r"\b(?:on|in)\s+(?:the|a|an)\b", re.IGNORECASE)


def _owner_after(s: Sentence, index: int) -> Mention | None:
    """A chip named after the figure as its owner: "21 billion transistors of the Volta-based Tesla V100",
    "15 billion transistors on the Pascal-based Tesla P100", or right after it as its modifier:
    "the 77b-transistor BR100 processor"."""
    _start, end = s.clause_range(index)
    follower = _mention_at(s, index + 1)
    if follower is not None and not follower.rival_role and not follower.unnamed:
        between = s.text[s.tokens[index].end : s.tokens[index + 1].start]
        if between in ("", " ", "-"):
            return follower
    joined = False
    for j in range(index + 1, min(end, index + 6) + 1):
        t = s.tokens[j]
        mention = _mention_at(s, j)
        if mention is not None:
            gap = s.tokens[j].start - s.tokens[index].end
            joined = joined or bool(_ON_THE.search(s.text, s.tokens[index].end, s.tokens[j].start))
            return mention if joined and gap <= 60 and not mention.rival_role else None
        if t.kind is not Kind.WORD or t.has("rival_markers") or t.has("comparatives") or t.has("ratio_words"):
            return None  # "4.8 TB/s – almost double the memory of the H100": the "of" is the ratio's
        joined = joined or (t.role("of") == "of" and t.text.casefold() == "of")
    return None


_TRAILING = regexcache.compile(r"\s*(?:in|at|of|@)?\s*", re.IGNORECASE)


def _trails(s: Sentence, figure: int, word: int) -> bool:
    """Whether a precision word follows a figure as its own ("80 TFLOPS in FP16", "256 PFLOPS@FP16")."""
    return _TRAILING.fullmatch(s.text, s.tokens[figure].end, s.tokens[word].start) is not None


def _inside_parenthesis(s: Sentence, start: int, index: int) -> bool:
    """Whether a parenthesis opened between ``start`` and ``index`` is still open at ``index``."""
    depth = 0
    for j in range(start, index):
        kind = s.tokens[j].kind
        if kind is Kind.OPEN:
            depth += 1
        elif kind is Kind.CLOSE and depth:
            depth -= 1
    return depth > 0


def _precisions_near(s: Sentence, index: int, lower: int) -> list[Token]:
    """Precision words that govern the figure at ``index``.

    The nearest before it in its clause (after ``lower``, with no other figure between), else
    one right after it ('1513 TFLOPS of FP16', '512TFLOPS(BF16)').
    """
    token = s.tokens[index]
    if "precision" in token.roles:
        found = token.roles["precision"]
        return list(found) if isinstance(found, tuple) else [found]
    start, end = s.clause_range(index)
    start = max(start, lower)
    before: list[Token] = []
    for i in range(index - 1, start - 1, -1):
        t = s.tokens[i]
        if t.kind in (Kind.QUANTITY, Kind.RATIO):
            break
        if _is(t, "precisions"):
            k = i - 1
            while k > start and _is(s.tokens[k], "of"):
                k -= 1
            if (
                not before
                and k >= start
                and s.tokens[k].kind is Kind.QUANTITY
                and _trails(s, k, i)
                and not _inside_parenthesis(s, i + 1, index)
            ):
                # "80 TFLOPS in FP16 and 160 TOPS in Int8": FP16 is the earlier figure's, also past a
                # closed parenthesis ("242 TFLOPS in FP16 (with sparsity) and 485 TFLOPS in FP8"); but
                # in "19.5 TFLOPS FP32 (312 TFLOPS with sparsity)" the parenthesis restates it as FP32
                break
            before.insert(0, t)
            # "TF32/TF32+" and "FP16、BF16" are lists; one word otherwise.
            if i > 0 and s.tokens[i - 1].kind is Kind.WORD and s.tokens[i - 1].has("precisions"):
                continue
            break
    if before:
        return before
    for i in range(index + 1, min(end + 1, index + 4)):
        t = s.tokens[i]
        if t.kind in (Kind.OPEN, Kind.CLOSE) or _is(t, "of") or _is(t, "sparsity"):
            continue  # "9 PFLOPS of dense FP4"
        if _is(t, "precisions"):
            return [t]
        break
    return []


def _governing_precisions(s: Sentence, index: int) -> tuple[list[Token], str | None]:
    """Precisions of an earlier clause with no figure of its own ('在FP16精度下，'), else of a heading."""
    clause = s.clause_of[index]
    found: list[Token] = []
    for i in range(max(0, index - WINDOW), index):
        if s.clause_of[i] == clause:
            break
        if _is(s.tokens[i], "precisions"):
            found.append(s.tokens[i])
        if s.tokens[i].kind in (Kind.QUANTITY, Kind.RATIO):
            found = []
    if found:
        return found, None
    if s.context.precision:
        return list(s.context.precision), "the precision is taken from the heading before it"
    return [], None


def _words_in(s: Sentence, start: int, end: int, role: str) -> list[Token]:
    if end < 0:  # a slice to a negative end counts from the last token
        return [t for t in s.tokens[max(start, 0) : end + 1] if t.kind is Kind.WORD and t.has(role)]
    return s.words_with(role, start, end)


def _names_in(s: Sentence, start: int, end: int) -> list[str]:
    return [str(t.value) for t in s.tokens[max(start, 0) : end + 1] if t.kind is Kind.NAME]


_LINK_PREFIXES = ("nvlink", "mtlink", "blink", "metaxlink")


# "80 GB @ 3.35 TB/s", "141GB HBM3e at 4.8TB/s": a bandwidth joined to a memory's size
_MEMORY_AT = regexcache.compile(r"\s*(?:@|at)\s*", re.IGNORECASE)


def _memory_at(s: Sentence, index: int) -> bool:
    """Whether the bandwidth at ``index`` is joined by "@" or "at" to the memory size before it."""
    before = index - 1
    if before >= 0 and s.tokens[before].kind is Kind.NAME and str(s.tokens[before].value).startswith(_MEMORY_TYPES):
        before -= 1
    return (
        before >= 0
        and s.tokens[before].kind is Kind.QUANTITY
        and s.tokens[before].value.dimension is Dimension.INFORMATION
        and _MEMORY_AT.fullmatch(s.text, s.tokens[index - 1].end, s.tokens[index].start) is not None
    )


_MEMORY_TYPES = ("hbm", "gddr", "lpddr", "ddr")


def _bandwidth_metric(s: Sentence, index: int) -> tuple[str, str | None, list[str]]:
    """Memory, chip-to-chip or host bandwidth, from the words of the figure's clause (nearest first)."""
    if _memory_at(s, index):
        return "memory_bandwidth", None, []
    start, end = s.clause_range(index)
    looked: Iterable[int] = range(start, end + 1)
    if Kind.PIPE in s.kinds:  # a table row: its label cell and the figure's own, not the other cells
        cells = _cells(s)
        own = next((cell for cell in cells if index in cell), [])
        looked = [i for i in range(start, end + 1) if i in own or (cells and i in cells[0])]
    opening = _opened_before(s, index)  # "PCIe 4.0(速率16Gb/s)": the link the parenthesis follows
    if opening and (before := s.tokens[opening - 1]).kind is Kind.NAME and str(before.value).startswith("pci"):
        return "host_link", before.text, []
    candidates = _bandwidth_candidates(s, looked, index)
    specific = [c for c in candidates if c[1] != "bandwidth"]
    if specific:
        return specific[0][1], specific[0][2], []
    if Kind.PIPE in s.kinds and (heading := _column_bandwidth(s, index)) is not None:
        return heading[0], heading[1], []  # "| H200 | … | 900 GB/s |" under "| … | NVLink Bandwidth |"
    # A bare "bandwidth": memory if the sentence speaks of memory and of no link; a guess when
    # memory is named only in another clause ("集成96GB HBM2e显存…,支持256GB/s带宽与21个100G RoCE端口":
    # the clause of the figure is about network ports).
    memory, links, chip_links = _sentence_links(s)
    if memory and not links:
        if _names_memory(s, start, end):
            return "memory_bandwidth", None, []
        return "memory_bandwidth", None, ["a bare 'bandwidth' in a clause that names no memory is taken as memory's"]
    word = "bandwidth" if candidates else "a bandwidth with no word for it"
    doubt = [f"{word} is not said to be memory, chip-to-chip or host bandwidth"]
    if not memory and not links and _bandwidth_words(s) == {"interconnect"}:
        # "跨GPU通信带宽低：只有64 GB/s，远低于A100的900 GB/s": a sentence about one kind of bandwidth,
        # named by its word, speaks of it in every clause
        return "interconnect", None, []
    if chip_links and not memory:
        return "interconnect", chip_links[0], doubt  # the sentence is about NVLink / MTLink
    if links and not memory:  # "supports PCI Express Gen 4, offering 31.5 GB/sec": the host link
        host = next(n for n in _names_in(s, 0, len(s.tokens) - 1) if n.startswith("pci"))
        return "host_link", host, doubt
    return "memory_bandwidth", None, doubt


def _bandwidth_candidates(s: Sentence, looked: Iterable[int], index: int) -> list[tuple[int, str, str | None]]:
    """(distance, kind, link) for each token of ``looked`` that says which bandwidth a figure is,
    nearest first: a link's or memory's name, a word naming the bandwidth; a bare "bandwidth" last."""
    candidates: list[tuple[int, str, str | None]] = []
    for i in looked:
        t = s.tokens[i]
        distance = abs(i - index) + (0 if i < index else 0.5)
        if t.kind is Kind.NAME:
            name = str(t.value)
            if name.startswith(_LINK_PREFIXES):
                candidates.append((int(distance * 2), "interconnect", t.text))
            elif name.startswith("pci") or (name.startswith("gen") and _names_pcie(s)):
                # "| PCIe host I/O | Gen5 128 GB/s |": a bare generation in a sentence about PCIe is its
                candidates.append((int(distance * 2), "host_link", t.text))
            elif name.startswith(_MEMORY_PREFIXES):
                candidates.append((int(distance * 2), "memory_bandwidth", None))
        elif t.kind is Kind.WORD and t.has("metrics"):
            metric = t.role("metrics")
            if metric in ("memory_bandwidth", "interconnect", "io_bandwidth", "die_to_die"):
                link = t.text if metric == "interconnect" and t.text.casefold() not in ("互联", "互连") else None
                candidates.append((int(distance * 2) - 2, metric, link))  # a word naming the figure beats a name
            elif metric == "bandwidth":
                candidates.append((int(distance * 2) + 100, "bandwidth", None))
    candidates.sort(key=lambda c: c[0])
    return candidates


def _column_bandwidths(s: Sentence, cells: list[list[int]]) -> tuple[tuple[str, str | None] | None, ...]:
    """The kind of bandwidth a header row names over each column: "| Memory Bandwidth | NVLink
    Bandwidth |", "| 显存带宽 | 互联带宽 |". A column that names none, or a bare "bandwidth", gets none."""
    found: list[tuple[str, str | None] | None] = []
    for cell in cells:
        specific = [c for c in _bandwidth_candidates(s, cell, cell[0] if cell else 0) if c[1] != "bandwidth"]
        found.append((specific[0][1], specific[0][2]) if specific else None)
    return tuple(found) if any(found) else ()


def _column_bandwidth(s: Sentence, index: int) -> tuple[str, str | None] | None:
    headings = s.context.column_bandwidths
    number = next((n for n, cell in enumerate(_cells(s)) if index in cell), None)
    return headings[number] if number is not None and number < len(headings) else None


def _bandwidth_words(s: Sentence) -> set[str]:
    """The kinds of bandwidth the sentence names with a word that says bandwidth ("通信带宽",
    "memory bandwidth"), not a bare "bandwidth" or a link's name."""
    return {
        str(t.role("metrics"))
        for t in s.tokens
        if _is(t, "metrics")
        and t.role("metrics") in ("memory_bandwidth", "interconnect", "io_bandwidth", "die_to_die")
        and ("带宽" in str(t.value) or "bandwidth" in str(t.value))  # the folded word: 帶寬 is 带宽
    }


def _names_pcie(s: Sentence) -> bool:
    if "pcie" not in s.memo:
        s.memo["pcie"] = any(n.startswith("pci") for n in _names_in(s, 0, len(s.tokens) - 1))
    return bool(s.memo["pcie"])


def _names_memory(s: Sentence, start: int, end: int) -> bool:
    """Whether tokens ``start`` to ``end`` name memory: a memory type, a memory metric word or a
    capacity ("over the 910B's 64GB and ~1,200 GB/s")."""
    return any(
        (t.kind is Kind.NAME and str(t.value).startswith(("hbm", "gddr")))
        or (_is(t, "metrics") and t.role("metrics") in ("memory_capacity", "memory_bandwidth"))
        or (t.kind is Kind.QUANTITY and t.value.dimension is Dimension.INFORMATION)
        for t in s.tokens[start : end + 1]
    )


def _sentence_links(s: Sentence) -> tuple[bool, bool, list[str]]:
    """Whether the sentence speaks of memory, of any link, and the chip-to-chip links it names;
    computed once per sentence."""
    if "links" not in s.memo:
        names = _names_in(s, 0, len(s.tokens) - 1)
        metrics = [t.role("metrics") for t in s.tokens if _is(t, "metrics")]
        memory = any(n.startswith(("hbm", "gddr")) for n in names) or any(
            m in ("memory_capacity", "memory_bandwidth") for m in metrics
        )
        links = any(n.startswith((*_LINK_PREFIXES, "pci")) for n in names)
        chip_links = [n for n in names if n.startswith(_LINK_PREFIXES)] + [
            t.text for t in s.tokens if _is(t, "metrics") and t.role("metrics") == "interconnect"
        ]
        s.memo["links"] = (memory, links, chip_links)
    return s.memo["links"]  # type: ignore[no-any-return]


def _metric_for(s: Sentence, index: int) -> tuple[str | None, str | None, list[str]]:
    """The metric of the figure at ``index``, the link it names, and any doubt about it."""
    quantity: Quantity = s.tokens[index].value
    dimension = quantity.dimension
    start, end = s.clause_range(index)
    metrics = [t.role("metrics") for t in _words_in(s, start, end, "metrics")]
    if dimension in (Dimension.FLOP_RATE, Dimension.OP_RATE, Dimension.RATE):
        if not metrics and start >= 2:
            # "H100每瓦特提供38GFLOPS算力,MI300X则为42GFLOPS": a clause that names no metric keeps
            # the per-watt basis of the clause before it
            before = [t.role("metrics") for t in _words_in(s, *s.clause_range(start - 2), "metrics")]
            metrics = ["per_watt"] if "per_watt" in before else metrics
        return ("per_watt" if "per_watt" in metrics else "throughput"), None, []
    if dimension in (Dimension.BANDWIDTH, Dimension.BANDWIDTH_BITS):
        return _bandwidth_metric(s, index)
    if dimension is Dimension.INFORMATION:
        return ("cache" if "cache" in metrics else "memory_capacity"), None, []
    if dimension is Dimension.CACHE:
        return ("cache" if "cache" in metrics or "memory_capacity" not in metrics else "memory_capacity"), None, []
    if dimension is Dimension.AREA:
        return "area", None, []
    if dimension is Dimension.COUNT:
        return "transistors", None, []
    if dimension is Dimension.CORES:
        unit = s.tokens[index].text.casefold()
        return ("tensor_cores" if "tensor" in unit or "张量" in unit or "張量" in unit else "cores"), None, []
    if dimension is Dimension.POWER:
        return "tdp", None, []
    if dimension is Dimension.FREQUENCY:
        return "clock", None, []
    return None, None, []


def _qualifier_for(s: Sentence, index: int) -> str:
    after = s.tokens[index + 1] if index + 1 < len(s.tokens) else None
    if _is(after, "qualifiers_after") and after is not None and after.start - s.tokens[index].end <= 2:
        return str(after.role("qualifiers_after"))
    for i in range(index - 1, max(index - 3, -1), -1):
        t = s.tokens[i]
        if _is(t, "qualifiers"):
            return str(t.role("qualifiers"))
        if _is(t, "changes") or _is(t, "of"):
            continue
        break
    return "equals"


def _scope(s: Sentence, start: int, end: int) -> frozenset[str]:
    scope = {str(t.role("scope")) for t in _words_in(s, start, end, "scope")}
    return frozenset(scope)


def _sentence_scope(s: Sentence) -> frozenset[str]:
    if "scope" not in s.memo:
        s.memo["scope"] = frozenset(str(t.role("scope")) for t in s.words_with("scope"))
    return s.memo["scope"]


def _undefined(s: Sentence, start: int, end: int) -> str | None:
    """What a figure measures if its clause says it is no spec figure ("综合算力", "batch size")."""
    words = _words_in(s, start, end, "undefined")
    if words:
        return f"'{words[0].text}' is {words[0].role('undefined')}"
    # "achieves ~18,752 tokens/second … roughly 74% of H200's throughput": a speed the clause measures
    for token in s.tokens[max(start, 0) : end + 1]:
        if token.kind is Kind.SKIP and token.value == "skip_after":
            said = s.text[token.start : token.end + 12]
            if (rate := _TOKEN_RATE.search(said)) is not None:
                return f"'{said[: rate.end()].strip()}' is a measured speed, a benchmark result"
    return None


_TOKEN_RATE = regexcache.compile(r"tokens?\s?/\s?s(?:ec(?:ond)?)?|tokens? per second", re.IGNORECASE)


def _cells_apart(s: Sentence, one: int, other: int) -> bool:
    """Whether tokens ``one`` and ``other`` stand in different cells of a table row."""
    low, high = sorted((one, other))
    return low >= 0 and any(t.kind is Kind.PIPE for t in s.tokens[low + 1 : high])


def _count_for(s: Sentence, subject: Mention | None, clause_start: int, clause_end: int) -> int:
    """Devices a figure is the total of: '8个BR100', '8x A100', or a count with 服务器/集群/cluster."""
    if any(t.role("scope") == "single_card" for t in _words_in(s, clause_start, clause_end, "scope")):
        return 1
    if subject is not None and subject.count:
        return subject.count
    # "64 TB/s total bandwidth across 8 GPUs": a total, over the cards its own clause counts;
    # "实现8卡显存池化达768GB": cards counted in the figure's own clause are the cards it is the total of
    for t in s.tokens[clause_start : clause_end + 1]:
        if t.kind is Kind.COUNT and int(t.value) > 1 and t.role("counter") == "card":
            return int(t.value)
    if _sentence_scope(s) & {"server", "node", "cluster"}:
        first = max(0, clause_start - WINDOW)
        for k, t in enumerate(s.tokens[first : clause_end + WINDOW], first):
            if k > clause_end and t.kind is Kind.QUANTITY:
                # "性能高达256TFlops,內核面積182.4平方毫米,…,還有2048個節點組成的AI服務器": a count after
                # another figure is that figure's clause's, not this one's
                break
            if t.kind is Kind.COUNT and int(t.value) > 1:
                return int(t.value)
            if _is(t, "count_words") and int(t.role("count_words")) > 1:
                return int(t.role("count_words"))
    return 1


def _binding_doubts(
    s: Sentence, index: int, subject: Mention, what: str, *, after_rival: bool = True, across_clauses: bool = True
) -> list[str]:
    """Why the thing at ``index`` may not be ``subject``'s: it follows a rival, or it is in another
    clause than the subject while the sentence names several chips."""
    doubts = []
    before = s.mentions_before(index)
    nearest = before[-1] if before else None
    if after_rival and nearest is not None and nearest.rival_role and not nearest.same_chip(subject):
        doubts.append(f"the {what} follows {nearest.name}, named as the rival; it may be its {what}")
    if (
        across_clauses
        and 0 <= subject.index
        and s.clause_of[subject.index] != s.clause_of[index]
        and s.distinct_chips > 1
    ):
        doubts.append(f"the {what} is in another clause than {subject.name}, and the sentence names several chips")
    return doubts


def _each_chip(s: Sentence, start: int, end: int) -> bool:
    """Whether the clause speaks of each device by name: "每颗A800 GPU与节点内其他所有GPU都有400GB/s"
    is one A800's bandwidth, whatever node it sits in."""
    return any(
        _is(s.tokens[k], "scope") and s.tokens[k].role("scope") == "each" and _mention_at(s, k + 1) is not None
        for k in range(start, min(end + 1, len(s.tokens) - 1))
    )


def _doubts_of(subject: Mention) -> list[str]:
    if subject.unresolved:
        return [f"'{subject.name}' refers to no chip named before it"]
    if subject.variant:
        return [f"'{subject.variant}{subject.name}' does not say which {subject.name} variant is meant"]
    if subject.forms:
        return [f"'{subject.forms}' names two form factors at once, whose figures differ"]
    if subject.via and subject.via != "context":
        return [] if subject.settled else [f"the chip is read from '{subject.via}' as {subject.name}"]
    if subject.via == "context":
        return [f"the sentence names no chip; {subject.name} is the subject of the text before it"]
    return []


def _own_basis(s: Sentence, opening: int) -> str | None:
    """The sparsity a parenthesis of one word gives the figure before it: "312 TFLOPS (sparse)"."""
    if opening + 2 < len(s.tokens) and s.tokens[opening + 2].kind is Kind.CLOSE:
        word = s.tokens[opening + 1]
        # nothing else inside: "(不含稀疏)" (sparsity not included) says the opposite of its word
        bare = not s.text[s.tokens[opening].end : word.start].strip()
        if bare and not s.text[word.end : s.tokens[opening + 2].start].strip() and word.has("sparsity"):
            return str(word.role("sparsity"))
    return None


def _parenthesis_after_words(s: Sentence, index: int, end: int) -> int | None:
    """The parenthesis that follows the figure at ``index`` past words alone (its precision, "Tensor
    Core operations"), no other figure or clause between, or None."""
    for k in range(index + 1, min(end, index + 8) + 1):
        kind = s.tokens[k].kind
        if kind is Kind.OPEN:
            return k
        if kind is not Kind.WORD:
            return None
    return None


def _basis_of_the_other(s: Sentence, opening: int) -> str | None:
    """The sparsity of a figure whose parenthesis gives its other basis: "989 TF32 TFLOPS (495
    without sparsity)" is the sparse figure, "312 TFLOPS (624 with sparsity)" the dense one."""
    inside: list[Token] = []
    for token in s.tokens[opening + 1 : opening + 6]:
        if token.kind is Kind.CLOSE:
            break
        inside.append(token)
    else:
        return None
    said = {str(t.role("sparsity")) for t in inside if t.kind is Kind.WORD and t.has("sparsity")}
    if len(said) != 1 or not any(t.kind in (Kind.NUMBER, Kind.QUANTITY) for t in inside):
        return None
    return {"dense": "sparse", "sparse": "dense"}.get(said.pop())


_CAPACITY_LIST = regexcache.compile(r"\d+(?:\s?[gt]b)?(?:\s?/\s?\d+(?:\s?[gt]b)?)+", re.IGNORECASE)


def _capacity_list(s: Sentence, index: int) -> str | None:
    """The slash-joined list of capacities a memory figure ends or starts ("80 / 94 / 140 GB",
    "40GB/80GB"), or None."""
    token = s.tokens[index]
    for match in _CAPACITY_LIST.finditer(s.text, max(0, token.start - 40), min(len(s.text), token.end + 40)):
        if match.start() <= token.start < match.end() or match.start() < token.end <= match.end():
            return match.group() if "/" in match.group() else None
    return None


_PER_STACK = regexcache.compile(
    r"\s?(?:的\s?)?(?:(?:hbm|gddr)[\w.]*\s?)?(?:memory\s)?(?:stacks?|堆栈|堆叠)(?![a-z])", re.IGNORECASE
)


def _value_claim(
    s: Sentence,
    index: int,
    subject: Mention,
    rule_name: str,
    precisions: list[Token] | None = None,
    doubts: list[str] | None = None,
    change: bool = False,
) -> Claim | None:
    token = s.tokens[index]
    quantity: Quantity = token.value
    metric, link, metric_doubts = _metric_for(s, index)
    if metric == "memory_capacity" and quantity.dimension is Dimension.CACHE:
        # "显存容量:40000MB": megabytes, the unit of caches, of a memory counted in gigabytes
        quantity = Quantity(quantity.value / 1000, Dimension.INFORMATION, quantity.number_text)
    if metric is None:
        return None
    start, end = s.clause_range(index)
    lower = subject.index + 1 if subject.index >= 0 and s.clause_of[subject.index] == s.clause_of[index] else start
    lower = max(lower, index - WINDOW)
    if Kind.PIPE in s.kinds:  # in a table, the words of another cell ("(with sparsity)") are that cell's
        lower = max(
            lower, next((k + 1 for k in range(index - 1, lower - 1, -1) if s.tokens[k].kind is Kind.PIPE), lower)
        )
    more_doubts = list(doubts or []) + metric_doubts + _doubts_of(subject)
    span = None if change else _range_around(s, index)
    if span is not None:
        more_doubts.append(f"the figure is one end of a range ('{span}')")
    if metric == "memory_capacity" and _PER_STACK.match(s.text, token.end):
        # "4个24GB的HBM3e stack", "eight 24GB HBM3e stacks": one stack's capacity, which the catalogue
        # does not record, not the chip's
        more_doubts.append("the figure is one memory stack's capacity, not the chip's")
    if metric == "memory_capacity" and (listed := _capacity_list(s, index)) is not None:
        # "H100 … 80 / 94 / 140 GB HBM3 变体": capacities of several SKUs, some of which the catalogue may lack
        more_doubts.append(
            f"the figure is one of a list of capacities ('{listed}'), of SKUs the catalogue may not all hold"
        )
    host = _parenthesis_host(s, index)
    words: list[Token] = []
    if metric in ("throughput", "per_watt"):
        words = precisions if precisions is not None else _precisions_near(s, index, lower)
        if not words and host is not None:
            words = _precisions_near(s, host, lower)  # "624 TOPS（稀疏1248 TOPS）": the INT8 of 624
        if host is not None:
            lower = max(lower, host + 1)  # what governs the host does not govern its alternative
        if not words:
            words, doubt = _governing_precisions(s, index)
            if doubt:
                more_doubts.append(doubt)
    keys = _precision_keys(words)
    dimension = quantity.dimension
    if dimension is Dimension.RATE and keys:
        dimension = Dimension.OP_RATE if all(k.startswith("int") for k in keys) else Dimension.FLOP_RATE
    after = min(end, index + 3)
    for k in range(index + 1, after):
        if s.tokens[k].kind is Kind.OPEN:
            after = k  # "624 TOPS（稀疏1248 TOPS）": the parenthesis speaks of its own figure
            break
    # "19.5 TFLOPS FP32 (312 TFLOPS with sparsity) and 9.7 TFLOPS FP64": a parenthesis closed
    # before the figure speaks of its own figure, not of this one
    sparsity_words = [t for t in _words_in(s, lower, after, "sparsity") if not _closed_before(s, t, index)]
    sparsity = str(sparsity_words[-1].role("sparsity")) if sparsity_words else None
    if token.roles.get("star"):
        sparsity = "sparse"
    if sparsity is None and after < end and s.tokens[after].kind is Kind.OPEN:
        sparsity = _basis_of_the_other(s, after) or _own_basis(s, after)
    if sparsity is None and (opening := _parenthesis_after_words(s, index, end)) is not None:
        sparsity = _own_basis(s, opening)  # "485 TFLOPS in FP8/INT8 Tensor Core operations (with sparsity)"
    execution_words = _words_in(s, lower, index, "execution")
    # "450GB/s unidirectional", "双向带宽900GB/s", "(25 GB/s per direction)": the nearest direction word
    directions = _words_in(s, max(lower, index - 3), after, "directions") if metric == "interconnect" else []
    direction = (
        str(min(directions, key=lambda t: abs(t.start - token.start)).role("directions")) if directions else None
    )
    execution = str(execution_words[-1].role("execution")) if execution_words else None
    text_start = subject.index if 0 <= subject.index and s.clause_of[subject.index] == s.clause_of[index] else start
    text_start = max(text_start, index - WINDOW)
    text_end = index
    if index + 1 < len(s.tokens) and _is(s.tokens[index + 1], "qualifiers_after"):
        text_end = index + 1
    if s.tokens[text_start].kind in (Kind.CLAUSE, Kind.PIPE):
        text_start += 1
    scope_start = max(subject.index if subject.index >= 0 else start, index - WINDOW)
    scope = _scope(s, scope_start, end) | (_sentence_scope(s) & {"server", "node", "cluster"})
    # "8× NVIDIA H100 80GB HBM3 per node": a memory size right after the chip's name is the SKU's,
    # one device's, whatever the count before the name or the server after it
    sku_size = (
        dimension is Dimension.INFORMATION
        and 0 <= subject.index == index - 1
        and not s.text[s.tokens[index - 1].end : token.start].strip()
    )
    count = 1 if sku_size else _count_for(s, subject, start, end)
    enclosing = _enclosing_parenthesis(s, index) or _chip_parenthesis(s, index, subject)
    # "H100 SXM (3.35 TB/s) is ~3× faster at inference": the parenthesis states the chip's own figure;
    # "910B實測算力達320 TFLOPs(H20僅148 TFLOPs)": one naming its own chip speaks for it alone
    undefined = _undefined(s, *enclosing) if enclosing else _undefined(s, min(scope_start, start), end)
    own_scope = _scope(s, start, end)
    scope |= own_scope & {"each"}  # "Each tile of the BR100 has …": the word may come before the chip
    if sku_size or (count == 1 and not own_scope & {"server", "node", "cluster"}):
        # "性能高达256TFlops,…,還有2048個節點組成的AI服務器": a server the sentence names elsewhere,
        # with no count of this figure's devices, is not this figure's scope
        scope -= {"server", "node", "cluster"}
    elif (
        count == 1
        and own_scope & {"server", "node", "cluster"}
        and not own_scope & {"single_card", "single_chip"}
        and not _each_chip(s, start, end)
    ):
        undefined = undefined or "a figure for a whole server or cluster of unstated size"
    if (
        undefined
        and "regulatory threshold" in undefined
        and not any(
            "regulatory threshold" in str(w.role("undefined"))
            for w in _words_in(s, max(0, index - 3), index, "undefined")
        )
    ):
        undefined = None  # "exceeds US export thresholds (4,800 TOPS)": only the figure the word names
    if undefined and undefined.split("'")[-1].lstrip().startswith("is application performance"):
        # "L40S的FP8推理性能达到733 TFLOPS", "900GB/s NVLink … 大模型推理": a workload's name does not make
        # a memory, link or power figure, or a peak of a named precision, a benchmark result
        if metric not in ("throughput", "per_watt") or keys:
            undefined = None
    return Claim(
        text=s.span(min(text_start, index), text_end).strip(" ，,。|"),
        metric=metric,
        rule=rule_name,
        subject=subject.chip,
        subject_query=subject.name,
        subject_unnamed=subject.unnamed,
        count=count,
        count_apart=count > 1 and _cells_apart(s, subject.index, index),
        precisions=tuple(keys),
        precision_words=tuple(w.text for w in words),
        execution=execution,
        sparsity=sparsity,
        value=quantity.value,
        value_text=s.span(index, index),
        at=token.start,
        dimension=dimension,
        qualifier=_qualifier_for(s, index),
        link=link,
        direction=direction,
        sentence=s.text,
        scope=scope,
        doubts=tuple(dict.fromkeys(more_doubts)),
        undefined=undefined,
    )


# ---- the rules -------------------------------------------------------------------------------


@rule(
    "| | A100 80GB PCIe | A100 80GB SXM |",
    "A100 SXM4 80GB\n| FP16 Tensor Core | 312 TFLOPS | 624 TFLOPS* |",
    "| | BR104 | A100 80GB SXM |\n| TF32 TFLOPS | ? | 156/312* |",
)
def table_row(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A row of a Markdown or spec-sheet table: a header row names the chips of the columns;
    a data row's label cell gives the precision or metric of the figures in the other cells."""
    if Kind.PIPE not in s.kinds:
        return claims
    cells = _cells(s)
    if cells:
        _numbers_in_the_label_unit(s, cells)
        if _node_row(s, cells):
            return claims + [
                _fact_claim(s, i, subject, "table_row", "process", "process node")
                for number, cell in enumerate(cells[1:], 1)
                for i in cell
                if (subject := _column_subject(s, number)) is not None
            ]
    if not any(s.tokens[i].kind in (Kind.QUANTITY, Kind.NUMBER) for cell in cells for i in cell):
        if any(cells):  # a header row; "|---|---|" holds no token and changes nothing
            s.context.column_units = _column_units(s, cells)
            s.context.column_bandwidths = _column_bandwidths(s, cells)
            s.context.table += 1
            s.context.column_precisions = tuple(
                tuple(s.tokens[i] for i in cell if _is(s.tokens[i], "precisions")) for cell in cells
            )
    else:
        _numbers_in_the_column_unit(s, cells)
    quantities = [i for i, t in enumerate(s.tokens) if t.kind is Kind.QUANTITY]
    if quantities and _sku_header(s, cells, quantities):
        s.used.update(quantities)  # "| H200 (SXM) | A100 (SXM4 80GB) |": the 80GB names the SKU
        quantities = []
    if not quantities:
        heads = []
        for cell in cells:
            mention = next((m for m in s.mentions if m.index in cell), None)
            heads.append(mention)
        named = sum(head is not None for head in heads)
        # a header names the chips of its columns; a row that names a chip in one cell
        # ("| Architecture | Ampere | Hopper | H200 (newer) |") heads nothing
        earlier = {column.chip for column in s.context.columns if column is not None}
        if named >= 2 and len({head.name for head in heads if head is not None}) == 1 and len(earlier) > 1:
            # "| 核心 | GA100 | GA100 | GA100 |" under "| | A100 40GB PCIe | A100 80GB PCIe | …": the die
            # every column's product is cut from, not a header of columns of its own
            return claims
        if named >= 2:
            s.context.columns = tuple(heads)
        return claims
    label = cells[0] if cells else []
    label_precisions = [s.tokens[i] for i in label if _is(s.tokens[i], "precisions")]
    row_subject = next((m for m in s.mentions if m.index in label), None)
    # A row naming a chip and its card ("| DTU 2.0 | T20 |") may give either one's figures.
    naming: list[int] = []  # the cells before the first figure: where a row names its chip
    for cell in cells:
        if any(s.tokens[i].kind is Kind.QUANTITY for i in cell):
            break
        naming += cell
    row_others = tuple(
        dict.fromkeys(
            m.chip
            for m in s.mentions
            if m.chip and m.index in naming and row_subject is not None and m.chip != row_subject.chip
        )
    )
    for number, cell in enumerate(cells):
        for i in cell:
            if s.tokens[i].kind is not Kind.QUANTITY or i in s.used:
                continue
            subject = row_subject or _column_subject(s, number) or _subject_before(s, i)
            if subject is None:
                continue
            precisions = label_precisions
            row_named = row_subject is not None or subject.index in naming  # "| 1 | NVIDIA H200 | … |"
            if not precisions and row_named and number < len(s.context.column_precisions):
                # "| H100 | … | Up to 989 TFLOPS |" under "| GPU Model | … | FP16/BF16 Tensor TFLOPS |"
                precisions = list(s.context.column_precisions[number])
            claim = _value_claim(s, i, subject, "table_row", precisions=precisions or None)
            if claim is not None and subject is row_subject and row_others:
                claim = replace(claim, other_subjects=row_others)
            if claim is not None:
                claim = replace(claim, column=(s.context.table, number))
                claims.append(claim)
                s.used.add(i)
    return claims


def _sku_header(s: Sentence, cells: list[list[int]], quantities: list[int]) -> bool:
    """Whether a row is a header naming chips in two or more cells, whose only figures are memory
    sizes naming a SKU after the chip in the same cell: "| Attribute | H200 (SXM) | A100 (SXM4 80GB) |"."""
    named = {n for n, cell in enumerate(cells) if any(m.index in cell for m in s.mentions)}
    if len(named) < 2:
        return False
    for i in quantities:
        number = next(n for n, cell in enumerate(cells) if i in cell)
        if s.tokens[i].value.dimension is not Dimension.INFORMATION or number not in named:
            return False
        if not any(m.index < i for m in s.mentions if m.index in cells[number]):
            return False
    return True


def _column_units(s: Sentence, cells: list[list[int]]) -> tuple[tuple[tuple[str, float], Token | None] | None, ...]:
    """The unit (and precision) a header row gives each column: "| 型号 | FP8/TFLOPS | HBM容量 |"
    gives the second column FP8 in TFLOPS. A column with no unit, or with two, gets none."""
    found: list[tuple[tuple[str, float], Token | None] | None] = []
    for cell in cells:
        units = [s.tokens[i] for i in cell if s.tokens[i].kind is Kind.UNIT]
        precisions = [s.tokens[i] for i in cell if _is(s.tokens[i], "precisions")]
        found.append((units[0].value, precisions[0] if len(precisions) == 1 else None) if len(units) == 1 else None)
    return tuple(found) if any(found) else ()


def _numbers_in_the_column_unit(s: Sentence, cells: list[list[int]]) -> None:
    """A cell that is a number alone under a header with a unit ("| A100 | 312 |" under
    "| 型号 | FP8/TFLOPS |") is a figure in that unit, of that precision."""
    for number, cell in enumerate(cells):
        if number >= len(s.context.column_units) or (heading := s.context.column_units[number]) is None:
            continue
        if len(cell) != 1 or s.tokens[cell[0]].kind is not Kind.NUMBER:
            continue
        unit, precision = heading
        _as_figure(s, cell[0], unit, {"precision": precision} if precision is not None else {})


def _table_column_subject(s: Sentence, index: int) -> Mention | None:
    """The chip heading the column of the table cell that holds token ``index``, in a row whose
    label cell names no chip: "| Memory type | HBM3e | HBM3 |" under "| | H200 | H100 |"."""
    if Kind.PIPE not in s.kinds or not s.context.columns:
        return None
    lead = int(s.text.lstrip().startswith("|"))
    if "pipes" not in s.memo:
        s.memo["pipes"] = [k for k, t in enumerate(s.tokens) if t.kind is Kind.PIPE]
    pipes: list[int] = s.memo["pipes"]
    number = bisect_left(pipes, index) - lead
    if number < 1 or len(pipes) <= lead:
        return None
    label_end = pipes[lead]
    return None if any(m.index < label_end for m in s.mentions) else _column_subject(s, number)


def _cells(s: Sentence) -> list[list[int]]:
    """The token indices of each cell of a table row, the label cell first."""
    cells: list[list[int]] = [[]]
    for i, t in enumerate(s.tokens):
        if t.kind is Kind.PIPE:
            cells.append([])
        else:
            cells[-1].append(i)
    return cells[1:] if s.text.lstrip().startswith("|") else cells


def _column_subject(s: Sentence, number: int) -> Mention | None:
    """The chip the table's header row names over cell ``number``, if any. A header whose first
    cell already names a chip ("| L4 | L40S | H100 SXM5 | |") has no cell over the rows' labels:
    its chips head the cells after the label."""
    columns = s.context.columns
    if columns and columns[0] is not None:
        number -= 1
    if 0 <= number < len(columns) and (column := columns[number]) is not None:
        return replace(column, index=-1, via=None, count=None)
    return None


def _node_row(s: Sentence, cells: list[list[int]]) -> bool:
    """Whether a row gives process nodes: its label says node or process, and every other cell
    that is not empty holds one node alone ("Node | N7 | N7 | N7 | 4N |")."""
    if not any(_feature(s.tokens[i]) == "process" or s.tokens[i].role("scope") == "node" for i in cells[0]):
        return False
    filled = [cell for cell in cells[1:] if cell]
    return bool(filled) and all(len(cell) == 1 and _is_node(s.tokens[cell[0]]) for cell in filled)


def _is_node(token: Token) -> bool:
    """Whether a token names a process node ("7nm", "12纳米", "N7", "4N")."""
    return token.kind is Kind.NAME and bool(NODE_NM.fullmatch(token.value) or NODE_NAME.fullmatch(token.value))


_BILLIONS = regexcache.compile(r"(\d+(?:\.\d+)?)\s?billion", re.IGNORECASE)


def _numbers_in_the_label_unit(s: Sentence, cells: list[list[int]]) -> None:
    """A row whose label cell states the unit ("FP32 TFLOPS | 128 | 256 |", "TF32 TFLOPS | ? |
    156/312* |") gives bare numbers in its other cells: each becomes a figure in that unit (a
    star after one marks it sparse, as after a figure). Only a cell that is a number alone is
    read so; a row whose label has no unit keeps its bare numbers unread. A transistor row
    ("Transistor Count | 77 billion | 54.2 billion |") gives counts in billions."""
    if any(s.tokens[i].role("metrics") == "transistors" for i in cells[0]):
        for cell in cells[1:]:
            match = _BILLIONS.fullmatch(s.tokens[cell[0]].text) if len(cell) == 1 else None
            if match is not None and s.tokens[cell[0]].kind is Kind.SKIP:
                token = s.tokens[cell[0]]
                quantity = Quantity(float(match.group(1)) * 1e9, Dimension.COUNT, match.group(1))
                s.tokens[cell[0]] = Token(Kind.QUANTITY, token.start, token.end, token.text, quantity)
        return
    units = [s.tokens[i] for i in cells[0] if s.tokens[i].kind is Kind.UNIT]
    if len(units) != 1:
        return
    dimension, scale = units[0].value
    for cell in cells[1:]:
        numbers = [i for i in cell if s.tokens[i].kind is Kind.NUMBER]
        if not numbers or any(s.tokens[i].kind not in (Kind.NUMBER, Kind.STAR) for i in cell):
            continue
        for i in numbers:
            token = s.tokens[i]
            star = i + 1 < len(s.tokens) and s.tokens[i + 1].kind is Kind.STAR and s.tokens[i + 1].start == token.end
            _as_figure(s, i, (dimension, scale), {"star": True} if star else {})


def _as_figure(s: Sentence, index: int, unit: tuple[str, float], roles: dict[str, Any]) -> None:
    """Make the bare number at ``index`` a figure in ``unit`` (dimension, scale), as a table's
    label or header gives it."""
    token = s.tokens[index]
    dimension, scale = unit
    quantity = Quantity(float(token.value) * scale, Dimension(dimension), token.text)
    s.tokens[index] = Token(Kind.QUANTITY, token.start, token.end, token.text, quantity, roles)


@rule(
    "其在FP32、TF32、FP16、INT8精度下的算力分别为25 TFLOPS、49 TFLOPS、98 TFLOPS、196 TOPS",
    "FP32、TF32和INT8精度下，S4000的算力分别为25 TFLOPS、50 TFLOPS和200 TOPS",
    "The A100 and H100 SXM have 2039 GB/s and 3.35 TB/s of memory bandwidth, respectively",
)
def respectively(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """'分别' / 'respectively': a list of figures paired in order with a list of precisions or chips."""
    if "respectively" not in s.roles:
        return claims
    marks = [i for i, t in enumerate(s.tokens) if _is(t, "respectively")]
    if not marks:
        return claims
    mark = marks[0]
    after = [i for i in range(mark + 1, len(s.tokens)) if s.tokens[i].kind is Kind.QUANTITY and i not in s.used]
    values = _list_run(s, after)
    if not values:
        before = [i for i in range(0, mark) if s.tokens[i].kind is Kind.QUANTITY and i not in s.used]
        values = _list_run(s, before[::-1])[::-1]
    values = _with_bare_numbers(s, values)
    if len(values) < 2:
        return claims
    first_value = values[0]
    precisions = [t for t in s.tokens[:first_value] if _is(t, "precisions")]
    if len(precisions) != len(values) and len(s.context.precision_list) == len(values):
        precisions = list(s.context.precision_list)
    chips = [m for m in s.mentions if m.index < first_value and not m.rival_role and not m.unnamed]
    distinct: list[Mention] = []
    for m in chips:
        if not any(m.same_chip(d) for d in distinct):
            distinct.append(m)
    paired_chips = len(distinct) == len(values)
    paired_precisions = len(precisions) == len(values)
    if not paired_chips and not paired_precisions:
        return claims
    for n, i in enumerate(values):
        subject = distinct[n] if paired_chips else _subject_before(s, first_value)
        if subject is None:
            continue
        words = [precisions[n]] if paired_precisions else None
        claim = _value_claim(s, i, subject, "respectively", precisions=words)
        if claim is not None:
            claims.append(claim)
            s.used.add(i)
    return claims


def _list_run(s: Sentence, values: list[int]) -> list[int]:
    """The figures of one list, from the first of ``values`` on: each next one follows with only
    separators between ("25 TFLOPS、49 TFLOPS和196 TOPS"); a figure after other words ("，最大功耗为
    450W") starts something else."""
    run = values[:1]
    for i in values[1:]:
        low, high = sorted((run[-1], i))
        if any(t.kind is not Kind.CLAUSE and t.role("rival_markers") != "and" for t in s.tokens[low + 1 : high]):
            break
        run.append(i)
    return run


def _with_bare_numbers(s: Sentence, values: list[int]) -> list[int]:
    """'25, 50 and 200 TFLOPS': bare numbers in the list take the unit of the figure after them."""
    if not values:
        return values
    found = list(values)
    unit: Quantity = s.tokens[values[0]].value
    written = float(unit.number_text.replace(",", ""))
    scale = unit.value / written if written else 1
    i = values[0] - 1
    while i >= 0 and (s.tokens[i].kind in (Kind.NUMBER, Kind.CLAUSE) or _is(s.tokens[i], "rival_markers")):
        t = s.tokens[i]
        if t.kind is Kind.NUMBER:
            s.tokens[i] = Token(
                Kind.QUANTITY, t.start, t.end, t.text, Quantity(float(t.value) * scale, unit.dimension, t.text)
            )
            found.insert(0, i)
        i -= 1
    return found


# "cut from 600 GB/s to 400 GB/s", "600 GBps interconnect down to 400 GBps": after the figure
# before a change, at most two words and "to"
_CHANGE_TO = regexcache.compile(r"[*_]{0,3}(?:\s+[a-z-]+){0,2}?\s+(?:(?:down|up)\s+)?to\s+[*_]{0,3}", re.IGNORECASE)
# "increasing bandwidth from 3.35 TB/s to 4.8 TB/s, and capacity from 80GB to 141GB": "from" before a
# figure continues a change named earlier in the sentence
_FROM = regexcache.compile(r"\bfrom\s+[*_]{0,3}$", re.IGNORECASE)


def _transition(s: Sentence, a: int) -> int | None:
    """The figure that the figure at ``a`` changes into, or None: "从600GB/s降至400GB/s" (a change
    word between them), "reduced from 600 GB/s to 400 GB/s" (a change word before the first and
    "to" between them). Two figures joined by "到" or "to" alone are a range, not a change."""
    tokens = s.tokens
    b = a + 1
    while b < len(tokens) and b <= a + 2 and tokens[b].kind is Kind.NAME:
        b += 1  # "从H100的80GB HBM3升级到了141GB HBM3e": the memory type of the figure before
    if b < len(tokens) and _is(tokens[b], "transitions") and not s.text[tokens[b - 1].end : tokens[b].start].strip():
        b += 1
        if b < len(tokens) and s.text[tokens[b - 1].end : tokens[b].start].strip() not in ("", "了"):
            return None
    else:
        b, words = a + 1, 0
        while b < len(tokens) and (
            tokens[b].kind is Kind.STAR  # "3.35 TB/s to **4.8 TB/s**": Markdown's bold
            or (words < 3 and tokens[b].kind is Kind.WORD and not _is(tokens[b], "transitions"))
        ):
            words += tokens[b].kind is Kind.WORD
            b += 1  # "600 GBps interconnect down to 400 GBps"
        start, _end = s.clause_range(a)
        if not any(_is(tokens[k], "transitions") for k in range(max(start, a - 8), a)) and not (
            _FROM.search(s.text, max(0, tokens[a].start - 12), tokens[a].start)
            and any(_is(tokens[k], "transitions") for k in range(a))
        ):
            return None
        if b >= len(tokens) or not _CHANGE_TO.fullmatch(s.text, tokens[a].end, tokens[b].start):
            return None
    if b >= len(tokens) or tokens[b].kind is not Kind.QUANTITY or b in s.used:
        return None
    if tokens[b].value.dimension is not tokens[a].value.dimension:
        return None
    return b


def _other_chip(s: Sentence, subject: Mention) -> Mention | None:
    """The one chip of the sentence besides ``subject``, or None if it names none or several."""
    others: list[Mention] = []
    for m in s.mentions:
        if m.unnamed or m.unresolved or m.same_chip(subject) or any(m.same_chip(o) for o in others):
            continue
        others.append(m)
    return others[0] if len(others) == 1 else None


@rule(
    "A800将NVLink带宽从600GB/s降低到400GB/s",
    "H20的显存带宽从A100的2TB/s提升到4TB/s",
    "H200的显存从H100的80GB HBM3升级到了141GB HBM3e",
    "With the A100, Nvidia trimmed the GPU's 600 GBps interconnect down to 400 GBps and rebranded it as the A800",
    "the A800's chip-to-chip interconnect bandwidth was decreased from 600 GB/s to 400 GB/s",
)
def change(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A figure changed into another: the second is the chip's value after the change, the first
    its predecessor's (the chip the first is joined to, or the one other chip the sentence names).

    Where the text names no predecessor, the first figure is read as the subject's before the
    change, and may not be its value now: it is never called false."""
    if "transitions" not in s.roles:
        return claims
    last: tuple[Mention, Mention] | None = None
    for a, token in enumerate(s.tokens):
        if token.kind is not Kind.QUANTITY or a in s.used:
            continue
        b = _transition(s, a)
        if b is None:
            continue
        before = _attached(s, a)
        after: Mention | None
        if before is None and last is not None and _attached(s, b) is None:
            before, after = last  # "…从H100的80GB升级到141GB，带宽也从3.35TB/s提升到4.8TB/s": the same two chips
        else:
            after = _attached(s, b) or _subject_before(s, a, exclude=before)
        if after is None:
            later = [m for m in s.mentions_after(b) if before is None or not m.same_chip(before)]
            after = later[0] if later and not later[0].unnamed else None
        if after is None:
            continue
        if before is None:
            before = _other_chip(s, after)
        span = s.text[token.start : s.tokens[b].end]
        if before is None:
            before_doubts = [f"'{span}' is a change; the first figure is the value before it, not the chip's value now"]
            before = after
        else:
            before_doubts = [f"'{span}' is a change; the first figure is read as {before.name}'s, before it"]
        after_doubts = [f"'{span}' is a change; the second figure is read as {after.name}'s, after it"]
        if before is not after:
            last = (before, after)
        # "FP16 throughput improved from 125 TFLOPS to 312 TFLOPS": both figures are of the precision
        shared = _precisions_near(s, a, 0) or None
        for index, subject, doubts in ((a, before, before_doubts), (b, after, after_doubts)):
            s.memo.setdefault("owners", {})[index] = subject  # a memory type named after it is its too
            words = (_precisions_near(s, b, a + 1) or shared) if index == b else shared
            claim = _value_claim(s, index, subject, "change", precisions=words, doubts=doubts, change=True)
            if claim is not None:
                claims.append(claim)
                s.used.add(index)
    return claims


@rule(
    "BR104：512TFLOPS(BF16)，32GB HBM2E显存",
    "The BR104 promises up to 128 FP32 TFLOPS",
    "MTT S4000 cards talk over MTLink at 240 GB/sec",
    "H100 PCIe reaches 1513 TFLOPS of FP16 with sparsity",
    "BR100的16位浮点算力达到1000T以上，8位定点算力达到2000T以上",
    "A100 PCIe 40GB\nINT8: 624 TOPS",
)
def stated_value(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A figure with a unit, bound to the chip named before it (or the paragraph's subject), its
    precision on either side within its clause, and its metric from its unit and the words near it."""
    versus = _versus_pairs(s)
    for i, token in enumerate(s.tokens):
        if token.kind is not Kind.QUANTITY or i in s.used:
            continue
        if token.value.dimension is Dimension.LENGTH:
            continue
        doubts = []
        subject = versus.get(i) or _attached(s, i) or _owner_after(s, i)
        if subject is None:
            subject = _subject_before(s, i)
            if subject is not None:
                doubts += _binding_doubts(s, i, subject, "figure", across_clauses=False)
        if subject is None:
            subject = _unnamed_owner(s, i)
        if subject is None and not any(m.unnamed for m in s.mentions_before(i)):
            after = [m for m in s.mentions_after(i) if s.clause_of[m.index] == s.clause_of[i]]
            subject = after[0] if after and not after[0].rival_role else None
            if subject is not None:
                doubts.append(f"the figure comes before {subject.name} and is not said to be its")
        if subject is None:
            continue
        following = s.tokens[i + 1] if i + 1 < len(s.tokens) else None
        if _is(following, "comparatives") or _is(following, "changes"):
            continue  # "3 billion transistors behind", "多出20GB": a difference, not a value
        doubts += _binding_doubts(s, i, subject, "figure", after_rival=False)
        marker = s.tokens[i - 1] if i > 0 else None
        if (
            marker is not None
            and marker.kind is Kind.WORD
            and marker.role("rival_markers") == "rival"
            and i not in versus
            and s.tokens[i - 2 if i >= 2 else 0].kind is Kind.QUANTITY
        ):
            # "MI300X offers 36% more memory (192GB vs 141GB)": the figure after "vs" is the compared
            # chip's, never the subject's: the one other chip the paragraph named, else a chip unnamed
            others = [m for m in s.context.mentions if m.chip and not m.unnamed and not m.same_chip(subject)]
            if len({m.chip for m in others}) == 1:
                doubts.append(f"the figure after '{marker.text}' is read as {others[0].name}'s, named before")
                subject = others[0]
            else:
                subject = Mention(i, None, f"the chip compared with {subject.name}", unnamed=True)
        elif marker is not None and marker.kind is Kind.WORD and marker.role("rival_markers") == "rival":
            # "H200 has 77% more VRAM (141GB vs 80GB)": the figure after "vs" is what it is compared with
            doubts.append(f"the figure follows '{marker.text}': it may be the compared chip's, which is not named")
        claim = _value_claim(s, i, subject, "stated_value", doubts=doubts)
        if claim is not None:
            claims.append(claim)
            s.used.add(i)
    return claims


def _versus_pairs(s: Sentence) -> dict[int, Mention]:
    """ "A100 … than the MTT S4000 (624 TOPS vs 200 TOPS)": figures on each side of 'vs' belong, in
    order, to the chip and its rival named before them."""
    owners: dict[int, Mention] = {}
    if "rival_markers" not in s.roles:
        return owners
    for k in s.word_indices("rival_markers"):
        if s.tokens[k].role("rival_markers") != "rival":
            continue
        if k < 1 or k + 1 >= len(s.tokens) or s.tokens[k + 1].kind is not Kind.QUANTITY:
            continue
        if s.tokens[k - 1].kind not in (Kind.QUANTITY, Kind.NUMBER):
            continue
        first = k - 1
        while first - 1 >= max(0, k - WINDOW) and s.tokens[first - 1].kind in (Kind.QUANTITY, Kind.NUMBER):
            first -= 1
        before = [m for m in s.mentions_before(first) if not m.unnamed]
        rivals = [m for m in before if m.rival_role]
        chips = [m for m in before if not m.rival_role]
        later = [m for m in s.mentions_after(k + 1) if m.rival_role and not m.unnamed]
        if rivals and chips:
            mine, theirs = chips[0], rivals[-1]
        elif len(before) >= 2:
            mine, theirs = before[-2], before[-1]
        elif chips and len(later) == 1:
            # "MI300X offers 2.4x more memory (192GB vs 80GB) than NVIDIA H100": the rival named after
            mine, theirs = chips[0], later[0]
        else:
            continue
        for j in range(first, k):
            if s.tokens[j].kind is Kind.QUANTITY:
                owners[j] = mine
        owners[k + 1] = theirs
    return owners


def _ratio_value(s: Sentence, index: int) -> tuple[float, str, tuple[float, ...], str, str | None] | None:
    """The ratio a token states, with its direction words: (ratio, qualifier, alternatives, text, change)."""
    token = s.tokens[index]
    if token.kind is Kind.RATIO:
        ratio: Ratio = token.value
        value, kind = ratio.value, ratio.kind
    elif _is(token, "ratio_words"):
        value, kind = float(token.role("ratio_words")), "word"
    else:
        return None
    after = s.tokens[index + 1] if index + 1 < len(s.tokens) else None
    change = None
    for k in range(index - 1, max(-1, index - 4), -1):
        t = s.tokens[k]
        if _is(t, "changes"):
            change = t.role("changes")
            break
        if kind == "percent" and _mention_at(s, k) is not None and k > 0 and _is(s.tokens[k - 1], "comparatives"):
            # "优于A100 23%", "高于H100 20%": the comparative, its rival, then by how much
            change = "up" if s.tokens[k - 1].role("comparatives") == "greater" else "down"
            break
        if not _is(t, "qualifiers"):
            break
    if change is None and after is not None:
        if _is(after, "changes"):
            change = after.role("changes")
        elif _is(after, "comparatives"):
            change = "up" if after.role("comparatives") == "greater" else "down"
    alternatives: tuple[float, ...] = ()
    text = token.text
    if kind == "percent":
        if change == "up":
            value = 1 + value
        elif change == "down":
            value = 1 - value
    elif kind in ("times", "word"):
        if change == "down" and value > 1:
            value = 1 / value
        elif change == "up" and token.kind is Kind.RATIO and "倍" in token.text:
            alternatives = (value + 1,)  # 提升3倍 is read as 3x and as 4x
    qualifier = _qualifier_for(s, index)
    return value, qualifier, alternatives, text if change is None else f"{text} ({change})", change


# "2.35x the A100's BF16", "2.35x A100's": a ratio joined to a chip is measured against it (a
# whole "8x A100" counts devices and is passed over before)
_RATIO_THE = regexcache.compile(r"\s*(?:the\s+)?")


def _rival_for(s: Sentence, index: int) -> Mention | None:
    """The chip a ratio is measured against."""
    # "是A100的1.6倍", "仅为H100的30%": a chip joined to the ratio by 的.
    j = index - 1
    while j >= 0 and (_is(s.tokens[j], "qualifiers") or _is(s.tokens[j], "changes")):
        j -= 1
    if j >= 1 and _is(s.tokens[j], "of"):
        # "H100算力的15%", "H100 SXM(990T Flops)算力的15%": the metric named, a parenthesis about the rival
        named = s.mentions_before(j)
        if named and _of_the_rival(s, named[-1].index, j):
            return named[-1]
    _start, end = s.clause_range(index)
    # "3x the BF16 throughput of the A100", "2.5 times faster than the A100": a chip after it.
    for mention in s.mentions_after(index):
        k = mention.index - 1
        if k - 1 > index and _is(s.tokens[k], "vendors"):
            k -= 1  # "80% of Nvidia's H100 performance": the vendor is part of the rival's name
        before = s.tokens[k]
        if index < mention.index <= end + 1 and (
            mention.rival_role
            or _is(before, "of")
            or _is(before, "comparatives")
            or (s.tokens[index].kind is Kind.RATIO and _RATIO_THE.fullmatch(s.between(index, mention.index)))
        ):
            return mention
        if index < mention.index and mention.unnamed and s.clause_of[mention.index] == s.clause_of[index]:
            return mention
    # "相比英伟达A100，…提升96%", "较A100 80GB提升约96%": a chip after a rival marker.
    markers = [m for m in s.mentions_before(index) if m.rival_role or m.unnamed]
    if markers:
        return markers[-1]
    return None


def _basis(
    s: Sentence, index: int, subject: Mention, claims: list[Claim]
) -> tuple[str, tuple[str, ...], tuple[str, ...], list[str]]:
    """The metric and precisions a ratio or comparison is about: (metric, precisions, others, doubts)."""
    start, end = s.clause_range(index)
    lower = min(start, subject.index) if subject.index >= 0 else start
    window = range(max(lower, index - WINDOW, 0), end + 1)
    precisions = [s.tokens[i] for i in window if _is(s.tokens[i], "precisions")]
    # "FP32 算力 44 TFLOPS,FP64 算力仅 1 TFLOPS | 双精度算力被大幅限制(仅为 H200 的 1/34)": the
    # precision of the ratio's own clause governs it, not those of the subject's other figures
    own_clause = [s.tokens[i] for i in range(start, end + 1) if _is(s.tokens[i], "precisions")]
    if own_clause and lower < start:
        precisions = own_clause
    # The words after a ratio, up to the next ratio, are its own: "a 50% increase in memory
    # capacity and a 64% rise in FP32", "five times the INT8 performance, 50% more VRAM".
    stop = next((k for k in range(index + 1, end + 1) if _is_ratio(s.tokens[k])), end + 1)
    following = [s.tokens[i] for i in range(index + 1, stop) if _is(s.tokens[i], "precisions")]
    own = [str(s.tokens[i].role("metrics")) for i in range(index + 1, stop) if _is(s.tokens[i], "metrics")]
    specific_own = [m for m in own if m not in ("throughput", "bandwidth", "per_watt")]
    if specific_own and not following:
        return specific_own[0], (), (), []  # "50% more VRAM": the metric named after the ratio, whatever came before
    names = [str(s.tokens[i].value) for i in window if s.tokens[i].kind is Kind.NAME]
    if own and own[0] == "bandwidth" and not following:
        # "76% more memory and 43% higher bandwidth": its own word, not the memory of the ratio before it
        if any(n.startswith(_LINK_PREFIXES) for n in names):
            return "interconnect", (), (), ["a bare 'bandwidth' beside a chip-to-chip link is taken as the link's"]
        return "memory_bandwidth", (), (), ["a bare 'bandwidth' is taken as memory bandwidth"]
    if following and index > start:
        precisions = following  # "… and six times more in fp8": the precision after the ratio governs it
    elif own and set(own) == {"throughput"} and not following:
        # "1.5x more performance than Gaudi 2, as well as 4x more BFloat16 performance, twice the
        # compute power, and a 50% bump in memory capacity": a ratio that names its own generic
        # metric is about throughput, with a precision only from before it; the words between an
        # earlier ratio and this one are that ratio's, and what follows is the next ratio's.
        first = min(window.start, max(0, index - WINDOW))  # "在Int8、BF16等数据格式下，BR100…3.3倍的峰值性能"
        last = max((k for k in range(first, index) if _is_ratio(s.tokens[k])), default=index)
        return "throughput", _keys_in(s, range(first, last)), (), []
    metrics = [str(s.tokens[i].role("metrics")) for i in window if _is(s.tokens[i], "metrics")]
    own_clause_metrics = [
        str(s.tokens[i].role("metrics")) for i in range(start, end + 1) if _is(s.tokens[i], "metrics")
    ]
    named_here = bool(own_clause_metrics) and lower < start
    if named_here:
        # "H200的显存是H100的1.76倍，带宽是1.4倍": the metric of the ratio's own clause governs it, not
        # the memory of the clause that named the chips; nor does that clause's precision govern a
        # bandwidth ("H20的FP16算力只有H100的15%，但显存带宽高出20%")
        metrics = own_clause_metrics
        if not own_clause and any(m != "throughput" for m in own_clause_metrics):
            precisions = []
    doubts: list[str] = []
    if not precisions and not [m for m in metrics if m != "throughput"] and not named_here:
        earlier = [c for c in claims[-8:] if c.kind == "value" and c.subject == subject.chip and c.subject_query]
        # "more than double the H100's 80GB": with none of the subject's, the rival's figure says what is compared
        earlier = earlier or [
            c for c in claims[-8:] if c.kind == "value" and c.subject_query and (c.at or 0) > s.tokens[index].start
        ]
        if own_clause_metrics:
            # "…，带宽更高（4.0TB/s），但算力只有其六分之一": a clause that names its metric takes no other's figure
            earlier = [c for c in earlier if c.metric in own_clause_metrics]
        if earlier:
            claim = earlier[-1]
            figure = s.tokens[index - 2] if index >= 2 and s.tokens[index - 1].kind is Kind.OPEN else None
            if figure is not None and figure.kind is Kind.QUANTITY and figure.start == claim.at:
                # "141GB HBM3e with 4.8TB/s (1.4x H100)": a parenthesis right after a figure compares it
                return claim.metric, claim.precisions, (), []
            others = tuple(dict.fromkeys(c.metric for c in claims if c.kind == "value" and c.metric != claim.metric))
            if others:
                doubts.append("the sentence states figures of several metrics; the ratio may refer to any")
            return claim.metric, claim.precisions, others, doubts
        near = s.tokens[max(0, index - WINDOW) : index]
        precisions = [t for t in near if _is(t, "precisions")]
        if not own_clause_metrics:
            metrics = [str(t.role("metrics")) for t in near if _is(t, "metrics")] + metrics
    keys = _precision_keys(precisions)
    stated = [i for i in window if i < index and s.tokens[i].kind is Kind.QUANTITY]
    if len(keys) > 1 and len(stated) > 1 and not following:
        doubts.append("the sentence states figures of several precisions; the ratio is not said to be for one")
    if any(n.startswith(_LINK_PREFIXES) for n in names):
        metrics.append("interconnect")
    specific = [m for m in metrics if m not in ("throughput", "bandwidth")]
    if "per_watt" in specific:
        return "per_watt", tuple(keys), (), doubts
    if keys:
        return "throughput", tuple(keys), tuple(dict.fromkeys(m for m in specific if m != "memory_capacity")), doubts
    if specific:
        return specific[-1], (), (), doubts
    if "bandwidth" in metrics:
        return "memory_bandwidth", (), (), ["a bare 'bandwidth' is taken as memory bandwidth"]
    if not metrics:
        doubts.append("the sentence does not say what is compared")
    return "throughput", (), (), doubts


def _is_ratio(token: Token) -> bool:
    return token.kind is Kind.RATIO or _is(token, "ratio_words")


def _ratio_subject(s: Sentence, index: int, rival: Mention) -> Mention | None:
    anchor = rival.index if 0 <= rival.index < index else index
    subject = _subject_before(s, anchor, exclude=rival)
    if subject is None or subject.index < 0:
        later = _subject_before(s, index, exclude=rival)
        subject = later if later is not None else subject
    if subject is None and not rival.unnamed:
        subject = _unnamed_before(s, anchor)  # "国产最强的AI芯片……只有H100的四分之一"
    return subject


@rule(
    "壁仞发布了BR104。它的INT8算力为1024TOPS，是A100的1.6倍。",
    "H20的显存带宽较A100 80GB提升约96%",
    "H20的FP16稠密算力为148TFLOPS,是H100算力的15%左右",
    "曦云C500的BF16算力是H20的近两倍",
    "BR100 的 INT8 能效是 A100 的 2.4 倍",
    "The H20 is 6.7x slower than the H100 in FP16",
    "在Int8、BF16、TF32/TF32+、FP32等数据格式下，BR100相比英伟达A100至少有3.3倍的峰值性能优势",
)
def ratio(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A ratio between two chips: 'A是B的N倍', 'A较B提升N%', 'N x the X of B', 'N% faster than B'."""
    if Kind.RATIO not in s.kinds and "ratio_words" not in s.roles:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        if token.kind is not Kind.RATIO and not _is(token, "ratio_words"):
            continue
        following = _mention_at(s, i + 1)
        if token.kind is Kind.RATIO and following is not None and following.count:
            continue  # "8x A100" counts devices
        if _words_in(s, *s.clause_range(i), "non_claim") or _money_clause(s, i):
            continue
        read = _ratio_value(s, i)
        if read is None:
            continue
        value, qualifier, alternatives, text, change = read
        rival = _rival_for(s, i)
        if rival is None:
            continue
        if token.kind is Kind.RATIO and token.value.kind == "percent" and change is None:
            # A bare percentage is a ratio only when joined to the rival: "H100的30%", "30% of the H100".
            if not (rival.index == i - 2 or rival.index == i + 2 or _of_the_rival(s, rival.index, i)):
                continue
        subject = _ratio_subject(s, i, rival)
        if subject is None or subject.same_chip(rival):
            continue
        if (
            _is(s.tokens[i - 1] if i else None, "comparatives")
            or any(
                _is(s.tokens[k], "comparatives") and s.tokens[k].role("comparatives") == "less"
                for k in range(max(0, rival.index - 1), rival.index)
            )
        ) and not (change and token.kind is Kind.RATIO and token.value.kind == "percent"):
            # "不及A100的30%" is below 30%; "缩水70%" is a change of 70%, cut to 30%
            qualifier = "less_than" if _less_before(s, rival.index, i) else qualifier
        elif (
            _more_before(s, rival.index)
            and rival.index < i
            and not (change and token.kind is Kind.RATIO and token.value.kind == "percent")
        ):
            # "超过A100的3倍" is more than 3x; "6.68x faster than" is 6.68x; "高于A100 20%" is 1.2x
            qualifier = "more_than"
        if qualifier == "equals" and 0 < rival.index < i and _joined(s, rival.index, i):
            qualifier = _qualifier_for(s, rival.index)  # "仅为H100的30%", "是A100的近4倍"
        if change == "down" and qualifier in ("at_least", "more_than"):
            qualifier = "at_most"  # "比H100慢了30倍以上", "降低了至少20%": the ratio is at most 1/30, 0.8
        metric, precisions, others, doubts = _basis(s, i, subject, claims)
        precisions, rival_precisions = _precisions_of_each(s, rival, i, metric, precisions)
        doubts += _doubts_of(subject) + [d.replace("the chip", "the rival") for d in _doubts_of(rival)]
        partner = _coordinated(s, subject, rival)
        if partner is not None:
            # "H20 and L20, whose … specifications are roughly half of the A100": said of both at once
            doubts.append(f"the ratio is said of {partner.name} and {subject.name} together")
        span = _range_around(s, i) or token.roles.get("range")
        if span is not None:
            doubts.append(f"the ratio is one end of a range ('{span}')")
        vague = None
        if (
            metric == "throughput"
            and not precisions
            and token.kind is Kind.RATIO
            and token.value.kind in ("percent", "tenths")
        ):
            vague = _vague_performance(s)
        found.append(
            _pair_claim(
                s,
                "ratio",
                subject,
                rival,
                i,
                i,
                metric=metric,
                precisions=precisions,
                also=others,
                doubts=doubts,
                count=subject.count or 1,
                qualifier=qualifier,
                ratio=value,
                ratio_text=text,
                ratio_alternatives=alternatives,
                rival_precisions=rival_precisions,
                vague_metric=vague,
            )
        )
    return claims + found


def _vague_performance(s: Sentence) -> str | None:
    """The word for "performance" of a sentence that names throughput by that word alone, with no
    precision, compute word or rate unit: "显示其性能相比H100降低28%", "28% lower performance than
    the H100". Such percentages come from benchmarks far more often than from spec sheets ("性能
    为H100的15%" holds on peak figures; "AI性能降低约92%" and "28% lower" hold on none)."""
    vague = s.words_with("vague_metrics")
    if not vague:
        return None
    throughput = s.words_with("metrics")
    if any(t.role("metrics") == "throughput" and not t.has("vague_metrics") for t in throughput):
        return None  # "算力", "compute", "TFLOPS": a peak is named
    rates = METRICS["throughput"].dimensions
    if any(t.kind is Kind.QUANTITY and t.value.dimension in rates for t in s.tokens):
        return None
    return vague[0].text


def _coordinated(s: Sentence, subject: Mention, rival: Mention) -> Mention | None:
    """Another chip joined to the subject by "and" (和, 与), neither being the rival: "H20 and L20"."""
    for k, between in ((subject.index - 2, subject.index - 1), (subject.index + 2, subject.index + 1)):
        other = _mention_at(s, k)
        if (
            other is not None
            and 0 <= between < len(s.tokens)
            and _is(s.tokens[between], "rival_markers")
            and s.tokens[between].role("rival_markers") == "and"
            and not other.rival_role
            and not other.same_chip(rival)
            and not other.same_chip(subject)
        ):
            return other
    return None


def _precisions_of_each(
    s: Sentence, rival: Mention, index: int, metric: str, precisions: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The subject's and the rival's precisions of a comparison: the basis's for the subject and
    none of the rival's own, unless a precision is named with the rival ("FP8 delivers 733 TFLOPS
    (2.35x A100's BF16)"); then that one is the rival's, and the subject's is the one before the
    comparison (the same when none is)."""
    rival_own = _rival_precisions(s, rival, index) if metric == "throughput" else ()
    if not rival_own:
        return precisions, ()
    return _keys_in(s, range(max(0, index - WINDOW), index)) or rival_own, rival_own


def _rival_precisions(s: Sentence, rival: Mention, index: int) -> tuple[str, ...]:
    """The precision named right after a rival that follows its ratio: "2.35x A100's BF16"."""
    after = rival.index + 1
    if after < len(s.tokens) and _is(s.tokens[after], "of"):  # "A100's", "A100的" (a word of its own)
        after += 1
    if not (index < rival.index and after < len(s.tokens) and _is(s.tokens[after], "precisions")):
        return ()
    if s.between(rival.index, after).strip(" 's’的"):
        return ()
    return _keys_in(s, [after])


def _keys_in(s: Sentence, indices: Iterable[int]) -> tuple[str, ...]:
    """The precision keys of the precision words at ``indices``, in order, once each."""
    return tuple(_precision_keys(s.tokens[i] for i in indices if _is(s.tokens[i], "precisions")))


def _precision_keys(words: Iterable[Token]) -> list[str]:
    """The precision keys precision words name, in order, once each ("FP16/BF16" names two)."""
    return list(dict.fromkeys(key for word in words for key in str(word.role("precisions")).split("|")))


def _pair_claim(
    s: Sentence,
    rule_name: str,
    subject: Mention,
    rival: Mention,
    index: int,
    end: int,
    *,
    precisions: tuple[str, ...],
    doubts: list[str],
    **fields: Any,
) -> Claim:
    """A claim about two chips (a ratio or a comparison), read at token ``index``."""
    start = min(m for m in (subject.index, rival.index, index) if m >= 0)
    return Claim(
        text=s.span(start, end).strip(" ，,。"),
        rule=rule_name,
        subject=subject.chip,
        subject_query=subject.name,
        subject_unnamed=subject.unnamed,
        precisions=precisions,
        precision_words=tuple(t.text for t in s.tokens if _is(t, "precisions")),
        execution=_first_role(s, "execution"),
        sparsity=_first_role(s, "sparsity"),
        rival=rival.chip,
        rival_query=rival.name,
        rival_unnamed=rival.unnamed,
        sentence=s.text,
        scope=_sentence_scope(s),
        doubts=tuple(dict.fromkeys(doubts)),
        # "MI300X在分子动力学模拟中,单位功耗性能领先V100达3.7倍": a benchmark named before the ratio's
        # clause, after its subject, is what the ratio measures
        undefined=_undefined(s, min(start, s.clause_range(index)[0]), s.clause_range(index)[1])
        or (None if precisions else _frame(s, start)),  # "FP16算力" names a peak, whatever the frame
        at=s.tokens[index].start,
        **fields,
    )


def _frame(s: Sentence, start: int) -> str | None:
    """What a sentence's leading frame says a comparison measures: "在ResNet-50训练测试中，H100 …
    相比A100 … 提升56%", "在Transformer模型训练场景中，H100相比A100实现4-7倍加速". The frame is
    what comes before the sentence's first chip or figure, the comparison's or its subject's named
    twice ("in the Llama 2 70B Interactive test, the DGX B200 system equipped with 8 B200 GPUs
    demonstrated 3 times the performance of the H200")."""
    first = next((k for k, t in enumerate(s.tokens[: start + 1]) if t.kind in _FRAME_ENDS), start)
    if first <= 0:
        return None
    return _undefined(s, 0, first - 1)


_FRAME_ENDS = frozenset((Kind.CHIP, Kind.OTHER_CHIP, Kind.QUANTITY, Kind.RATIO))


def _joined(s: Sentence, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return all(_is(t, "of") or _is(t, "qualifiers") for t in s.tokens[low + 1 : high])


def _of_the_rival(s: Sentence, rival: int, index: int) -> bool:
    """Whether a percentage at ``index`` is a share of the rival's figure: only "的"/"of", a
    qualifier, the metric or precision named, the rival's vendor, or a parenthesis about the rival
    lie between ("H100算力的15%", "H100 SXM(990T Flops)算力的15%左右", "30% of the H100's FP16")."""
    low, high = sorted((rival, index))
    depth = 0
    for t in s.tokens[low + 1 : high]:
        if t.kind is Kind.OPEN:
            depth += 1
        elif t.kind is Kind.CLOSE and depth:
            depth -= 1
        elif depth and t.kind is not Kind.CLAUSE:
            continue  # what a parenthesis says of the rival
        elif not (
            _is(t, "of") or _is(t, "qualifiers") or _is(t, "metrics") or _is(t, "precisions") or _is(t, "vendors")
        ):
            return False  # "80% of Nvidia's H100 performance": the rival's vendor is part of its name
    return depth == 0


def _money_clause(s: Sentence, index: int) -> bool:
    """Whether the clause of token ``index`` speaks of money: a sum, or a word such as 价格 or "price"."""
    start, end = s.clause_range(index)
    return any(t.kind is Kind.SKIP and t.value == "money" for t in s.tokens[start : end + 1]) or bool(
        _words_in(s, start, end, "price_words")
    )


def _less_before(s: Sentence, rival_index: int, ratio_index: int) -> bool:
    for k in range(max(0, min(rival_index, ratio_index) - 2), ratio_index):
        if _is(s.tokens[k], "comparatives") and s.tokens[k].role("comparatives") == "less":
            return True
    return False


def _more_before(s: Sentence, rival_index: int) -> bool:
    k = rival_index - 1
    return k >= 0 and (
        (_is(s.tokens[k], "comparatives") and s.tokens[k].role("comparatives") == "greater")
        or s.tokens[k].role("qualifiers") == "more_than"
    )


def _first_role(s: Sentence, role: str) -> str | None:
    key = ("first", role)
    if key not in s.memo:
        s.memo[key] = next((str(t.role(role)) for t in s.tokens if _is(t, role)), None)
    return s.memo[key]


# What a comparative word after it makes a ratio or a difference, not a bare comparison
_DIFFERENCES = frozenset((Kind.RATIO, Kind.QUANTITY, Kind.NUMBER))


def _split_comparative(s: Sentence, index: int) -> str | None:
    """The relation that "than" at ``index`` ends, where a change word stands before it past words
    alone ("higher memory bandwidth than", "more HBM than"), or None. A ratio before the change
    word ("2x higher bandwidth than") is read by the ratio rule."""
    token = s.tokens[index]
    if token.kind is not Kind.WORD or token.text.casefold() != "than":
        return None
    for k in range(index - 1, max(index - 5, 0) - 1, -1):
        word = s.tokens[k]
        if word.kind is not Kind.WORD:
            return None
        relation = SPLIT_CHANGES.get(word.text.casefold())
        if relation is not None:
            if k + 1 == index:
                return None  # "higher than" is a comparative word of its own
            before = s.tokens[k - 1] if k else None
            if before is not None and (before.kind in _DIFFERENCES or _is(before, "ratio_words")):
                return None  # "16GB/s higher memory bandwidth than A100": a difference, not read
            return relation
        if not word.has("metrics", "precisions", "of", "memory_types", "vague_metrics"):
            return None
    return None


def _clause_chain_subject(s: Sentence, index: int, claims: list[Claim], rival: Mention) -> Mention | None:
    """The subject of a clause that names none, continuing a ratio of the same sentence:
    "H20 …为148TFlops,H100 SXM算力的15%左右,也低于昇腾910B算力" (the H20 is below the 910B, not
    the H100 the ratio was measured against)."""
    start, _end = s.clause_range(index)
    if any(m.index >= start for m in s.mentions_before(index)):
        return None
    earlier = next((c for c in reversed(claims) if c.rule == "ratio" and c.sentence == s.text and c.subject), None)
    if earlier is None:
        return None
    return next(
        (m for m in s.mentions if m.chip == earlier.subject and not m.rival_role and not m.same_chip(rival)), None
    )


@rule(
    "相比英伟达A100，MTT S4000的FP32算力更高",
    "BR100 beats A100 in BF16",
    "H20领先H100",
    "The MI300X has higher memory bandwidth than the H100",
)
def comparative(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A comparison with no number: 'A beats B', 'A的X高于B', '相比B，A的X更高', 'A has higher X than B'."""
    if "comparatives" not in s.roles and "changes" not in s.roles:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        relation = str(token.role("comparatives")) if _is(token, "comparatives") else _split_comparative(s, i)
        if relation is None or _money_clause(s, i):
            continue  # "A10/L4 成本更低": cheaper, which compares prices, not chips
        nxt = s.tokens[i + 1] if i + 1 < len(s.tokens) else None
        prev = s.tokens[i - 1] if i else None
        if nxt is not None and (nxt.kind in (Kind.NUMBER, Kind.QUANTITY, Kind.RATIO) or _is(nxt, "ratio_words")):
            continue  # "超过1000T": a qualifier, read with the figure
        if prev is not None and (
            prev.kind is Kind.RATIO or _is(prev, "ratio_words") or (prev.kind in _DIFFERENCES and token.text.isascii())
        ):
            # "3x faster than": read by the ratio rule; "16GB/s higher than": a difference (but in
            # "功耗1000W虽高于H100" the figure is the subject's own)
            continue
        if any(c.rule == "ratio" for c in claims) and any(
            t.kind is Kind.RATIO or _is(t, "ratio_words") for t in s.tokens[i : i + 4]
        ):
            continue
        rival = _mention_at(s, i + 1)
        if rival is None:
            markers = [m for m in (*s.mentions_before(i), *s.mentions_after(i)) if m.rival_role or m.unnamed]
            rival = markers[-1] if markers else None
        if rival is None:
            continue
        subject = _clause_chain_subject(s, i, claims, rival) or _subject_before(s, i, exclude=rival)
        if subject is None or subject.unnamed or subject.same_chip(rival):
            continue
        claim = _plain_comparison(
            s,
            "comparative",
            subject,
            rival,
            i,
            claims,
            qualifier="greater" if relation == "greater" else "less_than",
            relation=relation,
            ratio_text="above 1x" if relation == "greater" else "below 1x",
        )
        if claim is not None:
            found.append(claim)
    return claims + found


def _plain_comparison(
    s: Sentence,
    rule_name: str,
    subject: Mention,
    rival: Mention,
    index: int,
    claims: list[Claim],
    *,
    named_basis: bool = False,
    **fields: Any,
) -> Claim | None:
    """Two chips compared with no number, at ``index``: a ratio of one ("above 1x", "the same") on
    the basis the sentence gives; None where ``named_basis`` asks for a basis the sentence names
    and it names none."""
    metric, precisions, others, doubts = _basis(s, index, subject, claims)
    if named_basis and "the sentence does not say what is compared" in doubts:
        return None
    precisions, _rival_own = _precisions_of_each(s, rival, index, metric, precisions)
    doubts += _doubts_of(subject) + [d.replace("the chip", "the rival") for d in _doubts_of(rival)]
    return _pair_claim(
        s,
        rule_name,
        subject,
        rival,
        index,
        max(index, rival.index),
        metric=metric,
        precisions=precisions,
        also=others,
        doubts=doubts,
        ratio=1.0,
        **fields,
    )


@rule(
    "云燧i20最大亮点就是拥有迄今最大的AI加速卡存储带宽，通过HBM2e内存达到了819GB/s",
    "The BR100 is the world's largest GPU",
)
def superlative(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A claim to beat every chip ('迄今最大', '业界最高', "the world's fastest"): a comparison
    with every rival at once, which no catalogue can rank; read so that it is never passed over
    as a mere figure (the figure beside it is still read and checked on its own)."""
    if "superlatives" not in s.roles:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        if not _is(token, "superlatives"):
            continue
        subject = _subject_before(s, i) or next((m for m in s.mentions_after(i) if not m.unnamed), None)
        if subject is None or subject.unnamed:
            continue
        everyone = Mention(i, None, token.text, unnamed=True)
        metric, precisions, others, doubts = _basis(s, i, subject, claims)
        found.append(
            _pair_claim(
                s,
                "superlative",
                subject,
                everyone,
                i,
                i,
                metric=metric,
                precisions=precisions,
                also=others,
                doubts=doubts + _doubts_of(subject),
                qualifier="greater",
                relation="greater",
                ratio=1.0,
                ratio_text=str(token.role("superlatives")),
            )
        )
    return claims + found


@rule(
    "H200的FP16算力与H100相同",
    "The H100 and H200 share the same Hopper compute — identical FP16/FP8 TFLOPS.",
)
def sameness(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """Two chips said to have the same figure, with no number ('H200的FP16算力与H100相同', 'the same
    FP16 TFLOPS as', 'A and B have identical FP8 TFLOPS'): a ratio of one. Only where the sentence
    says what is the same; 'the same architecture' or 'at the same time' is no claim."""
    if "close" not in s.roles or any(t.kind in (Kind.NUMBER, Kind.QUANTITY, Kind.RATIO) for t in s.tokens):
        return claims
    for i, token in enumerate(s.tokens):
        if token.role("close") != "same":
            continue
        named = [m for m in s.mentions if m.index >= 0 and not m.unnamed]
        rival = next((m for m in named if m.rival_role), None)
        if rival is not None:
            subject = _subject_before(s, i, exclude=rival) or next(
                (m for m in named if not m.rival_role and not m.same_chip(rival)), None
            )
        elif len(named) == 2:
            subject, rival = named  # "The H100 and H200 … identical FP16 TFLOPS"
        else:
            continue
        if subject is None or subject.same_chip(rival):
            continue
        same = _plain_comparison(
            s, "sameness", subject, rival, i, claims, named_basis=True, qualifier="equals", ratio_text="1x (the same)"
        )
        if same is not None:
            return [*claims, same]
    return claims


@rule(
    "邃思2.0单精度FP32算力为40TFLOPS，相比之下英伟达A100的单精度浮点计算能力仅为19.5TFLOPS",
    "曦云C500目标FP32算力15TFLOPS，而英伟达A100的FP32算力为19.5TFLOPS，已非常接近",
)
def comparison_of_values(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """Two stated figures of two chips joined by 相比之下 / 而 / whereas: one comparison claim."""
    if "contrast" not in s.roles:
        return claims
    values = [c for c in claims if c.kind == "value" and c.metric == "throughput"]
    if len(values) < 2:
        return claims
    first, second = values[0], values[1]
    if first.subject_query == second.subject_query or not first.value or not second.value:
        return claims
    close = any(_is(t, "close") for t in s.tokens)
    merged = replace(
        first,
        text=s.text.strip(),
        rule="comparison_of_values",
        rival=second.subject,
        rival_query=second.subject_query,
        rival_value=second.value,
        rival_value_text=second.value_text,
        rival_precisions=second.precisions,
        relation="close" if close else "greater",
        ratio=first.value / second.value,
        doubts=tuple(dict.fromkeys(first.doubts + second.doubts)),
    )
    return [merged if c is first else c for c in claims if c is not second]


@rule(
    "The H200 offers nearly double the memory capacity (141 GB vs. 80 GB) and a significant bandwidth "
    "increase (4.8 TB/s vs. 3.35 TB/s, a 1.4x improvement).",
)
def stated_ratio(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A ratio given with the two figures it is computed from, "A vs. B": the text's own arithmetic,
    checkable whoever the rival is. The pair and the ratio must share a parenthesis, or the ratio
    and its metric word must open the pair's parenthesis ("nearly double the memory capacity (141
    GB vs. 80 GB)"), so that a ratio is never set against a pair of another metric. The second
    figure is the rival's: read on its own it is no figure of the subject."""
    if (Kind.RATIO not in s.kinds and "ratio_words" not in s.roles) or "rival_markers" not in s.roles:
        return claims
    taken = {c.at for c in claims if c.ratio is not None}
    found: list[Claim] = []
    dropped: set[int] = set()
    for i, token in enumerate(s.tokens):
        if (token.kind is not Kind.RATIO and not _is(token, "ratio_words")) or token.start in taken:
            continue
        pair = _stated_pair(s, i)
        if pair is None:
            continue
        first, second, opening, closing = pair
        read = _ratio_value(s, i)
        if read is None:
            continue
        value, qualifier, alternatives, text, _change = read
        ours, theirs = (
            next((c for c in claims if c.kind == "value" and c.at == s.tokens[k].start), None) for k in (first, second)
        )
        if ours is None:
            continue
        named_rival = theirs is not None and theirs.subject_query != ours.subject_query and not theirs.subject_unnamed
        start, end = min(first, i), max(second, i)
        if end + 1 == closing:  # the parenthesis closes right after: quote it whole
            start, end = (start if i < first else opening), closing
        found.append(
            replace(
                ours,
                text=s.span(start, end).strip(" ，,。"),
                rule="stated_ratio",
                rival=theirs.subject if named_rival and theirs else None,
                rival_query=theirs.subject_query if named_rival and theirs else None,
                rival_value=s.tokens[second].value.value,
                rival_value_text=s.tokens[second].text,
                ratio=value,
                ratio_text=text,
                ratio_alternatives=alternatives,
                qualifier=qualifier,
                at=token.start,
            )
        )
        if theirs is not None and not named_rival:
            dropped.add(id(theirs))  # "80 GB" after "141 GB vs." is the rival's, not the H200's
    return [c for c in claims if id(c) not in dropped] + found


def _stated_pair(s: Sentence, index: int) -> tuple[int, int, int, int] | None:
    """The two figures, "A vs. B", that the ratio at ``index`` is computed from, and the tokens that
    open and close their parenthesis; or None."""
    tokens = s.tokens
    for opening in range(index + 1, min(index + 4, len(tokens))):
        if tokens[opening].kind is Kind.OPEN:
            between = tokens[index + 1 : opening]
            if all(t.kind is Kind.WORD and (t.has("metrics") or t.has("of")) for t in between):
                break
    else:
        opening = next((k for k in range(index - 1, max(-1, index - 8), -1) if tokens[k].kind is Kind.OPEN), -1)
        if opening < 0 or any(t.kind is Kind.CLOSE for t in tokens[opening + 1 : index]):
            return None
    closing = next(
        (k for k in range(opening + 1, min(opening + 12, len(tokens))) if tokens[k].kind is Kind.CLOSE), None
    )
    if closing is None or not (opening < index < closing or index < opening):
        return None
    for k in range(opening + 1, closing - 2):
        if tokens[k].kind is Kind.QUANTITY and tokens[k + 2].kind is Kind.QUANTITY:
            marker = tokens[k + 1]
            if (
                _is(marker, "rival_markers")
                and marker.role("rival_markers") == "rival"
                and tokens[k].value.dimension is tokens[k + 2].value.dimension
                and tokens[k + 2].value.value > 0
            ):
                return k, k + 2, opening, closing
    return None


# ---- facts checked as text: memory type, process node, host link, precision support, dies --------


def _feature(token: Token | None) -> str | None:
    if token is None or token.kind is not Kind.WORD or not token.has("features"):
        return None
    return str(token.role("features"))


def _fact_claim(s: Sentence, index: int, subject: Mention, by: str, metric: str, what: str, **fields: Any) -> Claim:
    """A claim of a fact checked as text, read at token ``index`` (its text is the value unless
    ``fields`` say otherwise), with the doubts of its binding to ``subject``."""
    doubts = _binding_doubts(s, index, subject, what) + _doubts_of(subject)
    start = subject.index if 0 <= subject.index < index and s.clause_of[subject.index] == s.clause_of[index] else index
    fields.setdefault("value_text", s.tokens[index].text)
    return Claim(
        text=s.span(start, index).strip(" ，,。|"),
        metric=metric,
        rule=by,
        subject=subject.chip,
        subject_query=subject.name,
        sentence=s.text,
        doubts=tuple(dict.fromkeys(doubts)),
        at=s.tokens[index].start,
        **fields,
    )


def _fact_subject(s: Sentence, index: int) -> Mention | None:
    # "H100's 80GB HBM3": the type named after a figure joined to a chip is that chip's
    owner = None
    if index >= 1 and s.tokens[index - 1].kind is Kind.QUANTITY:
        owner = s.memo.get("owners", {}).get(index - 1) or _attached(s, index - 1)
    subject = owner or _attached(s, index) or _subject_before(s, index)
    return None if subject is None or subject.unnamed else subject


_PER_DIE = regexcache.compile(r"\s?(?:compute\s)?(?:die|tile|chiplet)|\s?个?\s?(?:die|芯粒|裸片)", re.IGNORECASE)


@rule(
    "Gaudi 3 is made up of two identical silicon dies",
    "Intel's Gaudi 3 is packaged with eight high-bandwidth memory chips",
    "its dual-chiplet Ascend 910C AI processors",
    "昇腾910C集成了两个计算芯粒和8颗HBM2E",
)
def part_count(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A count of a package's parts: its compute dies ("two compute dies", "dual-chiplet") or its
    memory stacks ("8 HBM2e stacks", "eight high-bandwidth memory chips"). The chip is the one the
    count is written before ("dual-chiplet Ascend 910C"), or else the subject before it."""
    if Kind.COUNT not in s.kinds:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        part = token.role("counter") if token.kind is Kind.COUNT else None
        if part not in ("die", "memory_stack"):
            continue
        start, end = s.clause_range(i)
        if any(_is(t, "non_claim") for t in s.tokens[start:end]):
            continue
        if any(t.role("scope") == "each" and _PER_DIE.match(s.text, t.end) for t in s.tokens[start:i]):
            continue  # "Each die of the BR100 has two HBM2E stacks": a die's count, not the chip's
        following = next((m for m in s.mentions_after(i) if m.index == i + 1), None)
        subject = following if following is not None and not following.rival_role else _fact_subject(s, i)
        if subject is None:
            continue
        metric, label = ("compute_dies", "die count") if part == "die" else ("memory_stacks", "memory stacks")
        read = {"value": float(token.value), "value_text": token.text}
        claim = _fact_claim(s, i, subject, "part_count", metric, label, **read)
        if part == "die" and _ALL_CHIPLETS.search(token.text) and not _COMPUTE_PART.search(token.text):
            # "its 12-chiplet MI300X": eight compute dies on four I/O dies [AMD]; the catalogue counts
            # compute dies only
            doubt = "a count of chiplets may include I/O dies, and the catalogue counts compute dies"
            claim = replace(claim, doubts=(*claim.doubts, doubt))
        found.append(claim)
    return claims + found


_ALL_CHIPLETS = regexcache.compile(r"chiplet|tile|芯粒", re.IGNORECASE)
_COMPUTE_PART = regexcache.compile(r"compute|gpu|logic|计算|xcd", re.IGNORECASE)


@rule(
    "BR100采用HBM2E高带宽内存",
    "The H20 comes with 96GB of HBM3 memory",
)
def memory_type(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A memory type named for a chip ("BR100采用HBM3", "96GB of HBM3"): the type, checked as text."""
    if Kind.NAME not in s.kinds:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        if token.kind is not Kind.NAME or not str(token.value).startswith(_MEMORY_PREFIXES):
            continue
        if any(_is(t, "non_claim") for t in s.tokens[slice(*s.clause_range(i))]):
            continue
        subject = _table_column_subject(s, i) or _fact_subject(s, i)
        if subject is not None:
            found.append(_fact_claim(s, i, subject, "memory_type", "memory_type", "memory type"))
    return claims + found


@rule(
    "BR100采用先进的7nm制程工艺",
    "The BR100 utilizes a 7nm process node",
    "云燧T20由格芯的12nm FinFET工艺打造",
)
def process_node(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A process node with a word saying it is the chip's process ("7nm工艺", "7nm process").
    A node with no such word ("算力可媲美7nm GPU") is named for comparison, and is no claim."""
    if Kind.NAME not in s.kinds or "process" not in s.features:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        if not _is_node(token):
            continue
        start, end = s.clause_range(i)
        near = s.tokens[max(start, i - 3) : min(end, i + 3) + 1]
        if not any(_feature(t) == "process" for t in near):
            continue
        if any(
            _is(t, "comparatives") or _is(t, "non_claim") or t.role("close") == "close"
            for t in s.tokens[start : end + 1]
        ):
            continue  # "算力接近7nm GPU"; "与上代一样采用12nm工艺" is the chip's node too
        if any(t.role("rival_markers") == "rival" for t in s.tokens[start:i] if t.kind is Kind.WORD):
            continue  # "算力可媲美7nm GPU": a node named for comparison
        if i > 0 and _feature(s.tokens[i - 1]) in ("not", "skips"):
            continue  # "跳过5nm直接上了4nm工艺": the node skipped is not the chip's
        subject = _fact_subject(s, i)
        if subject is not None:
            found.append(_fact_claim(s, i, subject, "process_node", "process", "process node"))
    return claims + found


@rule(
    "Even Nvidia's A100 80 GB GPU introduced in 2020",
    "英伟达2020年推出的A100 80GB",
    "The BR100 was unveiled in 2022",
    "A100是英伟达2020年发布的旗舰级数据中心GPU",
    "The H200 was unveiled by NVIDIA at SC23 in 2023",
    "A100和H100这两款GPU芯片,分别发布于2020年和2022年",
)
def launch_year(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A year beside a launch word is the launch year of the chip it names: the chip after the
    year in "2020年推出的A100", the chip before it in "the A100, introduced in 2020" and where no
    chip follows ("A100是英伟达2020年发布的GPU"). A vendor or an event's number may stand between
    the word and the year ("unveiled by NVIDIA at SC23 in 2023"). With 分别 / "respectively",
    as many chips as years are paired in order. A year with no launch word next to it (a
    founding, a forecast, a date of news) is no claim."""
    if "launch" not in s.features:
        return claims
    years = [(i, year) for i, token in enumerate(s.tokens) if (year := _year(token)) is not None]
    if Kind.PIPE in s.kinds:
        return claims + _launch_row(s, years)
    paired = _launch_pairs(s, years)
    found: list[Claim] = []
    for i, year in years:
        start, end = s.clause_range(i)
        if any(_is(t, "non_claim") for t in s.tokens[start : end + 1]):
            continue
        k = i + 1
        when = str(year)
        while k < len(s.tokens) and s.tokens[k].kind is Kind.SKIP and s.tokens[k].value == "date":
            if (day := _MONTH_DAY.fullmatch(s.tokens[k].text.strip())) is not None and k == i + 1:
                when += "".join(f"-{int(part):02d}" for part in day.groups() if part)  # "2022年8月9日"
            k += 1  # "2023年11月发布": the month between
        after = k < len(s.tokens) and _feature(s.tokens[k]) == "launch"
        before = _launch_word_before(s, i, start)
        subject: Mention | None = paired.get(i)
        if subject is None and after:  # "2020年推出的A100": the chip the launch word and 的 lead to
            subject = next((m for m in s.mentions_after(i) if m.index <= end and m.index <= i + 4), None)
        if subject is None and after:  # "在民國111年發表，推出H100系列": a launch word opens the next clause
            subject = next(
                (
                    m
                    for m in s.mentions_after(i)
                    if m.index <= i + 4
                    and _feature(s.tokens[m.index - 1]) == "launch"
                    and not s.between(m.index - 1, m.index).strip(" 了")
                    and all(_feature(t) == "launch" or t.kind is Kind.CLAUSE for t in s.tokens[i + 1 : m.index])
                ),
                None,
            )
        if subject is None and (after or before) and i not in paired:
            # "the A100 … introduced in 2020", "H200于2023年底推出": the chip before, in the clause;
            # in a clause that names none ("H200是…GPU,于2023年底推出"), the sentence's subject
            in_clause = [m for m in s.mentions_before(i) if m.index >= start]
            subject = in_clause[-1] if in_clause else _subject_before(s, i)
        if subject is None or subject.unnamed or subject.rival_role:
            continue
        claim = _fact_claim(s, i, subject, "launch_year", "launch", "launch year", value=float(year), value_text=when)
        if subject.index > i:  # "2020年推出的A100": the words from the year to the chip
            claim = replace(claim, text=s.span(i, subject.index).strip())
        found.append(claim)
    return claims + found


def _launch_row(s: Sentence, years: list[tuple[int, int]]) -> list[Claim]:
    """A table row whose label is a launch date ("| Release Date | Aug 2020 | Jan 2025 |"): the year
    in each cell is the launch year of the chip the header names over it."""
    cells = _cells(s)
    if not cells or not any(_feature(s.tokens[i]) == "launch" for i in cells[0]):
        return []
    column = {i: number for number, cell in enumerate(cells) for i in cell}
    found = []
    for i, year in years:
        number = column.get(i, 0)
        if number and (subject := _column_subject(s, number)) is not None:
            read = {"value": float(year), "value_text": str(year)}
            found.append(_fact_claim(s, i, subject, "launch_year", "launch", "launch year", **read))
    return found


def _launch_word_before(s: Sentence, i: int, start: int) -> bool:
    """Whether a launch word comes just before token ``i`` in its clause, with at most a chip, a
    vendor, an event's number or a name between ("unveiled by NVIDIA at SC23 in 2023", "announced
    the H20 in 2023")."""
    for k in range(i - 1, max(start, i - 5) - 1, -1):
        token = s.tokens[k]
        if _feature(token) == "launch":
            return True
        if token.kind in (Kind.CHIP, Kind.OTHER_CHIP):
            continue  # "announced the H20 in 2023"
        if not (token.has("vendors") or token.kind in (Kind.NUMBER, Kind.NAME)) or _year(token) is not None:
            return False
    return False


def _launch_pairs(s: Sentence, years: list[tuple[int, int]]) -> dict[int, Mention | None]:
    """Under 分别 / "respectively", the chip each year of a list belongs to: the chips named
    before the first year, in order, when there are as many as years ("A100和H100…分别发布于
    2020年和2022年"); None for each year where they do not pair ("A100和H100分别发布于2020年"),
    so that no year is pinned on the nearest chip."""
    if "respectively" not in s.roles or not years:
        return {}
    first = years[0][0]
    if not any(_is(t, "respectively") for t in s.tokens[:first] + s.tokens[years[-1][0] :]):
        return {}
    distinct: list[Mention] = []
    for m in s.mentions:
        if m.index < first and not m.rival_role and not m.unnamed and not any(m.same_chip(d) for d in distinct):
            distinct.append(m)
    if len(distinct) != len(years):
        return {i: None for i, _year in years}
    return {i: distinct[n] for n, (i, _year) in enumerate(years)}


_YEAR = regexcache.compile(r"((?:19|20)\d\d)\s?年?")
_MONTH_DAY = regexcache.compile(r"(\d{1,2})\s?月(?:\s?(\d{1,2})\s?[日号])?")


def _year(token: Token) -> int | None:
    """The year a token writes alone ("2020", "2020年"), or None (a month or a full date is no year claim)."""
    if token.kind is Kind.NUMBER or (token.kind is Kind.SKIP and token.value == "date"):
        match = _YEAR.fullmatch(token.text.strip())
        if match is not None:
            return int(match.group(1))
        if (roc := _ROC_YEAR.fullmatch(token.text.strip())) is not None:
            return int(roc.group(1)) + 1911  # the Republic of China counts from 1912
    return None


_ROC_YEAR = regexcache.compile(r"民[国國]\s?(\d{2,3})\s?年")


@rule(
    "BR100支持PCIe 5.0及CXL协议",
    "The BR100 connects to a host system via 16 PCIe Gen 5 lanes, which also feature CXL support",
)
def host_link_generation(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A PCIe generation named for a chip ("支持PCIe 5.0", "PCIe Gen 5 lanes"): its host link."""
    if Kind.NAME not in s.kinds:
        return claims
    found: list[Claim] = []
    for i, token in enumerate(s.tokens):
        if token.kind is not Kind.NAME:
            continue
        match = PCIE_GENERATION.match(str(token.value))
        if match is None:
            continue
        start, end = s.clause_range(i)
        if any(_is(t, "comparatives") or _is(t, "non_claim") for t in s.tokens[start : end + 1]):
            continue
        subject = _fact_subject(s, i)
        if subject is not None:
            generation = float(match.group(1))
            found.append(
                _fact_claim(s, i, subject, "host_link_generation", "host_interface", "host link", value=generation)
            )
    return claims + found


@rule(
    "BR100 has no FP64 support",
    "BR104不支持FP64",
    "壁仞BR100支持FP64双精度计算",
)
def precision_support(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """Whether a chip supports a precision ("支持FP64", "no FP64 support"). One precision only: a list
    or a range ("从FP4到FP64") is read as nothing rather than guessed at."""
    if not s.features & {"supports", "lacks"}:
        return claims
    found: list[Claim] = []
    for k, token in enumerate(s.tokens):
        meaning = _feature(token)
        if meaning not in ("supports", "lacks"):
            continue
        start, end = s.clause_range(k)
        after = [i for i in range(k + 1, min(end, k + 4) + 1) if _is(s.tokens[i], "precisions")]
        before = [i for i in range(max(start, k - 2), k) if _is(s.tokens[i], "precisions")]
        words = after if s.tokens[k].text.casefold() not in ("support", "supported") else before or after
        keys = {str(s.tokens[i].role("precisions")) for i in words}  # "FP64双精度" names one precision twice
        if len(keys) != 1:
            continue  # a list ("支持FP32、TF32、FP16") or none: read nothing rather than guess
        (key,) = keys
        if "|" in key:
            continue
        i = words[-1]
        first = min(words[0], k)
        negated = meaning == "lacks" or any(_feature(t) == "not" for t in s.tokens[max(start, first - 3) : first])
        if any(_feature(t) == "range_from" for t in s.tokens[max(start, first - 2) : max(i, k) + 1]):
            continue  # "支持从FP4到FP64的全精度计算": a range, not one precision
        subject = _fact_subject(s, first)
        if subject is None:
            continue
        found.append(
            _fact_claim(
                s,
                max(i, k),
                subject,
                "precision_support",
                "precision_support",
                "precision",
                value=0.0 if negated else 1.0,
                value_text=s.span(first, max(i, k)),
                precisions=(key,),
            )
        )
    return claims + found


@rule(
    "BR100 is a multi-die GPU",
    "BR100采用Chiplet(芯粒)、2.5D CoWoS等先进的设计",
    "The Nvidia H100 is again a monolithic chip, just like the A100",
)
def die_count(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A chip said to be made of several dies (chiplets, multi-die, two tiles) or of one (monolithic)."""
    if not s.features & {"multi_die", "monolithic"} or any(c.rule == "part_count" for c in claims):
        return claims  # "a multi-die GPU with two tiles": the count says more than "multi-die"
    for i, token in enumerate(s.tokens):
        meaning = _feature(token)
        if meaning not in ("multi_die", "monolithic"):
            continue
        subject = _fact_subject(s, i)
        if subject is not None:
            several = {"value": 2.0, "qualifier": "at_least"}  # "multi-die": two or more
            read = {"value": 1.0} if meaning == "monolithic" else several
            return [*claims, _fact_claim(s, i, subject, "die_count", "compute_dies", "die count", **read)]
    return claims


@rule(
    "Metric AMD MI300X NVIDIA H200 Winner\nMemory BW 5.3 TB/s 4.8 TB/s AMD",
    "Spec H100 SXM H200\nVRAM 80 GB 141 GB",
)
def columns_in_order(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """A row of a table printed without its cell marks, under a line that named the chips of its
    columns ("Metric AMD MI300X NVIDIA H200 Winner" / "Memory BW 5.3 TB/s 4.8 TB/s AMD"): a row
    that names no chip and gives one figure of a metric per chip gives them to the chips in
    order, not all to the first."""
    if Kind.PIPE in s.kinds or any(m.index >= 0 and not m.unnamed for m in s.mentions):
        return claims
    by_metric: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.kind == "value" and claim.count == 1:
            by_metric.setdefault(claim.metric, []).append(claim)
    if all(len(row) < 2 for row in by_metric.values()):
        return claims  # (before the context is asked: that reads the text passed over)
    chips = [m for m in s.context.mentions if m.chip is not None and not m.unnamed]
    if len(chips) < 2 or len({m.chip for m in chips}) != len(chips) or any(m.rival_role for m in chips):
        return claims  # "H100相比A100…": chips compared in prose, not the heads of columns
    moved: dict[int, Claim] = {}
    for row in by_metric.values():
        if len(row) != len(chips) or any(c.subject != row[0].subject for c in row):
            continue
        for claim, chip in zip(sorted(row, key=lambda c: c.at or 0), chips, strict=True):
            moved[id(claim)] = replace(claim, rule="columns_in_order", subject=chip.chip, subject_query=chip.name)
    return [moved.get(id(c), c) for c in claims]

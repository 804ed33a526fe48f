"""Where in raw text a claim can be: the first, fast pass of ``scan``.

Most sentences of an article hold no figure, and reading one costs tokenizing it. This
pass finds the places where a claim can start with a few regular expressions that each
begin with a character class or a literal, so that the ``re`` engine skips ahead in C:

- a number followed by a unit or a ratio unit ("1024 TOPS", "1.6倍", "96%", "128 FP32");
- a Chinese numeral before 倍 or 成 (两倍, 九成);
- a table cell with a figure ("| 312 |");
- a ratio or comparison word, a precision or a memory type (twice, 高于, FP16, HBM).

Only the sentences around those places are read. The text between them goes to the
context, which reads it only when a later sentence refers back to a chip named there
("它", "the chip"): see :class:`~specbench.claims.reading.Context`.

The patterns match lower-cased raw text. A block holding a character that folding would
turn into part of a pattern (full-width digits and letters, traditional forms such as 兩,
a machine-paraphrase substitution) is folded first, as the reader folds every sentence,
so the pass finds what the reader would.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property

from specbench import regexcache
from specbench.claims.lexicon import Lexicon
from specbench.claims.reading import (
    CJK_NUMERALS,
    DESIGN_AFTER_DIGIT,
    LAUNCH_PHRASE,
    LAUNCHED_IN,
    NODE_AFTER_DIGIT,
    PCIE_WORDS,
    ROC_LAUNCH,
    SLASH_FRACTIONS,
    SPLIT_COMPARATIVE,
    TRANSISTORS_BEFORE,
    claim_units,
    claim_words,
    sentence_ends,
)
from specbench.claims.tokens import CHARACTER_FOLDS, fold, latin_alnum, trie_pattern

# Planes folding can map into ASCII letters and digits: the BMP and the mathematical alphanumerics.
_FOLDED_RANGES = ((0x80, 0xD800), (0xE000, 0x10000), (0x1D400, 0x1D800))
# CJK unified ideographs (extension A to the basic block): NFKC and case folding leave each as it
# is, so of them only those that simplifying changes can fold into a character the patterns want.
_UNCHANGED = (0x3400, 0x9FFF)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _char_class(chars: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns for a set of characters: its basic-plane part (which the engine tests with a
    bitmap, fast), and a range that holds the rest (for the rare text beyond the basic plane,
    searched apart: a class that holds both is tested slowly at every character)."""

    def ranges(codes: list[int]) -> str:
        spans: list[list[int]] = []
        for code in sorted(codes):
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
        return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in spans)

    codes = [ord(c) for c in chars]
    basic = [c for c in codes if c < 0x10000]
    astral = [c for c in codes if c >= 0x10000]
    # beyond the basic plane a class is a list of ranges tested in turn at every character: one
    # range around them all is tested at once, and a character in it that is not of the set is
    # handed back as it is
    around = f"[{re.escape(chr(min(astral)))}-{re.escape(chr(max(astral)))}]" if astral else "(?!)"
    return re.compile(f"[{ranges(basic)}]" if basic else "(?!)"), re.compile(around)


class Prefilter:
    """The places in a text where a claim can start, and the sentences around them."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @cached_property
    def _words(self) -> list[str]:
        return [*claim_words(self.lexicon), *self.lexicon.table("precisions"), "hbm", "gddr", "lpddr"]

    @cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        """The patterns of the places where a claim can start; each begins with a character
        class or a literal (the reader's own test, ``Reader.triggers``, is the authority)."""
        units = trie_pattern(claim_units(self.lexicon))
        return [
            regexcache.compile(
                rf"\d(?:\s?(?:(?:亿|万)?\s?(?:{units})(?![a-z])|(?:fp|bf|tf|int)\d|{NODE_AFTER_DIGIT})"
                rf"|{DESIGN_AFTER_DIGIT})"
            ),
            re.compile(rf"[{CJK_NUMERALS}]\s?[倍成]"),
            *map(re.compile, SLASH_FRACTIONS),
            re.compile(r"\|[^|\n]{0,40}\d"),
            regexcache.compile(trie_pattern(sorted(w for w in self._words if not latin_alnum(w[0])))),
            re.compile(PCIE_WORDS),  # the rest of DESIGN_WORDS is found after a digit, above,
            re.compile(LAUNCH_PHRASE),  # but for a launch word before its year
            re.compile(LAUNCHED_IN),
            re.compile(ROC_LAUNCH),
            re.compile(TRANSISTORS_BEFORE),
            re.compile(SPLIT_COMPARATIVE),
        ]

    @cached_property
    def _latin_words(self) -> re.Pattern[str]:
        """The words of ``_words`` that begin with a Latin letter or digit, where one begins: after a
        character that is neither ("faster", not the "aster" of it, nor "over" in "overall"). The
        reader's tokens begin there too. The pattern begins with the character before the word, a
        class the engine skips ahead to in C; text is searched with a line end before it."""
        latin = sorted(w for w in self._words if latin_alnum(w[0]))
        return regexcache.compile(f"[^a-z0-9](?:{trie_pattern(latin)})")

    def _latin_spots(self, searchable: str) -> set[int]:
        """Where in ``searchable`` a word of ``_latin_words`` begins."""
        # in the text with a line end before it, a match begins where the word does in the text
        return {match.start() for match in self._latin_words.finditer("\n" + searchable)}

    @cached_property
    def _risky(self) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], dict[str, str]]:
        """Characters of lower-cased text that folding turns into a character the patterns look
        at, and what each folds to."""
        wanted = set("0123456789abcdefghijklmnopqrstuvwxyz|%." + CJK_NUMERALS + "亿万")
        for word in [*self._words, *claim_units(self.lexicon)]:
            wanted.update(word)
        wanted.update(DESIGN_AFTER_DIGIT + LAUNCH_PHRASE + LAUNCHED_IN + ROC_LAUNCH)  # 發布 is 发布, 於 is 于
        wanted.discard(" ")
        simplified = self.lexicon.simplified
        risky: dict[str, str] = {}
        for low, high in _FOLDED_RANGES:
            for code in range(low, high):
                if _UNCHANGED[0] <= code <= _UNCHANGED[1]:
                    continue  # only simplifying changes these: they are looked at below
                char = chr(code)
                folded = simplified(unicodedata.normalize("NFKC", char).casefold())
                folded = "".join(CHARACTER_FOLDS.get(c, c) for c in folded)
                if folded != char and not wanted.isdisjoint(folded):
                    risky[char] = folded
        for code in self.lexicon.traditional:
            if _UNCHANGED[0] <= code <= _UNCHANGED[1]:
                char = chr(code)
                folded = simplified(char)
                if folded != char and not wanted.isdisjoint(folded):
                    risky[char] = folded
        return _char_class(risky), risky

    @cached_property
    def _longer(self) -> re.Pattern[str]:
        """The characters of ``_risky`` that fold into more than one character."""
        longer = sorted(char for char, folded in self._risky[1].items() if len(folded) > 1)
        return re.compile("|".join(map(re.escape, longer)) or "(?!)")

    @cached_property
    def _paraphrases(self) -> re.Pattern[str]:
        """The machine-paraphrase substitutions folding undoes, in one pattern: a single pass over
        a block instead of one per word."""
        return re.compile("|".join(re.escape(word) for word in self.lexicon.table("paraphrases")) or "(?!)")

    def _searchable(self, block: str) -> tuple[str, bool] | None:
        """The block as the patterns should see it (lower-cased, and folded where folding
        matters to them), and whether it holds a character whose folding is longer than one
        character ("™" to "tm"), left unfolded; or None where lower-casing changes the length
        of the block and positions are lost. Paraphrase words are left as they are: their
        sentences are tested on their own (see :meth:`spans`)."""
        lowered = block.lower()
        if len(lowered) != len(block):
            return None
        (basic, astral), folds = self._risky
        uneven = False

        def refold(match: re.Match[str]) -> str:
            nonlocal uneven
            char = match.group()
            folded = folds.get(char, char)
            if len(folded) == 1:
                return folded
            uneven = True
            return char

        searchable = basic.sub(refold, lowered)
        if _ASTRAL.search(lowered):
            searchable = astral.sub(refold, searchable)
        return searchable, uneven

    def _holds_spot(self, sentence: str) -> bool:
        """Whether one sentence, folded as the reader folds it, holds a place where a claim can start."""
        folded = fold(sentence, self.lexicon)
        return any(pattern.search(folded) for pattern in self.patterns) or bool(self._latin_spots(folded))

    def spans(self, block: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of ``block`` that holds a place where a claim can start,
        in order; the sentences are those :func:`~specbench.claims.reading.split_sentences` gives."""
        found = self._searchable(block)
        ends = sentence_ends(block)

        def sentence(index: int) -> tuple[int, int]:
            return ends[index - 1] if index else 0, ends[index] if index < len(ends) else len(block)

        if found is None:  # lower-casing changed the length: test each sentence on its own
            every = (sentence(index) for index in range(len(ends) + 1))
            return [(start, end) for start, end in every if start < end and self._holds_spot(block[start:end])]
        searchable, uneven = found
        spots = {match.start() for pattern in self.patterns for match in pattern.finditer(searchable)}
        spots |= self._latin_spots(searchable)
        # A sentence holding a paraphrase word, or a character that folds into several, is also
        # tested on its own, folded as the reader folds it: folding changes its length.
        odd = {match.start() for match in self._paraphrases.finditer(searchable)}
        if uneven:
            odd.update(match.start() for match in self._longer.finditer(searchable))
        for index in {bisect_right(ends, at) for at in odd}:
            start, end = sentence(index)
            if start < end and self._holds_spot(block[start:end]):
                spots.add(start)
        return [sentence(index) for index in sorted({bisect_right(ends, spot) for spot in spots})]

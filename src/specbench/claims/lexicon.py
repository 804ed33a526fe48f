"""The words the claim reader knows, loaded once from data/zh.toml and data/en.toml.

The code holds no lists of words: a new synonym is a line in a data file. Both
files have the same tables (see the header of zh.toml); a word may belong to
several tables ("最大" is a qualifier and a scope word). Traditional characters are
folded to simplified ones (data/traditional.txt) before matching, so one lexicon
reads both scripts.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("zh", "en")


@dataclass
class Lexicon:
    """Every table of both languages, folded to lower case, merged."""

    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    traditional: dict[int, str] = field(default_factory=dict)  # str.translate table: 騰 -> 腾

    def table(self, name: str) -> dict[str, Any]:
        return self.tables.get(name, {})

    def words(self) -> dict[str, list[tuple[str, Any]]]:
        """Every keyword with its (table, meaning) pairs, for the tokenizer's keyword trie."""
        skip = {"paraphrases", "units", "ratio_units", "counters", "non_claim", "other_chips", "names"}
        found: dict[str, list[tuple[str, Any]]] = {}
        for name, table in self.tables.items():
            if name in skip:
                continue
            for word, meaning in table.items():
                found.setdefault(word, []).append((name, meaning))
        return found


@cache
def load() -> Lexicon:
    lexicon = Lexicon()
    folder = resources.files("specbench.claims") / "data"
    for language in LANGUAGES:
        data = tomllib.loads((folder / f"{language}.toml").read_text(encoding="utf-8"))
        for name, table in data.items():
            merged = lexicon.tables.setdefault(name, {})
            for word, meaning in table.items():
                merged[word.casefold()] = meaning
    pairs = (folder / "traditional.txt").read_text(encoding="utf-8").splitlines()
    lexicon.traditional = {ord(line[0]): line[1] for line in pairs if len(line) == 2}
    return lexicon

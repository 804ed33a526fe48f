"""The words the claim reader knows, loaded once from data/zh.toml and data/en.toml.

The code holds no lists of words: a new synonym is a line in a data file. Both
files have the same tables (see the header of zh.toml); a word may belong to
several tables ("最大" is a qualifier and a scope word). Traditional characters are
folded to simplified ones (data/traditional.txt) before matching, so one lexicon
reads both scripts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from specbench import cachefile

LANGUAGES = ("zh", "en")


@dataclass
class Lexicon:
    """Every table of both languages, folded to lower case, merged."""

    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    traditional: dict[int, str] = field(default_factory=dict)  # str.translate table: 騰 -> 腾

    def table(self, name: str) -> dict[str, Any]:
        return self.tables.get(name, {})

    def simplified(self, text: str) -> str:
        """``text`` with its traditional characters folded to simplified ones. Most text has none,
        and finding that out costs a fraction of translating with a table of thousands of characters."""
        if text.isascii() or self._traditional_chars.isdisjoint(text):
            return text
        return text.translate(self.traditional)

    @cached_property
    def _traditional_chars(self) -> frozenset[str]:
        return frozenset(map(chr, self.traditional))

    def words(self) -> dict[str, list[tuple[str, Any]]]:
        """Every keyword with its (table, meaning) pairs, for the tokenizer's keyword trie."""
        skip = {
            *("paraphrases", "units", "ratio_units", "counters", "non_claim"),
            *("other_chips", "names", "numbered_cards", "number_words"),
        }
        found: dict[str, list[tuple[str, Any]]] = {}
        for name, table in self.tables.items():
            if name in skip:
                continue
            for word, meaning in table.items():
                found.setdefault(word, []).append((name, meaning))
        return found


@cache
def load() -> Lexicon:
    """The lexicon, from the cache folder when its data files are unchanged (parsing TOML is
    slow next to reading JSON, and ``check`` loads the lexicon on every run)."""
    texts = {name: (_DATA / name).read_text(encoding="utf-8") for name in (*_TOML, "traditional.txt")}
    digest = hashlib.sha256(_FORMAT.encode())
    for name, text in texts.items():
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    key = digest.hexdigest()
    path = _cache_path()
    data: Any = cachefile.read(path, MAX_CACHE_BYTES)
    try:
        if data["key"] == key and isinstance(data["tables"], dict) and isinstance(data["traditional"], str):
            traditional = data["traditional"]
            tables = {name: table for name, table in data["tables"].items() if isinstance(table, dict)}
            if len(tables) == len(data["tables"]):
                return Lexicon(tables, dict(zip(map(ord, traditional[::2]), traditional[1::2], strict=True)))
    except (KeyError, TypeError, ValueError, AttributeError):
        pass  # no cache, or not the shape this version writes: parse the data files
    lexicon = _parse(texts)
    pairs = "".join(chr(code) + char for code, char in lexicon.traditional.items())
    cachefile.write(path, {"key": key, "tables": lexicon.tables, "traditional": pairs})
    return lexicon


_DATA = Path(__file__).with_name("data")  # package data is installed as files, as quotes.py reads it
_TOML = tuple(f"{language}.toml" for language in LANGUAGES)
_FORMAT = "lexicon 1"
MAX_CACHE_BYTES = 4 << 20


def _cache_path() -> Path:
    from specbench.store import cache_dir

    return cache_dir() / f"lexicon{cachefile.SUFFIX}"


def _parse(texts: dict[str, str]) -> Lexicon:
    import tomllib

    lexicon = Lexicon()
    for name in _TOML:
        for table_name, table in tomllib.loads(texts[name]).items():
            merged = lexicon.tables.setdefault(table_name, {})
            for word, meaning in table.items():
                merged[word.casefold()] = meaning
    pairs = texts["traditional.txt"].splitlines()
    lexicon.traditional = {ord(line[0]): line[1] for line in pairs if len(line) == 2}
    return lexicon

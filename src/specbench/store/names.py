"""Names of chips: folding what a user types, the index from names to entries, and the names
that would resolve to two entries (a lint error)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from specbench.errors import Problem
from specbench.model import Chip
from specbench.store.vendors import VENDORS


def country(vendor: str) -> str | None:
    """The ISO code of the country a vendor is based in, or None where the table does not say."""
    folded = vendor.casefold()
    for name, (based, _names) in VENDORS.items():
        if name.casefold() == folded:
            return based
    return None


@cache
def vendor_prefixes() -> list[tuple[str, str]]:
    """Vendor names dropped before a chip's name for lookup ("NVIDIA H20", "壁仞BR100"), longest
    first, each with the vendor it names."""
    named = {n: vendor for vendor, (_country, names) in VENDORS.items() for n in names}
    return sorted(named.items(), key=lambda item: len(item[0]), reverse=True)


_DROP = str.maketrans("", "", " \t-_·.／/()（）")


def normalize_name(name: str) -> str:
    """Fold a chip name for lookup: NFKC, case, spaces, hyphens and a leading vendor name."""
    return fold_name(name)[0]


def fold_name(name: str) -> tuple[str, str | None]:
    """A chip name folded as :func:`normalize_name` folds it, and the vendor the names dropped
    before it name, or None where none was: "Tesla T20" is t20 of NVIDIA (Tesla is its brand),
    which Enflame's T20 is not."""
    key = unicodedata.normalize("NFKC", name).casefold().translate(_DROP)
    vendor: str | None = None
    for _ in range(2):  # a vendor and its brand: "NVIDIA Tesla V100"
        for prefix, named in vendor_prefixes():
            if key.startswith(prefix) and vendor in (None, named) and _model_name(rest := key[len(prefix) :]):
                key, vendor = rest, named
                break
        else:
            break
    return key, vendor


def _model_name(rest: str) -> bool:
    """Whether what follows a vendor's name is a model's name on its own (BR100, 曦云C500, 天垓100),
    not a bare number ("昆仑芯2": "2.3TB/s" would name it) or a word ("昆仑芯二代": "二代" is any
    second generation)."""
    return len(rest) >= 2 and any(c.isdigit() for c in rest) and any(c.isalpha() for c in rest)


# Where a name splits into words: separators, and a change between Chinese and Latin script
# ("昇腾910B" is 昇腾 and 910B). A dot joins ("邃思1.0"); letters and digits join ("MLU370").
# Patterns, not compiled ones: lookup needs them only for a name no entry has, and compiling
# them on every start would cost a command that never does.
_SEPARATORS = r"[\s\-_·/()（）]+"
_SCRIPT_RUNS = r"[^\x00-\x7f]+|[\x00-\x7f]+"
# Where a partial name may end inside a word: after a run of digits, of Latin letters or of
# Chinese characters ("MLU" of MLU370, "910" of 910B), or any other character.
_CHARACTER_RUNS = r"[0-9]+|[a-z]+|[^\x00-\x7f]+|[\x00-\x7f]"


def name_words(name: str) -> list[str]:
    """A name's words, folded: "MLU370-X8" is mlu370, x8; "华为昇腾910B" is 华为昇腾, 910b."""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = (run.translate(_DROP) for part in re.split(_SEPARATORS, text) for run in re.findall(_SCRIPT_RUNS, part))
    return [word for word in words if word]


def _vendor_names(chips: list[Chip]) -> dict[str, set[str]]:
    """Each folded name a vendor goes by (its own, its Chinese one, those written before its
    chips), with the vendors it names."""
    named: dict[str, set[str]] = {}
    for chip in chips:
        written = VENDORS.get(chip.vendor, ("", ()))[1]
        for name in (chip.vendor, chip.vendor_zh, *written):
            if name and (key := unicodedata.normalize("NFKC", name).casefold().translate(_DROP)):
                named.setdefault(key, set()).add(chip.vendor)
    return named


def _without_vendors(key: str, vendor_names: dict[str, set[str]]) -> tuple[str, set[str] | None]:
    """A folded name with the vendor names it starts with dropped ("cambriconmlu" is mlu of
    Cambricon), and the vendors named (None if none)."""
    vendors: set[str] | None = None
    for _ in range(2):  # a vendor and a brand: "NVIDIA Tesla"
        prefix = next((p for p in sorted(vendor_names, key=len, reverse=True) if key.startswith(p)), None)
        if prefix is None:
            break
        named = vendor_names[prefix] if vendors is None else vendors & vendor_names[prefix]
        if not named:
            break
        key, vendors = key[len(prefix) :], named
    return key, vendors


MIN_PARTIAL_NAME = 2  # "H" or "A" alone would name half the catalogue


def families_named(chips: Iterable[Chip], name: str) -> list[str]:
    """The families a partial name points into, sorted: those of the entries with a name that
    starts with it, or whose words from one on do, where the partial name ends a word or a run
    of letters or digits ("MLU" of MLU370-X8, "昇腾" of 昇腾910B, "910" of Ascend 910 and
    Ascend 910B, not "BR10" of BR100), and every family of a vendor it names alone ("Huawei").
    After a vendor's name ("Cambricon MLU") only that vendor's entries count.

    Lookup asks this only of a name that no entry has, so "H20" never points into H200."""
    chips = list(chips)
    key = unicodedata.normalize("NFKC", name).casefold().translate(_DROP)
    if len(key) > 100:  # no chip's name is that long
        return []
    rest, vendors = _without_vendors(key, _vendor_names(chips))
    if vendors is None and len(rest) < MIN_PARTIAL_NAME:
        return []
    families: set[str] = set()
    for chip in chips:
        if vendors is not None and chip.vendor not in vendors:
            continue
        if not rest or rest in _partial_names(chip):
            families.add(chip.family)
    return sorted(families, key=lambda family: (normalize_name(family), family))


def _partial_names(chip: Chip) -> set[str]:
    """The beginnings of an entry's names that a partial name may be: each name folded for
    lookup, and each name from each of its words on, cut where a word or a run of letters,
    digits or Chinese characters ends."""
    whole = [[key] for key in (*own_names(chip), normalize_name(chip.family))]
    worded = [name_words(n) for n in (chip.name, chip.name_en, chip.family, *chip.aliases) if n]
    partials: set[str] = set()
    for run_of_words in whole + [words[i:] for words in worded for i in range(len(words))]:
        text = ""
        for word in run_of_words:
            for run in re.findall(_CHARACTER_RUNS, word):
                text += run
                partials.add(text)
    return partials


def leading_words(name: str) -> set[str]:
    """A name's first words, folded for lookup, short of the whole name: "MLU370" of
    MLU370-X8, "A100 PCIe" of A100 PCIe 40GB."""
    words = name_words(name)
    return {normalize_name("".join(words[:n])) for n in range(1, len(words))}


def own_names(chip: Chip) -> dict[str, str]:
    """An entry's own names (id, name, English name, aliases), folded, with the text written."""
    return {normalize_name(n): n for n in (chip.id, chip.name, chip.name_en, *chip.aliases) if n}


def build_index(chips: Iterable[Chip]) -> dict[str, tuple[str, bool]]:
    """Map each folded name to (chip id, reached through its family name).

    An entry's own names come first; a family's name leads to its default SKU only where no
    entry has that name (lint reports a family name that an entry takes: see ``collisions``)."""
    index: dict[str, tuple[str, bool]] = {}
    chips = list(chips)
    for chip in chips:
        for key in own_names(chip):
            index.setdefault(key, (chip.id, False))
    for chip in chips:
        if chip.default:
            index.setdefault(normalize_name(chip.family), (chip.id, True))
    return index


def collisions(chips: list[Chip]) -> list[Problem]:
    """Names that would resolve to two entries: a name or alias of one entry that another entry
    also has, or that is the name of another entry's family (a new chip aliasing ``A100`` would
    take the A100 family's name from it). Reported on the entry read later, naming the earlier."""
    problems = []
    seen: dict[str, Chip] = {}
    families: dict[str, Chip] = {}
    for chip in chips:
        families.setdefault(normalize_name(chip.family), chip)
    for chip in chips:
        for key, name in own_names(chip).items():
            other = seen.get(key)
            if other is not None and other.id != chip.id:
                problems.append(Problem(chip.file, "aliases", f"{name!r} also names {other.id} ({other.file})"))
            seen.setdefault(key, chip)
            family = families.get(key)
            if family is not None and family.family != chip.family:
                problems.append(
                    Problem(
                        chip.file,
                        "aliases",
                        f"{name!r} is the name of the {family.family} family ({family.file}); "
                        "it would no longer lead to that family",
                    )
                )
    return problems


@dataclass
class Resolution:
    """How a name the user typed was resolved."""

    query: str
    chip: Chip
    via_family: bool = False
    family_members: tuple[str, ...] = ()

    def explanation(self) -> str | None:
        """A sentence saying which SKU a family name stood for, or None if the name was exact."""
        if not self.via_family:
            return None
        others = [m for m in self.family_members if m != self.chip.name]
        tail = f"; other SKUs: {', '.join(others)}" if others else ""
        return f"`{self.query}` resolved to {self.chip.name}, the default SKU of the {self.chip.family} family{tail}."

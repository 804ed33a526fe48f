"""Names of chips: folding what a user types, the index from names to entries, and the names
that would resolve to two entries (a lint error)."""

from __future__ import annotations

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
def _prefixes() -> list[str]:
    """Vendor names dropped before a chip's name for lookup ("NVIDIA H20", "壁仞BR100"), longest first."""
    return sorted({n for _country, names in VENDORS.values() for n in names}, key=len, reverse=True)


_DROP = str.maketrans("", "", " \t-_·.／/()（）")


def normalize_name(name: str) -> str:
    """Fold a chip name for lookup: NFKC, case, spaces, hyphens and a leading vendor name."""
    key = unicodedata.normalize("NFKC", name).casefold().translate(_DROP)
    for _ in range(2):  # a vendor and a brand: "NVIDIA Tesla V100"
        for prefix in _prefixes():
            if key.startswith(prefix) and _model_name(rest := key[len(prefix) :]):
                key = rest
                break
        else:
            break
    return key


def _model_name(rest: str) -> bool:
    """Whether what follows a vendor's name is a model's name on its own (BR100, 曦云C500, 天垓100),
    not a bare number ("昆仑芯2": "2.3TB/s" would name it) or a word ("昆仑芯二代": "二代" is any
    second generation)."""
    return len(rest) >= 2 and any(c.isdigit() for c in rest) and any(c.isalpha() for c in rest)


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

"""The catalogue: every chip and source, validated, with lookup by the names people write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar, cast

from specbench.errors import AmbiguousChipError, UnknownChipError
from specbench.model import Chip, Figure, Source, Support
from specbench.store.names import Resolution, build_index, families_named, fold_name, leading_words, normalize_name

_T = TypeVar("_T")
CACHE_FORMAT = "4"
_FIGURE_FIELDS = tuple(f.name for f in fields(Figure))
SUGGEST_MARGIN = 0.15  # how much less alike than the best a suggested name may be


@dataclass
class Catalogue:
    """Every chip and source, validated. Build it with :func:`load`."""

    chips: dict[str, Chip]
    sources: dict[str, Source]
    specs_dir: str = ""
    _index: dict[str, tuple[str, bool]] = field(default_factory=dict, repr=False)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[Catalogue], _T]) -> _T:
        """An object built from the catalogue (the claim reader, the judge), built on first use
        and kept with it, so that each ``scan`` or ``check`` call does not build it again."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return cast(_T, self._derived[key])

    def __post_init__(self) -> None:
        if not self._index:
            self._index = build_index(self.chips.values())

    def chip_id(self, key: str) -> str | None:
        """The id of the entry a name folded by :func:`normalize_name` leads to, or None."""
        hit = self._index.get(key)
        return hit[0] if hit is not None else None

    def resolve(self, name: str) -> Resolution:
        """Resolve a user-typed name: forgiving case, spaces, hyphens, vendor prefixes. A name no
        entry has raises :class:`AmbiguousChipError` listing the families it begins the names
        of ("MLU", "昇腾") where there are several, else :class:`UnknownChipError`."""
        hit = self._entry(name)
        if hit is None:
            families = self.families_named(name)
            if len(families) > 1:
                raise AmbiguousChipError(name, [(family, self.default_of(family).name) for family in families])
            raise UnknownChipError(name, self.suggest(name))
        chip = self.chips[hit[0]]
        members = tuple(c.name for c in self.chips.values() if c.family == chip.family)
        return Resolution(name, chip, via_family=hit[1] and len(members) > 1, family_members=members)

    def _entry(self, name: str) -> tuple[str, bool] | None:
        """The index entry of a user-typed name, if any, and only if a vendor named before the
        model is the entry's own: "NVIDIA A100" and "燧原T20" find theirs, "Tesla T20" finds none."""
        key, vendor = fold_name(name)
        hit = self._index.get(key)
        if hit is not None and vendor is not None and self.chips[hit[0]].vendor != vendor:
            return None
        return hit

    def _of_vendor(self, chip: Chip, name: str) -> bool:
        """Whether a vendor named before the model in ``name``, if any, is the chip's own."""
        vendor = fold_name(name)[1]
        return vendor is None or chip.vendor == vendor

    def get(self, name: str) -> Chip:
        return self.resolve(name).chip

    def families_named(self, name: str) -> list[str]:
        """The families a partial name points into ("MLU", "昇腾", "Huawei"); see
        :func:`~specbench.store.names.families_named`."""
        return families_named(self.chips.values(), name)

    def default_of(self, family: str) -> Chip:
        """The default SKU of a family (its first entry if lint would reject it for having none)."""
        members = [chip for chip in self.chips.values() if chip.family == family]
        return next((chip for chip in members if chip.default), members[0])

    def family_of(self, name: str) -> str:
        """The family a name stands for: a family's own name (forgiving case and spaces), the
        family of the entry the name resolves to (``910B``, ``C500``), or the one family whose
        entries' names start with it as whole words (``MLU370`` of MLU370-X8, never ``A10`` of
        A100). Raises :class:`UnknownChipError` (or its ambiguous kind) as :meth:`resolve` does."""
        key = normalize_name(name)
        for chip in self.chips.values():
            if normalize_name(chip.family) == key and self._of_vendor(chip, name):
                return chip.family
        if (hit := self._entry(name)) is not None:
            return self.chips[hit[0]].family
        families = {
            chip.family
            for chip in self.chips.values()
            for written in (chip.name, chip.name_en, *chip.aliases)
            if written and key in leading_words(written) and self._of_vendor(chip, name)
        }
        if len(families) == 1:
            return families.pop()
        return self.resolve(name).chip.family  # raises: no entry has the name

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        key, vendor = fold_name(name)
        if not key or len(key) > 100:  # no chip's name is that long: nothing to suggest
            return []
        import difflib

        names: list[str] = []
        scored = []
        for candidate in self._index:
            score = difflib.SequenceMatcher(None, key, candidate).ratio()
            if score >= 0.6 or key in candidate or (len(candidate) >= 3 and candidate in key):
                chip = self.chips[self._index[candidate][0]]
                scored.append((-score, chip.name, vendor is None or chip.vendor == vendor))
        # after a vendor's name, that vendor's chips; another's only where it has none alike
        if any(own for _score, _name, own in scored):
            scored = [entry for entry in scored if entry[2]]
        best = -min(scored)[0] if scored else 0.0
        for score, chip_name, _own in sorted(scored):
            # only names nearly as close as the closest: with many entries, "BR10" should not
            # also suggest every name that shares three letters with it
            if -score >= best - SUGGEST_MARGIN and chip_name not in names:
                names.append(chip_name)
        return names[:limit]

    def to_json(self) -> dict[str, Any]:
        """The catalogue as plain data (dicts, lists, strings, numbers) for the cache. Figures are
        rows in the order of ``figure_fields``: 700 objects of 20 keys each take four times as
        long to read."""
        chips = []
        for chip in self.chips.values():
            raw = {f.name: getattr(chip, f.name) for f in fields(Chip)}
            raw["figures"] = [[getattr(figure, name) for name in _FIGURE_FIELDS] for figure in chip.figures]
            raw["support"] = [asdict(support) for support in chip.support]
            chips.append(raw)
        return {
            "format": CACHE_FORMAT,
            "specs_dir": self.specs_dir,
            "sources": {k: asdict(v) for k, v in self.sources.items()},
            "figure_fields": list(_FIGURE_FIELDS),
            "chips": chips,
            "index": {key: list(hit) for key, hit in self._index.items()},  # folding 400 names costs a start-up
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        if data.get("format") != CACHE_FORMAT or data.get("figure_fields") != list(_FIGURE_FIELDS):
            raise ValueError("cache format changed")
        sources = {k: Source(**v) for k, v in data["sources"].items()}
        chips = {}
        at = _FIGURE_FIELDS.index("sources")
        for raw in data["chips"]:
            for row in raw["figures"]:
                row[at] = tuple(row[at])
            figures = tuple(Figure(*row) for row in raw["figures"])
            support = tuple(Support(**{**s, "sources": tuple(s["sources"])}) for s in raw["support"])
            chip = Chip(
                **{
                    **raw,
                    "figures": figures,
                    "support": support,
                    "aliases": tuple(raw["aliases"]),
                    "notes": tuple(raw["notes"]),
                }
            )
            chips[chip.id] = chip
        index = {key: (chip_id, bool(via_family)) for key, (chip_id, via_family) in data["index"].items()}
        return cls(chips, sources, data.get("specs_dir", ""), index)

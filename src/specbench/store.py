"""The catalogue store: finding spec files, validating them, caching the result, looking chips up.

Validation imports pint and pydantic (about 0.25 s), so the validated catalogue is
cached as JSON, keyed by the content of the spec files and of the code that
reads them. A command that finds the cache never imports either library.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from specbench import cachefile
from specbench.errors import Problem, SpecbenchError, SpecError, UnknownChipError, UsageError
from specbench.model import Chip, Figure, Source, Support

_T = TypeVar("_T")

BIBLIOGRAPHY = "sources.toml"
_CACHE_FORMAT = "1"
_PACKAGE = Path(__file__).parent


def bundled_dir(env_var: str, packaged: str, source_tree: str) -> Path | None:
    """A data folder: $env_var, else the copy shipped in the package, else the source tree's."""
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    for candidate in (_PACKAGE / packaged, _PACKAGE.parent.parent / source_tree):  # wheel; editable or checkout
        if candidate.is_dir():
            return candidate
    return None


def default_specs_dir() -> Path:
    """The spec files: $SPECBENCH_SPECS, else those shipped in the package, else the source tree's."""
    found = bundled_dir("SPECBENCH_SPECS", "specs", "specs")
    if found is None:
        raise SpecbenchError("no spec files found; set SPECBENCH_SPECS to a folder of spec files")
    return found


def cache_dir() -> Path:
    env = os.environ.get("SPECBENCH_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specbench"


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

    def resolve(self, name: str) -> Resolution:
        """Resolve a user-typed name: forgiving case, spaces, hyphens, vendor prefixes."""
        key = normalize_name(name)
        hit = self._index.get(key)
        if hit is None:
            raise UnknownChipError(name, self.suggest(name))
        chip = self.chips[hit[0]]
        members = tuple(c.name for c in self.chips.values() if c.family == chip.family)
        return Resolution(name, chip, via_family=hit[1] and len(members) > 1, family_members=members)

    def get(self, name: str) -> Chip:
        return self.resolve(name).chip

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        key = normalize_name(name)
        if not key or len(key) > 100:  # no chip's name is that long: nothing to suggest
            return []
        import difflib

        names: list[str] = []
        scored = []
        for candidate in self._index:
            score = difflib.SequenceMatcher(None, key, candidate).ratio()
            if score >= 0.6 or key in candidate or (len(candidate) >= 3 and candidate in key):
                scored.append((-score, self.chips[self._index[candidate][0]].name))
        for _score, chip_name in sorted(scored):
            if chip_name not in names:
                names.append(chip_name)
        return names[:limit]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _CACHE_FORMAT,
            "specs_dir": self.specs_dir,
            "sources": {k: asdict(v) for k, v in self.sources.items()},
            "chips": [asdict(c) for c in self.chips.values()],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        if data.get("format") != _CACHE_FORMAT:
            raise ValueError("cache format changed")
        sources = {k: Source(**v) for k, v in data["sources"].items()}
        chips = {}
        for raw in data["chips"]:
            figures = tuple(Figure(**{**f, "sources": tuple(f["sources"])}) for f in raw["figures"])
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
        return cls(chips, sources, data.get("specs_dir", ""))


# ---- names -------------------------------------------------------------------

_VENDOR_PREFIXES = (
    "nvidia",
    "英伟达",
    "輝達",
    "biren",
    "birentech",
    "壁仞科技",
    "壁仞",
    "enflame",
    "燧原科技",
    "燧原",
    "metax",
    "沐曦",
    "moorethreads",
    "摩尔线程",
    "摩爾線程",
)
_DROP = str.maketrans("", "", " \t-_·.／/()（）")


def normalize_name(name: str) -> str:
    """Fold a chip name for lookup: NFKC, case, spaces, hyphens and a leading vendor name."""
    key = unicodedata.normalize("NFKC", name).casefold().translate(_DROP)
    for prefix in sorted(_VENDOR_PREFIXES, key=len, reverse=True):
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix) :]
            break
    return key


def build_index(chips: Any) -> dict[str, tuple[str, bool]]:
    """Map each folded name to (chip id, reached through its family name)."""
    index: dict[str, tuple[str, bool]] = {}
    chips = list(chips)
    for chip in chips:
        if chip.default:
            index.setdefault(normalize_name(chip.family), (chip.id, True))
    for chip in chips:
        for name in (chip.id, chip.name, chip.name_en, *chip.aliases):
            if name:
                index[normalize_name(name)] = (chip.id, False)
    return index


def alias_collisions(chips: list[Chip]) -> list[Problem]:
    """Names that would resolve to two different chips."""
    seen: dict[str, Chip] = {}
    problems = []
    for chip in chips:
        names = {normalize_name(n): n for n in (chip.id, chip.name, chip.name_en, *chip.aliases) if n}
        for key, name in names.items():
            other = seen.get(key)
            if other is not None and other.id != chip.id:
                problems.append(Problem(chip.file, "aliases", f"{name!r} also names {other.id} ({other.file})"))
            seen.setdefault(key, chip)
    return problems


# ---- loading -------------------------------------------------------------------


def spec_files(directory: Path) -> list[Path]:
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"spec folder {str(directory)!r} is a file, not a folder of spec files")
    if not directory.is_dir():
        raise UsageError(f"spec folder {str(directory)!r} does not exist")
    return sorted(p for p in directory.glob("*.toml") if p.is_file())


def display_path(path: Path) -> str:
    """How a spec file is named in messages: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        if path.resolve().parent == (_PACKAGE / "specs").resolve():
            return f"specs/{path.name}"
        return str(path)


def _fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    digest.update(_code_fingerprint().encode())
    for path in files:
        try:
            content = path.read_bytes()
        except OSError as exc:  # validation reports it, naming the file
            content = f"unreadable: {exc.strerror}".encode()
        digest.update(path.name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:40]


@cache
def _code_fingerprint() -> str:
    """A hash of the code that validates and normalizes specs, so a code change refreshes the cache."""
    digest = hashlib.sha256()
    for path in [*sorted(_PACKAGE.glob("*.py")), _PACKAGE / "units.txt"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load(specs_dir: str | Path | None = None, *, use_cache: bool = True) -> Catalogue:
    """Load and validate the catalogue, from the cache when the spec files are unchanged.

    Raises SpecError listing every problem if any spec file is invalid.
    """
    directory = Path(specs_dir) if specs_dir else default_specs_dir()
    files = spec_files(directory)
    key = _fingerprint(files)
    cached = cache_dir() / f"catalogue-{key}.json"
    if use_cache:
        data = cachefile.read_json(cached, MAX_CACHE_BYTES)
        if data is not None:
            try:
                return Catalogue.from_json(data)
            except Exception:  # whole and unaltered, yet not a catalogue: rebuild it
                pass
    catalogue, problems = validate(directory)
    if problems or catalogue is None:
        raise SpecError(problems)
    if use_cache:
        cachefile.write_json(cached, catalogue.to_json())
        cachefile.evict(cached.parent, "catalogue-*.json", keep=8)
    return catalogue


MAX_CACHE_BYTES = 32 << 20  # the bundled catalogue's cache is about 100 kB


def validate(directory: Path) -> tuple[Catalogue | None, list[Problem]]:
    """Validate every spec file of a folder; return the catalogue (if usable) and every problem."""
    from specbench import lint, schema  # heavy: pydantic and pint

    files = spec_files(directory)
    problems: list[Problem] = []
    bibliography = directory / BIBLIOGRAPHY
    sources: dict[str, Source] = {}
    if bibliography.is_file():
        raw_sources, file_problems = _read_toml(bibliography)
        problems += file_problems
        if raw_sources is not None:
            sources, source_problems = _validate_sources(raw_sources, display_path(bibliography))
            problems += source_problems
    else:
        problems.append(Problem(display_path(bibliography), "", "bibliography file is missing"))

    specs: dict[str, tuple[Any, str]] = {}
    invalid: set[str] = set()
    for path in files:
        if path.name == BIBLIOGRAPHY:
            continue
        shown = display_path(path)
        raw, file_problems = _read_toml(path)
        problems += file_problems
        if raw is None:
            continue
        spec, spec_problems = _validate_spec(raw, shown, schema)
        problems += spec_problems
        if spec is None:
            invalid.add(path.stem)
            problems += _raw_source_problems(raw, shown, sources)
            continue
        if spec.id != path.stem:
            problems.append(Problem(shown, "id", f"{spec.id!r} should match the file name {path.stem!r}"))
        if spec.id in specs:
            problems.append(Problem(shown, "id", f"{spec.id!r} is also used by {specs[spec.id][1]}"))
            continue
        specs[spec.id] = (spec, shown)

    chips, build_problems = _build_chips(specs, schema, invalid)
    problems += build_problems
    problems += lint.check(list(chips.values()), sources)
    problems += alias_collisions(list(chips.values()))
    catalogue = Catalogue(chips, sources, str(directory)) if chips or not files else None
    # A SKU inherits its base's figures, so a rule broken there is found once per SKU.
    return catalogue, list(dict.fromkeys(problems))


def _raw_source_problems(raw: dict[str, Any], shown: str, sources: dict[str, Source]) -> list[Problem]:
    """Unknown source keys in a file the schema rejected, so they are reported in the same run."""
    problems = []
    for metric, entries in raw.items():
        items = [entries] if isinstance(entries, dict) else entries if isinstance(entries, list) else []
        for index, entry in enumerate(items):
            if not isinstance(entry, dict) or not isinstance(entry.get("sources"), list):
                continue
            where = f"{metric}[{index}]" if isinstance(entries, list) else metric
            for key in entry["sources"]:
                if isinstance(key, str) and sources and key not in sources:
                    problems.append(
                        Problem(shown, f"{where}.sources", f"{key!r} is not in the bibliography (specs/sources.toml)")
                    )
    return problems


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    import tomllib

    shown = display_path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SPEC_BYTES + 1)
        if len(data) > MAX_SPEC_BYTES:
            return None, [Problem(shown, "", f"larger than {MAX_SPEC_BYTES // 1_000_000} MB: not a spec file")]
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "", f"not UTF-8 text (byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(shown, "", f"cannot read: {exc.strerror}")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(shown, "", f"invalid TOML: {exc}")]
    except ValueError as exc:  # an integer of more than 4,300 digits
        return None, [Problem(shown, "", f"invalid TOML: {str(exc).split(';')[0]}")]
    except RecursionError:
        return None, [Problem(shown, "", "invalid TOML: arrays or tables nested too deeply")]


MAX_SPEC_BYTES = 1_000_000  # the largest spec file is a few kilobytes


def _validate_sources(raw: dict[str, Any], shown: str) -> tuple[dict[str, Source], list[Problem]]:
    from pydantic import ValidationError

    from specbench.schema import SourceSpec

    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            problems.append(Problem(shown, key, f"{entry!r} should be a table of source fields"))
            continue
        try:
            spec = SourceSpec.model_validate(entry)
        except ValidationError as exc:
            problems += _problems(exc, shown, entry, prefix=(key,))
            continue
        sources[key] = Source(key=key, **spec.model_dump())
    return sources, problems


def _validate_spec(raw: dict[str, Any], shown: str, schema: Any) -> tuple[Any, list[Problem]]:
    from pydantic import ValidationError

    try:
        return schema.SpecFile.model_validate(raw), []
    except ValidationError as exc:
        return None, _problems(exc, shown, raw)


def _problems(exc: Any, shown: str, raw: dict[str, Any], prefix: tuple[Any, ...] = ()) -> list[Problem]:
    """Turn pydantic's errors into Problems with TOML-style field paths."""
    problems = []
    for error in exc.errors():
        loc = list(error["loc"])
        path = _field_path(prefix + tuple(loc), raw, len(prefix))
        kind = error["type"]
        message = error["msg"].removeprefix("Value error, ")
        if kind == "missing":
            message = "required field is missing"
        elif kind == "extra_forbidden":
            message = f"unknown field (value {error['input']!r}); see the spec format in the README"
        elif kind != "value_error":
            message = f"{error['input']!r}: {message}"
        problems.append(Problem(shown, path, message))
    return problems


def _field_path(loc: tuple[Any, ...], raw: dict[str, Any], skip: int) -> str:
    parts: list[str] = []
    node: Any = raw
    for i, part in enumerate(loc):
        if i >= skip:
            if isinstance(part, int):
                # `[tdp]` written as one table is wrapped into a list; do not show [0].
                if isinstance(node, list):
                    parts.append(f"[{part}]")
            else:
                parts.append(("." if parts else "") + str(part))
        if isinstance(node, dict):
            node = node.get(part) if i >= skip else node
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
    return "".join(parts)


MAX_BASE_DEPTH = 8  # a SKU of a SKU of a chip is the deepest any catalogue needs


def _build_chips(
    specs: dict[str, tuple[Any, str]], schema: Any, invalid: set[str]
) -> tuple[dict[str, Chip], list[Problem]]:
    """Resolve ``base`` inheritance and convert every value to its canonical unit."""
    from specbench import units
    from specbench.model import METRICS

    problems: list[Problem] = []
    chips: dict[str, Chip] = {}

    def own(chip_id: str) -> dict[str, tuple[list[Any], str]]:
        spec, shown = specs[chip_id]
        return {
            name: (getattr(spec, name), shown)
            for name in ("throughput", "support", *METRICS)
            if getattr(spec, name) is not None
        }

    def resolved(chip_id: str) -> dict[str, tuple[list[Any], str]] | None:
        """The entry's fields merged over those of its chain of bases (walked in a loop, so a
        long chain cannot exhaust the stack)."""
        chain = [chip_id]
        while (base := specs[chain[-1]][0].base) is not None:
            shown = specs[chain[-1]][1]
            if base in invalid:
                return None  # its own problems are already reported
            if base not in specs:
                problems.append(Problem(shown, "base", f"{base!r} is not a spec in this catalogue"))
                return None
            if base in chain:
                path = " -> ".join([*chain[chain.index(base) :], base])
                problems.append(Problem(shown, "base", f"{base!r} makes a cycle: {path}"))
                return None
            if len(chain) > MAX_BASE_DEPTH:
                problems.append(Problem(specs[chip_id][1], "base", f"a chain of more than {MAX_BASE_DEPTH} bases"))
                return None
            chain.append(base)
        merged: dict[str, tuple[list[Any], str]] = {}
        for entry in reversed(chain):
            if entry != chain[-1]:
                merged = {k: v for k, v in merged.items() if k not in schema.NOT_INHERITED}
            merged.update(own(entry))
        return merged

    for chip_id, (spec, shown) in specs.items():
        fields = resolved(chip_id)
        if fields is None:
            continue
        figures: list[Figure] = []
        support: list[Support] = []
        for metric, (entries, origin) in fields.items():
            for index, entry in enumerate(entries):
                where = f"{metric}[{index}]" if len(entries) > 1 else metric
                if metric == "support":
                    support.append(Support(entry.precision, entry.supported, tuple(entry.sources), entry.note))
                    continue
                kind = (
                    METRICS[metric][0]
                    if metric in METRICS
                    else ("op_rate" if entry.precision.startswith("int") else "flop_rate")
                )
                figures.append(_figure(metric, entry, kind, origin, where, units))
        chips[chip_id] = Chip(
            id=spec.id,
            name=spec.name,
            vendor=spec.vendor,
            family=spec.family,
            sku=spec.sku,
            form_factor=spec.form_factor,
            file=shown,
            name_en=spec.name_en,
            vendor_zh=spec.vendor_zh,
            default=spec.default,
            base=spec.base,
            aliases=tuple(spec.aliases),
            notes=tuple(spec.notes),
            figures=tuple(figures),
            support=tuple(support),
        )
    return chips, problems


def _figure(metric: str, entry: Any, kind: str, origin: str, where: str, units: Any) -> Figure:
    from specbench.model import METRICS

    if kind in ("text", "date"):
        value: float | str = str(entry.value)
    elif kind == "integer":
        value = float(entry.value)
    else:
        unit = METRICS[metric][2] if metric in METRICS else None
        unit = {"mm²": "mm**2", "": None}.get(unit or "", unit)
        value = units.to_canonical(entry.value, kind, unit)
    extra = {}
    if metric == "throughput":
        extra = dict(
            precision=entry.precision,
            execution=entry.execution,
            sparsity=entry.sparsity,
            level=entry.level,
            accumulate=entry.accumulate,
        )
    elif metric == "interconnect":
        extra = dict(name=entry.name, direction=entry.direction)
    return Figure(
        metric=metric,
        text=str(entry.value),
        value=value,
        sources=tuple(entry.sources),
        status=entry.status,
        preferred=entry.preferred,
        why=entry.why,
        note=entry.note,
        quote=entry.quote,
        file=origin,
        field=where,
        **extra,
    )


def lint_paths(paths: list[Path]) -> tuple[list[Problem], int]:
    """Validate spec files or folders; return every problem and how many files were checked.

    A file is checked in the context of its folder (its bibliography, and the
    entries it names as ``base``), but only its own problems are reported.
    """
    problems: list[Problem] = []
    checked = 0
    for path in paths:
        if not path.exists():
            raise UsageError(f"{str(path)!r} does not exist")
        if path.is_dir():
            _catalogue, found = validate(path)
            problems += found
            checked += len(spec_files(path))
        elif path.suffix != ".toml":
            raise UsageError(f"{str(path)!r} is not a .toml spec file")
        else:
            _catalogue, found = validate(path.parent)
            shown = display_path(path)
            problems += [p for p in found if p.file == shown]
            checked += 1
    return list(dict.fromkeys(problems)), checked

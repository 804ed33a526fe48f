"""Loading the catalogue: the spec files of one folder, plus those of folders that add to it,
validated together (every problem reported at once) or read from the cache."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from specbench.errors import Problem, SpecError, UsageError
from specbench.model import Source
from specbench.store import cache
from specbench.store.catalogue import Catalogue
from specbench.store.files import read_toml, validate_sources, validate_spec
from specbench.store.inheritance import build_chips
from specbench.store.locations import BIBLIOGRAPHY, added_dirs, default_specs_dir, display_path, spec_files
from specbench.store.names import collisions


def load(
    specs_dir: str | Path | None = None, *, add: Sequence[str | Path] | None = None, use_cache: bool = True
) -> Catalogue:
    """Load and validate the catalogue, from the cache when the spec files are unchanged.

    ``specs_dir`` replaces the bundled spec files; the folders of ``add`` (default: those of
    $SPECBENCH_USER_SPECS) add their entries and sources to it. Raises SpecError listing every
    problem if any spec file is invalid.
    """
    directory = Path(specs_dir) if specs_dir else default_specs_dir()
    added = [d for d in added_dirs(add) if d.resolve() != directory.resolve()]
    files = [path for folder in (directory, *added) for path in spec_files(folder)]
    where = cache.cache_path(files)
    if use_cache and (catalogue := cache.read(where)) is not None:
        return catalogue
    catalogue, problems = validate(directory, added)
    if problems or catalogue is None:
        raise SpecError(problems)
    if use_cache:
        cache.write(where, catalogue)
    return catalogue


def validate(directory: Path, added: list[Path] | tuple[Path, ...] = ()) -> tuple[Catalogue | None, list[Problem]]:
    """Validate every spec file of a folder and of the folders added to it; return the catalogue
    (if usable) and every problem."""
    from specbench import lint, schema  # heavy: pydantic and pint

    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    origin: dict[str, str] = {}
    for folder in (directory, *added):
        bibliography = folder / BIBLIOGRAPHY
        if not bibliography.is_file():
            if folder == directory:
                problems.append(Problem(display_path(bibliography), "", "bibliography file is missing"))
            continue  # a folder that adds entries may cite the bundled bibliography alone
        shown = display_path(bibliography)
        raw_sources, file_problems = read_toml(bibliography)
        problems += file_problems
        if raw_sources is None:
            continue
        found, source_problems = validate_sources(raw_sources, shown)
        problems += source_problems
        for key, source in found.items():
            if key in sources:
                problems.append(Problem(shown, key, f"source key {key!r} is also defined in {origin[key]}"))
                continue
            sources[key], origin[key] = source, shown

    specs: dict[str, tuple[Any, str]] = {}
    invalid: set[str] = set()
    unread_families: set[str] = set()  # families with a member that failed to validate
    files = [path for folder in (directory, *added) for path in spec_files(folder)]
    for path in files:
        if path.name == BIBLIOGRAPHY:
            continue
        shown = display_path(path)
        raw, file_problems = read_toml(path)
        problems += file_problems
        if raw is None:
            continue
        spec, spec_problems = validate_spec(raw, shown, schema)
        problems += spec_problems
        if spec is None:
            invalid.add(path.stem)
            if isinstance(raw.get("family"), str):
                unread_families.add(raw["family"])
            problems += _raw_source_problems(raw, shown, sources)
            continue
        if spec.id != path.stem:
            problems.append(Problem(shown, "id", f"{spec.id!r} should match the file name {path.stem!r}"))
        if spec.id in specs:
            problems.append(Problem(shown, "id", f"{spec.id!r} is also used by {specs[spec.id][1]}"))
            continue
        specs[spec.id] = (spec, shown)

    chips, build_problems = build_chips(specs, schema, invalid)
    problems += build_problems
    problems += lint.check(list(chips.values()), sources, unread_families)
    problems += collisions(list(chips.values()))
    shown_dirs = ", ".join(str(folder) for folder in (directory, *added))
    catalogue = Catalogue(chips, sources, shown_dirs) if chips or not files else None
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


def is_catalogue_of_its_own(folder: Path, catalogue_dir: Path) -> bool:
    """Whether a folder of spec files is checked alone rather than as an addition to the
    catalogue of ``catalogue_dir``: it is that folder, or a copy or fork of it (it holds most of
    its entries, by file name), which is used in its place (``--specs``). Any other folder is a
    user's own, which is used added to the catalogue (``--add-specs``) and is checked with it,
    so that an alias taking a bundled family's name is found."""
    if folder.resolve() == catalogue_dir.resolve():
        return True
    entries = {path.name for path in spec_files(catalogue_dir) if path.name != BIBLIOGRAPHY}
    own = {path.name for path in spec_files(folder) if path.name != BIBLIOGRAPHY}
    return len(own & entries) * 2 > len(entries)


def lint_paths(
    paths: list[Path], within: Path | None = None, added: list[Path] | tuple[Path, ...] = ()
) -> tuple[list[Problem], int]:
    """Validate spec files or folders; return every problem and how many files were checked.

    A file is checked in the context of its folder (its bibliography, and the entries it names
    as ``base``), but only its own problems are reported. With ``within``, each folder or file
    is checked as an addition to the catalogue of that folder, as ``--add-specs`` uses it; with
    ``added``, each folder is checked with those folders added to it, and all their problems told.
    """
    problems: list[Problem] = []
    checked = 0
    for path in paths:
        if not path.exists():
            raise UsageError(f"{str(path)!r} does not exist")
        if path.is_file() and path.suffix != ".toml":
            raise UsageError(f"{str(path)!r} is not a .toml spec file")
        folder = path if path.is_dir() else path.parent
        if within is not None and folder.resolve() != within.resolve():
            _catalogue, found = validate(within, [folder])
        else:
            _catalogue, found = validate(folder, [a for a in added if a.resolve() != folder.resolve()])
        if path.is_dir():
            mine = {display_path(p) for p in spec_files(path)}
            problems += [p for p in found if p.file in mine] if within is not None else found
            checked += len(mine) + sum(len(spec_files(a)) for a in added if a.resolve() != folder.resolve())
        else:
            shown = display_path(path)
            problems += [p for p in found if p.file == shown]
            checked += 1
    return list(dict.fromkeys(problems)), checked

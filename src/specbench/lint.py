"""Consistency rules that relate several values of a spec; each always holds for real hardware.

The schema (specbench.schema) checks each value on its own; these rules check
that the values of an entry agree with each other and with the bibliography.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Set

from specbench.errors import Problem, clip
from specbench.model import Chip, Figure, Source, choose_preferred, precision_label

# Highest per-pin data rate of each memory type's fastest standard or shipping
# bin (Gb/s), and the interface width of one HBM stack (bits).
MAX_PIN_RATE_GBPS: dict[str, float] = {
    "HBM2": 2.4,
    "HBM2E": 3.6,
    "HBM3": 6.4,
    "HBM3E": 9.8,
    "GDDR6": 24.0,
    "GDDR6X": 24.0,
    "GDDR7": 32.0,
    "LPDDR5": 6.4,
    "LPDDR5X": 8.533,
}
HBM_STACK_WIDTH_BITS = 1024
# Vendors ship parts slightly above a standard's top bin (A100 40GB runs HBM2
# at 2.43 Gb/s), so a figure up to 5% above the ceiling is accepted.
PIN_RATE_TOLERANCE = 1.05


def check(chips: list[Chip], sources: dict[str, Source], unread_families: Set[str] = frozenset()) -> list[Problem]:
    """Every consistency problem of every chip. A family with a member that failed to validate
    (``unread_families``) is not checked for its default SKU: the default may be that member,
    and its own problems are already reported."""
    problems: list[Problem] = []
    families: dict[str, list[Chip]] = defaultdict(list)
    for chip in chips:
        families[chip.family].append(chip)
        problems += _cited_sources(chip, sources)
        problems += _preferred_alternatives(chip)
        problems += _sparse_twins(chip)
        problems += _die_area_fits_package(chip)
        problems += _memory_bandwidth_plausible(chip)
        problems += _levels_match_dies(chip)
        problems += _support_agrees(chip)
        problems += _quotes_print_values(chip, sources)
    for family, members in families.items():
        defaults = [c for c in members if c.default]
        if len(defaults) != 1 and not (family in unread_families and not defaults):
            names = ", ".join(c.id for c in defaults) or "none"
            problems.append(
                Problem(members[0].file, "default", f"family {family!r} needs exactly one default SKU (has: {names})")
            )
    return problems


def _cited_sources(chip: Chip, sources: dict[str, Source]) -> list[Problem]:
    problems = []
    for figure in chip.figures:
        for key in figure.sources:
            if key not in sources:
                problems.append(
                    Problem(
                        figure.file,
                        f"{figure.field}.sources",
                        f"{key!r} is not in the bibliography (specs/sources.toml)",
                    )
                )
    for index, entry in enumerate(chip.support):
        for key in entry.sources:
            if key not in sources:
                problems.append(
                    Problem(
                        chip.file,
                        f"support[{index}].sources",
                        f"{key!r} is not in the bibliography (specs/sources.toml)",
                    )
                )
    return _unique(problems)


def _preferred_alternatives(chip: Chip) -> list[Problem]:
    """Where sources disagree, exactly one value is preferred, and the preference says why."""
    groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    for figure in chip.figures:
        groups[figure.group_key()].append(figure)
    problems = []
    for figures in groups.values():
        if len(figures) < 2:
            continue
        marked = [f for f in figures if f.preferred]
        first = figures[0]
        if len(marked) != 1:
            problems.append(
                Problem(
                    first.file,
                    first.field,
                    f"{len(figures)} values ({', '.join(f.text for f in figures)}) "
                    f"need exactly one marked preferred = true (found {len(marked)})",
                )
            )
        for figure in marked:
            if not figure.why:
                problems.append(
                    Problem(figure.file, figure.field, "the preferred value among alternatives needs a `why`")
                )
    return problems


def _sparse_twins(chip: Chip) -> list[Problem]:
    """A 2:4 sparse figure is exactly twice its dense twin."""
    problems = []
    for sparse in chip.throughput():
        if sparse.sparsity != "sparse" or not sparse.is_numeric:
            continue
        twins = [
            f
            for f in chip.throughput()
            if f.sparsity == "dense"
            and (f.precision, f.execution, f.level) == (sparse.precision, sparse.execution, sparse.level)
        ]
        dense = choose_preferred(twins)
        if dense is None or not dense.is_numeric:
            continue
        if not math.isclose(float(sparse.value), 2 * float(dense.value), rel_tol=1e-9):
            problems.append(
                Problem(
                    sparse.file,
                    f"{sparse.field}.value",
                    f"{sparse.text!r} (2:4 sparse {precision_label(sparse.precision or '')}) "
                    f"should be exactly twice its dense twin {dense.text!r}",
                )
            )
    return problems


def _die_area_fits_package(chip: Chip) -> list[Problem]:
    die, package = chip.preferred("die_area"), chip.preferred("package_area")
    if not (die and package and die.is_numeric and package.is_numeric):
        return []
    dies = chip.compute_dies or 1
    if dies * float(die.value) > float(package.value):
        return [
            Problem(
                die.file,
                f"{die.field}.value",
                f"{dies} x {die.text} of compute die exceeds the package area {package.text}",
            )
        ]
    return []


def memory_bandwidth_ceiling(chip: Chip) -> tuple[float, str] | None:
    """The highest memory bandwidth (GB/s) the entry's memory type and width allow, and how."""
    memory = chip.preferred("memory_type")
    if memory is None:
        return None
    rate = MAX_PIN_RATE_GBPS.get(str(memory.value).upper().replace(" ", ""))
    if rate is None:
        return None
    bus = chip.preferred("memory_bus_width")
    stacks = chip.preferred("memory_stacks")
    if bus and bus.is_numeric:
        bits = float(bus.value)
        how = f"{bus.text} bus"
    elif stacks and stacks.is_numeric and str(memory.value).upper().startswith("HBM"):
        bits = float(stacks.value) * HBM_STACK_WIDTH_BITS
        how = f"{int(float(stacks.value))} stacks x {HBM_STACK_WIDTH_BITS} bit"
    else:
        return None
    ceiling = bits * rate / 8  # Gb/s per pin x pins / 8 = GB/s
    return ceiling, f"{memory.value} at {rate} Gb/s per pin over {how}"


def _memory_bandwidth_plausible(chip: Chip) -> list[Problem]:
    figure = chip.preferred("memory_bandwidth")
    ceiling = memory_bandwidth_ceiling(chip)
    if figure is None or ceiling is None or not figure.is_numeric:
        return []
    limit, how = ceiling
    if float(figure.value) > limit * PIN_RATE_TOLERANCE:
        return [
            Problem(
                figure.file, f"{figure.field}.value", f"{figure.text!r} exceeds what {how} can carry ({limit:.0f} GB/s)"
            )
        ]
    return []


def _levels_match_dies(chip: Chip) -> list[Problem]:
    """A per-die figure needs a one-die entry; a card figure needs a card."""
    problems = []
    dies = chip.compute_dies
    for figure in chip.throughput():
        if figure.level == "die" and dies != 1:
            what = f"{dies} compute dies" if dies else "an unknown number of compute dies"
            problems.append(
                Problem(
                    figure.file,
                    f"{figure.field}.level",
                    f"'die' level on an entry with {what}; record the package figure",
                )
            )
        if figure.level == "card" and chip.form_factor == "chip":
            problems.append(
                Problem(figure.file, f"{figure.field}.level", "'card' level on a bare chip entry; use 'package'")
            )
    return problems


def _support_agrees(chip: Chip) -> list[Problem]:
    problems = []
    for index, entry in enumerate(chip.support):
        if entry.supported:
            continue
        if any(f.precision == entry.precision for f in chip.throughput()):
            problems.append(
                Problem(
                    chip.file,
                    f"support[{index}]",
                    f"{precision_label(entry.precision)} is marked unsupported but has a throughput figure",
                )
            )
    return problems


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _quotes_print_values(chip: Chip, sources: dict[str, Source]) -> list[Problem]:
    """A figure's quote prints its value (see quote_problem)."""
    return [problem for figure in chip.figures if (problem := quote_problem(figure, sources)) is not None]


def quote_problem(figure: Figure, sources: dict[str, Source]) -> Problem | None:
    """The problem with a figure's quote, if it does not print the figure's value (or, where the
    source states it only roughly, hold its ``quote_value``), read as its source's locale writes
    numbers and dates (specbench.quotes). None for a figure without a quote."""
    from specbench import quotes
    from specbench.model import METRICS

    if not figure.quote:
        return None
    if figure.quote_value is not None:
        if quotes.contains(figure.quote, figure.quote_value):
            return None
        return Problem(
            figure.file,
            f"{figure.field}.quote_value",
            f"{clip(figure.quote_value)!r} is not in the quote {clip(figure.quote)!r}",
        )
    kind = "rate" if figure.metric == "throughput" else METRICS[figure.metric][0]
    published = [
        date for key in figure.sources if key in sources and (date := quotes.SourceDate.parse(sources[key].date))
    ]
    # Amounts of data are held in GB; a source may print the count of bytes.
    in_bytes = float(figure.value) * 1e9 if kind == "information" and figure.is_numeric else None
    if quotes.prints(figure.metric, kind, figure.text, figure.quote, published=published, amount_in_bytes=in_bytes):
        return None
    return Problem(
        figure.file,
        f"{figure.field}.quote",
        f"{clip(figure.quote)!r} does not print {figure.text!r}; if the source states it only roughly, "
        "give the words that state it as `quote_value` and say why in `note`",
    )

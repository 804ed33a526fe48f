"""Like-for-like comparison of chips: rows, ratios, and the notes that make them honest.

Throughput rows are split by precision and execution unit (A100's vector FP32
and matrix TF32 are different rows; Biren's TF32+ is never merged with TF32).
Every cell keeps the figure it came from, so the renderers can show each
normalization step and source under the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from specbench.errors import SpecbenchError, UsageError
from specbench.lint import memory_bandwidth_ceiling
from specbench.model import (
    EXECUTION_UNITS,
    METRICS,
    PRECISIONS,
    VENDOR_FORMATS,
    Chip,
    Figure,
    Source,
    precision_label,
)
from specbench.normalize import BASES, Normalized, fmt, throughput_keys, value_on_basis
from specbench.store import Catalogue, Resolution

if TYPE_CHECKING:
    import pandas as pd

    from specbench.metric_query import MetricSelection
    from specbench.tidy import TidyRow

# Precisions below FP32 are, on every chip in the catalogue, peak figures of
# matrix units; a figure whose unit the vendor does not state is shown beside
# the matrix figures of the others, with a note. FP32 and FP64 are where the
# vector-versus-matrix trap lives, so an unstated unit there keeps its own row.
_MATRIX_TYPICAL = frozenset({"tf32", "tf32+", "bf16", "fp16", "fp8", "fp4", "int16", "int8", "int4"})
_UNIT_ORDER = list(EXECUTION_UNITS)

# Scalar rows: (metric, label, unit, show a ratio).
_SPEC_ROWS = [
    ("memory_capacity", "Memory capacity", "GB", True),
    ("memory_type", "Memory type", "", False),
    ("memory_bandwidth", "Memory bandwidth", "GB/s", True),
    ("interconnect", "Interconnect", "GB/s", True),
    ("host_interface", "Host interface", "", False),
    ("tdp", "TDP", "W", True),
    ("process", "Process", "", False),
    ("foundry", "Foundry", "", False),
    ("compute_dies", "Compute dies", "", False),
    ("die_area", "Die area (per compute die)", "mm²", True),
    ("package_area", "Package area", "mm²", False),
    ("transistors", "Transistors", "billion", True),
    ("launch", "Launch", "", False),
]

MISSING = "—"


@dataclass
class Cell:
    """One chip's value in one row, with the figure behind it and its note numbers."""

    value: float | str | None
    display: str
    figure: Figure | None = None
    steps: tuple[str, ...] = ()
    notes: list[int] = field(default_factory=list)
    comparable: bool = True  # False where a ratio would not be like for like
    inputs: tuple[Figure, ...] = ()  # for a derived value: the figures it divided by or into


@dataclass
class Row:
    key: str
    label: str
    unit: str
    cells: dict[str, Cell]
    ratios: dict[str, float | None] = field(default_factory=dict)
    kind: str = "throughput"
    ratio_notes: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class RatioColumn:
    numerator: str
    denominator: str
    label: str


@dataclass
class Comparison:
    """The result of :func:`build_comparison`; render it with specbench.tables."""

    chips: list[Chip]
    resolutions: list[Resolution]
    basis: str
    ratio_columns: list[RatioColumn]
    rows: list[Row]
    notes: list[str]
    sources: list[Source]

    @property
    def title(self) -> str:
        return " vs ".join(c.name for c in self.chips)

    def column_names(self) -> list[str]:
        return [c.name for c in self.chips]

    def figure_lines(self) -> list[str]:
        """Per row: each chip's figure as published, its normalization steps and its sources."""
        lines = []
        for row in self.rows:
            parts = []
            for chip in self.chips:
                cell = row.cells[chip.id]
                if cell.figure is None:
                    continue
                if row.kind == "derived":
                    parts.append(f"{chip.name} {cell.steps[0]}")
                    continue
                parts.append(f"{chip.name} {describe_figure(cell)}")
            for column in self.ratio_columns:
                ratio = row.ratios.get(column.label)
                if ratio is not None:
                    num = row.cells[column.numerator].value
                    den = row.cells[column.denominator].value
                    parts.append(
                        f"{column.label}: {fmt(float(num))} / {fmt(float(den))} "  # type: ignore[arg-type]
                        f"= {ratio:.2f}x"
                    )
            if parts:
                unit = f" ({row.unit})" if row.unit else ""
                lines.append(f"{row.label}{unit}: " + "; ".join(parts) + ".")
        return lines

    def to_records(self) -> dict[str, Any]:
        """A JSON-ready dict of everything the comparison holds."""
        return {
            "basis": self.basis,
            "chips": [
                {"id": c.id, "name": c.name, "query": r.query, "resolved": r.explanation()}
                for c, r in zip(self.chips, self.resolutions, strict=True)
            ],
            "ratio_columns": [vars(c) for c in self.ratio_columns],
            "rows": [
                {
                    "metric": row.label,
                    "key": row.key,
                    "unit": row.unit,
                    "kind": row.kind,
                    "values": {
                        cid: {
                            "value": cell.value,
                            "display": cell.display,
                            "published": cell.figure.text if cell.figure else None,
                            "sources": list(cell.figure.sources) if cell.figure else [],
                            "steps": list(cell.steps),
                            "notes": cell.notes,
                        }
                        for cid, cell in row.cells.items()
                    },
                    "ratios": row.ratios,
                }
                for row in self.rows
            ],
            "notes": self.notes,
            "figures": self.figure_lines(),
            "sources": {s.key: s.citation() for s in self.sources},
        }

    def tidy_rows(self) -> list[TidyRow]:
        """One row per chip and figure of the comparison (see specbench.tidy): throughput on the
        comparison's basis, with the precision, execution unit and sparsity the source printed;
        derived figures with the sources of every input (a per-watt value cites the TDP's too).
        A precision a chip's sources say it lacks is a row with no value, "not supported"."""
        from specbench.derived import DERIVED_BY_LABEL
        from specbench.tidy import TidyRow, throughput_row

        rows: list[TidyRow] = []
        for row in self.rows:
            for chip in self.chips:
                cell = row.cells[chip.id]
                figure = cell.figure
                value = cell.value if isinstance(cell.value, float) else None
                if figure is None:
                    if cell.value == "not supported":
                        precision, execution = row.key.split(":")[:2]
                        missing = TidyRow(chip.name, "throughput", None, row.unit, (), precision, execution)
                        rows.append(replace(missing, basis=self.basis, published="not supported"))
                    continue
                if row.kind == "throughput":
                    rows.append(
                        throughput_row(chip, "throughput", Normalized(value or 0.0, row.unit, figure), self.basis)
                    )
                elif row.kind == "derived":
                    sources = tuple(dict.fromkeys([*figure.sources, *(k for f in cell.inputs for k in f.sources)]))
                    metric = DERIVED_BY_LABEL[row.key.rsplit(":", 1)[-1]].key
                    shown = throughput_row(chip, metric, Normalized(value or 0.0, row.unit, figure), self.basis)
                    rows.append(replace(shown, sources=sources, published=cell.steps[0]))
                else:
                    text = figure.text
                    if figure.metric == "interconnect":
                        text += f" ({figure.name}, {figure.direction})"
                    rows.append(TidyRow(chip.name, row.key, value, row.unit, figure.sources, published=text))
        return rows

    def to_frame(self) -> pd.DataFrame:
        """Rows by metric label; a unit column, a column per chip (numbers) and per ratio."""
        import pandas as pd

        records = []
        for row in self.rows:
            record: dict[str, Any] = {"metric": row.label, "unit": row.unit}
            for chip in self.chips:
                record[chip.name] = row.cells[chip.id].value
            for column in self.ratio_columns:
                record[column.label] = row.ratios.get(column.label)
            records.append(record)
        frame = pd.DataFrame(records).set_index("metric")
        frame.attrs.update(
            basis=self.basis,
            notes=list(self.notes),
            figures=self.figure_lines(),
            sources={s.key: s.citation() for s in self.sources},
        )
        return frame


def describe_figure(cell: Cell) -> str:
    figure = cell.figure
    assert figure is not None
    text = figure.text
    extra = []
    if figure.metric == "throughput" and figure.sparsity != "unknown":
        extra.append("2:4 sparse" if figure.sparsity == "sparse" else "dense")
    if figure.metric == "interconnect":
        extra.append(f"{figure.name}, {figure.direction}")
    if figure.status != "published":
        extra.append(figure.status)
    described = f"{text} ({', '.join(extra)})" if extra else text
    shown = cell.display.split(" [")[0]
    if cell.steps:
        described += " → " + "; ".join(cell.steps)
    elif isinstance(cell.value, float) and not text.startswith(f"{shown} ") and _is_plain_number(shown):
        described += f" = {shown}"
    return f"{described} [{', '.join(figure.sources)}]"


def _is_plain_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Notes:
    """Numbered notes, each text stored once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1


def build_comparison(
    catalogue: Catalogue,
    names: list[str],
    *,
    basis: str = "dense",
    baseline: str | None = None,
    metrics: MetricSelection | None = None,
) -> Comparison:
    """Compare chips like for like. Ratios are the first chip over each other chip, or
    each chip over ``baseline`` when one is named. ``metrics`` keeps only the rows it names
    (see :func:`specbench.metric_query.parse_metrics`)."""
    if len(names) < 2:
        raise UsageError("compare needs at least two chips")
    if basis not in BASES:
        raise UsageError(f"unknown basis {basis!r}; choose one of {', '.join(BASES)}")
    resolutions = [catalogue.resolve(name) for name in names]
    chips = [r.chip for r in resolutions]
    if len({c.id for c in chips}) != len(chips):
        raise UsageError(
            "the same chip is named twice: " + ", ".join(f"{r.query} → {r.chip.name}" for r in resolutions)
        )
    columns = _ratio_columns(catalogue, chips, baseline)
    notes = _Notes()
    for resolution in resolutions:
        if resolution.explanation():
            notes.add(resolution.explanation() or "")
    throughput = _throughput_rows(chips, basis, notes)
    rows = throughput + _spec_rows(chips, notes)
    _secondary_notes(chips, rows, catalogue.sources, notes)
    rows += _derived_rows(chips, throughput)  # derived cells carry their inputs' notes
    for row in rows:
        _fill_ratios(row, columns)
    _chip_notes(chips, notes)
    if metrics is not None:
        rows = _selected(rows, metrics, notes)
        if not rows:
            raise SpecbenchError(
                "no figure of " + " or ".join(c.name for c in chips) + " for the metrics named; "
                "see the full comparison without --metric"
            )
    cited = []
    for row in rows:
        for cell in row.cells.values():
            if cell.figure:
                cited += [k for k in cell.figure.sources if k not in cited]
    sources = [catalogue.sources[k] for k in sorted(cited, key=_natural) if k in catalogue.sources]
    return Comparison(chips, resolutions, basis, columns, rows, notes.items, sources)


def _selected(rows: list[Row], metrics: MetricSelection, notes: _Notes) -> list[Row]:
    """The rows ``metrics`` names, with the notes renumbered: a note only rows left out point
    to is dropped; notes no row points to (about a chip as a whole) stay."""
    kept = [row for row in rows if metrics.keeps(row.kind, row.key)]

    def pointed(chosen: list[Row]) -> set[int]:
        numbers = {n for row in chosen for cell in row.cells.values() for n in cell.notes}
        return numbers | {n for row in chosen for marks in row.ratio_notes.values() for n in marks}

    everywhere, used = pointed(rows), pointed(kept)
    numbering: dict[int, int] = {}
    for number in range(1, len(notes.items) + 1):
        if number in used or number not in everywhere:
            numbering[number] = len(numbering) + 1
    notes.items = [text for number, text in enumerate(notes.items, 1) if number in numbering]
    for row in kept:
        for cell in row.cells.values():
            cell.notes = [numbering[n] for n in cell.notes]
        row.ratio_notes = {label: [numbering[n] for n in marks] for label, marks in row.ratio_notes.items()}
    return kept


def _natural(key: str) -> tuple[object, ...]:
    """Sort BR-2 before BR-17."""
    import re

    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))


def _sentence(text: str) -> str:
    return text.rstrip().rstrip(".") + "."


def _ratio_columns(catalogue: Catalogue, chips: list[Chip], baseline: str | None) -> list[RatioColumn]:
    if baseline is None:
        first = chips[0]
        return [RatioColumn(first.id, c.id, f"{first.name} ÷ {c.name}") for c in chips[1:]]
    base = catalogue.get(baseline)
    if base.id not in {c.id for c in chips}:
        raise UsageError(f"baseline {baseline!r} ({base.name}) is not one of the chips compared")
    return [RatioColumn(c.id, base.id, f"{c.name} ÷ {base.name}") for c in chips if c.id != base.id]


def _row_sort_key(key: tuple[str, ...]) -> tuple[int, int, str]:
    precision, execution = key[0], key[1]
    order = list(PRECISIONS)
    return (
        order.index(precision) if precision in order else 99,
        _UNIT_ORDER.index(execution) if execution in _UNIT_ORDER else 99,
        key[2] if len(key) > 2 else "",
    )


def _throughput_rows(chips: list[Chip], basis: str, notes: _Notes) -> list[Row]:
    placed: dict[tuple[str, ...], dict[str, tuple[tuple[str, ...], bool]]] = {}
    for chip in chips:
        own = throughput_keys(chip, basis)
        for key in own:
            row_key, moved = key, False
            has_matrix = any(k[0] == key[0] and k[1] == "matrix" for k in own)
            if key[1] == "unknown" and key[0] in _MATRIX_TYPICAL and not has_matrix:
                row_key, moved = (key[0], "matrix", *key[2:]), True
            placed.setdefault(row_key, {})[chip.id] = (key, moved)
    rows = []
    for row_key in sorted(placed, key=_row_sort_key):
        precision, execution = row_key[0], row_key[1]
        label = f"{precision_label(precision)} · {EXECUTION_UNITS[execution]}"
        if len(row_key) > 2:
            label += " · " + {"sparse": "2:4 sparse", "unknown": "sparsity not stated"}.get(row_key[2], row_key[2])
        cells: dict[str, Cell] = {}
        unit = "TOPS" if precision.startswith("int") else "TFLOPS"
        for chip in chips:
            entry = placed[row_key].get(chip.id)
            if entry is None:
                cells[chip.id] = _missing_cell(chip, precision, notes)
                continue
            own_key, moved = entry
            normalized = value_on_basis(chip, own_key, basis)
            assert normalized is not None
            cells[chip.id] = _throughput_cell(chip, normalized, moved, notes, chips, basis)
        rows.append(Row(":".join(row_key), label, unit, cells))
        if precision in VENDOR_FORMATS:
            number = notes.add(
                f"{precision_label(precision)}: {VENDOR_FORMATS[precision]}; it is never merged with TF32."
            )
            for cell in cells.values():
                if cell.figure is not None:
                    cell.notes.append(number)
        if execution == "unknown" and precision not in _MATRIX_TYPICAL:
            for chip in chips:
                cell = cells[chip.id]
                if cell.figure is not None:
                    cell.notes.append(notes.add(_unknown_unit_note(chip, cell, chips, basis)))
    return rows


def _throughput_cell(
    chip: Chip, normalized: Normalized, moved: bool, notes: _Notes, chips: list[Chip], basis: str
) -> Cell:
    figure = normalized.figure
    cell = Cell(normalized.value, fmt(normalized.value), figure, normalized.steps)
    label = f"{chip.name} {precision_label(figure.precision or '')}"
    if normalized.steps and figure.sparsity == "sparse":
        cell.notes.append(notes.add(f"{label}: the source prints only the 2:4 sparse figure; {normalized.steps[0]}."))
    for caveat in normalized.caveats:
        if caveat.startswith("sparsity not stated"):
            continue  # said once per chip in _chip_notes
        cell.notes.append(notes.add(f"{label} {normalized.figure.text}: {caveat}."))
        cell.comparable = False
    if moved:
        cell.notes.append(
            notes.add(
                f"{label}: {chip.vendor} does not say which execution unit this runs on; it is shown "
                "beside the matrix figures of the other chips, so read its ratio as an assumption."
            )
        )
        cell.comparable = False
    cell.notes += _source_notes(chip, figure, notes)
    return cell


def _source_notes(chip: Chip, figure: Figure, notes: _Notes) -> list[int]:
    numbers = []
    alternatives = [f for f in chip.figures if f.group_key() == figure.group_key() and f is not figure]
    if figure.metric == "throughput" and figure.precision:
        # A disputed figure may sit in another unit's group (C500's 15 TFLOPS target).
        alternatives += [
            f
            for f in chip.throughput()
            if f.precision == figure.precision and f.preferred is False and f not in alternatives and f is not figure
        ]
    if alternatives:
        others = "; ".join(
            f"{f.text} [{', '.join(f.sources)}]"
            + (f" ({f.status})" if f.status != "published" else "")
            + (f": {f.why.rstrip('.')}" if f.why else "")
            for f in alternatives
        )
        why = f" Preferred because: {_sentence(figure.why)}" if figure.why else ""
        what = precision_label(figure.precision) if figure.precision else METRICS[figure.metric][1]
        numbers.append(
            notes.add(
                f"{chip.name} {what}: sources disagree. Shown: {figure.text} "
                f"[{', '.join(figure.sources)}].{why} Also reported: {others}."
            )
        )
    if figure.note and figure.metric != "throughput":
        what = METRICS[figure.metric][1] if figure.metric in METRICS else figure.metric
        numbers.append(notes.add(_sentence(f"{chip.name} {what}: {figure.note}")))
    return numbers


def _unknown_unit_note(chip: Chip, cell: Cell, chips: list[Chip], basis: str) -> str:
    figure = cell.figure
    assert figure is not None and figure.precision is not None
    text = (
        f"{chip.name} {precision_label(figure.precision)} {fmt(float(cell.value))} "  # type: ignore[arg-type]
        f"{'TOPS' if figure.precision.startswith('int') else 'TFLOPS'}: {chip.vendor} does not "
        "say whether this runs on vector or matrix units, so no ratio is like for like."
    )
    comparisons = []
    for other in chips:
        if other.id == chip.id:
            continue
        for key in throughput_keys(other, basis):
            wanted = {figure.precision} | ({"tf32"} if figure.precision == "fp32" else set())
            if key[0] not in wanted or key[1] == "unknown":
                continue
            value = value_on_basis(other, key, basis)
            if value is None or not value.value:
                continue
            ratio = float(cell.value) / value.value  # type: ignore[arg-type]
            comparisons.append(
                f"against {other.name}'s {precision_label(key[0])} {key[1]} {fmt(value.value)} it is {ratio:.2f}x"
            )
    if comparisons:
        text += " For scale: " + "; ".join(comparisons) + "."
    return text


def _missing_cell(chip: Chip, precision: str, notes: _Notes) -> Cell:
    support = chip.support_for(precision)
    if support is not None and not support.supported:
        return Cell("not supported", "not supported", comparable=False)
    if precision in VENDOR_FORMATS and chip.vendor != "Biren":
        return Cell(None, "n/a", comparable=False)
    cell = Cell(None, MISSING, comparable=False)
    if support is not None and support.note:
        cell.notes.append(
            notes.add(
                f"{chip.name} {precision_label(precision)}: {support.note.rstrip('.')} [{', '.join(support.sources)}]."
            )
        )
    return cell


def _spec_rows(chips: list[Chip], notes: _Notes) -> list[Row]:
    rows = []
    for metric, label, unit, _ratio in _SPEC_ROWS:
        cells = {}
        for chip in chips:
            figure = chip.preferred(metric)
            if figure is None:
                cells[chip.id] = Cell(None, MISSING, comparable=False)
                continue
            cells[chip.id] = _spec_cell(chip, metric, figure, notes)
        if all(cell.figure is None for cell in cells.values()):
            continue
        rows.append(Row(metric, label, unit, cells, kind="spec"))
    return rows


def _spec_cell(chip: Chip, metric: str, figure: Figure, notes: _Notes) -> Cell:
    value: float | str = figure.value
    if metric == "transistors" and isinstance(value, float):
        value = value / 1e9
    display = fmt(value) if isinstance(value, float) else str(value)
    cell = Cell(value, display, figure)
    if metric == "interconnect":
        direction = "direction not stated" if figure.direction == "unknown" else figure.direction
        cell.display = f"{display} ({direction})"
        cell.comparable = figure.direction != "unknown"
    if metric in ("memory_type", "process", "foundry", "host_interface", "launch", "compute_dies"):
        cell.comparable = False
    if figure.status == "target":
        cell.comparable = False
    if metric == "memory_capacity" and "iB" in figure.text:
        # Vendors print HBM capacities as "80 GB" for 80 GiB; a measured GiB figure set against them
        # would overstate a ratio by 7%.
        cell.comparable = False
        cell.notes.append(
            notes.add(
                f"{chip.name} memory capacity: {figure.text} is binary ({fmt(float(figure.value))} GB); vendors' "
                "'GB' for HBM capacities usually means GiB, so no ratio is given."
            )
        )
    if metric == "memory_bandwidth":
        ceiling = memory_bandwidth_ceiling(chip)
        for other in chip.alternatives(metric):
            if ceiling and other.is_numeric and float(other.value) > ceiling[0] * 1.05:
                cell.notes.append(
                    notes.add(
                        f"{chip.name} Memory bandwidth: {other.text} would exceed what {ceiling[1]} "
                        f"can carry ({ceiling[0]:.0f} GB/s)."
                    )
                )
    cell.notes += _source_notes(chip, figure, notes)
    return cell


def _derived_rows(chips: list[Chip], throughput: list[Row]) -> list[Row]:
    """Per watt, per die, per mm², bytes per op and ridge point for the rows at least two chips
    have a figure in; a chip without the figure, or without the TDP, bandwidth or die count the
    derived value needs, shows "—" while the others keep their values."""
    from specbench.derived import DERIVED_METRICS

    rows = []
    for source in throughput:
        if sum(isinstance(source.cells[c.id].value, float) for c in chips) < 2:
            continue
        for metric in DERIVED_METRICS:
            cells: dict[str, Cell] = {}
            unit = ""
            for chip in chips:
                base = source.cells[chip.id]
                derived = metric.function(chip, base.value, source.unit) if isinstance(base.value, float) else None
                if derived is None:
                    cells[chip.id] = Cell(None, MISSING, comparable=False)
                    continue
                unit = derived.unit
                cells[chip.id] = Cell(
                    derived.value,
                    fmt(derived.value),
                    base.figure,
                    (f"{derived.how} = {fmt(derived.value)} {derived.unit}",),
                    notes=list(base.notes),
                    comparable=base.comparable,
                    inputs=derived.inputs,
                )
            if any(cell.value is not None for cell in cells.values()):
                rows.append(
                    Row(f"{source.key}:{metric.label}", f"{source.label} · {metric.label}", unit, cells, kind="derived")
                )
    return rows


def _fill_ratios(row: Row, columns: list[RatioColumn]) -> None:
    comparable_kind = row.kind in ("throughput", "derived") or any(
        metric == row.key and ratio for metric, _l, _u, ratio in _SPEC_ROWS
    )
    for column in columns:
        num, den = row.cells[column.numerator], row.cells[column.denominator]
        ratio = None
        # A row of figures whose execution unit is not stated ("FP32 · unit not stated") has no
        # like-for-like ratio, even between two such figures: each may be vector or matrix.
        unstated = row.kind in ("throughput", "derived") and row.key.split(":")[1:2] == ["unknown"]
        if comparable_kind and isinstance(num.value, float) and isinstance(den.value, float) and den.value:
            if (row.kind == "spec" and not (num.comparable and den.comparable)) or unstated:
                ratio = None
            elif (
                row.key == "interconnect"
                and num.figure
                and den.figure
                and (num.figure.direction != den.figure.direction)
            ):
                ratio = None
            else:
                ratio = num.value / den.value
        row.ratios[column.label] = ratio
        if ratio is not None and not (num.comparable and den.comparable):
            row.ratio_notes[column.label] = sorted(set(num.notes + den.notes))


def _secondary_notes(chips: list[Chip], rows: list[Row], sources: dict[str, Source], notes: _Notes) -> None:
    """Mark figures that rest on secondary sources (blogs, compilations) alone."""
    for row in rows:
        for chip in chips:
            cell = row.cells[chip.id]
            figure = cell.figure
            if figure is None or (row.kind == "spec" and not isinstance(cell.value, float)):
                continue
            if all(k in sources and sources[k].quality == "secondary" for k in figure.sources):
                cell.notes.append(
                    notes.add(
                        f"{chip.name} {row.label} {figure.text}: from secondary sources only "
                        f"({', '.join(figure.sources)}); no vendor or launch-press source was found."
                    )
                )


def _chip_notes(chips: list[Chip], notes: _Notes) -> None:
    for chip in chips:
        dies = chip.compute_dies
        if dies and dies > 1:
            notes.add(
                f"{chip.name} is {dies} compute dies in one package; its throughput figures are "
                f"for the whole package (per die: divide by {dies})."
            )
        if any(f.sparsity == "unknown" for f in chip.throughput() if f.preferred is not False):
            notes.add(
                f"{chip.name}: the sources do not say whether its throughput figures include "
                "sparsity; they are taken as dense."
            )

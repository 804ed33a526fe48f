"""Rank the catalogue, or part of it, by one figure: `specbench rank --by "bf16 per watt"`.

Throughput is ranked on the dense basis, with the rules of a comparison: a 2:4 sparse figure
is halved, a figure whose sparsity is not stated is taken as dense, and the peak of a
precision is the matrix-unit figure where one is published (then vector + matrix, vector,
unit not stated). Derived figures (per watt, per die, per mm², bytes per op, ridge point) are
those of :mod:`specbench.derived`, the ones `compare` shows. Nothing that would mislead is
mixed in silently: each entry carries marks for what its figure rests on (a unit not stated, a
sparse figure halved, a sparsity not stated, a design target, a secondary source), and every
chip without the figure is listed with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from specbench.derived import Derived, best_peak
from specbench.errors import SpecbenchError
from specbench.metric_query import RankQuestion, parse_rank
from specbench.model import EXECUTION_UNITS, METRICS, Chip, Figure, precision_label
from specbench.normalize import Normalized, fmt

if TYPE_CHECKING:
    from specbench.store import Catalogue
    from specbench.tidy import TidyRow


class Mark(StrEnum):
    """What a ranked figure rests on that a reader must know before comparing it."""

    unit_not_stated = "unit not stated"
    vector = "vector unit"
    summed = "vector + matrix"
    sparse_halved = "2:4 sparse, halved"
    sparsity_not_stated = "sparsity not stated"
    target = "design target"
    derived_figure = "derived by arithmetic"
    secondary = "secondary source only"


MARK_MEANINGS: dict[Mark, str] = {
    Mark.unit_not_stated: "the vendor does not say whether the figure runs on vector or matrix units",
    Mark.vector: "no matrix-unit figure is published; this is the vector units' peak",
    Mark.summed: "the figure adds the vector and matrix units",
    Mark.sparse_halved: "the source prints only a 2:4 sparse figure; it is halved to the dense one",
    Mark.sparsity_not_stated: "the source does not say whether the figure includes sparsity; it is taken as dense",
    Mark.target: "a design target (目标), not a shipped specification",
    Mark.derived_figure: "the catalogue derives the figure from other published ones",
    Mark.secondary: "every source of a figure used is secondary (a blog or compilation)",
}


@dataclass(frozen=True)
class Ranked:
    """One chip's place in a ranking: the value, how it was computed and what it rests on."""

    rank: int
    chip: Chip
    value: float
    unit: str
    inputs: str
    figures: tuple[tuple[str, Figure], ...]  # (what, figure) for each figure used, for its sources
    marks: tuple[Mark, ...]
    peak: Normalized | None = None

    @property
    def sources(self) -> str:
        return "; ".join(f"{what}: {', '.join(figure.sources)}" for what, figure in self.figures)


@dataclass(frozen=True)
class Lacking:
    """A chip the ranking could not place, and why."""

    chip: Chip
    reason: str


@dataclass(frozen=True)
class Ranking:
    """The result of :func:`rank`; render it with :func:`render_ranking`."""

    question: RankQuestion
    unit: str
    entries: list[Ranked]
    lacking: list[Lacking]

    @property
    def title(self) -> str:
        basis = " (dense basis)" if self.question.precision else ""
        return f"Ranking by {self.question.label}{basis}"

    def marks_used(self) -> list[Mark]:
        used = {mark for entry in self.entries for mark in entry.marks}
        return [mark for mark in Mark if mark in used]

    def tidy_rows(self) -> list[tuple[TidyRow, int | None, str]]:
        """Each chip as a tidy row, with its rank (None for a chip without the figure) and its marks
        (or, for a chip without the figure, why)."""
        from specbench.tidy import TidyRow

        rows: list[tuple[TidyRow, int | None, str]] = []
        metric = self.question.key
        for entry in self.entries:
            sources = tuple(dict.fromkeys(k for _what, f in entry.figures for k in f.sources))
            row = TidyRow(entry.chip.name, metric, entry.value, entry.unit, sources, published=entry.inputs)
            if entry.peak is not None:
                figure = entry.peak.figure
                row = replace(
                    row,
                    precision=figure.precision or "",
                    execution=figure.execution or "",
                    sparsity=figure.sparsity or "",
                    basis="dense",
                )
            rows.append((row, entry.rank, ", ".join(entry.marks)))
        for lacking in self.lacking:
            row = TidyRow(lacking.chip.name, metric, None, self.unit, precision=self.question.precision or "")
            rows.append((row, None, lacking.reason))
        return rows

    def to_records(self) -> dict[str, Any]:
        from specbench.tables import plain_number

        return {
            "by": self.question.label,
            "metric": self.question.key,
            "precision": self.question.precision,
            "basis": "dense" if self.question.precision else None,
            "unit": self.unit,
            "ranked": [
                {
                    "rank": e.rank,
                    "chip": e.chip.name,
                    "id": e.chip.id,
                    "value": plain_number(e.value),
                    "unit": e.unit,
                    "execution": e.peak.figure.execution if e.peak else None,
                    "sparsity": e.peak.figure.sparsity if e.peak else None,
                    "inputs": e.inputs,
                    "marks": [m.value for m in e.marks],
                    "sources": {what: list(figure.sources) for what, figure in e.figures},
                }
                for e in self.entries
            ],
            "lacking": [{"chip": x.chip.name, "id": x.chip.id, "reason": x.reason} for x in self.lacking],
            "marks": {m.value: MARK_MEANINGS[m] for m in self.marks_used()},
        }


def rank(
    catalogue: Catalogue,
    by: str,
    chips: list[str] | None = None,
    vendors: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
) -> Ranking:
    """Rank the chips named (default: the whole catalogue), narrowed to ``vendors`` and
    ``countries`` when given, by ``by`` ("bf16 per watt", "int8", "memory", "bandwidth"...).
    Highest first; equal values share a rank."""
    from specbench.listing import Selection

    question = parse_rank(by)
    selected = Selection(vendors, countries, sort="name").chips(catalogue)
    if chips:
        named = list(dict.fromkeys(catalogue.get(name).id for name in chips))
        kept = {c.id for c in selected}
        selected = [catalogue.chips[i] for i in named if i in kept]
    if not selected:
        raise SpecbenchError("no chip of the catalogue matches the names and filters given")
    unit = _unit(question)
    placed: list[tuple[float, Chip, str, tuple[tuple[str, Figure], ...], tuple[Mark, ...], Normalized | None]] = []
    lacking = []
    for chip in selected:
        found = _figure(catalogue, chip, question)
        if isinstance(found, str):
            lacking.append(Lacking(chip, found))
        else:
            placed.append((found[0], chip, *found[1:]))
    placed.sort(key=lambda item: (-item[0], item[1].name.casefold()))
    entries: list[Ranked] = []
    for index, (value, chip, inputs, figures, marks, peak) in enumerate(placed):
        place = entries[-1].rank if entries and entries[-1].value == value else index + 1
        entries.append(Ranked(place, chip, value, unit, inputs, figures, marks, peak))
    return Ranking(question, unit, entries, lacking)


def _unit(question: RankQuestion) -> str:
    if question.metric is not None:
        return "billion" if question.metric == "transistors" else METRICS[question.metric][2]
    assert question.precision is not None
    peak_unit = "TOPS" if question.precision.startswith("int") else "TFLOPS"
    if question.derived is None:
        return peak_unit
    op = "OP" if peak_unit == "TOPS" else "FLOP"
    giga = peak_unit.replace("T", "G", 1)
    return {
        "per_watt": f"{peak_unit}/W",
        "per_compute_die": peak_unit,
        "per_mm2_of_compute_die": f"{giga}/mm²",
        "memory_bytes_per_op": f"B/{op}",
        "ridge_point": f"{op}/B",
    }[question.derived.key]


Found = tuple[float, str, tuple[tuple[str, Figure], ...], tuple[Mark, ...], Normalized | None]


def _figure(catalogue: Catalogue, chip: Chip, question: RankQuestion) -> Found | str:
    """The chip's value for the question, or the reason it has none."""
    if question.metric is not None:
        figure = chip.preferred(question.metric)
        label = METRICS[question.metric][1]
        if figure is None or not figure.is_numeric:
            return f"{label} not published"
        value = float(figure.value) / (1e9 if question.metric == "transistors" else 1)
        return value, figure.text, ((label, figure),), _marks(catalogue, None, (figure,)), None
    assert question.precision is not None
    label = precision_label(question.precision)
    support = chip.support_for(question.precision)
    peak = best_peak(chip, question.precision)
    if peak is None:
        if support is not None and not support.supported:
            return f"{label} not supported [{', '.join(support.sources)}]"
        return f"no {label} figure published"
    # The halving of a sparse-only figure is an input; a sparse figure that agrees with a
    # published dense one is not.
    halved = peak.steps if peak.figure.sparsity == "sparse" else ()
    if question.derived is None:
        shown = f"{'; '.join(halved)}" if halved else peak.figure.text
        return peak.value, shown, ((label, peak.figure),), _marks(catalogue, peak, ()), peak
    derived: Derived | None = question.derived.function(chip, peak.value, peak.unit)
    if derived is None:
        return f"{question.derived.needs} not published"
    inputs = f"{'; '.join(halved)}; {derived.how}" if halved else derived.how
    used = ((label, peak.figure), *((_what(f), f) for f in derived.inputs))
    return derived.value, inputs, used, _marks(catalogue, peak, derived.inputs), peak


def _what(figure: Figure) -> str:
    return METRICS[figure.metric][1] if figure.metric in METRICS else figure.metric


def _marks(catalogue: Catalogue, peak: Normalized | None, others: tuple[Figure, ...]) -> tuple[Mark, ...]:
    marks = []
    figures = list(others)
    if peak is not None:
        figure = peak.figure
        figures.insert(0, figure)
        marks += {"unknown": [Mark.unit_not_stated], "vector": [Mark.vector], "summed": [Mark.summed]}.get(
            figure.execution or "unknown", []
        )
        if figure.sparsity == "sparse":
            marks.append(Mark.sparse_halved)
        elif figure.sparsity in (None, "unknown"):
            marks.append(Mark.sparsity_not_stated)
    if any(f.status == "target" for f in figures):
        marks.append(Mark.target)
    if any(f.status == "derived" for f in figures):
        marks.append(Mark.derived_figure)
    sources = catalogue.sources
    if any(f.sources and all(k in sources and sources[k].quality == "secondary" for k in f.sources) for f in figures):
        marks.append(Mark.secondary)
    return tuple(marks)


def execution_label(entry: Ranked) -> str:
    return EXECUTION_UNITS.get(entry.peak.figure.execution or "unknown", "") if entry.peak else ""


def render_ranking(ranking: Ranking, fmt_: Any) -> str:
    """A ranking as Markdown (default), text, CSV (tidy, with rank and marks) or JSON."""
    from specbench.tables import (
        Format,
        csv_cell,
        finish_csv,
        is_csv,
        json_text,
        md_escape,
        plain_number,
        render_records,
    )

    if fmt_ is Format.json:
        return json_text(ranking.to_records()) + "\n"
    if is_csv(fmt_):
        import csv
        import io

        from specbench.tidy import COLUMNS

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["rank", *COLUMNS, "marks"])
        for row, place, marks in ranking.tidy_rows():
            cells = ["" if place is None else place, *row.record().values(), marks]
            writer.writerow(["" if c is None else csv_cell(plain_number(c)) for c in cells])
        return finish_csv(buffer.getvalue(), fmt_)
    markdown = fmt_ is Format.markdown
    esc = md_escape if markdown else str
    throughput = ranking.question.precision is not None
    records = []
    for entry in ranking.entries:
        record: dict[str, Any] = {"#": str(entry.rank), "chip": entry.chip.name}
        record[f"{ranking.question.label} ({ranking.unit})"] = fmt(entry.value)
        if throughput:
            record["execution"] = execution_label(entry)
        record["inputs"] = entry.inputs
        record["marks"] = ", ".join(entry.marks)
        record["sources"] = entry.sources
        records.append(record)
    intro = _intro(ranking)
    lines = [f"# {esc(ranking.title)}" if markdown else ranking.title, "", esc(intro), ""]
    if records:
        lines += [render_records(records, Format.markdown if markdown else Format.text).rstrip(), ""]
    else:
        lines += ["No chip selected has the figure.", ""]
    if ranking.marks_used():
        lines += ["## Marks" if markdown else "Marks", ""]
        lines += [f"- {m.value}: {esc(MARK_MEANINGS[m])}." for m in ranking.marks_used()] + [""]
    if ranking.lacking:
        lines += ["## Not ranked" if markdown else "Not ranked", ""]
        lines += [f"- {esc(x.chip.name)}: {esc(x.reason)}." for x in ranking.lacking] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _intro(ranking: Ranking) -> str:
    count = f"{len(ranking.entries)} of {len(ranking.entries) + len(ranking.lacking)} chips ranked, highest first"
    if ranking.question.precision is None:
        return f"{count}; the catalogue's preferred figure of each."
    peak = (
        "Peak: the matrix units' figure where one is published, else vector + matrix, vector, or unit not stated "
        "(marked). Dense basis: 2:4 sparse figures are halved; figures whose sparsity is not stated are taken as "
        "dense (marked)."
    )
    return f"{count}. {peak}"

"""Tidy data: one row per chip and metric, numbers as numbers, units and attributes as fields.

Every command's CSV and :func:`specbench.figures` use these rows, so pandas, Excel and Sheets
read the output with no cleaning: the ``value`` column holds only numbers (empty where the
figure is text, such as a memory type, or unknown), ``unit`` says what they count, and the
attributes a like-for-like reading needs (precision, execution unit, sparsity, basis) are
columns of their own. The text a source printed stays beside the number, in ``published``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from specbench.model import METRICS, Chip, Figure
from specbench.normalize import Normalized, unit_of

if TYPE_CHECKING:
    from specbench.derived import Cluster, Roofline
    from specbench.store import Catalogue

COLUMNS = ("chip", "metric", "precision", "execution", "sparsity", "basis", "value", "unit", "sources", "published")

# Excel reads a CSV file as UTF-8 only when it starts with a byte order mark; without one,
# 壁仞 becomes mojibake. pandas and Sheets skip the mark.
BOM = "\ufeff"


@dataclass(frozen=True)
class TidyRow:
    """One chip's value of one metric, with the attributes that say what was compared."""

    chip: str
    metric: str
    value: float | None
    unit: str
    sources: tuple[str, ...] = ()
    precision: str = ""
    execution: str = ""
    sparsity: str = ""
    basis: str = ""
    published: str = ""

    def record(self) -> dict[str, Any]:
        from specbench.tables import plain_number

        return {
            "chip": self.chip,
            "metric": self.metric,
            "precision": self.precision,
            "execution": self.execution,
            "sparsity": self.sparsity,
            "basis": self.basis,
            "value": plain_number(self.value),
            "unit": self.unit,
            "sources": ", ".join(self.sources),
            "published": self.published,
        }


def tidy_csv(rows: Iterable[TidyRow]) -> str:
    """The rows as CSV with the header :data:`COLUMNS`; cells a spreadsheet would run are quoted."""
    from specbench.tables import csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["" if v is None else csv_cell(v) for v in row.record().values()])
    return buffer.getvalue()


def metric_unit(figure: Figure) -> str:
    """The unit a figure's number is in, once canonical (TFLOPS, TOPS, GB/s, W, mm², ...)."""
    if figure.metric == "throughput":
        return unit_of(figure)
    return METRICS[figure.metric][2] if figure.metric in METRICS else ""


def figure_number(figure: Figure) -> float | None:
    """A figure's number in :func:`metric_unit`, or None for text and dates."""
    if figure.metric in ("launch",) or not figure.is_numeric:
        return None
    return float(figure.value)


def throughput_row(chip: Chip, metric: str, normalized: Normalized, basis: str) -> TidyRow:
    """A throughput value on a basis: the value as normalized, the figure's attributes as printed."""
    figure = normalized.figure
    return TidyRow(
        chip.name,
        metric,
        normalized.value,
        normalized.unit,
        figure.sources,
        figure.precision or "",
        figure.execution or "",
        figure.sparsity or "",
        basis,
        figure.text,
    )


def figure_row(chip: Chip, figure: Figure, basis: str = "published") -> TidyRow:
    """A figure as its source printed it (in its canonical unit)."""
    return TidyRow(
        chip.name,
        figure.metric,
        figure_number(figure),
        metric_unit(figure),
        figure.sources,
        figure.precision or "",
        figure.execution or "",
        figure.sparsity or "",
        basis if figure.metric == "throughput" else "",
        figure.text,
    )


FIGURE_COLUMNS = (
    "id",
    "chip",
    "vendor",
    "family",
    "metric",
    "precision",
    "execution",
    "sparsity",
    "level",
    "value",
    "unit",
    "published",
    "status",
    "preferred",
    "link",
    "direction",
    "sources",
    "note",
    "why",
)


def figure_records(catalogue: Catalogue, chips: Sequence[Chip] | None = None) -> list[dict[str, Any]]:
    """Every figure of the chips (default: the whole catalogue), one record each, with all its
    attributes. ``preferred`` is True for the value the catalogue uses where sources disagree,
    False for one it does not, and None where no source disagrees."""
    records = []
    for chip in chips if chips is not None else catalogue.chips.values():
        for figure in chip.figures:
            row = figure_row(chip, figure)
            records.append(
                {
                    "id": chip.id,
                    "chip": chip.name,
                    "vendor": chip.vendor,
                    "family": chip.family,
                    "metric": figure.metric,
                    "precision": figure.precision,
                    "execution": figure.execution,
                    "sparsity": figure.sparsity,
                    "level": figure.level,
                    "value": row.value,
                    "unit": row.unit,
                    "published": figure.text,
                    "status": figure.status,
                    "preferred": figure.preferred,
                    "link": figure.name,
                    "direction": figure.direction,
                    "sources": ", ".join(figure.sources),
                    "note": figure.note,
                    "why": figure.why,
                }
            )
    return records


def roofline_rows(roofline: Roofline) -> list[TidyRow]:
    """`specbench roofline` as tidy rows: the dense peak, the memory bandwidth, the ridge point,
    the attainable throughput at each intensity and the decode limit, each with its inputs."""
    from specbench.normalize import fmt

    chip, peak = roofline.chip, roofline.peak
    op = "OP" if roofline.unit == "TOPS" else "FLOP"
    bandwidth = chip.preferred("memory_bandwidth")
    bandwidth_sources = bandwidth.sources if bandwidth is not None else ()
    rows = []
    if peak is not None:
        rows.append(throughput_row(chip, "throughput", peak, "dense"))
    if bandwidth is not None and roofline.bandwidth is not None:
        rows.append(figure_row(chip, bandwidth))
    if peak is None or not roofline.bandwidth:
        return rows
    figure = peak.figure
    both = tuple(dict.fromkeys([*figure.sources, *bandwidth_sources]))
    attributes = (figure.precision or "", figure.execution or "", figure.sparsity or "", "dense")
    ridge = roofline.ridge
    assert ridge is not None
    how = f"{fmt(peak.value)} {roofline.unit} / {fmt(roofline.bandwidth)} GB/s"
    rows.append(TidyRow(chip.name, "ridge_point", ridge, f"{op}/B", both, *attributes, how))
    for intensity, value in roofline.attainable:
        where = f"{fmt(intensity)} {op}/B"
        how = f"min({fmt(peak.value)}, {fmt(roofline.bandwidth)} GB/s × {where})"
        rows.append(TidyRow(chip.name, f"attainable at {where}", value, roofline.unit, both, *attributes, how))
    if roofline.decode is not None:
        decode = roofline.decode
        rows.append(
            TidyRow(chip.name, "decode_limit", decode.value, decode.unit, bandwidth_sources, published=decode.how)
        )
    return rows


def cluster_rows(cluster: Cluster) -> list[TidyRow]:
    """`specbench cluster` as tidy rows: per precision, one device's dense peak, N times it, and
    the effective figure at the stated efficiency; then the interconnect per device."""
    from specbench.normalize import fmt

    chip = cluster.chip
    rows = []
    for peak, (_label, unit, aggregate, effective, how) in zip(cluster.peaks, cluster.rows, strict=True):
        figure = peak.figure
        attributes = (figure.precision or "", figure.execution or "", figure.sparsity or "", "dense")
        times = f"{cluster.count} × {fmt(peak.value)} {unit}"
        rows.append(throughput_row(chip, "throughput", peak, "dense"))
        rows.append(TidyRow(chip.name, "aggregate_peak", aggregate, unit, figure.sources, *attributes, times))
        if effective is not None:
            rows.append(TidyRow(chip.name, "effective_peak", effective, unit, figure.sources, *attributes, how))
    if cluster.link is not None:
        rows.append(figure_row(chip, cluster.link))
    return rows

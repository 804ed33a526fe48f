"""Beyond the peak: figures derived from the catalogue, each with the inputs it came from.

Per watt, per compute die, per mm² of compute die, memory bytes per operation,
the roofline ridge point and attainable throughput, the memory-bound limit on
LLM decoding, and cluster aggregates. Every function returns numbers together
with a sentence stating its inputs, so no derived figure is shown bare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from specbench.errors import UsageError
from specbench.model import EXECUTION_UNITS, PRECISIONS, Chip, Figure, precision_label
from specbench.normalize import Normalized, dense_equivalent, fmt


@dataclass(frozen=True)
class Derived:
    """A derived value, its unit, how it was computed, and the figures it divided by or into."""

    value: float
    unit: str
    how: str
    inputs: tuple[Figure, ...] = ()


def per_watt(chip: Chip, peak: float, unit: str) -> Derived | None:
    tdp = chip.preferred("tdp")
    if tdp is None or not tdp.is_numeric:
        return None
    watts = float(tdp.value)
    return Derived(peak / watts, f"{unit}/W", f"{fmt(peak)} {unit} / {fmt(watts)} W", (tdp,))


def per_die(chip: Chip, peak: float, unit: str) -> Derived | None:
    dies = chip.compute_dies
    if not dies:
        return None
    how = f"{fmt(peak)} {unit} / {dies} compute die{'s' if dies > 1 else ''}"
    return Derived(peak / dies, unit, how, _figures(chip, "compute_dies"))


def per_area(chip: Chip, peak: float, unit: str) -> Derived | None:
    """Throughput per mm² of compute silicon (all compute dies), in G-units per mm²."""
    dies, area = chip.compute_dies, chip.preferred("die_area")
    if not dies or area is None or not area.is_numeric:
        return None
    total = dies * float(area.value)
    giga = unit.replace("T", "G", 1)
    how = f"{fmt(peak)} {unit} / ({dies} × {fmt(float(area.value))} mm²)"
    return Derived(peak * 1000 / total, f"{giga}/mm²", how, (*_figures(chip, "compute_dies"), area))


def _figures(chip: Chip, metric: str) -> tuple[Figure, ...]:
    figure = chip.preferred(metric)
    return (figure,) if figure is not None else ()


def bandwidth(chip: Chip) -> float | None:
    """Memory bandwidth in GB/s, or None when unknown."""
    figure = chip.preferred("memory_bandwidth")
    return float(figure.value) if figure and figure.is_numeric else None


def ridge_point(chip: Chip, peak: float, unit: str) -> Derived | None:
    """Operations per byte of memory traffic needed before the peak is reachable at all."""
    gbps = bandwidth(chip)
    if not gbps:
        return None
    op = "OP" if unit.startswith("TOP") else "FLOP"
    how = f"{fmt(peak)} {unit} / {fmt(gbps)} GB/s"
    return Derived(peak * 1000 / gbps, f"{op}/B", how, _figures(chip, "memory_bandwidth"))


def bytes_per_op(chip: Chip, peak: float, unit: str) -> Derived | None:
    gbps = bandwidth(chip)
    if not gbps:
        return None
    op = "OP" if unit.startswith("TOP") else "FLOP"
    how = f"{fmt(gbps)} GB/s / {fmt(peak)} {unit}"
    return Derived(gbps / (peak * 1000), f"B/{op}", how, _figures(chip, "memory_bandwidth"))


@dataclass(frozen=True)
class DerivedMetric:
    """A figure derived from a throughput peak: its name in tables, its key in tidy data, and
    what a chip must publish besides the peak (``needs``, said when a chip lacks it)."""

    label: str
    key: str
    function: Callable[[Chip, float, str], Derived | None]
    needs: str


DERIVED_METRICS = (
    DerivedMetric("per watt", "per_watt", per_watt, "TDP"),
    DerivedMetric("per compute die", "per_compute_die", per_die, "compute die count"),
    DerivedMetric("per mm² of compute die", "per_mm2_of_compute_die", per_area, "compute die count and area"),
    DerivedMetric("memory bytes per op", "memory_bytes_per_op", bytes_per_op, "memory bandwidth"),
    DerivedMetric("ridge point", "ridge_point", ridge_point, "memory bandwidth"),
)
DERIVED_ROWS = tuple((m.label, m.function) for m in DERIVED_METRICS)
DERIVED_BY_LABEL = {m.label: m for m in DERIVED_METRICS}


def best_peak(chip: Chip, precision: str) -> Normalized | None:
    """The dense peak of a precision: matrix units first, then summed, vector, unstated."""
    if precision not in PRECISIONS:
        raise UsageError(f"unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
    for unit in ("matrix", "summed", "vector", "unknown"):
        found = dense_equivalent(chip, precision, unit)
        if found is not None:
            return found
    return None


@dataclass
class Roofline:
    """One chip's roofline at one precision."""

    chip: Chip
    precision: str
    peak: Normalized | None
    bandwidth: float | None  # GB/s
    attainable: list[tuple[float, float]] = field(default_factory=list)  # (intensity, TFLOPS)
    decode: Derived | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def unit(self) -> str:
        return "TOPS" if self.precision.startswith("int") else "TFLOPS"

    @property
    def ridge(self) -> float | None:
        if self.peak is None or not self.bandwidth:
            return None
        return self.peak.value * 1000 / self.bandwidth


def roofline(
    chip: Chip,
    precision: str,
    intensities: list[float],
    decode_params: float | None = None,
    bytes_per_param: float = 2.0,
) -> Roofline:
    """Peak, bandwidth, ridge point and attainable throughput min(peak, bandwidth × intensity)."""
    peak = best_peak(chip, precision)
    result = Roofline(chip, precision, peak, bandwidth(chip))
    label = precision_label(precision)
    if peak is None:
        result.notes.append(f"{chip.name} has no published {label} figure.")
    else:
        unit = EXECUTION_UNITS.get(peak.figure.execution or "", "")
        result.notes.append(
            f"{chip.name} {label} peak: {peak.figure.text} ({unit}"
            + (f"; {'; '.join(peak.steps)}" if peak.steps else "")
            + f") [{', '.join(peak.figure.sources)}]."
        )
        result.notes += [f"{chip.name}: {c}." for c in peak.caveats]
    if result.bandwidth is None:
        result.notes.append(f"{chip.name}'s memory bandwidth is not published; no roofline.")
    if peak is not None and result.bandwidth:
        for intensity in intensities:
            memory_bound = result.bandwidth * intensity / 1000  # GB/s × FLOP/B = GFLOP/s → TFLOPS
            result.attainable.append((intensity, min(peak.value, memory_bound)))
    if decode_params:
        result.decode = decode_limit(chip, decode_params, bytes_per_param)
        capacity = chip.preferred("memory_capacity")
        weights_gb = decode_params * bytes_per_param / 1e9
        if capacity and capacity.is_numeric and weights_gb > float(capacity.value):
            result.notes.append(
                f"The weights ({fmt(weights_gb)} GB) do not fit in {chip.name}'s "
                f"{capacity.text}: one device cannot hold the model."
            )
    return result


def decode_limit(chip: Chip, params: float, bytes_per_param: float) -> Derived | None:
    """Upper limit on tokens/s for batch-1 decoding: every weight is read once per token."""
    gbps = bandwidth(chip)
    if not gbps:
        return None
    weights = params * bytes_per_param
    return Derived(
        gbps * 1e9 / weights,
        "tokens/s",
        f"{fmt(gbps)} GB/s / ({fmt(params / 1e9)}e9 params × {fmt(bytes_per_param)} B)",
    )


@dataclass
class Cluster:
    chip: Chip
    count: int
    efficiency: float | None
    rows: list[tuple[str, str, float, float | None, str]]  # (label, unit, aggregate, effective, how)
    interconnect: str
    notes: list[str]
    peaks: list[Normalized] = field(default_factory=list)  # one per row: the dense peak it multiplies
    link: Figure | None = None  # the interconnect figure, when one is published


MAX_DEVICES = 10_000_000  # ten times the largest clusters announced; beyond it a count is a typo


def cluster(chip: Chip, count: int, efficiency: float | None = None) -> Cluster:
    """N devices: aggregate peak (N × peak) and the effective figure at a stated scaling efficiency."""
    if not 1 <= count <= MAX_DEVICES:
        raise UsageError(f"--count must be between 1 and {MAX_DEVICES:,}")
    if efficiency is not None and not 0 < efficiency <= 1:
        raise UsageError("--efficiency must be a fraction between 0 and 1, e.g. 0.6")
    rows, peaks = [], []
    for precision in PRECISIONS:
        peak = best_peak(chip, precision)
        if peak is None:
            continue
        peaks.append(peak)
        unit = "TOPS" if precision.startswith("int") else "TFLOPS"
        aggregate = peak.value * count
        effective = aggregate * efficiency if efficiency is not None else None
        how = f"{count} × {fmt(peak.value)} {unit}" + (f" × {efficiency:g}" if efficiency is not None else "")
        label = f"{precision_label(precision)} · {EXECUTION_UNITS[peak.figure.execution or 'unknown']}"
        rows.append((label, unit, aggregate, effective, how))
    link = chip.preferred("interconnect")
    if link and link.is_numeric:
        interconnect = f"{fmt(float(link.value))} GB/s per device ({link.name}, {link.direction})"
    else:
        interconnect = "not published"
    notes = []
    if efficiency is None:
        notes.append(
            "No scaling efficiency stated: the aggregate is N × one device's peak with no loss, "
            "which is what the aggregate-peak flag marks in claims."
        )
    dies = chip.compute_dies
    if dies and dies > 1:
        notes.append(f"Each {chip.name} is {dies} compute dies: {count} devices are {count * dies} dies.")
    return Cluster(
        chip, count, efficiency, rows, interconnect, notes, peaks, link if link and link.is_numeric else None
    )

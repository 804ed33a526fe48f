"""The catalogue's runtime objects: chips, their figures and the sources they cite.

These are plain dataclasses built from the validated (and cached) catalogue, so
reading them needs neither pint nor pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

# Precisions in display order. TF32+ is Biren's own format and is never merged with TF32.
PRECISIONS: dict[str, str] = {
    "fp64": "FP64",
    "fp32": "FP32",
    "tf32": "TF32",
    "tf32+": "TF32+",
    "bf16": "BF16",
    "fp16": "FP16",
    "fp8": "FP8",
    "fp4": "FP4",
    "int16": "INT16",
    "int8": "INT8",
    "int4": "INT4",
}
INTEGER_PRECISIONS = frozenset({"int16", "int8", "int4"})
VENDOR_FORMATS: dict[str, str] = {
    "tf32+": "Biren's own 32-bit format (TF32+), not NVIDIA's TF32",
}
EXECUTION_UNITS: dict[str, str] = {
    "vector": "vector",
    "matrix": "matrix",
    "summed": "vector + matrix",
    "unknown": "unit not stated",
}

# Scalar metrics: name -> (kind of value, label, display unit). Kind "text" and
# "date" are free text; the others are units.KINDS names.
METRICS: dict[str, tuple[str, str, str]] = {
    "launch": ("date", "Launch", ""),
    "memory_type": ("text", "Memory type", ""),
    "memory_capacity": ("information", "Memory capacity", "GB"),
    "memory_stacks": ("integer", "Memory stacks", ""),
    "memory_bus_width": ("information", "Memory bus width", "bit"),
    "memory_bandwidth": ("bandwidth", "Memory bandwidth", "GB/s"),
    "interconnect": ("bandwidth", "Interconnect", "GB/s"),
    "host_interface": ("text", "Host interface", ""),
    "tdp": ("power", "TDP", "W"),
    "process": ("text", "Process", ""),
    "foundry": ("text", "Foundry", ""),
    "transistors": ("count", "Transistors", ""),
    "compute_dies": ("integer", "Compute dies", ""),
    "tensor_cores": ("integer", "Tensor cores", ""),
    "die_area": ("area", "Die area (per compute die)", "mm²"),
    "package_area": ("area", "Package area", "mm²"),
    "clock": ("frequency", "Boost clock", "MHz"),
}


@dataclass(frozen=True)
class Source:
    """A document a figure cites."""

    key: str
    title: str
    publisher: str
    date: str
    quality: str
    url: str | None = None
    locator: str | None = None
    via: str | None = None
    note: str | None = None

    def citation(self) -> str:
        where = self.url or self.locator or ""
        parts = [self.publisher, f"“{self.title}”", self.date]
        text = ", ".join(p for p in parts if p)
        if where:
            text += f", {where}"
        if self.via:
            text += f" (read via {self.via})"
        if self.quality == "secondary":
            text += " [secondary source]"
        return text


@dataclass(frozen=True)
class Figure:
    """One sourced value. Throughput and interconnect figures carry extra attributes."""

    metric: str
    text: str
    value: float | str
    sources: tuple[str, ...]
    status: str = "published"
    preferred: bool | None = None
    why: str | None = None
    note: str | None = None
    quote: str | None = None
    quote_value: str | None = None
    # throughput
    precision: str | None = None
    execution: str | None = None
    sparsity: str | None = None
    level: str | None = None
    accumulate: str | None = None
    # interconnect
    name: str | None = None
    direction: str | None = None
    # where it was written, for error messages
    file: str = ""
    field: str = ""

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.value, float | int)

    def group_key(self) -> tuple[Any, ...]:
        """Figures with the same key are alternatives for one value."""
        if self.metric == "throughput":
            return (self.metric, self.precision, self.execution, self.sparsity)
        return (self.metric,)


@dataclass(frozen=True)
class Support:
    """Whether a chip supports a precision at all, as its sources say."""

    precision: str
    supported: bool
    sources: tuple[str, ...]
    note: str | None = None


@dataclass
class Chip:
    """One catalogue entry: a chip or a SKU of it."""

    id: str
    name: str
    vendor: str
    family: str
    sku: str
    form_factor: str
    file: str
    name_en: str | None = None
    vendor_zh: str | None = None
    default: bool = False
    base: str | None = None
    aliases: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    support: tuple[Support, ...] = ()

    @property
    def latin_name(self) -> str:
        return self.name_en or self.name

    def figures_for(self, metric: str) -> list[Figure]:
        return list(self._by_metric.get(metric, ()))

    @cached_property
    def _by_metric(self) -> dict[str, tuple[Figure, ...]]:
        # Chips are read far more often than built (every claim of a scan looks figures up).
        grouped: dict[str, list[Figure]] = {}
        for figure in self.figures:
            grouped.setdefault(figure.metric, []).append(figure)
        return {metric: tuple(figures) for metric, figures in grouped.items()}

    def preferred(self, metric: str) -> Figure | None:
        """The value the catalogue prefers for a scalar metric, or None if unknown."""
        return choose_preferred(self.figures_for(metric))

    def alternatives(self, metric: str) -> list[Figure]:
        chosen = self.preferred(metric)
        return [f for f in self.figures_for(metric) if f is not chosen]

    def throughput(self) -> list[Figure]:
        return self.figures_for("throughput")

    def support_for(self, precision: str) -> Support | None:
        for entry in self.support:
            if entry.precision == precision:
                return entry
        return None

    @property
    def compute_dies(self) -> int | None:
        figure = self.preferred("compute_dies")
        return int(figure.value) if figure and figure.is_numeric else None

    def cited_sources(self) -> list[str]:
        keys: list[str] = []
        items: list[Figure | Support] = [*self.figures, *self.support]
        for item in items:
            for key in item.sources:
                if key not in keys:
                    keys.append(key)
        return keys


def choose_preferred(figures: list[Figure]) -> Figure | None:
    """Pick the preferred figure of a group of alternatives.

    A lone figure is preferred unless it is marked ``preferred = false``; among
    several, validation guarantees exactly one is marked ``preferred = true``.
    """
    marked = [f for f in figures if f.preferred]
    if marked:
        return marked[0]
    candidates = [f for f in figures if f.preferred is not False]
    return candidates[0] if len(candidates) == 1 else None


def precision_label(precision: str) -> str:
    return PRECISIONS.get(precision, precision.upper())

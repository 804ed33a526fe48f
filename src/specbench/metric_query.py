"""Metrics as a user types them: `compare --metric bf16,int8,memory-bandwidth,tdp` and
`rank --by "bf16 per watt"`.

Case, hyphens, underscores and spaces do not matter (``memory-bandwidth``, ``Memory
Bandwidth``, ``memory_bandwidth``), nor does ``mm²`` against ``mm2``. An unknown name is one
error that lists the valid names, or suggests the nearest ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specbench.derived import DERIVED_BY_LABEL, DerivedMetric
from specbench.errors import UsageError, clip
from specbench.model import METRICS, PRECISIONS, precision_label

# Scalar metrics by the names a user types (folded), for both commands.
SCALAR_NAMES: dict[str, str] = {
    "memory capacity": "memory_capacity",
    "memory": "memory_capacity",
    "capacity": "memory_capacity",
    "memory type": "memory_type",
    "memory bandwidth": "memory_bandwidth",
    "bandwidth": "memory_bandwidth",
    "interconnect": "interconnect",
    "host interface": "host_interface",
    "tdp": "tdp",
    "power": "tdp",
    "process": "process",
    "foundry": "foundry",
    "compute dies": "compute_dies",
    "dies": "compute_dies",
    "die area": "die_area",
    "package area": "package_area",
    "transistors": "transistors",
    "launch": "launch",
}
# The ones a ranking can order by: numbers that are like for like between chips (an
# interconnect figure may count one direction or both, so it is not among them).
RANKABLE_SCALARS = ("memory_capacity", "memory_bandwidth", "tdp", "die_area", "transistors")

DERIVED_NAMES: dict[str, str] = {
    "per watt": "per watt",
    "per die": "per compute die",
    "per compute die": "per compute die",
    "per mm2": "per mm² of compute die",
    "per mm2 of compute die": "per mm² of compute die",
    "bytes per op": "memory bytes per op",
    "memory bytes per op": "memory bytes per op",
    "ridge point": "ridge point",
    "ridge": "ridge point",
}
# The short name of each derived metric, in the order of DERIVED_METRICS.
DERIVED_SHORT = ("per watt", "per die", "per mm2", "bytes per op", "ridge point")
PEAK_WORDS = ("peak", "")


def fold(text: str) -> str:
    """A name as it is compared: lower case, ``mm²`` as ``mm2``, separators as single spaces."""
    text = text.casefold().replace("²", "2")
    return " ".join(re.split(r"[\s_\-]+", text)).strip()


def _typed(name: str) -> str:
    """A folded name as the documentation writes it for a user: ``memory-bandwidth``."""
    return name.replace(" ", "-")


@dataclass(frozen=True)
class MetricSelection:
    """Which rows of a comparison to keep. A precision keeps its throughput rows, and its derived
    rows unless derived names are given; a derived name keeps that derived figure, for the named
    precisions or, with none named, for every precision."""

    precisions: frozenset[str] = frozenset()
    scalars: frozenset[str] = frozenset()
    derived: frozenset[str] = frozenset()

    def keeps(self, kind: str, key: str) -> bool:
        if kind == "spec":
            return key in self.scalars
        precision = key.split(":")[0]
        if kind == "throughput":
            return precision in self.precisions
        label = key.rsplit(":", 1)[-1]
        if self.derived:
            return label in self.derived and (not self.precisions or precision in self.precisions)
        return precision in self.precisions


def valid_metric_names() -> list[str]:
    scalars = [_typed(n) for n, metric in SCALAR_NAMES.items() if n == metric.replace("_", " ")]
    derived = [_typed(n) for n in DERIVED_SHORT]
    return [*PRECISIONS, *scalars, *derived]


def parse_metrics(text: str) -> MetricSelection:
    """``bf16,int8,memory-bandwidth,tdp`` as a selection of rows; UsageError naming an unknown name."""
    precisions, scalars, derived = set(), set(), set()
    names = [part for part in text.split(",") if part.strip()]
    if not names:
        raise UsageError("--metric names no metric; choose from " + ", ".join(valid_metric_names()))
    for name in names:
        folded = fold(name)
        if folded in PRECISIONS:
            precisions.add(folded)
        elif folded in SCALAR_NAMES:
            scalars.add(SCALAR_NAMES[folded])
        elif folded in DERIVED_NAMES:
            derived.add(DERIVED_NAMES[folded])
        else:
            raise UsageError(f"unknown metric {clip(name.strip())!r}; choose from " + ", ".join(valid_metric_names()))
    return MetricSelection(frozenset(precisions), frozenset(scalars), frozenset(derived))


@dataclass(frozen=True)
class RankQuestion:
    """What a ranking orders by: a precision's dense peak, or a figure derived from it, or a
    scalar metric (memory, bandwidth, TDP...)."""

    precision: str | None = None
    derived: DerivedMetric | None = None
    metric: str | None = None

    @property
    def label(self) -> str:
        if self.metric is not None:
            return METRICS[self.metric][1]
        assert self.precision is not None
        what = self.derived.label if self.derived else "peak"
        return f"{precision_label(self.precision)} {what}"

    @property
    def key(self) -> str:
        """The metric's name in tidy data: throughput, per_watt, memory_bandwidth..."""
        if self.metric is not None:
            return self.metric
        return self.derived.key if self.derived else "throughput"


def rank_names() -> list[str]:
    """Every --by a ranking accepts, in the form the help shows."""
    names = []
    for precision in PRECISIONS:
        names.append(precision)
        names += [f"{precision} {short}" for short in DERIVED_SHORT]
    names += [m.replace("_", " ") for m in RANKABLE_SCALARS]
    return names


def parse_rank(text: str) -> RankQuestion:
    """``bf16 per watt``, ``int8``, ``fp16 ridge point``, ``memory``, ``bandwidth`` as a question;
    UsageError with the nearest valid names otherwise."""
    folded = fold(text)
    if folded in SCALAR_NAMES and SCALAR_NAMES[folded] in RANKABLE_SCALARS:
        return RankQuestion(metric=SCALAR_NAMES[folded])
    head, _, rest = folded.partition(" ")
    if head in PRECISIONS:
        if rest in PEAK_WORDS:
            return RankQuestion(precision=head)
        if rest in DERIVED_NAMES:
            return RankQuestion(precision=head, derived=DERIVED_BY_LABEL[DERIVED_NAMES[rest]])
    import difflib

    near = difflib.get_close_matches(folded, rank_names(), n=3, cutoff=0.6)
    hint = (
        f"did you mean {', '.join(repr(n) for n in near)}?"
        if near
        else "try a precision (bf16, int8...), optionally with 'per watt', 'per die', 'per mm2' or "
        "'ridge point', or memory, bandwidth, tdp, die area, transistors"
    )
    raise UsageError(f"cannot rank by {clip(text.strip())!r}; {hint}")

"""One vocabulary for reading and judging claims: precisions, metrics, verdicts and flags.

Everything else in :mod:`specbench.claims` speaks these types; no module compares
bare strings such as ``startswith("int")`` to learn what a precision counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from specbench import regexcache
from specbench.model import PRECISIONS as _LABELS
from specbench.model import VENDOR_FORMATS


class RateKind(StrEnum):
    """What a throughput figure counts: floating-point operations or integer operations."""

    FLOP = "flop"
    OP = "op"

    @property
    def unit(self) -> str:
        return "TFLOPS" if self is RateKind.FLOP else "TOPS"


@dataclass(frozen=True)
class Precision:
    """A number format, with the kind of operation its rate counts."""

    key: str
    label: str
    rate_kind: RateKind
    vendor_format: str | None = None

    @property
    def unit(self) -> str:
        return self.rate_kind.unit


PRECISIONS: dict[str, Precision] = {
    key: Precision(
        key,
        label,
        RateKind.OP if key.startswith("int") else RateKind.FLOP,
        VENDOR_FORMATS.get(key),
    )
    for key, label in _LABELS.items()
}


# Formats only matrix (tensor) units compute: no vector figure exists to be mistaken for. NVIDIA
# defines TF32 as a Tensor Core mode; FP8 and FP4 exist only on Hopper/Ada/Blackwell Tensor Cores
# and their peers' matrix engines.
MATRIX_ONLY = frozenset({"tf32", "fp8", "fp4"})


def precision(key: str) -> Precision:
    return PRECISIONS[key]


class Verdict(StrEnum):
    """The one verdict a claim gets. ``severity`` orders them for the verdict of a sentence."""

    SUPPORTED = "supported"
    MISLEADING = "misleading"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"

    @property
    def severity(self) -> int:
        # The verdict of a sentence is that of its worst claim.
        return {"false": 0, "misleading": 1, "unverifiable": 2, "supported": 3}[self.value]


class Flag(StrEnum):
    """Caveats a claim can carry; ``framing`` ones make a claim misleading even if its number exists."""

    SPARSE_VS_DENSE = "sparse-vs-dense"
    PRECISION_MISMATCH = "precision-mismatch"
    VENDOR_FORMAT = "vendor-format"
    VECTOR_VS_MATRIX = "vector-vs-matrix"
    UNKNOWN_BASIS = "unknown-basis"
    MULTI_DIE = "multi-die"
    PACKAGE_NOT_DIE = "package-not-die"
    AGGREGATE_PEAK = "aggregate-peak"
    ROUNDED_UP = "rounded-up"
    POWER_NOT_NORMALIZED = "power-not-normalized"
    SKU_MISMATCH = "sku-mismatch"
    TARGET_SPEC = "target-spec"
    OUTDATED_RIVAL = "outdated-rival"
    UNIT_CONFUSION = "unit-confusion"
    UNIT_NAME = "unit-name"
    CONFLICTING_SOURCES = "conflicting-sources"
    METRIC_MISMATCH = "metric-mismatch"

    @property
    def text(self) -> str:
        return _FLAG_TEXT[self]

    @property
    def framing(self) -> bool:
        return self in FRAMING


FLAGS: tuple[str, ...] = tuple(f.value for f in Flag)

_FLAG_TEXT = {
    Flag.SPARSE_VS_DENSE: "a 2:4 sparse figure set against a dense one (sparse is exactly 2x dense)",
    Flag.PRECISION_MISMATCH: (
        "figures of different precisions compared (e.g. TF32 sold as FP32, INT8 or FP8 against FP16)"
    ),
    Flag.VENDOR_FORMAT: "a vendor's own number format (Biren TF32+) compared with a standard one",
    Flag.VECTOR_VS_MATRIX: "a vector-unit figure compared with a matrix-unit one",
    Flag.UNKNOWN_BASIS: "the vendor does not say which execution unit, or whether the figure is sparse",
    Flag.MULTI_DIE: "the package holds several compute dies; 'one chip' figures add them up",
    Flag.PACKAGE_NOT_DIE: "a package size or several dies presented as one chip",
    Flag.AGGREGATE_PEAK: "N devices times one device's peak, with no scaling loss",
    Flag.ROUNDED_UP: "the like-for-like figure is a little below the claim and was rounded up",
    Flag.POWER_NOT_NORMALIZED: "per watt the ratio differs by more than 25%",
    Flag.SKU_MISMATCH: "the figure belongs to another SKU of the family",
    Flag.TARGET_SPEC: "a pre-launch target or preliminary figure, not the shipped specification",
    Flag.OUTDATED_RIVAL: "the rival had already been succeeded when the claim was made",
    Flag.UNIT_CONFUSION: "units mixed up: FLOPS vs TOPS, bits vs bytes, one direction vs both, GB vs GiB",
    Flag.UNIT_NAME: "integer operations written as FLOPS beside a stated integer precision: the figure is right",
    Flag.CONFLICTING_SOURCES: "sources disagree; the number matches one the catalogue does not prefer",
    Flag.METRIC_MISMATCH: "the number is another metric of the chip (memory bandwidth given as link bandwidth)",
}

# unknown-basis alone is not framing: it makes a claim misleading only where the answer
# depends on the unknown unit, and then vector-vs-matrix is flagged too.
FRAMING = frozenset(
    {
        Flag.SPARSE_VS_DENSE,
        Flag.PRECISION_MISMATCH,
        Flag.VENDOR_FORMAT,
        Flag.VECTOR_VS_MATRIX,
        Flag.PACKAGE_NOT_DIE,
        Flag.TARGET_SPEC,
        Flag.UNIT_CONFUSION,
        Flag.METRIC_MISMATCH,
    }
)


class Dimension(StrEnum):
    """What a quantity in text measures, read from its unit."""

    FLOP_RATE = "flop_rate"
    OP_RATE = "op_rate"
    RATE = "rate"  # "1000T", "万亿次": FLOPS or OPS, by context
    BANDWIDTH = "bandwidth"  # bytes per second
    BANDWIDTH_BITS = "bandwidth_bits"  # bits per second
    INFORMATION = "information"  # bytes
    AREA = "area"
    LENGTH = "length"
    COUNT = "count"  # transistors
    CORES = "cores"  # SMs, CUDA cores, tensor cores: units of a chip, counted
    POWER = "power"
    FREQUENCY = "frequency"
    CACHE = "cache"  # MB of on-chip memory


@dataclass(frozen=True)
class Metric:
    """A claimable metric: its unit, the dimensions a number of it may have, and how it is judged.

    ``judged_by`` names the judging routine (see :mod:`specbench.claims.judging`);
    ``field`` is the catalogue metric it is checked against, if any.
    """

    name: str
    label: str
    unit: str
    dimensions: frozenset[Dimension]
    judged_by: str
    field: str | None = None


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric(
            "throughput",
            "throughput",
            "TFLOPS",
            frozenset({Dimension.FLOP_RATE, Dimension.OP_RATE, Dimension.RATE}),
            "throughput",
        ),
        Metric("per_watt", "throughput per watt", "TFLOPS/W", frozenset(), "per_watt"),
        Metric(
            "memory_capacity", "memory capacity", "GB", frozenset({Dimension.INFORMATION}), "scalar", "memory_capacity"
        ),
        Metric(
            "memory_bandwidth",
            "memory bandwidth",
            "GB/s",
            frozenset({Dimension.BANDWIDTH, Dimension.BANDWIDTH_BITS}),
            "scalar",
            "memory_bandwidth",
        ),
        Metric(
            "interconnect",
            "chip-to-chip interconnect",
            "GB/s",
            frozenset({Dimension.BANDWIDTH, Dimension.BANDWIDTH_BITS}),
            "scalar",
            "interconnect",
        ),
        Metric(
            "host_link",
            "host link (PCIe) bandwidth",
            "GB/s",
            frozenset({Dimension.BANDWIDTH, Dimension.BANDWIDTH_BITS}),
            "host_link",
            "host_interface",
        ),
        Metric("io_bandwidth", "total I/O bandwidth", "GB/s", frozenset({Dimension.BANDWIDTH}), "not_catalogued"),
        Metric("die_to_die", "die-to-die link", "GB/s", frozenset({Dimension.BANDWIDTH}), "not_catalogued"),
        # in MB only: a figure in GB beside "cache" is memory (HBM holding a model's KV cache)
        Metric("cache", "on-chip cache", "MB", frozenset({Dimension.CACHE}), "not_catalogued"),
        Metric("tdp", "TDP / power", "W", frozenset({Dimension.POWER}), "scalar", "tdp"),
        Metric("transistors", "transistors", "", frozenset({Dimension.COUNT}), "scalar", "transistors"),
        Metric("area", "die or package area", "mm²", frozenset({Dimension.AREA}), "area"),
        Metric("clock", "clock", "MHz", frozenset({Dimension.FREQUENCY}), "scalar", "clock"),
        Metric("cores", "core count (SMs, CUDA cores)", "", frozenset({Dimension.CORES}), "not_catalogued"),
        Metric("tensor_cores", "tensor cores", "", frozenset({Dimension.CORES}), "scalar", "tensor_cores"),
        Metric("memory_type", "memory type", "", frozenset(), "memory_type", "memory_type"),
        Metric("process", "process node", "", frozenset(), "design", "process"),
        Metric("host_interface", "host interface (PCIe generation)", "", frozenset(), "design", "host_interface"),
        Metric("precision_support", "precision support", "", frozenset(), "design", "support"),
        Metric("compute_dies", "compute dies", "", frozenset(), "design", "compute_dies"),
        Metric("memory_stacks", "memory stacks", "", frozenset(), "design", "memory_stacks"),
        Metric("launch", "launch year", "", frozenset(), "design", "launch"),
    )
}


# Design facts as written in text and in spec sheets: a node in nanometres ("7 nm", "12纳米"), a
# foundry node name ("N7", "4N"), a PCIe generation ("PCIe 5.0", "PCIe Gen5").
# "7nm", "7 nm", "7纳米", "7 nanometer", "7-nanometre": a process node in nanometres
NODE = r"(\d+(?:\.\d+)?)(?:\s?(?:nm|纳米)|[\s-]nanomet(?:er|re)s?)(?![a-z])"
NODE_NM = regexcache.compile(NODE, re.IGNORECASE)
NODE_NAME = regexcache.compile(r"(?<![a-z0-9])(?:n(\d)|(\d)n)(?![a-z0-9])", re.IGNORECASE)
# "PCIe", "PCI-e", "PCI Express", "PCI-Express": the host link's name as it is printed.
PCIE = r"pci(?:-?e|\s?-?express)"
PCIE_GENERATION = regexcache.compile(rf"{PCIE}\s?(?:gen\s?)?(\d)", re.IGNORECASE)

"""Cross-check: the catalogue against Epoch AI's "Machine Learning Hardware" dataset.

Each Epoch row that describes a catalogue entry (``data/epoch-map.toml``) is compared
metric by metric, after Epoch's raw units (FLOP/s, bytes, bit/s, millions) are
converted to the catalogue's. For each comparison the evidence is gathered first:
the catalogue's figures sorted by how they relate to Epoch's column (like for like,
not preferred, 2:4 sparse, the other execution unit, a vendor's own format, a sibling
SKU). Then one pure function per kind of metric decides, from the evidence alone,
whether the values agree and, if not, the likeliest reason. Nothing here prints.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from specbench.errors import DatasetError, clip
from specbench.model import Chip, Figure, choose_preferred, precision_label
from specbench.normalize import first_number, fmt
from specbench.store import Catalogue

DATA = Path(__file__).with_name("data")
DEFAULT_CSV = DATA / "epoch-ml-hardware.csv"
MAP_FILE = DATA / "epoch-map.toml"
ATTRIBUTION = "Epoch AI, Machine Learning Hardware, 2024"
LICENCE = "CC BY 4.0"
DATASET_URL = "https://epoch.ai/data/machine-learning-hardware"

# Two values agree within 2%: NVIDIA prints 34 TFLOPS FP64 for the H100 SXM5, whose
# boost clock gives 33.45 (1.6% less), and 26 for the PCIe card's 25.61.
TOLERANCE = 0.02
WRITTEN_CAP = 0.05  # the rounding of a figure written with few digits counts up to 5% ("1 TFLOPS" is not 0.5 to 1.5)
# A release date this far from the catalogue's launch is no date of the same launch.
FAR_DAYS = 180


class Reason(StrEnum):
    """Why Epoch's value differs from the catalogue's, likeliest first."""

    non_preferred = "matches a non-preferred source"
    sparsity = "dense vs sparse"
    execution = "vector vs matrix column"
    vendor_format = "vendor format"
    per_die = "per-die vs package"
    power_of_ten = "unit slip (power of ten)"
    binary_prefix = "GB vs GiB"
    direction = "one direction vs both"
    merged = "SKUs merged"
    placeholder_date = "placeholder date"
    different = "genuinely different"


# --- Epoch's columns -----------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of Epoch's CSV: its metric, kind and units (Epoch's and the catalogue's)."""

    name: str
    key: str
    label: str
    kind: str  # throughput, capacity, bandwidth, interconnect, area, scalar, process
    epoch_unit: str  # pint unit of Epoch's raw number, or a plain factor ("1e6": millions)
    unit: str  # the unit both values are shown in
    catalogue_scale: float = 1.0  # catalogue canonical value x this = value in ``unit``


def _rate(name: str, key: str, label: str) -> Column:
    integer = key.startswith("int")
    return Column(name, key, label, "throughput", "OP/s" if integer else "FLOP/s", "TOPS" if integer else "TFLOPS")


COLUMNS: tuple[Column, ...] = (
    _rate("FP64 (double precision) performance (FLOP/s)", "fp64", "FP64"),
    _rate("FP32 (single precision) performance (FLOP/s)", "fp32", "FP32"),
    _rate("FP16 (half precision) performance (FLOP/s)", "fp16", "FP16 (non-tensor)"),
    _rate("TF32 (TensorFloat-32) performance (FLOP/s)", "tf32", "TF32"),
    _rate("Tensor-FP16/BF16 performance (FLOP/s)", "tensor16", "Tensor FP16/BF16"),
    _rate("FP8 performance (FLOP/s)", "fp8", "FP8"),
    _rate("INT16 performance (OP/s)", "int16", "INT16"),
    _rate("INT8 performance (OP/s)", "int8", "INT8"),
    _rate("INT4 performance (OP/s)", "int4", "INT4"),
    Column("Memory size per board (Byte)", "memory_capacity", "Memory size", "capacity", "byte", "GB"),
    Column("Memory bandwidth (byte/s)", "memory_bandwidth", "Memory bandwidth", "bandwidth", "byte/s", "GB/s"),
    Column("Intranode bandwidth (byte/s)", "intranode", "Intranode bandwidth", "interconnect", "byte/s", "GB/s"),
    Column("Internode bandwidth (bit/s)", "internode", "Internode bandwidth", "interconnect", "bit/s", "GB/s"),
    Column("Die Size (mm^2)", "die_area", "Die size", "area", "mm**2", "mm²"),
    Column("TDP (W)", "tdp", "TDP", "scalar", "W", "W"),
    Column("Transistors (millions)", "transistors", "Transistors", "scalar", "1e6", "billion", 1e-9),
    Column("Process size (nm)", "process", "Process", "process", "nm", "nm"),
)
NAME, MANUFACTURER, RELEASE = "Hardware name", "Manufacturer", "Release date"
REQUIRED = (NAME, MANUFACTURER, RELEASE, *(c.name for c in COLUMNS))


def conversion_factor(epoch_unit: str, unit: str) -> float:
    """What one of Epoch's units is in the catalogue's: 1 bit/s is 1.25e-10 GB/s."""
    try:
        return float(epoch_unit) / float(unit.replace("billion", "1e9"))
    except ValueError:
        pass
    from specbench.units import registry

    target = {"mm²": "mm**2"}.get(unit, unit)
    return float(registry().Quantity(1.0, epoch_unit).to(target).magnitude)


# --- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class EpochRow:
    """One row of Epoch's dataset, values converted to the catalogue's units."""

    name: str
    manufacturer: str
    release: str | None
    values: dict[str, float] = field(default_factory=dict)  # column key -> value in the column's unit
    raw: dict[str, str] = field(default_factory=dict)  # column key -> the cell as Epoch wrote it


def read_epoch(path: Path) -> list[EpochRow]:
    """Read Epoch's CSV; a file that is missing, not a CSV, or lacks a column is a DatasetError."""
    import pandas as pd

    shown = str(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise DatasetError(f"{shown}: is a folder, not a CSV file") from None
    except PermissionError:
        raise DatasetError(f"{shown}: cannot be read (permission denied)") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{shown}: is not UTF-8 text, so not Epoch's CSV") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatasetError(f"{shown}: is not a CSV file ({clip(first)})") from None
    except OSError as exc:
        raise DatasetError(f"{shown}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise DatasetError(f"{shown}: no column {missing[0]!r}{more}; expected Epoch AI's ml_hardware.csv")
    factors = {c.key: conversion_factor(c.epoch_unit, c.unit) for c in COLUMNS}
    rows: list[EpochRow] = []
    seen: set[str] = set()
    for number, record in enumerate(frame.to_dict("records"), start=1):
        name = str(record[NAME]).strip()
        if not name or name in seen:
            continue
        seen.add(name)
        values, raw = {}, {}
        for column in COLUMNS:
            cell = str(record[column.name]).strip()
            if not cell:
                continue
            where = f"{shown}: row {number} ({clip(name, 40)}), column {column.name!r}: {clip(cell, 30)!r}"
            try:
                number_ = float(cell)
            except ValueError:
                raise DatasetError(f"{where} is not a number") from None
            if not math.isfinite(number_) or number_ < 0:
                raise DatasetError(f"{where} is not a finite, non-negative number")
            if number_ == 0:  # Epoch writes 0 for "not known" in some derived columns
                continue
            values[column.key] = number_ * factors[column.key]
            raw[column.key] = cell
        release = str(record[RELEASE]).strip() or None
        if release is not None and _parse_date(release) is None:
            raise DatasetError(
                f"{shown}: row {number} ({clip(name, 40)}), column {RELEASE!r}: {clip(release, 30)!r} is not a date"
            )
        rows.append(EpochRow(name, str(record[MANUFACTURER]).strip(), release, values, raw))
    return rows


# --- the mapping ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mapping:
    """Epoch row names to catalogue ids, with the few judgements the comparison needs."""

    rows: dict[str, tuple[str, str]]  # Epoch name -> (chip id, note)
    vendors: dict[str, str]  # Epoch's manufacturer spellings that mean a catalogue vendor
    internode_names: tuple[str, ...]  # interconnect names that are networks between nodes
    vector_fp16_per_fp32: float


@cache
def load_mapping(path: Path = MAP_FILE) -> Mapping:
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = {entry["epoch"]: (entry["chip"], entry.get("note", "")) for entry in data.get("row", [])}
    return Mapping(
        rows,
        dict(data.get("vendors", {})),
        tuple(data.get("internode", {}).get("names", ())),
        float(data.get("limits", {}).get("vector_fp16_per_fp32", 4)),
    )


# --- evidence --------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A catalogue figure (or a figure derived from one) that Epoch's value may equal."""

    value: float
    what: str  # which figure: "FP16 · matrix, 2:4 sparse / 2"
    text: str  # as the catalogue writes it: "1979 TFLOPS"
    sources: tuple[str, ...] = ()
    chip: str = ""  # a sibling SKU's name; empty for the entry itself


@dataclass(frozen=True)
class Evidence:
    """Epoch's value and the catalogue's figures sorted by how they relate to it."""

    epoch: float
    same: tuple[Candidate, ...] = ()  # like for like, preferred (dense basis for throughput)
    non_preferred: tuple[Candidate, ...] = ()  # like for like, a value the catalogue does not prefer
    sparse: tuple[Candidate, ...] = ()  # 2:4 sparse figures as printed, and 2x / 0.5x dense ones
    other_unit: tuple[Candidate, ...] = ()  # the other execution unit (vector for a tensor column, ...)
    vendor_format: tuple[Candidate, ...] = ()  # a vendor's own format (Biren TF32+ for TF32)
    siblings: tuple[Candidate, ...] = ()  # like-for-like figures of the other SKUs of the family
    dies: int | None = None  # compute dies in the package
    # the lowest and highest like-for-like figure any catalogue entry holds, for a value with no counterpart
    catalogue_range: tuple[Candidate, Candidate] | None = None
    unit: str = ""  # the unit of every value above


@dataclass(frozen=True)
class Finding:
    """A disagreement's reason, the figure Epoch's value matched (if any) and a sentence."""

    reason: Reason
    matched: Candidate | None
    detail: str
    cited: tuple[str, ...] = ()  # sources of figures the detail cites besides the matched one


def close(a: float, b: float, written: str = "") -> bool:
    """Equal within rounding: TOLERANCE, or half the last digit of the catalogue's figure as
    ``written`` ("1.1 PFLOPS" stands for 1.05 to 1.15, so Epoch's 1125 TFLOPS is the same figure)."""
    return math.isclose(a, b, rel_tol=max(TOLERANCE, min(_written_step(written), WRITTEN_CAP)))


def _written_step(written: str) -> float:
    """Half the last written digit of a figure, relative to it: 0.045 for "1.1", 0.00025 for "1979".
    A catalogue figure is written to the unit, so trailing zeros count as digits ("1100" is exact)."""
    digits = first_number(written)
    if digits is None or not float(digits):
        return 0.0
    step = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
    return step / 2 / float(digits)


def _match(value: float, candidates: Iterable[Candidate]) -> Candidate | None:
    return next((c for c in candidates if close(value, c.value, c.text)), None)


def _cited(candidate: Candidate) -> str:
    keys = f" [{', '.join(candidate.sources)}]" if candidate.sources else ""
    owner = f"{candidate.chip}'s " if candidate.chip else ""
    return f"{owner}{candidate.what} {candidate.text}{keys}"


def _found(reason: Reason, candidates: tuple[Candidate, ...], value: float, sentence: str) -> Finding | None:
    matched = _match(value, candidates)
    return Finding(reason, matched, sentence.format(_cited(matched))) if matched else None


# One small check per reason; each looks only at the evidence.


def check_non_preferred(e: Evidence) -> Finding | None:
    return _found(Reason.non_preferred, e.non_preferred, e.epoch, "equals {}, a value the catalogue does not prefer")


def check_sparsity(e: Evidence) -> Finding | None:
    return _found(Reason.sparsity, e.sparse, e.epoch, "equals {}")


def check_execution(e: Evidence) -> Finding | None:
    return _found(Reason.execution, e.other_unit, e.epoch, "equals {}, a figure of the other execution unit")


def check_vendor_format(e: Evidence) -> Finding | None:
    return _found(Reason.vendor_format, e.vendor_format, e.epoch, "equals {}, a vendor's own format")


def check_per_die(e: Evidence) -> Finding | None:
    if not e.dies or e.dies < 2:
        return None
    for c in e.same:
        if close(e.epoch, c.value * e.dies, c.text):
            return Finding(Reason.per_die, c, f"equals {e.dies} x {_cited(c)} (one per compute die)")
        if close(e.epoch, c.value / e.dies, c.text):
            return Finding(Reason.per_die, c, f"equals {_cited(c)} / {e.dies} compute dies")
    return None


def check_power_of_ten(e: Evidence) -> Finding | None:
    for c in e.same:
        for power in (1, 2, 3):
            for factor, word in ((10.0**power, "times"), (10.0**-power, "a")):
                if close(e.epoch, c.value * factor, c.text):
                    how = f"{10**power:g} times" if word == "times" else f"1/{10**power:g} of"
                    return Finding(Reason.power_of_ten, c, f"is {how} {_cited(c)}")
    return None


# A value with no catalogue counterpart is an outlier when it is more than this many times the
# highest figure any catalogue entry holds. Only the high side: small chips (Ascend 310's 51.2 GB/s
# LPDDR4X, a V100 PCIe card's 32 GB/s host link) sit below the catalogue's range without any slip.
OUTLIER = 2.0


def check_outlier(e: Evidence) -> Finding | None:
    """A value the catalogue cannot compare, far above every entry's, that a power of ten brings
    inside: Epoch's 18 TB/s for the 曦云C500 is 2.3 times the highest bandwidth in the catalogue
    (B200, 7.7 TB/s of HBM3e), and its tenth, 1.8 TB/s, is an ordinary HBM2e figure."""
    if e.same or e.catalogue_range is None:
        return None
    low, high = e.catalogue_range
    if e.epoch <= OUTLIER * high.value:
        return None
    unit = f" {e.unit}" if e.unit else ""
    for power, part in ((1, "a tenth"), (2, "a hundredth"), (3, "a thousandth")):
        shifted = e.epoch / 10.0**power
        if low.value <= shifted <= high.value:
            return Finding(
                Reason.power_of_ten,
                None,
                f"no catalogue figure for this entry; {fmt(e.epoch)}{unit} is {e.epoch / high.value:.1f} times the"
                f" highest in the catalogue ({_cited(high)}), while {part}, {fmt(shifted)}{unit}, lies within"
                f" the catalogue's range of {fmt(low.value)} to {fmt(high.value)}{unit}",
                high.sources,
            )
    return None


GIB_PER_GB = 2**30 / 1e9


def check_binary_prefix(e: Evidence) -> Finding | None:
    for c in e.same:
        if close(e.epoch, c.value / GIB_PER_GB, c.text) or close(e.epoch, c.value * GIB_PER_GB, c.text):
            return Finding(Reason.binary_prefix, c, f"{_cited(c)} with GiB and GB taken for each other")
    return None


def check_direction(e: Evidence) -> Finding | None:
    for c in e.same:
        if close(e.epoch, c.value * 2, c.text) or close(e.epoch, c.value / 2, c.text):
            return Finding(Reason.direction, c, f"is twice or half {_cited(c)}: one direction against both")
    return None


def check_merged(e: Evidence) -> Finding | None:
    return _found(Reason.merged, e.siblings, e.epoch, "equals {}: a sibling SKU's figure")


Check = Callable[[Evidence], Finding | None]


def _decide(e: Evidence, checks: tuple[Check, ...]) -> Finding | None:
    """None when the values agree or nothing is comparable; else the first check that fits,
    or 'genuinely different'."""
    if _match(e.epoch, e.same):
        return None
    for check in checks:
        finding = check(e)
        if finding is not None:
            return finding
    if not e.same:
        return None  # no like-for-like figure, and no other figure explains Epoch's
    nearest = min(e.same, key=lambda c: abs(math.log(e.epoch / c.value)))
    return Finding(Reason.different, None, f"{e.epoch / nearest.value:.2f}x {_cited(nearest)}")


def classify_throughput(e: Evidence) -> Finding | None:
    return _decide(
        e,
        (
            check_non_preferred,
            check_sparsity,
            check_execution,
            check_vendor_format,
            check_per_die,
            check_power_of_ten,
            check_merged,
        ),
    )


def classify_capacity(e: Evidence) -> Finding | None:
    return _decide(e, (check_non_preferred, check_binary_prefix, check_power_of_ten, check_merged, check_outlier))


def classify_bandwidth(e: Evidence) -> Finding | None:
    return _decide(e, (check_non_preferred, check_power_of_ten, check_merged, check_outlier))


def classify_interconnect(e: Evidence) -> Finding | None:
    return _decide(e, (check_non_preferred, check_direction, check_power_of_ten, check_merged, check_outlier))


def classify_area(e: Evidence) -> Finding | None:
    return _decide(e, (check_non_preferred, check_per_die, check_power_of_ten, check_merged, check_outlier))


def classify_scalar(e: Evidence) -> Finding | None:
    """TDP, transistors, process node."""
    return _decide(e, (check_non_preferred, check_power_of_ten, check_merged, check_outlier))


CLASSIFIERS: dict[str, Callable[[Evidence], Finding | None]] = {
    "throughput": classify_throughput,
    "capacity": classify_capacity,
    "bandwidth": classify_bandwidth,
    "interconnect": classify_interconnect,
    "area": classify_area,
    "scalar": classify_scalar,
    "process": classify_scalar,
}


@dataclass(frozen=True)
class Launch:
    """A launch date the catalogue records."""

    text: str  # YYYY, YYYY-MM or YYYY-MM-DD
    sources: tuple[str, ...]
    preferred: bool


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _span(text: str) -> tuple[date, date] | None:
    """The days a catalogue date covers: a year, a month or a day."""
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            year, month = numbers
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
        day = date(*numbers[:3])
        return day, day
    except (ValueError, TypeError):
        return None


def _days_from(day: date, span: tuple[date, date]) -> int:
    first, last = span
    if day < first:
        return (day - first).days
    if day > last:
        return (day - last).days
    return 0


def classify_date(epoch: str, launches: tuple[Launch, ...]) -> Finding | None:
    """A release date: None if it falls within a preferred catalogue launch date (at that
    date's precision: a year, a month or a day); a placeholder if it is 1 January, or the
    1st of a month that disagrees, or more than FAR_DAYS from the launch."""
    day = _parse_date(epoch)
    if day is None:
        return None
    spans: list[tuple[Launch, tuple[date, date]]] = []
    for launch in launches:
        span = _span(launch.text)
        if span is not None:
            spans.append((launch, span))
    preferred = [(launch, s) for launch, s in spans if launch.preferred]
    if any(_days_from(day, s) == 0 for _, s in preferred):
        return None
    other = next((launch for launch, s in spans if not launch.preferred and _days_from(day, s) == 0), None)
    if other is not None:
        candidate = Candidate(0.0, "launch", other.text, other.sources)
        return Finding(
            Reason.non_preferred, candidate, f"equals {_cited(candidate)}, a date the catalogue does not prefer"
        )
    if not preferred:
        if (day.month, day.day) == (1, 1):
            return Finding(Reason.placeholder_date, None, "1 January, a placeholder; the catalogue has no launch date")
        return None
    launch, launch_span = preferred[0]
    candidate = Candidate(0.0, "launch", launch.text, launch.sources)
    off = _days_from(day, launch_span)
    when = f"{abs(off)} days {'before' if off < 0 else 'after'} {_cited(candidate)}"
    if (day.month, day.day) == (1, 1):
        return Finding(Reason.placeholder_date, candidate, f"1 January, a placeholder: {when}")
    if day.day == 1:
        return Finding(Reason.placeholder_date, candidate, f"the 1st of a month, a placeholder: {when}")
    if abs(off) > FAR_DAYS:  # an availability date against an announcement, or a slip
        return Finding(Reason.different, candidate, f"far from the launch: {when}")
    return Finding(Reason.different, candidate, when)


def classify_vendor(epoch: str, vendor: str, accepted: dict[str, str]) -> Finding | None:
    """Epoch's manufacturer against the catalogue's vendor; spellings in ``accepted`` agree."""
    if epoch.casefold() == vendor.casefold() or accepted.get(epoch, "").casefold() == vendor.casefold():
        return None
    return Finding(Reason.different, None, f"the catalogue's vendor is {vendor!r}")


# --- building the evidence from the catalogue ----------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """Which catalogue throughput figures are like for like with an Epoch column."""

    precisions: tuple[str, ...]
    same_units: tuple[str, ...]
    other_units: tuple[str, ...] = ()
    vendor_formats: tuple[str, ...] = ()
    sparse: bool = True  # whether 2:4 sparsity applies (tensor-core figures)


_ALL_UNITS = ("vector", "matrix", "summed", "unknown")
SLOTS: dict[str, _Slot] = {
    "fp64": _Slot(("fp64",), ("vector", "unknown"), ("matrix", "summed"), sparse=False),
    "fp32": _Slot(("fp32",), ("vector", "unknown"), ("matrix", "summed"), sparse=False),
    "fp16": _Slot(("fp16",), ("vector",), ("matrix", "summed"), sparse=False),
    "tensor16": _Slot(("fp16", "bf16"), ("matrix", "unknown"), ("vector", "summed")),
    "tf32": _Slot(("tf32",), ("matrix", "unknown"), ("vector", "summed"), ("tf32+",)),
    "fp8": _Slot(("fp8",), _ALL_UNITS),
    "int16": _Slot(("int16",), _ALL_UNITS),
    "int8": _Slot(("int8",), _ALL_UNITS),
    "int4": _Slot(("int4",), _ALL_UNITS),
}


def _what(figure: Figure) -> str:
    execution = {"summed": "vector + matrix", "unknown": "unit not stated"}.get(
        figure.execution or "unknown", figure.execution or ""
    )
    sparsity = ", 2:4 sparse" if figure.sparsity == "sparse" else ""
    return f"{precision_label(figure.precision or '')} · {execution}{sparsity}"


def _candidate(figure: Figure, value: float, what: str | None = None, chip: str = "") -> Candidate:
    return Candidate(value, what or _what(figure), figure.text, figure.sources, chip)


def _split_preferred(figures: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """Figures split into the preferred one of each group of alternatives and the others."""
    groups: dict[tuple[Any, ...], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.group_key(), []).append(figure)
    preferred, others = [], []
    for group in groups.values():
        chosen = choose_preferred(group)
        preferred += [f for f in group if f is chosen]
        others += [f for f in group if f is not chosen]
    return preferred, others


def _dense(figures: list[Figure]) -> list[Candidate]:
    """Throughput figures on the dense basis: a 2:4 sparse figure is halved."""
    out = []
    for f in figures:
        if f.sparsity == "sparse":
            out.append(_candidate(f, float(f.value) / 2, f"{_what(f)} / 2"))
        else:
            out.append(_candidate(f, float(f.value)))
    return out


def _vector_rate(chip: Chip, precision: str, executions: tuple[str, ...] = ("vector", "unknown")) -> Figure | None:
    """The preferred non-tensor figure of a precision (a figure whose unit is not stated, failing that)."""
    preferred, _ = _split_preferred([f for f in chip.throughput() if f.precision == precision and f.is_numeric])
    for execution in executions:
        found = [f for f in preferred if f.execution == execution and f.sparsity != "sparse"]
        if found:
            return found[0]
    return None


def _same_die_fp16(chip: Chip, base: Chip | None) -> Candidate | None:
    """A vector FP16 figure derived for an entry that has none: the FP16:FP32 vector ratio is a
    property of the die, so the base entry's ratio times this entry's vector FP32."""
    own32 = _vector_rate(chip, "fp32", ("vector",))
    if base is None or own32 is None:
        return None
    base16, base32 = _vector_rate(base, "fp16", ("vector",)), _vector_rate(base, "fp32", ("vector",))
    if base16 is None or base32 is None:
        return None
    value = float(own32.value) * float(base16.value) / float(base32.value)
    what = (
        f"FP16 · vector, derived: {own32.text} FP32 x {base.name}'s FP16:FP32 vector ratio "
        f"({base16.text} / {base32.text})"
    )
    sources = tuple(dict.fromkeys((*own32.sources, *base16.sources, *base32.sources)))
    return Candidate(value, what, f"{fmt(value)} TFLOPS", sources)


def _throughput_evidence(
    chip: Chip, key: str, row: EpochRow, mapping: Mapping, base: Chip | None = None
) -> tuple[list[Candidate], list[Candidate], list[Candidate], list[Candidate], list[Candidate]]:
    """(same, non_preferred, sparse, other_unit, vendor_format) for one throughput column."""
    slot = SLOTS[key]
    figures = [f for f in chip.throughput() if f.is_numeric]
    same_units = slot.same_units
    other_units = slot.other_units
    too_high = ""
    if key == "fp16" and "tensor16" not in row.values:
        # Epoch files a chip's only FP16 figure in the non-tensor column: a figure whose unit the
        # catalogue does not state is like for like there, unless it is too high for a vector unit.
        fp32 = _vector_rate(chip, "fp32")
        unknown = [f for f in figures if f.precision == "fp16" and f.execution == "unknown"]
        limit = mapping.vector_fp16_per_fp32
        if fp32 is not None and any(float(f.value) > limit * float(fp32.value) for f in unknown):
            other_units = (*other_units, "unknown")
            too_high = f" (over {limit:g}x FP32 {fp32.text}: beyond a vector unit)"
        else:
            same_units = (*same_units, "unknown")
    mine = [f for f in figures if f.precision in slot.precisions]
    preferred, others = _split_preferred([f for f in mine if f.execution in same_units])
    same = _dense(preferred)
    if key == "fp16" and not [f for f in mine if f.execution == "vector"]:
        derived = _same_die_fp16(chip, base)
        if derived is not None:
            same.append(derived)
    non_preferred = _dense(others)
    sparse: list[Candidate] = []
    if slot.sparse:
        for f in preferred:
            if f.sparsity == "sparse":
                sparse.append(_candidate(f, float(f.value)))
            else:
                sparse.append(_candidate(f, 2 * float(f.value), f"{_what(f)} x 2"))
                sparse.append(_candidate(f, float(f.value) / 2, f"{_what(f)} / 2"))
    # A figure of the other unit explains a value filed in the wrong column whether or not the
    # catalogue prefers it (Ascend 910B's 376 TFLOPS, Cube plus Vector, kept but not preferred).
    other_preferred, other_kept = _split_preferred([f for f in mine if f.execution in other_units])
    other = [
        Candidate(c.value, c.what + too_high if "not stated" in c.what else c.what, c.text, c.sources)
        for c in _dense(other_preferred + other_kept)
    ]
    vendor = _dense([f for f in figures if f.precision in slot.vendor_formats])
    return same, non_preferred, sparse, other, vendor


def _scalar_figures(chip: Chip, column: Column, mapping: Mapping) -> tuple[list[Candidate], list[Candidate]]:
    """(same, non_preferred) for a metric that is one value: memory, bandwidth, area, power, ..."""
    metric = {"intranode": "interconnect", "internode": "interconnect"}.get(column.key, column.key)
    figures = chip.figures_for(metric)
    if metric == "interconnect":
        network = tuple(n.casefold() for n in mapping.internode_names)
        is_network = [any(n in (f.name or "").casefold() for n in network) for f in figures]
        figures = [f for f, net in zip(figures, is_network, strict=True) if net == (column.key == "internode")]
    if column.kind == "process":
        pairs = [(f, node_nm(str(f.value))) for f in figures]
        numeric = [(f, v) for f, v in pairs if v is not None]
    else:
        numeric = [(f, float(f.value) * column.catalogue_scale) for f in figures if f.is_numeric]
    chosen = choose_preferred([f for f, _ in numeric])
    what = column.label if metric != "interconnect" else None
    same = [Candidate(v, what or (f.name or "interconnect"), f.text, f.sources) for f, v in numeric if f is chosen]
    others = [
        Candidate(v, what or (f.name or "interconnect"), f.text, f.sources) for f, v in numeric if f is not chosen
    ]
    return same, others


def node_nm(text: str) -> float | None:
    """The node number in a process name: '7 nm (N7)' 7, 'TSMC N7' 7, '4N' 4, '12 nm (12FFC)' 12."""
    from specbench.claims.vocabulary import NODE_NAME, NODE_NM  # the patterns the claims judge reads

    if (found := NODE_NM.search(text)) is not None:
        return float(found.group(1))
    if (named := NODE_NAME.search(text)) is not None:
        return float(named.group(1) or named.group(2))
    return None


def evidence_for(
    chip: Chip,
    column: Column,
    row: EpochRow,
    mapping: Mapping,
    siblings: Iterable[Chip] = (),
    base: Chip | None = None,
    catalogue_range: tuple[Candidate, Candidate] | None = None,
) -> Evidence | None:
    """The evidence for one Epoch value against one catalogue entry, or None if Epoch has no value."""
    value = row.values.get(column.key)
    if value is None:
        return None
    sparse: list[Candidate] = []
    other: list[Candidate] = []
    vendor: list[Candidate] = []
    if column.kind == "throughput":
        same, non_preferred, sparse, other, vendor = _throughput_evidence(chip, column.key, row, mapping, base)
    else:
        same, non_preferred = _scalar_figures(chip, column, mapping)
    sibling_figures: list[Candidate] = []
    for sibling in siblings:
        if column.kind == "throughput":
            theirs = _throughput_evidence(sibling, column.key, row, mapping)[0]
        else:
            theirs = _scalar_figures(sibling, column, mapping)[0]
        if column.kind == "capacity":
            theirs += [Candidate(c.value / GIB_PER_GB, c.what, c.text, c.sources) for c in theirs]
        sibling_figures += [Candidate(c.value, c.what, c.text, c.sources, sibling.name) for c in theirs]
    dies = chip.compute_dies if column.kind in ("throughput", "area") else None
    return Evidence(
        value,
        tuple(same),
        tuple(non_preferred),
        tuple(sparse),
        tuple(other),
        tuple(vendor),
        tuple(sibling_figures),
        dies,
        catalogue_range,
        column.unit,
    )


# --- the cross-check -----------------------------------------------------------------------


@dataclass(frozen=True)
class Disagreement:
    """One Epoch value that differs from the catalogue, with both sides and the reason."""

    epoch_row: str
    chip: str
    chip_name: str
    metric: str
    unit: str
    epoch: float | str  # in ``unit``; text for dates and names
    epoch_raw: str  # the cell as Epoch wrote it, with Epoch's unit
    catalogue: tuple[Candidate, ...]  # the catalogue's like-for-like figures (preferred)
    reason: Reason
    matched: Candidate | None
    detail: str
    cited: tuple[str, ...] = ()

    def catalogue_text(self) -> str:
        if not self.catalogue:
            return "—"
        return "; ".join(f"{c.what}: {c.text}" for c in self.catalogue)

    def sources(self) -> tuple[str, ...]:
        keys: list[str] = []
        for c in (*self.catalogue, *((self.matched,) if self.matched else ())):
            keys += [k for k in c.sources if k not in keys]
        return (*keys, *(k for k in self.cited if k not in keys))

    def epoch_text(self) -> str:
        if isinstance(self.epoch, str):
            return self.epoch
        return f"{fmt(self.epoch)} {self.unit}".strip()


@dataclass(frozen=True)
class CrossCheck:
    """Every comparison of Epoch's rows with the catalogue, and what could not be compared."""

    csv: str
    rows: int
    mapped: tuple[tuple[str, str, str], ...]  # (Epoch name, chip id, note) compared
    comparisons: int
    disagreements: tuple[Disagreement, ...]
    lacking: tuple[tuple[str, str], ...]  # (Epoch name, chip id) mapped to an entry this catalogue lacks
    gaps: tuple[tuple[str, str], ...]  # (Epoch name, manufacturer) with no catalogue entry
    uncovered: tuple[tuple[str, str], ...]  # (chip id, name) with no Epoch row

    def counts(self) -> dict[str, int]:
        return {reason.value: sum(d.reason is reason for d in self.disagreements) for reason in Reason}

    def to_records(self) -> dict[str, Any]:
        return {
            "dataset": {"csv": self.csv, "rows": self.rows, "attribution": ATTRIBUTION, "licence": LICENCE},
            "tolerance": TOLERANCE,  # at least; wider where the catalogue writes fewer digits
            "comparisons": self.comparisons,
            "counts": self.counts(),
            "disagreements": [
                {
                    "epoch_row": d.epoch_row,
                    "chip": d.chip,
                    "metric": d.metric,
                    "unit": d.unit,
                    "epoch": d.epoch,
                    "epoch_raw": d.epoch_raw,
                    "catalogue": [
                        {
                            "figure": c.what,
                            # a date, a vendor or a process is text: no number stands for it
                            "value": c.value if isinstance(d.epoch, int | float) else None,
                            "text": c.text,
                            "sources": list(c.sources),
                        }
                        for c in d.catalogue
                    ],
                    "reason": d.reason.value,
                    "matched": None
                    if d.matched is None
                    else {
                        "figure": d.matched.what,
                        "text": d.matched.text,
                        "sources": list(d.matched.sources),
                        "chip": d.matched.chip or None,
                    },
                    "detail": d.detail,
                    "cited": list(d.cited),
                }
                for d in self.disagreements
            ],
            "mapped": [{"epoch_row": n, "chip": c, "note": note} for n, c, note in self.mapped],
            "mapped_to_missing_entries": [{"epoch_row": n, "chip": c} for n, c in self.lacking],
            "coverage_gaps": [{"epoch_row": n, "manufacturer": m} for n, m in self.gaps],
            "catalogue_without_epoch_row": [{"chip": c, "name": n} for c, n in self.uncovered],
        }


def catalogue_ranges(catalogue: Catalogue, mapping: Mapping) -> dict[str, tuple[Candidate, Candidate]]:
    """The lowest and highest preferred figure of each single-value column (memory, bandwidth, links,
    area, power, transistors) across the catalogue, each naming its chip."""
    ranges: dict[str, tuple[Candidate, Candidate]] = {}
    for column in COLUMNS:
        if column.kind in ("throughput", "process"):
            continue
        held = [
            Candidate(c.value, c.what, c.text, c.sources, chip.name)
            for chip in catalogue.chips.values()
            for c in _scalar_figures(chip, column, mapping)[0]
            if c.value > 0
        ]
        if held:
            ranges[column.key] = (min(held, key=lambda c: c.value), max(held, key=lambda c: c.value))
    return ranges


def compare_row(
    row: EpochRow,
    chip: Chip,
    catalogue: Catalogue,
    mapping: Mapping,
    ranges: dict[str, tuple[Candidate, Candidate]],
) -> tuple[int, list[Disagreement]]:
    """Every metric of one Epoch row against its catalogue entry: (comparisons made, disagreements).
    ``ranges`` is the catalogue's range of each single-value column, from :func:`catalogue_ranges`."""
    siblings = [c for c in catalogue.chips.values() if c.family == chip.family and c.id != chip.id]
    base = catalogue.chips.get(chip.base) if chip.base else None
    made = 0
    found: list[Disagreement] = []
    for column in COLUMNS:
        evidence = evidence_for(chip, column, row, mapping, siblings, base, ranges.get(column.key))
        if evidence is None or not (
            evidence.same or evidence.non_preferred or _explained(evidence) or check_outlier(evidence)
        ):
            continue
        made += 1
        finding = CLASSIFIERS[column.kind](evidence)
        if finding is not None:
            raw = f"{row.raw[column.key]} {column.epoch_unit.replace('1e6', 'million').replace('**2', '²')}"
            found.append(
                Disagreement(
                    row.name,
                    chip.id,
                    chip.name,
                    column.label,
                    column.unit,
                    evidence.epoch,
                    raw,
                    evidence.same,
                    finding.reason,
                    finding.matched,
                    finding.detail,
                    finding.cited,
                )
            )
    launches = tuple(Launch(str(f.value), f.sources, f is chip.preferred("launch")) for f in chip.figures_for("launch"))
    if row.release:
        made += 1 if launches or row.release.endswith("-01-01") else 0
        finding = classify_date(row.release, launches)
        if finding is not None:
            shown = tuple(
                Candidate(0.0, "launch", launch.text, launch.sources) for launch in launches if launch.preferred
            )
            found.append(
                Disagreement(
                    row.name, chip.id, chip.name, "Release date", "", row.release, row.release, shown,
                    finding.reason, finding.matched, finding.detail,
                )
            )  # fmt: skip
    made += 1
    finding = classify_vendor(row.manufacturer, chip.vendor, mapping.vendors)
    if finding is not None:
        vendor = (Candidate(0.0, "vendor", chip.vendor),)
        found.append(
            Disagreement(
                row.name, chip.id, chip.name, "Manufacturer", "", row.manufacturer, row.manufacturer, vendor,
                finding.reason, None, finding.detail,
            )
        )  # fmt: skip
    return made, found


def _explained(e: Evidence) -> bool:
    """Whether a figure other than a like-for-like one equals Epoch's (a column mix-up)."""
    return any(_match(e.epoch, group) for group in (e.sparse, e.other_unit, e.vendor_format))


def crosscheck(catalogue: Catalogue, csv: Path | None = None, mapping: Mapping | None = None) -> CrossCheck:
    """Compare Epoch's dataset (default: the shipped snapshot) with the catalogue."""
    path = csv or DEFAULT_CSV
    rows = read_epoch(path)
    mapping = mapping or load_mapping()
    mapped: list[tuple[str, str, str]] = []
    lacking: list[tuple[str, str]] = []
    gaps: list[tuple[str, str]] = []
    disagreements: list[Disagreement] = []
    comparisons = 0
    ranges = catalogue_ranges(catalogue, mapping)
    for row in rows:
        entry = mapping.rows.get(row.name)
        if entry is None:
            gaps.append((row.name, row.manufacturer))
            continue
        chip_id, note = entry
        chip = catalogue.chips.get(chip_id)
        if chip is None:
            lacking.append((row.name, chip_id))
            continue
        mapped.append((row.name, chip_id, note))
        made, found = compare_row(row, chip, catalogue, mapping, ranges)
        comparisons += made
        disagreements += found
    covered = {chip_id for _, chip_id, _ in mapped}
    uncovered = [(c.id, c.name) for c in catalogue.chips.values() if c.id not in covered]
    shown = "the bundled snapshot" if csv is None else str(csv)
    return CrossCheck(
        shown,
        len(rows),
        tuple(mapped),
        comparisons,
        tuple(disagreements),
        tuple(lacking),
        tuple(gaps),
        tuple(sorted(uncovered)),
    )

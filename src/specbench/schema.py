"""The spec-file schema: what a file in specs/ may contain, checked with pydantic.

Every value is checked for its unit's dimension here (via pint), so that all the
problems of a file are reported together. Rules that relate several values
(a sparse figure is twice its dense twin, die area fits the package, ...) are
in specbench.lint.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from specbench import units
from specbench.errors import UnitError
from specbench.model import INTEGER_PRECISIONS, PRECISIONS

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$|^undated$")
_ID = r"^[a-z0-9][a-z0-9-]*$"

T = TypeVar("T")


def _as_list(value: Any) -> Any:
    """Allow ``[tdp]`` (one table) as well as ``[[tdp]]`` (an array of tables)."""
    return [value] if isinstance(value, dict) else value


ListOf = Annotated[list[T], BeforeValidator(_as_list)]


def _one_line_name(value: Any) -> Any:
    """A name a person types and a table prints: not blank, one line, no control characters."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("is empty")
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in value):
            raise ValueError("holds a line break or a control character; a name is one line")
        if value != value.strip():
            raise ValueError("starts or ends with spaces")
        if len(value) > 100:
            raise ValueError(f"is {len(value)} characters long; a name has at most 100")
    return value


Name = Annotated[str, AfterValidator(_one_line_name)]

Precision = Literal["fp64", "fp32", "tf32", "tf32+", "bf16", "fp16", "fp8", "fp4", "int16", "int8", "int4"]
Quality = Literal["vendor", "vendor-reproduced", "trade-press", "secondary"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpec(_Strict):
    """An entry of specs/sources.toml."""

    title: str
    publisher: str
    date: str
    quality: Quality
    url: str | None = None
    locator: str | None = None
    via: str | None = None
    note: str | None = None

    @field_validator("date")
    @classmethod
    def _date(cls, value: str) -> str:
        if not _DATE.match(value):
            raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or 'undated')")
        return value

    @model_validator(mode="after")
    def _findable(self) -> SourceSpec:
        if not (self.url or self.locator):
            raise ValueError("a source needs a url, or a locator saying where to find it")
        return self


class FigureSpec(_Strict):
    """A sourced value. Subclasses set KIND, the kind of quantity the value must be."""

    KIND: ClassVar[str] = "text"

    value: str | int | float
    sources: list[str] = Field(min_length=1)
    quote: str | None = None
    quote_value: str | None = None
    status: Literal["published", "target", "derived", "measured"] = "published"
    preferred: bool | None = None
    why: str | None = None
    note: str | None = None

    @field_validator("value")
    @classmethod
    def _value(cls, value: str | int | float) -> str | int | float:
        check_value(value, cls.KIND)
        return value

    @model_validator(mode="after")
    def _reason(self) -> FigureSpec:
        if self.preferred is False and not self.why:
            raise ValueError("a figure marked preferred = false needs a `why`")
        if self.quote_value is not None:
            if self.quote is None:
                raise ValueError("`quote_value` names words of the `quote`, and the figure has no quote")
            if not self.note:
                raise ValueError("a figure whose quote states it as `quote_value` needs a `note` saying why")
        return self


def check_value(value: str | int | float, kind: str) -> None:
    """Raise ValueError (pydantic's way of reporting) if ``value`` is not of ``kind``."""
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{value!r} should be non-empty text")
    elif kind == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    elif kind == "rate":
        # Any rate of operations; ThroughputFigure then checks it against its precision.
        if not any(_is_kind(value, k) for k in ("flop_rate", "op_rate")):
            try:
                units.to_canonical(value, "flop_rate")
            except UnitError as exc:
                raise ValueError(str(exc).replace("a FLOP rate", "a FLOP or OP rate")) from None
    elif kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{value!r} should be a whole number of at least 1")
    else:
        try:
            units.to_canonical(value, kind)
        except UnitError as exc:
            raise ValueError(str(exc)) from None


def _is_kind(value: str | int | float, kind: str) -> bool:
    try:
        units.to_canonical(value, kind)
    except UnitError:
        return False
    return True


class DateFigure(FigureSpec):
    KIND = "date"


class TextFigure(FigureSpec):
    KIND = "text"


class InformationFigure(FigureSpec):
    KIND = "information"


class BandwidthFigure(FigureSpec):
    KIND = "bandwidth"


class PowerFigure(FigureSpec):
    KIND = "power"


class AreaFigure(FigureSpec):
    KIND = "area"


class CountFigure(FigureSpec):
    KIND = "count"


class IntegerFigure(FigureSpec):
    KIND = "integer"


class FrequencyFigure(FigureSpec):
    KIND = "frequency"


class LinkFigure(BandwidthFigure):
    """Interconnect bandwidth, with the link's name and whether it counts both directions."""

    name: str
    direction: Literal["bidirectional", "unidirectional", "unknown"]


class ThroughputFigure(FigureSpec):
    """A peak throughput figure with every attribute that says what it measures."""

    KIND = "rate"

    precision: Precision
    execution: Literal["vector", "matrix", "summed", "unknown"]
    sparsity: Literal["dense", "sparse", "unknown"]
    level: Literal["die", "package", "card"]
    accumulate: Precision | None = None

    @model_validator(mode="after")
    def _operation_kind(self) -> ThroughputFigure:
        expected = "op_rate" if self.precision in INTEGER_PRECISIONS else "flop_rate"
        label = PRECISIONS[self.precision]
        try:
            units.to_canonical(self.value, expected)
        except UnitError as exc:
            raise ValueError(f"{label} value {exc}") from None
        return self


class SupportSpec(_Strict):
    """Whether a precision is supported at all (for 'not supported' versus 'unknown')."""

    precision: Precision
    supported: bool
    sources: list[str] = Field(min_length=1)
    note: str | None = None


# Scalar metrics and the figure type each takes; kept in step with model.METRICS.
METRIC_TYPES: dict[str, type[FigureSpec]] = {
    "launch": DateFigure,
    "memory_type": TextFigure,
    "memory_capacity": InformationFigure,
    "memory_stacks": IntegerFigure,
    "memory_bus_width": InformationFigure,
    "memory_bandwidth": BandwidthFigure,
    "interconnect": LinkFigure,
    "host_interface": TextFigure,
    "tdp": PowerFigure,
    "process": TextFigure,
    "foundry": TextFigure,
    "transistors": CountFigure,
    "compute_dies": IntegerFigure,
    "tensor_cores": IntegerFigure,
    "die_area": AreaFigure,
    "package_area": AreaFigure,
    "clock": FrequencyFigure,
}

# Fields a SKU does not take from its base entry.
NOT_INHERITED = frozenset({"launch"})


class SpecFile(_Strict):
    """One file of specs/: a chip, or a SKU that may take figures from a ``base`` entry.

    A metric left out is inherited from the base (or unknown without one); an
    empty list (``interconnect = []``) says it is unknown for this SKU.
    """

    id: str = Field(pattern=_ID)
    name: Name
    name_en: Name | None = None
    vendor: Name
    vendor_zh: Name | None = None
    family: Name
    default: bool = False
    sku: Name
    form_factor: Literal["chip", "OAM", "SXM2", "SXM4", "SXM5", "SXM6", "PCIe", "unknown"]
    base: str | None = Field(default=None, pattern=_ID)
    aliases: list[Name] = []
    notes: list[str] = []

    throughput: ListOf[ThroughputFigure] | None = None
    support: ListOf[SupportSpec] | None = None
    launch: ListOf[DateFigure] | None = None
    memory_type: ListOf[TextFigure] | None = None
    memory_capacity: ListOf[InformationFigure] | None = None
    memory_stacks: ListOf[IntegerFigure] | None = None
    memory_bus_width: ListOf[InformationFigure] | None = None
    memory_bandwidth: ListOf[BandwidthFigure] | None = None
    interconnect: ListOf[LinkFigure] | None = None
    host_interface: ListOf[TextFigure] | None = None
    tdp: ListOf[PowerFigure] | None = None
    process: ListOf[TextFigure] | None = None
    foundry: ListOf[TextFigure] | None = None
    transistors: ListOf[CountFigure] | None = None
    compute_dies: ListOf[IntegerFigure] | None = None
    tensor_cores: ListOf[IntegerFigure] | None = None
    die_area: ListOf[AreaFigure] | None = None
    package_area: ListOf[AreaFigure] | None = None
    clock: ListOf[FrequencyFigure] | None = None

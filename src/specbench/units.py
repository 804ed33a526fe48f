"""Units: one pint registry for the package, and the kinds of quantity a spec holds.

The registry is built once, lazily, because importing pint costs about 0.2 s;
commands that read the cached catalogue never import it. Project units
(FLOP and integer-operation rates, Chinese magnitudes) live in ``units.txt``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from specbench.errors import UnitError, clip

if TYPE_CHECKING:
    import pint

_DEFINITIONS = Path(__file__).with_name("units.txt")

# Changes to pint's default definitions, each (pattern, replacement, why).
_PATCHES = [
    (
        r"(?m)^bit = \[\]$",
        "bit = [information] = b",
        "pint makes bytes dimensionless, so 80 GiB would convert to a percentage",
    ),
    (r"(?m)^(barn = .*?) = b$", r"\1", "'b' is bit in bandwidth figures (Gb/s), not barn"),
    (r"(?m)^(gilbert = .*?) = Gb$", r"\1", "'Gb' is gigabit, not gilbert"),
]


@cache
def registry() -> pint.UnitRegistry:
    """Return the package's unit registry, building it on first use."""
    import pint

    root = Path(pint.__file__).parent
    text = (root / "default_en.txt").read_text(encoding="utf-8")
    # pint's string loader cannot follow @import, so inline the one it uses.
    text = text.replace("@import constants_en.txt", (root / "constants_en.txt").read_text(encoding="utf-8"))
    for pattern, replacement, _why in _PATCHES:
        text, count = re.subn(pattern, replacement, text)
        if count != 1:  # pragma: no cover - guards against a pint upgrade
            raise RuntimeError(f"pint's definitions changed; cannot apply {pattern!r}")
    ureg: pint.UnitRegistry = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=True)
    ureg.load_definitions(text.splitlines())
    ureg.load_definitions(_DEFINITIONS.read_text(encoding="utf-8").splitlines())
    return ureg


@dataclass(frozen=True)
class Kind:
    """A kind of quantity: its dimensionality, canonical unit and a phrase for messages."""

    name: str
    dimensionality: dict[str, float]
    canonical: str
    phrase: str


KINDS: dict[str, Kind] = {
    k.name: k
    for k in [
        Kind("flop_rate", {"[floating_point_operation]": 1, "[time]": -1}, "TFLOPS", "a FLOP rate"),
        Kind("op_rate", {"[integer_operation]": 1, "[time]": -1}, "TOPS", "a rate of integer operations"),
        Kind("flop_count", {"[floating_point_operation]": 1}, "TFLOP", "a count of floating-point operations"),
        Kind("op_count", {"[integer_operation]": 1}, "TOP", "a count of integer operations"),
        Kind("bandwidth", {"[information]": 1, "[time]": -1}, "GB/s", "a bandwidth"),
        Kind("information", {"[information]": 1}, "GB", "an amount of data"),
        Kind("power", {"[mass]": 1, "[length]": 2, "[time]": -3}, "W", "a power"),
        Kind("area", {"[length]": 2}, "mm**2", "an area"),
        Kind("length", {"[length]": 1}, "mm", "a length"),
        Kind("frequency", {"[time]": -1}, "MHz", "a frequency"),
        Kind("count", {}, "dimensionless", "a plain number"),
    ]
}


# A value is a number and a unit, never an expression: "10**10**10 TFLOPS" would make pint compute
# a number with ten billion digits. Only the documented forms multiply: an area ("57.5 mm * 57.5 mm")
# and a count of links or ports times the bandwidth of each ("8 * 64 GB/s").
_NUMBER = r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_UNIT = r"[^\W\d_]+(?:\s*(?:\*\*|\^)\s*[23](?![\d.]))?"
_UNITS = rf"{_UNIT}(?:\s*(?:[/·]|\*(?!\*))\s*{_UNIT})*"
_VALUE = re.compile(rf"\s*({_NUMBER})\s*({_UNITS})?\s*")
_AREA = re.compile(rf"\s*({_NUMBER})\s*({_UNIT})\s*\*\s*({_NUMBER})\s*({_UNIT})\s*")
_PRODUCT = re.compile(rf"\s*({_NUMBER})\s*\*\s*({_NUMBER})\s*({_UNITS})\s*")  # "8 * 64 GB/s": 8 links
MAX_DIGITS = 30  # more digits than any figure needs; Python's int() refuses over 4,300 anyway
LIMITS = (1e-3, 1e15)  # a written number outside these is a typo, and prints as 0 or overflows ratios


@lru_cache(maxsize=4096, typed=True)
def parse(text: str | int | float) -> pint.Quantity:
    """Parse a quantity such as ``'1024 TFLOPS'``, ``'770 亿'``, ``'57.5 mm * 57.5 mm'`` or ``'8 * 64 GB/s'``.

    The text must be a number and a unit (or one of the two products); arithmetic is not
    evaluated, and a number that is not finite, has more than MAX_DIGITS digits or lies outside
    LIMITS is refused.

    Validating a figure checks its value against its kind, its precision and then converts it:
    each value is parsed by pint once, and the quantity (never changed in place) is reused.
    """
    ureg = registry()
    if isinstance(text, bool):
        raise UnitError(f"{text!r} is not a quantity")
    if isinstance(text, int | float):
        return ureg.Quantity(_finite(text, text))
    cleaned = text.strip().replace("×", "*").replace("²", "**2")
    if not cleaned:
        raise UnitError("empty value")
    value, area, product = (form.fullmatch(cleaned) for form in (_VALUE, _AREA, _PRODUCT))
    if value is None and area is None and product is None:
        raise UnitError(f"{clip(text)!r} is not a number and a unit (such as '1024 TFLOPS' or '64 GB')")
    try:
        if area is not None:
            first, second = (_number(area.group(i), text) for i in (1, 3))
            quantity: pint.Quantity = ureg.Quantity(first, area.group(2)) * ureg.Quantity(second, area.group(4))
        elif product is not None:
            count, each = (_number(product.group(i), text) for i in (1, 2))
            quantity = ureg.Quantity(count * each, product.group(3))
        else:
            assert value is not None
            number = _number(value.group(1), text)
            quantity = ureg.Quantity(number, value.group(2)) if value.group(2) else ureg.Quantity(number)
    except UnitError:
        raise
    except Exception as exc:  # pint raises several unrelated types here
        raise UnitError(f"{clip(text)!r} is not a quantity pint understands ({_short(exc)})") from None
    return quantity


def _number(written: str, text: Any) -> float:
    digits = sum(c.isdigit() for c in written)
    if digits > MAX_DIGITS:
        raise UnitError(f"{clip(text)!r} has a number of {digits} digits; a figure needs at most {MAX_DIGITS}")
    return _finite(float(written.replace(",", "")), text)


def _finite(number: float, text: Any) -> float:
    if not math.isfinite(number):
        raise UnitError(f"{clip(text)!r} is not a finite number")
    low, high = LIMITS
    if number and not low <= abs(number) <= high:
        raise UnitError(f"{clip(text)!r}: {number:.3g} is outside the plausible range {low:g} to {high:g}")
    return number


def kind_of(quantity: pint.Quantity) -> Kind | None:
    """Return the kind whose dimensionality matches, or None."""
    dims = {k: v for k, v in dict(quantity.dimensionality).items() if v}
    for kind in KINDS.values():
        if dims == kind.dimensionality:
            return kind
    return None


def describe(quantity: pint.Quantity) -> str:
    """A phrase for what a quantity is, for error messages."""
    kind = kind_of(quantity)
    return kind.phrase if kind else f"a quantity of dimension {quantity.dimensionality}"


def to_canonical(text: str | int | float, expected: str, unit: str | None = None) -> float:
    """Parse ``text`` and return its magnitude in ``unit`` (default: the kind's canonical unit).

    Raises UnitError naming what the value is and what was expected.
    """
    kind = KINDS[expected]
    quantity = parse(text)
    actual = kind_of(quantity)
    if actual is None or actual.name != kind.name:
        hint = _hint(text, actual, kind)
        raise UnitError(f"{clip(text)!r} is {describe(quantity)}, expected {kind.phrase}{hint}")
    magnitude = float(quantity.to(unit or kind.canonical).magnitude)
    if not magnitude > 0:
        raise UnitError(f"{clip(text)!r} must be positive")
    if not math.isfinite(magnitude):
        raise UnitError(f"{clip(text)!r} is too large to convert to {unit or kind.canonical}")
    return magnitude


def _hint(text: Any, actual: Kind | None, expected: Kind) -> str:
    if actual and actual.name == "flop_count" and expected.name == "flop_rate":
        return " (TFLOPs with a lower-case s is a count; the rate is TFLOPS)"
    if actual and actual.name == "op_count" and expected.name == "op_rate":
        return " (the rate is TOPS)"
    if actual and {actual.name, expected.name} == {"flop_rate", "op_rate"}:
        return " (integer precisions are counted in OPS, floating-point ones in FLOPS)"
    if actual and actual.name == "count" and isinstance(text, str | int | float):
        return " (a bare number has no unit)"
    return ""


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__

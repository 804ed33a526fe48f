"""Normalization: put throughput figures on one basis, and show every step taken.

On the dense basis a 2:4 sparse figure is halved (NVIDIA's sparse figures are
exactly twice dense), and a figure whose sparsity the vendor does not state is
taken as dense, with that caveat kept beside it. On the published basis figures
are left as printed and sparse ones stay in rows of their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from specbench.model import Chip, Figure, choose_preferred

BASES = ("dense", "published")


@dataclass(frozen=True)
class Normalized:
    """A throughput value on a basis, the figure it came from, and how it got there."""

    value: float
    unit: str
    figure: Figure
    steps: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()


def unit_of(figure: Figure) -> str:
    return "TOPS" if (figure.precision or "").startswith("int") else "TFLOPS"


_FIRST_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def first_number(text: str) -> str | None:
    """The first number of a text as written, thousands separators dropped ("1,024 TOPS": "1024"),
    so that the digits written, and so the rounding they allow, can be read from it."""
    match = _FIRST_NUMBER.search(unicodedata.normalize("NFKC", text).replace(",", ""))
    return match.group() if match else None


def times(ratio: float) -> str:
    """A ratio as written in the reasoning: two decimals, or two significant digits below 0.1
    so that a small ratio is not shown as its neighbour (1/34 is 0.029x, not 0.03x = 1/30).

    >>> times(6.6858), times(0.1496), times(1 / 34)
    ('6.69x', '0.15x', '0.029x')
    """
    if 0 < abs(ratio) < 0.1:
        return f"{ratio:.2g}x"
    return f"{ratio:.2f}x"


def fmt(value: float) -> str:
    """A figure as a person would write it: 19.5, 312, 989.5, 0.305."""
    if value == 0:
        return "0"
    text = f"{value:.4g}" if abs(value) < 1e4 else f"{value:.0f}"
    if "e" in text and abs(value) >= 1:
        text = f"{value:.0f}"  # a small value keeps its exponent: 1.2e-05, never "0"
    return text


def dense_equivalent(chip: Chip, precision: str, execution: str) -> Normalized | None:
    """The dense figure for one precision and execution unit, derived if need be."""
    figures = [f for f in chip.throughput() if f.precision == precision and f.execution == execution]
    by_sparsity: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_sparsity[figure.sparsity or "unknown"].append(figure)
    dense = choose_preferred(by_sparsity["dense"])
    sparse = choose_preferred(by_sparsity["sparse"])
    unknown = choose_preferred(by_sparsity["unknown"])
    if dense is not None:
        steps: tuple[str, ...] = ()
        if sparse is not None:
            steps = (f"{sparse.text} (2:4 sparse) / 2 = {fmt(float(sparse.value) / 2)}, agrees with the dense figure",)
        return Normalized(float(dense.value), unit_of(dense), dense, steps, _status_caveats(dense))
    if sparse is not None:
        half = float(sparse.value) / 2
        step = f"{sparse.text} (2:4 sparse) / 2 = {fmt(half)} {unit_of(sparse)} dense"
        return Normalized(half, unit_of(sparse), sparse, (step,), _status_caveats(sparse))
    if unknown is not None:
        caveats = ("sparsity not stated by the source; taken as dense", *_status_caveats(unknown))
        return Normalized(float(unknown.value), unit_of(unknown), unknown, (), caveats)
    return None


def published(chip: Chip, precision: str, execution: str, sparsity: str) -> Normalized | None:
    """A figure exactly as its source printed it."""
    figures = [
        f for f in chip.throughput() if (f.precision, f.execution, f.sparsity) == (precision, execution, sparsity)
    ]
    figure = choose_preferred(figures)
    if figure is None:
        return None
    return Normalized(float(figure.value), unit_of(figure), figure, (), _status_caveats(figure))


def throughput_keys(chip: Chip, basis: str) -> list[tuple[str, ...]]:
    """The (precision, execution[, sparsity]) keys for which a chip has a preferred figure."""
    keys: list[tuple[str, ...]] = []
    for figure in chip.throughput():
        if figure.preferred is False:
            continue
        key: tuple[str, ...] = (figure.precision or "", figure.execution or "unknown")
        if basis == "published":
            key = (*key, figure.sparsity or "unknown")
        if key not in keys:
            keys.append(key)
    return keys


def value_on_basis(chip: Chip, key: tuple[str, ...], basis: str) -> Normalized | None:
    if basis == "published":
        return published(chip, *key)
    return dense_equivalent(chip, key[0], key[1])


def _status_caveats(figure: Figure) -> tuple[str, ...]:
    if figure.status == "target":
        return ("a design target (目标), not a shipped specification",)
    if figure.status == "derived":
        return ("derived by arithmetic from published figures",)
    return ()

"""Entries to chips: ``base`` inheritance resolved, every value converted to its canonical unit."""

from __future__ import annotations

from typing import Any

from specbench.errors import Problem
from specbench.model import Chip, Figure, Support

MAX_BASE_DEPTH = 8  # a SKU of a SKU of a chip is the deepest any catalogue needs


def build_chips(
    specs: dict[str, tuple[Any, str]], schema: Any, invalid: set[str]
) -> tuple[dict[str, Chip], list[Problem]]:
    """Resolve ``base`` inheritance and convert every value to its canonical unit."""
    from specbench import units
    from specbench.model import METRICS

    problems: list[Problem] = []
    chips: dict[str, Chip] = {}

    def own(chip_id: str) -> dict[str, tuple[list[Any], str]]:
        spec, shown = specs[chip_id]
        return {
            name: (getattr(spec, name), shown)
            for name in ("throughput", "support", *METRICS)
            if getattr(spec, name) is not None
        }

    def resolved(chip_id: str) -> dict[str, tuple[list[Any], str]] | None:
        """The entry's fields merged over those of its chain of bases (walked in a loop, so a
        long chain cannot exhaust the stack)."""
        chain = [chip_id]
        while (base := specs[chain[-1]][0].base) is not None:
            shown = specs[chain[-1]][1]
            if base in invalid:
                return None  # its own problems are already reported
            if base not in specs:
                problems.append(Problem(shown, "base", f"{base!r} is not a spec in this catalogue"))
                return None
            if base in chain:
                path = " -> ".join([*chain[chain.index(base) :], base])
                problems.append(Problem(shown, "base", f"{base!r} makes a cycle: {path}"))
                return None
            if len(chain) > MAX_BASE_DEPTH:
                problems.append(Problem(specs[chip_id][1], "base", f"a chain of more than {MAX_BASE_DEPTH} bases"))
                return None
            chain.append(base)
        merged: dict[str, tuple[list[Any], str]] = {}
        for entry in reversed(chain):
            if entry != chain[-1]:
                merged = {k: v for k, v in merged.items() if k not in schema.NOT_INHERITED}
            merged.update(own(entry))
        return merged

    for chip_id, (spec, shown) in specs.items():
        fields = resolved(chip_id)
        if fields is None:
            continue
        figures: list[Figure] = []
        support: list[Support] = []
        for metric, (entries, origin) in fields.items():
            for index, entry in enumerate(entries):
                where = f"{metric}[{index}]" if len(entries) > 1 else metric
                if metric == "support":
                    support.append(Support(entry.precision, entry.supported, tuple(entry.sources), entry.note))
                    continue
                kind = (
                    METRICS[metric][0]
                    if metric in METRICS
                    else ("op_rate" if entry.precision.startswith("int") else "flop_rate")
                )
                figures.append(_figure(metric, entry, kind, origin, where, units))
        chips[chip_id] = Chip(
            id=spec.id,
            name=spec.name,
            vendor=spec.vendor,
            family=spec.family,
            sku=spec.sku,
            form_factor=spec.form_factor,
            file=shown,
            name_en=spec.name_en,
            vendor_zh=spec.vendor_zh,
            default=spec.default,
            base=spec.base,
            aliases=tuple(spec.aliases),
            notes=tuple(spec.notes),
            figures=tuple(figures),
            support=tuple(support),
        )
    return chips, problems


def _figure(metric: str, entry: Any, kind: str, origin: str, where: str, units: Any) -> Figure:
    from specbench.model import METRICS

    if kind in ("text", "date"):
        value: float | str = str(entry.value)
    elif kind == "integer":
        value = float(entry.value)
    else:
        unit = METRICS[metric][2] if metric in METRICS else None
        unit = {"mm²": "mm**2", "": None}.get(unit or "", unit)
        value = units.to_canonical(entry.value, kind, unit)
    extra = {}
    if metric == "throughput":
        extra = dict(
            precision=entry.precision,
            execution=entry.execution,
            sparsity=entry.sparsity,
            level=entry.level,
            accumulate=entry.accumulate,
        )
    elif metric == "interconnect":
        extra = dict(name=entry.name, direction=entry.direction)
    return Figure(
        metric=metric,
        text=str(entry.value),
        value=value,
        sources=tuple(entry.sources),
        status=entry.status,
        preferred=entry.preferred,
        why=entry.why,
        note=entry.note,
        quote=entry.quote,
        quote_value=entry.quote_value,
        file=origin,
        field=where,
        **extra,
    )

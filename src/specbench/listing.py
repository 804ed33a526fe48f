"""The catalogue as a table (`specbench list`) and one chip in full (`specbench show`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from specbench.errors import UsageError
from specbench.model import EXECUTION_UNITS, METRICS, Chip, Figure, precision_label
from specbench.normalize import fmt
from specbench.store import Catalogue
from specbench.store.names import country
from specbench.tables import Format, is_csv, json_text, md_escape, plain_number, render_records

SORT_KEYS = ("vendor", "name", "family", "country", "launch", "tdp", "dies")


@dataclass(frozen=True)
class Selection:
    """Which entries `specbench list` shows and in what order. Each filter takes several values
    (any may match); a vendor matches its English or Chinese name, a family any name that
    stands for it (see :meth:`Catalogue.family_of`: its own name, or a name of one of its SKUs)."""

    vendors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    sort: str = "vendor"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise UsageError(f"cannot sort by {self.sort!r}; choose one of {', '.join(SORT_KEYS)}")

    def chips(self, catalogue: Catalogue) -> list[Chip]:
        families = {catalogue.family_of(name) for name in self.families}
        chips = [chip for chip in catalogue.chips.values() if self._keeps(chip, families)]
        stable = sorted(chips, key=lambda c: (c.vendor, c.family, not c.default, c.name))
        known = [c for c in stable if self._key(c) is not None]
        unknown = [c for c in stable if self._key(c) is None]  # unknown values last, whatever the order
        return sorted(known, key=self._key, reverse=self.descending) + unknown  # type: ignore[arg-type]

    def _keeps(self, chip: Chip, families: set[str]) -> bool:
        vendor_names = {chip.vendor.casefold(), (chip.vendor_zh or "").casefold()}
        return (
            (not self.vendors or any(v.strip().casefold() in vendor_names for v in self.vendors))
            and (
                not self.countries or (country(chip.vendor) or "").casefold() in {c.casefold() for c in self.countries}
            )
            and (not families or chip.family in families)
        )

    def _key(self, chip: Chip) -> Any:
        if self.sort in ("vendor", "name", "family"):
            return getattr(chip, self.sort).casefold()
        if self.sort == "country":
            return country(chip.vendor)
        if self.sort == "dies":
            return chip.compute_dies
        figure = chip.preferred(self.sort)
        if figure is None:
            return None
        return figure.value if self.sort == "launch" or not figure.is_numeric else float(figure.value)


def catalogue_rows(catalogue: Catalogue, selection: Selection | None = None) -> list[dict[str, Any]]:
    """One record per entry: those selected, in the selection's order (default: every entry, by
    vendor, family and name)."""
    rows = []
    for chip in (selection or Selection()).chips(catalogue):
        launch, tdp = chip.preferred("launch"), chip.preferred("tdp")
        rows.append(
            {
                "id": chip.id,
                "name": chip.name,
                "vendor": chip.vendor,
                "country": country(chip.vendor),
                "family": chip.family + (" (default)" if chip.default else ""),
                "form_factor": chip.form_factor,
                "launch": launch.value if launch else None,
                "compute_dies": chip.compute_dies,
                "tdp_w": plain_number(float(tdp.value)) if tdp and tdp.is_numeric else None,
            }
        )
    return rows


def render_list(
    catalogue: Catalogue, fmt_: Format, selection: Selection | None = None, *, width: int | None = None
) -> str:
    rows = catalogue_rows(catalogue, selection)
    if not rows:
        raise UsageError("no entry of the catalogue matches the filters; see `specbench list`")
    return render_records(rows, fmt_, title="specbench catalogue", width=width)


def _figure_value(figure: Figure) -> str:
    unit = (
        METRICS[figure.metric][2]
        if figure.metric in METRICS
        else ("TOPS" if (figure.precision or "").startswith("int") else "TFLOPS")
    )
    if isinstance(figure.value, float) and unit and figure.metric != "transistors":
        converted = f"{fmt(figure.value)} {unit}"
        return figure.text if converted == figure.text else f"{figure.text} (= {converted})"
    if figure.metric == "transistors" and isinstance(figure.value, float):
        return f"{figure.text} (= {fmt(figure.value / 1e9)} billion)"
    return figure.text


def _preference(figure: Figure) -> str:
    if figure.preferred is True:
        return "preferred: " + (figure.why or "")
    if figure.preferred is False:
        return "not preferred: " + (figure.why or "")
    return ""


def _throughput_display(figure: Figure) -> dict[str, Any]:
    return {
        "precision": precision_label(figure.precision or ""),
        "execution": EXECUTION_UNITS.get(figure.execution or "", figure.execution),
        "sparsity": {"sparse": "2:4 sparse"}.get(figure.sparsity or "", figure.sparsity),
        "level": figure.level,
        "value": figure.text,
        "status": figure.status,
        "sources": ", ".join(figure.sources),
        "remarks": "; ".join(x for x in (_preference(figure), figure.note or "") if x),
    }


def _spec_display(figure: Figure) -> dict[str, Any]:
    link = f" ({figure.name}, {figure.direction})" if figure.metric == "interconnect" else ""
    return {
        "metric": METRICS[figure.metric][1],
        "value": _figure_value(figure) + link,
        "status": figure.status,
        "sources": ", ".join(figure.sources),
        "remarks": "; ".join(x for x in (_preference(figure), figure.note or "") if x),
    }


def _figure_json(figure: Figure) -> dict[str, Any]:
    """A figure as JSON carries it: its number in ``unit`` (a text or date value is kept as
    text), the text the source printed, and every attribute."""
    from specbench.tidy import figure_number, metric_unit

    number = figure_number(figure)
    record: dict[str, Any] = {"metric": figure.metric}
    if figure.metric == "throughput":
        record.update(precision=figure.precision, execution=figure.execution, sparsity=figure.sparsity)
        record["level"] = figure.level
    elif figure.metric == "interconnect":
        record.update(link=figure.name, direction=figure.direction)
    record.update(
        value=figure.value if number is None else plain_number(number),
        unit=metric_unit(figure) if number is not None else None,
        published=figure.text,
        status=figure.status,
        preferred=figure.preferred,
        sources=list(figure.sources),
        why=figure.why,
        note=figure.note,
    )
    return record


def chip_detail(catalogue: Catalogue, chip: Chip) -> dict[str, Any]:
    """One chip for `show --format json`: its names, every figure (numbers as numbers, with
    their unit), the precisions it is sourced as lacking, its notes and its sources."""
    specs = [figure for metric in METRICS for figure in chip.figures_for(metric)]
    support = [
        {"precision": s.precision, "supported": s.supported, "sources": list(s.sources), "note": s.note}
        for s in chip.support
    ]
    family = [c.name for c in catalogue.chips.values() if c.family == chip.family and c.id != chip.id]
    return {
        "id": chip.id,
        "name": chip.name,
        "name_en": chip.name_en,
        "vendor": chip.vendor + (f" ({chip.vendor_zh})" if chip.vendor_zh else ""),
        "family": chip.family,
        "default_sku": chip.default,
        "sku": chip.sku,
        "form_factor": chip.form_factor,
        "base": chip.base,
        "aliases": list(chip.aliases),
        "other_skus": family,
        "file": chip.file,
        "throughput": [_figure_json(f) for f in chip.throughput()],
        "specs": [_figure_json(f) for f in specs],
        "precision_support": support,
        "notes": list(chip.notes),
        "sources": {k: catalogue.sources[k].citation() for k in chip.cited_sources() if k in catalogue.sources},
    }


def render_show(catalogue: Catalogue, chip: Chip, fmt_: Format, *, width: int | None = None) -> str:
    """One chip in Markdown, text (fitting ``width``), JSON or HTML."""
    detail = chip_detail(catalogue, chip)
    if fmt_ is Format.json:
        return json_text(detail) + "\n"
    if fmt_ is Format.html:
        from specbench.tables import render_page

        return render_page(render_show(catalogue, chip, Format.markdown), chip.name)
    if is_csv(fmt_):
        from specbench.tidy import figure_records

        return render_records(figure_records(catalogue, [chip]), fmt_)
    detail["throughput"] = [_throughput_display(f) for f in chip.throughput()]
    detail["specs"] = [_spec_display(f) for metric in METRICS for f in chip.figures_for(metric)]
    detail["precision_support"] = [
        {
            "precision": precision_label(s.precision),
            "supported": "yes" if s.supported else "no",
            "sources": ", ".join(s.sources),
            "remarks": s.note or "",
        }
        for s in chip.support
    ]
    from specbench.terminal import wrap_lines

    markdown = fmt_ is Format.markdown
    width = None if markdown else width
    table_format = Format.markdown if markdown else Format.text
    esc = md_escape if markdown else str
    default = " (default SKU of its family)" if chip.default else ""
    lines = [f"# {esc(chip.vendor)} {esc(chip.name)}" if markdown else f"{chip.vendor} {chip.name}", ""]
    facts = [
        ("SKU", f"{chip.sku}, {chip.form_factor}"),
        ("Family", f"{chip.family}{default}"),
        ("Other SKUs", ", ".join(detail["other_skus"]) or "none"),
        ("Aliases", ", ".join(chip.aliases) or "none"),
        ("Figures inherited from", chip.base or "none"),
        ("Spec file", chip.file),
    ]
    lines += [f"- {k}: {esc(v)}" for k, v in facts] + [""]
    for title, key in (
        ("Throughput", "throughput"),
        ("Specifications", "specs"),
        ("Precision support", "precision_support"),
    ):
        if detail[key]:
            table = render_records(detail[key], table_format, width=width).rstrip()
            lines += [f"## {title}" if markdown else title, "", table, ""]
    if chip.notes:
        lines += ["## Notes" if markdown else "Notes", "", *wrap_lines([f"- {esc(n)}" for n in chip.notes], width), ""]
    sources = [f"- [{k}] {esc(v)}" for k, v in detail["sources"].items()]
    lines += ["## Sources" if markdown else "Sources", "", *wrap_lines(sources, width)]
    return "\n".join(lines).rstrip() + "\n"

"""The catalogue as a table (`specbench list`) and one chip in full (`specbench show`)."""

from __future__ import annotations

from typing import Any

from specbench.model import EXECUTION_UNITS, METRICS, Chip, Figure, precision_label
from specbench.normalize import fmt
from specbench.store import Catalogue
from specbench.tables import Format, json_text, md_escape, render_records


def catalogue_rows(catalogue: Catalogue) -> list[dict[str, Any]]:
    """One record per entry, in a stable order (vendor, family, name)."""
    rows = []
    for chip in sorted(catalogue.chips.values(), key=lambda c: (c.vendor, c.family, not c.default, c.name)):
        launch, tdp = chip.preferred("launch"), chip.preferred("tdp")
        rows.append(
            {
                "id": chip.id,
                "name": chip.name,
                "vendor": chip.vendor,
                "family": chip.family + (" (default)" if chip.default else ""),
                "form_factor": chip.form_factor,
                "launch": launch.value if launch else None,
                "compute_dies": chip.compute_dies,
                "tdp_w": fmt(float(tdp.value)) if tdp and tdp.is_numeric else None,
            }
        )
    return rows


def render_list(catalogue: Catalogue, fmt_: Format) -> str:
    return render_records(catalogue_rows(catalogue), fmt_, title="specbench catalogue")


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


def chip_detail(catalogue: Catalogue, chip: Chip) -> dict[str, Any]:
    throughput = [
        {
            "precision": precision_label(f.precision or ""),
            "execution": EXECUTION_UNITS.get(f.execution or "", f.execution),
            "sparsity": {"sparse": "2:4 sparse"}.get(f.sparsity or "", f.sparsity),
            "level": f.level,
            "value": f.text,
            "status": f.status,
            "sources": ", ".join(f.sources),
            "remarks": "; ".join(x for x in (_preference(f), f.note or "") if x),
        }
        for f in chip.throughput()
    ]
    specs = [
        {
            "metric": METRICS[f.metric][1],
            "value": _figure_value(f) + (f" ({f.name}, {f.direction})" if f.metric == "interconnect" else ""),
            "status": f.status,
            "sources": ", ".join(f.sources),
            "remarks": "; ".join(x for x in (_preference(f), f.note or "") if x),
        }
        for metric in METRICS
        for f in chip.figures_for(metric)
    ]
    support = [
        {
            "precision": precision_label(s.precision),
            "supported": "yes" if s.supported else "no",
            "sources": ", ".join(s.sources),
            "remarks": s.note or "",
        }
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
        "throughput": throughput,
        "specs": specs,
        "precision_support": support,
        "notes": list(chip.notes),
        "sources": {k: catalogue.sources[k].citation() for k in chip.cited_sources() if k in catalogue.sources},
    }


def render_show(catalogue: Catalogue, chip: Chip, fmt_: Format) -> str:
    detail = chip_detail(catalogue, chip)
    if fmt_ is Format.json:
        return json_text(detail) + "\n"
    markdown = fmt_ is Format.markdown
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
            lines += [f"## {title}" if markdown else title, "", render_records(detail[key], table_format).rstrip(), ""]
    if chip.notes:
        lines += ["## Notes" if markdown else "Notes", "", *(f"- {esc(n)}" for n in chip.notes), ""]
    lines += ["## Sources" if markdown else "Sources", "", *(f"- [{k}] {esc(v)}" for k, v in detail["sources"].items())]
    return "\n".join(lines).rstrip() + "\n"

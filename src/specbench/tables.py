"""Rendering: comparisons, the catalogue and single chips as Markdown, text, CSV, JSON or HTML."""

from __future__ import annotations

import io
import json
import math
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from specbench.normalize import fmt

if TYPE_CHECKING:
    from specbench.comparison import Comparison, Row
    from specbench.derived import Cluster, Roofline


class Format(StrEnum):
    markdown = "markdown"
    text = "text"
    csv = "csv"
    csv_excel = "csv-excel"  # CSV with a UTF-8 byte order mark, so that Excel keeps Chinese intact
    json = "json"
    html = "html"


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON as every output format writes it: UTF-8 text, and never NaN or Infinity, which
    are not JSON; a number that is not finite (no figure should be) is written as null."""
    return json.dumps(_finite(data), ensure_ascii=False, indent=indent, allow_nan=False)


def plain_number(value: Any) -> Any:
    """A number as tidy output carries it: to 12 significant digits, so that unit conversion
    leaves no binary noise (4.0 TB/s is 4000 GB/s, not 4000.0000000000005), and whole numbers
    as integers (550, not 550.0). Other values are left as they are."""
    if not isinstance(value, float) or not math.isfinite(value):
        return value
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def cell_text(value: Any) -> str:
    """A value as a table cell shows it: numbers as a person writes them, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        return fmt(value)
    return str(value)


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


LEGEND = "— not published in the sources consulted · n/a the format is another vendor's"
DERIVED_SENTENCE = (
    "From the throughput rows at least two chips have a figure in (a chip without it shows —): "
    "per watt of TDP, per compute die, per mm² of compute die, "
    "memory bytes per operation and the roofline ridge point (peak / memory bandwidth: the arithmetic "
    "intensity a workload needs before the peak is reachable). Inputs are under Figures."
)


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with =, +, -, @, a tab or a
    carriage return is a formula to Excel and Sheets, so it gets a leading apostrophe (OWASP's
    rule). Numbers, negative ones included, are left as they are."""
    if not isinstance(value, str) or not value or value[0] not in "=+-@\t\r":
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


# What a Markdown table cell cannot hold as it is: markup (escaped as html.escape does), the
# cell separator and line ends.
_MD_CELL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\n": " ", "\r": " "})


def md_escape(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return text.replace("\r\n", " ").translate(_MD_CELL)


def _marks(numbers: list[int]) -> str:
    return f" [{', '.join(str(n) for n in sorted(set(numbers)))}]" if numbers else ""


def _ratio_text(row: Row, label: str, marks: Any = _marks) -> str:
    ratio = row.ratios.get(label)
    if ratio is None:
        return ""
    return f"{ratio:.2f}x" + marks(row.ratio_notes.get(label, []))


def comparison_table(
    comparison: Comparison, derived: bool = False, marks: Any = _marks
) -> tuple[list[str], list[list[str]]]:
    """The main table (figures), or with ``derived`` the table of figures derived from them.
    ``marks`` writes the note marks of a cell (``[2, 6]``)."""
    headers = ["Metric", "Unit", *comparison.column_names(), *(c.label for c in comparison.ratio_columns)]
    body = []
    for row in comparison.rows:
        if (row.kind == "derived") != derived:
            continue
        cells = [row.cells[c.id].display + marks(row.cells[c.id].notes) for c in comparison.chips]
        ratios = [_ratio_text(row, c.label, marks) for c in comparison.ratio_columns]
        body.append([row.label, row.unit, *cells, *ratios])
    return headers, body


def _no_marks(numbers: list[int]) -> str:
    return ""


def _basis_sentence(comparison: Comparison) -> str:
    if comparison.basis == "dense":
        basis = (
            "Dense basis: 2:4 sparse figures are halved; figures whose sparsity is not stated are "
            "taken as dense. Rows are split by precision and execution unit."
        )
    else:
        basis = (
            "Published basis: figures as their sources print them; sparse figures keep rows of "
            "their own. Rows are split by precision, execution unit and sparsity."
        )
    ratios = "; ".join(c.label for c in comparison.ratio_columns)
    return f"{basis} Ratios: {ratios}."


def render_comparison(comparison: Comparison, fmt_: Format, *, width: int | None = None, brief: bool = False) -> str:
    """A comparison in any format. Text fits ``width`` terminal cells (tables split, notes
    wrapped); ``brief`` leaves out the notes, figures and sources (and the marks that point to
    them) in text, Markdown and HTML."""
    if fmt_ is Format.json:
        return json_text(comparison.to_records()) + "\n"
    if is_csv(fmt_):
        return finish_csv(_comparison_csv(comparison), fmt_)
    if fmt_ is Format.html:
        return _comparison_html(comparison, brief=brief)
    marks = _no_marks if brief else _marks
    headers, body = comparison_table(comparison, marks=marks)
    derived_headers, derived = comparison_table(comparison, derived=True, marks=marks)
    if fmt_ is Format.markdown:
        from tabulate import tabulate

        table = tabulate(
            [[md_escape(c) for c in r] for r in body],
            headers=[md_escape(h) for h in headers],
            tablefmt="github",
            disable_numparse=True,
        )
        out = [
            f"# {md_escape(comparison.title)}",
            "",
            md_escape(_basis_sentence(comparison)),
            "",
            table,
            "",
            f"_{LEGEND}._",
            "",
        ]
        if derived:
            derived_table = tabulate(
                [[md_escape(c) for c in r] for r in derived],
                headers=[md_escape(h) for h in derived_headers],
                tablefmt="github",
                disable_numparse=True,
            )
            out += ["## Derived", "", DERIVED_SENTENCE, "", derived_table, ""]
        if not brief:
            out += _section("Notes", [md_escape(n) for n in comparison.notes], numbered=True)
            out += _section("Figures", [md_escape(line) for line in comparison.figure_lines()])
            out += _section("Sources", [md_escape(f"[{s.key}] {s.citation()}") for s in comparison.sources])
        return "\n".join(out).rstrip() + "\n"
    from specbench.terminal import table as text_table
    from specbench.terminal import wrap_lines

    out = [
        *wrap_lines([comparison.title, "", _basis_sentence(comparison)], width),
        "",
        text_table(headers, body, width, keep=2),
        "",
        *wrap_lines([LEGEND], width),
        "",
    ]
    if derived:
        out += [
            "Derived",
            "",
            *wrap_lines([DERIVED_SENTENCE], width),
            "",
            text_table(derived_headers, derived, width, keep=2),
            "",
        ]
    if not brief:
        out += wrap_lines(_section("Notes", comparison.notes, numbered=True, markdown=False), width)
        out += wrap_lines(_section("Figures", comparison.figure_lines(), markdown=False), width)
        sources = [f"[{s.key}] {s.citation()}" for s in comparison.sources]
        out += wrap_lines(_section("Sources", sources, markdown=False), width)
    return "\n".join(out).rstrip() + "\n"


def _section(title: str, items: list[str], *, numbered: bool = False, markdown: bool = True) -> list[str]:
    if not items:
        return []
    heading = f"## {title}" if markdown else title
    bullet = (lambda i: f"{i}. ") if numbered else (lambda i: "- ")
    return [heading, "", *(f"{bullet(i)}{text}" for i, text in enumerate(items, 1)), ""]


def _comparison_csv(comparison: Comparison) -> str:
    from specbench.tidy import tidy_csv

    return tidy_csv(comparison.tidy_rows())


def _comparison_html(comparison: Comparison, *, brief: bool = False, nav: str = "") -> str:
    """A comparison as a whole HTML page; each note mark links to its note and back."""
    import html

    from specbench.htmlpage import NoteLinks, page
    from specbench.htmlpage import table as html_table

    esc = html.escape
    links = NoteLinks()
    marks = _no_marks if brief else links.marks

    def escaped(headers: list[str], body: list[list[str]]) -> str:
        # The cells are escaped piece by piece: the marks are links, everything else text.
        return html_table([esc(h) for h in headers], body, escaped=True)

    def cells(derived: bool) -> tuple[list[str], list[list[str]]]:
        headers, body = comparison_table(comparison, derived=derived, marks=lambda n: "\0" + marks(n) + "\1")
        return headers, [[_html_cell(c) for c in row] for row in body]

    headers, body = cells(False)
    parts = [
        f"<h1>{esc(comparison.title)}</h1>",
        f"<p>{esc(_basis_sentence(comparison))}</p>",
        escaped(headers, body),
        f'<p class="legend">{esc(LEGEND)}</p>',
    ]
    derived_headers, derived = cells(True)
    if derived:
        parts += ["<h2>Derived</h2>", f"<p>{esc(DERIVED_SENTENCE)}</p>", escaped(derived_headers, derived)]
    if not brief:
        if comparison.notes:
            parts += ["<h2>Notes</h2>", links.notes(comparison.notes)]
        parts.append(
            "<h2>Figures</h2><ul>" + "".join(f"<li>{esc(x)}</li>" for x in comparison.figure_lines()) + "</ul>"
        )
        parts.append(
            "<h2>Sources</h2><ul>"
            + "".join(
                f'<li id="source-{esc(s.key)}">[{esc(s.key)}] {esc(s.citation())}</li>' for s in comparison.sources
            )
            + "</ul>"
        )
    return page(comparison.title, "\n".join(parts), nav=nav)


def comparison_page(comparison: Comparison, *, nav: str = "") -> str:
    """A comparison as a page of the report site, with the site's navigation."""
    return _comparison_html(comparison, nav=nav)


def _html_cell(cell: str) -> str:
    """Escape a cell whose note marks, already HTML, sit between NUL and \\x01."""
    import html

    pieces = re.split(r"\x00(.*?)\x01", cell)
    return "".join(piece if index % 2 else html.escape(piece) for index, piece in enumerate(pieces))


def render_page(markdown_text: str, title: str) -> str:
    """A Markdown rendering as a whole HTML page (the commands whose HTML is their Markdown)."""
    from specbench.htmlpage import from_markdown, page, title_of

    return page(title_of(markdown_text, title), from_markdown(markdown_text))


def render_records(records: list[dict[str, Any]], fmt_: Format, title: str = "", width: int | None = None) -> str:
    """A list of flat records (the catalogue listing) in any format; as text, fitting ``width``."""
    if fmt_ is Format.json:
        return json_text(records) + "\n"
    headers = list(records[0]) if records else []
    if is_csv(fmt_):
        import csv

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=headers, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: csv_cell(plain_number(value)) for key, value in record.items()} for record in records)
        return finish_csv(buffer.getvalue(), fmt_)
    from tabulate import tabulate

    rows = [[cell_text(r[h]) for h in headers] for r in records]
    if fmt_ is Format.markdown:
        table = tabulate(
            [[md_escape(c) for c in r] for r in rows], headers=headers, tablefmt="github", disable_numparse=True
        )
        return (f"# {md_escape(title)}\n\n" if title else "") + table + "\n"
    if fmt_ is Format.html:
        import html

        from specbench.htmlpage import page
        from specbench.htmlpage import table as html_table

        heading = f"<h1>{html.escape(title)}</h1>\n" if title else ""
        return page(title or "specbench", heading + html_table(headers, rows))
    from specbench.terminal import table as text_table

    return text_table(headers, rows, width) + "\n"


def is_csv(fmt_: Format) -> bool:
    return fmt_ in (Format.csv, Format.csv_excel)


def finish_csv(text: str, fmt_: Format) -> str:
    """CSV as the format asks: for ``csv-excel``, with the byte order mark Excel needs to read
    UTF-8 (without it, Chinese names turn to mojibake)."""
    from specbench.tidy import BOM

    return BOM + text if fmt_ is Format.csv_excel else text


def render_rooflines(
    rooflines: list[Roofline], intensities: list[float], fmt_: Format, *, width: int | None = None, brief: bool = False
) -> str:
    """`specbench roofline`: peak, bandwidth, ridge point and attainable throughput per chip."""
    if not rooflines:
        return ""
    unit = rooflines[0].unit
    op = "OP" if unit == "TOPS" else "FLOP"
    decode = any(x.decode is not None for x in rooflines)
    notes = [n for r in rooflines for n in r.notes]
    notes += [
        f"{r.chip.name} decode limit: {r.decode.how} = {fmt(r.decode.value)} tokens/s "
        "(batch 1, every weight read once per token; compute, KV cache and overheads ignored)."
        for r in rooflines
        if r.decode is not None
    ]
    if fmt_ is Format.json:
        units = {"peak": unit, "memory_bandwidth": "GB/s", "ridge_point": f"{op}/B", "intensity": f"{op}/B"}
        units["attainable"] = unit
        if decode:
            units["decode_limit"] = "tokens/s"
        rows = []
        for r in rooflines:
            row: dict[str, Any] = {
                "chip": r.chip.name,
                "id": r.chip.id,
                "peak": None if r.peak is None else plain_number(r.peak.value),
                "memory_bandwidth": plain_number(r.bandwidth),
                "ridge_point": plain_number(r.ridge),
                "attainable": [{"intensity": plain_number(i), "value": plain_number(v)} for i, v in r.attainable],
            }
            if decode:
                row["decode_limit"] = None if r.decode is None else plain_number(r.decode.value)
            rows.append(row)
        document = {"precision": rooflines[0].precision, "basis": "dense", "units": units, "rows": rows}
        return json_text({**document, "notes": notes}) + "\n"
    if is_csv(fmt_):
        from specbench.tidy import roofline_rows, tidy_csv

        return finish_csv(tidy_csv(row for r in rooflines for row in roofline_rows(r)), fmt_)
    records = []
    for r in rooflines:
        record: dict[str, Any] = {
            "chip": r.chip.name,
            f"peak ({unit}, dense)": None if r.peak is None else r.peak.value,
            "memory bandwidth (GB/s)": r.bandwidth,
            f"ridge point ({op}/B)": r.ridge,
        }
        for intensity in intensities:
            record[f"at {fmt(intensity)} {op}/B ({unit})"] = dict(r.attainable).get(intensity)
        if decode:
            record["decode limit (tokens/s)"] = None if r.decode is None else r.decode.value
        records.append(record)
    title = f"Roofline, {rooflines[0].precision.upper()} (dense)"
    intro = (
        "Attainable throughput is min(peak, memory bandwidth × arithmetic intensity); the ridge point is "
        "the intensity at which the two meet."
    )
    if brief:
        notes = []
    if fmt_ is Format.html:
        return render_page(render_rooflines(rooflines, intensities, Format.markdown, brief=brief), title)
    if fmt_ is Format.markdown:
        table = render_records(records, Format.markdown).rstrip()
        inputs = [] if brief else ["## Inputs", "", *(f"- {md_escape(n)}" for n in notes)]
        lines = [f"# {title}", "", intro, "", table, "", *inputs]
    else:
        from specbench.terminal import wrap_lines

        table = render_records(records, Format.text, width=width).rstrip()
        inputs = [] if brief else ["Inputs", "", *(f"- {n}" for n in notes)]
        lines = [*wrap_lines([title, "", intro], width), "", table, "", *wrap_lines(inputs, width)]
    return "\n".join(lines).rstrip() + "\n"


def render_cluster(result: Cluster, fmt_: Format, *, width: int | None = None, brief: bool = False) -> str:
    """`specbench cluster`: aggregate and effective peaks for N devices."""
    if fmt_ is Format.json:
        link = result.link
        rows = [
            {
                "precision": peak.figure.precision,
                "execution": peak.figure.execution,
                "unit": unit,
                "per_device": plain_number(peak.value),
                "aggregate": plain_number(aggregate),
                "effective": plain_number(effective),
                "how": how,
            }
            for peak, (_label, unit, aggregate, effective, how) in zip(result.peaks, result.rows, strict=True)
        ]
        interconnect = (
            None
            if link is None
            else {
                "value": plain_number(float(link.value)),
                "unit": "GB/s",
                "name": link.name,
                "direction": link.direction,
            }
        )
        document = {
            "chip": result.chip.name,
            "id": result.chip.id,
            "count": result.count,
            "efficiency": result.efficiency,
            "basis": "dense",
            "rows": rows,
            "interconnect": interconnect,
            "notes": [f"Interconnect: {result.interconnect}.", *result.notes],
        }
        return json_text(document) + "\n"
    if is_csv(fmt_):
        from specbench.tidy import cluster_rows, tidy_csv

        return finish_csv(tidy_csv(cluster_rows(result)), fmt_)
    records = [
        {
            "precision": label,
            "unit": unit,
            "per device": fmt(aggregate / result.count),
            f"aggregate (x{result.count})": fmt(aggregate),
            "effective": "—" if effective is None else fmt(effective),
            "how": how,
        }
        for label, unit, aggregate, effective, how in result.rows
    ]
    efficiency = "no efficiency stated" if result.efficiency is None else f"scaling efficiency {result.efficiency:g}"
    title = f"{result.count} × {result.chip.name} ({efficiency})"
    if fmt_ is Format.html:
        return render_page(render_cluster(result, Format.markdown, brief=brief), title)
    notes = [] if brief else [f"Interconnect: {result.interconnect}.", *result.notes]
    if fmt_ is Format.markdown:
        table = render_records(records, Format.markdown).rstrip()
        lines = [f"# {md_escape(title)}", "", table, "", *(f"- {md_escape(n)}" for n in notes)]
    else:
        from specbench.terminal import wrap_lines

        table = render_records(records, Format.text, width=width).rstrip()
        lines = [*wrap_lines([title], width), "", table, "", *wrap_lines([f"- {n}" for n in notes], width)]
    return "\n".join(lines).rstrip() + "\n"


def render_crosscheck(result: Any, fmt_: Format, *, width: int | None = None, brief: bool = False) -> str:
    """`specbench crosscheck epoch`: Epoch's values against the catalogue, with a reason for each
    disagreement, the coverage gaps both ways and the dataset's attribution."""
    from specbench.crosscheck import ATTRIBUTION, DATASET_URL, LICENCE, TOLERANCE

    if fmt_ is Format.json:
        return json_text(result.to_records()) + "\n"
    if fmt_ is Format.html:
        return render_page(render_crosscheck(result, Format.markdown, brief=brief), "Epoch AI cross-check")
    rows = [
        {
            "Epoch row": d.epoch_row,
            "catalogue entry": d.chip,
            "metric": d.metric,
            "Epoch": d.epoch_text(),
            "catalogue": d.catalogue_text(),
            "reason": d.reason.value,
            "why": d.detail,
            "sources": ", ".join(d.sources()),
        }
        for d in result.disagreements
    ]
    if is_csv(fmt_):
        import csv

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        header = [
            "section",
            "epoch_row",
            "chip",
            "metric",
            "epoch",
            "epoch_raw",
            "catalogue",
            "reason",
            "why",
            "sources",
        ]
        writer.writerow(header)
        for d, row in zip(result.disagreements, rows, strict=True):
            cells = ["disagreement", d.epoch_row, d.chip, d.metric, row["Epoch"], d.epoch_raw, row["catalogue"]]
            writer.writerow([csv_cell(c) for c in [*cells, row["reason"], row["why"], row["sources"]]])
        for name, chip in result.lacking:
            writer.writerow([csv_cell(c) for c in ["mapped to an entry this catalogue lacks", name, chip]])
        for name, manufacturer in result.gaps:
            writer.writerow([csv_cell(c) for c in ["coverage gap", name, "", "", "", "", manufacturer]])
        for chip, name in result.uncovered:
            writer.writerow([csv_cell(c) for c in ["no Epoch row", "", chip, "", "", "", name]])
        return finish_csv(buffer.getvalue(), fmt_)
    markdown = fmt_ is Format.markdown
    esc = md_escape if markdown else (lambda text: text)
    counts = result.counts()
    intro = (
        f"Data: {ATTRIBUTION} ({LICENCE}, {DATASET_URL}); {result.csv}, {result.rows} rows. "
        f"{len(result.mapped)} rows describe a catalogue entry: {result.comparisons} values compared, "
        f"{len(result.disagreements)} differ. Values agree within {TOLERANCE:.0%}; throughput is compared on the "
        "dense basis (a 2:4 sparse figure is halved) and against every sourced figure, not only the preferred one."
    )
    summary = [{"reason": reason, "count": str(count)} for reason, count in counts.items()]
    title = "Epoch AI's Machine Learning Hardware against the catalogue"
    from specbench.terminal import wrap_lines

    out = [f"# {title}" if markdown else title, "", *(wrap_lines([esc(intro)], None if markdown else width)), ""]

    def table(records: list[dict[str, Any]], heading: str, empty: str) -> None:
        out.extend([f"## {heading}" if markdown else heading, ""])
        if records:
            out.append(render_records(records, Format.markdown if markdown else Format.text, width=width).rstrip())
        else:
            out.append(empty)
        out.append("")

    table(summary, "Summary", "")
    table(rows, "Disagreements", "None.")
    table(
        [{"Epoch row": n, "catalogue id": c} for n, c in result.lacking],
        "Mapped to an entry this catalogue lacks",
        "None.",
    )
    table(
        [{"Epoch row": n, "manufacturer": m} for n, m in result.gaps],
        "Coverage gaps: Epoch rows with no catalogue entry",
        "None.",
    )
    table(
        [{"id": c, "name": n} for c, n in result.uncovered],
        "Catalogue entries with no Epoch row",
        "None.",
    )
    notes = [] if brief else [f"{n}: {note}" for n, _, note in result.mapped if note]
    attribution = esc(
        f"Epoch's figures are quoted from {ATTRIBUTION}, licensed {LICENCE} "
        "(https://creativecommons.org/licenses/by/4.0/); the comparison and its classification are specbench's."
    )
    prose = [*_section("Notes on the mapping", [esc(n) for n in notes], markdown=markdown), attribution, ""]
    out += prose if markdown else wrap_lines(prose, width)
    return "\n".join(out).rstrip() + "\n"

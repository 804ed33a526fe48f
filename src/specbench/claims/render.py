"""Rendering judged claims: `check`, `scan` and the audit report, as text, Markdown or JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from specbench.normalize import times
from specbench.tables import Format, json_text, md_escape

if TYPE_CHECKING:
    from specbench.claims.corpus import Article, AuditResult, ExpectationResult
    from specbench.claims.judging import Judgement
    from specbench.scan import Finding
    from specbench.store import Catalogue

VERDICT_MARK = {"supported": "SUPPORTED", "misleading": "MISLEADING", "false": "FALSE", "unverifiable": "UNVERIFIABLE"}


def _fields(judgement: Judgement, catalogue: Catalogue) -> list[tuple[str, str]]:
    data = judgement.to_json(catalogue)
    rows = [("subject", str(data["subject_name"] or "—"))]
    if data["rival_name"]:
        rows.append(("rival", data["rival_name"]))
    rows += [("metric", data["metric"]), ("claimed", str(data["claimed"] or "—"))]
    if data["actual"]:
        rows.append(("actual", str(data["actual"])))
    if data["ratio"] is not None:
        rows.append(("like-for-like ratio", times(data["ratio"])))
    rows.append(("flags", ", ".join(data["flags"]) or "none"))
    return rows


def judgement_text(judgement: Judgement, catalogue: Catalogue, number: int, where: str = "") -> str:
    head = f"{number}. [{VERDICT_MARK[judgement.verdict]}] {judgement.claim.text}"
    lines = [head + (f"  ({where})" if where else "")]
    lines += [f"   {k}: {v}" for k, v in _fields(judgement, catalogue)]
    lines.append("   why:")
    lines += [f"     - {step}" for step in judgement.explanation]
    return "\n".join(lines) + "\n"


def judgement_markdown(judgement: Judgement, catalogue: Catalogue, number: int, where: str = "") -> str:
    quote = md_escape(judgement.claim.text)
    lines = [f"### {number}. {VERDICT_MARK[judgement.verdict].lower()}: “{quote}”", ""]
    if where:
        lines += [f"_{md_escape(where)}_", ""]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {k} | {md_escape(v)} |" for k, v in _fields(judgement, catalogue)]
    lines += ["", *(f"- {md_escape(step)}" for step in judgement.explanation), ""]
    return "\n".join(lines) + "\n"


def render_judgements(
    judgements: Iterable[tuple[Judgement, str]],
    catalogue: Catalogue,
    fmt: Format,
    summary: Callable[[], list[dict[str, Any]]] | None = None,
) -> Iterator[str]:
    """Pieces of output, one per judged claim, so long scans stream.

    ``summary`` gives, once every claim is out, the counts per verdict of each file: a last
    section in text and Markdown, a ``"summary"`` list beside ``"claims"`` in JSON. CSV holds
    claims only, one row each (see :data:`CLAIM_COLUMNS`)."""
    if fmt is Format.json:
        yield '{"claims": ['
        for index, (judgement, where) in enumerate(judgements):
            record = judgement.to_json(catalogue)
            if where:
                file, _, line = where.rpartition(":")
                record.update(file=file, line=int(line))
            yield ("," if index else "") + "\n  " + json_text(record, indent=None)
        if summary is None:
            yield "\n]}\n"
            return
        rows = ",".join("\n  " + json_text(row, indent=None) for row in summary())
        yield f'\n],\n"summary": [{rows}\n]}}\n'
        return
    if fmt is Format.csv:
        yield _csv_line(CLAIM_COLUMNS)
        for judgement, where in judgements:
            file, _, line = where.rpartition(":")
            record = {"file": file, "line": line, **claim_record(judgement, catalogue)}
            yield _csv_line([record[column] for column in CLAIM_COLUMNS])
        return
    for index, (judgement, where) in enumerate(judgements, 1):
        if fmt is Format.markdown:
            yield judgement_markdown(judgement, catalogue, index, where)
        else:
            yield judgement_text(judgement, catalogue, index, where) + "\n"
    if summary is not None:
        yield summary_table(summary(), fmt)


# One row per claim in CSV and in specbench.scan_frame: where it is, the verdict and flags, the
# chip, the figure as claimed and the catalogue's figure it was held against, and the words.
CLAIM_COLUMNS = [
    "file",
    "line",
    "verdict",
    "flags",
    "chip",
    "rival",
    "metric",
    "claimed",
    "claimed_value",
    "claimed_unit",
    "catalogue_value",
    "catalogue_unit",
    "catalogue",
    "claimed_ratio",
    "ratio",
    "text",
]


def claim_record(judgement: Judgement, catalogue: Catalogue) -> dict[str, Any]:
    """The columns of :data:`CLAIM_COLUMNS` but file and line, for one judged claim; flags are
    joined by "; " and a missing value is None."""
    data = judgement.to_json(catalogue)
    return {
        "verdict": data["verdict"],
        "flags": "; ".join(data["flags"]),
        "chip": data["subject_name"],
        "rival": data["rival_name"],
        "metric": data["metric"],
        "claimed": data["claimed"],
        "claimed_value": data["claimed_value"],
        "claimed_unit": data["claimed_unit"] or None,
        "catalogue_value": data["catalogue_value"],
        "catalogue_unit": data["catalogue_unit"] or None,
        "catalogue": data["actual"],
        "claimed_ratio": data["claimed_ratio"],
        "ratio": data["ratio"],
        "text": data["text"],
    }


def _csv_line(cells: list[Any]) -> str:
    import csv
    import io

    from specbench.tables import csv_cell

    buffer = io.StringIO()
    shown = ["" if c is None else format(c, ".10g") if isinstance(c, float) else csv_cell(str(c)) for c in cells]
    csv.writer(buffer, lineterminator="\n").writerow(shown)
    return buffer.getvalue()


def summary_table(rows: list[dict[str, Any]], fmt: Format) -> str:
    """The claims per verdict of each file, as the last section of a text or Markdown scan."""
    from tabulate import tabulate

    headers = list(rows[0]) if rows else ["file", "claims"]
    body = [[str(row[h]) for h in headers] for row in rows]
    if len(rows) > 1:
        body.append(["all files", *(str(sum(row[h] for row in rows)) for h in headers[1:])])
    if fmt is Format.markdown:
        table = tabulate([[md_escape(c) for c in r] for r in body], headers=headers, tablefmt="github")
        return f"## Summary\n\n{table}\n"
    return f"Summary\n\n{tabulate(body, headers=headers, tablefmt='simple')}\n"


def findings(items: Iterable[Finding]) -> Iterator[tuple[Judgement, str]]:
    for item in items:
        yield item.judgement, f"{item.file}:{item.line}"


def audit_report(
    results: list[AuditResult],
    catalogue: Catalogue,
    claims_dir: str,
    articles: list[tuple[Article, list[ExpectationResult]]] | None = None,
) -> str:
    """reports/claims.md: accuracy per verdict and language, confident wrong verdicts, every claim."""
    from specbench.claims.corpus import VERDICTS, Accuracy

    accuracy = Accuracy.of(results)
    passed = sum(r.passed for r in results)
    lines = [
        "# Claims audit",
        "",
        f"Generated by `specbench audit` from the corpus in `{claims_dir}`: sentences quoted from public "
        "coverage, each with its source, and excerpts of real articles. **expected** is the verdict a careful "
        "reader reaches using the catalogue; **got** is specbench's. A *confident wrong* verdict is `false` on a "
        "statement that is not false, or `supported` on one that is misleading or false.",
        "",
        f"{passed} of {len(results)} sentences get their expected verdict and flags; "
        f"**{len(accuracy.confident_wrong)} confident wrong verdicts**.",
        "",
        "| expected verdict or language | sentences | as expected | accuracy |",
        "|---|---|---|---|",
    ]
    keys = [f"verdict:{v}" for v in VERDICTS] + sorted(k for k in accuracy.total if k.startswith("lang:")) + ["all"]
    for key in keys:
        if accuracy.total[key]:
            lines.append(
                f"| {key.split(':')[-1]} | {accuracy.total[key]} | {accuracy.hits[key]} | {accuracy.rate(key):.0%} |"
            )
    if accuracy.confident_wrong:
        lines += ["", "Confident wrong verdicts still to fix: " + ", ".join(f"`{i}`" for i in accuracy.confident_wrong)]
    if articles:
        found = sum(r.found for _a, rs in articles for r in rs)
        total = sum(len(rs) for _a, rs in articles)
        ok = sum(r.passed for _a, rs in articles for r in rs)
        wrong = sum(r.confidently_wrong for _a, rs in articles for r in rs)
        lines += [
            "",
            "## Articles",
            "",
            f"{len(articles)} article excerpts, scanned as `specbench scan` reads them: {found} of the {total} "
            f"claims a reader wants checked are found, {ok} get the expected verdict, {wrong} confident wrong.",
            "",
            "| article | language | claims to check | found | as expected | confident wrong |",
            "|---|---|---|---|---|---|",
        ]
        for article, rs in articles:
            lines.append(
                f"| {md_escape(article.source)} | {article.lang} | {len(rs)} | {sum(r.found for r in rs)} | "
                f"{sum(r.passed for r in rs)} | {sum(r.confidently_wrong for r in rs)} |"
            )
    lines += [
        "",
        "## Sentences",
        "",
        "| # | id | claim | expected | got | flags |",
        "|---|---|---|---|---|---|",
    ]
    for index, result in enumerate(results, 1):
        mark = "" if result.passed else (" ✗✗" if result.confidently_wrong else " ✗")
        lines.append(
            f"| {index} | {md_escape(result.curated.id)} | {md_escape(result.curated.text)} | "
            f"{result.curated.expected} | {result.verdict}{mark} | {', '.join(result.flags) or '—'} |"
        )
    lines += ["", "## Reasoning for the launch-coverage claims", ""]
    for index, result in enumerate(results, 1):
        if result.curated.in_corpus:
            continue  # the corpus's reasoning is in `specbench check`; the report keeps the headline claims
        lines += [
            f"### {index}. {md_escape(result.curated.id)}",
            "",
            f"> {md_escape(result.curated.text)}",
            "",
            f"Source: {md_escape(result.curated.source)}. Expected: {result.curated.expected}. Got: {result.verdict}.",
            "",
        ]
        if result.curated.note:
            lines += [f"Expected analysis: {md_escape(result.curated.note)}", ""]
        for number, judgement in enumerate(result.judgements, 1):
            lines.append(judgement_markdown(judgement, catalogue, number).replace("### ", "#### ", 1))
    return "\n".join(lines).rstrip() + "\n"

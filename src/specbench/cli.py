"""The command line: a thin layer that parses arguments, calls the library and prints.

Errors a user can cause become one line on stderr and a non-zero exit here, in
one place (:func:`_handles_errors`); no traceback reaches the terminal.
"""

import functools
import math
import os
import signal
import threading
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from specbench.errors import OutputError, SpecbenchError, UsageError, clip
from specbench.tables import Format

_APP_SETTINGS: dict[str, Any] = {
    "name": "specbench",
    "help": "Cited, unit-aware spec sheets of AI accelerators, compared like for like.",
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_APP_SETTINGS)

F = TypeVar("F", bound=Callable[..., Any])


class ClaimFormat(StrEnum):
    """The formats judgements are printed in (a subset of :class:`Format`)."""

    text = "text"
    markdown = "markdown"
    json = "json"


class ScanFormat(StrEnum):
    """The formats of `scan`: those of judgements, and CSV (one row per claim)."""

    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"specbench {version('specbench')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            from specbench import __version__

            typer.echo(f"specbench {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Cited, unit-aware spec sheets of AI accelerators, compared like for like."""


class Basis(StrEnum):
    dense = "dense"
    published = "published"


SpecsOption = Annotated[
    str | None,
    typer.Option(
        "--specs",
        help="Folder of spec files to use instead of the bundled catalogue.",
        envvar="SPECBENCH_SPECS",
        show_envvar=True,
    ),
]
AddSpecsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--add-specs",
        help="Folder of spec files to add to the catalogue (repeatable); "
        "SPECBENCH_USER_SPECS names such folders, separated by ':'.",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ClaimFormatOption = Annotated[ClaimFormat, typer.Option("--format", "-f", help="Output format.")]
ScanFormatOption = Annotated[ScanFormat, typer.Option("--format", "-f", help="Output format.")]
BriefOption = Annotated[
    bool, typer.Option("--brief", help="Tables only: leave out the notes (and figures and sources) below them.")
]
VendorOption = Annotated[
    list[str] | None, typer.Option("--vendor", help="Only this vendor (English or Chinese name; repeatable).")
]
CountryOption = Annotated[
    list[str] | None, typer.Option("--country", help="Only vendors based in this country (CN, US; repeatable).")
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file (atomically) instead of standard output."),
]


def _handles_errors(command: F) -> F:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        previous = _interrupt_on_sigterm()
        try:
            return command(*args, **kwargs)
        except SpecbenchError as exc:
            typer.echo(f"specbench: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see _interrupt_on_sigterm)
            typer.echo("specbench: interrupted", err=True)
            raise typer.Exit(130) from None
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    return wrapper  # type: ignore[return-value]


def _interrupt_on_sigterm() -> Any:
    """Treat SIGTERM as Ctrl-C while a command runs, so that a terminated command still removes
    its temporary files and its worker processes (Python's default for SIGTERM ends it on the
    spot). Returns the handler it replaced, or None where signals cannot be set (a thread)."""

    command = os.getpid()

    def interrupt(signum: int, frame: Any) -> None:
        if os.getpid() != command:  # a worker forked before it set its own handlers: just end
            os._exit(128 + signum)
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, interrupt)


def _emit(text: str, out: Path | None) -> None:
    """Write a command's output to standard output or to ``--out`` (see specbench._atomic)."""
    from specbench._atomic import check_output, write_output

    check_output(out)
    write_output(out, [text])


def _width(format: Format, out: Path | None) -> int | None:
    """The width text output fits: the terminal's ($COLUMNS first), unless written to a file."""
    if format is not Format.text or (out is not None and str(out) != "-"):
        return None
    from specbench.terminal import terminal_width

    return terminal_width()


def _specs_dir(specs: str | None) -> Path | None:
    """The --specs folder; an empty value is an error, not the working folder."""
    if specs is not None and not specs.strip():
        raise UsageError("--specs is empty: name a folder of spec files")
    return Path(specs) if specs is not None else None


def _catalogue(specs: str | None, add_specs: list[str] | None) -> Any:
    from specbench.api import load

    return load(_specs_dir(specs), add=add_specs)


@app.command("list")
@_handles_errors
def list_(
    format: FormatOption = Format.markdown,
    out: OutOption = None,
    vendor: VendorOption = None,
    country: CountryOption = None,
    family: Annotated[list[str] | None, typer.Option("--family", help="Only this family (repeatable).")] = None,
    sort: Annotated[
        str, typer.Option("--sort", help="Order by vendor, name, family, country, launch, tdp or dies.")
    ] = "vendor",
    descending: Annotated[bool, typer.Option("--descending", help="Largest or latest first.")] = False,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """List the chips and SKUs of the catalogue, all or those selected.

    Example: specbench list --country CN --sort launch --descending
    """
    from specbench.listing import Selection, render_list

    selection = Selection(tuple(vendor or ()), tuple(country or ()), tuple(family or ()), sort.strip(), descending)
    _emit(render_list(_catalogue(specs, add_specs), format, selection, width=_width(format, out)), out)


@app.command()
@_handles_errors
def show(
    chip: Annotated[str, typer.Argument(help="Chip name, alias or id, in English or Chinese.")],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (csv: one row per figure).")
    ] = Format.markdown,
    out: OutOption = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Show every figure of one chip with its attributes, sources and conflicts.

    Example: specbench show 壁仞BR100
    """
    from specbench.listing import render_show

    catalogue = _catalogue(specs, add_specs)
    _emit(render_show(catalogue, catalogue.get(chip), format, width=_width(format, out)), out)


@app.command()
@_handles_errors
def compare(
    chips: Annotated[
        list[str], typer.Argument(help="Two or more chip names; the first is compared with each of the others.")
    ],
    format: FormatOption = Format.markdown,
    basis: Annotated[
        Basis,
        typer.Option(
            help="dense: halve 2:4 sparse figures so all rows are dense; published: figures exactly as printed."
        ),
    ] = Basis.dense,
    baseline: Annotated[str | None, typer.Option(help="Divide every chip by this one instead.")] = None,
    brief: BriefOption = False,
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric",
            "-m",
            help="Only these rows, comma-separated: precisions (bf16, int8...), memory-bandwidth, tdp, "
            "die-area..., per-watt, ridge-point...",
        ),
    ] = None,
    out: OutOption = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Compare chips like for like, with ratios, normalization steps and sources.

    Example: specbench compare BR100 A100 --metric bf16,int8,memory-bandwidth,tdp
    """
    from specbench.comparison import build_comparison
    from specbench.tables import render_comparison

    selection = None
    if metric is not None:
        from specbench.metric_query import parse_metrics

        selection = parse_metrics(metric)
    comparison = build_comparison(
        _catalogue(specs, add_specs), chips, basis=basis.value, baseline=baseline, metrics=selection
    )
    _emit(render_comparison(comparison, format, width=_width(format, out), brief=brief), out)


@app.command()
@_handles_errors
def rank(
    chips: Annotated[
        list[str] | None, typer.Argument(help="Chips to rank (default: the whole catalogue).", show_default=False)
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help='What to rank by: a precision with "peak", "per watt", "per die", "per mm2", "bytes per op" '
            'or "ridge point" ("bf16 per watt"), or memory, bandwidth, tdp, die area, transistors.',
        ),
    ] = "bf16",
    vendor: VendorOption = None,
    country: CountryOption = None,
    format: FormatOption = Format.markdown,
    out: OutOption = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Rank the catalogue, or the chips named, by one figure on the dense basis, with each value's
    inputs and sources, marks for what it rests on, and the chips that lack the figure.

    Example: specbench rank --by "bf16 per watt" --country CN
    """
    from specbench.ranking import rank as build
    from specbench.ranking import render_ranking

    ranking = build(_catalogue(specs, add_specs), by, chips, tuple(vendor or ()), tuple(country or ()))
    if format is Format.html:
        from specbench.tables import render_page

        _emit(render_page(render_ranking(ranking, Format.markdown), "Ranking"), out)
    else:
        _emit(render_ranking(ranking, format), out)


def _stream(pieces: Any, out: Path | None) -> None:
    """Write output as it is produced; to a file, only once all of it is written."""
    from specbench._atomic import write_output

    write_output(out, pieces)


@app.command()
@_handles_errors
def check(
    text: Annotated[
        str,
        typer.Argument(help="A sentence (or several) from a launch article or spec sheet; '-' reads standard input."),
    ],
    format: ClaimFormatOption = ClaimFormat.text,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Judge each claim in a sentence: verdict, flags and the reasoning, step by step.

    Exit 0 when every claim is supported, 1 otherwise, 2 when no checkable claim is found.

    Example: specbench check "BR100相比英伟达A100至少有3.3倍的峰值性能优势"

    A line that begins with "-" (a list item) goes after "--", or it is read as an option:
    specbench check -- "- Instinct MI300X: 192GB HBM3"
    """
    from specbench.claims import check as judge_text
    from specbench.claims.render import render_judgements

    if text == "-":
        from specbench.inputs import read_stdin_text

        text = read_stdin_text()
    catalogue = _catalogue(specs, add_specs)
    judgements = judge_text(text, catalogue)
    if not judgements:
        raise UsageError("no checkable claim found: name a chip in the catalogue and a figure, ratio or unit")
    _stream(render_judgements(((j, "") for j in judgements), catalogue, Format(format.value)), None)
    if any(j.verdict != "supported" for j in judgements):
        raise typer.Exit(1)


@app.command()
@_handles_errors
def scan(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Articles: text or HTML files (UTF-8, GBK/GB18030 or Big5), '-' for standard input, "
            "or http(s):// URLs."
        ),
    ],
    format: ScanFormatOption = ScanFormat.text,
    out: OutOption = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Worker processes, 1 to 64 (default: one per CPU)."),
    ] = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Find and judge every checkable claim in articles, with the file and line it came from.

    Sentences about money, valuations, dates or headcount are skipped. Files are streamed.
    The output ends with the claims per verdict of each file (CSV: on standard error).

    Example: specbench scan article.txt page.html https://example.com/news.html --format csv
    """
    import sys

    from specbench._atomic import check_output
    from specbench.claims.render import findings, render_judgements
    from specbench.inputs import Source
    from specbench.progress import Progress
    from specbench.scan import Tally
    from specbench.scan import scan as scan_files

    sources = [Source.of(name) for name in files]
    # before any work: "scan a.txt --out a.txt" would replace the article
    check_output(out, inputs=[source.path for source in sources if source.path is not None])
    catalogue = _catalogue(specs, add_specs)
    tally = Tally(source.name for source in sources)
    to_terminal = (out is None or str(out) == "-") and bool(sys.stdout is not None and sys.stdout.isatty())
    progress = Progress(sys.stderr, [source.name for source in sources], output_on_stream=to_terminal)
    counts = {"claims": 0, "unsupported": 0}

    def counted() -> Any:
        try:
            workers = jobs if jobs is not None else min(os.cpu_count() or 1, 64)
            for finding in scan_files(files, catalogue, jobs=workers):
                counts["claims"] += 1
                counts["unsupported"] += finding.judgement.verdict != "supported"
                tally.add(finding)
                progress.update(finding)
                yield finding
        finally:
            progress.close()

    _stream(render_judgements(findings(counted()), catalogue, Format(format.value), summary=tally.rows), out)
    if format is ScanFormat.csv:  # the CSV holds claims only; the summary goes beside it
        for row in tally.rows():
            verdicts = ", ".join(f"{row[key]} {key}" for key in list(row)[2:])
            typer.echo(f"specbench scan: {row['file']}: {row['claims']} claim(s): {verdicts}", err=True)
    typer.echo(f"specbench scan: {counts['claims']} claim(s), {counts['unsupported']} not supported", err=True)
    if counts["unsupported"]:
        raise typer.Exit(1)


@app.command()
@_handles_errors
def audit(
    claims_dir: Annotated[Path | None, typer.Argument(help="Folder of curated claim files (default: claims/).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the report.")] = Path("reports/claims.md"),
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Record this audit as the baseline (claims/baseline.toml).")
    ] = False,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Judge the claim corpus and the article excerpts, write the audit report, and exit 1 on a regression.

    A regression is a claim of the baseline that is no longer judged as expected, or a new
    confident wrong verdict (false on a true statement, supported on a misleading one).

    Example: specbench audit claims/ --out reports/claims.md
    """
    from specbench.claims.corpus import (
        Accuracy,
        audit_article,
        baseline_text,
        default_claims_dir,
        load_articles,
        load_baseline,
        load_curated,
    )
    from specbench.claims.corpus import audit as run_audit
    from specbench.claims.render import audit_report

    directory = claims_dir or default_claims_dir()
    catalogue = _catalogue(specs, add_specs)
    results = run_audit(load_curated(directory), catalogue)
    articles = [(a, audit_article(a, catalogue)) for a in load_articles(directory)]
    shown = "claims/" if claims_dir is None else str(claims_dir)
    out.parent.mkdir(parents=True, exist_ok=True)  # the report folder is the command's to create
    _emit(audit_report(results, catalogue, shown, articles), out)
    accuracy = Accuracy.of(results)
    checked = [each for _article, found in articles for each in found]
    typer.echo(
        f"specbench audit: {accuracy.hits['all']} of {accuracy.total['all']} sentences as expected "
        f"({accuracy.rate('all'):.0%}), {len(accuracy.confident_wrong)} confident wrong; "
        f"{sum(e.passed for e in checked)} of {len(checked)} article claims as expected, "
        f"{sum(e.confidently_wrong for e in checked)} confident wrong; wrote {out}",
        err=True,
    )
    if update_baseline:
        from specbench._atomic import write_text_atomic

        write_text_atomic(directory / "baseline.toml", baseline_text(results, articles))
        return
    baseline = load_baseline(directory)
    if baseline is None:
        problems = [f"{r.curated.id}: confident wrong ({r.verdict})" for r in results if r.confidently_wrong]
        problems += [f"{e.expectation.quote}: confident wrong ({e.verdict})" for e in checked if e.confidently_wrong]
    else:
        problems = baseline.regressions(results, articles)
    for problem in problems:
        typer.echo(f"  regression: {problem}", err=True)
    if problems:
        raise typer.Exit(1)


def _numbers(text: str, option: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise UsageError(f"{option} takes comma-separated numbers, e.g. 1,10,100 (got {clip(text)!r})") from None
    if not values or not all(math.isfinite(v) and v > 0 for v in values):
        raise UsageError(f"{option} takes positive, finite numbers (got {clip(text)!r})")
    return values


def _positive(value: float | None, option: str, most: float) -> None:
    """A numeric option that must be a positive, finite number no larger than ``most``."""
    if value is not None and not (math.isfinite(value) and 0 < value <= most):
        raise UsageError(f"{option} must be a positive number no larger than {most:g} (got {value:g})")


@app.command()
@_handles_errors
def roofline(
    chips: Annotated[list[str], typer.Argument(help="One or more chip names.")],
    precision: Annotated[str, typer.Option(help="Precision: fp64 fp32 tf32 tf32+ bf16 fp16 fp8 int8 int4.")] = "bf16",
    intensity: Annotated[str, typer.Option(help="Arithmetic intensities (FLOP per byte), comma-separated.")] = (
        "1,10,100,1000"
    ),
    decode_params: Annotated[
        float | None,
        typer.Option(help="Model parameters, e.g. 70e9: adds the memory-bound limit on decoding tokens/s."),
    ] = None,
    bytes_per_param: Annotated[float, typer.Option(help="Bytes per parameter (2 for BF16 weights).")] = 2.0,
    format: FormatOption = Format.markdown,
    brief: BriefOption = False,
    plot: Annotated[Path | None, typer.Option(help="Also draw the roofline to this .svg or .png file.")] = None,
    out: OutOption = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Peak, memory bandwidth, ridge point and attainable throughput at each arithmetic intensity.

    Example: specbench roofline BR100 A100 H20 --decode-params 70e9 --plot roofline.svg
    """
    from specbench.derived import roofline as build
    from specbench.tables import render_rooflines

    intensities = _numbers(intensity, "--intensity")
    _positive(decode_params, "--decode-params", 1e15)
    _positive(bytes_per_param, "--bytes-per-param", 64)
    catalogue = _catalogue(specs, add_specs)
    results = [
        build(catalogue.get(name), precision.lower(), intensities, decode_params, bytes_per_param) for name in chips
    ]
    if plot is not None:
        from specbench._atomic import check_output
        from specbench.plots import roofline_plot

        check_output(plot)
        roofline_plot(results, plot)
    _emit(render_rooflines(results, intensities, format, width=_width(format, out), brief=brief), out)


@app.command()
@_handles_errors
def cluster(
    chip: Annotated[str, typer.Argument(help="Chip name.")],
    count: Annotated[int, typer.Option("--count", "-n", help="Number of devices.")],
    efficiency: Annotated[float | None, typer.Option(help="Scaling efficiency, a fraction (e.g. 0.6).")] = None,
    format: FormatOption = Format.markdown,
    brief: BriefOption = False,
    out: OutOption = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Aggregate peak of N devices, the effective figure at a scaling efficiency, and the interconnect.

    Example: specbench cluster BR100 --count 8 --efficiency 0.7
    """
    from specbench.derived import cluster as build
    from specbench.tables import render_cluster

    result = build(_catalogue(specs, add_specs).get(chip), count, efficiency)
    _emit(render_cluster(result, format, width=_width(format, out), brief=brief), out)


@app.command()
@_handles_errors
def report(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="The report folder (default: reports/; with --html, reports/site/)."),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 naming each stale file.")] = False,
    html: Annotated[
        bool,
        typer.Option("--html", help="Write the report as a static web site (relative links, no external assets)."),
    ] = False,
    claims_dir: Annotated[Path | None, typer.Option("--claims", help="Folder of curated claims.")] = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Regenerate the report folder: index, comparisons, claims audit, cross-check, roofline and efficiency plots.

    Example: specbench report --check ; specbench report --html --out site/
    """
    from specbench.claims.corpus import default_claims_dir
    from specbench.report import build, build_site, stale, write

    folder = out if out is not None else Path("reports/site" if html else "reports")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{str(folder)!r} is a file, not a report folder")
    catalogue = _catalogue(specs, add_specs)
    files = build(catalogue, claims_dir or default_claims_dir())
    if html:
        files = build_site(catalogue, claims_dir or default_claims_dir(), files)
    if check:
        outdated = stale(folder, files)
        for name in outdated:
            typer.echo(f"stale: {folder / name}")
        if outdated:
            typer.echo(f"specbench report: {len(outdated)} stale file(s); run `specbench report`", err=True)
            raise typer.Exit(1)
        typer.echo(f"specbench report: {folder} is current ({len(files)} files)", err=True)
        return
    changed = write(folder, files)
    typer.echo(f"specbench report: wrote {len(changed)} of {len(files)} file(s) in {folder}", err=True)


crosscheck_app = typer.Typer(
    help="Compare the catalogue with other datasets of accelerator specifications.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(crosscheck_app, name="crosscheck")


@crosscheck_app.command("epoch")
@_handles_errors
def crosscheck_epoch(
    csv: Annotated[
        Path | None,
        typer.Argument(help="Epoch AI's ml_hardware.csv (default: the snapshot shipped with specbench)."),
    ] = None,
    format: FormatOption = Format.markdown,
    brief: BriefOption = False,
    out: OutOption = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Compare Epoch AI's "Machine Learning Hardware" dataset with the catalogue, value by value.

    Each disagreement gets a reason: dense vs sparse, vector vs matrix column, vendor format,
    per-die vs package, a unit slip, SKUs merged, a non-preferred source, a placeholder date,
    or genuinely different. Epoch's data is CC BY 4.0: Epoch AI, Machine Learning Hardware, 2024.

    Example: specbench crosscheck epoch --format text
    """
    from specbench.crosscheck import crosscheck
    from specbench.tables import render_crosscheck

    result = crosscheck(_catalogue(specs, add_specs), csv)
    _emit(render_crosscheck(result, format, width=_width(format, out), brief=brief), out)


@app.command()
@_handles_errors
def lint(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Spec files or folders (default: the catalogue in use).")
    ] = None,
    specs: SpecsOption = None,
    add_specs: AddSpecsOption = None,
) -> None:
    """Validate spec files and report every problem at once; exit 1 if there are any.

    Example: specbench lint specs/ ; specbench lint --add-specs ~/my-specs
    """
    from specbench.store import added_dirs, default_specs_dir, is_catalogue_of_its_own, lint_paths

    base = _specs_dir(specs) or default_specs_dir()
    added = added_dirs(add_specs)
    if paths:  # each folder or file as an addition to the catalogue, unless it is a catalogue of its own
        problems: list[Any] = []
        checked = 0
        for path in paths:
            folder = path if path.is_dir() else path.parent
            addition = path.exists() and (
                any(folder.resolve() == a.resolve() for a in added if a.exists())
                or not is_catalogue_of_its_own(folder, base)
            )
            found, count = lint_paths([path], within=base if addition else None)
            problems, checked = problems + found, checked + count
    else:  # the catalogue in use: the base folder and every added folder, checked together
        problems, checked = lint_paths([base], added=added)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"specbench lint: {len(problems)} problem(s) in {checked} file(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"specbench lint: {checked} file(s) OK", err=True)


def app_for(args: list[str]) -> typer.Typer:
    """The app to run for these arguments: one that holds only the command they name, or the
    whole app (for help, options, shell completion or a name that is no command).

    Typer builds the parser of every command before it runs one, a few milliseconds of every
    start; a command runs the same alone (its options, help and errors are its own)."""
    if not args or os.environ.get("_SPECBENCH_COMPLETE"):
        return app
    chosen = [
        info
        for info in app.registered_commands
        if info.callback is not None and (info.name or typer.main.get_command_name(info.callback.__name__)) == args[0]
    ]
    if not chosen:
        return app
    lean = typer.Typer(**_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return lean


def main() -> None:  # pragma: no cover - console entry point alias
    """Run the command, then leave without tearing the interpreter down.

    Freeing every object of the catalogue and the reader's patterns one by one at exit is
    about a tenth of a short ``check``; every file a command writes is closed before it
    returns, so once the streams are flushed nothing is left to do."""
    import sys

    try:
        app_for(sys.argv[1:])(prog_name="specbench")
        code = 0
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started with the stream closed
                stream.flush()
        except (OSError, ValueError):  # the reader left (`specbench list | head`), or a full disk
            code = code or 1
    os._exit(code)

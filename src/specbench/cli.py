"""The command line: a thin layer that parses arguments, calls the library and prints.

Errors a user can cause become one line on stderr and a non-zero exit here, in
one place (:func:`_handles_errors`); no traceback reaches the terminal.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from specbench.errors import OutputError, SpecbenchError, UsageError
from specbench.tables import Format

app = typer.Typer(
    name="specbench",
    help="Cited, unit-aware spec sheets of AI accelerators, compared like for like.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])


class Basis(StrEnum):
    dense = "dense"
    published = "published"


SpecsOption = Annotated[
    Path | None,
    typer.Option(
        "--specs",
        help="Folder of spec files to use instead of the bundled catalogue.",
        envvar="SPECBENCH_SPECS",
        show_envvar=True,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file (atomically) instead of standard output."),
]


def _handles_errors(command: F) -> F:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SpecbenchError as exc:
            typer.echo(f"specbench: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        # A terminal that cannot show Chinese gets replacement marks, not a traceback.
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
        sys.stdout.write(text)
        return
    from specbench._atomic import write_text_atomic

    if not out.parent.is_dir():
        raise OutputError(f"cannot write {str(out)!r}: folder {str(out.parent)!r} does not exist")
    if out.is_dir():
        raise OutputError(f"cannot write {str(out)!r}: it is a folder")
    try:
        write_text_atomic(out, text)
    except OSError as exc:
        raise OutputError(f"cannot write {str(out)!r}: {exc.strerror}") from None


def _catalogue(specs: Path | None) -> Any:
    from specbench.api import load

    return load(specs)


@app.command("list")
@_handles_errors
def list_(
    format: FormatOption = Format.markdown,
    out: OutOption = None,
    specs: SpecsOption = None,
) -> None:
    """List every chip and SKU in the catalogue.

    Example: specbench list --format csv
    """
    from specbench.listing import render_list

    _emit(render_list(_catalogue(specs), format), out)


@app.command()
@_handles_errors
def show(
    chip: Annotated[str, typer.Argument(help="Chip name, alias or id, in English or Chinese.")],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (markdown, text or json).")
    ] = Format.markdown,
    out: OutOption = None,
    specs: SpecsOption = None,
) -> None:
    """Show every figure of one chip with its attributes, sources and conflicts.

    Example: specbench show 壁仞BR100
    """
    from specbench.listing import render_show

    if format in (Format.csv, Format.html):
        raise UsageError("show supports --format markdown, text or json")
    catalogue = _catalogue(specs)
    _emit(render_show(catalogue, catalogue.get(chip), format), out)


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
    out: OutOption = None,
    specs: SpecsOption = None,
) -> None:
    """Compare chips like for like, with ratios, normalization steps and sources.

    Example: specbench compare BR100 A100
    """
    from specbench.comparison import build_comparison
    from specbench.tables import render_comparison

    comparison = build_comparison(_catalogue(specs), chips, basis=basis.value, baseline=baseline)
    _emit(render_comparison(comparison, format), out)


@app.command()
@_handles_errors
def lint(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Spec files or folders (default: the catalogue in use).")
    ] = None,
    specs: SpecsOption = None,
) -> None:
    """Validate spec files and report every problem at once; exit 1 if there are any.

    Example: specbench lint specs/
    """
    from specbench.store import default_specs_dir, lint_paths

    targets = list(paths or [specs or default_specs_dir()])
    problems, checked = lint_paths(targets)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"specbench lint: {len(problems)} problem(s) in {checked} file(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"specbench lint: {checked} file(s) OK", err=True)


def main() -> None:  # pragma: no cover - console entry point alias
    app(prog_name="specbench")

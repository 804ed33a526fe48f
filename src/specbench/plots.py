"""Plots: the roofline and an efficiency chart, drawn with matplotlib's non-interactive Agg backend.

matplotlib is imported only here, by the commands that draw. Output is
deterministic (fixed SVG ids, no dates or software versions in the file), and
each file carries a fingerprint of the data it was drawn from, so a report can
tell a stale plot from one merely drawn by another matplotlib version.
Chips are named as in the tables: Chinese names are drawn with a CJK font when one is
installed (Noto Sans CJK, from Debian's fonts-noto-cjk, or another listed in
``CJK_FONTS``), and never as missing-glyph boxes: where no font has the glyphs, the
catalogue's Latin name is used. Every chip asked for is accounted for: chips whose
lines would coincide share one line and one label, and chips without the figure are
named under the chart.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

from specbench.derived import Roofline, best_peak, per_die, per_watt
from specbench.errors import UsageError
from specbench.model import Chip, precision_label

PLOT_VERSION = "1"
_FINGERPRINT = re.compile(rb"specbench-input:([0-9a-f]{16,64})")
BASE_FONT = "DejaVu Sans"
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei")
_RC: dict[str, Any] = {
    "svg.hashsalt": "specbench",
    "svg.fonttype": "path",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Line styles cycle on a different period from the colours, so that two lines that nearly
# coincide (BR100 at 1024 and H100 at 989.5 TFLOPS) still differ in both.
_STYLES: list[Any] = ["-", "--", "-.", ":", (0, (8, 2, 2, 2))]
_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]


def fingerprint(data: Any) -> str:
    """A hash of what a plot shows, embedded in the file."""
    text = json.dumps([PLOT_VERSION, data], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def read_fingerprint(content: bytes) -> str | None:
    match = _FINGERPRINT.search(content)
    return match.group(1).decode("ascii") if match else None


def display_name(chip: Chip) -> str:
    """The chip's name as the tables print it if the plotting fonts have every glyph of it,
    else its Latin name."""
    return chip.name if all(ord(ch) in _charmap() for ch in chip.name) else chip.latin_name


_FONTS: list[str] = []
_CHARMAP: dict[int, Any] = {}


def fonts() -> list[str]:
    """The font families plots use: DejaVu Sans, then the first CJK font installed, if any
    (matplotlib takes each glyph from the first family that has it)."""
    if not _FONTS:
        from matplotlib import font_manager

        _FONTS.append(BASE_FONT)
        for family in CJK_FONTS:
            try:
                font_manager.findfont(family, fallback_to_default=False)
            except ValueError:
                continue
            _FONTS.append(family)
            break
    return _FONTS


def _charmap() -> dict[int, Any]:
    if not _CHARMAP:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        for family in reversed(fonts()):
            _CHARMAP.update(FT2Font(font_manager.findfont(family)).get_charmap())
    return _CHARMAP


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("svg", "png"):
        raise UsageError(f"plot file {str(path)!r} should end in .svg or .png")
    return suffix


def _render(draw: Any, data: Any, fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({**_RC, "font.family": fonts()}):  # type: ignore[dict-item]
        figure = Figure(figsize=(7.5, 4.6), dpi=120, layout="constrained")
        draw(figure)
        description = f"specbench-input:{fingerprint(data)}"
        metadata: dict[str, Any] = (
            {"Date": None, "Creator": None, "Description": description}
            if fmt == "svg"
            else {"Software": None, "Description": description}
        )
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def _write(path: Path, content: bytes) -> None:
    from specbench._atomic import write_output

    write_output(path, [content])


def roofline_bytes(rooflines: list[Roofline], fmt: str = "svg") -> bytes:
    """A log-log roofline, one line per chip, ridge points marked. Chips with the same peak and
    bandwidth share a line whose label names them all; chips without both figures are named
    under the chart."""
    drawable = [r for r in rooflines if r.peak is not None and r.bandwidth]
    if not drawable:
        raise UsageError("no chip has both a peak and a memory bandwidth to draw a roofline from")
    unit = drawable[0].unit
    op = "OP" if unit == "TOPS" else "FLOP"
    precision = precision_label(drawable[0].precision)
    lines, missing = roofline_lines(rooflines)
    # The fingerprint holds the names as the tables print them, not as a font could draw them.
    data = [[[c.name for c in chips], drawable[0].precision, peak, gbps] for (peak, gbps), chips in lines.items()] + [
        [chip.name, why] for chip, why in missing
    ]

    def draw(figure: Any) -> None:
        ax = figure.subplots()
        low, high = 0.1, 1e4
        xs = [low * (high / low) ** (i / 200) for i in range(201)]
        for index, ((peak, gbps), chips) in enumerate(lines.items()):
            colour = _COLOURS[index % len(_COLOURS)]
            ys = [min(peak, gbps * x / 1000) for x in xs]
            ridge = peak * 1000 / gbps
            ax.plot(
                xs,
                ys,
                color=colour,
                linewidth=1.8,
                linestyle=_STYLES[index % len(_STYLES)],  # lines that nearly coincide stay apart
                label=roofline_label(chips, peak, gbps, unit),
            )
            ax.plot([ridge], [peak], marker="o", color=colour, markersize=5)
            ax.annotate(
                f"{ridge:.0f}", (ridge, peak), textcoords="offset points", xytext=(4, 4), fontsize=7, color=colour
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(low, high)
        ax.set_xlabel(f"Arithmetic intensity ({op} per byte of memory traffic)")
        ax.set_ylabel(f"Attainable {unit} (dense)")
        ax.set_title(f"Roofline, {precision} dense: min(peak, memory bandwidth × intensity); dots mark ridge points")
        ax.grid(True, which="major", linewidth=0.4, alpha=0.5)
        ax.legend(loc="lower right", fontsize=7, frameon=False)
        _caption(figure, missing)

    return _render(draw, ["roofline", data], fmt)


def roofline_lines(
    rooflines: list[Roofline],
) -> tuple[dict[tuple[float, float], list[Chip]], list[tuple[Chip, str]]]:
    """The lines of a roofline chart, one per (peak, bandwidth) with every chip that has them,
    and the chips that cannot be drawn, each with the reason."""
    lines: dict[tuple[float, float], list[Chip]] = {}
    missing: list[tuple[Chip, str]] = []
    for r in rooflines:
        if r.peak is None or not r.bandwidth:
            why = f"no {precision_label(r.precision)} figure published" if r.peak is None else "no memory bandwidth"
            missing.append((r.chip, why))
        else:
            lines.setdefault((r.peak.value, r.bandwidth), []).append(r.chip)
    return lines, missing


def roofline_label(chips: list[Chip], peak: float, gbps: float, unit: str) -> str:
    """The legend entry of a line: every chip on it, as the tables name them, and its figures."""
    return f"{' = '.join(display_name(c) for c in chips)}: {peak:g} {unit}, {gbps:g} GB/s"


def caption(missing: list[tuple[Chip, str]]) -> str:
    """The line under a chart naming the chips that are not drawn, and why."""
    return "Not drawn: " + "; ".join(f"{display_name(chip)} ({why})" for chip, why in missing) + "." if missing else ""


def _caption(figure: Any, missing: list[tuple[Chip, str]]) -> None:
    if missing:
        figure.supxlabel(caption(missing), fontsize=7, wrap=True)


def roofline_plot(rooflines: list[Roofline], path: Path) -> None:
    _write(path, roofline_bytes(rooflines, _format_of(path)))


def efficiency_bytes(chips: list[Chip], fmt: str = "svg") -> bytes:
    """Dense BF16 (or FP16 where BF16 is unpublished) per watt and per compute die, per chip;
    chips with neither figure are named under the chart."""
    rows, missing = efficiency_rows(chips)
    if not rows:
        raise UsageError("no chip has a BF16 or FP16 figure to chart")
    data = [[chip.name, *rest] for chip, *rest in rows] + [[chip.name, why] for chip, why in missing]

    def draw(figure: Any) -> None:
        left, right = figure.subplots(1, 2, sharey=True)
        labels = [f"{display_name(chip)} ({precision})" for chip, precision, _w, _d in rows]
        positions = list(range(len(rows)))[::-1]
        figure.suptitle("Dense BF16 peak (FP16 where BF16 is not published)")
        for ax, column, title, unit, absent in (
            (left, 2, "Per watt of TDP", "TFLOPS/W", "TDP"),
            (right, 3, "Per compute die", "TFLOPS", "die count"),
        ):
            values: list[float | None] = [row[column] for row in rows]  # type: ignore[misc]
            ax.barh(positions, [v or 0 for v in values], color=[_COLOURS[i % len(_COLOURS)] for i in positions])
            for y, value in zip(positions, values, strict=True):
                ax.text(
                    value or 0,
                    y,
                    f" {value:.3g}" if value is not None else f" n/a ({absent} not published)",
                    va="center",
                    fontsize=7,
                )
            ax.set_title(f"{title} ({unit})")
            ax.set_xlim(0, max(float(v or 0) for v in values) * 1.3 or 1)
        left.set_yticks(positions, labels)
        _caption(figure, missing)

    return _render(draw, ["efficiency", data], fmt)


def efficiency_rows(
    chips: list[Chip],
) -> tuple[list[tuple[Chip, str, float | None, float | None]], list[tuple[Chip, str]]]:
    """Per chip: the precision charted, TFLOPS per watt and per compute die (None where the TDP
    or die count is unpublished); and the chips with neither a BF16 nor an FP16 figure."""
    rows: list[tuple[Chip, str, float | None, float | None]] = []
    missing: list[tuple[Chip, str]] = []
    for chip in chips:
        for precision in ("bf16", "fp16"):
            peak = best_peak(chip, precision)
            if peak is not None:
                watt = per_watt(chip, peak.value, "TFLOPS")
                die = per_die(chip, peak.value, "TFLOPS")
                rows.append(
                    (
                        chip,
                        precision_label(precision),
                        None if watt is None else round(watt.value, 6),
                        None if die is None else round(die.value, 6),
                    )
                )
                break
        else:
            missing.append((chip, "no BF16 or FP16 figure published"))
    return rows, missing


def efficiency_plot(chips: list[Chip], path: Path) -> None:
    _write(path, efficiency_bytes(chips, _format_of(path)))

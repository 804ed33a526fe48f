"""Plots: the roofline and an efficiency chart, drawn with matplotlib's non-interactive Agg backend.

matplotlib is imported only here, by the commands that draw. Output is
deterministic (fixed SVG ids, no dates or software versions in the file), and
each file carries a fingerprint of the data it was drawn from, so a report can
tell a stale plot from one merely drawn by another matplotlib version.
Labels never render as missing-glyph boxes: a Chinese name that the font cannot
draw is replaced by the catalogue's Latin name.
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
_RC: dict[str, Any] = {
    "svg.hashsalt": "specbench",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]


def fingerprint(data: Any) -> str:
    """A hash of what a plot shows, embedded in the file."""
    text = json.dumps([PLOT_VERSION, data], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def read_fingerprint(content: bytes) -> str | None:
    match = _FINGERPRINT.search(content)
    return match.group(1).decode("ascii") if match else None


def display_name(chip: Chip) -> str:
    """The chip's name if the plotting font has every glyph of it, else its Latin name."""
    return chip.name if all(ord(ch) in _charmap() for ch in chip.name) else chip.latin_name


_CHARMAP: dict[int, Any] = {}


def _charmap() -> dict[int, Any]:
    if not _CHARMAP:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        _CHARMAP.update(FT2Font(font_manager.findfont(str(_RC["font.family"]))).get_charmap())
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

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
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
    """A log-log roofline, one line per chip, ridge points marked."""
    drawable = [r for r in rooflines if r.peak is not None and r.bandwidth]
    if not drawable:
        raise UsageError("no chip has both a peak and a memory bandwidth to draw a roofline from")
    unit = drawable[0].unit
    op = "OP" if unit == "TOPS" else "FLOP"
    data: list[tuple[str, str, float, float]] = [
        (display_name(r.chip), r.precision, r.peak.value, r.bandwidth)  # type: ignore[union-attr, misc]
        for r in drawable
    ]

    def draw(figure: Any) -> None:
        ax = figure.subplots()
        low, high = 0.1, 1e4
        xs = [low * (high / low) ** (i / 200) for i in range(201)]
        for index, (name, _precision, peak, gbps) in enumerate(data):
            colour = _COLOURS[index % len(_COLOURS)]
            ys = [min(peak, gbps * x / 1000) for x in xs]
            ridge = peak * 1000 / gbps
            ax.plot(xs, ys, color=colour, linewidth=1.8, label=f"{name}: {peak:g} {unit}, {gbps:g} GB/s")
            ax.plot([ridge], [peak], marker="o", color=colour, markersize=5)
            ax.annotate(
                f"{ridge:.0f}", (ridge, peak), textcoords="offset points", xytext=(4, 4), fontsize=7, color=colour
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(low, high)
        ax.set_xlabel(f"Arithmetic intensity ({op} per byte of memory traffic)")
        ax.set_ylabel(f"Attainable {unit} (dense)")
        precision = precision_label(drawable[0].precision)
        ax.set_title(f"Roofline, {precision} dense: min(peak, memory bandwidth × intensity); dots mark ridge points")
        ax.grid(True, which="major", linewidth=0.4, alpha=0.5)
        ax.legend(loc="lower right", fontsize=7, frameon=False)

    return _render(draw, ["roofline", data], fmt)


def roofline_plot(rooflines: list[Roofline], path: Path) -> None:
    _write(path, roofline_bytes(rooflines, _format_of(path)))


def efficiency_bytes(chips: list[Chip], fmt: str = "svg") -> bytes:
    """Dense BF16 (or FP16 where BF16 is unpublished) per watt and per compute die, per chip."""
    rows: list[tuple[str, str, float | None, float | None]] = []
    for chip in chips:
        for precision in ("bf16", "fp16"):
            peak = best_peak(chip, precision)
            if peak is not None:
                watt = per_watt(chip, peak.value, "TFLOPS")
                die = per_die(chip, peak.value, "TFLOPS")
                rows.append(
                    (
                        display_name(chip),
                        precision_label(precision),
                        None if watt is None else round(watt.value, 6),
                        None if die is None else round(die.value, 6),
                    )
                )
                break
    if not rows:
        raise UsageError("no chip has a BF16 or FP16 figure to chart")

    def draw(figure: Any) -> None:
        left, right = figure.subplots(1, 2, sharey=True)
        labels = [f"{name} ({precision})" for name, precision, _w, _d in rows]
        positions = list(range(len(rows)))[::-1]
        figure.suptitle("Dense BF16 peak (FP16 where BF16 is not published)")
        for ax, column, title, unit in (
            (left, 2, "Per watt of TDP", "TFLOPS/W"),
            (right, 3, "Per compute die", "TFLOPS"),
        ):
            values = [row[column] for row in rows]
            ax.barh(positions, [v or 0 for v in values], color=[_COLOURS[i % len(_COLOURS)] for i in positions])
            for y, value in zip(positions, values, strict=True):
                ax.text(
                    value or 0,
                    y,
                    f" {value:.3g}" if value is not None else " n/a (not published)",
                    va="center",
                    fontsize=7,
                )
            ax.set_title(f"{title} ({unit})")
            ax.set_xlim(0, max(float(v or 0) for v in values) * 1.3 or 1)
        left.set_yticks(positions, labels)

    return _render(draw, ["efficiency", rows], fmt)


def efficiency_plot(chips: list[Chip], path: Path) -> None:
    _write(path, efficiency_bytes(chips, _format_of(path)))

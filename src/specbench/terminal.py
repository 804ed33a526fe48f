"""Text for a terminal: tables and prose that fit a width, counted in terminal cells.

A Chinese character takes two cells, so widths come from wcwidth (which tabulate also
uses when it is installed, as it is with specbench). Figures in a column are aligned on
their decimal point; a table wider than the terminal is split into several tables that
repeat its leading (label) columns; a column of long text is wrapped; prose is wrapped
with the hanging indent of its list marker.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import Any

# A figure: a number, perhaps a ratio ("3.28x"), perhaps with note marks ("1640 [21, 22]").
_NUMBER = re.compile(r"(\d+)(\.\d+)?(x?(?: \[[\d, ]+\])?)")
_MARKER = re.compile(r"(\s*(?:[-*]|\d+\.)\s+|\s+)")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_GAP = 2  # tabulate's "simple" format puts two spaces between columns
MIN_WRAPPED = 24  # a wrapped column is never narrower than this


def width_of(text: str) -> int:
    """Terminal cells ``text`` takes (its widest line)."""
    from wcwidth import wcswidth

    widest = 0
    for line in text.split("\n"):
        cells = wcswidth(line)
        widest = max(widest, cells if cells >= 0 else len(line))
    return widest


def terminal_width() -> int | None:
    """The width to fit: $COLUMNS, else the terminal's when standard output is one, else None
    (output to a file or a pipe is not wrapped)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), 40)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, 40)
    return None


def wrap(text: str, width: int | None) -> list[str]:
    """Wrap one line of prose to ``width`` cells; list items keep a hanging indent. Chinese
    text, which has no spaces, may break between any two characters; a longer word (a URL)
    gets a line of its own, unbroken, so that it can still be copied."""
    if width is None or width_of(text) <= width:
        return [text]
    marker = _MARKER.match(text)
    prefix = marker.group(1) if marker else ""
    indent = " " * width_of(prefix)
    room = max(width - len(indent), 10)
    lines: list[str] = []
    line = ""
    for token in re.findall(r"\S+|\s+", text[len(prefix) :]):
        if token.isspace():
            if line:
                line += " "
            continue
        if width_of(line + token) <= room:
            line += token
            continue
        if _WIDE.search(token):  # Chinese: break between characters
            for char in token:
                if width_of(line + char) > room:
                    lines.append(line.rstrip())
                    line = ""
                line += char
            continue
        lines.append(line.rstrip())
        line = token
    lines.append(line.rstrip())
    lines = [x for x in lines if x] or [""]
    return [prefix + lines[0], *(indent + x for x in lines[1:])]


def wrap_lines(lines: list[str], width: int | None) -> list[str]:
    return [piece for line in lines for piece in wrap(line, width)]


def _align_numbers(rows: list[list[str]], column: int) -> None:
    """Pad the figures of a column so their decimal points line up; other cells (text, "—")
    stay as they are."""
    parts = [_NUMBER.fullmatch(row[column]) for row in rows]
    numbers = [p for p in parts if p]
    if len(numbers) < 2:
        return
    whole = max(width_of(p.group(1)) for p in numbers)
    rest = max(width_of((p.group(2) or "") + p.group(3)) for p in numbers)
    for row, part in zip(rows, parts, strict=True):
        if part:
            tail = (part.group(2) or "") + part.group(3)
            row[column] = part.group(1).rjust(whole) + tail + " " * (rest - width_of(tail))


def table(headers: list[str], rows: list[list[str]], width: int | None = None, keep: int = 1) -> str:
    """A plain-text table in tabulate's "simple" format that fits ``width`` cells: figures
    aligned, wider tables split into parts that repeat the first ``keep`` columns, and a column
    of long text wrapped when one part is still too wide."""
    from tabulate import tabulate

    rows = [list(r) for r in rows]
    for column in range(keep, len(headers)):
        _align_numbers(rows, column)

    def render(columns: list[int], limits: list[int | None] | None = None) -> str:
        return tabulate(
            [[r[c] for c in columns] for r in rows],
            headers=[headers[c] for c in columns],
            tablefmt="simple",
            disable_numparse=True,
            preserve_whitespace=True,
            maxcolwidths=limits,
        )

    everything = list(range(len(headers)))
    whole = render(everything)
    if width is None or width_of(whole) <= width:
        return whole
    longest = max(width_of(r[c]) for r in rows for c in everything) if rows else 0
    if longest > 2 * MIN_WRAPPED:  # a column of prose: wrap it before splitting the table
        wrapped = _wrapped(render, everything, headers, rows, width)
        if width_of(wrapped) <= width:
            return wrapped
    fixed = list(range(min(keep, len(headers))))
    parts: list[list[int]] = []
    for column in everything[len(fixed) :]:  # greedy: as many columns per part as fit
        if parts and width_of(render([*fixed, *parts[-1], column])) <= width:
            parts[-1].append(column)
        else:
            parts.append([column])
    return "\n\n".join(_wrapped(render, [*fixed, *part], headers, rows, width) for part in parts)


def _wrapped(render: Any, columns: list[int], headers: list[str], rows: list[list[str]], width: int) -> str:
    """Render ``columns``; if too wide, wrap the widest column of text into the room left."""
    text = render(columns)
    if width_of(text) <= width:
        return text
    widths = [max([width_of(headers[c]), *(width_of(r[c]) for r in rows)]) for c in columns]
    widest = max(range(len(columns)), key=lambda i: widths[i])
    room = width - (sum(widths) - widths[widest]) - _GAP * (len(columns) - 1)
    limits: list[int | None] = [None] * len(columns)
    limits[widest] = max(room, MIN_WRAPPED)
    return str(render(columns, limits))

"""Text for a terminal: tables and prose that fit a width, counted in terminal cells.

A Chinese character takes two cells. Widths come from the Unicode East Asian Width
property in the standard library (``unicodedata``), as wcwidth computes them for these
scripts, without a dependency or its import time on every command (tabulate, which the
Markdown tables use, would count characters and misalign Chinese text here). Figures in a
column are aligned on their decimal point; a table wider than the terminal wraps its
column of long text, else is split into several tables that repeat its label columns;
prose is wrapped with the hanging indent of its list marker.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import unicodedata

# A figure: a number, perhaps a ratio ("3.28x"), perhaps with note marks ("1640 [21, 22]").
_NUMBER = re.compile(r"(\d+)(\.\d+)?(x?(?: \[[\d, ]+\])?)")
_MARKER = re.compile(r"(\s*(?:[-*]|\d+\.)\s+|\s+)")
_GAP = "  "  # between columns, as tabulate's "simple" format
MIN_WRAPPED = 16  # a wrapped column is never made narrower than this
MIN_WIDTH = 40  # narrower terminals are treated as this wide


def char_width(char: str) -> int:
    """Terminal cells of one character: 2 for wide and full-width (CJK), 0 for combining marks
    and zero-width characters, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width_of(text: str) -> int:
    """Terminal cells ``text`` takes (its widest line)."""
    return max((sum(char_width(c) for c in line) for line in text.split("\n")), default=0)


def _pad(text: str, width: int, right: bool = False) -> str:
    room = " " * max(width - width_of(text), 0)
    return room + text if right else text + room


def terminal_width() -> int | None:
    """The width to fit: $COLUMNS, else the terminal's when standard output is one, else None
    (output to a file or a pipe is not wrapped)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WIDTH)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, MIN_WIDTH)
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
        if any(char_width(c) == 2 for c in token):  # Chinese: break between characters
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
            row[column] = _pad(part.group(1), whole, right=True) + _pad(tail, rest)


def _render(headers: list[str], rows: list[list[str]], columns: list[int], limits: dict[int, int]) -> str:
    """The "simple" layout: a header, a rule under each column, then the rows; a column with a
    limit wraps its cells to that many cells."""

    def cell(text: str, column: int) -> list[str]:
        return wrap(text, limits[column]) if column in limits else [text]

    head = {c: cell(headers[c], c) for c in columns}
    body = [{c: cell(row[c], c) for c in columns} for row in rows]
    widths = {c: max(width_of(x) for x in [*head[c], *(line for r in body for line in r[c])]) for c in columns}
    out = []
    for block in [head, None, *body]:
        if block is None:
            out.append(_GAP.join("-" * widths[c] for c in columns))
            continue
        for index in range(max(len(block[c]) for c in columns)):
            pieces = [block[c][index] if index < len(block[c]) else "" for c in columns]
            out.append(_GAP.join(_pad(p, widths[c]) for p, c in zip(pieces, columns, strict=True)).rstrip())
    return "\n".join(out)


def table(headers: list[str], rows: list[list[str]], width: int | None = None, keep: int = 1) -> str:
    """A plain-text table that fits ``width`` cells: figures aligned on the decimal point;
    when too wide, its column of long text is wrapped, or else it is split into parts that
    repeat the first ``keep`` columns."""
    rows = [list(r) for r in rows]
    for column in range(keep, len(headers)):
        _align_numbers(rows, column)
    everything = list(range(len(headers)))
    whole = _render(headers, rows, everything, {})
    if width is None or width_of(whole) <= width:
        return whole
    longest = max((width_of(r[c]) for r in rows for c in everything), default=0)
    if longest > 2 * MIN_WRAPPED:  # a column of prose: wrap it before splitting the table
        wrapped = _wrapped(headers, rows, everything, width)
        if width_of(wrapped) <= width:
            return wrapped
    fixed = everything[: min(keep, len(headers))]
    parts: list[list[int]] = []
    for column in everything[len(fixed) :]:  # greedy: as many columns per part as fit
        if parts and width_of(_render(headers, rows, [*fixed, *parts[-1], column], {})) <= width:
            parts[-1].append(column)
        else:
            parts.append([column])
    return "\n\n".join(_wrapped(headers, rows, [*fixed, *part], width) for part in parts)


def _wrapped(headers: list[str], rows: list[list[str]], columns: list[int], width: int) -> str:
    """Render ``columns``; while too wide, wrap the widest column into the room the others leave
    (never narrower than MIN_WRAPPED cells, or the widest word of a column of figures)."""
    limits: dict[int, int] = {}
    text = _render(headers, rows, columns, limits)
    for _ in columns:
        if width_of(text) <= width:
            break
        widths = {c: max([width_of(line) for line in _column_lines(headers, rows, c, limits)]) for c in columns}
        widest = max(columns, key=lambda c: widths[c])
        narrowest = min(MIN_WRAPPED, widths[widest])
        if widths[widest] <= narrowest:
            break
        limits[widest] = max(widths[widest] - (width_of(text) - width), narrowest)
        text = _render(headers, rows, columns, limits)
    return text


def _column_lines(headers: list[str], rows: list[list[str]], column: int, limits: dict[int, int]) -> list[str]:
    cells = [headers[column], *(r[column] for r in rows)]
    return [line for cell in cells for line in (wrap(cell, limits[column]) if column in limits else [cell])]

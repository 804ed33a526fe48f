"""The main text of an HTML page, as lines and paragraphs that ``scan`` reads like a text file.

A saved launch article is mostly not the article: navigation, scripts, styles, share buttons,
footers. The extraction is deliberately simple and streams (the standard library's
``html.parser`` is fed a chunk at a time, so a page of any size costs the same memory):

- the content of script, style, template, nav, header, footer, aside, form and similar
  elements, of the document head, and of elements marked ``hidden``, is dropped;
- markup, comments, link targets and images are dropped (an image's URL and alt text are
  never text); the text of links and inline elements stays in its sentence;
- block elements end lines: a paragraph (``p``, ``ul``, ``table``, ``section``, ...) ends with
  a blank line, as a paragraph of a text file does, while a heading, a list item, a ``div``
  or a ``br`` end only the line, so a heading's precision ("FP16 性能") still governs the
  paragraph under it; a table row becomes a ``| cell | cell |`` line, as in Markdown;
- runs of white space become one space, except in ``pre``.

The line of each output line in the page's source is kept, so ``scan`` reports where a claim
is in the file the user has.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

DROPPED = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
        "svg", "math", "iframe", "object", "button", "select", "textarea", "dialog", "canvas", "audio", "video",
    }
)  # fmt: skip
PARAGRAPHS = frozenset(
    {
        "p", "ul", "ol", "dl", "table", "blockquote", "section", "article", "main", "figure", "hr",
        "address", "details", "fieldset",
    }
)  # fmt: skip
LINES = frozenset(
    {
        "br", "div", "li", "dt", "dd", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figcaption",
        "caption", "summary", "center", "body", "html",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_SPACE = re.compile(r"\s+")
_NONE, _LINE, _PARAGRAPH = 0, 1, 2


class ArticleText(HTMLParser):
    """Feed HTML with :meth:`feed`; take the text produced so far with :meth:`take`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._break = _NONE  # the strongest break asked for since the last text
        self._after_heading = False  # a heading ended and no text followed yet
        self._started = False  # any text written
        self._space = False  # a space is owed before the next text on this line
        self._skip_tag: str | None = None  # the element being dropped
        self._skip_depth = 0  # its open elements of the same name
        self._pre = 0
        self._row: list[str] | None = None  # cells of the table row being read
        self._cell: list[str] | None = None
        self._row_line = 1
        self._line = 1  # the output line being written
        self.line_starts: deque[tuple[int, int]] = deque()  # (output line, source line), in order

    # Output

    def take(self) -> str:
        text, self._out = "".join(self._out), []
        return text

    def _ask(self, strength: int) -> None:
        if self._cell is not None:  # a block inside a table cell stays in the cell
            self._cell.append(" ")
            return
        if strength == _PARAGRAPH and self._after_heading:
            strength = _LINE  # the paragraph under a heading belongs with it
        self._break = max(self._break, strength)
        self._space = False

    def _write(self, text: str, source_line: int) -> None:
        if self._cell is not None:
            self._cell.append(text)
            return
        if not text.strip():
            if text and not self._break:
                self._space = True
            return
        if self._started and self._break:
            newlines = "\n\n" if self._break == _PARAGRAPH else "\n"
            self._out.append(newlines)
            self._line += len(newlines)
            self._space = False
        new_line = not self._started or self._break
        self._break, self._after_heading = _NONE, False
        if new_line:
            self.line_starts.append((self._line, source_line))
            text = text.lstrip()
        elif self._space:
            text = " " + text.lstrip()
        self._space = text[-1:].isspace()
        self._out.append(text.rstrip())
        self._started = True

    # Parser events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag == "head" and tag == "body":
            self._skip_tag = None  # a head left open ends where the body starts
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        hidden = any(name == "hidden" or (name == "aria-hidden" and value == "true") for name, value in attrs)
        if (tag in DROPPED or hidden) and tag not in VOID:
            self._skip_tag, self._skip_depth = tag, 1
            return
        self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and tag not in DROPPED:
            self._open(tag)
            self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            elif tag in ("body", "html") or (self._skip_tag == "head" and tag == "head"):
                self._skip_tag = None  # an element left open ends with the document
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None:
            return
        line = self.getpos()[0]
        if self._pre and self._cell is None:
            for index, piece in enumerate(data.split("\n")):
                if index:
                    self._ask(_LINE)
                if piece.strip():
                    self._write(piece, line + index)
            return
        lead = len(data) - len(data.lstrip())
        self._write(_SPACE.sub(" ", data), line + data.count("\n", 0, lead))

    def _open(self, tag: str) -> None:
        if tag in CELLS and self._row is not None:
            self._end_cell()
            self._cell = []
        elif tag == "tr":
            self._end_row()
            self._ask(_LINE)
            self._row, self._row_line = [], self.getpos()[0]
        elif tag in PARAGRAPHS:
            self._ask(_PARAGRAPH)
        elif tag in LINES:
            self._ask(_LINE)
        if tag == "pre":
            self._pre += 1
        elif tag in ("img", "input", "wbr") and not self._break:
            self._space = True

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()).replace("|", "/"))
        self._cell = None

    def _end_row(self) -> None:
        """Write the table row being read, if any (``</tr>`` and ``</td>`` are optional in HTML)."""
        self._end_cell()
        if self._row is None:
            return
        row, self._row = self._row, None
        if any(row):
            self._write("| " + " | ".join(cell or " " for cell in row) + " |", self._row_line)
        self._ask(_LINE)

    def _close(self, tag: str) -> None:
        if tag in CELLS:
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self._ask(_PARAGRAPH)
        elif tag in PARAGRAPHS:
            self._ask(_PARAGRAPH)
        elif tag in LINES:
            self._ask(_LINE)
            if tag in HEADINGS:
                self._after_heading = True
        if tag == "pre" and self._pre:
            self._pre -= 1


def html_text(chunks: Iterable[str], parser: ArticleText | None = None) -> Iterator[str]:
    """The main text of an HTML page given in chunks, in chunks; ``parser.line_starts`` maps
    its lines to the page's."""
    parser = parser or ArticleText()
    for chunk in chunks:
        parser.feed(chunk)
        if text := parser.take():
            yield text
    parser.close()
    if text := parser.take():
        yield text
    yield "\n"


class SourceLines:
    """The page line of each text line, looked up in order (a scan reads its text in order)."""

    def __init__(self, parser: ArticleText) -> None:
        self._starts = parser.line_starts
        self._current = (1, 1)

    def __call__(self, line: int) -> int:
        while self._starts and self._starts[0][0] <= line:
            self._current = self._starts.popleft()
        return self._current[1]

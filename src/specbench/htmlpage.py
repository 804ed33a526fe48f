"""HTML pages: every ``--format html`` output and every page of the report site is a whole
document (doctype, UTF-8, a title, a small stylesheet of its own) that needs nothing from
the network. Wide tables scroll sideways inside the page instead of widening it, and a
note mark ``[n]`` links to note n, which links back to where it was first marked.
"""

from __future__ import annotations

import html
import re
from typing import Any

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.5; color: #1b1b1b;
  max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin-top: 0.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
h3, h4 { font-size: 1.05rem; }
nav { font-size: 0.9rem; padding: 0.5rem 0; border-bottom: 1px solid #ddd; }
nav a { margin-right: 1rem; }
a { color: #0b57a4; }
.scroll { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.88rem; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.55rem; vertical-align: top; text-align: left; }
td { max-width: 36rem; overflow-wrap: anywhere; }
th { background: #f3f5f7; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-size: 0.9em; background: #f3f5f7; padding: 0 0.2em; }
pre { overflow-x: auto; background: #f3f5f7; padding: 0.6rem; }
li { margin: 0.2rem 0; } li:target { background: #fff5c2; }
sup a, a.back { text-decoration: none; }
img { max-width: 100%; height: auto; }
.legend { color: #555; font-style: italic; }
""".strip()

_NUMERIC = re.compile(r"\d[\d,.]*(?:x)?(?: \[[\d, ]+\])?")


def page(title: str, body: str, *, nav: str = "") -> str:
    """A complete HTML document around ``body``."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        + (f"<nav>{nav}</nav>\n" if nav else "")
        + body.rstrip()
        + "\n</body>\n</html>\n"
    )


def table(headers: list[str], rows: list[list[str]], *, escaped: bool = False) -> str:
    """A table in a box that scrolls sideways; cells holding a figure are right-aligned.
    With ``escaped`` the cells are HTML already (they hold links)."""
    esc = (lambda text: text) if escaped else html.escape
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            plain = re.sub(r"<[^>]+>", "", cell) if escaped else cell
            numeric = index > 0 and _NUMERIC.fullmatch(plain) is not None
            opening = '<td class="num">' if numeric else "<td>"
            cells.append(f"{opening}{esc(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="scroll"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + ("\n</tbody>\n</table></div>")
    )


class NoteLinks:
    """Note marks as links: each mark to its note, each note back to its first mark."""

    def __init__(self) -> None:
        self.first: set[int] = set()

    def marks(self, numbers: list[int]) -> str:
        if not numbers:
            return ""
        links = []
        for n in sorted(set(numbers)):
            anchor = "" if n in self.first else f' id="ref-{n}"'
            self.first.add(n)
            links.append(f'<a href="#note-{n}"{anchor}>{n}</a>')
        return " [" + ", ".join(links) + "]"

    def notes(self, notes: list[str]) -> str:
        items = []
        for n, text in enumerate(notes, 1):
            back = f' <a class="back" href="#ref-{n}" title="back to the table">↩</a>' if n in self.first else ""
            items.append(f'<li id="note-{n}">{html.escape(text)}{back}</li>')
        return "<ol>\n" + "\n".join(items) + "\n</ol>"


def from_markdown(text: str, *, site: bool = False) -> str:
    """The HTML of a Markdown document (CommonMark with tables); tables scroll sideways. With
    ``site``, links to other Markdown files of the report point to their HTML pages."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    rendered = rendered.replace("<table>", '<div class="scroll"><table>').replace("</table>", "</table></div>")
    if site:
        rendered = re.sub(r'href="(?![a-z]+:|#|/)([^"#]*?)\.md(#[^"]*)?"', _html_link, rendered)
    return rendered


def _html_link(match: Any) -> str:
    stem = match.group(1)
    if stem == "README" or stem.endswith("/README"):  # a folder's README is its index page
        stem = stem[: -len("README")] + "index"
    return f'href="{stem}.html{match.group(2) or ""}"'


def title_of(markdown_text: str, default: str) -> str:
    """The first level-one heading of a Markdown document."""
    for line in markdown_text.splitlines():
        if line.startswith("# "):
            return html.unescape(line[2:].strip())
    return default

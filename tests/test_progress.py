"""The progress line of long scans: only on a terminal, only after a while, erased at the end."""

from __future__ import annotations

import io

from specbench.progress import DELAY, Progress
from specbench.scan import Finding


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def finding(file: str, line: int) -> Finding:
    return Finding(file, line, "", None)  # type: ignore[arg-type]


def test_a_long_scan_shows_its_place_and_erases_the_line_when_done():
    stream, clock = Terminal(), Clock()
    progress = Progress(stream, ["a.txt", "b.html"], clock=clock)
    progress.update(finding("a.txt", 3))
    assert stream.getvalue() == ""  # a short scan shows nothing
    clock.now += DELAY
    progress.update(finding("b.html", 12))
    assert stream.getvalue() == "\rspecbench scan: input 2 of 2, b.html:12, 2 claim(s) so far\x1b[K"
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_nothing_is_shown_on_a_pipe_or_over_the_output():
    clock = Clock()
    pipe = io.StringIO()
    terminal = Terminal()
    for progress in (
        Progress(pipe, ["a.txt"], clock=clock),
        Progress(terminal, ["a.txt"], output_on_stream=True, clock=clock),
    ):
        clock.now += 10 * DELAY
        progress.update(finding("a.txt", 1))
        progress.close()
    assert pipe.getvalue() == terminal.getvalue() == ""

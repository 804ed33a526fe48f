"""A progress line for long scans, drawn in place on a terminal's standard error.

It is shown only when standard error is a terminal and the claims themselves are not being
printed to it (they go to a file or a pipe), and only once a scan has run for DELAY seconds:
a short scan, a test, or a scan whose standard error is a pipe or a log file shows nothing.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

DELAY = 1.0  # seconds before the line first appears
EVERY = 0.2  # seconds between redraws


class Progress:
    """Counts inputs and claims as findings arrive; :meth:`close` erases the line."""

    def __init__(
        self,
        stream: TextIO | None,
        names: Sequence[str],
        *,
        output_on_stream: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(stream is not None and isatty is not None and isatty() and not output_on_stream)
        self._stream = stream
        self._names = list(names)
        self._clock = clock
        self._start = clock()
        self._drawn_at: float | None = None
        self._index = 0
        self._claims = 0

    def update(self, finding: Any) -> None:
        """Note one finding (with ``file`` and ``line``), and redraw the line if it is time."""
        self._claims += 1
        if not self.enabled:
            return
        if finding.file != self._names[self._index]:
            following = [i for i in range(self._index + 1, len(self._names)) if self._names[i] == finding.file]
            self._index = following[0] if following else self._index
        now = self._clock()
        if now - self._start < DELAY or (self._drawn_at is not None and now - self._drawn_at < EVERY):
            return
        self._drawn_at = now
        line = (
            f"specbench scan: input {self._index + 1} of {len(self._names)}, "
            f"{finding.file}:{finding.line}, {self._claims} claim(s) so far"
        )
        width = max(shutil.get_terminal_size((80, 24)).columns - 1, 20)
        self._write("\r" + line[:width] + "\x1b[K")

    def close(self) -> None:
        if self._drawn_at is not None:
            self._write("\r\x1b[K")
            self._drawn_at = None

    def _write(self, text: str) -> None:
        assert self._stream is not None
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # a closed terminal: the scan itself goes on
            self.enabled = False

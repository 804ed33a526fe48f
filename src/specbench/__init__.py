"""specbench: cited, unit-aware spec sheets of AI accelerators, compared like for like.

>>> import specbench
>>> specbench.get("BR100").name
'BR100'
>>> specbench.compare("BR100", "A100").loc["BF16 · matrix", "BR100 ÷ A100 SXM4 80GB"]
np.float64(3.282051282051282)
"""

from __future__ import annotations

import sys

# Before anything else is imported: the package uses Python 3.11 (enum.StrEnum, tomllib), and
# an interpreter that is too old should say so rather than fail on an import deep inside.
if sys.version_info < (3, 11):  # noqa: UP036 - the check is for interpreters pip was told to skip
    raise SystemExit(
        f"specbench needs Python 3.11 or later; this is Python {sys.version_info[0]}.{sys.version_info[1]}"
    )

from specbench.api import catalogue, compare, figures, get, load, rank, scan_frame
from specbench.errors import AmbiguousChipError, SpecbenchError, SpecError, UnknownChipError

__version__ = "0.1.0"
__all__ = [
    "AmbiguousChipError",
    "SpecError",
    "SpecbenchError",
    "UnknownChipError",
    "catalogue",
    "compare",
    "figures",
    "get",
    "load",
    "rank",
    "scan_frame",
]

"""specbench: cited, unit-aware spec sheets of AI accelerators, compared like for like.

>>> import specbench
>>> specbench.get("BR100").name
'BR100'
>>> specbench.compare("BR100", "A100").loc["BF16 · matrix", "BR100 ÷ A100 SXM4 80GB"]
np.float64(3.282051282051282)
"""

from __future__ import annotations

from specbench.api import catalogue, compare, figures, get, load, rank, scan_frame
from specbench.errors import SpecbenchError, SpecError, UnknownChipError

__version__ = "0.1.0"
__all__ = [
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

"""PCIe host-link bandwidth from a chip's recorded host interface.

Spec sheets record the host interface as a generation and a lane count ("PCIe Gen4 x16"),
sometimes with the bandwidth the vendor prints ("PCIe Gen5: 128GB/s", "32+32 GB/s"). Claims
quote the bandwidth ("PCI Express Gen 4, offering 31.5 GB/sec", "PCIe Gen5 128 GB/s"), one way
or both ways added. This module turns the record into the figures a claim may rightly quote,
each with how it was reached:

- a bandwidth the source prints, as printed ("128 GB/s"), and, where it says "32+32" or
  "bidirectional", each direction and both together;
- from the generation and the lanes, PCI-SIG's signalling rate per lane (2.5, 5, 8, 16, 32, 64
  GT/s for PCIe 1.0 to 6.0) times the lanes, over 8 bits per byte, each way and both ways. It is
  the raw rate: 128b/130b encoding (PCIe 3.0 to 5.0) leaves 98.5% of it, so "31.5 GB/s" and
  "32 GB/s" both describe PCIe 4.0 x16, within rounding.

>>> [(round(v, 1), how.split(":")[0]) for v, how in link_rates("PCIe Gen4 x16 (32+32 GB/s)")]
[(32.0, 'printed'), (64.0, 'printed'), (32.0, 'PCIe 4.0 x16 each way'), (64.0, 'PCIe 4.0 x16 both ways')]
>>> link_rates("PCIe 4.0")  # no lane count, no printed figure: nothing to check against
[]
"""

from __future__ import annotations

import re

from specbench import regexcache
from specbench.claims.vocabulary import PCIE
from specbench.normalize import fmt

GT_PER_LANE = {1: 2.5, 2: 5.0, 3: 8.0, 4: 16.0, 5: 32.0, 6: 64.0}  # PCI-SIG base specifications

_LANES = regexcache.compile(r"(?<![a-z0-9])x\s?(1|2|4|8|16|32)(?![0-9])", re.IGNORECASE)
_PAIR = regexcache.compile(r"(\d+(?:\.\d+)?)\s*\+\s*(\d+(?:\.\d+)?)\s*GB/s", re.IGNORECASE)
_PRINTED = regexcache.compile(r"(\d+(?:\.\d+)?)\s*GB/s", re.IGNORECASE)
_BOTH_WAYS = regexcache.compile(r"bidirectional|bi-directional|双向", re.IGNORECASE)


# the generation after "PCIe", "PCI Express" or a bare "Gen", and each one after a slash ("5.0/4.0")
_GENERATIONS = regexcache.compile(rf"(?:{PCIE}\s*(?:gen\s*)?|gen\s*|/)([1-6])(?:\.0)?(?![0-9.])", re.IGNORECASE)


def generations(text: str) -> set[int]:
    """The PCIe generations a text names: "PCIe Gen5" and "Gen5" give {5}, "PCIe 5.0/4.0/3.0 x16"
    gives {3, 4, 5}.

    >>> sorted(generations("PCIe 5.0/4.0/3.0 x16")), generations("Gen4 64 GB/s"), generations("NVLink 4")
    ([3, 4, 5], {4}, set())
    """
    return {int(g) for g in _GENERATIONS.findall(text)}


def link_rates(interface: str) -> list[tuple[float, str]]:
    """The bandwidths (GB/s) a claim about this host interface may rightly quote, each with how
    it follows from the record; empty when the record gives neither a figure nor generation and lanes."""
    rates: list[tuple[float, str]] = []
    pair = _PAIR.search(interface)
    if pair:
        one, other = float(pair.group(1)), float(pair.group(2))
        rates += [
            (one, f"printed: {fmt(one)} GB/s each way"),
            (one + other, f"printed: {fmt(one + other)} GB/s both ways"),
        ]
    else:
        for match in _PRINTED.finditer(interface):
            value = float(match.group(1))
            both = bool(_BOTH_WAYS.search(interface))
            rates.append((value, f"printed: {fmt(value)} GB/s{' both ways' if both else ''}"))
            if both:
                rates.append((value / 2, f"printed: {fmt(value)} GB/s both ways, {fmt(value / 2)} GB/s each way"))
    named, lanes = generations(interface), _LANES.search(interface)
    if named and lanes:
        gen, width = max(named), int(lanes.group(1))
        each = GT_PER_LANE[gen] * width / 8
        name = f"PCIe {gen}.0 x{width}"
        rates.append((each, f"{name} each way: {fmt(GT_PER_LANE[gen])} GT/s × {width} lanes ÷ 8 = {fmt(each)} GB/s"))
        rates.append((2 * each, f"{name} both ways: 2 × {fmt(each)} = {fmt(2 * each)} GB/s"))
    return rates

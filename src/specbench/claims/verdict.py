"""Deciding: one pure function from what the evidence showed to the verdict.

The judge gathers evidence (the figures found, the bases tried, the ratios
computed) and records one :class:`Outcome` and the flags its checks raised.
:func:`decide` turns those into the verdict, here and nowhere else, so the rules
can be read in one place:

- ``supported``: the claim holds like for like, and no framing flag applies;
- ``misleading``: the number exists only on a basis that is not like for like, a
  framing flag applies, or the figure is within 10% but not what is claimed;
- ``false``: subject, metric and value were read with certainty and no basis
  supports the claim;
- ``unverifiable``: a chip, rival or figure is not in the catalogue, or the
  reading is uncertain where the answer depends on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from specbench.claims.vocabulary import FRAMING, Verdict


class Outcome(Enum):
    """What the evidence showed, before framing is weighed."""

    HOLDS = "holds like for like"
    ELSEWHERE = "holds only on another basis"
    NEAR = "within 10% but not as claimed"
    CONTRADICTED = "no basis supports it"
    UNKNOWN = "the catalogue cannot tell"


def decide(outcome: Outcome, flags: Iterable[str], doubts: Iterable[str]) -> tuple[str, str | None]:
    """The verdict, and a sentence saying why when the reading's doubts decided it.

    >>> decide(Outcome.HOLDS, [], [])
    ('supported', None)
    >>> decide(Outcome.HOLDS, ["sparse-vs-dense"], [])
    ('misleading', None)
    >>> decide(Outcome.CONTRADICTED, [], ["the chip is read from '它' as BR104"])[0]
    'unverifiable'
    """
    framing = bool(set(flags) & FRAMING)
    doubts = list(doubts)
    if outcome is Outcome.UNKNOWN:
        return Verdict.UNVERIFIABLE.value, None
    if outcome is Outcome.HOLDS:
        return (Verdict.MISLEADING if framing else Verdict.SUPPORTED).value, None
    if outcome in (Outcome.ELSEWHERE, Outcome.NEAR):
        return Verdict.MISLEADING.value, None
    if doubts:
        return (
            Verdict.UNVERIFIABLE.value,
            "No basis gives the claimed figure, but the reading is uncertain ("
            + "; ".join(doubts)
            + "), so the claim is not called false.",
        )
    return Verdict.FALSE.value, None

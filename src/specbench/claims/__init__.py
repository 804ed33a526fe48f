"""Claims: reading what launch coverage asserts about chips, and judging it against the catalogue.

The package is laid out as the work is done:

- :mod:`~specbench.claims.vocabulary`: precisions, metrics, verdicts and flags;
- :mod:`~specbench.claims.lexicon` and ``data/``: the words of both languages;
- :mod:`~specbench.claims.tokens`: text to typed tokens;
- :mod:`~specbench.claims.reading` and :mod:`~specbench.claims.rules`: tokens to claims, with context;
- :mod:`~specbench.claims.prefilter`: the fast first pass of ``scan``, the sentences worth reading;
- :mod:`~specbench.claims.judging`: evidence and checks for each claim;
- :mod:`~specbench.claims.verdict`: the one function that decides a verdict;
- :mod:`~specbench.claims.render`: text, Markdown and JSON;
- :mod:`~specbench.claims.corpus`: the corpus of real claims and its accuracy audit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from specbench.claims.reading import MAX_SENTENCE, Claim, Context, Reader, split_sentences
from specbench.claims.vocabulary import FLAGS, Flag, Verdict

if TYPE_CHECKING:
    from specbench.claims.judging import Judgement
    from specbench.store import Catalogue


def check(text: str, catalogue: Catalogue) -> list[Judgement]:
    """Read and judge every claim in a text (sentences in order, sharing one context)."""
    from specbench.claims.judging import Judge

    judge = Judge.of(catalogue)
    return judge.judge_all(Reader.of(catalogue).read(text))


__all__ = [
    "FLAGS",
    "MAX_SENTENCE",
    "Claim",
    "Context",
    "Flag",
    "Reader",
    "Verdict",
    "check",
    "split_sentences",
]

"""Judging claims against the catalogue: a verdict, flags from a fixed vocabulary, and the reasoning.

Each claim is resolved on the like-for-like basis (same precision and execution
unit, dense against dense, package against package) and, where that fails, on
the basis the claim itself seems to have used, found by searching the chips'
published figures. Both are shown.

Rules (documented in the README):

- a number "equals" the truth within rounding: 2%, or half a unit of the claim's
  last significant digit where that is larger, up to 5% ("2 PFLOPS" for 2048);
- "about", "close to", "near" (约, 接近, 近) hold within 10%;
- "at least", "more than", "reaches" (至少, 超过, 以上, 达到) hold when the truth is
  not below the number by more than rounding; a ratio that holds only by rounding
  is flagged ``rounded-up``;
- "up to" (高达, 最高) holds when the number is the peak within rounding.

Verdicts: ``supported`` (holds like for like, and no framing flag applies),
``misleading`` (the number exists but only on a basis that is not like for like,
or the like-for-like figure is off by more than 10%), ``false`` (no basis
supports it), ``unverifiable`` (a needed figure or chip is not in the catalogue).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from specbench import regexcache
from specbench.claims.hostlink import GT_PER_LANE, generations, link_rates
from specbench.claims.reading import FORM_SUFFIXES, Claim
from specbench.claims.tokens import NUMBER
from specbench.claims.verdict import Outcome, decide
from specbench.claims.vocabulary import (
    FLAGS,
    FRAMING,
    MATRIX_ONLY,
    METRICS,
    NODE_NAME,
    NODE_NM,
    PCIE_GENERATION,
    Dimension,
    Flag,
    Verdict,
)
from specbench.errors import UnknownChipError
from specbench.model import PRECISIONS, VENDOR_FORMATS, Chip, Figure, precision_label
from specbench.normalize import dense_equivalent, first_number, fmt, times
from specbench.store import Catalogue

FLAG_TEXT = {flag.value: flag.text for flag in Flag}
CLOSE = 0.10
_NUMBER = regexcache.compile(NUMBER)
ROUNDING = 0.02
ROUNDING_CAP = 0.05
POWER_GAP = 0.25
# A figure stated as reached ("算力达到320TFLOPS", "带宽达3TB/s") is the figure rounded down by at most
# this share of it: 3 of 3.35 TB/s is; 1.5 of 2.039 TB/s, or a TF32 "19.5" of 156, is another figure.
REACHED = 0.2

QUALIFIER_WORDS = {
    "equals": "is",
    "only": "is only",
    "about": "is about",
    "at_least": "is at least",
    "more_than": "is more than",
    "up_to": "is up to",
    "reaches": "reaches",
    "greater": "is above",
    "less_than": "is below",
    "at_most": "is at most",
}


# The server whose total is quoted as if one device's: 8-GPU HGX and DGX boards. Other sizes (4, 16,
# 72) match too many wrong numbers by chance (4 × 19.5 = 78) to be told from them.
SERVER_DEVICES = 8


@dataclass
class Judgement:
    """A claim, what the evidence showed (the outcome), the flags that apply, the reasoning, and
    the one verdict decided from them by :func:`specbench.claims.verdict.decide`."""

    claim: Claim
    outcome: Outcome
    flags: list[str] = field(default_factory=list)
    actual: float | None = None
    actual_text: str | None = None
    actual_unit: str | None = None  # the unit of ``actual``
    ratio: float | None = None
    claimed: str | None = None
    explanation: list[str] = field(default_factory=list)
    verdict: str = Verdict.UNVERIFIABLE.value
    basis: str | None = None  # the execution unit of the figure a throughput claim was found to be

    def to_json(self, catalogue: Catalogue) -> dict[str, Any]:
        claim = self.claim
        subject = catalogue.chips.get(claim.subject or "")
        rival = catalogue.chips.get(claim.rival or "")
        return {
            "text": claim.text,
            "subject": claim.subject,
            "subject_name": subject.name if subject else claim.subject_query,
            "rival": claim.rival,
            "rival_name": rival.name if rival else claim.rival_query,
            "metric": _metric_label(claim),
            "claimed": self.claimed,
            "claimed_value": claim.value if _quantity(claim) else None,
            "claimed_unit": claimed_unit(claim) if _quantity(claim) else None,
            "actual": self.actual_text,
            "catalogue_value": self.actual,
            "catalogue_unit": self.actual_unit if self.actual is not None else None,
            "ratio": None if self.ratio is None else round(self.ratio, 4),
            "claimed_ratio": None if claim.ratio is None else round(claim.ratio, 4),
            "verdict": self.verdict,
            "flags": self.flags,
            "doubts": list(claim.doubts),
            "rule": claim.rule,
            "explanation": self.explanation,
        }


_THOUSANDS = regexcache.compile(r"\d{1,3}\.\d{3}(?!\d)[^\d]*")


def tolerance(text: str | None) -> float:
    """Rounding tolerance of a number as written: 2%, or half its last significant digit (at most 5%).

    A percentage gets its whole last digit: writers truncate as often as they round ("32%" for 32.7%).
    """
    digits = first_number(text or "")
    if digits is None:
        return ROUNDING
    value = float(digits)
    if value == 0:
        return ROUNDING
    if "." in digits:
        step = 10 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        step = 10 ** (len(digits) - len(stripped))
    if "%" in (text or "") or "％" in (text or ""):  # "32%" for 32.7%: percentages are rounded and truncated alike
        return min(max(ROUNDING, step / value), ROUNDING_CAP)
    return min(max(ROUNDING, step / 2 / value), ROUNDING_CAP)


def ratio_tolerance(text: str | None, ratio: float) -> float:
    """Rounding tolerance of a ratio as written. A whole ratio of one significant digit ("4x",
    "3倍", "twice", "两倍", "10x") is how writers round any ratio near it: 1835 / 432 = 4.25x is
    "4x more BF16 performance". It gets half its digit, at most 10%; other ratios are rounded as
    any number is (:func:`tolerance`).

    >>> ratio_tolerance("4x (up)", 4.0), ratio_tolerance("twice", 2.0), ratio_tolerance("8倍", 8.0)
    (0.1, 0.1, 0.0625)
    >>> ratio_tolerance("1.5x", 1.5), ratio_tolerance("40%", 0.4), ratio_tolerance("一半", 0.5)
    (0.03333333333333333, 0.05, 0.1)
    """
    written = text or ""
    digits = first_number(written)
    if "%" in written or "％" in written:
        return tolerance(text)
    if digits is None and ratio < 1:
        return CLOSE  # a fraction in words ("一半", "half", "one-seventh") is as round as "twice"
    if digits is None:
        whole = ratio if ratio >= 2 and float(ratio).is_integer() else None
    else:
        whole = float(digits) if "." not in digits and len(digits.rstrip("0")) == 1 else None
    if whole is None or whole < 2:
        return tolerance(text)
    step = 10 ** (len(str(int(whole))) - 1)
    return min(step / 2 / whole, CLOSE)


def holds(actual: float, claimed: float, qualifier: str, tol: float) -> tuple[bool, bool]:
    """Whether a claimed number holds against the truth, and whether only by rounding up."""
    if actual <= 0:
        return False, False
    if qualifier == "greater":  # "beats", "faster than": strictly above
        return actual > claimed, False
    if qualifier == "less_than":  # "不及", "slower than": strictly below
        return actual < claimed, False
    if qualifier in ("at_least", "more_than"):
        return actual >= claimed * (1 - tol), actual < claimed
    if qualifier == "at_most":  # "慢了30倍以上": a ratio down by at least 30x is at most 1/30
        return actual <= claimed * (1 + tol), actual > claimed
    if qualifier == "about":
        return abs(actual - claimed) / actual <= CLOSE, False
    if qualifier == "reaches":  # "达到1024TOPS": the figure, or one rounded down a little ("达3TB/s" of 3.35)
        return claimed * (1 - tol) <= actual <= claimed * (1 + REACHED), actual < claimed
    if qualifier == "up_to":  # a maximum: rounding either way, or understated by up to 10% ("up to 3x" of 3.17x)
        return claimed * (1 - tol) <= actual <= claimed * (1 + CLOSE), False
    return abs(actual - claimed) / actual <= tol, False


def _numbers(text: str) -> set[float]:
    """The numbers written in a text ("15TFLOPS", "1,024"), to tell which figures it states."""
    return {float(n.replace(",", "")) for n in _NUMBER.findall(unicodedata.normalize("NFKC", text))}


def _not_preferred(figure: Figure) -> str:
    if figure.preferred is not False:
        return ""
    return " (a pre-launch target)" if figure.status == "target" else " (a value the catalogue does not prefer)"


def _metric_label(claim: Claim) -> str:
    if claim.metric == "throughput":
        words = "/".join(precision_label(p) for p in claim.precisions) or "unspecified precision"
        return f"throughput ({words})"
    metric = METRICS.get(claim.metric)
    return metric.label if metric is not None else claim.metric.replace("_", " ")


def _unit(precision: str | None) -> str:
    return "TOPS" if (precision or "").startswith("int") else "TFLOPS"


# Metrics whose figure for several devices is the sum of theirs, exactly: memory, its bandwidth
# and counted units ("320GB" for eight A100 40GB, "1,280,000 tensor cores" for 10,000 cards).
ADDITIVE = frozenset({"memory_capacity", "memory_bandwidth", "tensor_cores"})

# How far the SKUs of one family differ in a figure (core counts, clocks, memory stacks): a figure
# this close to the one recorded for the family may be that of a SKU that records none.
VARIANT_SPREAD = 0.25


class Judge:
    """Judges claims against one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._dense_cache: dict[tuple[str, str, str | None], list[tuple[Figure, float]]] = {}
        self._sparsity_shown: dict[str, str | None] = {}
        self._values_cache: dict[str, list[tuple[Figure, float, str]]] = {}
        self._siblings_cache: dict[str, list[Chip]] = {}
        self._family_names: dict[str, bool] = {}
        self._newer_cache: dict[tuple[str, str, str, str], list[Chip]] = {}

    @classmethod
    def of(cls, catalogue: Catalogue) -> Judge:
        """The catalogue's judge, with its caches of figures kept between calls."""
        return catalogue.derived("claims.judge", cls)

    def judge_all(self, claims: Iterable[Claim]) -> list[Judgement]:
        """Each claim of one text judged, and the columns of its tables weighed across rows."""
        return across_columns([self.judge(claim) for claim in claims])

    def judge(self, claim: Claim) -> Judgement:
        """Gather the evidence for one claim, run the checks, and decide its verdict."""
        if claim.rule == "stated_ratio":
            return self._stated_ratio(claim)
        subject = self.catalogue.chips.get(claim.subject or "")
        if subject is None and claim.subject_unnamed:
            judgement = Judgement(claim, Outcome.UNKNOWN, claimed=claim.value_text or claim.ratio_text)
            judgement.explanation.append(
                f"The chip is not named ('{claim.subject_query}'): no spec sheet can confirm or refute the figure."
            )
            return self._finish(judgement, [])
        if subject is None:
            return self._not_in_catalogue(claim, claim.subject_query, "the chip")
        if claim.undefined:
            judgement = Judgement(claim, Outcome.UNKNOWN, claimed=self._claimed_text(claim))
            judgement.explanation.append(
                f"{claim.undefined}; the catalogue records no such figure, so it cannot be checked."
            )
            return self._finish(judgement, [])
        if claim.kind in ("ratio", "comparison"):
            if claim.rival_unnamed:
                judgement = Judgement(claim, Outcome.UNKNOWN, claimed=claim.ratio_text)
                judgement.explanation.append(
                    f"'{claim.rival_query}' ({claim.ratio_text}) is a comparison with every chip on the market, "
                    "which the catalogue cannot rank; the figures stated beside it are checked on their own."
                    if claim.rule == "superlative"
                    else f"The rival is not named ('{claim.rival_query}'): no figure can be checked against it."
                )
                return self._finish(judgement, [])
            if self.catalogue.chips.get(claim.rival or "") is None:
                return self._not_in_catalogue(claim, claim.rival_query, "the rival")
        if claim.kind == "ratio":
            judgement = self._ratio(claim, subject)
            for alternative in claim.ratio_alternatives:
                # "提升3倍" is written for 3x and for 4x: the claim holds if either reading does.
                other = self._ratio(replace(claim, ratio=alternative, ratio_alternatives=()), subject)
                if other.verdict == Verdict.SUPPORTED and judgement.verdict != Verdict.SUPPORTED:
                    other.explanation.insert(
                        0, f"'{claim.ratio_text}' read as {fmt(alternative)}x (提升N倍 = N+1 times)."
                    )
                    return replace(other, claim=claim)
            return judgement
        if claim.kind == "comparison":
            return self._comparison(claim, subject)
        judgement = self._value(claim, subject)
        readings = [
            (o, self._value(replace(claim, subject=o, other_subjects=()), c))
            for o in claim.other_subjects
            if (c := self.catalogue.chips.get(o)) is not None
        ]
        if any(other.verdict != judgement.verdict for _o, other in readings):
            judgement.outcome, judgement.verdict = Outcome.UNKNOWN, Verdict.UNVERIFIABLE.value
            for other_id, other in readings:
                judgement.explanation.append(
                    f"The text also names {self.catalogue.chips[other_id].name}: for it the figure is "
                    f"{other.verdict} ({'; '.join(other.explanation[:1])}). Which chip is meant decides, "
                    "and the text does not say."
                )
            return judgement
        if judgement.verdict == Verdict.FALSE and claim.value and _THOUSANDS.fullmatch(claim.value_text or ""):
            # "2.048 TOPS" in a text translated from Italian or German is 2048: read both ways.
            other = self._value(replace(claim, value=claim.value * 1000), subject)
            if other.verdict != Verdict.FALSE:
                judgement.outcome, judgement.verdict = Outcome.UNKNOWN, Verdict.UNVERIFIABLE.value
                judgement.explanation.append(
                    f"'{claim.value_text}' may use '.' as a thousands separator: read as "
                    f"{fmt(claim.value * 1000)} it is {other.verdict}, so the figure is ambiguous."
                )
        return judgement

    def _stated_ratio(self, claim: Claim) -> Judgement:
        """A ratio given with the two figures it comes from ("nearly double (141 GB vs. 80 GB)"):
        the text's own arithmetic, whoever the rival is. Each figure is a claim of its own."""
        assert claim.value is not None and claim.rival_value and claim.ratio is not None
        stated = claim.value / claim.rival_value
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=claim.ratio_text)
        steps, flags = judgement.explanation, []
        steps.append(
            f"The text's own figures: {claim.value_text} / {claim.rival_value_text} = {times(stated)}; "
            f"claimed {QUALIFIER_WORDS.get(claim.qualifier, 'is')} {times(claim.ratio)} ('{claim.ratio_text}')."
        )
        judgement.ratio, judgement.actual_text = stated, times(stated)
        tol = ratio_tolerance(claim.ratio_text, claim.ratio)
        for ratio in (claim.ratio, *claim.ratio_alternatives):
            ok, rounded = holds(stated, ratio, claim.qualifier, tol)
            if ok:
                judgement.outcome = Outcome.HOLDS
                if rounded:
                    flags.append("rounded-up")
                steps.append(f"{times(stated)} is {times(ratio)} as written: the arithmetic holds.")
                break
        else:
            off = abs(stated - claim.ratio) / stated
            if off <= max(CLOSE, 1.5 * tol):
                # "nearly double" for 141 / 80 = 1.76x: a round ratio stretched, as a figure within 10% is
                judgement.outcome = Outcome.NEAR
                steps.append(f"{times(stated)} is near '{claim.ratio_text}' but not what is claimed.")
            else:
                steps.append(f"The stated figures do not give '{claim.ratio_text}' ({_off(stated, claim.ratio)}).")
        steps.append("Each stated figure is checked on its own against the catalogue.")
        return self._finish(judgement, flags)

    def _not_in_catalogue(self, claim: Claim, name: str | None, role: str) -> Judgement:
        judgement = Judgement(claim, Outcome.UNKNOWN, claimed=claim.value_text or claim.ratio_text)
        if claim.doubts and name and any(name in d or "refers to no chip" in d for d in claim.doubts):
            judgement.explanation.append(f"Which chip is meant is uncertain: {'; '.join(claim.doubts)}.")
        else:
            judgement.explanation.append(
                f"{name!r} ({role}) is not in the catalogue, so its figures cannot be checked; "
                "nothing is pinned on another chip."
            )
        return self._finish(judgement, [])

    # -- stated values -------------------------------------------------------------------

    def _value(self, claim: Claim, chip: Chip) -> Judgement:
        """Dispatch through the metric table. A figure that misses, for a family named alone
        ("910B"), by no more than its SKUs differ (:data:`VARIANT_SPREAD`), while some of its SKUs
        record no such figure, may be one of theirs: it is not called false or misleading."""
        judgement = self._value_by_metric(claim, chip)
        if claim.count_apart and judgement.outcome is not Outcome.HOLDS:
            judgement = self._one_card(claim, chip, judgement)
        if judgement.outcome not in (Outcome.CONTRADICTED, Outcome.NEAR) or not claim.value:
            return judgement
        per_device = claim.value / max(claim.count, 1)
        actual, actual_text = judgement.actual, ""
        if not actual and (nearest := self._nearest_peak(claim, chip, per_device)) is not None:
            actual, actual_text = nearest[0], f" {nearest[1]}"
        if not actual or abs(per_device / actual - 1) > VARIANT_SPREAD:
            return judgement
        unknown = self._family_unknowns(claim, chip)
        if unknown:
            judgement.outcome = Outcome.UNKNOWN
            judgement.verdict = decide(Outcome.UNKNOWN, judgement.flags, claim.doubts)[0]
            judgement.explanation.append(
                f"The text names the {chip.family} family, not one of its SKUs, and {', '.join(unknown)} "
                f"record no such figure: within {VARIANT_SPREAD:.0%} of {chip.name}'s{actual_text}, "
                "it may be one of theirs."
            )
        return judgement

    def _one_card(self, claim: Claim, chip: Chip, together: Judgement) -> Judgement:
        """A table row that counts its cards in one cell and gives a figure in another
        ("| 8xA100 40GB | 1.6TB/s |") does not say whether the figure is one card's or theirs
        together: it is judged as whichever reading holds better."""
        alone = self._value_by_metric(replace(claim, count=1, count_apart=False), chip)
        cell = f"The row counts {claim.count} cards in another cell than the figure"
        if Verdict(alone.verdict).severity > Verdict(together.verdict).severity:
            alone.explanation.insert(0, f"{cell}; read as one card's figure, not theirs together.")
            return alone
        one = f": one has {alone.actual_text}" if alone.actual_text else ""
        together.explanation.append(f"{cell}; read as one card's figure, it misses too{one}.")
        return together

    def _nearest_peak(self, claim: Claim, chip: Chip, per_device: float) -> tuple[float, str] | None:
        """For a throughput figure that names no precision ("实现320TFLOPS算力"), the chip's dense
        figure of the rate it counts (FLOPS or OPS) nearest to it, and its text ("353 TFLOPS FP16");
        None for any other claim."""
        if claim.metric != "throughput" or claim.precisions:
            return None
        kind = claim.unit_kind if claim.unit_kind in ("flop_rate", "op_rate") else None
        values = [
            (dense, f"{fmt(dense)} {_unit(precision)} {precision_label(precision)}")
            for precision in dict.fromkeys(f.precision for f in chip.throughput() if f.precision)
            if kind is None or kind == ("op_rate" if precision.startswith("int") else "flop_rate")
            for _figure, dense in self._dense_figures(chip, precision, None)
            if dense > 0
        ]
        return min(values, key=lambda v: abs(per_device / v[0] - 1), default=None)

    def _family_unknowns(self, claim: Claim, chip: Chip) -> list[str]:
        """The SKUs of the family the claim names alone that record no figure for the claim's
        metric and precision; empty when the text names one SKU."""
        family = chip.family or ""
        if not (self._names_family(claim) or chip.name.casefold() == family.casefold()):
            return []
        field = METRICS[claim.metric].field
        unknown = []
        for sibling in self._siblings(chip):
            if claim.metric == "throughput":
                known = any(not claim.precisions or f.precision in claim.precisions for f in sibling.throughput())
            else:
                known = field is not None and sibling.preferred(field) is not None
            if not known:
                unknown.append(sibling.name)
        return unknown

    def _value_by_metric(self, claim: Claim, chip: Chip) -> Judgement:
        judged_by = METRICS[claim.metric].judged_by
        if judged_by == "throughput":
            return self._throughput_value(claim, chip)
        if judged_by == "area":
            return self._area_value(claim, chip)
        if judged_by == "per_watt":
            return self._per_watt_value(claim, chip)
        if judged_by == "memory_type":
            return self._memory_type(claim, chip)
        if judged_by == "host_link":
            return self._host_link(claim, chip)
        if judged_by == "design":
            return self._design(claim, chip)
        if judged_by == "not_catalogued":
            judgement = Judgement(claim, Outcome.UNKNOWN, claimed=self._claimed_text(claim))
            judgement.explanation.append(
                f"The catalogue does not record {METRICS[claim.metric].label} figures, so this cannot be checked."
            )
            return self._finish(judgement, [])
        return self._scalar_value(claim, chip)

    def _host_link(self, claim: Claim, chip: Chip) -> Judgement:
        """ "PCI Express Gen 4, offering 31.5 GB/sec": the bandwidth against those the recorded host
        interface gives, as printed or from its generation and lanes (:mod:`~specbench.claims.hostlink`)."""
        assert claim.value is not None
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=self._claimed_text(claim))
        steps = judgement.explanation
        figure = chip.preferred("host_interface")
        rates = link_rates(str(figure.value)) if figure is not None else []
        lane = self._lane_rate(claim, figure)
        if lane is not None:  # "PCIe 4.0(速率16Gb/s)": the signalling rate of one lane, as PCI-SIG gives it
            assert figure is not None
            steps.append(f"{chip.name} host interface: {figure.text} [{', '.join(figure.sources)}].")
            steps.append(lane)
            judgement.outcome = Outcome.HOLDS
            return self._finish(judgement, [])
        if figure is None or not rates:
            judgement.outcome = Outcome.UNKNOWN
            note = f": its host interface is recorded as {figure.text}, with no lane count" if figure else ""
            steps.append(f"{chip.name}'s host link bandwidth is not in the catalogue{note}.")
            return self._finish(judgement, [])
        steps.append(f"{chip.name} host interface: {figure.text} [{', '.join(figure.sources)}].")
        named, recorded = generations(claim.link or ""), generations(str(figure.value))
        if named and recorded and named.isdisjoint(recorded):
            # "Gen5 64 GB/s" for a PCIe 4.0 part: whatever the number, the link named is not the chip's
            said, has = (" or ".join(f"PCIe {g}.0" for g in sorted(x)) for x in (named, recorded))
            steps.append(f"The text names {said} ('{claim.link}'); {chip.name}'s host interface is {has}.")
            return self._finish(judgement, [])
        tol = tolerance(claim.value_text)
        matched = [(rate, how) for rate, how in rates if holds(rate, claim.value, claim.qualifier, tol)[0]]
        rate, how = matched[0] if matched else max(rates)
        judgement.actual, judgement.actual_unit, judgement.actual_text = rate, "GB/s", f"{fmt(rate)} GB/s"
        if matched:
            judgement.outcome = Outcome.HOLDS
            steps.append(f"It is the link's bandwidth, {how}.")
        else:
            steps.append(f"Claimed {fmt(claim.value)} GB/s; the link gives " + "; ".join(h for _r, h in rates) + ".")
        return self._finish(judgement, [])

    @staticmethod
    def _lane_rate(claim: Claim, figure: Figure | None) -> str | None:
        """How a rate written in bits ("16Gb/s") is one lane's signalling rate of the recorded PCIe
        generation (16 GT/s for PCIe 4.0), or None."""
        if figure is None or claim.dimension is not Dimension.BANDWIDTH_BITS or claim.value is None:
            return None
        for gen in sorted(generations(str(figure.value)) | generations(claim.link or "")):
            if abs(claim.value * 8 - GT_PER_LANE[gen]) < 0.01 * GT_PER_LANE[gen]:
                return f"It is one lane's signalling rate of PCIe {gen}.0, {fmt(GT_PER_LANE[gen])} GT/s (PCI-SIG)."
        return None

    def _memory_type(self, claim: Claim, chip: Chip) -> Judgement:
        """'采用HBM3': the type named against the recorded one; a generic 'HBM' holds for any HBM."""
        said = _memory_key(claim.value_text or "")
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=claim.value_text)
        figure = chip.preferred("memory_type")
        if figure is None:
            judgement.outcome = Outcome.UNKNOWN
            judgement.explanation.append(f"{chip.name}'s memory type is not in the catalogue.")
            return self._finish(judgement, [])
        recorded = _memory_key(str(figure.value))
        judgement.actual_text = str(figure.value)
        judgement.explanation.append(f"{chip.name} memory type: {figure.text} [{', '.join(figure.sources)}].")
        choices = _memory_choices(said)
        if any(recorded.startswith(c) for c in choices):  # "HBM2" names the family of "HBM2e", "HBM" any HBM
            judgement.outcome = Outcome.HOLDS
            if len(choices) > 1:
                judgement.explanation.append(
                    f"{claim.value_text} names {len(choices)} types, one per version; {figure.text} is among them."
                )
        else:
            for other in chip.alternatives("memory_type"):
                if any(_memory_key(str(other.value)).startswith(c) for c in choices):
                    # "40GB HBM2e" for the A100 40GB: a source the catalogue does not prefer says so
                    judgement.explanation.append(_another_source(other))
                    judgement.outcome = Outcome.ELSEWHERE
                    return self._finish(judgement, ["conflicting-sources"])
            if not self._names_sku(claim):
                for sibling in self._siblings(chip):
                    theirs = sibling.preferred("memory_type")
                    size = sibling.preferred("memory_capacity")
                    named = size is not None and size.is_numeric and f"{float(size.value):g}" in claim.sentence
                    if theirs is None and named:
                        # "H20 has 141GB of HBM3e": the H20 141GB's memory type is not recorded
                        judgement.explanation.append(
                            f"{claim.value_text} is not {chip.name}'s memory ({figure.text}), but the family's "
                            f"{sibling.name} has no recorded memory type, and the text may mean it."
                        )
                        judgement.outcome = Outcome.UNKNOWN
                        return self._finish(judgement, [])
                    if theirs is not None and any(_memory_key(str(theirs.value)).startswith(c) for c in choices):
                        judgement.explanation.append(f"It is the memory of another SKU, {sibling.name}: {theirs.text}.")
                        judgement.outcome = Outcome.ELSEWHERE
                        return self._finish(judgement, ["sku-mismatch"])
            judgement.explanation.append(f"{claim.value_text} is not {chip.name}'s memory ({figure.text}).")
        return self._finish(judgement, [])

    def _names_sku(self, claim: Claim) -> bool:
        """Whether the text names a SKU by its form factor alone ("H100 SXM5"), not a family
        ("H100") nor a name with a memory size ("A100 80GB", "A100 PCIe 40GB"), whose siblings'
        memory is looked at."""
        name = (claim.subject_query or "").casefold()
        return not self._names_family(claim) and not _SIZE_IN_NAME.search(name) and _names_form(name)

    def _design(self, claim: Claim, chip: Chip) -> Judgement:
        """A design fact (process node, PCIe generation, a precision supported, the number of dies)
        against the catalogue's record; what it does not record stays unverifiable."""
        judgement = Judgement(claim, Outcome.UNKNOWN, claimed=claim.value_text)
        steps = judgement.explanation
        label = METRICS[claim.metric].label
        recorded: str | None = None
        holds: bool | None = None
        if claim.metric == "precision_support":
            (precision,) = claim.precisions
            name = precision_label(precision)
            judgement.claimed = f"{name} {'supported' if claim.value else 'not supported'}"
            figures = [f for f in chip.throughput() if f.precision == precision]
            support = chip.support_for(precision)
            if figures:
                recorded, supported = f"supported ({name} peak {figures[0].text})", True
                sources = figures[0].sources
            elif support is not None:
                recorded, supported = ("supported" if support.supported else "not supported"), support.supported
                sources = support.sources
            else:
                steps.append(f"The catalogue records no {name} figure or support for {chip.name}.")
                return self._finish(judgement, [])
            steps.append(f"{chip.name} {name}: {recorded} [{', '.join(sources)}].")
            holds = supported == bool(claim.value)
        else:
            figure = chip.preferred(METRICS[claim.metric].field or claim.metric)
            if figure is None:
                steps.append(f"{chip.name}'s {label} is not in the catalogue.")
                return self._finish(judgement, [])
            recorded = figure.text
            steps.append(f"{chip.name} {label}: {figure.text} [{', '.join(figure.sources)}].")
            holds = _design_holds(claim, recorded)
            field = METRICS[claim.metric].field or claim.metric
            for other in chip.alternatives(field) if holds is False else []:
                if _design_holds(claim, other.text):
                    # sources disagree and the text sides with one the catalogue does not prefer:
                    # the record cannot call it false
                    steps.append(_another_source(other))
                    judgement.actual_text = recorded
                    return self._finish(judgement, ["conflicting-sources"])
        judgement.actual_text = recorded
        if holds is None and claim.metric == "launch":
            off = (
                "one year off" if (claim.value_text or "")[:4] != recorded[:4] else "in the year but not on the date of"
            )
            steps.append(
                f"'{claim.value_text}' is {off} the recorded {recorded}: a chip is often announced months before "
                "it ships, and the record does not say which of the two the text dates."
            )
        elif holds is None:
            steps.append(f"The record does not say whether '{claim.value_text}' is the same {label}.")
        elif holds:
            judgement.outcome = Outcome.HOLDS
        else:
            judgement.outcome = Outcome.CONTRADICTED
            if claim.metric == "precision_support":
                said = "supports" if claim.value else "does not support"
                steps.append(
                    f"The text says {chip.name} {said} {precision_label(claim.precisions[0])}; it is {recorded}."
                )
            else:
                steps.append(f"'{claim.value_text}' is not {chip.name}'s {label} ({recorded}).")
        return self._finish(judgement, [])

    def _per_watt_value(self, claim: Claim, chip: Chip) -> Judgement:
        judgement = Judgement(claim, Outcome.UNKNOWN, claimed=self._claimed_text(claim))
        judgement.explanation.append(
            "A figure per watt is checked as a ratio between chips; a stated TFLOPS/W value is not in the catalogue."
        )
        return self._finish(judgement, [])

    def _throughput_value(self, claim: Claim, chip: Chip) -> Judgement:
        assert claim.value is not None
        count = max(claim.count, 1)
        tol = tolerance(claim.value_text)
        per_device = claim.value / count
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=self._claimed_text(claim))
        steps = judgement.explanation
        flags: list[str] = []
        claimed_kind = claim.unit_kind if claim.unit_kind in ("flop_rate", "op_rate") else None
        if count > 1 or claim.scope & {"server", "node", "cluster"}:
            flags.append("aggregate-peak")
            steps.append(
                f"{claim.value_text} for {count} × {chip.name} is {fmt(per_device)} "
                f"{_unit_of_kind(claimed_kind) or 'per device'} per device: {count} × peak, "
                "with no scaling loss counted."
            )

        precisions = list(claim.precisions)
        like_for_like = None
        for precision in precisions:
            for figure, dense in self._dense_figures(chip, precision, claim.execution):
                like_for_like = (figure, dense, precision)
                break
            if like_for_like:
                break
            support = chip.support_for(precision)
            word = "/".join(claim.precision_words) or precision_label(precision)
            if support is not None and support.supported and len(precisions) > 1:
                steps.append(
                    f"{word} may mean {' or '.join(precision_label(p) for p in precisions)}; "
                    f"{chip.name} supports {precision_label(precision)} but its peak is not published."
                )
            elif len(precisions) > 1:
                steps.append(f"{chip.name} has no published {precision_label(precision)} figure.")

        if like_for_like is not None and claim.sparsity == "sparse" and like_for_like[0].sparsity != "unknown":
            # The claim says "with sparsity": its basis is the 2:4 sparse figure, exactly 2x dense.
            figure, dense, precision = like_for_like
            steps.append(self._figure_step(chip, figure, dense, precision))
            steps.append(f"The claim states sparsity: the 2:4 sparse figure is 2 × {fmt(dense)} = {fmt(dense * 2)}.")
            like_for_like = (figure, dense * 2, precision)
            figure, dense, precision = like_for_like
            ok, rounded = holds(dense, per_device, claim.qualifier, tol)
        elif like_for_like is not None:
            figure, dense, precision = like_for_like
            ok, rounded = holds(dense, per_device, claim.qualifier, tol)
            steps.append(self._figure_step(chip, figure, dense, precision))
        if like_for_like is not None:
            judgement.actual, judgement.actual_unit = dense * count, _unit(precision)
            judgement.actual_text = f"{fmt(dense * count)} {_unit(precision)}"
            if claimed_kind and claimed_kind != ("op_rate" if precision.startswith("int") else "flop_rate"):
                stated = precision in claim.precisions
                # "INT8 TFLOPS" beside a stated INT8 names the unit loosely; "2 PFLOPS" with no
                # precision lets a reader take integer operations for floating-point ones.
                flags.append("unit-name" if stated else "unit-confusion")
                steps.append(
                    f"The claim counts {_unit_of_kind(claimed_kind)}; {precision_label(precision)} "
                    f"is counted in {_unit(precision)}"
                    + (": the precision is stated, so only the unit's name is loose." if stated else ".")
                )
            if ok:
                steps.append(
                    f"Claimed {QUALIFIER_WORDS.get(claim.qualifier, 'is')} {fmt(per_device)} "
                    f"per device: holds ({fmt(dense)} {_unit(precision)})."
                )
                if rounded:
                    flags.append("rounded-up")
                judgement.outcome, judgement.basis = Outcome.HOLDS, figure.execution
                if claim.qualifier != "equals" and not holds(dense, per_device, "equals", tol)[0]:
                    self._target_match(chip, precision, per_device, tol, flags, steps)
            else:
                steps.append(
                    f"Claimed {QUALIFIER_WORDS.get(claim.qualifier, 'is')} {fmt(per_device)}; "
                    f"the like-for-like figure is {fmt(dense)} ({_off(dense, per_device)})."
                )
        else:
            if precisions:
                steps.append(
                    f"{chip.name} has no published figure for {'/'.join(precision_label(p) for p in precisions)}."
                )
            else:
                steps.append("The claim names no precision; searching all of the chip's published figures.")

        unsupported = [p for p in precisions if (x := chip.support_for(p)) is not None and not x.supported]
        if precisions and len(unsupported) == len(precisions):
            support = chip.support_for(unsupported[0])
            assert support is not None
            steps.append(
                f"{chip.name} does not support {precision_label(unsupported[0])} "
                f"[{', '.join(support.sources)}]" + (f": {support.note}" if support.note else ".")
            )
            judgement.outcome = Outcome.CONTRADICTED
            # the number may be another precision's figure, put under this one ("FP8 | 312" for
            # the A100's FP16 312): that is how the claim was made, misleading rather than invented
            match = self._search_value(chip, per_device, replace(claim, precisions=()), tol, claimed_kind, None)
            if match is not None:
                figure, value, how, _match_flags = match
                cited = ", ".join(figure.sources)
                steps.append(f"The number is {how}: {fmt(value)} {_unit(figure.precision)} [{cited}].")
                flags.append("precision-mismatch")
                judgement.outcome = Outcome.ELSEWHERE
            self._chip_flags(chip, claim, flags, steps)
            return self._finish(judgement, flags)
        if judgement.outcome is not Outcome.HOLDS:
            match = self._search_value(chip, per_device, claim, tol, claimed_kind, exclude=like_for_like)
            if match is not None:
                figure, value, how, match_flags = match
                flags += match_flags
                steps.append(
                    f"The number matches {how}: {fmt(value)} {_unit(figure.precision)} [{', '.join(figure.sources)}]."
                )
                twin = (
                    None
                    if precisions or set(match_flags) & FRAMING
                    else self._sparse_twin(chip, figure, value, claim, tol)
                )
                if twin is not None:
                    steps.append(
                        f"It is also {chip.name}'s {precision_label(twin.precision or '')} figure with 2:4 sparsity "
                        f"({twin.text}); with no precision named, the text may mean that one, sold as plain."
                    )
                    judgement.outcome = Outcome.UNKNOWN
                    self._chip_flags(chip, claim, flags, steps)
                    return self._finish(judgement, flags)
                if (
                    like_for_like is None
                    and precisions
                    and "precision-mismatch" in match_flags
                    and "vendor-format" not in match_flags  # Biren's TF32+ sold as TF32 is the known trap
                ):
                    # "L20 单精度 FP32 有 59.8 TFLOPS" equals its TF32 figure, but its FP32 peak is simply
                    # unpublished and may be the same number: a guess either way
                    steps.append(
                        f"{chip.name}'s {'/'.join(precision_label(p) for p in precisions)} peak is not in the "
                        "catalogue, and may be this number too: the match on another precision is not proof."
                    )
                    judgement.outcome = Outcome.UNKNOWN
                    self._chip_flags(chip, claim, flags, steps)
                    return self._finish(judgement, [f for f in flags if f != "precision-mismatch"])
                if not judgement.actual:
                    judgement.actual, judgement.actual_unit = value * count, _unit(figure.precision)
                judgement.actual_text = judgement.actual_text or f"{fmt(value * count)} {_unit(figure.precision)}"
                # a figure only a source the catalogue does not prefer gives holds on that source alone,
                # as a memory or TDP figure does
                elsewhere = set(match_flags) & (FRAMING | {"conflicting-sources", "sku-mismatch"})
                peak = None if precisions or claim.qualifier != "up_to" else self._top_figure(chip, figure)
                if peak is not None and peak[1] > _FAR_BELOW_PEAK * value:
                    # "A100具备高达19.5TFLOPS的浮点运算能力": 'up to' gives one precision's figure as the
                    # chip's peak, which is another precision's, sixteen times higher
                    top, label = peak[0], precision_label(peak[0].precision or "")
                    steps.append(
                        f"'Up to' gives it as {chip.name}'s peak, but that is {label} "
                        f"{fmt(peak[1])} {_unit(top.precision)} [{', '.join(top.sources)}]."
                    )
                    flags.append("precision-mismatch")
                    elsewhere = {"precision-mismatch"}
                judgement.outcome = Outcome.ELSEWHERE if elsewhere else Outcome.HOLDS
                judgement.basis = figure.execution
            elif like_for_like is None and not precisions:
                judgement.outcome = Outcome.CONTRADICTED
            elif like_for_like is None:
                judgement.outcome = Outcome.UNKNOWN
                steps.append(
                    f"Not in the catalogue: {chip.name} {'/'.join(precision_label(p) for p in precisions)} peak."
                )
            elif abs(judgement.actual or 0) and judgement.outcome is not Outcome.HOLDS:
                off = abs((judgement.actual or 0) / count - per_device) / ((judgement.actual or 1) / count)
                judgement.outcome = Outcome.NEAR if off <= CLOSE else Outcome.CONTRADICTED
                # a sparse figure is a matrix unit's: vector units have no structured sparsity
                unit = (
                    None
                    if claim.sparsity == "sparse"
                    else self._unrecorded_unit(chip, claim, like_for_like, per_device)
                )
                if judgement.outcome is Outcome.CONTRADICTED and unit is not None:
                    judgement.outcome = Outcome.UNKNOWN
                    steps.append(
                        f"The claim does not say which unit runs it, and {chip.name}'s "
                        f"{precision_label(like_for_like[2])} {unit} figure is not in the catalogue: "
                        f"{fmt(per_device)}, below the {like_for_like[0].execution} peak, may be that one."
                    )
        if judgement.outcome is Outcome.CONTRADICTED and count == 1:
            self._system_total(chip, claim, per_device, tol, claimed_kind, judgement, flags)

        self._chip_flags(chip, claim, flags, steps)
        return self._finish(judgement, flags)

    def _system_total(
        self,
        chip: Chip,
        claim: Claim,
        value: float,
        tol: float,
        claimed_kind: str | None,
        judgement: Judgement,
        flags: list[str],
    ) -> None:
        """A figure no basis of one device gives that is a standard server's total: "| Performance
        (FP8) | Up to 32 petaFLOPS |" in an H100 column is 8 × 3958 sparse, an 8-GPU HGX board's."""
        devices = SERVER_DEVICES
        match = self._search_value(chip, value / devices, claim, tol, claimed_kind, None)
        if match is None or match[0].precision not in claim.precisions or "precision-mismatch" in match[3]:
            return  # another precision's figure times eight is a coincidence more than a server
        figure, found, how, match_flags = match
        judgement.explanation.append(
            f"It is {devices} × {how}, {fmt(found)} {_unit(figure.precision)} "
            f"[{', '.join(figure.sources)}]: the total of {devices} devices, given as one device's."
        )
        flags += [*match_flags, "aggregate-peak"]
        judgement.outcome = Outcome.ELSEWHERE

    @staticmethod
    def _top_figure(chip: Chip, like: Figure) -> tuple[Figure, float] | None:
        """The chip's highest dense figure of the kind of ``like`` (floating point or integer)."""
        integer = (like.precision or "").startswith("int")
        found = [
            (f, float(f.value) / (2 if f.sparsity == "sparse" else 1))
            for f in chip.throughput()
            if f.is_numeric and f.preferred is not False and (f.precision or "").startswith("int") == integer
        ]
        return max(found, key=lambda item: item[1]) if found else None

    @staticmethod
    def _unrecorded_unit(
        chip: Chip, claim: Claim, like_for_like: tuple[Figure, float, str], per_device: float
    ) -> str | None:
        """The execution unit a figure below the recorded peak may belong to, when the claim names
        no unit and the catalogue holds no figure of that unit for the precision: "BF16 TFLOPS |
        120" in a table whose next row is "BF16 TFLOPS Tensor" is the H100's vector figure, which
        the catalogue does not record; it is not a wrong matrix figure."""
        figure, dense, precision = like_for_like
        if claim.execution or figure.execution != "matrix" or per_device >= dense or precision in MATRIX_ONLY:
            return None  # "141 TFLOPS FP8": FP8 has no vector figure for 141 to be
        units = {f.execution for f in chip.throughput() if f.precision == precision}
        return None if "vector" in units else "vector"

    @staticmethod
    def _target_match(chip: Chip, precision: str, value: float, tol: float, flags: list[str], steps: list[str]) -> None:
        """'达15 TFLOPS' holds against 18, but 15 is exactly the pre-launch target: say so."""
        for figure in chip.throughput():
            if figure.status == "target" and figure.precision == precision and figure.is_numeric:
                if holds(float(figure.value), value, "equals", tol)[0]:
                    flags.append("target-spec")
                    steps.append(
                        f"The number is exactly {chip.name}'s {figure.text} [{', '.join(figure.sources)}]: {figure.why}"
                    )
                    return

    def _area_value(self, claim: Claim, chip: Chip) -> Judgement:
        assert claim.value is not None
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=f"{claim.value_text} = {fmt(claim.value)} mm²")
        steps, flags = judgement.explanation, []
        tol = ROUNDING
        die, package = chip.preferred("die_area"), chip.preferred("package_area")
        if die and die.is_numeric and holds(float(die.value), claim.value, "equals", tol)[0]:
            judgement.outcome, judgement.actual_text = Outcome.HOLDS, f"{fmt(float(die.value))} mm² per die"
            steps.append(f"{chip.name}'s compute die is {die.text} [{', '.join(die.sources)}].")
        elif (
            die
            and die.is_numeric
            and (dies := chip.compute_dies or 0) > 1
            and holds(dies * float(die.value), claim.value, "equals", tol)[0]
        ):
            judgement.outcome = Outcome.HOLDS
            judgement.actual_text = f"{dies} × {fmt(float(die.value))} mm² = {fmt(dies * float(die.value))} mm²"
            steps.append(
                f"{chip.name} has {dies} compute dies of {die.text} [{', '.join(die.sources)}]: "
                f"{fmt(claim.value)} mm² is their total, not one die."
            )
            flags.append("multi-die")
            if not claim.scope & {"package", "total"}:
                flags.append("package-not-die")
                steps.append("The text gives the total of several dies as the size of one chip.")
        elif package and package.is_numeric and holds(float(package.value), claim.value, "equals", tol)[0]:
            judgement.actual_text = f"{fmt(float(package.value))} mm² package"
            steps.append(
                f"{claim.value_text} = {fmt(claim.value)} mm² is {chip.name}'s package "
                f"({package.text}) [{', '.join(package.sources)}], not a die."
            )
            if not claim.scope & {"package"} or "single_chip" in claim.scope:
                flags.append("package-not-die")
                steps.append(
                    "A package can hold several dies and memory stacks: calling it the size of a "
                    "chip overstates the silicon. Die count and die area are "
                    + ("not published." if chip.compute_dies is None and die is None else "as recorded.")
                )
                judgement.outcome = Outcome.ELSEWHERE
            else:
                judgement.outcome = Outcome.HOLDS
        elif die is None and package is None:
            judgement.outcome = Outcome.UNKNOWN
            steps.append(f"{chip.name}'s die and package areas are not in the catalogue.")
        else:
            steps.append(f"No recorded area of {chip.name} matches {fmt(claim.value)} mm².")
        return self._finish(judgement, flags)

    def _scalar_value(self, claim: Claim, chip: Chip) -> Judgement:
        assert claim.value is not None
        metric = claim.metric
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=self._claimed_text(claim))
        steps: list[str] = judgement.explanation
        flags: list[str] = []
        figure = chip.preferred(metric)
        tol = tolerance(claim.value_text)
        value = claim.value  # bits per second are already converted to bytes by the tokenizer
        count = max(claim.count, 1)
        if count > 1 and metric in ADDITIVE:
            value /= count
            steps.append(f"{claim.value_text} for {count} × {chip.name} is {fmt(value)} per device.")
        if figure is None or not figure.is_numeric:
            judgement.outcome = Outcome.UNKNOWN
            steps.append(f"{chip.name}'s {metric.replace('_', ' ')} is not in the catalogue.")
            return self._finish(judgement, flags)
        actual = float(figure.value)
        judgement.actual, judgement.actual_unit = actual, _metric_unit(metric)
        judgement.actual_text = f"{fmt(actual)} {_metric_unit(metric)}".strip()
        steps.append(f"{chip.name} {metric.replace('_', ' ')}: {figure.text} [{', '.join(figure.sources)}].")
        if metric == "interconnect" and claim.direction and figure.direction != "unknown":
            value = self._in_direction(claim, figure, value, steps)
        # a direction stated against a record that does not say which it counts: a mismatch of 2x
        # may be the two counts, and is no finding
        direction_unknown = metric == "interconnect" and bool(claim.direction) and figure.direction == "unknown"
        ok, rounded = holds(actual, value, claim.qualifier, tol)
        if ok:
            judgement.outcome = Outcome.HOLDS
            if rounded:
                flags.append("rounded-up")
            if metric == "transistors" and (chip.compute_dies or 1) > 1 and "single_chip" in claim.scope:
                flags.append("package-not-die")
                steps.append(
                    f"{chip.name} has {chip.compute_dies} compute dies: the count is theirs together, not one die's."
                )
        else:
            steps.append(f"Claimed {fmt(value)}; recorded {fmt(actual)} ({_off(actual, value)}).")
            self._one_part(judgement, chip, figure, actual, value, tol)
        if (
            judgement.outcome is Outcome.CONTRADICTED
            and metric == "memory_capacity"
            and holds(actual, value * 1.073741824, "equals", tol)[0]
        ):
            # "64 GB" for 64 GiB is how every vendor labels HBM capacity: the convention, not an error,
            # and the chip's own figure, so no other SKU or source is looked for.
            steps.append(
                f"It is the same capacity in binary units: {fmt(value)} GiB = {fmt(actual)} GB, "
                "and vendors label HBM capacities in GiB as 'GB'."
            )
            judgement.outcome = Outcome.HOLDS
        if judgement.outcome is Outcome.CONTRADICTED:
            for other in chip.alternatives(metric):
                if other.is_numeric and holds(float(other.value), value, claim.qualifier, tol)[0]:
                    flags.append("target-spec" if other.status == "target" else "conflicting-sources")
                    steps.append(_another_source(other))
                    judgement.outcome = Outcome.ELSEWHERE
            family_named = self._names_family(claim)
            for sibling in self._siblings(chip):
                # the sibling's preferred figure, else another it records ("the H100's 300 W": the
                # PCIe card's configurable 300-350 W)
                theirs = next(
                    (
                        f
                        for f in (sibling.preferred(metric), *sibling.alternatives(metric))
                        if f is not None and f.is_numeric and holds(float(f.value), value, claim.qualifier, tol)[0]
                    ),
                    None,
                )
                if theirs is not None:
                    if theirs is sibling.preferred(metric) and (
                        family_named or _same_capacity_named(claim.subject_query or "", sibling)
                    ):
                        # "V100 comes with 16GB and 32GB options": each is one of its SKUs; "A100 80GB"
                        # names the SXM4 and the PCIe card alike
                        steps.append(
                            f"The text names the {chip.family} family, not a SKU, and it is the figure of "
                            f"its SKU {sibling.name}: {theirs.text} [{', '.join(theirs.sources)}]."
                        )
                        judgement.outcome = Outcome.HOLDS
                        break
                    flags.append("sku-mismatch")
                    steps.append(
                        f"It is the figure of another SKU, {sibling.name}: {theirs.text}{_not_preferred(theirs)}."
                    )
                    judgement.outcome = Outcome.ELSEWHERE
            if judgement.outcome is Outcome.CONTRADICTED and family_named and claim.qualifier == "equals":
                # "| Power Draw (TDP) | 70W | 260W |" under "A100": no A100 is 260 W, but the PCIe 40GB's
                # 250 W is within 10%: near one of the SKUs the text may mean, as near the named one's
                near = next(
                    (
                        (sibling, theirs)
                        for sibling in self._siblings(chip)
                        if (theirs := sibling.preferred(metric)) is not None
                        and theirs.is_numeric
                        and float(theirs.value) > 0
                        and abs(value - float(theirs.value)) / float(theirs.value) <= CLOSE
                    ),
                    None,
                )
                if near is not None:
                    steps.append(
                        f"The text names the {chip.family} family, not a SKU; {fmt(value)} is near its SKU "
                        f"{near[0].name}'s {near[1].text} ({_off(float(near[1].value), value)}) but not it."
                    )
                    judgement.outcome = Outcome.NEAR
            for factor, what in (
                (2.0, "one direction of a bidirectional figure"),
                (0.5, "both directions added"),
                (8.0, "gigabits read as gigabytes"),
            ):
                if metric not in ("memory_bandwidth", "interconnect"):
                    break  # half of a transistor count is not a direction of it
                if factor != 8.0 and (direction_unknown or metric != "interconnect"):
                    continue  # a memory's bandwidth has no directions; a link's may be counted one or both
                if holds(actual, value * factor, "equals", tol)[0] and judgement.outcome is Outcome.CONTRADICTED:
                    flags.append("unit-confusion")
                    steps.append(f"It matches if the number is {what}.")
                    judgement.outcome = Outcome.ELSEWHERE
            for other_metric in ("memory_bandwidth", "interconnect"):
                theirs = chip.preferred(other_metric) if other_metric != metric else None
                if (
                    metric in ("memory_bandwidth", "interconnect")
                    and theirs is not None
                    and theirs.is_numeric
                    and holds(float(theirs.value), value, "equals", tol)[0]
                    and judgement.outcome is Outcome.CONTRADICTED
                ):
                    flags.append("metric-mismatch")
                    steps.append(f"It is {chip.name}'s {other_metric.replace('_', ' ')}, {theirs.text}.")
                    judgement.outcome = Outcome.ELSEWHERE
            if judgement.outcome is Outcome.CONTRADICTED and abs(actual - value) / actual <= CLOSE:
                judgement.outcome = Outcome.ELSEWHERE
            if direction_unknown and judgement.outcome is Outcome.CONTRADICTED:
                direction = "one direction" if claim.direction == "one" else "both directions"
                steps.append(f"The text gives {direction}; the sources do not say which {figure.text} counts.")
                judgement.outcome = Outcome.UNKNOWN
        return self._finish(judgement, flags)

    @staticmethod
    def _in_direction(claim: Claim, figure: Figure, value: float, steps: list[str]) -> float:
        """The claimed link bandwidth counted as the record counts it: "450GB/s unidirectional"
        against a bidirectional figure is 900 both ways; "双向900GB/s" against a one-way figure is
        450 each way."""
        if claim.direction == "one" and figure.direction == "bidirectional":
            steps.append(
                f"The text gives one direction and the record counts both: {fmt(value)} each way "
                f"is {fmt(value * 2)} both ways."
            )
            return value * 2
        if claim.direction == "both" and figure.direction == "unidirectional":
            steps.append(
                f"The text gives both directions and the record counts one: {fmt(value)} both ways "
                f"is {fmt(value / 2)} each way."
            )
            return value / 2
        return value

    @staticmethod
    def _one_part(judgement: Judgement, chip: Chip, figure: Figure, actual: float, value: float, tol: float) -> None:
        """A figure of one part of the whole: one link of "8 * 64 GB/s", one compute die of a
        two-die package's transistors. It holds when the text says each; otherwise which it
        means is unknown."""
        claim, steps = judgement.claim, judgement.explanation
        product = _PRODUCT.match(figure.text)
        if product is not None:
            parts, what = int(product.group(1)), "link" if claim.metric == "interconnect" else "part"
        elif claim.metric == "transistors" and (chip.compute_dies or 1) > 1:
            parts, what = chip.compute_dies or 1, "compute die"
        elif claim.metric in _SHARED_BY_DIES and (chip.compute_dies or 1) > 1 and "each" in claim.scope:
            # "Each die receives 1.6TB/s memory bandwidth, for a total 3.2TB/s" (the 910C's two dies)
            parts, what = chip.compute_dies or 1, "compute die"
        else:
            return
        if not holds(actual / parts, value, claim.qualifier, tol)[0]:
            return
        if "each" in claim.scope:
            judgement.outcome = Outcome.HOLDS
            steps.append(f"Each {what}: {fmt(actual)} / {parts} = {fmt(actual / parts)}, as the text says.")
        else:
            judgement.outcome = Outcome.UNKNOWN
            steps.append(
                f"It is the figure of one {what} ({fmt(actual)} / {parts}); the text does not say whether it "
                f"means one {what} or all {parts}."
            )

    # -- ratios ------------------------------------------------------------------------------

    def _ratio(self, claim: Claim, subject: Chip) -> Judgement:
        rival = self.catalogue.chips.get(claim.rival or "")
        assert claim.ratio is not None
        shown = (
            "above 1x"
            if claim.qualifier == "greater"
            else "below 1x"
            if claim.relation == "less"
            else f"{fmt(claim.ratio)}x"
        )
        judgement = Judgement(claim, Outcome.CONTRADICTED, claimed=f"{claim.ratio_text} ({shown})")
        if rival is None:
            judgement.outcome = Outcome.UNKNOWN
            judgement.explanation.append(f"{claim.rival_query!r} is not in the catalogue.")
            return judgement
        steps: list[str] = judgement.explanation
        flags: list[str] = []
        tol = ratio_tolerance(claim.ratio_text, claim.ratio)
        metrics = [claim.metric, *claim.also]
        results: list[tuple[str, float | None, bool, list[str]]] = []  # (what, ratio, holds, flags)
        if claim.metric in ("throughput", "per_watt"):
            precisions = list(claim.precisions) or self._shared_precisions(subject, rival)
            per_watt = None
            if claim.metric == "per_watt":
                per_watt = self._power_ratio(subject, rival, steps)
                if per_watt is None:
                    judgement.outcome = Outcome.UNKNOWN
                    return self._finish(judgement, flags)
            mixed = [(p, q) for p in claim.precisions for q in claim.rival_precisions if p != q and per_watt is None]
            if mixed:
                # "FP8 delivers 733 TFLOPS (2.35x A100's BF16)": the pair as stated, then like for like
                precisions = list(claim.rival_precisions)
                results += [self._mixed_ratio(subject, rival, p, q, claim, tol, steps) for p, q in mixed]
            for precision in precisions:
                if per_watt is None:
                    results.append(self._precision_ratio(subject, rival, precision, claim, tol, steps))
                    continue
                raw = self._precision_ratio(
                    subject, rival, precision, replace(claim, ratio=claim.ratio / per_watt), tol, []
                )
                if raw[1] is None:
                    continue
                value = raw[1] * per_watt
                ok = holds(value, claim.ratio, claim.qualifier, tol)[0]
                steps.append(
                    f"{raw[0]} per watt: {times(raw[1])} × {per_watt:.4g} = {times(value)} — "
                    f"{'holds' if ok else 'does not hold'} against {claim.ratio_text}."
                )
                results.append((f"{raw[0]} per watt", value, ok, raw[3]))
        for metric in metrics:
            if metric in ("memory_bandwidth", "memory_capacity", "interconnect", "tdp", "transistors", "clock"):
                a, b = subject.preferred(metric), rival.preferred(metric)
                if a and b and a.is_numeric and b.is_numeric:
                    ratio = float(a.value) / float(b.value)
                    ok = holds(ratio, claim.ratio, claim.qualifier, tol)[0]
                    steps.append(
                        f"{metric.replace('_', ' ').capitalize()}: {a.text} / {b.text} = "
                        f"{times(ratio)} — {'holds' if ok else 'does not hold'}."
                    )
                    results.append((metric.replace("_", " "), ratio, ok, []))
                    if not ok:
                        results += self._sibling_ratios(subject, rival, metric, claim, tol, steps)
        if not results:
            judgement.outcome = Outcome.UNKNOWN
            steps.append(f"No figure of {subject.name} and {rival.name} can be compared for this claim.")
            return judgement

        if claim.metric in ("throughput", "per_watt") and not claim.precisions:
            results = self._headline(results, steps)
        known = [(what, ratio, ok, extra) for what, ratio, ok, extra in results if ratio is not None]
        if claim.metric == "throughput" and not claim.precisions:
            # a bare ratio is about the AI precisions: FP64 and FP32 are shown after them
            wide = {precision_label(p) for p in ("fp64", "fp32")}
            known.sort(key=lambda r: r[0] in wide)
        # The headline ratio is the first one measured like for like (same unit, no vendor format).
        clean = [r for r in known if not set(r[3]) & FRAMING]
        judgement.ratio = (clean or known)[0][1] if known else None
        judgement.actual_text = ", ".join(f"{r[0]} {times(r[1])}" for r in known)
        for _what, _ratio, _ok, extra in results:
            flags += extra
        like_for_like = [r for r in results if r[2] and not set(r[3]) & FRAMING]
        # a precision the claim names that one chip supports, or may, with no published figure (not
        # "the A100 has no FP8"): it cannot refute the claim, nor make it, and is left out of the count
        unmeasured = [
            precision_label(p)
            for p in claim.precisions
            if claim.metric == "throughput"
            and not all(self._dense_figures(c, p, None) for c in (subject, rival))
            and not any((x := c.support_for(p)) is not None and not x.supported for c in (subject, rival))
        ]
        measured = [r for r in results if r[0] not in unmeasured]
        if known and measured and all(r[2] for r in measured) and not set(flags) & FRAMING:
            judgement.outcome = Outcome.HOLDS
            if unmeasured:
                steps.append(f"Not measured on {', '.join(unmeasured)}: no published figure of both chips.")
        elif any(r[2] for r in results) or like_for_like:
            judgement.outcome = Outcome.ELSEWHERE
        else:
            # With no like-for-like pair (the rival lacks the precision), a pair within 10% on
            # another basis is how the claim was made: misleading, not unverifiable.
            # other pairs of throughput figures are how a throughput ratio may have been made; a
            # ratio of memory, bandwidth or power is about that metric alone
            searchable = claim.metric in ("throughput", "per_watt")
            match = self._search_ratio(subject, rival, claim, tol if known else CLOSE) if searchable else None
            near = [r for r in measured if r[1] is not None and not r[2]]
            if match and unmeasured:
                # "浮点、整型算力分别提升到1.8倍、3.6倍" with no INT8 figure for the rival: the ratio may be on
                # the precision nobody published, so a mixed pair is a guess, not a finding
                steps.append(
                    f"No figure measures it on {', '.join(unmeasured)}, which the claim names; it would "
                    f"appear as {match[0]}, a mixed basis, but the ratio may be on {unmeasured[0]}."
                )
                judgement.outcome = Outcome.UNKNOWN
            elif match:
                text, match_flags = match
                flags += match_flags
                steps.append(f"The claimed ratio appears only as {text}.")
                judgement.outcome = Outcome.ELSEWHERE
            elif not known:
                steps.append("No like-for-like pair of figures exists, so the ratio cannot be checked.")
                judgement.outcome = Outcome.UNKNOWN
            elif (
                near
                and claim.qualifier in ("equals", "about", "at_least", "more_than", "up_to", "reaches")
                and all(abs(r[1] - claim.ratio) / r[1] <= max(CLOSE, 1.5 * tol) for r in near)  # type: ignore[operator]
            ):
                # "double the memory capacity of H100" for 141 / 80 = 1.76x: a round ratio stretched,
                # as a figure within 10% is (Outcome.NEAR), not a ratio with no basis at all
                steps.append(
                    f"{', '.join(r[0] for r in near)}: {times(near[0][1])} is near '{claim.ratio_text}' "  # type: ignore[arg-type]
                    "but not what is claimed."
                )
                judgement.outcome = Outcome.NEAR
            elif (
                claim.metric == "throughput"
                and not claim.doubts  # another SKU is one guess too many where the reading is uncertain
                and (sibling := self._sibling_throughput(subject, rival, claim, tol))
            ):
                # "H20的计算能力只有H100的20%": 148 / 756.5 holds against the H100 PCIe, not the SXM5
                steps.append(f"Only {sibling}.")
                flags.append("sku-mismatch")
                judgement.outcome = Outcome.ELSEWHERE
            else:
                steps.append("No pair of published figures gives the claimed ratio.")
                judgement.outcome = Outcome.CONTRADICTED
                if claim.metric == "throughput" and not claim.precisions and len(known) < _EVERY_BASIS:
                    judgement.claim = replace(
                        claim, doubts=(*claim.doubts, "the claim names no precision, so its basis is unknown")
                    )
        if claim.qualifier in ("at_least", "more_than", "reaches"):
            rounded = [r for r in known if claim.ratio * (1 - tol) <= r[1] < claim.ratio]  # type: ignore[operator]
            if rounded:
                flags.append("rounded-up")
                steps.append(
                    f"{', '.join(r[0] for r in rounded)}: {times(rounded[0][1])} is rounded up to "
                    f"'{claim.ratio_text}'; strictly, it is less."
                )
        if claim.vague_metric and judgement.outcome is not Outcome.HOLDS:
            # "28% lower performance than the H100", "performance roughly 60 percent of the A100's":
            # no like-for-like peak gives it, and such a share of "performance" is most often measured
            steps.append(
                f"'{claim.vague_metric}' names no figure, and no like-for-like peak gives the claimed share: "
                "a percentage of performance is most often a measured result, which no spec sheet records."
            )
            judgement.outcome = Outcome.UNKNOWN
            return self._finish(judgement, [])
        self._pair_flags(subject, rival, claim, judgement, flags, steps)
        return self._finish(judgement, flags)

    @staticmethod
    def _power_ratio(subject: Chip, rival: Chip, steps: list[str]) -> float | None:
        """The factor that turns a throughput ratio into a per-watt one: rival TDP / subject TDP."""
        a, b = subject.preferred("tdp"), rival.preferred("tdp")
        if not (a and b and a.is_numeric and b.is_numeric and float(a.value)):
            missing = subject.name if not (a and a.is_numeric) else rival.name
            steps.append(f"{missing}'s TDP is not in the catalogue, so no figure per watt can be computed.")
            return None
        steps.append(f"Per watt: TDP {a.text} ({subject.name}) and {b.text} ({rival.name}).")
        return float(b.value) / float(a.value)

    def _mixed_ratio(
        self,
        subject: Chip,
        rival: Chip,
        precision: str,
        rival_precision: str,
        claim: Claim,
        tol: float,
        steps: list[str],
    ) -> tuple[str, float | None, bool, list[str]]:
        """The ratio of the subject's figure at one precision to the rival's at another, as the
        claim states it: a precision mismatch however well it holds."""
        label = f"{precision_label(precision)} vs {precision_label(rival_precision)}"
        ours = self._dense_figures(subject, precision, claim.execution)
        theirs = self._dense_figures(rival, rival_precision, None)
        if not ours or not theirs:
            missing = subject.name if not ours else rival.name
            steps.append(f"{label}: {missing} has no published figure.")
            return label, None, False, []
        ratio = ours[0][1] / theirs[0][1]
        ok = holds(ratio, claim.ratio or 0, claim.qualifier, tol)[0]
        steps.append(
            f"{label}: {subject.name} {precision_label(precision)} {fmt(ours[0][1])} / {rival.name} "
            f"{precision_label(rival_precision)} {fmt(theirs[0][1])} = {times(ratio)} — "
            f"{'holds' if ok else 'does not hold'} against {claim.ratio_text}, across two precisions."
        )
        return label, ratio, ok, ["precision-mismatch"]

    def _precision_ratio(
        self, subject: Chip, rival: Chip, precision: str, claim: Claim, tol: float, steps: list[str]
    ) -> tuple[str, float | None, bool, list[str]]:
        label = precision_label(precision)
        flags: list[str] = []
        subject_figures = list(self._dense_figures(subject, precision, claim.execution))
        if not subject_figures:
            steps.append(f"{label}: {subject.name} has no published figure.")
            return label, None, False, flags
        figure, value = subject_figures[0]
        rival_precision = precision
        if precision in VENDOR_FORMATS:
            rival_precision = "tf32"
            flags.append("vendor-format")
        rival_figures = list(self._dense_figures(rival, rival_precision, None))
        if not rival_figures:
            steps.append(f"{label}: {rival.name} has no published {precision_label(rival_precision)} figure.")
            return label, None, False, flags
        by_unit = {f.execution: (f, v) for f, v in rival_figures}
        if figure.execution == "unknown":
            flags.append("unknown-basis")
            if precision not in ("fp32", "fp64") and "matrix" in by_unit:
                # Below FP32, a headline peak is a matrix-unit figure; compare, as `compare` places it.
                by_unit = {"matrix": by_unit["matrix"]}
            parts = []
            for unit, (rf, rv) in sorted(by_unit.items()):
                parts.append(
                    f"vs {rival.name} {precision_label(rf.precision or '')} {unit} {fmt(rv)} = {times(value / rv)}"
                )
            if precision == "fp32" and claim.qualifier not in ("less_than", "at_most"):
                # (a ceiling, "不足H100的12%", is met by any smaller figure: only FP32's own decides it)
                for tf, tv in self._dense_figures(rival, "tf32", "matrix"):
                    parts.append(f"vs {rival.name} TF32 matrix {fmt(tv)} = {times(value / tv)}")
                    by_unit.setdefault("matrix (TF32)", (tf, tv))
            ratios = [value / v for _f, v in by_unit.values()]
            okays = [holds(r, claim.ratio or 0, claim.qualifier, tol)[0] for r in ratios]
            steps.append(
                f"{label}: {subject.name} {fmt(value)} {_unit(precision)}, execution unit not stated; "
                + "; ".join(parts)
                + "."
            )
            if any(okays) and not all(okays):
                flags.append("vector-vs-matrix")
                held = [str(unit) for unit, ok in zip(by_unit, okays, strict=True) if ok]
                missed = [str(unit) for unit, ok in zip(by_unit, okays, strict=True) if not ok]
                steps.append(
                    f"{label}: the claim holds only against {rival.name}'s vector figure; "
                    "matrix against matrix it does not."
                    if held == ["vector"]
                    else f"{label}: the claim holds only against {rival.name}'s {' and '.join(held)} figure; "
                    f"against its {' and '.join(missed)} figure it does not."
                )
            worst = min(ratios)
            # Holding against one unit but not the other is a finding (vector-vs-matrix), not a refutation.
            return label, worst, any(okays), flags
        rf, rv = by_unit.get(figure.execution or "", rival_figures[0])
        if rf.execution == "unknown":  # Gaudi 2's 432 BF16: not a vector figure, one of no stated unit
            flags.append("unknown-basis")
        elif rf.execution != figure.execution:
            flags.append("vector-vs-matrix")
        ratio = value / rv
        ok, _rounded = holds(ratio, claim.ratio or 0, claim.qualifier, tol)
        against = precision_label(rf.precision or "")
        steps.append(
            f"{label}: {subject.name} {fmt(value)} / {rival.name} {against} {fmt(rv)} = {times(ratio)}"
            + (f" ({VENDOR_FORMATS[precision]})" if precision in VENDOR_FORMATS else "")
            + f" — {'holds' if ok else 'does not hold'} against {claim.ratio_text}."
        )
        return label, ratio, ok, flags

    def _comparison(self, claim: Claim, subject: Chip) -> Judgement:
        rival = self.catalogue.chips.get(claim.rival or "")
        assert rival is not None and claim.value is not None and claim.rival_value is not None
        judgement = Judgement(
            claim,
            Outcome.HOLDS,
            claimed=f"{claim.value_text} vs {claim.rival_value_text} = {times(claim.value / claim.rival_value)}",
        )
        steps, flags = judgement.explanation, []
        first = self._throughput_value(claim_for_value(claim, subject=True), subject)
        second = self._throughput_value(claim_for_value(claim, subject=False), rival)
        for part, chip in ((first, subject), (second, rival)):
            steps.append(f"{chip.name}: {part.claimed} — {part.verdict}.")
            steps += [f"  {s}" for s in part.explanation if not s.startswith("Flag ")]
            flags += [f for f in part.flags if f not in ("multi-die",)]
        stated = claim.value / claim.rival_value
        if claim.relation == "close":
            ok = abs(stated - 1) <= CLOSE
            steps.append(
                f"Stated figures: {fmt(claim.value)} / {fmt(claim.rival_value)} = {times(stated)} — "
                + ("close (within 10%)." if ok else "not close: 'close' holds within 10%.")
            )
            if not ok:
                judgement.outcome = Outcome.ELSEWHERE
        precision = (claim.precisions or claim.rival_precisions or ("fp32",))[0]
        qualifier = "about" if claim.relation == "close" else "equals"
        like = self._precision_ratio(
            subject, rival, precision, claim_with_ratio(claim, stated, qualifier), ROUNDING, steps
        )
        flags += like[3]
        judgement.ratio = like[1]
        if precision == "fp32":
            for _sf, sv in self._dense_figures(subject, "tf32", "matrix")[:1]:
                for _rf, rv in self._dense_figures(rival, "tf32", "matrix")[:1]:
                    steps.append(f"Matrix against matrix: TF32 {fmt(sv)} / {fmt(rv)} = {times(sv / rv)}.")
                    judgement.ratio = sv / rv if "unknown-basis" in like[3] else judgement.ratio
        judgement.actual_text = None if judgement.ratio is None else f"{times(judgement.ratio)} like for like"
        if first.verdict == "false" or second.verdict == "false":
            judgement.outcome = Outcome.CONTRADICTED if not set(flags) & FRAMING else Outcome.ELSEWHERE
        if set(flags) & FRAMING or first.verdict == "misleading" or second.verdict == "misleading":
            judgement.outcome = Outcome.ELSEWHERE
        self._pair_flags(subject, rival, claim, judgement, flags, steps)
        return self._finish(judgement, flags)

    # -- searching for the basis a claim used ---------------------------------------------------

    def _dense_figures(self, chip: Chip, precision: str, execution: str | None) -> list[tuple[Figure, float]]:
        """Dense values of a precision, matching execution unit first."""
        key = (chip.id, precision, execution)
        if key not in self._dense_cache:
            self._dense_cache[key] = self._find_dense_figures(chip, precision, execution)
        return self._dense_cache[key]

    @staticmethod
    def _find_dense_figures(chip: Chip, precision: str, execution: str | None) -> list[tuple[Figure, float]]:
        units = [execution] if execution else []
        # "FP32" in marketing means the vector (CUDA-core) figure; lower precisions are matrix figures.
        order = ("vector", "matrix") if precision in ("fp32", "fp64") else ("matrix", "vector")
        units += [u for u in (*order, "summed", "unknown") if u not in units]
        found = []
        for unit in units:
            normalized = dense_equivalent(chip, precision, unit)
            if normalized is not None:
                found.append((normalized.figure, normalized.value))
        return found

    def _search_value(
        self, chip: Chip, value: float, claim: Claim, tol: float, claimed_kind: str | None, exclude: Any
    ) -> tuple[Figure, float, str, list[str]] | None:
        """A figure of the chip (any precision, unit, sparsity, source or SKU) that the number matches.

        None for a ceiling ("不能超过150 TFLOPS", "no more than"): any smaller figure meets one, so
        only the like-for-like figure can decide it."""
        if claim.qualifier in ("at_most", "less_than"):
            return None
        candidates: list[tuple[Figure, float, str, list[str]]] = []
        wanted = set(claim.precisions)
        for sku in [chip, *self._siblings(chip)]:
            for figure in sku.throughput():
                if not figure.is_numeric:
                    continue
                raw = float(figure.value)
                options = [(raw, "as published")]
                if figure.sparsity == "sparse":
                    options.append((raw / 2, "halved to dense"))
                elif (shown := self._runs_sparsity(sku, figure)) is not None:
                    options.append((raw * 2, shown))
                for number, how in options:
                    if not holds(number, value, claim.qualifier, tol)[0]:
                        continue
                    flags: list[str] = []
                    what = [f"{sku.name} {precision_label(figure.precision or '')}"]
                    if figure.execution and figure.execution != "unknown":
                        what.append(figure.execution)
                    if wanted and figure.precision not in wanted:
                        flags.append("precision-mismatch")
                    if how not in ("as published", "halved to dense"):  # a derived sparse twin
                        what.append(f"2:4 sparse, 2 × {figure.text} ({how})")
                        if claim.sparsity != "sparse":
                            flags.append("sparse-vs-dense")
                    elif figure.sparsity == "sparse" and how == "as published" and claim.sparsity != "sparse":
                        flags.append("sparse-vs-dense")
                        what.append("2:4 sparse")
                    elif claim.sparsity == "sparse" and (figure.sparsity == "dense" or how != "as published"):
                        flags.append("sparse-vs-dense")  # "312 TFLOPS with sparsity" for the A100's dense 312
                        what.append("dense")
                    if claim.execution and figure.execution not in (claim.execution, "unknown"):
                        flags.append("vector-vs-matrix")
                    kind = "op_rate" if (figure.precision or "").startswith("int") else "flop_rate"
                    if claimed_kind and claimed_kind != kind:
                        flags += ["unit-confusion", "precision-mismatch"]
                    if figure.status == "target":
                        flags.append("target-spec")
                        what.append(f"pre-launch figure ({figure.why})" if figure.why else "pre-launch figure")
                    elif figure.preferred is False:
                        flags.append("conflicting-sources")
                        what.append(f"from a source the catalogue does not prefer ({figure.why})")
                    if sku is not chip:
                        flags.append("sku-mismatch")
                    if figure.precision in VENDOR_FORMATS:
                        flags.append("vendor-format")
                    if exclude and figure is exclude[0] and how == "halved to dense":
                        continue
                    candidates.append((figure, number, " ".join(what), list(dict.fromkeys(flags))))
        if not candidates:
            return None
        # Prefer the explanation needing the fewest caveats, then the closest number.
        # A stated precision is the surest part of a reading: its own figures come before others.
        candidates.sort(
            key=lambda c: (len(set(c[3]) & FRAMING), "precision-mismatch" in c[3], len(c[3]), abs(c[1] - value))
        )
        return candidates[0]

    def _runs_sparsity(self, chip: Chip, figure: Figure) -> str | None:
        """Why a dense matrix figure has a 2:4 sparse twin the sources do not print, or None: the
        chip's matrix units are published running 2:4 sparsity at twice their dense rate at another
        precision of 32 bits or fewer (H20: FP16 148 dense and 296 sparse, so INT8 296 dense is 592
        sparse). FP64 matrix units run no structured sparsity."""
        if figure.sparsity != "dense" or figure.execution != "matrix" or figure.precision in (None, "fp64"):
            return None
        if chip.id not in self._sparsity_shown:
            matrix = [f for f in chip.throughput() if f.execution == "matrix" and f.is_numeric]
            pair = next(
                (
                    (dense, sparse)
                    for sparse in matrix
                    if sparse.sparsity == "sparse"
                    for dense in matrix
                    if dense.sparsity == "dense"
                    and dense.precision == sparse.precision
                    and abs(float(sparse.value) - 2 * float(dense.value)) <= 0.01 * float(sparse.value)
                ),
                None,
            )
            self._sparsity_shown[chip.id] = (
                None
                if pair is None
                else f"derived: {chip.name}'s {precision_label(pair[1].precision or '')} is published "
                f"{pair[0].text} dense [{', '.join(pair[0].sources)}] and {pair[1].text} 2:4 sparse "
                f"[{', '.join(pair[1].sources)}]"
            )
        return self._sparsity_shown[chip.id]

    @staticmethod
    def _sparse_twin(chip: Chip, figure: Figure, value: float, claim: Claim, tol: float) -> Figure | None:
        """A 2:4 sparse figure of another precision equal to the matched one (H100: FP8 dense 1979 =
        FP16 sparse 1979): with no precision named, which one the text means cannot be told."""
        for other in chip.throughput():
            if (
                other is not figure
                and other.is_numeric
                and other.sparsity == "sparse"
                and other.precision != figure.precision
                and holds(float(other.value), value, claim.qualifier, tol)[0]
            ):
                return other
        return None

    def _search_ratio(self, subject: Chip, rival: Chip, claim: Claim, tol: float) -> tuple[str, list[str]] | None:
        """Pairs of published or dense figures whose ratio is the claimed one, fewest caveats first."""
        assert claim.ratio is not None
        target, slack = claim.ratio, max(tol, ROUNDING_CAP)
        stated = _numbers(claim.sentence)
        found: list[tuple[tuple[int, int, float], str, list[str]]] = []
        unnamed = not claim.precisions
        for a, av, ah in self._ratio_values(subject):
            for b, bv, bh in self._ratio_values(rival):
                ratio = av / bv
                if abs(ratio - target) > slack * ratio:
                    continue
                if unnamed and not _how_a_ratio_is_inflated(a, b):
                    continue
                flags = []
                if a.precision != b.precision:
                    flags.append("precision-mismatch")
                if (a.precision or "").startswith("int") != (b.precision or "").startswith("int"):
                    flags.append("unit-confusion")
                if (a.sparsity == "sparse" and ah == "published") != (b.sparsity == "sparse" and bh == "published"):
                    flags.append("sparse-vs-dense")
                if "unknown" not in (a.execution, b.execution) and a.execution != b.execution:
                    flags.append("vector-vs-matrix")
                if (a.preferred is False and av not in stated) or (b.preferred is False and bv not in stated):
                    continue  # a figure the catalogue does not prefer counts only when the text states it
                for figure in (a, b):
                    if figure.preferred is False:
                        flags.append("target-spec" if figure.status == "target" else "conflicting-sources")
                text = (
                    f"{subject.name} {precision_label(a.precision or '')} {fmt(av)}{_not_preferred(a)} / "
                    f"{rival.name} {precision_label(b.precision or '')} {fmt(bv)}{_not_preferred(b)} = {times(ratio)}"
                )
                named = -sum(p in claim.precisions for p in (a.precision, b.precision))
                found.append(((len(flags), named, abs(ratio - target)), text, flags))
        if not found:
            return None
        found.sort(key=lambda item: item[0])
        fewest = [item for item in found if item[0][0] == found[0][0][0]][:3]
        flags = list(dict.fromkeys(f for item in fewest for f in item[2]))
        return " or ".join(item[1] for item in fewest), flags

    def _ratio_values(self, chip: Chip) -> list[tuple[Figure, float, str]]:
        """Every throughput figure as published, and halved where it is sparse; preferred ones first.

        A figure the catalogue does not prefer (a pre-launch target, a disputed value) is kept:
        when the text states it, a ratio built on it is how the claim was made, said with a flag.
        """
        if chip.id not in self._values_cache:
            values = []
            for figure in sorted(chip.throughput(), key=lambda f: f.preferred is False):
                if not figure.is_numeric or not float(figure.value):
                    continue
                raw = float(figure.value)
                values.append((figure, raw, "published"))
                if figure.sparsity == "sparse":
                    values.append((figure, raw / 2, "dense"))
            self._values_cache[chip.id] = values
        return self._values_cache[chip.id]

    @staticmethod
    def _headline(
        results: list[tuple[str, float | None, bool, list[str]]], steps: list[str]
    ) -> list[tuple[str, float | None, bool, list[str]]]:
        """With no precision named, "N times faster" means the AI precisions (TF32 and below).

        "H100 SXM is 6.68x faster than the H20" holds on TF32, BF16, FP16, FP8 and INT8
        (6.68x to 6.69x) and not on FP64 (34x) or FP32 (1.52x): the H20 keeps its vector
        units and loses its tensor throughput, and the sentence is about the latter. When
        the claim holds on every AI precision both chips publish, those decide; FP64 and
        FP32 stay in the reasoning. Otherwise every precision counts, as before.
        """
        wide = {precision_label(p) for p in ("fp64", "fp32")}
        headline = [r for r in results if r[0] not in wide and r[1] is not None]
        if not headline or not all(r[2] for r in headline):
            return results
        others = [(w, ratio, ok, f) for w, ratio, ok, f in results if w in wide and ratio is not None and not ok]
        if others:
            steps.append(
                "The claim names no precision: it holds on every AI precision both chips publish ("
                + ", ".join(r[0] for r in headline)
                + "), the figures a bare ratio between AI accelerators refers to; "
                + ", ".join(f"{r[0]} ({times(r[1])})" for r in others)
                + (" differs." if len(others) == 1 else " differ.")
            )
        return headline

    def _shared_precisions(self, subject: Chip, rival: Chip) -> list[str]:
        mine = {f.precision for f in subject.throughput()}
        theirs = {f.precision for f in rival.throughput()}
        return [p for p in PRECISIONS if p in mine and p in theirs]

    def _names_family(self, claim: Claim) -> bool:
        """Whether the text names the subject by its family's name alone ("V100", "A100"), which
        several SKUs share, rather than one SKU ("A100 PCIe 40GB")."""
        name = claim.subject_query or ""
        if name not in self._family_names:
            try:
                self._family_names[name] = self.catalogue.resolve(name).via_family
            except UnknownChipError:
                self._family_names[name] = False
        return self._family_names[name]

    def _sibling_ratios(
        self, subject: Chip, rival: Chip, metric: str, claim: Claim, tol: float, steps: list[str]
    ) -> list[tuple[str, float | None, bool, list[str]]]:
        """The first pair of other SKUs of the two families whose figures give the claimed ratio:
        "The H100 doubled the memory bandwidth of the A100" holds only against the first A100
        (SXM4 40GB, 1555 GB/s: 3350 / 1555 = 2.15x), not the 80 GB one the name resolves to."""
        assert claim.ratio is not None
        for ours in (subject, *self._siblings(subject)):
            for theirs in (rival, *self._siblings(rival)):
                if (ours, theirs) == (subject, rival):
                    continue
                a, b = ours.preferred(metric), theirs.preferred(metric)
                if not (a and b and a.is_numeric and b.is_numeric and float(b.value)):
                    continue
                ratio = float(a.value) / float(b.value)
                if holds(ratio, claim.ratio, claim.qualifier, tol)[0]:
                    what = metric.replace("_", " ")
                    steps.append(f"Only {ours.name} against {theirs.name}: {a.text} / {b.text} = {times(ratio)}.")
                    return [(f"{what} ({ours.name} / {theirs.name})", ratio, True, ["sku-mismatch"])]
        return []

    def _sibling_throughput(self, subject: Chip, rival: Chip, claim: Claim, tol: float) -> str | None:
        """Another SKU of either family on which a throughput ratio holds like for like (the same
        precision, dense), as "H20 FP16 148 / H100 PCIe FP16 756.5 = 0.2x"; None if none does."""
        assert claim.ratio is not None
        precisions = claim.precisions or tuple(p for p in _BITS if _BITS[p] <= 19)  # unnamed: the AI precisions
        for ours in (subject, *self._siblings(subject)):
            for theirs in (rival, *self._siblings(rival)):
                if (ours, theirs) == (subject, rival):
                    continue
                for precision in precisions:
                    a, b = self._dense_figures(ours, precision, None), self._dense_figures(theirs, precision, None)
                    if not (a and b and b[0][1]):
                        continue
                    ratio = a[0][1] / b[0][1]
                    if holds(ratio, claim.ratio, claim.qualifier, tol)[0]:
                        label = precision_label(precision)
                        return (
                            f"{ours.name} {label} {fmt(a[0][1])} / {theirs.name} {label} {fmt(b[0][1])} "
                            f"= {times(ratio)}, another SKU's"
                        )
        return None

    def _siblings(self, chip: Chip) -> list[Chip]:
        if chip.id not in self._siblings_cache:
            self._siblings_cache[chip.id] = [
                c for c in self.catalogue.chips.values() if c.family == chip.family and c.id != chip.id
            ]
        return self._siblings_cache[chip.id]

    # -- flags about the chips themselves ---------------------------------------------------------

    def _chip_flags(self, chip: Chip, claim: Claim, flags: list[str], steps: list[str]) -> None:
        dies = chip.compute_dies
        if dies and dies > 1:
            flags.append("multi-die")
            if claim.scope & {"single_chip"}:
                flags.append("package-not-die")
            steps.append(
                f"{chip.name} is {dies} compute dies in one package: per die, halve the figure."
                if dies == 2
                else f"{chip.name} is {dies} compute dies in one package."
            )
        if "target" in claim.scope:
            flags.append("target-spec")
            steps.append("The sentence calls the figure a target (目标): a plan, not a shipped specification.")

    def _pair_flags(
        self, subject: Chip, rival: Chip, claim: Claim, judgement: Judgement, flags: list[str], steps: list[str]
    ) -> None:
        for chip in (subject, rival):
            dies = chip.compute_dies
            if dies and dies > 1 and "multi-die" not in flags:
                flags.append("multi-die")
        unstated = [
            c.name
            for c in (subject, rival)
            if any(f.sparsity == "unknown" for f in c.throughput() if f.preferred is not False)
        ]
        if unstated and claim.metric == "throughput":
            steps.append(
                f"{' and '.join(unstated)}: the sources do not say whether the figures include "
                "sparsity; they are taken as dense."
            )
        dies_a, dies_b = subject.compute_dies, rival.compute_dies
        if "multi-die" in flags and dies_a and dies_b:
            steps.append(f"{subject.name} is {dies_a} compute die(s), {rival.name} {dies_b}.")
        tdp_a, tdp_b = subject.preferred("tdp"), rival.preferred("tdp")
        if (
            claim.metric == "throughput"
            and judgement.ratio
            and tdp_a
            and tdp_b
            and tdp_a.is_numeric
            and tdp_b.is_numeric
        ):
            per_watt = judgement.ratio * float(tdp_b.value) / float(tdp_a.value)
            if abs(per_watt - judgement.ratio) / judgement.ratio > POWER_GAP:
                flags.append("power-not-normalized")
            steps.append(
                f"Per watt ({tdp_a.text} vs {tdp_b.text}): {times(judgement.ratio)} × "
                f"{fmt(float(tdp_b.value))}/{fmt(float(tdp_a.value))} = {times(per_watt)}."
            )
        launch_a, launch_b = subject.preferred("launch"), rival.preferred("launch")
        if launch_a and launch_b and subject.vendor != rival.vendor:  # a vendor's own predecessor is no straw man
            newer = self._newer_than(subject, rival, str(launch_a.value), str(launch_b.value))
            if newer:
                flags.append("outdated-rival")
                successor = newer[0].preferred("launch")
                steps.append(
                    f"{rival.name} ({launch_b.value}) was not {rival.vendor}'s newest when {subject.name} "
                    f"launched ({launch_a.value}): {newer[0].name} came in {successor.value if successor else '?'}."
                )
        if "target" in claim.scope and "target-spec" not in flags:
            flags.append("target-spec")

    def _newer_than(self, subject: Chip, rival: Chip, subject_launch: str, rival_launch: str) -> list[Chip]:
        """The rival vendor's chips of another family launched in a later year than the rival and
        no later than the subject; they depend on the catalogue alone, so each pair is worked out once."""
        key = (subject.id, rival.id, subject_launch, rival_launch)
        if key not in self._newer_cache:
            self._newer_cache[key] = [
                c
                for c in self.catalogue.chips.values()
                if c.vendor == rival.vendor
                and c.default
                and c.id != subject.id
                and c.family != rival.family
                and (launch := c.preferred("launch")) is not None
                and rival_launch[:4] < str(launch.value)[:4]
                and str(launch.value) <= subject_launch
            ]
        return self._newer_cache[key]

    # -- helpers -------------------------------------------------------------------------------

    def _figure_step(self, chip: Chip, figure: Figure, dense: float, precision: str) -> str:
        parts = [f"{chip.name} {precision_label(precision)}"]
        if figure.execution and figure.execution != "unknown":
            parts.append(figure.execution)
        text = " ".join(parts) + f": {figure.text}"
        if figure.sparsity == "sparse":
            text += f" (2:4 sparse) / 2 = {fmt(dense)} dense"
        elif figure.sparsity == "unknown":
            text += " (sparsity not stated; taken as dense)"
        return text + f" [{', '.join(figure.sources)}]."

    @staticmethod
    def _claimed_text(claim: Claim) -> str:
        if claim.kind != "value":
            return claim.ratio_text or claim.text
        words = QUALIFIER_WORDS.get(claim.qualifier, "is")
        unit = claimed_unit(claim)
        # a count is read only where figures add up ("640GB" for eight A100s); a link's speed does not
        summed = claim.metric == "throughput" or claim.metric in ADDITIVE
        devices = f" for {claim.count} devices" if claim.count > 1 and summed else ""
        shown = f"{fmt(claim.value or 0)} {unit}".strip()  # a transistor count has no unit
        return f"{words} {claim.value_text} ({shown}{devices})".strip()

    @staticmethod
    def _finish(judgement: Judgement, flags: list[str]) -> Judgement:
        present = set(flags)
        judgement.flags = [f for f in FLAGS if f in present]
        judgement.verdict, reason = decide(judgement.outcome, judgement.flags, judgement.claim.doubts)
        if reason:
            judgement.explanation.append(reason)
        judgement.explanation += [f"Flag {flag}: {FLAG_TEXT[flag]}." for flag in judgement.flags]
        return judgement


_PRODUCT = regexcache.compile(r"\s*(\d+)\s*[*×]\s*\d")  # "8 * 64 GB/s": eight links of 64
# Metrics a multi-die package's dies share out, each die with its own memory stacks
_SHARED_BY_DIES = ("memory_bandwidth", "memory_capacity")


def _design_holds(claim: Claim, recorded: str) -> bool | None:
    """Whether a stated design fact agrees with the recorded text: True, False, or None when the
    record cannot tell ("N4" against NVIDIA's "4N", a custom node with no nm figure; "4nm", the
    name the press gives 4N, holds)."""
    said = claim.value_text or ""
    if claim.metric == "process":
        nodes = {float(n) for n in NODE_NM.findall(recorded)}
        names = {a or b for a, b in NODE_NAME.findall(recorded)}
        if (m := NODE_NM.search(said)) is not None:
            number = float(m.group(1))
            if number in nodes or (number.is_integer() and str(int(number)) in names and not nodes):
                return True
            return False if nodes else None
        if (n := NODE_NAME.search(said)) is not None:
            if said.casefold().replace(" ", "") in recorded.casefold():
                return True
            if nodes:  # "N7" against "7 nm"
                return float(n.group(1) or n.group(2)) in nodes if n.group(1) else None
            return None  # "N4" or "5n" against NVIDIA's "4N": names of foundry nodes the record does not relate
        return None
    if claim.metric == "launch":
        # A chip is announced, then ships, often in another year (H20: announced 2023-11, shipped
        # 2024): a year off by one may name the other event, so the record cannot tell.
        gap = abs(int(recorded[:4]) - int(claim.value or 0))
        if gap:
            return None if gap == 1 else False
        # "2022年8月9日" against 2022-08-09: as far as both say; another month or day in the same
        # year may date the other event
        said_date = (claim.value_text or "").strip()
        shared = min(len(said_date), len(recorded))
        return True if said_date[:shared] == recorded[:shared] else None
    if claim.metric == "host_interface":
        generation = PCIE_GENERATION.search(recorded)
        return None if generation is None else float(generation.group(1)) == claim.value
    if claim.metric in ("compute_dies", "memory_stacks"):
        try:
            parts = int(float(recorded))
        except ValueError:
            return None
        if claim.qualifier == "at_least":
            return parts >= 2 if parts >= 2 or "chiplet" not in said.casefold() else None
        return parts == int(claim.value or 0)
    return None


_SIZE_IN_NAME = regexcache.compile(r"(\d+)\s?gb?\b")  # "A100 80GB": a memory size in a chip's name


def _names_form(folded_name: str) -> bool:
    """Whether a chip's name gives its form factor ("A100 PCIe", "H100 SXM5")."""
    return any(form in folded_name for form in FORM_SUFFIXES)


def _same_capacity_named(name: str, sibling: Chip) -> bool:
    """Whether a name that gives a memory size and no form factor ("A100 80GB") names ``sibling``
    too: every SKU of that size is one of it."""
    folded = name.casefold()
    size = _SIZE_IN_NAME.search(folded)
    if size is None or _names_form(folded):
        return False
    theirs = sibling.preferred("memory_capacity")
    return theirs is not None and theirs.is_numeric and abs(float(theirs.value) - float(size.group(1))) < 0.5


def _how_a_ratio_is_inflated(ours: Figure, theirs: Figure) -> bool:
    """Whether a pair of two chips' figures is one a ratio that names no precision may have been
    built on: the same precision (perhaps sparse against dense), or the subject's narrower format
    against the rival's wider one ("up to 6x": FP8 against FP16), of one kind of unit. Any other
    mixed pair (FP32 against a vector FP16) that gives the ratio does so by chance."""
    if ours.precision == theirs.precision:
        return True
    if "unknown" not in (ours.execution, theirs.execution) and ours.execution != theirs.execution:
        return False
    bits = (_BITS.get(ours.precision or ""), _BITS.get(theirs.precision or ""))
    return None not in bits and bits[0] <= bits[1]  # type: ignore[operator]


# A figure given as a chip's peak ("up to") that is below a quarter of its real peak is another
# precision's figure, not a peak.
_FAR_BELOW_PEAK = 4


# Width of each precision's numbers, to tell a narrower format from a wider one.
_BITS = {
    **{"fp64": 64, "fp32": 32, "tf32+": 24, "tf32": 19, "fp16": 16, "bf16": 16, "int16": 16},
    **{"fp8": 8, "int8": 8, "fp4": 4, "int4": 4},
}


# Like-for-like pairs from which a ratio that names no precision, and holds on none of them, is
# false: the usual bases (FP32, TF32, FP16/BF16, FP8/INT8) all measured, so no reading of 算力 saves it.
_EVERY_BASIS = 4


def _another_source(other: Figure) -> str:
    """The step saying a claim matches a figure the catalogue records but does not prefer."""
    return (
        f"It matches another source's figure, {other.text} [{', '.join(other.sources)}], "
        f"which the catalogue does not prefer: {other.why}"
    )


def _memory_choices(key: str) -> list[str]:
    """'hbm2e/3e' is HBM2e or HBM3e; 'gddr6/6x' is GDDR6 or GDDR6X."""
    first, *rest = key.split("/")
    head = re.match(r"[a-z]*", first).group()  # type: ignore[union-attr]
    return [first, *(head + part for part in rest if part)]


def _memory_key(name: str) -> str:
    """'HBM2e', 'HBM 2E' and 'hbm2e' are one memory type; 'HBM3' and 'HBM3e' are two."""
    return "".join(name.casefold().split()).replace("-", "")


def _unit_of_kind(kind: str | None) -> str:
    return {"flop_rate": "TFLOPS", "op_rate": "TOPS"}.get(kind or "", "")


def _quantity(claim: Claim) -> bool:
    """Whether a claim states a quantity (not a design fact such as a PCIe generation)."""
    return (
        claim.kind == "value"
        and claim.value is not None
        and claim.metric in METRICS
        and METRICS[claim.metric].judged_by not in ("design", "memory_type")
    )


def claimed_unit(claim: Claim) -> str:
    """The unit of a claim's stated value as read (the catalogue's unit of its metric)."""
    if claim.unit_kind in ("flop_rate", "op_rate"):
        return _unit_of_kind(claim.unit_kind)
    return _metric_unit(claim.metric)


def _metric_unit(metric: str) -> str:
    return METRICS[metric].unit if metric in METRICS and metric != "throughput" else ""


def _off(actual: float, claimed: float) -> str:
    if not actual:
        return "no figure"
    delta = (claimed - actual) / actual
    return f"{'+' if delta >= 0 else ''}{delta * 100:.0f}%"


def claim_for_value(claim: Claim, *, subject: bool) -> Claim:
    """One side of a comparison claim as a value claim."""
    if subject:
        return replace(claim, rival=None, rival_value=None, ratio=None, relation=None)
    return replace(
        claim,
        subject=claim.rival,
        subject_query=claim.rival_query,
        value=claim.rival_value,
        value_text=claim.rival_value_text,
        precisions=claim.rival_precisions or claim.precisions,
        rival=None,
        rival_value=None,
        ratio=None,
        relation=None,
        qualifier="equals",
        scope=claim.scope - {"target"},
        count=1,
    )


def claim_with_ratio(claim: Claim, ratio: float, qualifier: str) -> Claim:
    return replace(claim, ratio=ratio, ratio_text=f"{times(ratio)} as stated", qualifier=qualifier)


def across_columns(judgements: list[Judgement]) -> list[Judgement]:
    """The judgements of a text, with what a table's columns say across its rows weighed in.

    A column that sets one chip's matrix figure beside another chip's vector figure of the same
    precision reads as like for like and is not: under "| FP64 TFLOPS |" the A100's 19.5 is its
    FP64 Tensor Core figure and the H100's 34 its plain (vector) one. Each matrix figure of such a
    column is flagged vector-vs-matrix; the vector ones are what the column claims to hold.
    """
    groups: dict[tuple[tuple[int, int], tuple[str, ...]], list[int]] = {}
    for k, j in enumerate(judgements):
        claim = j.claim
        if claim.column is None or claim.metric != "throughput" or j.outcome is not Outcome.HOLDS:
            continue
        if j.basis in ("vector", "matrix"):
            groups.setdefault((claim.column, claim.precisions), []).append(k)
    out = list(judgements)
    for members in groups.values():
        vector = [judgements[k] for k in members if judgements[k].basis == "vector"]
        for k in members:
            j = judgements[k]
            beside = next((v for v in vector if v.claim.subject != j.claim.subject), None)
            if j.basis != "matrix" or beside is None or Flag.VECTOR_VS_MATRIX in j.flags:
                continue
            precision = "/".join(precision_label(p) for p in j.claim.precisions) or "this precision"
            flags = [f for f in FLAGS if f in {*j.flags, Flag.VECTOR_VS_MATRIX}]
            verdict, _ = decide(j.outcome, flags, j.claim.doubts)
            step = (
                f"The same column gives {beside.claim.subject_query or beside.claim.subject}'s {precision} as its "
                f"vector figure ({beside.claim.value_text}); this one is a matrix figure, so the column "
                "is not like for like."
            )
            flag_text = f"Flag {Flag.VECTOR_VS_MATRIX}: {FLAG_TEXT[Flag.VECTOR_VS_MATRIX]}."
            out[k] = replace(j, flags=flags, verdict=verdict, explanation=[*j.explanation, step, flag_text])
    return out


def judge(claim: Claim, catalogue: Catalogue) -> Judgement:
    return Judge.of(catalogue).judge(claim)

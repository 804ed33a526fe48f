"""The corpus of real claims and the accuracy audit.

``claims/`` holds sentences quoted from public coverage (``*.toml`` at the top and
in ``corpus/``), each with its source and the verdict a careful reader reaches, and
``articles/``: excerpts of real articles with the claims a reader wants checked.
:func:`audit` judges them all; :class:`Accuracy` counts hits per verdict and per
language, and the confident wrong verdicts (``false`` on a statement that is not
false, ``supported`` on one that is misleading or false) separately.

The audit fails on a regression against ``claims/baseline.toml``: a claim that was
judged as expected is no longer, or a new confident wrong verdict appears.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specbench.claims.judging import Judge, Judgement
from specbench.claims.reading import Claim, Reader
from specbench.claims.vocabulary import FLAGS, Verdict
from specbench.errors import InputError, UsageError
from specbench.store import Catalogue, bundled_dir

_PACKAGE = Path(__file__).parent.parent
VERDICTS = tuple(v.value for v in Verdict)


@dataclass
class CuratedClaim:
    """A claim quoted from public coverage, with its source and the verdict it should get."""

    id: str
    text: str
    source: str
    expected: str
    expected_flags: list[str] = field(default_factory=list)
    note: str = ""
    file: str = ""
    lang: str = ""
    paraphrased: bool = False
    url: str = ""
    context: str = ""  # the published text right before the sentence (a table's header, the sentence naming "it")

    @property
    def in_corpus(self) -> bool:
        """From the corpus (a file under claims/corpus/), not one of the headline claims at the top."""
        return len(Path(self.file).parts) > 1


@dataclass
class AuditResult:
    curated: CuratedClaim
    judgements: list[Judgement]

    @property
    def verdict(self) -> str:
        """The sentence's verdict: the worst of its claims' (no claim read: unverifiable)."""
        verdicts = [Verdict(j.verdict) for j in self.judgements] or [Verdict.UNVERIFIABLE]
        return min(verdicts, key=lambda v: v.severity).value

    @property
    def flags(self) -> list[str]:
        seen: list[str] = []
        for judgement in self.judgements:
            seen += [f for f in judgement.flags if f not in seen]
        return seen

    @property
    def passed(self) -> bool:
        return self.verdict == self.curated.expected and set(self.curated.expected_flags) <= set(self.flags)

    @property
    def confidently_wrong(self) -> bool:
        return confidently_wrong(self.curated.expected, self.verdict)


def confidently_wrong(expected: str, got: str) -> bool:
    """FALSE on a statement that is not false, or SUPPORTED on one that is misleading or false."""
    return (got == "false" and expected != "false") or (got == "supported" and expected in ("misleading", "false"))


def default_claims_dir() -> Path:
    """The curated claims: $SPECBENCH_CLAIMS, else those shipped in the package, else the source tree's."""
    return bundled_dir("SPECBENCH_CLAIMS", "curated_claims", "claims") or _PACKAGE.parent.parent / "claims"


def _source_text(source: Any) -> tuple[str, str]:
    if isinstance(source, dict):
        parts = [str(source.get(k, "")) for k in ("publisher", "title", "date")]
        text = ", ".join(p for p in parts if p and p != "unknown")
        url = str(source.get("url", ""))
        return (f"{text}, {url}" if url else text), url
    return str(source), ""


def _claim_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.toml") if "articles" not in p.relative_to(directory).parts[:-1])


def load_curated(directory: Path) -> list[CuratedClaim]:
    """Every claim in the TOML files of a folder and its corpus/; one error naming each problem."""
    if not directory.is_dir():
        raise UsageError(f"claims folder {str(directory)!r} does not exist")
    claims: list[CuratedClaim] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    seen_text: dict[str, str] = {}  # one expectation per sentence: two could disagree
    for path in _claim_files(directory):
        if path.name == "baseline.toml":
            continue
        name = str(path.relative_to(directory))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{name}: invalid TOML: {exc}")
            continue
        entries = data.get("claim", [])
        if not isinstance(entries, list):
            problems.append(f"{name}: 'claim' must be an array of tables")
            continue
        for index, entry in enumerate(entries):
            where = f"{name}: claim[{index}]"
            if not isinstance(entry, dict):
                problems.append(f"{where}: must be a table")
                continue
            missing = [k for k in ("id", "text", "source", "expected") if not entry.get(k)]
            if missing:
                problems.append(f"{where}: missing {', '.join(missing)}")
                continue
            wrong = [
                f"{k} must be text"
                for k in ("id", "text", "expected", "note", "context")
                if k in entry and not isinstance(entry[k], str)
            ]
            flags = entry.get("flags", [])
            if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
                wrong.append("flags must be a list of text")
            if wrong:
                problems.append(f"{where}: {'; '.join(wrong)}")
                continue
            if entry["expected"] not in VERDICTS:
                problems.append(f"{where}.expected: {entry['expected']!r} is not one of {', '.join(VERDICTS)}")
                continue
            unknown = [f for f in flags if f not in FLAGS]
            if unknown:
                problems.append(f"{where}.flags: unknown flag(s) {', '.join(unknown)}")
                continue
            if entry["id"] in seen:
                problems.append(f"{where}.id: {entry['id']!r} is also used in {seen[entry['id']]}")
                continue
            quoted = " ".join(entry["text"].split())
            if quoted in seen_text:
                problems.append(f"{where}.text: the same sentence is already claim {seen_text[quoted]!r}")
                continue
            seen[entry["id"]] = name
            seen_text[quoted] = entry["id"]
            source, url = _source_text(entry["source"])
            claims.append(
                CuratedClaim(
                    entry["id"],
                    entry["text"],
                    source,
                    entry["expected"],
                    list(flags),
                    entry.get("note", ""),
                    name,
                    str(entry.get("lang", "")),
                    bool(entry.get("paraphrased", False)),
                    url,
                    entry.get("context", ""),
                )
            )
    if problems:
        raise InputError("; ".join(problems))
    if not claims:
        raise UsageError(f"no claims in {str(directory)!r}")
    return claims


def audit(claims: list[CuratedClaim], catalogue: Catalogue) -> list[AuditResult]:
    reader, judge = Reader.of(catalogue), Judge.of(catalogue)
    return [AuditResult(c, judge.judge_all(_read(reader, c))) for c in claims]


def _read(reader: Reader, claim: CuratedClaim) -> list[Claim]:
    """The claims of the sentence, read as a reader of the page meets it: after the text before it
    (a table's header row, the sentence that names the chip "it" means), in the same paragraph.
    Only the sentence's own claims are judged."""
    if not claim.context:
        return reader.read(claim.text)
    text = claim.text.strip()
    return [c for c in reader.read(claim.context.rstrip() + "\n" + text) if c.sentence.strip() in text]


@dataclass
class Accuracy:
    """Hits per expected verdict and per language, and the confident wrong verdicts."""

    total: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    confident_wrong: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, results: list[AuditResult]) -> Accuracy:
        accuracy = cls()
        for result in results:
            keys = ["all", f"verdict:{result.curated.expected}"]
            if result.curated.lang:
                keys.append(f"lang:{result.curated.lang}")
            for key in keys:
                accuracy.total[key] += 1
                accuracy.hits[key] += result.verdict == result.curated.expected
            if result.confidently_wrong:
                accuracy.confident_wrong.append(result.curated.id)
        return accuracy

    def rate(self, key: str) -> float:
        return self.hits[key] / self.total[key] if self.total[key] else 0.0


@dataclass
class Baseline:
    """What the last accepted audit got right, and the confident wrong verdicts it still had."""

    passing: frozenset[str]
    known_wrong: frozenset[str]
    articles_passing: frozenset[str] = frozenset()
    articles_known_wrong: frozenset[str] = frozenset()

    def regressions(
        self, results: list[AuditResult], articles: Sequence[tuple[Article, list[ExpectationResult]]] = ()
    ) -> list[str]:
        problems = []
        for result in results:
            cid = result.curated.id
            if cid in self.passing and not result.passed:
                problems.append(f"{cid}: was {result.curated.expected}, now {result.verdict}")
            if result.confidently_wrong and cid not in self.known_wrong:
                problems.append(
                    f"{cid}: new confident wrong verdict {result.verdict} (expected {result.curated.expected})"
                )
        for article, checked in articles:
            for each in checked:
                key = expectation_key(article, each.expectation)
                expected = each.expectation.expected or f"never {each.expectation.never}"
                if key in self.articles_passing and not each.passed:
                    problems.append(f"{key}: was {expected}, now {each.verdict or 'not found'}")
                if each.confidently_wrong and key not in self.articles_known_wrong:
                    problems.append(f"{key}: new confident wrong verdict {each.verdict} (expected {expected})")
        return problems


def expectation_key(article: Article, expectation: Expectation) -> str:
    """How the baseline names one expectation of an article: its file's name and its quote."""
    return f"{article.slug} | {expectation.quote}"


def load_baseline(directory: Path) -> Baseline | None:
    path = directory / "baseline.toml"
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    return Baseline(
        frozenset(data.get("passing", [])),
        frozenset(data.get("known_confident_wrong", [])),
        frozenset(data.get("articles_passing", [])),
        frozenset(data.get("articles_known_confident_wrong", [])),
    )


def baseline_text(results: list[AuditResult], articles: Sequence[tuple[Article, list[ExpectationResult]]] = ()) -> str:
    passing = sorted(r.curated.id for r in results if r.passed)
    wrong = sorted(r.curated.id for r in results if r.confidently_wrong)
    keyed = [(expectation_key(a, e.expectation), e) for a, checked in articles for e in checked]
    articles_passing = sorted(k for k, e in keyed if e.passed)
    articles_wrong = sorted(k for k, e in keyed if e.confidently_wrong)

    def array(items: list[str]) -> str:
        # a JSON string is a TOML basic string: quotes, backslashes and line breaks escaped alike
        return "[\n" + "".join(f"  {json.dumps(i, ensure_ascii=False)},\n" for i in items) + "]"

    return (
        "# Written by `specbench audit --update-baseline`: the claims judged as expected, and the\n"
        "# confident wrong verdicts still to fix, of the sentences and of the articles (named by\n"
        "# file and quote). `specbench audit` fails if a passing claim stops passing or a\n"
        "# confident wrong verdict appears that is not listed here.\n"
        f"passing = {array(passing)}\n"
        f"known_confident_wrong = {array(wrong)}\n"
        f"articles_passing = {array(articles_passing)}\n"
        f"articles_known_confident_wrong = {array(articles_wrong)}\n"
    )


# ---- articles -------------------------------------------------------------------------------


@dataclass
class Expectation:
    quote: str
    expected: str | None = None
    never: str | None = None
    flags: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Article:
    slug: str
    lang: str
    source: str
    text: str
    expectations: list[Expectation]


@dataclass
class ExpectationResult:
    expectation: Expectation
    judgements: list[Judgement]

    @property
    def found(self) -> bool:
        return bool(self.judgements)

    @property
    def verdict(self) -> str | None:
        if not self.judgements:
            return None
        return min((Verdict(j.verdict) for j in self.judgements), key=lambda v: v.severity).value

    @property
    def passed(self) -> bool:
        e = self.expectation
        if e.expected is not None and (self.verdict or "unverifiable") != e.expected:
            return False
        return not (e.never is not None and self.verdict == e.never)

    @property
    def confidently_wrong(self) -> bool:
        e = self.expectation
        if self.verdict is None:
            return False
        if e.never is not None and self.verdict == e.never:
            return True
        return e.expected is not None and confidently_wrong(e.expected, self.verdict)


def load_articles(directory: Path) -> list[Article]:
    folder = directory / "articles"
    if not folder.is_dir():
        return []
    articles, problems = [], []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"articles/{path.name}: invalid TOML: {exc}")
            continue
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"articles/{path.name}: missing text")
            continue
        expectations = []
        for index, entry in enumerate(data.get("expect", [])):
            quote = entry.get("quote") if isinstance(entry, dict) else None
            if not isinstance(quote, str) or quote not in text:
                problems.append(f"articles/{path.name}: expect[{index}].quote is not a passage of the text")
                continue
            expectations.append(
                Expectation(
                    quote,
                    entry.get("expected"),
                    entry.get("never"),
                    list(entry.get("flags", [])),
                    entry.get("note", ""),
                )
            )
        source, _url = _source_text(data.get("source", ""))
        articles.append(Article(path.stem, str(data.get("lang", "")), source, text, expectations))
    if problems:
        raise InputError("; ".join(problems))
    return articles


def audit_article(article: Article, catalogue: Catalogue) -> list[ExpectationResult]:
    """Scan the article as `specbench scan` would, then match each expected claim to what was found."""
    reader, judge = Reader.of(catalogue), Judge.of(catalogue)
    judged = judge.judge_all(reader.read(article.text))
    results = []
    for expectation in article.expectations:
        quote = expectation.quote.strip()
        matched = [
            j for j in judged if quote in j.claim.sentence or j.claim.sentence in quote or _overlaps(j.claim, quote)
        ]
        # A claim answers the quote when its figure is in it: the other claims of the sentence are
        # about other figures ("2020年推出" is a date; the sentence's TFLOPS are not its answer).
        narrowed = [j for j in matched if _answers(j.claim, quote)]
        # "| 40GB HBM2e | 80GB HBM2e |": of claims with the same figure, those written in the quote
        placed = [j for j in narrowed if _placed_in(j.claim, quote)]
        results.append(ExpectationResult(expectation, placed or narrowed))
    return results


def _overlaps(claim: Claim, quote: str) -> bool:
    """Whether the quote runs across the claim's sentence and the next one: the claim's words are
    in it, and the quote holds the end of the claim's sentence. The words alone ("HBM") are found
    in many quotes of other sentences."""
    if not claim.text or claim.text not in quote:
        return False
    return claim.sentence[claim.sentence.find(claim.text) :] in quote


def _placed_in(claim: Claim, quote: str) -> bool:
    """Whether the claim's figure is written inside the quote's place in the sentence."""
    where = claim.sentence.find(quote)
    return claim.at is not None and where >= 0 and where <= claim.at < where + len(quote)


def _answers(claim: Claim, quote: str) -> bool:
    """Whether a claim found in the quote's sentence is the one the quote states: its figure is
    in the quote, or, for a comparison with no number ("Its performance far exceeds that of
    A100"), its own words and the quote overlap."""
    if claim.rule == "comparative" or (claim.metric == "launch" and claim.text and claim.text in quote):
        return bool(claim.text) and claim.text in quote  # also "民國111年發表" for a launch in 2022
    return _figure(claim) in quote


def _figure(claim: Claim) -> str:
    """The figure of a claim as written ("6.68x", not "6.68x (up)"), or "" when it states none; a
    launch date's year (its value text is the date as a date: "2022-08" for "2022年8月")."""
    if claim.metric == "launch" and claim.value:
        return str(int(claim.value))
    return (claim.value_text or claim.ratio_text or "").split(" (")[0]

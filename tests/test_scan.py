"""Scanning files and auditing the curated claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from specbench.claims.corpus import audit, default_claims_dir, load_curated
from specbench.cli import app
from specbench.errors import SpecbenchError
from specbench.scan import read_chunks, scan

runner = CliRunner()
CLAIMS = Path(__file__).resolve().parent.parent / "claims"

ARTICLE = """壁仞科技今日发布BR100芯片。公司此前完成了总额超过50亿元的融资，员工超过1000人。
BR100的16位浮点算力达到1000T以上，8位定点算力达到2000T以上。
发布会于2022年8月9日在上海举行。

Biren's BR100 offers 2 PFLOPS of AI performance. The company raised $700 million.
"""


def test_scan_finds_claims_with_lines(catalogue, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    findings = list(scan([article], catalogue))
    assert [(f.line, f.judgement.verdict) for f in findings] == [(2, "supported"), (2, "supported"), (5, "misleading")]


def test_scans_share_the_catalogues_reader_and_give_the_same_findings(catalogue, tmp_path):
    from specbench.claims import Reader

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    reader = Reader.of(catalogue)
    first = [(f.line, f.judgement.verdict) for f in scan([article], catalogue)]
    second = [(f.line, f.judgement.verdict) for f in scan([article], catalogue)]
    assert first == second == [(2, "supported"), (2, "supported"), (5, "misleading")]
    assert Reader.of(catalogue) is reader  # tokenizer and prefilter patterns are not built again


def test_scan_cli_json_and_exit_code(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(article), "--format", "json"])
    assert result.exit_code == 1  # one claim is misleading
    records = json.loads(result.stdout)["claims"]
    assert [r["line"] for r in records] == [2, 2, 5]
    assert records[2]["flags"] == ["precision-mismatch", "multi-die", "unit-confusion"]
    assert "3 claim(s), 1 not supported" in result.stderr


def test_scan_rejects_binary_and_non_utf8(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("BR100 caf\xe9 latte".encode("latin-1"))
    latin_message = "is not UTF-8, GB18030 (GBK) or Big5 text (first byte that is not UTF-8 at offset 9)"
    for path, message in ((binary, "is not a text file"), (latin, latin_message)):
        result = runner.invoke(app, ["scan", str(path)])
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output
    missing = runner.invoke(app, ["scan", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_scan_out_is_atomic(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"BR100 1024 TFLOPS\n" * 10 + b"\xff")
    out = tmp_path / "report.md"
    result = runner.invoke(app, ["scan", str(bad), "--out", str(out), "--format", "markdown"])
    assert result.exit_code == 1 and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_read_chunks_decodes_across_chunk_boundaries(tmp_path):
    path = tmp_path / "zh.txt"
    text = "壁仞BR100的BF16算力为1024TFLOPS。" * 5000  # multi-byte characters split across 64 KiB chunks
    path.write_text(text, encoding="utf-8")
    assert "".join(read_chunks(path)) == text


HEADLINE = [c for c in load_curated(CLAIMS) if not c.in_corpus]


@pytest.mark.parametrize("curated", HEADLINE, ids=lambda c: c.id)
def test_headline_claims_get_their_expected_verdict(catalogue, curated):
    (result,) = audit([curated], catalogue)
    assert result.verdict == curated.expected, [j.explanation for j in result.judgements]
    assert set(curated.expected_flags) <= set(result.flags)


def test_corpus_has_no_regression_against_its_baseline(catalogue):
    from specbench.claims.corpus import Accuracy, load_baseline

    results = audit(load_curated(CLAIMS), catalogue)
    baseline = load_baseline(CLAIMS)
    assert baseline is not None
    assert baseline.regressions(results) == []
    accuracy = Accuracy.of(results)
    # The corpus the issue asks for: 250+ real sentences, 100+ Chinese, 80+ English.
    assert accuracy.total["all"] >= 250
    assert accuracy.total["lang:zh"] >= 100 and accuracy.total["lang:en"] >= 80


def test_articles_have_no_regression_against_the_baseline(catalogue):
    from specbench.claims.corpus import audit_article, load_articles, load_baseline

    articles = [(a, audit_article(a, catalogue)) for a in load_articles(CLAIMS)]
    baseline = load_baseline(CLAIMS)
    assert baseline is not None and len(baseline.articles_passing) >= 300
    assert baseline.regressions([], articles) == []


def test_an_article_claim_that_stops_passing_or_turns_confidently_wrong_is_a_regression(catalogue):
    from specbench.claims.corpus import Article, Baseline, Expectation, audit_article, baseline_text

    # the A100 80GB's bandwidth is 2,039 GB/s [NV-A1]: 2,039 holds, 1,555 is the 40GB's (another SKU)
    article = Article(
        "a100-test", "en", "test", "The A100 80GB has 2,039 GB/s of memory bandwidth.",
        [Expectation("2,039 GB/s", expected="supported")],
    )  # fmt: skip
    passing = [(article, audit_article(article, catalogue))]
    assert passing[0][1][0].passed
    recorded = Baseline(frozenset(), frozenset(), frozenset({"a100-test | 2,039 GB/s"}))
    wrong = Article(article.slug, "en", "test", article.text, [Expectation("2,039 GB/s", expected="false")])
    assert recorded.regressions([], [(wrong, audit_article(wrong, catalogue))]) == [
        "a100-test | 2,039 GB/s: was false, now supported",
        "a100-test | 2,039 GB/s: new confident wrong verdict supported (expected false)",
    ]
    never = Article(article.slug, "en", "test", article.text, [Expectation("2,039 GB/s", never="supported")])
    problems = Baseline(frozenset(), frozenset()).regressions([], [(never, audit_article(never, catalogue))])
    assert problems == ["a100-test | 2,039 GB/s: new confident wrong verdict supported (expected never supported)"]
    # the baseline names the article's passing claim by file and quote
    assert '"a100-test | 2,039 GB/s"' in baseline_text([], passing)


def test_corpus_entries_cite_a_url(catalogue):
    corpus = [c for c in load_curated(CLAIMS) if c.in_corpus]
    assert corpus and all(c.url.startswith(("http://", "https://")) for c in corpus), [
        c.id for c in corpus if not c.url.startswith("http")
    ]


def test_audit_writes_the_report(tmp_path):
    out = tmp_path / "reports" / "claims.md"
    result = runner.invoke(app, ["audit", str(CLAIMS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "confident wrong verdicts" in text
    assert "| br100-3.3x-a100 | 在Int8、BF16、TF32/TF32+、FP32等数据格式下" in text


def _one_claim(tmp_path, claim_id, expected):
    """A claims folder holding one sentence whose truth is known: A100 BF16 is 312 TFLOPS dense."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "one.toml").write_text(
        f'[[claim]]\nid = "{claim_id}"\ntext = "A100的BF16算力为312TFLOPS"\nsource = "NVIDIA datasheet"\n'
        f'expected = "{expected}"\n',
        encoding="utf-8",
    )
    return claims


def test_audit_fails_on_a_new_confident_wrong_verdict(tmp_path):
    claims = _one_claim(tmp_path, "wrong", "false")
    out = tmp_path / "claims.md"
    result = runner.invoke(app, ["audit", str(claims), "--out", str(out)])
    assert result.exit_code == 1
    assert "wrong: confident wrong (supported)" in result.output
    assert "| false | supported ✗✗ |" in out.read_text(encoding="utf-8")


def test_audit_fails_when_a_passing_claim_regresses(tmp_path):
    claims = _one_claim(tmp_path, "ok", "unverifiable")
    (claims / "baseline.toml").write_text('passing = ["ok"]\nknown_confident_wrong = []\n', encoding="utf-8")
    result = runner.invoke(app, ["audit", str(claims), "--out", str(tmp_path / "claims.md")])
    assert result.exit_code == 1
    assert "ok: was unverifiable, now supported" in result.output


def test_bad_claims_files_are_reported(tmp_path):
    (tmp_path / "bad.toml").write_text('[[claim]]\nid = "x"\ntext = "t"\nexpected = "maybe"\n', encoding="utf-8")
    with pytest.raises(SpecbenchError, match="missing source"):
        load_curated(tmp_path)


def test_committed_report_is_current(catalogue):
    from specbench.claims.render import audit_report

    report = Path(__file__).resolve().parent.parent / "reports" / "claims.md"
    from specbench.claims.corpus import audit_article, load_articles

    articles = [(a, audit_article(a, catalogue)) for a in load_articles(CLAIMS)]
    expected = audit_report(audit(load_curated(CLAIMS), catalogue), catalogue, "claims/", articles)
    assert report.read_text(encoding="utf-8") == expected, "run `specbench audit` and commit reports/claims.md"


def test_default_claims_dir_is_found():
    assert (default_claims_dir() / "launch-coverage.toml").is_file()


def test_parallel_scan_gives_the_same_findings_in_order(catalogue, tmp_path):
    # The first file streams more batches than the parent holds for a worker ahead of it.
    articles = []
    for index, copies in enumerate((1200, 10, 300, 1)):
        article = tmp_path / f"article{index}.txt"
        article.write_text(ARTICLE * copies, encoding="utf-8")
        articles.append(article)
    serial = [(f.file, f.line, f.judgement.verdict, f.judgement.flags) for f in scan(articles, catalogue, jobs=1)]
    parallel = [(f.file, f.line, f.judgement.verdict, f.judgement.flags) for f in scan(articles, catalogue, jobs=3)]
    assert parallel == serial
    assert len(serial) == 3 * (1200 + 10 + 300 + 1)


def test_scan_csv_has_one_row_per_claim_and_the_summary_beside_it(tmp_path):
    import csv
    import io

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(article), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "file", "line", "verdict", "flags", "chip", "rival", "metric", "claimed", "claimed_value",
        "claimed_unit", "catalogue_value", "catalogue_unit", "catalogue", "claimed_ratio", "ratio", "text",
    ]  # fmt: skip
    # Biren's figures: BF16 1024 TFLOPS, INT8 2048 TOPS; "2 PFLOPS of AI performance" is the INT8 figure
    picked = [
        (r["line"], r["verdict"], r["chip"], r["claimed_value"], r["claimed_unit"], r["catalogue_value"]) for r in rows
    ]
    assert picked == [
        ("2", "supported", "BR100", "1000", "TFLOPS", "1024"),
        ("2", "supported", "BR100", "2000", "TOPS", "2048"),
        ("5", "misleading", "BR100", "2000", "TFLOPS", "2048"),
    ]
    assert rows[2]["flags"] == "precision-mismatch; multi-die; unit-confusion"
    assert f"specbench scan: {article}: 3 claim(s): 2 supported, 1 misleading, 0 false, 0 unverifiable" in result.stderr


def test_scan_ends_with_the_claims_per_verdict_of_each_file(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("壁仞科技今日发布BR100芯片。\n", encoding="utf-8")  # no figure: no claim
    text = runner.invoke(app, ["scan", str(first), str(second)]).stdout
    summary = text[text.index("Summary\n") :].splitlines()
    assert summary[2].split() == ["file", "claims", "supported", "misleading", "false", "unverifiable"]
    assert summary[4].split() == [str(first), "3", "2", "1", "0", "0"]
    assert summary[5].split() == [str(second), "0", "0", "0", "0", "0"]
    assert summary[6].split() == ["all", "files", "3", "2", "1", "0", "0"]
    markdown = runner.invoke(app, ["scan", str(first), "--format", "markdown"]).stdout
    assert markdown.endswith(f"| {first} |        3 |           2 |            1 |       0 |              0 |\n")
    records = json.loads(runner.invoke(app, ["scan", str(first), str(second), "--format", "json"]).stdout)
    assert records["summary"] == [
        {"file": str(first), "claims": 3, "supported": 2, "misleading": 1, "false": 0, "unverifiable": 0},
        {"file": str(second), "claims": 0, "supported": 0, "misleading": 0, "false": 0, "unverifiable": 0},
    ]


def test_scan_progress_never_reaches_a_pipe(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE * 50, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(article), "--out", str(tmp_path / "claims.csv"), "-f", "csv"])
    assert result.stderr.count("\r") == 0 and "\x1b" not in result.stderr


def test_a_tables_column_is_weighed_whole_in_a_scan(tmp_path, catalogue):
    # XConnect Global (2025): under "FP64 TFLOPS", the A100's FP64 Tensor Core 19.5 [NV-A1] beside the
    # H100's vector 34 [NV-H1]; the rows are judged together when the table ends, then the prose after
    article = tmp_path / "table.md"
    article.write_text(
        "| GPU Model | FP64 TFLOPS |\n|---|---|\n| A100 | 19.5 TFLOPS |\n| H100 | 34 TFLOPS |\n\n"
        "The A100 delivers 312 TFLOPS of FP16.\n",
        encoding="utf-8",
    )
    found = [(f.line, f.judgement.claim.subject, f.judgement.verdict) for f in scan([article], catalogue)]
    assert found == [
        (3, "nvidia-a100-sxm4-80gb", "misleading"),
        (4, "nvidia-h100-sxm5", "supported"),
        (6, "nvidia-a100-sxm4-80gb", "supported"),
    ]

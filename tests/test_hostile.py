"""Hostile input: every command given bad values, odd paths and crafted files ends with a result
or one clear line and an exit code (0, 1, 2, or 130 when interrupted), within time proportional
to its input, and changes no file but the output it was asked for."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import stat
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from specbench.cli import app

SPECS = Path(__file__).resolve().parent.parent / "specs"
runner = CliRunner()


def invoke(args: list[str]) -> tuple[int, str, str]:
    """Run a command in process: (exit code, stdout, stderr), failing on any uncaught exception."""
    result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args!r} raised {result.exception!r}") from result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code: int, stderr: str, *, exit_code: int = 1, names: str = "") -> None:
    assert code == exit_code, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert names in lines[0], lines[0]


def spec_folder(tmp_path: Path, old: str, new: str, file: str = "nvidia-h20.toml") -> Path:
    """A copy of the bundled spec folder with one value of one file replaced."""
    folder = tmp_path / "specs"
    shutil.copytree(SPECS, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


# ---- spec values are numbers and units, never expressions; never infinite -----------------------

BAD_VALUES = [
    ("10**10**10 TFLOPS", "is not a number and a unit"),  # evaluated, this hangs
    ("2**2**2**2**2 TFLOPS", "is not a number and a unit"),  # evaluated, this overflows
    ("148 * 10**400 TFLOPS", "is not a number and a unit"),
    ("inf TFLOPS", "is not a number and a unit"),
    ("nan TFLOPS", "is not a number and a unit"),
    ("1e400 TFLOPS", "is not a finite number"),
    ("1" + "0" * 5000 + " TFLOPS", "a number of 5001 digits"),
    ("1e-300 TFLOPS", "outside the plausible range"),  # printed as 0, it made ratios infinite
    ("1e20 TFLOPS", "outside the plausible range"),
    ("__import__('os') TFLOPS", "is not a number and a unit"),
]


@pytest.mark.parametrize(("value", "message"), BAD_VALUES, ids=[m[:24] for m, _ in BAD_VALUES])
def test_a_bad_spec_value_is_one_line_from_lint_and_compare(tmp_path, value, message):
    folder = spec_folder(tmp_path, 'value = "148 TFLOPS"', f'value = "{value}"')
    code, stdout, stderr = invoke(["lint", str(folder)])
    assert code == 1
    problems = [line for line in stdout.splitlines() if "nvidia-h20.toml" in line]
    assert len(problems) == 1 and "throughput[3].value" in problems[0] and message in problems[0], stdout
    assert len(problems[0]) < 300  # a 5,000-digit value is not echoed in full
    code, stdout, stderr = invoke(["compare", "H20", "A100", "--specs", str(folder)])
    assert_one_line_error(code, stderr, names="nvidia-h20.toml")
    assert stdout == ""


def test_the_documented_product_forms_still_parse():
    from specbench import units

    assert units.to_canonical("8 * 64 GB/s", "bandwidth") == 512
    assert units.to_canonical("57.5 mm × 57.5 mm", "area") == pytest.approx(3306.25)
    assert units.to_canonical("770 亿", "count") == pytest.approx(7.7e10)


def test_no_output_format_writes_nan_or_infinity(tmp_path):
    for fmt in ("json", "csv", "markdown", "text", "html"):
        code, stdout, _ = invoke(["compare", "BR100", "A100", "H20", "--format", fmt])
        assert code == 0
        assert not re.search(r"\b(?:nan|NaN|inf|Infinity)\b", stdout), fmt
    from specbench.tables import json_text

    assert (
        json_text({"ratio": float("inf"), "rows": [float("nan"), 1.5]}, indent=None)
        == '{"ratio": null, "rows": [null, 1.5]}'
    )


# ---- numeric options: finite, positive, bounded ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["roofline", "BR100", "--intensity", "nan"], "--intensity takes positive, finite numbers"),
        (["roofline", "BR100", "--intensity", "1,inf"], "--intensity takes positive, finite numbers"),
        (["roofline", "BR100", "--decode-params", "inf"], "--decode-params must be a positive number"),
        (["roofline", "BR100", "--bytes-per-param", "nan"], "--bytes-per-param must be a positive number"),
        (["roofline", "BR100", "--intensity", "x" * 100_000], "--intensity takes comma-separated numbers"),
        (["cluster", "BR100", "--count", "1" + "0" * 40], "--count must be between 1 and"),
        (["cluster", "BR100", "--count", "8", "--efficiency", "nan"], "--efficiency must be a fraction"),
        (["scan", "README.md", "--jobs", "0"], "--jobs must be between 1 and 64"),
        (["scan", "README.md", "--jobs", "-3"], "--jobs must be between 1 and 64"),
        (["scan", "README.md", "--jobs", "100000"], "--jobs must be between 1 and 64"),
    ],
)
def test_bad_numeric_options_are_one_line(args, message):
    code, stdout, stderr = invoke(args)
    assert_one_line_error(code, stderr, exit_code=2, names=message)
    assert len(stderr) < 300 and stdout == ""


# ---- output targets -------------------------------------------------------------------------------


def test_out_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    target, link = tmp_path / "table.md", tmp_path / "link.md"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    code, _, stderr = invoke(["compare", "BR100", "A100", "--out", str(link)])
    assert code == 0, stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# BR100 vs A100")


def test_out_to_a_fifo_streams_through_it_and_keeps_it(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, stderr = invoke(["compare", "BR100", "A100", "--out", str(fifo)])
    reader.join(timeout=30)
    assert code == 0, stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a regular file
    assert received and received[0].startswith(b"# BR100 vs A100")


def test_out_to_dev_stdout_and_dash_print_the_output_and_dev_null_stays_a_device():
    for target in ("/dev/stdout", "-"):
        result = run_cli(["compare", "BR100", "A100", "--out", target])
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("# BR100 vs A100")
    result = run_cli(["compare", "BR100", "A100", "--out", "/dev/null"])
    assert result.returncode == 0 and result.stdout == "", result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # written through, never replaced by a file


def test_scan_refuses_to_write_over_the_article_it_reads(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("BR100的FP32算力为256 TFLOPS。\n", encoding="utf-8")
    before = article.read_bytes()
    code, _, stderr = invoke(["scan", str(article), "--out", str(article)])
    assert_one_line_error(code, stderr, names="it is one of the files read")
    assert article.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 300 + ".md", "file name longer than 255 bytes"),
        ("file.txt/table.md", "Not a directory"),
        ("missing/table.md", "does not exist"),
        (".", "it is a folder"),
    ],
)
def test_output_paths_that_cannot_be_files_are_one_line(tmp_path, name, message):
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    target = str(tmp_path / name)
    for args in (["compare", "BR100", "A100", "--out", target], ["roofline", "BR100", "--plot", target]):
        code, stdout, stderr = invoke(args)
        assert_one_line_error(code, stderr, names=message)
        assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep"


def test_full_or_closed_standard_output_is_one_line():
    with open("/dev/full", "w") as full:
        result = subprocess.run([*CLI, "compare", "BR100", "A100"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == "specbench: error: cannot write to standard output: No space left on device"
    result = subprocess.run(
        [*CLI, "compare", "BR100", "A100"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "specbench: error: standard output is closed"


def _refuse_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` behave as a read-only folder does for an ordinary user. The tests run as
    root, for whom chmod 555 changes nothing, so the refusal the kernel would give is injected
    where a temporary file is created."""
    import errno
    import tempfile

    create = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if Path(kwargs.get("dir", "")).resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return create(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--out", "{folder}/audit.md"],
        ["roofline", "BR100", "A100", "--plot", "{folder}/roofline.svg"],
        ["compare", "BR100", "A100", "--out", "{folder}/table.md"],
        ["report", "--out", "{folder}"],
    ],
    ids=["audit", "roofline-plot", "compare", "report"],
)
def test_a_read_only_output_folder_is_one_line_and_leaves_it_empty(tmp_path, monkeypatch, args):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    _refuse_writes_in(folder, monkeypatch)
    code, _, stderr = invoke([arg.format(folder=folder) for arg in args])
    assert_one_line_error(code, stderr, names="Permission denied")
    assert "read-only" in stderr  # the path is named (clipped from the left when long)
    assert list(folder.iterdir()) == []


def test_a_spec_file_that_cannot_be_read_is_named_by_compare_and_lint(tmp_path, monkeypatch):
    folder = spec_folder(tmp_path, 'name = "H20"', 'name = "H20"')
    unreadable = folder / "nvidia-h20.toml"
    unreadable.chmod(0)  # what an ordinary user meets; root reads through it, hence the injection
    import errno

    for method in ("open", "read_bytes"):
        original = getattr(Path, method)

        def refuse(self, *args, _original=original, **kwargs):
            if self == unreadable:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, refuse)
    code, stdout, stderr = invoke(["compare", "BR100", "A100", "--specs", str(folder)])
    assert_one_line_error(code, stderr, names="nvidia-h20.toml")
    assert "cannot read: Permission denied" in stderr and stdout == ""
    code, stdout, _ = invoke(["lint", str(folder)])
    assert code == 1 and "nvidia-h20.toml" in stdout and "cannot read: Permission denied" in stdout


# ---- interrupts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_parallel_scan_exits_130_and_leaves_nothing(tmp_path, signum):
    """Ctrl-C reaches the whole process group; so does a SIGTERM sent to it."""
    process, articles = _parallel_scan_under_way(tmp_path, files=6)
    os.killpg(process.pid, signum)
    try:
        _, stderr = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError("the scan did not end within 10 s of the signal") from None
    assert process.returncode == 130, stderr
    assert stderr.strip() == "specbench: interrupted"
    time.sleep(0.2)
    assert not _group_members(process.pid), "worker processes were left behind"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(a).name for a in articles)


def test_workers_of_a_killed_scan_end_with_it_and_print_nothing(tmp_path):
    process, _ = _parallel_scan_under_way(tmp_path, files=4)
    process.kill()  # the parent alone, as an out-of-memory killer would
    _, stderr = process.communicate(timeout=10)
    deadline = time.monotonic() + 5
    while _group_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _group_members(process.pid), "workers outlived their parent"
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_a_parallel_scan_holds_a_bounded_number_of_findings_whatever_the_file_size(tmp_path, monkeypatch, catalogue):
    """While the parent waits on a slow first file, a worker racing through a claim-dense second
    file may send only BUFFERED batches ahead; the rest wait in the worker. Unbounded, the parent
    would hold every finding of the second file (about 33 MB here) before printing any."""
    import tracemalloc

    from specbench import scan as scanning

    slow, fast = tmp_path / "slow.txt", tmp_path / "fast.txt"
    slow.write_text("x", encoding="utf-8")
    fast.write_text("x", encoding="utf-8")

    def findings(path, reader, judge):  # forked workers inherit this stand-in for the reader
        if path == slow:
            time.sleep(2.0)  # the second worker is far ahead by now
            yield scanning.Finding(str(path), 1, "slow", None)
            return
        for line in range(30_000):
            yield scanning.Finding(str(path), line, f"{line:07d}" + "x" * 1000, None)

    monkeypatch.setattr(scanning, "scan_file", findings)
    tracemalloc.start()
    try:
        seen = sum(1 for _ in scanning.scan([slow, fast], catalogue, jobs=2))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == 30_001
    # BUFFERED batches of BATCH findings of about 1.1 kB each, plus the message
    # being read: 2.5 MB (5 MB measured with tracing; 40 MB unbounded)
    assert peak < 12_000_000, f"the parent held {peak / 1e6:.1f} MB"


def _parallel_scan_under_way(tmp_path: Path, files: int) -> tuple[subprocess.Popen[str], list[str]]:
    """`scan --jobs 2 --out` of ``files`` articles of a few seconds' work each, in its own
    process group, once findings are streaming to the output's temporary file."""
    sentence = "BR100的FP32算力为256 TFLOPS，是A100的13倍。壁仞科技今日发布了新产品。\n"
    articles = []
    for index in range(files):
        article = tmp_path / f"article{index}.txt"
        article.write_text(sentence * 40_000, encoding="utf-8")
        articles.append(str(article))
    process = subprocess.Popen(
        [*CLI, "scan", *articles, "--jobs", "2", "--out", str(tmp_path / "claims.txt")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".claims.txt.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the scan ended before it could be interrupted"
    time.sleep(0.3)
    return process, articles


def _group_members(group: int) -> list[str]:
    found = subprocess.run(["ps", "-eo", "pid=,pgid=,stat="], capture_output=True, text=True).stdout
    return [
        line for line in found.splitlines() if line.split()[1] == str(group) and not line.split()[2].startswith("Z")
    ]


CLI = [sys.executable, "-m", "specbench"]


def run_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)


# ---- malformed spec folders -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[tdp]", "big = " + "9" * 5000 + "\n[tdp]", "invalid TOML: Exceeds the limit (4300 digits)"),
        ("[tdp]", "deep = " + "[" * 100_000 + "]" * 100_000 + "\n[tdp]", "nested too deeply"),
        ('name = "H20"', 'name = ""', "name: is empty"),
        ('name = "H20"', 'name = "   "', "name: is empty"),
        ('name = "H20"', 'name = "H20\\nH200"', "name: holds a line break"),
        ('name = "H20"', 'name = " H20"', "name: starts or ends with spaces"),
        ('aliases = ["HGX H20", "H20 SXM"]', 'aliases = ["HGX H20", "\\t"]', "aliases[1]: is empty"),
    ],
    ids=["int-5000-digits", "deep-nesting", "empty-name", "blank-name", "two-line-name", "padded-name", "tab-alias"],
)
def test_a_malformed_spec_file_is_one_line_naming_file_and_field(tmp_path, old, new, message):
    folder = spec_folder(tmp_path, old, new)
    code, stdout, stderr = invoke(["compare", "BR100", "A100", "--specs", str(folder)])
    assert_one_line_error(code, stderr, names="nvidia-h20.toml")
    assert message in stderr and len(stderr) < 400
    code, stdout, _ = invoke(["lint", str(folder)])
    assert code == 1 and message in stdout


def test_a_long_chain_of_bases_is_a_lint_error_not_a_crash(tmp_path):
    folder = tmp_path / "specs"
    shutil.copytree(SPECS, folder)
    for index in range(1500):
        base = f"chain{index + 1}" if index < 1499 else "nvidia-h20"
        (folder / f"chain{index}.toml").write_text(
            f'id = "chain{index}"\nname = "Chain {index}"\nvendor = "X"\nfamily = "Chain {index}"\n'
            f'sku = "card"\nform_factor = "PCIe"\nbase = "{base}"\n',
            encoding="utf-8",
        )
    code, _, stderr = invoke(["compare", "BR100", "A100", "--specs", str(folder)])
    assert_one_line_error(code, stderr, names="base: a chain of more than 8 bases")


def test_a_spec_file_that_cannot_be_opened_is_no_traceback(tmp_path):
    folder = spec_folder(tmp_path, 'name = "H20"', 'name = "H20"')
    (folder / "broken.toml").symlink_to(folder / "broken.toml")  # a link to itself cannot be opened
    code, _, stderr = invoke(["compare", "BR100", "A100", "--specs", str(folder)])
    assert code in (0, 1), stderr  # skipped as not a file, or named; never a traceback
    assert "Traceback" not in stderr


# ---- unclear messages ------------------------------------------------------------------------------


def test_specs_naming_a_file_or_empty_says_so(tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    code, _, stderr = invoke(["compare", "BR100", "A100", "--specs", str(afile)])
    assert_one_line_error(code, stderr, exit_code=2, names="is a file, not a folder of spec files")
    code, _, stderr = invoke(["compare", "BR100", "A100", "--specs", ""])
    assert_one_line_error(code, stderr, exit_code=2, names="--specs is empty")


def test_report_check_on_a_file_names_it(tmp_path):
    afile = tmp_path / "reports"
    afile.write_text("x", encoding="utf-8")
    code, stdout, stderr = invoke(["report", "--out", str(afile), "--check"])
    assert_one_line_error(code, stderr, names="is a file, not a report folder")
    assert stdout == ""


def test_a_huge_unknown_name_is_not_echoed_in_full():
    code, _, stderr = invoke(["show", "Q" * 100_000])
    assert_one_line_error(code, stderr, names="unknown chip 'QQQ")
    assert len(stderr) < 200


# ---- injection ------------------------------------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(tmp_path):
    folder = spec_folder(tmp_path, 'name = "H20"', 'name = "=HYPERLINK(\\"http://x\\")"')
    args = ["compare", "BR100", '=HYPERLINK("http://x")', "--specs", str(folder), "--format", "csv"]
    code, stdout, stderr = invoke(args)
    assert code == 0, stderr
    cells = [cell for line in stdout.splitlines() for cell in line.split(",")]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") or cell.startswith("\"'=HYPERLINK") for cell in cells)
    from specbench.tables import csv_cell

    assert csv_cell("-0.5") == "-0.5" and csv_cell("-cmd") == "'-cmd" and csv_cell("@SUM(A1)") == "'@SUM(A1)"


def test_markdown_basis_sentence_escapes_html_in_names(tmp_path):
    folder = spec_folder(tmp_path, 'name = "H20"', 'name = "H20 <img src=x onerror=alert(1)>"')
    code, stdout, stderr = invoke(["compare", "BR100", "H20 <img src=x onerror=alert(1)>", "--specs", str(folder)])
    assert code == 0, stderr
    assert "<img" not in stdout and "&lt;img" in stdout


# ---- the cache ------------------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and the cache file of the bundled catalogue once it is written."""
    from specbench import store

    folder = tmp_path / "cache"
    monkeypatch.setenv("SPECBENCH_CACHE_DIR", str(folder))
    store.load()
    (path,) = folder.glob("catalogue-*.cache")
    return path


def _h20_fp16(catalogue) -> float:
    chip = catalogue.get("H20")
    return next(f.value for f in chip.throughput() if f.precision == "fp16" and f.execution == "matrix")


@pytest.mark.parametrize(
    "damage",
    ["wrong-shape", "deep-nesting", "edited", "truncated", "dev-zero"],
)
def test_a_damaged_catalogue_cache_is_rebuilt_not_trusted(cache, damage):
    from specbench import cachefile, store

    if damage == "wrong-shape":  # whole, with a valid checksum, but not a catalogue
        cachefile.write(cache, {"format": 1, "chips": "x", "sources": [1]})
    elif damage == "deep-nesting":  # a valid checksum of lists nested 100,000 deep
        body = b"[\x01\x00\x00\x00" * 100_000 + b"N"
        cache.write_bytes(cachefile._MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    elif damage == "edited":  # one figure changed by hand: 148.0 is stored as a double
        header, _, body = cache.read_bytes().partition(b"\n")
        assert struct.pack("<d", 148.0) in body
        cache.write_bytes(header + b"\n" + body.replace(struct.pack("<d", 148.0), struct.pack("<d", 999.0), 1))
    elif damage == "truncated":
        cache.write_bytes(cache.read_bytes()[:1000])
    else:
        cache.unlink()
        cache.symlink_to("/dev/zero")
    catalogue = store.load()
    assert _h20_fp16(catalogue) == 148.0  # the spec file's figure, not the cache's
    if damage != "dev-zero":
        assert cachefile.read(cache, 1 << 30) is not None  # rewritten whole


def test_stale_catalogue_caches_are_evicted(cache):
    from specbench import store

    for index in range(12):
        old = cache.with_name(f"catalogue-old{index}.cache")
        old.write_text("x", encoding="utf-8")
        os.utime(old, (time.time() - 3600 - index, time.time() - 3600 - index))
    cache.unlink()
    store.load()
    left = sorted(p.name for p in cache.parent.glob("catalogue-*.cache"))
    assert len(left) == 8 and cache.name in left


# ---- curated claim files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (None, "flags = ", "flags must be a list of text"),
        (None, "id = ", "id must be text"),
        (None, "claim-is-number", "must be a table"),
    ],
    ids=["flags-string", "id-integer", "claim-number"],
)
def test_a_malformed_claim_file_is_one_line_from_audit(tmp_path, old, new, message):
    claims = tmp_path / "claims"
    claims.mkdir()
    entry = (
        '[[claim]]\nid = "x"\ntext = "BR100的FP32算力为256 TFLOPS。"\nlang = "zh"\nexpected = "supported"\n'
        'flags = []\nsource = { publisher = "P", title = "T", date = "2022", url = "https://example.com" }\n'
    )
    if new == "flags = ":
        entry = entry.replace("flags = []", 'flags = "multi-die"')
    elif new == "id = ":
        entry = entry.replace('id = "x"', "id = 5")
    else:
        entry = "claim = [5]\n"
    (claims / "bad.toml").write_text(entry, encoding="utf-8")
    code, _, stderr = invoke(["audit", str(claims), "--out", str(tmp_path / "claims.md")])
    assert_one_line_error(code, stderr, names=message)
    assert "bad.toml" in stderr
    assert not (tmp_path / "claims.md").exists()


# ---- report ------------------------------------------------------------------------------------------


def test_a_report_that_fails_part_way_changes_no_file(tmp_path):
    out = tmp_path / "reports"
    code, _, stderr = invoke(["report", "--out", str(out)])
    assert code == 0, stderr
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    for path in before:
        path.write_bytes(b"old")  # every file stale
    (out / "roofline.svg").unlink()
    (out / "roofline.svg").mkdir()  # one file cannot be written
    code, _, stderr = invoke(["report", "--out", str(out)])
    assert_one_line_error(code, stderr, names="roofline.svg")
    assert all(p.read_bytes() == b"old" for p in before if p.name != "roofline.svg")
    assert not [p for p in out.rglob("*.tmp")]


# ---- a bounded fuzz of the spec loader ---------------------------------------------------------


def test_any_value_in_a_spec_file_gives_problems_or_a_catalogue_never_an_exception(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from specbench.store import validate

    folder = tmp_path / "specs"
    shutil.copytree(SPECS, folder)
    path = folder / "nvidia-h20.toml"
    original = path.read_text(encoding="utf-8")
    values = st.one_of(
        st.text(max_size=40).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
        st.integers().map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.sampled_from(["[]", "{}", "true", "[1, [2]]", '"1e309 W"', '"-5 TFLOPS"', '"0x10 GB"', '"1_000 W"']),
        st.from_regex(r"\A[0-9*^. e+-]{1,12} ?(TFLOPS|GB/s|W|mm|亿)\Z").map(lambda t: '"' + t + '"'),
    )
    fields = ['value = "148 TFLOPS"', 'value = "400 W"', 'name = "H20"', 'value = "96 GB"', 'family = "H20"']

    @settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(field=st.sampled_from(fields), value=values)
    def run(field, value):
        key = field.split(" = ")[0]
        path.write_text(original.replace(field, f"{key} = {value}", 1), encoding="utf-8")
        catalogue, problems = validate(folder)
        assert catalogue is not None or problems

    run()


def test_the_catalogue_read_from_the_cache_is_the_validated_one(cache):
    """Figures are kept as rows and the name index with them: read back, every chip, figure,
    source and name is what validating the spec files gives."""
    from specbench import store
    from specbench.store.cache import read

    validated = store.load(use_cache=False)
    cached = read(cache)
    assert cached is not None
    assert cached.chips == validated.chips
    assert cached.sources == validated.sources
    assert cached._index == validated._index and cached._index
    assert all(isinstance(f.sources, tuple) for chip in cached.chips.values() for f in chip.figures)

"""Inputs of scan and check: standard input and web pages (served here, never from the internet)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from specbench import inputs
from specbench.cli import app

from .test_decoding import BOMIN, KKJ

runner = CliRunner()
PAGE = Path(__file__).parent / "fixtures" / "kkj-biren-br100-launch-2022.html"


def test_check_reads_standard_input():
    result = runner.invoke(app, ["check", "-", "--format", "json"], input="BR100的16位浮点算力达到1000T以上\n")
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.stdout)["claims"]
    # Biren: BF16 1024 TFLOPS (BR-1); "1000T以上" holds
    assert (claim["verdict"], claim["catalogue_value"], claim["catalogue_unit"]) == ("supported", 1024.0, "TFLOPS")


def test_check_refuses_standard_input_that_is_not_utf8():
    result = runner.invoke(app, ["check", "-"], input=KKJ.encode("gbk"))
    assert result.exit_code == 1
    assert result.output.startswith("specbench: error: standard input is not UTF-8 text (bad byte at offset ")
    assert result.output.count("\n") == 1


def test_scan_reads_standard_input_in_gbk():
    result = runner.invoke(app, ["scan", "-", "--format", "json"], input=KKJ.encode("gbk"))
    records = json.loads(result.stdout)
    found = {(r["file"], r["line"], r["text"]): r["verdict"] for r in records["claims"]}
    # claims/articles/kkj-biren-br100-launch-2022.toml: INT8 2048 TOPS supported, on the first line
    assert found[("<stdin>", 1, "INT8性能达到了2048 TOPS")] == "supported"
    assert records["summary"][0]["file"] == "<stdin>"


def test_standard_input_is_read_beside_files_with_several_jobs(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(KKJ, encoding="utf-8")
    result = runner.invoke(app, ["scan", "-", str(article), "--jobs", "2", "--format", "json"], input=KKJ.encode("gbk"))
    summary = json.loads(result.stdout)["summary"]
    assert [row["file"] for row in summary] == ["<stdin>", str(article)]
    assert summary[0]["claims"] == summary[1]["claims"] > 0  # the same article, in GBK and in UTF-8


def test_standard_input_is_read_once():
    result = runner.invoke(app, ["scan", "-", "-"], input="x")
    assert result.exit_code == 2
    assert "standard input ('-') can be read only once" in result.output


class Pages(BaseHTTPRequestHandler):
    """Pages by path: the saved article, a Big5 page declaring its charset, errors."""

    def do_GET(self) -> None:  # the name http.server calls
        if self.path == "/article.html":
            self._send(200, "text/html; charset=utf-8", PAGE.read_bytes())
        elif self.path == "/big5.txt":
            self._send(200, "text/plain; charset=big5", BOMIN.encode("big5"))
        elif self.path == "/gbk-undeclared":
            self._send(200, "text/plain", KKJ.encode("gbk"))
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n")
        elif self.path == "/unsized":  # no Content-Length: the body ends when the connection closes
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"BR100 1024 TFLOPS. " * 1000)
        elif self.path == "/large":
            self._send(200, "text/plain", b"BR100 1024 TFLOPS. " * 1000)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def scan_json(*args: str) -> tuple[int, dict, str]:
    result = runner.invoke(app, ["scan", *args, "--format", "json", "--jobs", "1"])
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, result.stderr


def test_scan_reads_a_web_page_for_its_article(server):
    code, records, _ = scan_json(f"{server}/article.html")
    claims = records["claims"]
    assert {r["file"] for r in claims} == {f"{server}/article.html"}
    # the page's 64GB HBM2E paragraph is on its line 31; BR100 has 64 GB (Biren)
    assert {"line": 31, "text": "64GB", "verdict": "supported"}.items() <= next(
        r for r in claims if r["text"] == "64GB"
    ).items()
    assert not any("312" in r["text"] for r in claims)  # the script's document.write is not text
    assert code == 1  # FP32+ 512 is misleading


def test_scan_follows_a_redirect_and_uses_the_declared_or_detected_charset(server):
    _, moved, _ = scan_json(f"{server}/moved")
    assert len(moved["claims"]) == 13
    _, big5, _ = scan_json(f"{server}/big5.txt")
    assert "A100的性能則為624Tflops" in [r["text"] for r in big5["claims"]]
    _, gbk, _ = scan_json(f"{server}/gbk-undeclared")
    assert "BF16性能1024TFLOPS" in [r["text"] for r in gbk["claims"]]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "cannot fetch '{url}': HTTP 404 Not Found"),
        ("/image.png", "'{url}' is image/png, not a web page or text"),
        ("/large", "cannot fetch '{url}': 19000 bytes is more than the limit of 1000 bytes"),
        ("/unsized", "cannot fetch '{url}': the page is larger than the limit of 1000 bytes"),
    ],
)
def test_a_page_that_cannot_be_read_is_one_error(server, monkeypatch, path, message):
    monkeypatch.setattr(inputs, "MAX_BYTES", 1000)
    url = f"{server}{path}"
    result = runner.invoke(app, ["scan", url, "--jobs", "1"])
    assert result.exit_code == 1
    assert result.output == f"specbench: error: {message.format(url=url)}\n"


def test_an_unreachable_server_is_one_error():
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(app, ["scan", f"http://127.0.0.1:{port}/a.html"])
    assert result.exit_code == 1
    assert result.output.startswith(f"specbench: error: cannot fetch 'http://127.0.0.1:{port}/a.html': ")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output

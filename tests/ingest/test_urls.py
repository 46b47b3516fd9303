"""Fetching reports over real HTTP on loopback (the guard is relaxed only for loopback tests)."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wartrace.errors import InputError
from wartrace.ingest import Input, load_input
from wartrace.ingest.sources import check_url

PAGE = (b"<html><head><title>Wire</title></head><body><article><p>"
        + b"Rebels shelled the northern district on 3 March 2016, killing at least 12 people. " * 3
        + b"</p></article></body></html>")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        if self.path == "/article.html":
            self._send(PAGE, "text/html; charset=utf-8")
        elif self.path == "/redirect-internal":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data")
            self.end_headers()
        elif self.path == "/redirect-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"x" * 10_000)
        elif self.path == "/slow":
            time.sleep(3)
            self._send(b"late", "text/plain")
        else:
            self.send_error(404)

    def _send(self, body, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fetch(url, **kw):
    return load_input(Input(url, url.rsplit("/", 1)[-1], is_url=True), allow_loopback_urls=True, **kw)


def test_html_over_http(server):
    doc, raw = fetch(server + "/article.html")
    assert raw == PAGE
    assert doc.media_type == "text/html" and "killing at least 12 people" in doc.text
    assert doc.name == "article.html" and doc.source.endswith("/article.html")


def test_loopback_is_refused_without_the_test_switch(server):
    with pytest.raises(InputError) as err:
        load_input(Input(server + "/article.html", "article.html", is_url=True))
    assert err.value.code == "WT104"


@pytest.mark.parametrize("path", ["/redirect-internal", "/redirect-file"])
def test_redirects_to_forbidden_places_are_refused(server, path):
    with pytest.raises(InputError) as err:
        fetch(server + path)
    assert err.value.code == "WT104"


def test_redirect_check_applies_without_the_switch():
    with pytest.raises(InputError):
        check_url("http://169.254.169.254/")


def test_huge_response_is_cut_off(server):
    with pytest.raises(InputError) as err:
        fetch(server + "/huge", max_bytes=100_000)
    assert err.value.code == "WT107"


def test_not_found(server):
    with pytest.raises(InputError) as err:
        fetch(server + "/missing")
    assert err.value.code == "WT105" and "404" in err.value.message

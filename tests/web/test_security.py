"""Server hardening over real HTTP: read-only unless a token, headers, limits, escaping."""
from __future__ import annotations

import hashlib
import http.client
import subprocess
import sys

import click
import pytest

from tests.web.test_api import get

PAGES = ["/", "/timeline", "/map", "/ledger", "/documents", "/places", "/actors", "/search?q=xssFlag", "/events/9",
         "/claims/8", "/api/events", "/static/style.css", "/static/map.js", "/nope", "/api/nope"]


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_everywhere(hand_server, path):
    _status, headers, _ = get(hand_server, path)
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "server" not in headers or "uvicorn" not in headers["server"].lower()


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_changing_methods_need_the_token(hand_server, method):
    status, headers, body = request(hand_server, method, "/api/events", b"{}", {"Content-Type": "application/json"})
    assert status == 403 and b"read-only" in body and "content-security-policy" in headers
    status, _, _ = request(hand_server, method, "/api/events", b"{}", {"Authorization": "Bearer wrong"})
    assert status == 403
    status, _, _ = request(hand_server, method, "/api/events?token=s3cret-token", b"{}")
    assert status == 403  # never in a URL
    status, _, _ = request(hand_server, method, "/api/events", b"{}", {"Authorization": "Bearer s3cret-token"})
    assert status == 405  # authorised, but nothing can be changed yet


def test_request_size_limits(hand_server):
    auth = {"Authorization": "Bearer s3cret-token"}
    status, _, _ = request(hand_server, "POST", "/api/events", b"x" * (70 * 1024), auth)
    assert status == 413
    status, _, _ = request(hand_server, "GET", "/search?q=" + "a" * 5000)
    assert status in (414, 431, 400)
    status, _, body = get(hand_server, "/search?q=" + "a" * 300)  # long queries are cut, not fatal
    assert status == 200


def test_foreign_host_names_are_refused(hand_server):
    status, _, _ = request(hand_server, "GET", "/api/events", headers={"Host": "attacker.example"})
    assert status == 400  # a DNS-rebinding page cannot read the loopback server
    assert request(hand_server, "GET", "/api", headers={"Host": f"localhost:{hand_server.port}"})[0] == 200


def test_report_text_is_escaped_in_every_page(hand_server):
    for path in PAGES[:-2] + [f"/documents/{d}" for d in _doc_ids(hand_server)]:
        _, headers, body = get(hand_server, path)
        if not headers["content-type"].startswith("text/html"):
            assert headers["content-type"].startswith(("application/json", "text/css", "text/javascript"))
            continue  # JSON carries the text as data; nosniff keeps browsers from reading it as HTML
        html = body.decode()
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, path
        assert "onerror=\"window" not in html, path


def _doc_ids(server):
    import json

    return [d["id"] for d in json.loads(get(server, "/api/documents")[2])]


def test_the_database_file_is_never_written(hand_db, hand_server):
    before = hashlib.sha256(hand_db.read_bytes()).hexdigest()
    for path in PAGES:
        get(hand_server, path)
    request(hand_server, "POST", "/api/events", b"{}", {"Authorization": "Bearer s3cret-token"})
    assert hashlib.sha256(hand_db.read_bytes()).hexdigest() == before


def test_read_only_connection_refuses_writes(hand_db):
    from wartrace.web.data import ReadOnlyStore

    store = ReadOnlyStore(str(hand_db))
    with pytest.raises(Exception) as err:
        store.query("DELETE FROM events")
    assert "readonly" in str(err.value).lower() or "read-only" in str(err.value).lower()
    store.close()


def test_serve_defaults_to_loopback_and_registers():
    from wartrace.web.cli import register, serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    group = click.Group()
    register(group)
    assert "serve" in group.commands


def test_serve_refuses_a_missing_database(tmp_path):
    missing = tmp_path / "none.db"
    result = subprocess.run([sys.executable, "-m", "wartrace.web", "--db", str(missing), "--port", "0"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Error: [WT401]" in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()  # never created


def test_serve_refuses_a_bad_tile_url(hand_db):
    result = subprocess.run([sys.executable, "-m", "wartrace.web", "--db", str(hand_db), "--tile-url",
                             "javascript:alert(1)"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--tile-url" in result.stderr


def test_tile_url_is_allowed_by_the_csp_and_drawn(hand_db):
    import warnings

    from wartrace.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    app = create_app(str(hand_db), tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as client:
        r = client.get("/map")
    assert "img-src 'self' data: https://*.tile.example.org https://a.tile.example.org" in r.headers[
        "content-security-policy"]
    assert '<image href="https://' in r.text and ".tile.example.org/" in r.text

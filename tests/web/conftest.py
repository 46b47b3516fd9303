"""Servers for the web tests: `wartrace serve` started as a subprocess on loopback.

The server is started with ``python -m wartrace.web`` (the same click command that
`wartrace serve` runs), on a free port of 127.0.0.1, and stopped at the end.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BACKEND, REPO

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install -e '.[web]'")

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("WARTRACE_SCREENSHOTS", REPO / "artifacts" / "screenshots"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = db.with_suffix(f".{self.port}.log")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("WARTRACE_TOKEN", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "wartrace.web", "--db", str(db), "--host", "127.0.0.1", "--port", str(self.port),
             "--no-access-log", *extra],
            stdout=open(self.log, "wb"), stderr=subprocess.STDOUT, env=env, cwd=str(REPO))
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "/api", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"wartrace serve did not start:\n{self.log.read_text(errors='replace')}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@pytest.fixture(scope="session")
def hand_db(tmp_path_factory) -> Path:
    """The small hand-built database (with the XSS report) of tests/export/builders.py."""
    from tests.export.builders import build_store
    from wartrace.store import open_store

    if BACKEND != "sqlite":
        pytest.skip("the web tests serve SQLite files; they run in the SQLite pass")
    path = tmp_path_factory.mktemp("web") / "hand.db"
    store = open_store(str(path))
    build_store(store)
    store.close()
    return path


@pytest.fixture(scope="session")
def hand_server(hand_db):
    server = Server(hand_db, "--token", "s3cret-token")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def raqqa_db(tmp_path_factory) -> tuple[Path, dict]:
    from tests.conftest import RAQQA, RAQQA_GOLD

    if BACKEND != "sqlite":
        pytest.skip("the web tests serve SQLite files; they run in the SQLite pass")
    if not RAQQA.is_dir() or not RAQQA_GOLD.is_dir():
        pytest.skip("the shared Raqqa corpus is not available")
    from tests.web.raqqa import build_raqqa_db

    path = tmp_path_factory.mktemp("raqqa") / "raqqa.db"
    info = build_raqqa_db(path)
    return path, info


@pytest.fixture(scope="session")
def raqqa_server(raqqa_db):
    server = Server(raqqa_db[0])
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Debian chromium driven by Playwright (no browser download)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, viewport={"width": 1280, "height": 900},
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"])
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.js_errors = errors  # type: ignore[attr-defined]
    yield page
    page.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

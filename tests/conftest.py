"""Shared fixtures: paths to the shared corpus and gold, a fresh store, a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
import os


def _find_shared() -> Path:
    """The read-only shared folder: $WARTRACE_SHARED, ../shared next to the repo, or /work/shared."""
    for candidate in (os.environ.get("WARTRACE_SHARED"), REPO.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "corpus").is_dir():
            return Path(candidate)
    return REPO.parent / "shared"


SHARED = _find_shared()
RAQQA = SHARED / "corpus" / "raqqa-2017"
RAQQA_GOLD = SHARED / "gold" / "raqqa-2017"
WIKI = RAQQA / "000_bd109fa419851313.txt"


@pytest.fixture
def shared() -> Path:
    if not RAQQA.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def store(tmp_path):
    from wartrace.store import open_store

    s = open_store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture
def cli_run(tmp_path):
    """Invoke the CLI in-process; crashes fail the test instead of passing as exit 1."""
    from wartrace.cli import cli

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke

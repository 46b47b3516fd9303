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


@pytest.fixture(scope="session")
def shared() -> Path:
    if not RAQQA.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def store(db_url):
    from wartrace.store import open_store

    s = open_store(db_url)
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


# --- database backends -------------------------------------------------------------------
# The suite runs once per backend: WARTRACE_TEST_BACKEND=sqlite (default) or postgresql,
# with WARTRACE_TEST_PG the admin URL of a running server (scripts/services.sh prints it).

BACKEND = os.environ.get("WARTRACE_TEST_BACKEND", "sqlite")
PG_ADMIN = os.environ.get("WARTRACE_TEST_PG")
sqlite_only = pytest.mark.skipif(BACKEND != "sqlite", reason="checks the SQLite file itself")


def fresh_pg_database(admin_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    import uuid

    import sqlalchemy as sa

    name = f"wt_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(admin_url: str, url: str) -> None:
    import sqlalchemy as sa

    name = url.rsplit("/", 1)[-1]
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def database_location(tmp: Path, name: str) -> str:
    """A fresh database for module-scoped fixtures (PostgreSQL databases are dropped with the server's test run)."""
    if BACKEND == "postgresql":
        return fresh_pg_database(PG_ADMIN)
    return str(tmp / f"{name}.db")


@pytest.fixture
def new_db(tmp_path):
    """A factory of fresh database locations (an SQLite path or a new PostgreSQL database)."""
    made: list[str] = []

    def make(name: str = "test") -> str:
        if BACKEND == "postgresql":
            if not PG_ADMIN:
                pytest.fail("WARTRACE_TEST_BACKEND=postgresql needs WARTRACE_TEST_PG")
            url = fresh_pg_database(PG_ADMIN)
            made.append(url)
            return url
        return str(tmp_path / f"{name}.db")

    yield make
    for url in made:
        drop_pg_database(PG_ADMIN, url)


@pytest.fixture
def db_url(new_db) -> str:
    return new_db()

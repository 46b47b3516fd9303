"""The command line: every command has help, errors are one line with a hint, never a traceback."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, sqlite_only
from wartrace.cli import cli

COMMANDS = sorted(cli.commands)
README = (REPO / "README.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"^\$ wartrace ([a-z-]+)", README, flags=re.M))


def test_version(cli_run):
    result = cli_run("--version")
    assert result.exit_code == 0 and "0." in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(cli_run, name):
    result = cli_run(name, "--help")
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert name in DOCUMENTED, f"`wartrace {name}` is missing from README.md"


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_readme_commands_exist(name):
    assert name in COMMANDS


def test_missing_file_is_a_failure_line_not_a_traceback(cli_run, tmp_path, db_url):
    result = cli_run("ingest", str(tmp_path / "nope.txt"), "--db", db_url)
    assert result.exit_code == 1
    assert "No such file" in result.output and "Traceback" not in result.output


def test_unreadable_file(cli_run, tmp_path, db_url, monkeypatch):
    target = tmp_path / "locked.txt"
    target.write_text("secret report")
    real_open = open

    def deny(path, *args, **kwargs):  # root ignores chmod, so refuse the read here
        if str(path) == str(target.absolute()):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    result = cli_run("ingest", str(target), "--db", db_url)
    assert result.exit_code == 1
    assert "permission denied" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("url, words", [
    ("gopher://example.org/x", "scheme"),
    ("file:///etc/passwd", "scheme"),
    ("http://user:pw@example.org/", "credentials"),
    ("http://127.0.0.1:9/x", "non-public"),
    ("http://169.254.169.254/latest/meta-data", "non-public"),
    ("http://[::1]/x", "non-public"),
    ("http:///nohost", "host"),
])
def test_bad_urls(cli_run, tmp_path, db_url, url, words):
    result = cli_run("ingest", url, "--db", db_url)
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output


def test_show_unknown_document(cli_run, tmp_path, db_url):
    result = cli_run("show", "abcdef", "--db", db_url)
    assert result.exit_code == 2
    assert "WT109" in result.output and "Hint:" in result.output


def test_unknown_export_format(cli_run, tmp_path, db_url):
    result = cli_run("export", "--format", "nope", "--out", str(tmp_path / "o"), "--db", db_url)
    assert result.exit_code == 2 and "WT111" in result.output


@sqlite_only
def test_bad_database_file(cli_run, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 500)
    result = cli_run("docs", "--db", str(bad))
    assert result.exit_code == 3 and "WT401" in result.output


def test_demo_runs_and_says_where_the_results_are(cli_run, db_url):
    result = cli_run("demo", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert "mosul-timeline.md" in result.output and db_url in result.output


def test_ingest_run_docs_show_export(cli_run, tmp_path, db_url):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Rebels captured the village of Example on 4 June 2019.")
    db = db_url
    first = cli_run("ingest", str(corpus), "--db", db)
    assert first.exit_code == 0 and first.output.startswith("new")
    again = cli_run("ingest", str(corpus), "--db", db)
    assert "already stored" in again.output
    assert cli_run("run", str(corpus), "--db", db).exit_code == 0
    listed = cli_run("docs", "--db", db)
    assert "a.txt" in listed.output
    shown = cli_run("show", "a.txt", "--db", db)
    assert "Rebels captured" in shown.output
    out = tmp_path / "out"
    exported = cli_run("export", "--db", db, "--format", "gold", "--out", str(out))
    assert exported.exit_code == 0
    for name in ("events.jsonl", "claims.jsonl"):
        for line in (out / name).read_text().splitlines():
            json.loads(line)

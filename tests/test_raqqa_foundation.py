"""The foundation's acceptance checks on the example corpus."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import RAQQA, RAQQA_GOLD, SHARED


def test_run_show_rerun_export_and_score(cli_run, tmp_path, shared, db_url):
    db = db_url
    first = cli_run("run", str(RAQQA), "--db", db)
    assert first.exit_code == 0, first.output
    assert "5 new" in first.output
    shown = cli_run("show", "000_bd109fa419851313.txt", "--db", db)
    assert "(2016–2017)" in shown.output and "â€“" not in shown.output
    second = cli_run("run", str(RAQQA), "--db", db)
    assert "0 new" in second.output and "5 unchanged" in second.output
    out = tmp_path / "pred"
    assert cli_run("export", "--db", db, "--format", "gold", "--out", str(out)).exit_code == 0
    assert (out / "events.jsonl").exists() and (out / "claims.jsonl").exists()
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(RAQQA_GOLD), "--pred", str(out), "--json"],
        capture_output=True, text=True, check=True,
    )
    figures = json.loads(score.stdout)
    assert "events" in figures and "claims" in figures


def test_exported_quotes_are_the_original_text(cli_run, tmp_path, shared, db_url):
    db = db_url
    cli_run("run", str(RAQQA), "--db", db)
    out = tmp_path / "pred"
    cli_run("export", "--db", db, "--format", "gold", "--out", str(out))
    for name in ("events.jsonl", "claims.jsonl"):
        for line in (out / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = (RAQQA / record["doc"]).read_text(encoding="utf-8")
            assert text[record["start"] : record["end"]] == record["quote"]

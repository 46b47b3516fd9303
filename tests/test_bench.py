"""The benchmarks still run (on a tiny corpus): their figures go into docs/performance.md."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RAQQA, SHARED

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not RAQQA.is_dir(), reason="../shared is not available")
def test_pipeline_bench_prints_every_figure():
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "bench_pipeline.py"), "--words", "3000",
                           "--workers", "1", "--no-reference"], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "WARTRACE_SHARED": str(SHARED)})  # where the tests found it
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for line in ("corpus", "stage time", "stage events", "stage claims", "all stages", "end-to-end, 1 worker"):
        assert line in out, out
    assert "peak RSS" in out

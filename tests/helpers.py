"""Test helpers that build input files (no binary blobs are committed)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WARTRACE = [sys.executable, "-m", "wartrace"]


def mixed_corpus(folder: Path) -> Path:
    """The example corpus (when ../shared is there) plus the bundled demo, copied into `folder`."""
    import shutil
    from importlib import resources

    from tests.conftest import RAQQA

    folder.mkdir(parents=True, exist_ok=True)
    if RAQQA.is_dir():
        for f in RAQQA.iterdir():
            shutil.copy(f, folder / f.name)
    with resources.as_file(resources.files("wartrace.demo") / "corpus") as demo:
        for f in Path(demo).iterdir():
            shutil.copy(f, folder / f.name)
    return folder
_VOLATILE = {"claim_id", "event_id", "id", "failed_at", "finished_at"}


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF whose text layer holds `lines` (Helvetica, plain ASCII)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines
    ) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _strip(value):
    """Drop row ids and timestamps, which differ between equivalent runs."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def snapshot(db: Path, out: Path) -> dict:
    """Everything a user sees: the gold export and the ledger, without row ids."""
    subprocess.run([*WARTRACE, "export", "--db", str(db), "--format", "gold", "--out", str(out)], check=True,
                   capture_output=True)
    ledger = subprocess.run([*WARTRACE, "ledger", "--db", str(db), "--format", "json"], check=True,
                            capture_output=True, text=True).stdout
    control = subprocess.run([*WARTRACE, "control", "--db", str(db), "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
    docs = subprocess.run([*WARTRACE, "docs", "--db", str(db)], check=True, capture_output=True, text=True).stdout
    return {
        "events": sorted((out / "events.jsonl").read_text().splitlines()),
        "claims": sorted((out / "claims.jsonl").read_text().splitlines()),
        "ledger": _strip(json.loads(ledger or "[]")),
        "control": _strip(json.loads(control or "[]")),
        "docs": sorted(line.split()[0] for line in docs.splitlines()),
    }



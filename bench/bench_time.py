"""Words per second of the time stage alone (sentences are split beforehand, not timed).

    python bench/bench_time.py [--repeat N] [FILE_OR_DIR ...]

Default input: the Raqqa corpus and the Wikipedia battle articles in ../shared/corpus.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from wartrace.ingest import load_path
from wartrace.pipeline.stage import DocState
from wartrace.segment import split_sentences
from wartrace.time.stage import TimeStage

SHARED = Path(os.environ.get("WARTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"
DEFAULT_INPUTS = [SHARED / "raqqa-2017", SHARED / "wikipedia-battles"]


def _files(inputs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in inputs:
        if path.is_dir():
            out.extend(p for p in sorted(path.rglob("*")) if p.suffix in (".txt", ".md", ".html"))
        elif path.is_file():
            out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    states = []
    words = 0
    for path in _files(args.inputs):
        document = load_path(str(path))
        states.append(DocState(document).with_annotation("doc.sentences", split_sentences(document.text)))
        words += len(document.text.split())
    if not states:
        print("no input files", file=sys.stderr)
        return 1
    stage = TimeStage()
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for state in states:
            stage(state)
        best = min(best, time.perf_counter() - started)
    print(f"time stage: {len(states)} documents, {words} words, best of {args.repeat}: "
          f"{best:.3f} s = {words / best:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

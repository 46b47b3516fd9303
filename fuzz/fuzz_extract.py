"""atheris target: arbitrary text through every document stage (the extraction path).

Run: python fuzz/fuzz_extract.py -max_total_time=60
A finding is any exception, or an event or claim whose evidence lies outside the text.
"""
import sys

import atheris

with atheris.instrument_imports():
    from wartrace.errors import InputError
    from wartrace.ingest import document_from_bytes
    from wartrace.pipeline.parallel import apply_stages
    from wartrace.pipeline.runner import default_stages

STAGES = default_stages()
SEED_WORDS = ["captured", "shelled", "killed", "at least", "civilians", "On 3 June 2017", "the next day",
              "district of", "airstrike", "SDF", "ISIL", "the city", "%", "–", "between", "and", "fled"]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    parts = []
    while fdp.remaining_bytes():
        if fdp.ConsumeBool():
            parts.append(SEED_WORDS[fdp.ConsumeIntInRange(0, len(SEED_WORDS) - 1)])
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40)))
    text = " ".join(parts)
    try:
        doc = document_from_bytes(text.encode("utf-8"), "/fuzz/x.txt", "x.txt")
    except InputError:
        return
    result = apply_stages(doc, STAGES)
    assert result.failed_stage is None, (result.failed_stage, result.message, result.detail)
    for item in (*result.events, *result.claims):
        assert 0 <= item.evidence.start <= item.evidence.end <= len(doc.text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()

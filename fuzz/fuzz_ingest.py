"""atheris target: arbitrary bytes through ingest (decode, format readers, cleaning, offset map).

Run: python fuzz/fuzz_ingest.py -max_total_time=60
A finding is any exception other than wartrace's own InputError, or an offset map that
points outside the original text.
"""
import sys

import atheris

with atheris.instrument_imports():
    from wartrace.errors import InputError
    from wartrace.ingest import document_from_bytes


def test_one_input(data: bytes) -> None:
    name = "fuzz.html" if data[:1] == b"<" else "fuzz.txt"
    try:
        doc = document_from_bytes(data, "/fuzz/" + name, name)
    except InputError:
        return
    n = len(doc.text)
    for start, end in ((0, n), (0, n // 2), (n // 3, n)):
        span = doc.clean.raw_span(start, end)
        assert 0 <= span.start <= span.end <= len(doc.original_text), (start, end, span)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()

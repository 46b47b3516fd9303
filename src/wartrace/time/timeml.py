"""TempEval-3 TimeML in and out: tag the TEXT of each input file with TIMEX3 elements.

The input is what TempEval-3 hands a system (DOCID, DCT with its CREATION_TIME
TIMEX3, TEXT). Tags are inserted into the original bytes of TEXT rather than by
re-serializing the XML, so everything else in the file stays as it was.

    python -m wartrace.time.timeml IN_DIR OUT_DIR
"""
from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

from wartrace.time.context import NEWS
from wartrace.time.tagger import tag
from wartrace.time.values import parse_dct

_ENCODING = re.compile(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)")
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_DCT_VALUE = re.compile(r"<DCT\b[^>]*>.*?<TIMEX3\b[^>]*\bvalue=\"([^\"]*)\"", re.S)
_MARKUP = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);")


def plain_text(raw: str) -> tuple[str, list[int]]:
    """The character data of an XML fragment, and for each of its characters the raw offset."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(raw):
        for i in range(pos, m.start()):
            chars.append(raw[i])
            offsets.append(i)
        token = m.group()
        if token.startswith("&"):
            decoded = html.unescape(token)
            for ch in decoded:
                chars.append(ch)
                offsets.append(m.start())
        pos = m.end()
    for i in range(pos, len(raw)):
        chars.append(raw[i])
        offsets.append(i)
    return "".join(chars), offsets


def annotate(document: str) -> tuple[str, int]:
    """The document with TIMEX3 tags in its TEXT, and how many were added."""
    text_match = _TEXT.search(document)
    if text_match is None:
        return document, 0
    dct_match = _DCT_VALUE.search(document)
    dct = parse_dct(dct_match.group(1)) if dct_match else None
    raw = text_match.group(1)
    text, offsets = plain_text(raw)
    found = tag(text, dct, NEWS)
    pieces: list[str] = []
    last = 0
    for n, item in enumerate(found, start=1):
        t = item.timex
        raw_start = offsets[t.start]
        raw_end = offsets[t.end - 1] + 1
        if raw[offsets[t.end - 1]] == "&":  # an entity: skip to its end
            raw_end = raw.index(";", offsets[t.end - 1]) + 1
        if raw_start < last:
            continue
        attrs = f'tid="t{n}" type="{t.type}" value="{html.escape(t.value, quote=True)}"'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        pieces.append(raw[last:raw_start])
        pieces.append(f"<TIMEX3 {attrs}>{raw[raw_start:raw_end]}</TIMEX3>")
        last = raw_end
    pieces.append(raw[last:])
    start, end = text_match.span(1)
    return document[:start] + "".join(pieces) + document[end:], len(found)


def annotate_file(src: Path, dst: Path) -> int:
    data = src.read_bytes()
    m = _ENCODING.match(data)
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    document, count = annotate(data.decode(encoding))
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(document.encode(encoding))
    return count


def annotate_dir(in_dir: str | os.PathLike, out_dir: str | os.PathLike) -> dict:
    """Tag every *.tml file under in_dir into the same relative path under out_dir."""
    in_path, out_path = Path(in_dir), Path(out_dir)
    files = timexes = 0
    for src in sorted(in_path.rglob("*.tml")):
        timexes += annotate_file(src, out_path / src.relative_to(in_path))
        files += 1
    return {"files": files, "timexes": timexes}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m wartrace.time.timeml IN_DIR OUT_DIR", file=sys.stderr)
        return 2
    summary = annotate_dir(args[0], args[1])
    print(f"tagged {summary['timexes']} TIMEX3 in {summary['files']} file(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One exception root and one catalogue of messages, each with a hint.

Codes are grouped by area: WT1xx input, WT2xx evidence, WT3xx policies and data
files, WT4xx store, WT5xx pipeline. Tests match on ``err.code``, never on wording.
"""
from __future__ import annotations

from typing import ClassVar

CATALOGUE: dict[str, tuple[str, str]] = {
    # input
    "WT101": ("No such file or directory: {path}", "Check the path; `wartrace ingest --help` shows what is accepted."),
    "WT102": ("Cannot read {path}: {reason}", "Check the file's permissions."),
    "WT103": ("Cannot decode {path} as text.", "Convert it to UTF-8, or check that it is a text, HTML, Markdown or PDF file."),
    "WT104": ("Unsupported URL {url}: {reason}", "Only http:// and https:// URLs of public hosts can be ingested."),
    "WT105": ("Could not fetch {url}: {reason}", "Check the address and your network connection."),
    "WT106": ("{path} holds no text to ingest{detail}.", "An empty or image-only file has nothing to extract."),
    "WT107": ("{path} is {size} bytes, over the {limit}-byte limit.", "Split the file, or raise the limit with --max-bytes."),
    "WT108": ("Cannot parse {path} as {kind}: {reason}", "Check that the file is not damaged or mislabelled."),
    "WT109": ("No document matches {ref!r}.", "`wartrace docs` lists the stored documents with their ids."),
    "WT110": ("{ref!r} matches {count} documents.", "Give more characters of the id, or the full file name."),
    "WT111": ("Unknown export format {name!r}.", "Choose one of: {choices}."),
    "WT112": ("Cannot write to {path}: {reason}", "Check that the folder exists and is writable."),
    "WT113": ("No place named {place!r} in the control history.", "`wartrace control` without a place lists them all."),
    # evidence
    "WT201": ("Invalid span [{start}, {end}).", "A span needs 0 <= start <= end."),
    "WT202": ("Span [{start}, {end}) is outside a text of length {length}.", "This is a bug in the stage that made the span."),
    # policies and data files
    "WT301": ("Policy {name!r} is already registered.", "A changed behaviour gets a new version name, e.g. .v2."),
    "WT302": ("Unknown policy {name!r}.", "Known policies: {choices}."),
    "WT303": ("Cannot load data file {path}: {reason}", "Check the file against the format in docs/."),
    # store
    "WT401": ("Cannot open database {url}: {reason}", "Check the path or URL given to --db."),
    "WT402": ("Database {url} has schema version {found}, newer than this wartrace knows ({known}).", "Upgrade wartrace."),
    "WT403": ("Database {url} is not a wartrace database.", "Use a new file, or the one a wartrace run created."),
    # pipeline
    "WT501": ("Stage {stage!r} needs {missing}, which no earlier stage provides.", "Reorder the stages or add the missing one."),
    "WT503": ("The cluster mode needs Dask: {reason}", "Install the extra: pip install 'wartrace[cluster]'."),
    "WT502": ("Stage {stage!r} failed on {doc}: {reason}", "The document is quarantined; `wartrace docs --failed` lists them."),
}


class WartraceError(Exception):
    """Root of every error wartrace raises on purpose; carries a code and a hint."""

    exit_code: ClassVar[int] = 1

    def __init__(self, code: str, **fields: object) -> None:
        message, hint = CATALOGUE[code]
        self.code = code
        self.fields = fields
        self.message = message.format(**fields)
        self.hint = hint.format(**fields)
        super().__init__(f"[{code}] {self.message}")


class InputError(WartraceError):
    exit_code = 2


class EvidenceError(WartraceError):
    exit_code = 1


class PolicyError(WartraceError):
    exit_code = 2


class StoreError(WartraceError):
    exit_code = 3


class PipelineError(WartraceError):
    exit_code = 1

"""Where reports come from: files, directories (recursively) and http(s) URLs.

Fetching is guarded: only http and https, no credentials in the URL, no hosts that
resolve to loopback, private, link-local or reserved addresses (checked again on every
redirect), a size cap and a timeout.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from wartrace.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a larger report is refused with a clear error (raise with --max-bytes)
FETCH_TIMEOUT = 30.0
MAX_REDIRECTS = 5
SKIPPED_NAMES = {"MANIFEST.tsv", "PROVENANCE.md", "README.md", ".DS_Store"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".text", ""}


@dataclass(frozen=True)
class Input:
    """One thing to ingest: a file path or a URL."""

    source: str  # absolute path or URL
    name: str  # file name (the `doc` of exports)
    is_url: bool = False


@dataclass(frozen=True)
class Skipped:
    """A path that was found but cannot be ingested, with the error to record."""

    source: str
    error: InputError


def is_url(ref: str) -> bool:
    return "://" in ref[:16]


def discover(refs: list[str]) -> Iterator[Input | Skipped]:
    """Expand paths and URLs into inputs; directories are walked in sorted order, symlink
    loops are not followed twice, and files of unknown kinds inside directories are skipped."""
    for ref in refs:
        if is_url(ref):
            yield Input(ref, _url_name(ref), is_url=True)
            continue
        path = Path(ref)
        if not path.exists() and not path.is_symlink():
            yield Skipped(ref, InputError("WT101", path=ref))
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield Input(str(path.absolute()), path.name)


def _walk(root: Path) -> Iterator[Input | Skipped]:
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or name in SKIPPED_NAMES or path.suffix.lower() not in TEXT_SUFFIXES:
                continue
            if not path.exists():  # dangling symlink
                yield Skipped(str(path), InputError("WT101", path=str(path)))
                continue
            yield Input(str(path.absolute()), name)


def _url_name(url: str) -> str:
    parsed = urllib.parse.urlsplit(url)
    tail = parsed.path.rstrip("/").rsplit("/", 1)[-1]
    return tail or parsed.hostname or "document"


def read_file(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError("WT107", path=path, size=size, limit=max_bytes)
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("WT101", path=path) from None
    except IsADirectoryError:
        raise InputError("WT102", path=path, reason="it is a directory") from None
    except PermissionError:
        raise InputError("WT102", path=path, reason="permission denied") from None
    except OSError as err:
        raise InputError("WT102", path=path, reason=err.strerror or str(err)) from None


def check_url(url: str, allow_loopback: bool = False) -> None:
    """Refuse URLs wartrace must not fetch (wrong scheme, credentials, internal hosts).

    `allow_loopback` lets tests fetch from a server on 127.0.0.1; every other
    non-public address (private, link-local such as cloud metadata, reserved) stays refused."""
    try:
        parsed = urllib.parse.urlsplit(url)
        port = parsed.port
    except ValueError as err:
        raise InputError("WT104", url=url, reason=str(err)) from None
    if parsed.scheme not in ("http", "https"):
        raise InputError("WT104", url=url, reason=f"scheme {parsed.scheme!r} is not allowed")
    if parsed.username or parsed.password:
        raise InputError("WT104", url=url, reason="credentials in URLs are not accepted")
    host = parsed.hostname
    if not host:
        raise InputError("WT104", url=url, reason="no host")
    try:
        infos = socket.getaddrinfo(host, port or (443 if parsed.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise InputError("WT105", url=url, reason=f"cannot resolve {host}: {err}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if allow_loopback and address.is_loopback:
            continue
        if not address.is_global:
            raise InputError("WT104", url=url, reason=f"{host} resolves to a non-public address ({address})")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_loopback: bool) -> None:
        self.allow_loopback = allow_loopback

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 (urllib API)
        check_url(newurl, self.allow_loopback)  # every hop is checked, not only the first
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = FETCH_TIMEOUT,
              allow_loopback: bool = False) -> tuple[bytes, str | None]:
    """Download a URL: (body, content type). `allow_loopback` is for tests on 127.0.0.1."""
    check_url(url, allow_loopback)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_loopback))
    request = urllib.request.Request(url, headers={"User-Agent": "wartrace (+https://example.invalid/wartrace)"})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError("WT107", path=url, size=int(length), limit=max_bytes)
            body = bytearray()
            while chunk := response.read(65536):
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise InputError("WT107", path=url, size=f"more than {max_bytes}", limit=max_bytes)
            return bytes(body), response.headers.get("Content-Type")
    except InputError:
        raise
    except urllib.error.HTTPError as err:
        if 300 <= err.code < 400:  # urllib refuses redirects to other schemes itself
            raise InputError("WT104", url=url, reason=f"redirect refused ({err.reason})") from None
        raise InputError("WT105", url=url, reason=f"HTTP {err.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        if isinstance(reason, InputError):
            raise reason from None
        raise InputError("WT105", url=url, reason=str(reason)[:200]) from None

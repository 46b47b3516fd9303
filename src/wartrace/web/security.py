"""HTTP hardening for `wartrace serve`, as one ASGI middleware.

* Security headers on every response: a Content-Security-Policy that allows scripts,
  styles and fetches only from the server itself (no inline script, no ``on*``
  handlers, no ``eval``), ``frame-ancestors 'none'`` and X-Frame-Options, nosniff,
  no referrer, same-origin opener and resource policies.
* Read-only unless a token: a request with a method other than GET, HEAD or OPTIONS
  is refused with 403 unless it carries the server's token (``Authorization: Bearer
  TOKEN`` or ``X-Wartrace-Token``); the token is never accepted in a URL, where logs
  and Referer headers would keep it.
* Size limits: a URL longer than `MAX_URL` gets 414; a body larger than `max_body`
  (declared or streamed) gets 413.
"""
from __future__ import annotations

import hmac
import json
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_URL = 4096
MAX_BODY = 64 * 1024


def content_security_policy(tile_url: str | None = None) -> str:
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"))
        host = parts.hostname or ""
        if "{s}" in tile_url:  # subdomains a, b, c of one tile server
            suffix = host.split(".", 1)[1] if "." in host else host
            img += f" {parts.scheme}://*.{suffix}"
        img += f" {parts.scheme}://{parts.netloc}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'; object-src 'none'")


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, token: str | None = None, tile_url: str | None = None,
                 max_body: int = MAX_BODY) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.headers = [
            (b"content-security-policy", content_security_policy(tile_url).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]

    def _authorised(self, scope: Scope) -> bool:
        if not self.token:
            return False
        given = None
        for name, value in scope.get("headers", ()):
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                given = value[7:].strip()
            elif name == b"x-wartrace-token":
                given = value.strip()
        return given is not None and hmac.compare_digest(given, self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", ())}
                message["headers"] = list(message.get("headers", ())) + [h for h in self.headers if h[0] not in names]
            await send(message)

        url_length = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string", b""))
        if url_length > MAX_URL:
            await _refuse(send_with_headers, 414, "The address is too long.")
            return
        method = scope.get("method", "GET").upper()
        if method not in SAFE_METHODS and not self._authorised(scope):
            await _refuse(send_with_headers, 403, "This server is read-only: changes need the server's token "
                                                  "(Authorization: Bearer TOKEN).")
            return
        declared = next((v for k, v in scope.get("headers", ()) if k == b"content-length"), None)
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await _refuse(send_with_headers, 400, "Bad Content-Length.")
                return
            if too_big:
                await _refuse(send_with_headers, 413, f"Request bodies are limited to {self.max_body} bytes.")
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            await _refuse(send_with_headers, 413, f"Request bodies are limited to {self.max_body} bytes.")


class BodyTooLarge(Exception):
    pass


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

"""The web application: `create_app(db)` builds it over a database opened read-only."""
from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from wartrace import __version__
from wartrace.web import api, pages
from wartrace.web.data import ReadOnlyStore
from wartrace.web.security import MAX_BODY, SecurityMiddleware

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
DESCRIPTION = """Read-only JSON API of a wartrace database: dated, located events and sourced
numeric claims, each with its evidence (offsets into the original text and the quote),
and the ledger that reconciles them. HTML pages with the same data live at /timeline,
/map, /ledger, /documents, /events/{id}, /claims/{id}, /places, /actors and /search."""


def allowed_hosts_for(host: str) -> list[str]:
    """Host headers to accept: the bound address and loopback names; any host when bound
    to every interface. Refusing other names blocks DNS-rebinding pages from reading a
    server on 127.0.0.1."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted(set(LOOPBACK_NAMES + [host, f"[{host}]" if ":" in host else host]))


def create_app(db: str, *, token: str | None = None, tile_url: str | None = None,
               allowed_hosts: list[str] | None = None, max_body: int = MAX_BODY) -> Any:
    """The ASGI app serving `db` (a SQLite path or database URL), opened read-only."""
    store = ReadOnlyStore(db)
    app = FastAPI(title="wartrace", version=__version__, description=DESCRIPTION,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.tile_url = tile_url
    app.state.token = token
    app.state.templates = pages.environment()
    static = resources.files("wartrace.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        return pages.render(request, "error.html", status=exc.status_code, title=f"{exc.status_code}",
                            message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "details": errors, "status": 422}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:  # never show a traceback to a browser
        return JSONResponse({"error": "internal error (see the server's log)", "status": 500}, status_code=500)

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["*"])
    # Outermost, so that every response (errors included) carries the security headers.
    return SecurityMiddleware(app, token=token, tile_url=tile_url, max_body=max_body)

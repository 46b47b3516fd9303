"""`wartrace serve`: the command, kept here so the web extra stays optional.

The main CLI adds it with ``register(cli)``; ``python -m wartrace.web`` runs it too.
"""
from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlsplit

import click

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _tile_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or not all(k in value for k in ("{z}", "{x}", "{y}")):
        raise click.BadParameter("give an http(s) URL template with {z}, {x} and {y}, "
                                 "e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    return value


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--db", default="wartrace.db", show_default=True, metavar="PATH|URL",
              help="The database to show (opened read-only; never created).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback shares the data with your network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="WARTRACE_TOKEN", default=None, metavar="TOKEN",
              help="Accept changing requests (POST, PUT, DELETE...) carrying `Authorization: Bearer TOKEN`; "
                   "without it the server is read-only. Also read from $WARTRACE_TOKEN. "
                   "`--token random` makes one and prints it.")
@click.option("--tile-url", default=None, callback=_tile_url, metavar="URL",
              help="Slippy-map tile URL template for a background map when online, e.g. "
                   "https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: none; the map works offline).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Extra Host header names to accept (e.g. a DNS name for the machine); repeatable.")
@click.option("--access-log/--no-access-log", default=True, show_default=True, help="Log each request.")
def serve(db: str, host: str, port: int, token: str | None, tile_url: str | None, allow_hosts: tuple[str, ...],
          access_log: bool) -> None:
    """Browse the events, map, ledger and documents in a web browser (read-only).

    Pages: /timeline /map /ledger /documents /places /actors /search; JSON API under
    /api (description at /api/openapi.json).

    Example: wartrace serve --db raqqa.db   (then open http://127.0.0.1:8000/)
    """
    try:
        import uvicorn

        from wartrace.web.app import allowed_hosts_for, create_app
    except ImportError as err:
        raise click.ClickException(f"`wartrace serve` needs the web extra ({err.name} is missing): "
                                   "pip install 'wartrace[web]'") from None
    if token == "random":
        token = secrets.token_urlsafe(24)
        click.echo(f"token: {token}")
    app = create_app(db, token=token, tile_url=tile_url,
                     allowed_hosts=allowed_hosts_for(host) + list(allow_hosts))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"wartrace: serving {db} read-only at http://{shown}:{port}/ (Ctrl-C to stop)")
    if not _is_loopback(host):
        click.secho(f"warning: listening on {host}: anyone who can reach this machine can read the database"
                    ".", err=True, fg="yellow")
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=access_log, server_header=False,
                proxy_headers=False, limit_concurrency=64, timeout_keep_alive=5,
                h11_max_incomplete_event_size=16 * 1024)


def register(cli: click.Group) -> None:
    """Add `serve` to the main command group."""
    cli.add_command(serve)

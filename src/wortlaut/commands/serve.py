"""CLI commands: serve (the web UI and JSON API, :mod:`wortlaut.web`)."""

from __future__ import annotations

import os

import click

from ..errors import AuthError


def ingest_token_from(var: str | None) -> str | None:
    """The ingest token from the named environment variable (never from the command line, where
    other users of the machine could read it in the process list)."""
    if not var:
        return None
    token = os.environ.get(var, "")
    if len(token) < 16:
        raise AuthError(
            f"${var} is unset or shorter than 16 characters",
            hint=f"export {var}=$(python -c 'import secrets; print(secrets.token_urlsafe(24))')",
        )
    return token


def register(main: click.Group) -> None:
    from ..cli import _db, clean_errors  # here, not at import: cli imports this module

    @main.command()
    @click.option(
        "--host",
        default="127.0.0.1",
        show_default=True,
        help="Address to bind; loopback unless you say otherwise.",
    )
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
    @click.option(
        "--ingest-token-env",
        metavar="VAR",
        help="Enable POST /api/ingest, guarded by the token in this environment variable.",
    )
    @click.pass_context
    @clean_errors
    def serve(ctx: click.Context, host: str, port: int, ingest_token_env: str | None) -> None:
        """Serve the web UI and JSON API over the store (read-only unless an ingest token is set)."""
        import uvicorn

        from ..store import default_db_path
        from ..web.app import LOOPBACK_HOSTS, create_app

        token = ingest_token_from(ingest_token_env)
        path = _db(ctx) or default_db_path()
        # On loopback, answer only loopback host names (no DNS rebinding); elsewhere any name.
        loopback = host in LOOPBACK_HOSTS
        app = create_app(path, ingest_token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
        if not loopback:
            click.echo(f"warning: serving on {host}: reachable from other machines", err=True)
        click.echo(
            f"Wortlaut on http://{host}:{port}/ over {path}" + (" (ingest enabled)" if token else ""),
            err=True,
        )
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)

"""The web application: pages, JSON API and static files over one store.

``create_app(store_path)`` is everything ``wortlaut serve`` runs, and what tests drive in-process.
It is read-only unless an ingest token is given; then ``POST /api/ingest`` exists too.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from urllib.parse import quote as urlquote

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import RequestError
from . import api, errors, markup, pages
from .stores import StorePool

#: No inline scripts or styles, no third parties: everything comes from this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response (plain ASGI: no per-request task overhead)
    and, when ``allowed_hosts`` is set, refuses requests for any other ``Host``: a web page
    elsewhere cannot then read a loopback server through DNS rebinding."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        if self.allowed_hosts is not None:
            host = host_of(Headers(scope=scope).get("host", ""))
            if host not in self.allowed_hosts:
                body = errors.error_body(RequestError.code, f"host {host!r} is not served here", 400)
                await JSONResponse(body, status_code=400)(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)


def host_of(header: str) -> str:
    """The host name of a ``Host`` header, without port (``[::1]:8000`` → ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


#: Names a browser uses for a loopback server; ``wortlaut serve`` on loopback accepts only these.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _web_dir(name: str) -> Path:
    return Path(str(resources.files("wortlaut.web").joinpath(name)))


MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def de_date(value: str | None, with_time: bool = False) -> str:
    """``2022-03-16T03:36:00+01:00`` → ``16.03.2022`` (``16.03.2022, 03:36 Uhr`` with time)."""
    if not value:
        return ""
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit() and 1 <= int(value[5:]) <= 12:
        return f"{MONTHS_DE[int(value[5:]) - 1]} {value[:4]}"  # a month only: "März 2022"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    if with_time and "T" in value:
        return parsed.strftime("%d.%m.%Y, %H:%M Uhr")
    return parsed.strftime("%d.%m.%Y")


_QUOTE_MARKS = "\"„“”»«‚‘’'"


def quoted(text: str, quote_type: str | None = "direct") -> str:
    """A direct quote in German marks („…“) unless its text already carries marks of its own."""
    text = text or ""
    if quote_type != "direct" or not text or text[0] in _QUOTE_MARKS:
        return text
    return f"„{text}“"


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(_web_dir("templates")))
    env = t.env
    env.globals.update(
        entity_href=markup.entity_href,
        article_href=lambda aid, version=None: (
            "/artikel/" + urlquote(aid, safe="") + (f"?version={version}" if version else "")
        ),
        quote_href=lambda qid, aid=None: (
            f"/zitat/{qid}" + (f"?artikel={urlquote(aid, safe='')}" if aid else "")
        ),
        QUOTE_TYPES_DE=markup.QUOTE_TYPES_DE,
        LABELS_DE=markup.LABELS_DE,
        version=__version__,
    )
    env.filters["de_date"] = de_date
    env.filters["quoted"] = quoted
    env.filters["de_num"] = lambda n: f"{n:,}".replace(",", ".")
    env.filters["qtype"] = lambda t: markup.QUOTE_TYPES_DE.get(t, t or "")
    env.filters["label"] = lambda t: markup.LABELS_DE.get(t, t or "")
    return t


def create_app(
    store_path: str | Path, *, ingest_token: str | None = None, allowed_hosts: frozenset[str] | None = None
) -> FastAPI:
    """The app over the store at ``store_path``; ``ingest_token`` enables ``POST /api/ingest``;
    ``allowed_hosts`` (e.g. :data:`LOOPBACK_HOSTS`) limits the ``Host`` names it answers."""
    pool = StorePool(Path(store_path))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close_all()

    app = FastAPI(
        title="Wortlaut",
        version=__version__,
        description="Who said what, about whom, where, when and with which numbers — German news as data.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.templates = templates()
    app.state.ingest_enabled = bool(ingest_token)

    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    errors.install(app)
    app.include_router(api.router)
    if ingest_token:
        app.state.ingest_token = ingest_token
        app.include_router(api.ingest_api)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(_web_dir("static"))), name="static")
    return app

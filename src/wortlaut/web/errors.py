"""One error shape for the whole web layer.

Every failure becomes ``{"error": {"code", "message", "status"}}`` with the HTTP status the
error class carries (:attr:`WortlautError.http_status`). API paths get JSON; pages get the same
facts rendered as an HTML page, so a reader of the UI sees a message instead of a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import RequestError, RouteNotFoundError, WortlautError

log = logging.getLogger("wortlaut.web")

#: German titles for the HTML error page.
_TITLES = {400: "Ungültige Anfrage", 403: "Kein Zugriff", 404: "Nicht gefunden", 405: "Nicht erlaubt"}


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    """The one JSON error shape (pinned by a test)."""
    return {"error": {"code": code, "message": message, "status": status}}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _respond(request: Request, code: str, message: str, status: int) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(code, message, status), status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"code": code, "message": message, "status": status, "title": _TITLES.get(status, "Fehler")},
        status_code=status,
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one shape."""

    @app.exception_handler(WortlautError)
    async def wortlaut_error(request: Request, exc: WortlautError) -> Response:
        return _respond(request, exc.code, str(exc), exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, RequestError.code, _validation_message(exc), RequestError.http_status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        if status == 404:
            message = f"nothing at {request.url.path}"
            if isinstance(exc.detail, str) and exc.detail != "Not Found":
                message = exc.detail
            return _respond(request, RouteNotFoundError.code, message, 404)
        if status == 405:
            message = f"{request.method} is not allowed at {request.url.path}"
            return _respond(request, RouteNotFoundError.code, message, 405)
        return _respond(request, RequestError.code, str(exc.detail), status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error at %s", request.url.path)
        if wants_json(request):
            return JSONResponse(
                error_body("W000", "internal error; see the server log", 500), status_code=500
            )
        return HTMLResponse("<h1>Interner Fehler</h1>", status_code=500)

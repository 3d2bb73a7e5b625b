"""The FastAPI app behind `detente serve`: HTML pages and the JSON API on one store.

Pages are rendered on the server with Jinja2 (autoescape on, so article text, titles and
scenario names are always shown as text); charts are drawn in the browser by Plotly, whose
JavaScript is served from the installed `plotly` package, never from a CDN. The
Content-Security-Policy allows scripts from this origin only, so even a payload that
escaped the templates could not run inline.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import plotly
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from detente import __version__
from detente.errors import DetenteError, InputError
from detente.web.store import Store

# Plotly's bundled JavaScript, shipped inside the Python package (package_data/).
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'; img-src 'self' data: blob:; "
    # Plotly sets style attributes and <style> rules at run time.
    "style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass
class Settings:
    """What one running dashboard serves."""

    db: Path
    scenario: Path | None = None
    seed: int = 20251020
    draws: int = 10_000
    max_upload_bytes: int = 2_000_000
    upload_dir: Path | None = None  # where uploaded files are kept; default: beside the store

    def uploads(self) -> Path:
        return self.upload_dir or self.db.resolve().parent / "uploads"


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("detente.web").joinpath(name)))


# Autoescape every template, whatever its file name: all shown text is untrusted.
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(_package_dir("templates"))), autoescape=True))


def create_app(settings: Settings) -> FastAPI:
    """Build the app for one store (and optionally one scenario file)."""
    from detente.web import api, pages  # noqa: PLC0415  (routers import this module)
    from detente.web.state import AppState  # noqa: PLC0415

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Compile the models' numba kernels and fill the cache with the default forecast in the
        # background, so the first page view does not wait for JIT compilation.
        if settings.scenario is not None:
            threading.Thread(target=_warm, args=(app,), daemon=True, name="detente-warm-up").start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="detente",
        version=__version__,
        description="Explore a detente store: corpus, events, actors, scenario and forecasts.",
        openapi_url="/api/openapi.json",
        # FastAPI's Swagger UI loads its JavaScript from a CDN; /api/docs is our own page instead
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = Store(settings.db)
    app.state.detente = AppState(settings)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        if request.method not in ("GET", "HEAD", "OPTIONS") and not same_origin(request):
            return JSONResponse({"detail": "cross-origin request refused"}, status_code=403)
        started = time.perf_counter()
        response = await call_next(request)
        # server time of the request, read by bench/web.py and the browser's network panel
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError):  # type: ignore[no-untyped-def]
        status = 400 if isinstance(exc, InputError) else 409
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"message": str(exc), "page": ""}, status_code=status
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # type: ignore[no-untyped-def]
        # e.g. the form parser's "Field exceeded maximum size of 1024KB." for pasted text
        if request.url.path.startswith("/api/") or exc.status_code == 405:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"message": str(exc.detail), "page": ""},
                                          status_code=exc.status_code)

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(PLOTLY_JS, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(_package_dir("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _warm(app: FastAPI) -> None:
    from detente.forecast.montecarlo import select_models  # noqa: PLC0415
    from detente.web.forecast_view import run  # noqa: PLC0415

    state, settings = app.state.detente, app.state.settings
    try:
        names = tuple(select_models(state.scenario().settings.models))
        state.cached(("forecast", settings.seed, settings.draws, names),
                     lambda sc: run(sc, seed=settings.seed, draws=settings.draws, models=names))
    except DetenteError:
        pass  # the pages show the same error when asked


def same_origin(request: Request) -> bool:
    """False when a browser says the request comes from another site (a form posted from a
    page elsewhere must not edit the scenario or add articles)."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null" and request.headers.get("sec-fetch-site") in (None, "same-origin"):
        return True
    return urlsplit(origin).netloc == request.headers.get("host")


def error_page(request: Request, message: str, status: int = 404) -> HTMLResponse:
    return templates.TemplateResponse(request, "error.html", {"message": message, "page": ""},
                                      status_code=status)

"""Server-rendered HTML pages. Each page gets its data from the same functions as /api/."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from detente.corpus.readers import SUFFIXES
from detente.errors import DetenteError, InputError
from detente.forecast.montecarlo import current_models
from detente.web import api, corpus, events_view, ledger_view, scenario_view
from detente.web.app import error_page, templates
from detente.web.state import AppState

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, page: str, **context: object) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"page": page, **context})


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/corpus", status_code=307)


@router.get("/corpus", response_class=HTMLResponse)
def corpus_page(request: Request) -> HTMLResponse:
    with request.app.state.store.read() as con:
        articles = corpus.list_articles(con)
    return render(request, "corpus.html", "corpus", articles=articles)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request) -> HTMLResponse:
    with request.app.state.store.read() as con:
        article = corpus.get_article(con, article_id)
    if article is None:
        return error_page(request, f"No article {article_id!r} in this store.")
    return render(request, "article.html", "corpus", article=article,
                  pieces=corpus.article_pieces(article))


def _state(request: Request) -> AppState:
    return request.app.state.detente


@router.get("/scenario", response_class=HTMLResponse)
def scenario_page(request: Request) -> HTMLResponse:
    state = _state(request)
    if not state.has_scenario():
        return render(request, "noscenario.html", "scenario")
    with state.lock:
        table = scenario_view.scenario_table(state.scenario(), state.version, state.edits)
    cells = {(c.actor, c.issue): c for c in table.cells}
    return render(request, "scenario.html", "scenario", table=table, cells=cells)


@router.post("/scenario/edit")
def scenario_edit(request: Request, actor: Annotated[str, Form()], field: Annotated[str, Form()],
                  value: Annotated[str, Form()], issue: Annotated[str | None, Form()] = None) -> Response:
    """Form fallback of PUT /api/scenario/value for browsers without JavaScript."""
    if field not in ("position", "salience", "capability"):
        raise InputError(f"field {field!r}: must be position, salience or capability")
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{actor}/{issue or ''} {field}: {value!r} is not a number") from None
    _state(request).edit(field, actor, issue or None, number)  # type: ignore[arg-type]
    return RedirectResponse("/scenario", status_code=303)


@router.post("/scenario/reset")
def scenario_reset(request: Request) -> Response:
    _state(request).reset()
    return RedirectResponse("/scenario", status_code=303)


@router.get("/forecast", response_class=HTMLResponse)
def forecast_page(request: Request, seed: str | None = None, draws: str | None = None,
                  model: Annotated[list[str] | None, Query()] = None) -> HTMLResponse:
    """The run form starts from the query (`?draws=&seed=&model=`); the forecast itself is
    fetched by the page from /api/forecast, which reports bad values."""
    state = _state(request)
    if not state.has_scenario():
        return render(request, "noscenario.html", "forecast")
    settings = request.app.state.settings
    known = list(current_models())
    scenario = state.scenario()
    default = [m for m in scenario.settings.models or () if m in known] or known  # as /api/forecast runs it
    chosen = [m for m in model or () if m in known] or default
    return render(request, "forecast.html", "forecast", scenario=scenario, edits=len(state.edits),
                  seed=_int_or(seed, settings.seed), draws=_int_or(draws, settings.draws),
                  models=known, chosen=chosen, inputs_hash=state.inputs_hash())


def _int_or(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


@router.post("/forecast/record")
def forecast_record(request: Request, seed: Annotated[int | None, Form()] = None,
                    draws: Annotated[int | None, Form()] = None,
                    model: Annotated[list[str] | None, Form()] = None,
                    inputs_hash: Annotated[str | None, Form()] = None) -> Response:
    """Form version of POST /api/forecast/record: records, then shows the record on the ledger."""
    out = api.record_forecast(request, api.RecordIn(seed=seed, draws=draws, models=model or None,
                                                    inputs_hash=inputs_hash or None))
    return RedirectResponse(f"/ledger?{'recorded' if out.new else 'already'}={quote(out.id)}#{quote(out.id)}",
                            status_code=303)


@router.get("/whatif", response_class=HTMLResponse)
def whatif_page(request: Request) -> HTMLResponse:
    state = _state(request)
    if not state.has_scenario():
        return render(request, "noscenario.html", "whatif")
    settings = request.app.state.settings
    return render(request, "whatif.html", "whatif", scenario=state.scenario(), edits=len(state.edits),
                  seed=settings.seed, draws=settings.draws)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    return render(request, "upload.html", "upload", limit=request.app.state.settings.max_upload_bytes,
                  suffixes=SUFFIXES)


@router.post("/upload", response_class=HTMLResponse)
async def upload_submit(request: Request, file: Annotated[UploadFile | None, File()] = None,
                        text: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
                        date: Annotated[str | None, Form()] = None,
                        lang: Annotated[str | None, Form()] = None) -> HTMLResponse:
    """Form version of POST /api/articles: shows the result or one clear error line."""
    limit = request.app.state.settings.max_upload_bytes
    context = {"limit": limit, "suffixes": SUFFIXES, "text": text or "", "title": title or "",
               "date": date or "", "lang": lang or ""}
    try:
        result = api.add_article(request, await api.read_upload(file, limit), text, title, date, lang)
    except DetenteError as exc:
        return templates.TemplateResponse(request, "upload.html", {"page": "upload", "error": str(exc), **context},
                                          status_code=400)
    return render(request, "upload.html", "upload", result=result, **context)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, actor: str | None = None, type: str | None = None,  # noqa: A002
                  status: str | None = None) -> HTMLResponse:
    with request.app.state.store.read() as con:
        data = events_view.timeline(con, actor or None, type or None, status or None)
    return render(request, "timeline.html", "timeline", data=data,
                  chosen={"actor": actor or "", "type": type or "", "status": status or ""})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    with request.app.state.store.read() as con:
        data = events_view.actors(con)
    return render(request, "actors.html", "actors", data=data)


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request) -> HTMLResponse:
    with request.app.state.store.read() as con:
        data = events_view.contradictions(con)
    return render(request, "contradictions.html", "contradictions", items=data)


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, recorded: str | None = None, already: str | None = None) -> HTMLResponse:
    with request.app.state.store.read() as con:
        data = ledger_view.ledger_view(con)
    ids = {f.id for f in data.forecasts}
    # a notice only for ids really in the ledger (the query string is the user's to change)
    return render(request, "ledger.html", "ledger", data=data,
                  recorded=recorded if recorded in ids else None, already=already if already in ids else None)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI description (no CDN-hosted Swagger UI)."""
    spec = request.app.openapi()
    routes = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
               "description": op.get("description", ""),
               "parameters": [(p["name"], p["in"], p.get("required", False)) for p in op.get("parameters", [])],
               "body": "requestBody" in op}
              for path, ops in spec["paths"].items() for method, op in ops.items()]
    return render(request, "apidocs.html", "api", routes=routes, version=spec["info"]["version"])

"""The JSON API under /api/: every page's data, described at /api/openapi.json."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, Response, UploadFile
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from detente.errors import DetenteError, InputError
from detente.forecast import ledger as forecast_ledger
from detente.forecast.montecarlo import select_models
from detente.scenario.load import dump_yaml
from detente.web import corpus, events_view, forecast_view, ledger_view, scenario_view
from detente.web.state import AppState
from detente.web.upload import check_size, pasted_file, safe_name, save_and_ingest
from detente.web.extraction import extract_articles

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/articles", response_model=list[corpus.ArticleRow])
def articles(request: Request) -> list[corpus.ArticleRow]:
    """All articles with date, source, language and ingest warnings."""
    with request.app.state.store.read() as con:
        return corpus.list_articles(con)


@router.get("/articles/{article_id:path}", response_model=corpus.ArticleDetail)
def article(article_id: str, request: Request) -> corpus.ArticleDetail:
    """One article's full text with its actor mentions and events (character offsets)."""
    with request.app.state.store.read() as con:
        found = corpus.get_article(con, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


# ---------------------------------------------------------------- scenario


class EditIn(BaseModel):
    """One value to change in the working scenario (its range widens to include it)."""

    field: Literal["position", "salience", "capability"]
    actor: str
    issue: str | None = None
    value: float
    low: float | None = None
    high: float | None = None


def _state(request: Request) -> AppState:
    return request.app.state.detente


def _table(state: AppState) -> scenario_view.ScenarioTable:
    with state.lock:
        return scenario_view.scenario_table(state.scenario(), state.version, state.edits)


@router.get("/scenario", response_model=scenario_view.ScenarioTable)
def scenario(request: Request) -> scenario_view.ScenarioTable:
    """The working scenario: actors x issues with value, range and cited sentences."""
    return _table(_state(request))


@router.put("/scenario/value", response_model=scenario_view.ScenarioTable)
def edit_value(edit: EditIn, request: Request) -> scenario_view.ScenarioTable:
    """Change one position, salience or capability; later forecasts use the edited scenario."""
    state = _state(request)
    state.edit(edit.field, edit.actor, edit.issue, edit.value, edit.low, edit.high)
    return _table(state)


@router.post("/scenario/reset", response_model=scenario_view.ScenarioTable)
def reset_scenario(request: Request) -> scenario_view.ScenarioTable:
    """Drop all edits: back to the scenario file as loaded."""
    state = _state(request)
    state.reset()
    return _table(state)


@router.get("/scenario.yaml", response_class=PlainTextResponse)
def scenario_yaml(request: Request) -> PlainTextResponse:
    """The working scenario (with edits) as a YAML file to save and use with the CLI."""
    text = dump_yaml(_state(request).scenario())
    return PlainTextResponse(text, media_type="application/yaml",
                             headers={"Content-Disposition": 'attachment; filename="scenario.yaml"'})


# ---------------------------------------------------------------- forecast and what-if

MAX_DRAWS = 100_000


def _run_params(request: Request, seed: int | None, draws: int | None) -> tuple[int, int]:
    settings = request.app.state.settings
    draws = settings.draws if draws is None else draws
    if not 1 <= draws <= MAX_DRAWS:
        raise InputError(f"draws={draws}: must be between 1 and {MAX_DRAWS}")
    return (settings.seed if seed is None else seed), draws


def run_forecast(request: Request, seed: int | None, draws: int | None,
                 models: list[str] | None) -> forecast_view.Run:
    """The forecast of the working scenario, from the cache when these inputs, seed, draws and
    models were run before (`AppState.cached`); `out.cached` says which."""
    seed, draws = _run_params(request, seed, draws)
    state = _state(request)
    names = tuple(select_models(models or state.scenario().settings.models))
    run, hit = state.cached(("forecast", seed, draws, names),
                            lambda sc: forecast_view.run(sc, seed=seed, draws=draws, models=names))
    return forecast_view.Run(run.out.model_copy(update={"cached": hit}), run.forecast, run.scenario) if hit else run


@router.get("/forecast", response_model=forecast_view.ForecastOut)
def forecast(request: Request, seed: int | None = None, draws: int | None = None,
             model: Annotated[list[str] | None, Query()] = None) -> forecast_view.ForecastOut:
    """Monte Carlo forecast of the working scenario: outcome distributions per model, class
    probabilities with estimative words and confidence, model agreement, and the seconds
    each model took. A repeated request is answered from the server's cache (`cached`)."""
    return run_forecast(request, seed, draws, model).out


class RecordIn(BaseModel):
    """Which forecast of the working scenario to record (as shown on the forecast page)."""

    seed: int | None = None
    draws: int | None = None
    models: list[str] | None = None
    inputs_hash: str | None = Field(None, description="inputs hash of the forecast shown; when the working "
                                                      "scenario has changed since, nothing is recorded (409)")


class ChangeOut(BaseModel):
    actor: str | None
    issue: str | None
    field: str
    old: float | None
    new: float | None


class RecordOut(BaseModel):
    id: str
    new: bool
    message: str
    url: str
    scenario: str
    inputs_hash: str
    seed: int
    draws: int
    models: dict[str, str]
    edited: bool
    changes: list[ChangeOut]


def record_forecast(request: Request, body: RecordIn) -> RecordOut:
    """Record the (cached) forecast of the working scenario in the ledger, once."""
    run = run_forecast(request, body.seed, body.draws, body.models)
    if body.inputs_hash and body.inputs_hash != run.out.inputs_hash:
        raise DetenteError("the scenario was edited since this forecast was shown; re-run it before recording")
    state, settings = _state(request), request.app.state.settings
    with request.app.state.store.write() as con:
        rec = forecast_ledger.record_forecast(
            con, run.scenario, run.forecast, scenario_path=str(settings.scenario), base=state.original(), once=True)
    changes = [ChangeOut(**vars(c)) for c in rec.edited.changes] if rec.edited else []
    message = (f"recorded forecast {rec.id} in {settings.db.name}" if rec.new else
               f"already recorded as {rec.id} (same inputs, seed, draws and models as the latest record "
               "of this scenario)")
    return RecordOut(id=rec.id, new=rec.new, message=message, url=f"/ledger#{rec.id}", scenario=run.scenario.name,
                     inputs_hash=rec.inputs_hash, seed=run.forecast.seed, draws=run.forecast.draws,
                     models={m: s.version for m, s in run.forecast.models.items()},
                     edited=rec.edited is not None, changes=changes)


@router.post("/forecast/record", response_model=RecordOut, status_code=201,
             responses={200: {"model": RecordOut, "description": "already recorded: the latest record of this "
                                                                "scenario has the same inputs and settings"},
                        409: {"description": "the working scenario changed since the forecast was shown"}})
def record(body: RecordIn, request: Request, response: Response) -> RecordOut:
    """Record the forecast of the working scenario (with its edits) in the forecast ledger,
    exactly as `detente forecast SCENARIO --record` does, so `detente verify`, `resolve` and
    `score` work on it. Recording the same forecast twice in a row stores it once (200, `new`
    false, `id` of the earlier record)."""
    out = record_forecast(request, body)
    if not out.new:
        response.status_code = 200
    return out


@router.get("/whatif", response_model=forecast_view.WhatIfOut)
def whatif(request: Request, shock: Annotated[list[str] | None, Query()] = None,
           seed: int | None = None, draws: int | None = None,
           model: Annotated[list[str] | None, Query()] = None) -> forecast_view.WhatIfOut:
    """Baseline against the scenario after each chosen shock and all of them together
    (same random draws for every run, so differences are the shocks' effects alone). A shock
    is a shock id or name of the scenario, or inline changes such as `UKR.capability*1.3`
    or `RUS.salience.sanctions_oil+0.2;USA.position.summit=80`."""
    seed, draws = _run_params(request, seed, draws)
    shocks = tuple(s.strip() for s in shock or () if s.strip())
    return _state(request).cached(
        ("whatif", seed, draws, tuple(model or ()), shocks),
        lambda sc: forecast_view.whatif(sc, shocks, seed=seed, draws=draws, models=model or None))[0]


# ---------------------------------------------------------------- upload


class UploadOut(BaseModel):
    file: str
    status: str
    ids: list[str]
    extracted: bool
    message: str


async def read_upload(file: UploadFile | None, limit: int) -> tuple[str, bytes] | None:
    """The uploaded file's name and bytes (reading at most limit + 1 bytes)."""
    if file is None or not file.filename:
        return None
    return file.filename, await file.read(limit + 1)


def add_article(request: Request, upload: tuple[str, bytes] | None, text: str | None, title: str | None,
                date: str | None, lang: str | None) -> UploadOut:
    """Check, save and ingest one uploaded file or pasted text, then extract it."""
    settings = request.app.state.settings
    limit = settings.max_upload_bytes
    if upload is not None:
        name = safe_name(upload[0])
        data = upload[1]
        check_size(data, limit, upload[0])
    elif text and text.strip():
        name, data = pasted_file(text, title, date, lang)
        check_size(data, limit, "pasted text")
    else:
        raise InputError("nothing to add: choose a file or paste the article text")
    with request.app.state.store.write() as con:
        done = save_and_ingest(con, settings.uploads(), name, data, limit)
        extracted = extract_articles(con, done.ids)
    what = f"{len(done.ids)} article{'s' if len(done.ids) != 1 else ''}"
    return UploadOut(file=done.path.name, status=done.status, ids=done.ids, extracted=extracted,
                     message=f"{done.path.name}: {done.status}, {what}"
                             + ("" if extracted else " (extraction not available: events not extracted)"))


@router.post("/articles", response_model=UploadOut, status_code=201)
async def upload_article(request: Request, file: Annotated[UploadFile | None, File()] = None,
                         text: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
                         date: Annotated[str | None, Form()] = None,
                         lang: Annotated[str | None, Form()] = None) -> UploadOut:
    """Add an article: a file (.txt .md .html .rss .atom .xml .jsonl) or pasted text. It is
    ingested and extracted as by `detente ingest` and `detente extract`."""
    upload = await read_upload(file, request.app.state.settings.max_upload_bytes)
    return add_article(request, upload, text, title, date, lang)


# ---------------------------------------------------------------- events, actors, contradictions


@router.get("/events", response_model=events_view.Timeline)
def events(request: Request, actor: str | None = None, type: str | None = None,  # noqa: A002
           status: str | None = None) -> events_view.Timeline:
    """Events in date order, filtered by actor (as source or target), PLOVER type and status;
    each links to its sentence on the article page."""
    with request.app.state.store.read() as con:
        return events_view.timeline(con, actor or None, type or None, status or None)


@router.get("/actors", response_model=events_view.Actors)
def actors(request: Request) -> events_view.Actors:
    """Actor profiles and the network of who did what to whom (edges weighted by event counts)."""
    with request.app.state.store.read() as con:
        return events_view.actors(con)


@router.get("/contradictions", response_model=list[events_view.Contradiction])
def contradictions(request: Request) -> list[events_view.Contradiction]:
    """Conflicting reports: opposite statuses of one event, opposite stances of one actor."""
    with request.app.state.store.read() as con:
        return events_view.contradictions(con)


@router.get("/ledger", response_model=ledger_view.Ledger)
def ledger(request: Request) -> ledger_view.Ledger:
    """Recorded forecasts, resolutions and their Brier and log scores."""
    with request.app.state.store.read() as con:
        return ledger_view.ledger_view(con)

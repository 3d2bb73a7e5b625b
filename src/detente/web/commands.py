"""`detente serve`: the web dashboard on a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from detente.clitools import DEFAULT_DB, DbOption, console, handle_errors, warn
from detente.errors import InputError

# Where `make demo` leaves the example store and scenario (relative to the checkout).
EXAMPLE_DIR = Path("examples/ukraine-2025")


def _example_dir() -> Path:
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        if (base / EXAMPLE_DIR / "corpus").is_dir():
            return base / EXAMPLE_DIR
    raise InputError(f"{EXAMPLE_DIR}: example case not found; run `make demo` in the detente checkout")


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def serve(
        db: DbOption = DEFAULT_DB,
        scenario: Annotated[Path | None, typer.Option(help="Scenario YAML to show and forecast.")] = None,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        demo: Annotated[bool, typer.Option("--demo", help="Serve the example store that `make demo` built.")] = False,
        seed: Annotated[int, typer.Option(help="Seed of the Monte Carlo draws.")] = 20251020,
        draws: Annotated[int, typer.Option(help="Monte Carlo draws per forecast.")] = 10_000,
    ) -> None:
        """Start the web dashboard (corpus, timeline, actors, scenario, forecasts) on a store."""
        import uvicorn  # noqa: PLC0415  (slow import; only this command needs it)

        from detente.web.app import Settings, create_app  # noqa: PLC0415

        if demo:
            example = _example_dir()
            db = example / "detente.duckdb"
            if not db.exists():
                raise InputError(f"{db}: the example store is missing; run `make demo` first")
            scenario = scenario or example / "scenario.yaml"
        if scenario is not None:
            from detente.scenario.load import load_scenario  # noqa: PLC0415

            load_scenario(scenario)  # a broken scenario stops here with its one-line error
        if not 1 <= port <= 65535:
            raise InputError(f"--port {port}: must be between 1 and 65535")
        if draws < 1:
            raise InputError(f"--draws {draws}: must be at least 1")
        if not db.exists():
            warn(f"{db}: no such store yet; starting with an empty one (add articles on the upload page "
                 f"or with `detente ingest --db {db} FILES`)")
        settings = Settings(db=db, scenario=scenario, seed=seed, draws=draws)
        console.print(f"detente dashboard on [bold]http://{host}:{port}/[/bold] (store {escape(str(db))}); Ctrl-C stops it",
                      soft_wrap=True)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")

"""The `detente` command line. Each stage registers its own commands from its package."""

from __future__ import annotations

import importlib

import typer

from detente import __version__

app = typer.Typer(
    name="detente",
    help="Forecast how a negotiation or crisis is likely to end, from the news that describes it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """detente: news in, negotiation forecasts out."""


# Each stage owns its commands: its `commands` module adds them to the app.
_STAGE_COMMANDS = (
    "detente.corpus.commands",
    "detente.extract.commands",
    "detente.forecast.commands",
    "detente.forecast.scenario_commands",
    "detente.scenario.commands",
    "detente.report.commands",
    "detente.web.commands",
    "detente.execution.commands",
)


def _register() -> None:
    for name in _STAGE_COMMANDS:
        importlib.import_module(name).register(app)


_register()


def main() -> None:
    app()

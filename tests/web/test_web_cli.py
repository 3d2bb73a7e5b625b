"""`detente serve` refuses bad options with one clear line and exit code 2."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_serve_is_registered_with_its_options() -> None:
    r = runner.invoke(app, ["serve", "--help"])
    assert r.exit_code == 0
    for option in ("--db", "--host", "--port", "--demo", "--scenario"):
        assert option in r.output


def test_bad_port_and_missing_scenario_are_one_line_errors(tmp_path: Path) -> None:
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "70000"])
    assert r.exit_code == 2 and "--port 70000: must be between 1 and 65535" in r.output
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--scenario", str(tmp_path / "nope.yaml")])
    assert r.exit_code == 2 and "nope.yaml: no such scenario file" in r.output
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--draws", "0"])
    assert r.exit_code == 2 and "--draws 0" in r.output
    assert not (tmp_path / "x.duckdb").exists()


def test_invalid_scenario_is_refused_before_serving(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nas_of: 2025-01-01\n", encoding="utf-8")
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--scenario", str(bad)])
    assert r.exit_code == 2 and "bad.yaml" in r.output and "missing required field" in r.output

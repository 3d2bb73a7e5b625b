"""`detente report`: one self-contained HTML file, article and scenario text escaped."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.scenario.load import dump_yaml
from detente.store.db import connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "forecast"))
from mc_helpers import scenario_data  # noqa: E402

runner = CliRunner()
EVIL = "<script>alert('x')</script>"
SENTENCE = f"Beta lehnt jeden Deal ab {EVIL} und droht."
FAST = ["-m", "compromise", "-m", "median"]


def _store(path: Path) -> None:
    con = connect(path)
    text = f"Titel {EVIL}\n\n{SENTENCE} Weitere Sätze folgen."
    con.execute(
        "INSERT INTO articles (id, source_file, file_index, title, author, date, lang, text, body_start, words, "
        "content_hash, encoding, warnings, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ["evil#1", "evil.txt", 1, f"Titel {EVIL}", "A. Autor", dt.date(2025, 10, 20), "de", text, 10, 12, "h",
         "utf-8", json.dumps([{"code": "x", "message": f"odd {EVIL}"}]), dt.datetime(2025, 10, 21)],
    )
    con.close()


CYCLE = {"rounds": 3, "exit_classes": ["deal_made"], "description": f"A loop {EVIL}",
         "events": [{"id": "press", "name": "A presses B", "type": "THREATEN", "source": "A", "target": "B",
                     "trigger": {"issue": "deal", "below": 60},
                     "changes": [{"actor": "B", "field": "position", "issue": "deal", "op": "add", "value": 15}]}]}


def _scenario(tmp_path: Path, **extra) -> Path:
    data = scenario_data(description=f"Toy {EVIL} case", cycle=CYCLE, **extra)
    data["stances"][1]["position"]["citations"] = [{"article": "evil#1", "sentence": SENTENCE}]
    data["issues"][0]["name"] = f"Deal {EVIL}"
    p = tmp_path / "toy.yaml"
    p.write_text(dump_yaml(data), encoding="utf-8")
    return p


def _report(tmp_path: Path, *args: str):
    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    pytest.importorskip("detente.forecast.models.median", reason="median model not in this tree yet")
    out = tmp_path / "report.html"
    res = runner.invoke(app, ["report", str(_scenario(tmp_path)), "-o", str(out), "--draws", "300",
                              "--whatif-draws", "200", "--tornado-draws", "20", "--cycle-draws", "50", *FAST, *args])
    return res, out


def test_article_and_scenario_text_is_escaped(tmp_path):
    _store(tmp_path / "s.duckdb")
    res, out = _report(tmp_path, "--db", str(tmp_path / "s.duckdb"))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()                    # the report has no script at all
    assert "&lt;script&gt;alert(" in html                   # the text is shown, escaped
    assert "Beta lehnt jeden Deal ab &lt;script&gt;" in html  # the quoted evidence sentence
    assert "Titel &lt;script&gt;" in html                   # article title in the sources table
    assert "sentence not found in article evil#1" not in html   # the cited sentence is in the store
    # the toy cites an article this store lacks: the report says so
    assert "citation problem: actors.A.capability.citations[0]: article &#39;001_326afa099a296fc4#1&#39; is not in the store" in html


def test_no_external_urls(tmp_path):
    res, out = _report(tmp_path, "--db", str(tmp_path / "none.duckdb"))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href|url)\s*[=(]\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "http://" not in html and "https://" not in html
    assert "<link" not in html.lower() and "@import" not in html


def test_report_sections_charts_and_key_judgments(tmp_path):
    res, out = _report(tmp_path, "--db", str(tmp_path / "none.duckdb"))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    for anchor in ("bluf", "judgments", "charts", "whatif", "tornado", "cycle", "indicators", "scenario", "timeline",
                   "contradictions", "method"):
        assert f'id="{anchor}"' in html
    assert html.count("<svg") >= 6                           # classes, 2 issues, what-if, tornado, cycle
    assert "A presses B" in html and "A loop &lt;script&gt;" in html
    assert "Alpha grows stronger" in html and "Beta grows stronger" in html
    assert "no store at" in html                             # data-quality warning names the missing store
    assert "Key judgments" in res.output and "wrote" in res.output
    assert re.search(r"(almost no chance|very unlikely|unlikely|roughly even chance|likely|very likely|almost certain)",
                     res.output)


def test_same_seed_same_numbers_in_the_report(tmp_path):
    a_res, a = _report(tmp_path, "--db", str(tmp_path / "none.duckdb"))
    first = a.read_text(encoding="utf-8")
    b_res, b = _report(tmp_path, "--db", str(tmp_path / "none.duckdb"))
    second = b.read_text(encoding="utf-8")
    strip = lambda h: re.sub(r"generated [^&<]*|Run times:.*?</li>", "", h)  # noqa: E731
    assert strip(first) == strip(second)


def test_bad_output_and_unknown_model_are_clear_errors(tmp_path):
    sc = _scenario(tmp_path)
    res = runner.invoke(app, ["report", str(sc), "-o", str(tmp_path / "report.pdf")])
    assert res.exit_code == 2 and "give an output file ending in .html" in res.output
    res = runner.invoke(app, ["report", str(sc), "-o", str(tmp_path / "r.html"), "-m", "oracle"])
    assert res.exit_code == 2 and "unknown model 'oracle'" in res.output
    assert not (tmp_path / "r.html").exists()                # nothing half-written


def test_report_names_the_matching_ledger_entry(tmp_path):
    from detente.scenario.forecast_cli import run

    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    db = tmp_path / "s.duckdb"
    _store(db)
    sc = _scenario(tmp_path)
    run(sc, draws=300, seed=5, models=["compromise", "median"], json_output=True, record=True, db=db)
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", str(sc), "-o", str(out), "--db", str(db), "--draws", "300", "--seed", "5",
                              "--whatif-draws", "50", "--tornado-draws", "0", "--cycle-draws", "0", *FAST])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert re.search(r"recorded in the forecast ledger as F-\d{8}-[0-9a-f]{8}", html)
    assert 'id="tornado"' not in html and 'id="cycle"' not in html   # 0 draws: skipped

"""`scenario draft`: a scenario proposed from stored claims and events, every number cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import InputError
from detente.scenario.capabilities import load_table
from detente.scenario.draft import ClaimRow, EventRow, draft_scenario
from detente.scenario.load import load_scenario
from detente.store.db import connect

runner = CliRunner()
AS_OF = dt.date(2025, 10, 23)


def claim(article: str, sentence: str, actor: str, country: str | None, issue: str, stance: str) -> ClaimRow:
    return ClaimRow(article, f"{article}:{sentence[:20]}", sentence, actor, country, issue, stance)


CLAIMS = [
    claim("p#1", "Lawrow lehnte den Waffenstillstand ab.", "Sergey Lavrov", "RUS", "ceasefire_first", "oppose"),
    claim("p#2", "Peskow beharrt auf der Abfolge der Schritte.", "Dmitry Peskov", "RUS", "ceasefire_first", "oppose"),
    claim("p#3", "Putin könnte einer Waffenruhe zustimmen, wenn Kiew abzieht.", "Vladimir Putin", "RUS",
          "ceasefire_first", "conditional"),
    claim("p#1", "Trump will, dass sie dort stehen bleiben.", "Donald Trump", "USA", "ceasefire_first", "support"),
    claim("p#2", "Die Hamas-Frage bleibt offen.", "Hamas", None, "ceasefire_first", "support"),
    claim("p#2", "Trump sagte den Gipfel ab.", "Donald Trump", "USA", "new_issue", "oppose"),
]
EVENTS = [
    EventRow("p#1", CLAIMS[0].sentence_id, CLAIMS[0].sentence, "REJECT", "Sergey Lavrov", "RUS", "occurred"),
    EventRow("p#4", "p#4:s1", "Lawrow telefonierte mit Rubio über eine Waffenruhe.", "CONSULT", "Sergey Lavrov", "RUS", "occurred"),
    EventRow("p#4", "p#4:s2", "Lawrow könnte Rubio treffen.", "CONSULT", "Sergey Lavrov", "RUS", "hypothetical"),
]


def test_positions_saliences_and_citations_follow_the_documented_rule() -> None:
    sc, warnings = draft_scenario(CLAIMS, EVENTS, load_table(), name="t", as_of=AS_OF,
                                  horizon=AS_OF + dt.timedelta(days=30))
    assert [i.id for i in sc.issues] == ["ceasefire_first", "new_issue"]  # known scales first
    assert [a.id for a in sc.actors] == ["RUS", "USA", "Hamas"]
    rus = sc.stance("RUS", "ceasefire_first")
    assert rus is not None
    # points 10, 10, 50 weighted 1, 1, 0.6
    assert rus.position.value == pytest.approx(round((10 + 10 + 0.6 * 50) / 2.6, 1))
    assert (rus.position.low, rus.position.high) == (0, 60)  # min-10 .. max+10: the sources disagree
    assert [c.article for c in rus.position.citations] == ["p#1", "p#2", "p#3"]
    # mass = claims 2.6 + one event in a claim sentence 0.5 + one event matching the vocabulary 0.5;
    # the hypothetical meeting does not concern the ceasefire
    mass = 2.6 + 0.5 + 0.5
    assert rus.salience.value == pytest.approx(round(mass / (mass + 2), 3))
    assert rus.salience.low == pytest.approx(round(mass / (mass + 4), 3))
    assert rus.salience.high == pytest.approx(round(mass / (mass + 1), 3))
    assert {c.sentence for c in rus.salience.citations} >= {"Lawrow telefonierte mit Rubio über eine Waffenruhe."}
    usa = sc.stance("USA", "ceasefire_first")
    assert usa is not None and usa.position.value == 90 and usa.salience.value == pytest.approx(0.333)
    assert sc.actors[0].capability.source == "detente/data/capabilities.yaml [RUS]"
    assert sorted(sc.actors[0].aliases) == ["Dmitry Peskov", "Sergey Lavrov", "Vladimir Putin"]
    assert any("'Hamas' is not in the capability table" in w for w in warnings)
    assert any("'new_issue' has no scale" in w for w in warnings)


def test_no_claims_is_an_error() -> None:
    with pytest.raises(InputError, match="no claims in the store"):
        draft_scenario([], EVENTS, load_table(), name="t", as_of=AS_OF, horizon=AS_OF)


def test_draft_on_a_store_without_extraction_says_so(example_store: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["scenario", "draft", "--db", str(example_store)])
    assert r.exit_code == 2
    assert "claims table is empty" in r.output or "no extraction tables" in r.output
    empty = tmp_path / "empty.duckdb"
    connect(empty).close()
    r = runner.invoke(app, ["scenario", "draft", "--db", str(empty)])
    assert r.exit_code == 2 and "detente extract" in r.output.replace("\n", " ")


def test_draft_on_the_example_store_loads_and_checks(extracted_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    r = runner.invoke(app, ["scenario", "draft", "--db", str(extracted_store), "-o", str(out), "--name", "Ukraine draft"])
    assert r.exit_code == 0, r.output
    sc = load_scenario(out)
    assert sc.name == "Ukraine draft" and sc.as_of == dt.date(2025, 10, 23)  # the flagged 2026 date is corrected
    assert {"USA", "RUS"} <= {a.id for a in sc.actors} and len(sc.actors) >= 3
    assert {"ceasefire_first", "summit"} <= {i.id for i in sc.issues}
    for st in sc.stances:  # every proposed number is cited
        assert st.position.citations and st.salience.citations
    for a in sc.actors:
        assert a.capability.source or a.capability.note
    r = runner.invoke(app, ["scenario", "check", "--db", str(extracted_store), "--strict", str(out)])
    assert r.exit_code == 0, r.output


def test_draft_to_stdout_and_bad_capability_table(extracted_store: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["scenario", "draft", "--db", str(extracted_store)])
    assert r.exit_code == 0 and "stances:" in r.output
    bad = tmp_path / "caps.yaml"
    bad.write_text("indicators: {}\n", encoding="utf-8")
    out = tmp_path / "never.yaml"
    r = runner.invoke(app, ["scenario", "draft", "--db", str(extracted_store), "--capabilities", str(bad), "-o", str(out)])
    assert r.exit_code == 2 and not out.exists()


def test_template_fills_what_drafting_cannot(extracted_store: Path, tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "ukraine-2025" / "scenario.yaml"
    template = load_scenario(example)
    out = tmp_path / "draft.yaml"
    r = runner.invoke(app, ["scenario", "draft", "--db", str(extracted_store), "--template", str(example), "-o", str(out)])
    assert r.exit_code == 0, r.output
    sc = load_scenario(out)
    drafted = {i.id for i in sc.issues}
    # classes whose issues were all drafted, with the template's resolution dates
    assert [c.id for c in sc.outcome_classes] == [c.id for c in template.outcome_classes if set(c.region) <= drafted]
    assert sc.horizon == template.horizon and sc.class_mode == template.class_mode
    for iss in sc.issues:  # the analyst's scale wording and status quo
        t = next(x for x in template.issues if x.id == iss.id)
        assert (iss.low, iss.high, iss.status_quo) == (t.low, t.high, t.status_quo)
    # the drafted numbers stay drafted
    draft_only = load_scenario(_draft(extracted_store, tmp_path))
    assert sc.stances == draft_only.stances and sc.actors == draft_only.actors
    # template actors mapped by country: the example's UK is the draft's GBR wherever it appears
    actor_refs = {ch.actor for s in sc.shocks for ch in s.changes} | {
        a for i in sc.indicators for a in (i.source, i.target) if a}
    assert actor_refs <= {a.id for a in sc.actors} | {"*"}
    assert sc.settings == template.settings
    r = runner.invoke(app, ["scenario", "check", "--db", str(extracted_store), str(out)])
    assert r.exit_code == 0, r.output


def _draft(db: Path, tmp_path: Path) -> Path:
    out = tmp_path / "plain.yaml"
    r = runner.invoke(app, ["scenario", "draft", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out

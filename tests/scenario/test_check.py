"""`scenario check`: every citation's sentence must be found, word for word, in the store."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from detente.cli import app
from detente.scenario.check import check_citations, normalise
from detente.scenario.load import load_scenario, parse_scenario

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ukraine-2025" / "scenario.yaml"

ARTICLES = {
    "a#1": "Trump sagte am Montag:\nPutin  will keinen Waffenstillstand. Danach rief er an.",
    "b#1": "Orbán freut sich auf den Gipfel.",
}


def scenario_citing(*cites: tuple[str, str]):
    return parse_scenario({
        "name": "t", "as_of": "2025-10-20", "horizon": "2025-12-31",
        "issues": [{"id": "cf", "name": "ceasefire", "low": "no", "high": "yes"}],
        "actors": [{"id": "RUS", "name": "Russia", "capability": 30}],
        "stances": [{"actor": "RUS", "issue": "cf", "salience": 0.9, "position": {
            "value": 5, "citations": [{"article": a, "sentence": s} for a, s in cites]}}],
    })


def test_whitespace_and_line_breaks_are_forgiven_nothing_else() -> None:
    assert normalise(" a \n b\t c ") == "a b c"
    ok = check_citations(scenario_citing(("a#1", "Trump sagte am Montag: Putin will keinen Waffenstillstand.")), ARTICLES)
    assert ok.ok and ok.citations == 1 and ok.articles == 1
    changed = check_citations(scenario_citing(("a#1", "Putin will keine Waffenruhe.")), ARTICLES)
    assert changed.problems == [
        'stances.RUS/cf.position.citations[0]: sentence not found in article a#1: "Putin will keine Waffenruhe."'
    ]


def test_wrong_or_unknown_article_names_where_the_sentence_is() -> None:
    res = check_citations(scenario_citing(("a#1", "Orbán freut sich auf den Gipfel."), ("zz#3", "Danach rief er an.")), ARTICLES)
    assert res.problems == [
        'stances.RUS/cf.position.citations[0]: sentence not found in article a#1; it is in b#1: "Orbán freut sich auf den Gipfel."',
        "stances.RUS/cf.position.citations[1]: article 'zz#3' is not in the store (the sentence is in a#1)",
    ]


def test_uncited_values_are_listed() -> None:
    res = check_citations(scenario_citing(("a#1", "Danach rief er an.")), ARTICLES)
    assert res.ok
    assert res.uncited == ["actors.RUS.capability", "stances.RUS/cf.salience"]


def test_example_scenario_passes_against_the_ingested_corpus(example_store: Path) -> None:
    r = runner.invoke(app, ["scenario", "check", "--db", str(example_store), str(EXAMPLE)])
    assert r.exit_code == 0, r.output
    assert "ok:" in r.output and "9 actors, 6 issues" in r.output
    r = runner.invoke(app, ["scenario", "check", "--db", str(example_store), "--strict", "--json", str(EXAMPLE)])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["ok"] and report["citations"] >= 150 and report["articles"] == 13 and report["uncited"] == []


def test_example_citations_are_extracted_sentences(extracted_store: Path) -> None:
    r = runner.invoke(app, ["scenario", "check", "--db", str(extracted_store), "--json", str(EXAMPLE)])
    report = json.loads(r.output)
    assert report["ok"]
    assert report["in_extracted_sentences"] >= 0.8 * report["citations"]


def test_a_citation_not_in_the_corpus_fails_with_its_path(example_store: Path, tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    bad = copy.deepcopy(data)
    stance = next(s for s in bad["stances"] if s["actor"] == "RUS" and s["issue"] == "summit")
    stance["position"]["citations"][0]["sentence"] = "Putin will unbedingt nach Budapest."
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    r = runner.invoke(app, ["scenario", "check", "--db", str(example_store), str(path)])
    assert r.exit_code == 2
    assert f"{path}: stances.RUS/summit.position.citations[0]: sentence not found in article" in r.output.replace("\n", " ")
    assert "1 of" in r.output


def test_check_without_a_store_or_with_a_broken_file_is_one_error_line(tmp_path: Path, example_store: Path) -> None:
    r = runner.invoke(app, ["scenario", "check", "--db", str(tmp_path / "none.duckdb"), str(EXAMPLE)])
    assert r.exit_code == 2 and "no such store" in r.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\nissues: []\n", encoding="utf-8")
    r = runner.invoke(app, ["scenario", "check", "--db", str(example_store), str(broken)])
    assert r.exit_code == 2
    assert r.output.count("error:") == 1 and "broken.yaml: as_of: missing required field" in r.output


def test_store_with_no_articles(tmp_path: Path) -> None:
    from detente.store.db import connect

    db = tmp_path / "empty.duckdb"
    connect(db).close()
    r = runner.invoke(app, ["scenario", "check", "--db", str(db), str(EXAMPLE)])
    assert r.exit_code == 2 and "no articles" in r.output


def test_check_against_a_corpus_folder_without_a_store(tmp_path: Path, monkeypatch) -> None:
    corpus = EXAMPLE.parent / "corpus"
    r = runner.invoke(app, ["scenario", "check", "--corpus", str(corpus), str(EXAMPLE)])
    assert r.exit_code == 0, r.output
    assert "(read in memory)" in r.output
    # no --db and no ./detente.duckdb: the corpus folder beside the scenario is used, with a warning
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_DB", raising=False)
    r = runner.invoke(app, ["scenario", "check", str(EXAMPLE)])
    assert r.exit_code == 0, r.output
    assert "no store at detente.duckdb" in r.output and not (tmp_path / "detente.duckdb").exists()
    r = runner.invoke(app, ["scenario", "check", "--corpus", str(tmp_path / "nothing"), str(EXAMPLE)])
    assert r.exit_code == 2 and "no such corpus" in r.output


def test_claim_divergences_flag_stances_the_claims_contradict() -> None:
    from detente.scenario.check import claim_divergences

    sc = scenario_citing(("a#1", "Danach rief er an."))  # RUS: position 5 on cf
    data = sc.model_dump(mode="json", by_alias=True)
    data["actors"][0]["country"] = "RUS"  # claims match by alias or by country
    sc = parse_scenario(data)
    positions = {"support": 90, "conditional": 50, "oppose": 10}
    agree = [("Sergey Lavrov", "RUS", "cf", "oppose"), ("Dmitry Peskov", "RUS", "cf", "oppose")]
    assert claim_divergences(sc, agree, positions) == []
    contra = [*agree, ("Vladimir Putin", "RUS", "cf", "support"), ("Russia", "RUS", "cf", "support"),
              ("Donald Trump", "USA", "cf", "oppose")]
    (d,) = claim_divergences(sc, contra, positions)
    assert d.message() == "stances.RUS/cf: position 5 [5-5], but the extracted claims average 50 (2 oppose, 2 support)"


def test_example_agrees_with_the_gold_claims(gold_dir: Path) -> None:
    """Every stance of the example lies within 25 points of the hand-annotated claims on it."""
    from detente.scenario.check import claim_divergences
    from detente.scenario.draft import load_scales

    rows = [json.loads(line) for line in (gold_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    claims = [(r["actor"], r["actor_country"], r["issue"], r["stance"]) for r in rows]
    sc = load_scenario(EXAMPLE)
    assert claim_divergences(sc, claims, load_scales()["stance_positions"]) == []

"""Claim conflicts found by `contradictions.find` from extracted claims (own test sentences)."""
from __future__ import annotations

import datetime as dt

from detente.extract import contradictions
from detente.extract.pipeline import ArticleIn, extract_article


def _claims(text: str, lang: str) -> list[dict]:
    x = extract_article(ArticleIn("c#1", text, 0, dt.date(2025, 11, 3), lang))
    return [{**c.gold(), "sentence": c.sentence} for c in x.claims]


def test_two_officials_of_one_country_on_opposite_sides_conflict():
    cl = _claims("Peskow sagte am Morgen, der Kreml begrüße eine Waffenruhe entlang der Front. "
                 "Am Abend lehnte Putin jede Waffenruhe kategorisch ab.", "de")
    pairs = [p for p in contradictions.find([], cl) if p["kind"] == "claim"]
    assert any(p["point"] == "RUS on ceasefire_first" and p["first"]["sentence"] != p["second"]["sentence"]
               for p in pairs), cl


def test_one_actor_both_ways_in_one_sentence_is_no_conflict():
    one = {"article": "a#1", "sentence": "s", "actor": "Vladimir Putin", "actor_country": "RUS", "issue": "summit"}
    cl = [{**one, "stance": "support"}, {**one, "stance": "oppose"}]
    assert contradictions.find([], cl) == []
    other = {**one, "sentence": "t", "stance": "oppose"}
    assert len(contradictions.find([], [cl[0], other])) == 1


def test_english_reports_conflict_too():
    cl = _claims("The Kremlin welcomed a truce along the front line on Monday. "
                 "On Tuesday Putin rejected any truce.", "en")
    assert any(p["point"] == "RUS on ceasefire_first" for p in contradictions.find([], cl)), cl

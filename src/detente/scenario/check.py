"""`scenario check`: every citation's sentence must exist, word for word, in the stored corpus.

A citation holds when its sentence is a substring of its article's stored text after Unicode
NFC normalisation and collapsing runs of whitespace (line breaks inside a sentence, doubled
spaces); it is reported as an extracted sentence too when the extraction stage stored one
that contains it. Nothing else is forgiven: a changed word, quote mark or dash fails.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb

from detente.errors import StoreError
from detente.scenario.schema import Scenario, Value, all_citations

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC and single spaces: the only differences a citation may have from the stored text."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class CheckResult:
    """Outcome of checking a scenario's citations against a corpus."""

    citations: int
    articles: int
    problems: list[str] = field(default_factory=list)
    uncited: list[str] = field(default_factory=list)
    in_extracted_sentences: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def uncited_values(scenario: Scenario) -> list[str]:
    """Field paths of numbers that carry neither a citation nor a non-article source."""
    out: list[str] = []

    def need(path: str, v: Value | None) -> None:
        if v is not None and not v.citations and not v.source:
            out.append(path)

    for a in scenario.actors:
        need(f"actors.{a.id}.capability", a.capability)
    for st in scenario.stances:
        need(f"stances.{st.actor}/{st.issue}.position", st.position)
        need(f"stances.{st.actor}/{st.issue}.salience", st.salience)
    for iss in scenario.issues:
        need(f"issues.{iss.id}.status_quo", iss.status_quo)
    return out


def check_citations(
    scenario: Scenario,
    articles: Mapping[str, str],
    sentences: Mapping[str, list[str]] | None = None,
) -> CheckResult:
    """Check every citation against `articles` (id -> stored text); pure, no I/O.

    `sentences` (article id -> extracted sentences), when given, only counts how many
    citations coincide with an extracted sentence; it never makes a citation fail.
    """
    norm = {aid: normalise(text) for aid, text in articles.items()}
    norm_sent = {aid: [normalise(s) for s in ss] for aid, ss in (sentences or {}).items()}
    problems: list[str] = []
    cites = all_citations(scenario)
    extracted = 0
    for path, cite in cites:
        wanted = normalise(cite.sentence)
        if cite.article not in norm:
            elsewhere = [aid for aid, t in norm.items() if wanted in t]
            hint = f" (the sentence is in {elsewhere[0]})" if elsewhere else ""
            problems.append(f"{path}: article {cite.article!r} is not in the store{hint}")
            continue
        if wanted not in norm[cite.article]:
            elsewhere = [aid for aid, t in norm.items() if wanted in t]
            hint = f"; it is in {elsewhere[0]}" if elsewhere else ""
            problems.append(
                f"{path}: sentence not found in article {cite.article}{hint}: \"{_short(cite.sentence)}\""
            )
            continue
        if any(wanted in s for s in norm_sent.get(cite.article, [])):
            extracted += 1
    return CheckResult(
        citations=len(cites),
        articles=len({c.article for _, c in cites}),
        problems=problems,
        uncited=uncited_values(scenario),
        in_extracted_sentences=extracted,
    )


def read_claims(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None, str, str]]:
    """Extracted claims as (actor, actor_country, issue, stance); empty before `extract`."""
    try:
        return [tuple(r) for r in con.execute("SELECT actor, actor_country, issue, stance FROM claims").fetchall()]  # type: ignore[misc]
    except duckdb.CatalogException:
        return []


def read_corpus(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Article texts and extracted sentences from the store (sentences empty before `extract`)."""
    try:
        articles = dict(con.execute("SELECT id, text FROM articles").fetchall())
    except duckdb.CatalogException:
        articles = {}
    if not articles:
        raise StoreError("the store has no articles; run `detente ingest` first")
    sentences: dict[str, list[str]] = {}
    try:
        for aid, text in con.execute("SELECT article_id, text FROM sentences ORDER BY article_id, idx").fetchall():
            sentences.setdefault(aid, []).append(text)
    except duckdb.CatalogException:
        pass
    return articles, sentences


@dataclass(frozen=True)
class Divergence:
    """A stance whose position disagrees with what the extracted claims say about it."""

    path: str
    position: float
    low: float
    high: float
    claims_mean: float
    counts: dict[str, int]

    def message(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in sorted(self.counts.items()))
        return (f"{self.path}: position {self.position:g} [{self.low:g}-{self.high:g}], but the extracted "
                f"claims average {self.claims_mean:.0f} ({counts})")


def claim_divergences(
    scenario: Scenario,
    claims: list[tuple[str, str | None, str, str]],
    stance_positions: Mapping[str, float],
    *,
    margin: float = 25.0,
) -> list[Divergence]:
    """Stances whose range lies more than `margin` away from the mean of the extracted claims
    on the same actor and issue (claims as (actor, actor_country, issue, stance); an actor's
    claims are those whose actor is one of its aliases or whose country is its country).

    A data-quality signal, not an error: the analyst may know better than the extractor, but
    the disagreement should be looked at. Claims map to positions as in drafting
    (`data/issue_scales.yaml`: support 90, conditional 50, oppose 10).
    """
    out: list[Divergence] = []
    for st in scenario.stances:
        actor = next(a for a in scenario.actors if a.id == st.actor)
        names = {actor.id, actor.name, *actor.aliases}
        mine = [s for (who, country, issue, s) in claims
                if issue == st.issue and s in stance_positions
                and (who in names or (actor.country is not None and country == actor.country))]
        if not mine:
            continue
        mean = sum(stance_positions[s] for s in mine) / len(mine)
        p = st.position
        if mean < p.low - margin or mean > p.high + margin:
            counts: dict[str, int] = {}
            for s in mine:
                counts[s] = counts.get(s, 0) + 1
            out.append(Divergence(f"stances.{st.actor}/{st.issue}", p.value, p.low, p.high, mean, counts))  # type: ignore[arg-type]
    return out

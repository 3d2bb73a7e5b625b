"""Records shared from extraction to output: one schema for sentences, mentions, events, claims.

`Event.gold()` and `Claim.gold()` give exactly the field layout of the gold files
(the annotation guidelines, GUIDELINES.md beside the gold files), which `detente events --jsonl`, `detente claims --jsonl` and
`detente eval` use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_FIELDS = ("article", "sentence", "type", "mode", "source", "target", "source_country",
                "target_country", "date", "status", "location", "note")
CLAIM_FIELDS = ("article", "sentence", "actor", "actor_country", "issue", "stance", "note")
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("occurred", "planned", "cancelled", "denied", "hypothetical")
ISSUES = ("ceasefire_first", "donetsk_withdrawal", "long_range_weapons", "sanctions_oil",
          "security_guarantees", "summit")
STANCES = ("support", "oppose", "conditional")


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str           # ARTICLE:sIDX
    article_id: str
    idx: int
    start: int        # offsets into the article text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    actor: str | None      # canonical name; None for an unlinked (unknown) person
    wikidata: str | None
    country: str | None
    kind: str              # person, country, organisation, adjective, unknown


@dataclass(slots=True)
class Event:
    id: str
    article: str
    sentence_id: str
    sentence: str
    start: int
    end: int
    type: str
    mode: str | None
    source: str
    source_country: str
    target: str | None
    target_country: str | None
    date: str | None
    status: str
    location: str | None
    trigger: str | None = None
    note: str | None = None

    def gold(self) -> dict[str, Any]:
        """The record in the gold file layout."""
        d = asdict(self)
        return {k: d[k] for k in EVENT_FIELDS}


@dataclass(slots=True)
class Claim:
    id: str
    article: str
    sentence_id: str
    sentence: str
    start: int
    end: int
    actor: str
    actor_country: str
    issue: str
    stance: str
    note: str | None = None

    def gold(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: d[k] for k in CLAIM_FIELDS}


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""
    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

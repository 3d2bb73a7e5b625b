"""Actor stances on the tracked issues, derived from the events of a sentence.

The issue comes from the vocabularies in data/issues.yaml; the stance from what the actor
does in that sentence (GUIDELINES "Claims"): demanding, agreeing or supporting -> support,
rejecting or calling off -> oppose, threatening or conditioning -> conditional; issue cues
such as Russia's "sequence of steps" fix the stance as oppose.
"""

from __future__ import annotations

import re

from detente.extract.lexicon import Issue, load_issues
from detente.extract.rules import Coded

_CONDITION = re.compile(r"\b(?:sofern|falls|nur wenn|unter der bedingung|vorausgesetzt|only if|provided that|on condition)\b")
_PROPOSAL = re.compile(r"\b(?:vorschlag|vorschläge|idee|initiative|forderung|plan|angebot|proposal|idea|initiative|plan|offer|demand)\w*")
ISSUE_WINDOW = 200   # characters between the issue term and the trigger
_SUPPORT_TYPES = {"REQUEST", "AGREE", "SUPPORT", "AID", "SANCTION", "COOPERATE", "CONCEDE"}


def stances(sentence_low: str, events: list[Coded]) -> list[tuple[str, str, str, str]]:
    """(actor name, actor country, issue, stance) for one sentence."""
    out: list[tuple[str, str, str, str]] = []
    if not events:
        return out
    found: list[tuple[Issue, list[int]]] = []
    for i in load_issues():
        pos = [m.start() for p in i.terms for m in p.finditer(sentence_low)]
        if i.participants:
            # the issue defined by who meets whom (a Putin-Trump summit): the event's trigger
            pos += [ev.trigger_start for ev in events if ev.type in i.event_types and ev.target is not None
                    and {ev.source.name, ev.target.name} == set(i.participants)]
        if pos:
            found.append((i, pos))
    conditional = bool(_CONDITION.search(sentence_low))
    for issue, pos in found:
        oppose_cue = any(p.search(sentence_low) for p in issue.oppose)
        for ev in events:
            if ISSUE_WINDOW and min(abs(p - ev.trigger_start) for p in pos) > ISSUE_WINDOW:
                continue       # the issue is named too far from the act to be its object
            if ev.target is None and ev.type not in ("REJECT", "REQUEST") and not oppose_cue:
                continue       # a source-only act says too little about a stance
            stance = _stance(ev, issue.name, conditional, oppose_cue)
            if stance is None:
                continue
            out.append((ev.source.name, ev.source.country, issue.name, stance))
            if stance == "oppose" and ev.type == "REJECT" and ev.target is not None and _PROPOSAL.search(sentence_low):
                # rejecting someone's proposal on the issue: its author supports it
                out.append((ev.target.name, ev.target.country, issue.name, "support"))
            if issue.name == "summit" and ev.type in ("AGREE", "CONSULT") and ev.target is not None \
                    and stance == "support" and ev.target.kind == "person":
                out.append((ev.target.name, ev.target.country, issue.name, stance))
    seen, uniq = set(), []
    for c in out:
        if c not in seen:
            seen.add(c)
            uniq.append(c)
    return uniq


def _stance(ev: Coded, issue: str, conditional: bool, oppose_cue: bool) -> str | None:
    if ev.status == "denied":
        return None
    if ev.status == "hypothetical" and ev.type != "THREATEN":
        return None          # speculation about a position is no claim (GUIDELINES "Claims")
    if oppose_cue and ev.type in ("REJECT", "REQUEST"):
        return "oppose"
    if ev.type == "REJECT":
        return "oppose"
    if ev.type == "THREATEN":
        return "conditional" if issue in ("long_range_weapons", "summit") else "support"
    if issue == "summit":
        if ev.type not in ("CONSULT", "AGREE", "REQUEST"):
            return None
        if ev.status == "cancelled":
            return "oppose"
        if conditional:
            return "conditional"
        if ev.type == "CONSULT":
            return "support" if ev.status == "planned" else None
        return "support"
    if ev.type in _SUPPORT_TYPES:
        if ev.status == "cancelled":
            return "oppose"
        return "conditional" if conditional else "support"
    return None

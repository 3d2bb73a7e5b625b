"""Reactions whose other party is named only in the sentences before (eighth pass: German long
articles; docs/extraction.md).

News tells an act and then the reaction of the party it hit, without naming the first party
again: "Indien machte Pakistan für den Anschlag verantwortlich. Islamabad wies jede Beteiligung
zurück und sprach von einer kriegerischen Handlung." / "Die US-Regierung kündigte neue Zölle auf
chinesische Elektroautos an. ... China kündigte umgehend Gegenmaßnahmen an." The rejection,
charge, threat or protest answers the party whose act was aimed at the reacting party a
sentence or two before: an adjacency pair across sentences (Schegloff & Sacks 1973, "Opening
up closings", Semiotica 8: a first part - accusation, demand, attack - makes its answer
relevant next), tied by the reacting party being that act's target. A reaction with a party of
its own in the sentence keeps it (`reacted` fills only acts with no target). German only: the
English answers to acts named by a definite noun are responses.answered.
"""

from __future__ import annotations

from dataclasses import replace

from detente.extract.coded import Coded

REACTIONS = frozenset({"ACCUSE", "THREATEN", "REJECT", "PROTEST"})
# acts that call for an answer from the party they are aimed at
FIRST_PARTS = frozenset({"ASSAULT", "ACCUSE", "SANCTION", "THREATEN", "COERCE", "MOBILIZE", "REJECT", "PROTEST", "REQUEST"})
WINDOW = 2        # sentences back: a reaction told further down is no longer tied to one act


def reacted(coded: list[Coded], recent: list[tuple[int, Coded, str]], idx: int) -> list[Coded]:
    """The reactions of sentence `idx` with no target, aimed at the agent of the latest act of
    `recent` ((sentence index, act, sentence) of the sentences before: the memory the pipeline
    keeps for responses.answered, read here only WINDOW sentences back) aimed at the reacting party."""
    if not recent or not any(c.target is None and c.type in REACTIONS for c in coded):
        return coded
    out = []
    for c in coded:
        country = c.source.country
        if c.target is None and c.type in REACTIONS and country:
            first = next((d for i, d, _ in reversed(recent) if idx - i <= WINDOW and d.type in FIRST_PARTS
                          and d.target is not None and d.target.country == country
                          and d.source.country and d.source.country != country), None)
            if first is not None:
                c = replace(c, target=first.source)
            elif c.type == "THREATEN":
                # ... and a threat with nothing aimed at its party goes on with that party's own line: the
                # parties its acts of the latest sentence were aimed at ("Pjöngjang warf Washington und Seoul
                # vor, ... Kim Yo-jong drohte mit Gegenmaßnahmen"; "bestätigte die Einigung mit der Hamas,
                # drohte aber zugleich mit ...")
                last = next((i for i, d, _ in reversed(recent) if idx - i <= WINDOW and d.source.country == country
                             and d.target is not None and d.target.country and d.target.country != country), None)
                aims = list({d.target.name: d.target for i, d, _ in recent if i == last and d.source.country == country
                             and d.target is not None and d.target.country and d.target.country != country}.values())
                for t in aims[1:]:
                    out.append(replace(c, target=t))
                if aims:
                    c = replace(c, target=aims[0])
        out.append(c)
    return out

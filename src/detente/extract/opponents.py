"""The other side of a material act that its sentence leaves out, taken from the article's acts just
before: "Israel und die Hisbollah werfen einander Verstöße vor. In der Nacht flog die israelische
Luftwaffe erneut Angriffe." - the attacks are on Lebanon. Long articles name the two sides of a
conflict once and then report its acts with the acting side alone (the discourse topic of Grosz,
Joshi & Weinstein 1995, Computational Linguistics 21(2): centering keeps the pair in focus)."""
from __future__ import annotations

from dataclasses import replace

from detente.extract import actors as actor_mod
from detente.extract.coded import Coded
from detente.extract.reactions import FIRST_PARTS

# acts that set two sides against each other (the acts that call for an answer, reactions.FIRST_PARTS,
# but a demand), and the material acts whose missing side they supply
_HOSTILE = FIRST_PARTS - {"REQUEST"}
_FILLED = frozenset({"ASSAULT", "COERCE"})
WINDOW = 2      # sentences back: the pair of a paragraph, not of the whole article

Foes = dict[str, tuple[int, actor_mod.Actor]]     # country -> (sentence index, its last opponent)


def fill(coded: list[Coded], foes: Foes, idx: int) -> list[Coded]:
    """Each material act with a source and no target takes the source's opponent in a hostile act of
    the last WINDOW sentences, if there is one (else it stays target-less)."""
    if not foes or not any(c.target is None and c.type in _FILLED for c in coded):
        return coded
    out = []
    for c in coded:
        if c.target is None and c.type in _FILLED:
            got = foes.get(c.source.country)
            if got is not None and idx - got[0] <= WINDOW and got[1].country != c.source.country:
                c = replace(c, target=got[1])
        out.append(c)
    return out


def remember(foes: Foes, coded: list[Coded], idx: int) -> Foes:
    """The opponents of this sentence's hostile acts, both ways (the latest wins)."""
    for c in coded:
        if c.target is not None and c.type in _HOSTILE and c.source.country != c.target.country:
            foes[c.source.country] = (idx, c.target)
            foes[c.target.country] = (idx, c.source)
    return foes

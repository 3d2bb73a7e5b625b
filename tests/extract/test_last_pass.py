"""Three general gaps in English and German news copy (issue 3): events between two distinct
actors of one country, a reported refusal to talk, a pledge of aid. Sentences written for these
tests (none from the seed corpus); each is its own article, coded through the whole pipeline."""
import datetime as dt

import pytest

from detente.extract.pipeline import ArticleIn, extract_article

ON = dt.date(2025, 10, 24)


def _events(sentence: str, lang: str) -> set:
    x = extract_article(ArticleIn("last#1", sentence, 0, ON, lang))
    return {(e.type, e.source, e.target, e.status) for e in x.events}


@pytest.mark.parametrize("lang,sentence,events", [
    # a non-state armed group and its country's army are two parties (a civil war)
    ("en", "The Sudanese army accused the Rapid Support Forces of killing civilians in El Fasher.",
     [("ACCUSE", "Sudan", "Rapid Support Forces", "occurred")]),
    ("en", "The RSF attacked the Sudanese army near El Obeid.",
     [("ASSAULT", "Rapid Support Forces", "Sudan", "occurred")]),
    ("de", "Die sudanesische Armee warf der RSF-Miliz vor, Zivilisten getötet zu haben.",
     [("ACCUSE", "Sudan", "Rapid Support Forces", "occurred")]),
    ("en", "Yemen's government accused the Houthis of attacking ships.",
     [("ACCUSE", "Yemen", "Houthis", "occurred")]),
    # a party of another country named as well is the target before the source's own people
    ("de", "Die Hamas rief die Palästinenser zum Widerstand gegen Israel auf.",
     [("REJECT", "Hamas", "Israel", "occurred")]),
    # an actor on its own state is still no event
    ("en", "The Kremlin said Putin would meet Zelensky.",
     [("CONSULT", "Vladimir Putin", "Volodymyr Zelensky", "planned")]),
    ("en", "Trump said the United States would impose tariffs on China.",
     [("SANCTION", "USA", "China", "planned")]),
])
def test_same_country_parties(lang, sentence, events):
    assert _events(sentence, lang) == set(map(tuple, events))


@pytest.mark.parametrize("lang,sentence,events", [
    # a refusal to talk stated by the actor's own side happened: REJECT occurred
    ("en", "Iran's foreign minister said Tehran would not negotiate with Washington under pressure.",
     [("REJECT", "Iran", "USA", "occurred")]),
    ("de", "Araghtschi sagte, Iran werde nicht mit den USA verhandeln.",
     [("REJECT", "Iran", "USA", "occurred")]),
    ("de", "Der iranische Außenminister sagte, Iran werde nicht mit den USA verhandeln.",
     [("REJECT", "Iran", "USA", "occurred")]),
    # on a condition, guessed at, or guessed by the other side: still a talk that may or may not happen
    ("en", "The White House said Trump would not meet Putin without a clear outcome.",
     [("CONSULT", "Donald Trump", "Vladimir Putin", "hypothetical")]),
    ("en", "Trump said he might not meet Putin.",
     [("CONSULT", "Donald Trump", "Vladimir Putin", "hypothetical")]),
    ("en", "Ukrainian officials said Putin would not negotiate with Zelensky.",
     [("CONSULT", "Vladimir Putin", "Volodymyr Zelensky", "hypothetical")]),
])
def test_stated_refusal_to_talk(lang, sentence, events):
    assert _events(sentence, lang) == set(map(tuple, events))


@pytest.mark.parametrize("lang,sentence,events", [
    # a pledge of aid: the delivery is promised (AID planned), no separate AGREE
    ("en", "Germany pledged 2 billion euros in military aid to Ukraine.",
     [("AID", "Germany", "Ukraine", "planned")]),
    ("de", "Deutschland sagte der Ukraine zwei Milliarden Euro Militärhilfe zu.",
     [("AID", "Germany", "Ukraine", "planned")]),
    ("de", "Deutschland hat der Ukraine weitere Militärhilfe zugesagt.",
     [("AID", "Germany", "Ukraine", "planned")]),
    ("de", "Merz versprach der Ukraine weitere Waffenlieferungen.",
     [("AID", "Friedrich Merz", "Ukraine", "planned")]),
    # aid sent and agreements made are untouched
    ("en", "Germany sent military aid to Ukraine.",
     [("AID", "Germany", "Ukraine", "occurred")]),
    ("en", "Israel and Hamas agreed to a ceasefire in Gaza on Wednesday.",
     [("AGREE", "Israel", "Hamas", "occurred")]),
])
def test_pledged_aid_is_planned(lang, sentence, events):
    assert _events(sentence, lang) == set(map(tuple, events))

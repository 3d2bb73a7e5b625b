"""Over-production in long analysis prose (seventh pass, issue 3): whose act a pressure noun is,
what a parenthesis shares with the clause it interrupts, which words name no party. Sentences
written for these tests (none from the seed corpus), German and English, several crises; each
rule with sentences that must keep the real event."""
import pytest

from sentence_events import events


def _has(got, typ, src, tgt, status=None):
    return any(e[0] == typ and e[1] == src and e[2] == tgt and (status is None or e[3] == status) for e in got)


@pytest.mark.parametrize("lang,sentence,typ,src,tgt", [
    # the party after "aus"/"seitens" (and "von" for voiced acts) is the pressure's agent, as English "from"
    ("de", "Die Entscheidung der serbischen Regierung, unter Druck aus Brüssel getroffen, verschärft die Lage.",
     "COERCE", "EU", "SRB"),
    ("de", "Unter dem Druck aus Washington stimmte Israel der Waffenruhe zu.", "COERCE", "USA", "ISR"),
    ("de", "Die Drohungen seitens Nordkoreas beunruhigen Japan.", "THREATEN", "PRK", "JPN"),
    ("de", "Die Vorwürfe von Peking gegen Manila werden schärfer.", "ACCUSE", "CHN", "PHL"),
    ("en", "Serbia backed down under pressure from Brussels.", "COERCE", "EU", "SRB"),
    ("en", "Israel agreed to the ceasefire after pressure from Washington.", "COERCE", "USA", "ISR"),
    ("en", "Hamas released two hostages after pressure from Qatar.", "COERCE", "QAT", "PSE"),
])
def test_pressure_from_names_its_agent(lang, sentence, typ, src, tgt):
    got = events(sentence, lang)
    assert _has(got, typ, src, tgt), got
    assert not _has(got, typ, tgt, src), got


@pytest.mark.parametrize("lang,sentence,typ,src,tgt", [
    # same shapes that keep their reading: pressure aimed "auf" a party, a material act's "von" + place
    ("de", "Kiew erhöht den Druck auf Moskau.", "COERCE", "UKR", "RUS"),
    ("de", "Der Druck von Peking auf Taiwan wächst.", "COERCE", "CHN", "TWN"),
    ("de", "Die Bombardierung von Charkiw durch Russland dauert an.", "ASSAULT", "RUS", "UKR"),
    ("en", "Beijing stepped up the pressure on Taipei.", "COERCE", "CHN", "TWN"),
])
def test_pressure_aimed_at_keeps_its_direction(lang, sentence, typ, src, tgt):
    assert _has(events(sentence, lang), typ, src, tgt), events(sentence, lang)


def test_a_time_adjunct_without_party_stays_no_act():
    # "from" lets an adverbial act noun keep its agent; a place after "in" still names only a time
    assert events("India suspended the treaty after the attack in Pahalgam.", "en") == set()


@pytest.mark.parametrize("lang,sentence,status", [
    # a parenthesis between dashes without a clause of its own shares the cues of the clause it interrupts
    ("de", "Zweitens könnte die Entscheidung der serbischen Regierung – zudem unter Druck aus Brüssel getroffen – "
           "die Lage verschärfen.", "hypothetical"),
    ("de", "Die Entscheidung der serbischen Regierung – unter Druck aus Brüssel getroffen – hat die Lage verschärft.",
     "occurred"),
    ("en", "The decision of the Serbian government – taken under pressure from Brussels – could inflame the situation.",
     "hypothetical"),
    ("en", "The decision of the Serbian government – taken under pressure from Brussels – inflamed the situation.",
     "occurred"),
])
def test_parenthesis_shares_the_interrupted_clause(lang, sentence, status):
    got = events(sentence, lang)
    assert _has(got, "COERCE", "EU", "SRB", status), got

"""Responses to another party's act (issue 3): ignoring or brushing off an appeal, accepting the
other side's terms, blocking an applicant, a date for a meeting denied. Sentences written for
these tests (German and English, several crises), none from the seed."""
import pytest

from sentence_events import events


@pytest.mark.parametrize("lang,text,want", [
    # brushing off another's appeal, demand or offer: REJECT toward its owner, and the owner's REQUEST
    ("de", "Erdoğan schlug die Forderung Griechenlands in den Wind.",
     {("REJECT", "TUR", "GRC", "occurred"), ("REQUEST", "GRC", "TUR", "occurred")}),
    ("de", "Netanjahu ließ den Vorschlag der Hamas abblitzen.",
     {("REJECT", "ISR", "PSE", "occurred"), ("REQUEST", "PSE", "ISR", "occurred")}),
    ("de", "Vučić wischte das Angebot des Kosovo vom Tisch.",
     {("REJECT", "SRB", "XKX", "occurred"), ("REQUEST", "XKX", "SRB", "occurred")}),
    ("de", "Peking ignorierte die Appelle Taiwans.",
     {("REJECT", "CHN", "TWN", "occurred"), ("REQUEST", "TWN", "CHN", "occurred")}),
    ("en", "China shrugged off Taiwan's offer of talks.",
     {("REJECT", "CHN", "TWN", "occurred"), ("REQUEST", "TWN", "CHN", "occurred")}),
    ("en", "Israel waved aside the demands of Hamas.",
     {("REJECT", "ISR", "PSE", "occurred"), ("REQUEST", "PSE", "ISR", "occurred")}),
    ("en", "Iran shrugged off Israel's warning.",
     {("REJECT", "IRN", "ISR", "occurred"), ("THREATEN", "ISR", "IRN", "occurred")}),
    # "dismissed" is a rejection that occurred, not a denial of itself
    ("en", "Russia dismissed the proposal by Ukraine.",
     {("REJECT", "RUS", "UKR", "occurred"), ("REQUEST", "UKR", "RUS", "occurred")}),
])
def test_brushed_off(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text", [
    ("de", "Die Presse ignorierte den Gipfel."),
    ("de", "Das Unwetter schlug die Bäume um, der Wind war stark."),
    ("en", "The press ignored the summit."),
    ("en", "The minister shrugged off the criticism."),
])
def test_no_response_without_parties(lang, text):
    assert events(text, lang) == set()


@pytest.mark.parametrize("lang,text,want", [
    # accepting the other side's terms, demands, a ceasefire or guarantees is conceding
    ("de", "Russland akzeptiert die Bedingungen der Ukraine.", {("CONCEDE", "RUS", "UKR", "occurred")}),
    ("de", "Israel akzeptierte die Waffenruhe mit der Hamas.", {("CONCEDE", "ISR", "PSE", "occurred")}),
    ("de", "Denkbar wäre, dass Russland begrenzte westliche Sicherheitsgarantien für Armenien akzeptiert.",
     {("CONCEDE", "RUS", "ARM", "hypothetical")}),
    ("de", "Israel nahm am Sonntag die Forderungen der Hamas an.",
     {("CONCEDE", "ISR", "PSE", "occurred"), ("REQUEST", "PSE", "ISR", "occurred")}),
    ("de", "Iran gab den Forderungen der USA nach.",
     {("CONCEDE", "IRN", "USA", "occurred"), ("REQUEST", "USA", "IRN", "occurred")}),
    ("en", "Israel accepted Egypt's conditions for a truce.", {("CONCEDE", "ISR", "EGY", "occurred")}),
    ("en", "Iran gave in to US demands.",
     {("CONCEDE", "IRN", "USA", "occurred"), ("REQUEST", "USA", "IRN", "occurred")}),
    # ... accepting an invitation, a deal or an offer stays an agreement (the invitation is its owner's request)
    ("de", "Serbien akzeptiert die Einladung der EU.",
     {("AGREE", "SRB", "EU", "occurred"), ("REQUEST", "EU", "SRB", "occurred")}),
    ("de", "Kosovo akzeptierte das Abkommen mit Serbien.", {("AGREE", "XKX", "SRB", "occurred")}),
    ("en", "Iran accepted an invitation from Oman.",
     {("AGREE", "IRN", "OMN", "occurred"), ("REQUEST", "OMN", "IRN", "occurred")}),
    ("en", "Kosovo accepted the ceasefire agreement with Serbia.", {("AGREE", "XKX", "SRB", "occurred")}),
    ("en", "Japan accepted China's offer.", {("AGREE", "JPN", "CHN", "occurred"), ("REQUEST", "CHN", "JPN", "occurred")}),
    # terms proposed by a named agent are that agent's request to the one who accepts them
    ("en", "Hamas accepted the ceasefire terms proposed by Egypt.",
     {("CONCEDE", "PSE", "EGY", "occurred"), ("REQUEST", "EGY", "PSE", "occurred")}),
    ("de", "Die Hamas akzeptierte die von Ägypten vorgeschlagenen Bedingungen.",
     {("CONCEDE", "PSE", "EGY", "occurred"), ("REQUEST", "EGY", "PSE", "occurred")}),
    ("de", "Serbien akzeptierte das Abkommen und schlug Kosovo Gespräche vor.",
     {("AGREE", "SRB", "XKX", "occurred"), ("REQUEST", "SRB", "XKX", "occurred")}),
])
def test_accepting_terms_is_conceding(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text,want", [
    # blocking an accession rejects the applicant, not the organisation hosting the process
    ("de", "Ungarn blockiert den Beitritt der Ukraine zur EU.", {("REJECT", "HUN", "UKR", "occurred")}),
    ("de", "Orbán legte sein Veto gegen den EU-Beitritt der Ukraine ein.", {("REJECT", "HUN", "UKR", "occurred")}),
    ("de", "Die Türkei blockierte den NATO-Beitritt Schwedens.", {("REJECT", "TUR", "SWE", "occurred")}),
    ("de", "Ungarn boykottiert die Verhandlungen der EU mit Moldau über einen Beitritt.",
     {("REJECT", "HUN", "MDA", "occurred")}),
    ("en", "Turkey blocked Sweden's accession to NATO.", {("REJECT", "TUR", "SWE", "occurred")}),
    ("en", "Hungary vetoed Ukraine's EU membership bid.", {("REJECT", "HUN", "UKR", "occurred")}),
    ("en", "Turkey blocked Sweden from joining NATO.", {("REJECT", "TUR", "SWE", "occurred")}),
    # a veto or resistance against another's plan or accession is aimed at its owner in the genitive
    ("de", "Die Türkei legte ihr Veto gegen die Aufnahme Finnlands in die NATO ein.", {("REJECT", "TUR", "FIN", "occurred")}),
    ("de", "Ungarn legte ein Veto gegen den Plan Finnlands ein.", {("REJECT", "HUN", "FIN", "occurred")}),
    ("de", "Serbien leistet Widerstand gegen die Pläne Kosovos.", {("REJECT", "SRB", "XKX", "occurred")}),
    # a state's boycott of talks is its refusal of the other party, and no talks are held
    ("de", "Ungarn kündigte einen Boykott der Verhandlungen mit der Ukraine an.", {("REJECT", "HUN", "UKR", "planned")}),
    ("en", "Hungary announced a boycott of talks with Ukraine.", {("REJECT", "HUN", "UKR", "planned")}),
    ("en", "Serbia is boycotting the negotiations with Kosovo.", {("REJECT", "SRB", "XKX", "occurred")}),
    # ... while a blocked measure of an organisation stays a refusal of that organisation
    ("de", "Ungarn blockierte neue EU-Sanktionen gegen Russland.", {("REJECT", "HUN", "EU", "occurred")}),
    ("en", "Hungary blocked the EU's sanctions package.", {("REJECT", "HUN", "EU", "occurred")}),
])
def test_blocked_applicant(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text,want", [
    # a date for a meeting not agreed: the pair's agreement, denied (not a refusal, not a meeting)
    ("de", "Rjabkow sagte, zwischen Moskau und Washington sei kein Datum für ein Treffen besprochen worden.",
     {("AGREE", "RUS", "USA", "denied")}),
    ("de", "Der Kreml dementierte Berichte, wonach Putin und Trump ein Treffen vereinbart hätten.",
     {("AGREE", "RUS", "USA", "denied")}),
    ("en", "Ryabkov said no date has been set for a meeting between Putin and Trump.", {("AGREE", "RUS", "USA", "denied")}),
    ("en", "Israel and Hamas have not agreed on a date for new talks.", {("AGREE", "ISR", "PSE", "denied")}),
    ("en", "The Kremlin denied that a date had been agreed for a Putin-Trump summit.", {("AGREE", "RUS", "USA", "denied")}),
    ("en", "Moscow denied that Putin and Trump had discussed a summit date.", {("AGREE", "RUS", "USA", "denied")}),
    # ... an agreed date is an agreement; "to date" is no date
    ("de", "Serbien und Kosovo haben einen Termin für ein Treffen vereinbart.", {("AGREE", "SRB", "XKX", "occurred")}),
    ("en", "Serbia and Kosovo agreed on a date for talks.", {("AGREE", "SRB", "XKX", "occurred")}),
    ("en", "To date, Russia has not attacked Moldova.", set()),
])
def test_date_denied(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text,want", [
    # insisting that a proposal will not be is refusing it, toward the party named
    ("de", "Netanjahu besteht gegenüber der Hamas darauf, dass es keinen Waffenstillstand gebe, bevor alle Geiseln frei seien.",
     {("REJECT", "ISR", "PSE", "occurred")}),
    ("en", "Israel insisted that there would be no ceasefire with Hamas before the hostages are freed.",
     {("REJECT", "ISR", "PSE", "occurred")}),
    ("en", "China insisted that there would be no talks with Taiwan.", {("REJECT", "CHN", "TWN", "occurred")}),
    # ... holding to one's own terms against a named counterpart (the terms are the holder's own)
    ("de", "Iran hält gegenüber den USA an seinen Bedingungen fest.", {("REJECT", "IRN", "USA", "occurred")}),
    ("de", "Serbien hält an seinen Forderungen an Kosovo fest.", {("REJECT", "SRB", "XKX", "occurred")}),
    ("de", "Die Hamas will gegenüber Israel an ihren Forderungen festhalten.", {("REJECT", "PSE", "ISR", "occurred")}),
    ("en", "Venezuela stuck to its position against the United States.", {("REJECT", "VEN", "USA", "occurred")}),
    # ... an insisted demand stays a demand; with no counterpart named nothing is coded
    ("de", "Die Türkei besteht darauf, dass Griechenland seine Truppen abzieht.", {("REQUEST", "TUR", "GRC", "occurred")}),
    ("en", "Beijing insisted that Taiwan withdraw its navy.", {("REQUEST", "CHN", "TWN", "occurred")}),
    ("de", "Putin besteht darauf, dass es nicht um einen Waffenstillstand gehe, sondern um einen umfassenden Frieden.", set()),
    ("de", "Russland hält an seinen Bedingungen fest.", set()),
    ("de", "Deutschland hält an der Schuldenbremse fest.", set()),
    ("de", "Die EU verhängte Sanktionen gegen die Energiesponsoren Russlands.", set()),
    ("en", "China stuck to its demands.", set()),
])
def test_insisting_on_one_s_own_line(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text,want", [
    # a denial of "diese Information" / "the report" points back to the acts of the sentence before
    ("de", "Die Financial Times schrieb, dass ein Treffen zwischen Rubio und Lawrow am 30. Oktober stattfinden könnte. "
           "Sacharowa dementierte diese Information jedoch.",
     {("CONSULT", "USA", "RUS", "hypothetical"), ("CONSULT", "USA", "RUS", "denied")}),
    ("de", "Die Zeitung berichtete, Serbien und Kosovo hätten sich auf einen Gefangenenaustausch geeinigt. "
           "Belgrad dementierte den Bericht.",
     {("AGREE", "SRB", "XKX", "occurred"), ("AGREE", "SRB", "XKX", "denied")}),
    ("en", "Reuters reported that Iran and Oman had agreed to hold talks. Tehran denied the report.",
     {("AGREE", "IRN", "OMN", "occurred"), ("AGREE", "IRN", "OMN", "denied")}),
    # ... not when the report's content follows in its own sentence, nor without a report noun
    ("de", "Israel griff Ziele in Gaza an. Die Hamas dementierte Berichte über Verluste.", {("ASSAULT", "ISR", "PSE", "occurred")}),
    ("de", "Israel griff Ziele in Gaza an. Die Hamas dementierte.", {("ASSAULT", "ISR", "PSE", "occurred")}),
    ("en", "Israel struck targets in Gaza. Hamas denied reports of casualties.", {("ASSAULT", "ISR", "PSE", "occurred")}),
])
def test_denied_report_points_back(lang, text, want):
    assert events(text, lang) == want


def _count(text: str, lang: str, etype: str) -> int:
    import datetime as dt
    from detente.extract.pipeline import ArticleIn, extract_article
    x = extract_article(ArticleIn("test#1", text, 0, dt.date(2025, 10, 24), lang))
    return sum(e.type == etype for e in x.events)


@pytest.mark.parametrize("lang,text", [
    # each refusal sentence states a refusal of its own (a response to another proposal), not a re-mention
    ("de", "Erdoğan lehnte den Vorschlag Griechenlands ab. Eine Woche später wies Erdoğan auch das Angebot Griechenlands zurück."),
    ("en", "Israel rejected the proposal by Hamas. Days later Israel also turned down the offer by Hamas."),
])
def test_refusals_are_counted_each_time(lang, text):
    assert _count(text, lang, "REJECT") == 2


def test_a_refusal_restated_with_the_same_word_is_coded_once():
    text = "Israel rejected the proposal by Hamas. Israel rejected the proposal by Hamas, officials said."
    assert _count(text, "en", "REJECT") == 1


def test_a_meeting_re_mentioned_is_coded_once():
    text = "Erdoğan traf Mitsotakis in Ankara. Erdoğan traf Mitsotakis in Ankara, hieß es."
    assert _count(text, "de", "CONSULT") == 1


@pytest.mark.parametrize("lang,text,want", [
    # more ways of turning down or giving in
    ("en", "Hamas balked at Israel's demands.", {("REJECT", "PSE", "ISR", "occurred"), ("REQUEST", "ISR", "PSE", "occurred")}),
    ("en", "Iran bowed to pressure from the United States.",
     {("CONCEDE", "IRN", "USA", "occurred"), ("COERCE", "USA", "IRN", "occurred")}),
    ("de", "Die Hamas beugte sich dem Druck Israels.", {("CONCEDE", "PSE", "ISR", "occurred")}),
    ("de", "Aserbaidschan ging auf die Forderungen Armeniens ein.",
     {("CONCEDE", "AZE", "ARM", "occurred"), ("REQUEST", "ARM", "AZE", "occurred")}),
    ("de", "Der Minister beugte sich über die Karte.", set()),
    # agreeing to another's demands is acceding; agreeing to a ceasefire or a deal stays an agreement
    ("de", "Aserbaidschan stimmte den Forderungen Armeniens zu.",
     {("CONCEDE", "AZE", "ARM", "occurred"), ("REQUEST", "ARM", "AZE", "occurred")}),
    ("en", "Azerbaijan agreed to Armenia's demands.", {("CONCEDE", "AZE", "ARM", "occurred"), ("REQUEST", "ARM", "AZE", "occurred")}),
    ("de", "Israel und die Hamas stimmten einer Waffenruhe zu.", {("AGREE", "ISR", "PSE", "occurred")}),
    ("en", "Israel and Hamas agreed to a ceasefire.", {("AGREE", "ISR", "PSE", "occurred")}),
    ("en", "Serbia agreed to the deal with Kosovo.", {("AGREE", "SRB", "XKX", "occurred")}),
    # an offer of talks is a proposal: its owner's request, no talks
    ("de", "Peking lehnte das Gesprächsangebot Taiwans ab.",
     {("REJECT", "CHN", "TWN", "occurred"), ("REQUEST", "TWN", "CHN", "occurred")}),
    # a refusal given ("erteilte ... eine Absage") is the subject's
    ("de", "Moskau erteilte dem Vorschlag Kiews eine Absage.", {("REJECT", "RUS", "UKR", "occurred")}),
    ("de", "Moskau erteilte Kiew eine Abfuhr.", {("REJECT", "RUS", "UKR", "occurred")}),
    # what a refused proposal proposes did not happen
    ("en", "Moscow turned down Kyiv's proposal for a prisoner swap.",
     {("REJECT", "RUS", "UKR", "occurred"), ("REQUEST", "UKR", "RUS", "occurred")}),
    ("de", "Russland lehnte den Vorschlag der Ukraine zu einem Gefangenenaustausch ab.",
     {("REJECT", "RUS", "UKR", "occurred"), ("REQUEST", "UKR", "RUS", "occurred")}),
    ("de", "Russland und die Ukraine vereinbarten einen Gefangenenaustausch.",
     {("AGREE", "RUS", "UKR", "occurred"), ("COOPERATE", "RUS", "UKR", "occurred")}),
])
def test_more_responses(lang, text, want):
    assert events(text, lang) == want

"""Who reports a sentence rather than acts in it: datelines, 'according to', 'laut',
'X zufolge', reporting parentheticals and a speaker's colon."""

from __future__ import annotations

import re
from functools import lru_cache

from detente.extract.coded import Coded
from detente.extract.lexicon import _read_yaml
from detente.extract.wordsets import _ARTICLES


_ATTRIB = re.compile(r"^\W*(?:according to|laut|nach angaben (?:von|des|der|aus)|angaben (?:von|des|der) )\s*", re.IGNORECASE)
_ATTRIB_WORD = re.compile(r"\S+")


def _navigation(head: str, openers: tuple[str, ...]) -> bool:
    """Does the sentence open with a link-teaser word followed by a colon or dash ("Weitere
    Informationen – ...", "Read more: ...")? The punctuation keeps "Related talks ..." apart."""
    head = head.lstrip(" \t-–•*»«\"“„")
    for o in openers:
        if head.startswith(o) and head[len(o):].lstrip()[:1] in (":", "–", "—", "-", "|", "»", ">"):
            return True
    return False


# an English headline or quote opening with its speaker and a colon ("Trump: Putin 'not ready' ...")
_COLON_SPEAKER = re.compile(r"^\W*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}:\s")


# a German reporting clause opening the sentence: "Wie Kiew mitteilte, ...", "Wie die Agentur Tass meldete, ..."
_WIE_REPORT = re.compile(r"^\W*[Ww]ie\s+[^,]{1,80}?\b(?:mitteilte|mitteilten|meldete|meldeten|berichtete|berichteten"
                         r"|erklärte|erklärten|sagte|sagten|bestätigte|bestätigten|verlautete|bekanntgab|bekanntgaben"
                         r"|bekannt gab|bekannt gaben|mitgeteilt wurde|berichtet wurde|gemeldet wurde)\s*,")


def _attribution(sentence: str) -> int:
    """End of an opening attribution phrase, or 0. English: up to the first comma; German
    (verb second, often no comma): articles, adjectives and nouns up to the finite verb; a
    reporting clause "Wie X mitteilte," up to its comma."""
    if sentence[:6].lstrip(" \"„»").startswith(("Wie ", "wie ")):
        w = _WIE_REPORT.match(sentence)
        if w:
            return w.end()
    m = _ATTRIB.match(sentence)
    if not m:
        c = _COLON_SPEAKER.match(sentence)
        return c.end() if c else 0
    if "according" in m.group().lower():
        c = sentence.find(",", m.end())
        return c + 1 if 0 < c - m.end() <= 80 else 0
    noun = False
    for w in _ATTRIB_WORD.finditer(sentence, m.end()):
        t = w.group().strip(",")
        if t[:1].islower() and t.lower() not in _ARTICLES and t.lower() not in _GENITIVE_PREPS \
                and (noun or not t.endswith(("e", "en", "er", "em", "es", "s"))):
            return w.start()     # (an adjective stands before its noun: a lower-case word after one is the verb, "griffen")
        if w.group().endswith(","):
            return w.end()
        noun = t[:1].isupper()
    return 0


_GENITIVE_PREPS = frozenset({"von", "vom", "aus", "in", "im"})     # "nach Angaben von Beamten in Kiew"
_MID_ATTRIB = re.compile(r"\b(?:nach (?:offiziellen |übereinstimmenden |ersten )?(?:angaben|informationen|darstellung) (?:von|des|der|aus)"
                         r"|laut)\s+", re.IGNORECASE)
_MID_ATTRIB_ADJ = re.compile(r"\bnach [a-zäöü]+(?:en|er) (?:angaben|informationen|darstellung)\b")     # "nach philippinischen Angaben"
_ZUFOLGE = re.compile(r"(?:\S+\s+){1,3}?zufolge\b")


def _mid_attributions(sentence: str) -> list[tuple[int, int]]:
    """Character spans of German source phrases after the sentence start ("nach Angaben des
    südkoreanischen Militärs", "laut Kiew", "dem Kreml zufolge"): who tells of the act, not a party."""
    out = []
    for m in _MID_ATTRIB.finditer(sentence, 1):
        end = m.end()
        for w in _ATTRIB_WORD.finditer(sentence, m.end()):
            t = w.group().strip(",.;:")
            if t[:1].islower() and t.lower() not in _ARTICLES and not t.endswith(("e", "en", "er", "em", "es", "s")):
                break
            end = w.end()
            if w.group()[-1:] in ",.;:" or w.end() - m.end() > 60:
                break
        out.append((m.start(), end))
    for m in _ZUFOLGE.finditer(sentence):
        out.append((m.start(), m.end()))
    for m in _MID_ATTRIB_ADJ.finditer(sentence):
        out.append((m.start(), m.end()))
    return out


# a reporting clause closing the sentence: ", X said." / ", sagte X." / ", so X." / ", according to X."
# (English may add when or how: ", Trump said on Wednesday." / ", the ministry said in a statement.")
_REPORTER_WORDS = r"(?:sagte|sagt|erklärte|erklärt|betonte|teilte|hieß es|so|according to|laut)"     # verb or source word first
_REPORTER = re.compile(r",[\"”’']?\s+(?:(?:[^\s,]+\s+){1,6}(?:said|says|say|told (?:an? (?:news |press |regular )?(?:briefing|conference)|\w+)|reported|announced|added|claimed|stated|believe|believes|think|thinks|fear|fears|noted|confirmed)"
                       r"(?:\s+(?:on|in|at|late|early|last|this|earlier|today|yesterday)\b(?:\s+[\w-]+){0,3})?"
                       r"|" + _REPORTER_WORDS + r"\s+(?:(?>\S+)\s*){1,6}"
                       # German, longer: who and when with no comma (", erklärte Putins Berater Jurij Uschakow nach
                       # dem Telefonat am Donnerstag."; a comma would open a clause of its own: ", sagte Trump, der ...")
                       r"|" + _REPORTER_WORDS + r"\s+(?:(?>[^\s,]+)\s*){7,12}"
                       # English verb first after a quotation: ',” said a spokesman for the foreign ministry.' (no
                       # comma: not ', said Araqchi, who also spoke with ...', whose aside holds an act of its own)
                       r"|(?<=[\"”’'] )(?:said|says|added)\s+(?:[^\s,]+\s+){0,8}[^\s,]+)"
                       r"[\s\W]*$")
# speed: each word of the German tail is taken whole (atomic group). "(?:\S+\s*){1,6}" could split a
# word into pieces, so on a failing tail of 10+ words the engine tried every split (3 ms for one seed
# sentence; 0.119 -> 0.019 s for 20 passes over the seed's sentences). Same matches: a split word
# still counts as one of the six, and "[\s\W]*$" then needs the same rest (same match start on the
# seed sentences, the test sentences and 60,000 random strings).
# speed: every match holds one of its English verbs, or a German/source word right after ", ":
# tested first with `in` and one short scan, so the search runs on ~2% of the sentences
_REPORTER_VERBS = ("said", "say", "told ", "reported", "announced", "added", "claimed", "stated", "believe",
                   "think", "fear", "noted", "confirmed")
_REPORTER_LEAD = re.compile(r",\s+" + _REPORTER_WORDS + r"\s")


def reporter(sentence: str) -> re.Match[str] | None:
    """The closing reporting clause (_REPORTER), searched only if it can match."""
    if "," not in sentence or not (any(v in sentence for v in _REPORTER_VERBS) or _REPORTER_LEAD.search(sentence)):
        return None
    return _REPORTER.search(sentence)


_PAREN_REPORTER = re.compile(r",\s+(?:[\w.'’-]+\s+){1,5}?(?:said|says|say|believe|believes|think|thinks|fear|fears|argue|argues|noted|told \w+)\s*,")


# an English dateline: "KYIV, Oct 22 (Reuters) -", "DEIR AL-BALAH, Gaza Strip (AP) -"
_DATELINE = re.compile(r"^\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:,[^()\n–—-]{1,40}?)?"
                       r"(?:\s*\((?:AP|Reuters|AFP|dpa|Bloomberg|ANI|PTI|Xinhua|UPI|CNN|BBC)\))?\s*[-–—]{1,2}\s+")


# --- a closing reporting clause's speaker (eighth pass: German long articles) ---

def tail_speaker(hits: list, tail_start: int):
    """Who speaks in a closing reporting clause (", sagte Kremlsprecher Dmitri Peskow.", ", so
    Kurti.", ", sagte er."): its first actor; with none, the country of a place named there
    (", hieß es aus Washington.", ", sagte ein Sprecher des Außenministeriums in Peking.")."""
    tail = [h for h in hits if h.start >= tail_start]
    who = next((h.actor for h in tail if h.kind != "place" and h.actor is not None), None)
    return who or next((h.host for h in tail if h.kind == "place" and getattr(h, "host", None) is not None), None)


@lru_cache(maxsize=4)
def _accusation_cues(lang: str) -> re.Pattern[str] | None:
    """One alternation of the `reported_accusations:` patterns of data/lang/XX.yaml."""
    raw = (_read_yaml("lang", f"{lang}.yaml") or {}).get("reported_accusations") or []
    return re.compile("|".join(f"(?:{p})" for p in raw)) if raw else None


def accusation_cues(low: str, lang: str, end: int) -> list[re.Match[str]]:
    """The reported charges ("habe sich eingemischt", "sei eine Provokation", "versuche, die
    Lage zu destabilisieren") in the reported part of a lower-cased sentence (before `end`)."""
    p = _accusation_cues(lang)
    return list(p.finditer(low, 0, end)) if p is not None else []


def reported_accusations(cues: list[re.Match[str]], speaker, groups: list, toks: list, negation: frozenset[str],
                         keys: set, when) -> list[Coded]:
    """A charge reported in the subjunctive with its speaker after it ("Washington habe sich in
    die Wahl eingemischt, erklärte Gil"; "Belgrad versuche, die Lage zu destabilisieren, so
    Kurti") is the speaker's accusation of the party the report is about: the first party named
    before the charge (German reported speech puts its subject first; Duden-Grammatik 2016,
    §§ 774-779 on indirect speech in Konjunktiv I). A negation before the charge ("Russland werde
    die Waffenruhe nicht verletzen", "Keine russische Drohne sei eingedrungen") denies it: no event."""
    out: list[Coded] = []
    for m in cues:
        subj = min((g for g in groups if g.end <= m.start()), key=lambda g: g.start, default=None)
        if subj is None or any(t.start < m.start() and t.low in negation for t in toks):
            continue
        for a in subj.actors:
            if a.name == speaker.name or (a.country is not None and a.country == speaker.country):
                continue
            key = ("ACCUSE", speaker.name, a.name)
            if key not in keys:
                keys.add(key)
                out.append(Coded("ACCUSE", None, speaker, a, "occurred", when, None, m.group(), m.start()))
    return out

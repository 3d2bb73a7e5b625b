"""Load the shipped data files (gazetteer, per-language lexicons, issue vocabularies).

All linguistic knowledge lives in `detente/data/` as YAML so that a term, an actor or a
language can be added without touching code. Loaded once per process (lru_cache).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from detente.errors import InputError


def _read_yaml(*parts: str) -> Any:
    res = resources.files("detente.data")
    for p in parts:
        res = res.joinpath(p)
    try:
        return yaml.safe_load(res.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"data file {'/'.join(parts)} is missing from the detente package") from None
    except yaml.YAMLError as exc:
        raise InputError(f"data file {'/'.join(parts)}: invalid YAML: {exc}") from None


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    lemmas: frozenset[str]
    prefixes: tuple[str, ...]
    infixes: tuple[str, ...]
    phrases: tuple[re.Pattern[str], ...]
    exclude: frozenset[str]
    veto: frozenset[str]
    negated: str | None
    suppressed_by: frozenset[str]
    not_before: frozenset[str] = frozenset()     # words that, right after the trigger, make it something else


@dataclass(frozen=True)
class Lexicon:
    language: str
    particles: frozenset[str]
    triggers: tuple[Trigger, ...]
    status_words: dict[str, frozenset[str]]
    status_phrases: dict[str, tuple[re.Pattern[str], ...]]
    negation: frozenset[str]
    conditional_openers: frozenset[str]
    question_openers: frozenset[str]
    actor_nouns: tuple[str, ...]
    clause_words: frozenset[str]
    hypothetical_attributive: frozenset[str]
    weekdays: dict[str, int]
    months: dict[str, int]
    relative: dict[str, int]
    not_relative_after: frozenset[str]
    periods: dict[str, str]
    location_prepositions: frozenset[str]
    coref: dict[str, dict[str, str]] = field(default_factory=dict)
    role_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    relative_words: frozenset[str] = frozenset()
    adverbial_openers: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    factual_aux: frozenset[str] = frozenset()
    deontic: frozenset[str] = frozenset()
    relative_phrases: tuple[tuple[re.Pattern[str], int], ...] = ()
    navigation: tuple[str, ...] = ()          # openers of link teasers ("Weitere Informationen", "Read more")
    invitation: frozenset[str] = frozenset()   # words whose object is a meeting only invited to
    content_nouns: dict[str, str] = field(default_factory=dict)   # noun -> status of its infinitive content
    backshift_modals: frozenset[str] = frozenset()   # "would" reporting a "will" after a past verb of saying
    backshift_verbs: frozenset[str] = frozenset()
    speculative: frozenset[str] = frozenset()   # modals of guessing: a conditional punishment with one is no threat
    receiving: frozenset[str] = frozenset()   # verbs whose object act comes "von/from" another party
    allegation: frozenset[str] = frozenset()  # verbs whose content clause is alleged, not coded
    factive: frozenset[str] = frozenset()     # governors that presuppose their complement clause
    failure: frozenset[str] = frozenset()     # verbs whose infinitive content did not happen ("failed to")
    success: frozenset[str] = frozenset()     # verbs whose negation means the content did not happen
    hope: frozenset[str] = frozenset()        # verbs whose infinitive content is a hope, not coded
    pointless: frozenset[str] = frozenset()   # judgements of an act's point: the act noun they follow is a topic
    evasion: frozenset[str] = frozenset()     # verbs of evading or suffering an act: their subject is no agent of it
    leaving: frozenset[str] = frozenset()     # words of leaving or breaking an agreement: the agreement named is no new AGREE
    generic: frozenset[str] = frozenset()     # quantifiers that make an act noun generic ("jede Annäherung", "any talks")
    belief: frozenset[str] = frozenset()      # verbs of believing: their content in a wh-question is asserted by nobody
    wh_words: frozenset[str] = frozenset()    # question words that open a rhetorical question ("Warum glaubte X, dass ...?")
    finite_aux: frozenset[str] = frozenset()  # auxiliaries: after "und X" they make a clause of its own
    message_nouns: frozenset[str] = frozenset()   # "Botschaft an X", "message to X": an ultimatum's carrier
    ultimatum: tuple[str, ...] = ()           # "oder es drohen", "or face": the penalty of a demand
    group_nouns: tuple[str, ...] = ()         # "officials in Kyiv": people who stand for the capital's state


# word sets read from a language file's `clauses:` section, one Lexicon field each (named as the
# key unless _CLAUSE_KEYS says otherwise)
_CLAUSE_SETS = ("complementizers", "relative_words", "adverbial_openers", "speech_verbs", "factual_aux",
                "deontic", "invitation", "receiving", "allegation", "factive", "failure", "success", "hope", "pointless", "evasion", "leaving", "generic", "belief", "wh_words",
                "backshift_modals", "backshift_verbs", "speculative", "finite_aux", "message_nouns")
_CLAUSE_KEYS = {"relative_words": "relative", "adverbial_openers": "adverbial"}


def _low(items: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """Languages with a lexicon file in data/lang/."""
    res = resources.files("detente.data").joinpath("lang")
    return tuple(sorted(p.name[:-5] for p in res.iterdir() if p.name.endswith(".yaml")))


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    raw = _read_yaml("lang", f"{lang}.yaml")
    trig = []
    for i, t in enumerate(raw.get("triggers", [])):
        try:
            trig.append(Trigger(
                type=t["type"], mode=t.get("mode"), lemmas=_low(t.get("lemmas")),
                prefixes=tuple(str(x).lower() for x in t.get("prefixes", []) or []),
                infixes=tuple(str(x).lower() for x in t.get("infixes", []) or []),
                phrases=tuple(re.compile(p) for p in t.get("phrases", []) or []),
                exclude=_low(t.get("exclude")), veto=_low(t.get("veto")), negated=t.get("negated"),
                suppressed_by=frozenset(t.get("suppressed_by", []) or []), not_before=_low(t.get("not_before"))))
        except (KeyError, re.error) as exc:
            raise InputError(f"data/lang/{lang}.yaml: trigger {i + 1}: {exc}") from None
    status = raw.get("status", {})
    d = raw.get("dates", {})
    coref = raw.get("coref") or {}
    clauses = raw.get("clauses") or {}
    return Lexicon(
        language=lang, particles=_low(raw.get("particles")), triggers=tuple(trig),
        status_words={k: _low(v.get("words")) | _low(v.get("lemmas")) for k, v in status.items()},
        status_phrases={k: tuple(re.compile(p) for p in v.get("phrases", []) or []) for k, v in status.items()},
        negation=_low(raw.get("negation")), conditional_openers=_low(raw.get("conditional_openers")),
        question_openers=_low(raw.get("question_openers")),
        actor_nouns=tuple(sorted(_low(raw.get("actor_nouns")))),
        clause_words=_low(raw.get("clause_words")),
        hypothetical_attributive=_low(raw.get("hypothetical_attributive")),
        weekdays={k.lower(): int(v) for k, v in (d.get("weekdays") or {}).items()},
        months={k.lower(): int(v) for k, v in (d.get("months") or {}).items()},
        relative={k.lower(): int(v) for k, v in (d.get("relative") or {}).items()},
        not_relative_after=_low(d.get("not_relative_after")), periods=dict(d.get("periods") or {}),
        location_prepositions=_low(d.get("location_prepositions")),
        coref={k: {str(w).lower(): str(g) for w, g in (v or {}).items()} for k, v in coref.items()
               if k in ("subject", "object", "possessive", "relative")},
        role_nouns={str(k).lower(): tuple(v if isinstance(v, list) else [v])
                    for k, v in (coref.get("role_nouns") or {}).items()},
        articles=_low(coref.get("articles")),
        prepositions=_low(coref.get("prepositions")),
        **{name: _low(clauses.get(_CLAUSE_KEYS.get(name, name))) for name in _CLAUSE_SETS},
        content_nouns={str(k).lower(): str(v) for k, v in (clauses.get("content_nouns") or {}).items()},
        ultimatum=tuple(sorted(_low(clauses.get("ultimatum")))), group_nouns=tuple(sorted(_low(coref.get("group_nouns")))),
        relative_phrases=tuple((re.compile(k), int(v)) for k, v in (d.get("relative_phrases") or {}).items()),
        navigation=tuple(sorted(_low(raw.get("navigation")))))


@dataclass(frozen=True)
class Actor:
    name: str
    wikidata: str | None
    country: str
    kind: str
    role: str | None = None
    gender: str | None = None     # persons: "m" or "f" (for pronoun agreement in coreference)


@dataclass(frozen=True)
class RoleHolder:
    actor: Actor
    start: dt.date | None
    end: dt.date | None


@dataclass
class Gazetteer:
    """Actors, role phrases and places, indexed for a fast left-to-right scan.

    Literal aliases are looked up by their first word (a dict probe per word, longest alias
    first), demonym adjectives by their inflected lower-case form; role phrases are regular
    expressions, run only when a sentence contains one of their key words. One big regex
    alternation was 100x slower (it tries every alternative at every character).
    """
    by_first: dict[str, list[tuple[str, str, Any]]]    # first word -> [(alias, "actor"|"place", payload)]
    adj_forms: dict[str, Actor]
    roles: re.Pattern[str] | None
    role_groups: dict[str, list[RoleHolder]]
    role_keys: tuple[str, ...]
    actors: dict[str, Actor] = field(default_factory=dict)
    place_names: dict[str, str] = field(default_factory=dict)   # alias -> canonical place
    plural_aliases: frozenset[str] = frozenset()    # aliases naming a plural group ("die Europäer", "the Americans")
    place_hosts: dict[str, Actor] = field(default_factory=dict)   # place -> the country it lies in

    def resolve_role(self, holders: list[RoleHolder], on: dt.date | None) -> Actor:
        if on is not None:
            for h in holders:
                if (h.start is None or h.start <= on) and (h.end is None or on < h.end):
                    return h.actor
        return holders[0].actor


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


_FIRST = re.compile(r"\w+")
# (a substring prefilter for the role scan, actors.find: no key holds another - "chefdiplomat" and
# "kremlin" would be found by "chef" and "kreml" - so each is one needed test per sentence)
ROLE_KEYS = ("präsident", "minister", "kreml", "chef", "sprecher", "generalsekretär", "herrscher", "president",
             "secretary", "spokes", "premier", "kanzler", "chancellor", "chief", "beauftragt")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    raw = _read_yaml("actors.yaml")
    actors: dict[str, Actor] = {}
    by_first: dict[str, list[tuple[str, str, Any]]] = {}
    adj_forms: dict[str, Actor] = {}
    plural: set[str] = set()

    def add(alias: str, kind: str, payload: Any) -> None:
        m = _FIRST.match(alias)
        if m:
            by_first.setdefault(m.group(), []).append((alias, kind, payload))

    for a in raw.get("actors", []):
        kind = a.get("kind", "person")
        actor = Actor(a["name"], a.get("wikidata"), a["country"], kind, a.get("role"),
                      a.get("gender", "m") if kind == "person" else None)
        actors[actor.name] = actor
        plural.update(str(x) for x in a.get("plural", []) or [])
        for alias in a.get("aliases", []) or []:
            add(str(alias), "actor", actor)
        for stem in a.get("adjectives", []) or []:
            stem = str(stem)
            endings = ("", "e", "en", "er", "em", "es") if stem[0].islower() else ("",)
            for e in endings:
                adj_forms.setdefault((stem + e).lower(), actor)
    places: dict[str, str] = {}
    by_code: dict[str, Actor] = {}
    for a in actors.values():
        if a.kind == "country":
            by_code.setdefault(a.country, a)
    hosts: dict[str, Actor] = {}
    for p in raw.get("places", []) or []:
        if p.get("country") in by_code:
            hosts[p["name"]] = by_code[p["country"]]
        for alias in p.get("aliases", []) or []:
            places[str(alias)] = p["name"]
            add(str(alias), "place", p["name"])
    for v in by_first.values():
        v.sort(key=lambda x: (-len(x[0]), x[1] != "actor"))
    role_groups: dict[str, list[RoleHolder]] = {}
    alts = []
    for n, r in enumerate(raw.get("roles", []) or []):
        holders = [RoleHolder(actors[h["actor"]], _date(h.get("from")), _date(h.get("to"))) for h in r["holders"]]
        role_groups[f"r{n}"] = holders
        alts.append(f"(?P<r{n}>(?<![\\w])(?:{r['pattern']})(?![\\w]))")
    roles = re.compile("|".join(alts)) if alts else None
    return Gazetteer(by_first, adj_forms, roles, role_groups, ROLE_KEYS, actors, places, frozenset(plural), hosts)


@dataclass(frozen=True)
class Issue:
    name: str
    terms: tuple[re.Pattern[str], ...]
    oppose: tuple[re.Pattern[str], ...]
    support: tuple[re.Pattern[str], ...]
    participants: frozenset[str] = frozenset()
    event_types: frozenset[str] = frozenset()
    exclude: tuple[re.Pattern[str], ...] = ()      # look-alikes that are not the issue ("NATO-Gipfel")
    threat: str | None = None                      # the stance a threat on the issue expresses
    modes: frozenset[str] = frozenset()            # event modes that define the issue (in-person)
    meeting: tuple[re.Pattern[str], ...] = ()      # nouns that with a participant named after them are the issue
    weak: tuple[re.Pattern[str], ...] = ()         # terms that name the issue only near a participant or a mention


def _patterns(v: dict[str, Any], key: str, where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in v.get(key, []) or [])
    except re.error as exc:
        raise InputError(f"data file {where}: {key}: invalid pattern: {exc}") from None


@lru_cache(maxsize=1)
def load_issues() -> tuple[Issue, ...]:
    raw = _read_yaml("issues.yaml")
    out = []
    for name, v in (raw.get("issues") or {}).items():
        w = f"issues.yaml ({name})"
        out.append(Issue(name, _patterns(v, "terms", w), _patterns(v, "oppose", w), _patterns(v, "support", w),
                         frozenset(v.get("participants", []) or []), frozenset(v.get("event_types", []) or []),
                         _patterns(v, "exclude", w), v.get("threat"), frozenset(v.get("modes", []) or []),
                         _patterns(v, "meeting", w), _patterns(v, "weak", w)))
    return tuple(out)


@dataclass(frozen=True)
class StanceCues:
    """Stance expressions of one language (data/stances.yaml, which documents each category):
    regular expressions over the lower-cased sentence, by category, and the governing words."""
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    governing: frozenset[str]

    def get(self, category: str) -> tuple[re.Pattern[str], ...]:
        return self.patterns.get(category, ())


@lru_cache(maxsize=None)
def load_stance_cues(lang: str) -> StanceCues | None:
    """Cues for `lang`, or None when stances.yaml has no section for it."""
    raw = (_read_yaml("stances.yaml") or {}).get(lang)
    if not raw:
        return None
    w = f"stances.yaml ({lang})"
    return StanceCues({k: _patterns(raw, k, w) for k, v in raw.items() if k != "governing"}, _low(raw.get("governing")))

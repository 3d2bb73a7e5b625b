"""Closed-class words the rules test by position (prepositions, articles, auxiliaries,
conditionals): grammar of the two languages, not lexicon, so they stay beside the code."""

from __future__ import annotations

_CLAUSE = frozenset({",", ";", ":", "–", "—", "(", ")", "-"})
_TARGET_PREPS = frozenset({"mit", "gegen", "an", "auf", "gegenüber", "von", "zu", "with", "against", "to", "on",
                           "toward", "towards", "at", "from", "beim", "vom", "zum"})
_BETWEEN = frozenset({"zwischen", "between"})
_IN_PLACE = frozenset({"in", "im"})
_DASHES = frozenset({"–", "—"})
_MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_GENITIVE = frozenset({"der", "des", "of", "seitens"})
_CONDITIONALS = frozenset({"wenn", "falls", "sofern", "if", "unless"})
_PUNITIVE = frozenset({"SANCTION", "ASSAULT", "COERCE"})     # acts that, announced on a condition, threaten
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "wurde", "wurden", "worden"})
_AGENT_PREPS = frozenset({"by", "von", "vom", "durch"})
_ARTICLES = frozenset({"the", "der", "dem", "den", "die", "das"})
_SUBJECT_DETS = frozenset({"der", "die", "das", "den", "dem", "des", "the", "a", "an"})


# the future of a stated refusal ("would not", "werde nicht"); "did not meet" is no refusal
_WILL = frozenset({"would", "will", "wo", "werde", "werden", "wird", "würde", "würden"})
# words that make a refusal to talk conditional ("would not meet Putin without a clear outcome")
_CONDITION_WORDS = frozenset({"without", "unless", "if", "until", "ohne", "sofern", "falls", "wenn", "solange", "bevor"})
_VISITS = ("besuch", "staatsbesuch", "antrittsbesuch", "reise", "visit", "trip", "tour")
# finite Konjunktiv I forms of the German auxiliaries and modals: reported speech, not the speaker's own
# words (a journalist's own hypothesis takes Konjunktiv II: "wäre", "hätte", "könnte")
_KONJUNKTIV_I = frozenset({"sei", "seien", "habe", "werde", "könne", "wolle", "müsse", "solle", "dürfe"})

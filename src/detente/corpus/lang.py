"""Offline language detection with lingua (lingua-language-detector, Apache-2.0).

The detector is restricted to the languages news on this project's topics comes in; a
restricted detector is both more accurate and much faster to build (NLP_NOTES.md: 0.36 s for
two languages). It is built once, on first use.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (Language.GERMAN, Language.ENGLISH, Language.FRENCH, Language.RUSSIAN,
             Language.UKRAINIAN, Language.POLISH)
SAMPLE_CHARS = 1000  # the first paragraphs decide; lingua time grows with length (10 ms at 3,000 chars)


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code ('de', 'en', ...) or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return None
    found = detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None

"""The extraction cache key must change when a language lexicon changes (data/lang/*.yaml)."""

from importlib import resources

from detente.execution.extraction import _walk


def test_fingerprint_reads_language_lexicons() -> None:
    names = [n for n, _ in _walk(resources.files("detente.data"), "", (".yaml",))]
    assert "lang/de.yaml" in names and "lang/en.yaml" in names
    assert "actors.yaml" in names

"""Language identification with py3langid (model shipped in the package; no network)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Enough text to be sure, little enough to stay cheap on long articles.
_SAMPLE_CHARS = 4000
_MIN_CHARS = 20


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # The model is unpacked once, on the first document, not at import.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability), or (None, 0.0) when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < _MIN_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def decide(text: str, hint: str | None) -> tuple[str | None, list[str]]:
    """The document language: metadata wins, detection fills the gap; disagreements are flagged."""
    detected, prob = detect(text)
    if hint:
        hint = hint.lower()[:2]
        if detected and detected != hint and prob > 0.99:
            return hint, [f"metadata says language {hint!r} but the text looks {detected!r} (p={prob:.2f})"]
        return hint, []
    return detected, []

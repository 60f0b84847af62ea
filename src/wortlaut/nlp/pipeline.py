"""Assembling the default pipeline: blank German tokenizer, sentences, then the extractors.

The default pipeline needs nothing but this package (its models ship inside it). A user with a
stronger spaCy pipeline installed can pass its name (``--model de_core_news_lg``): its
tokenizer, parser and NER are used, and Wortlaut's extractors are appended to it.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from . import extensions  # noqa: F401

EXTRACTORS: tuple[str, ...] = ("wortlaut_entities_v1", "wortlaut_quotes_v1", "wortlaut_amounts_v1")


def build_pipeline(model: str | None = None) -> Language:
    """A fresh pipeline: the packaged default, or ``model`` (an installed spaCy pipeline)."""
    from . import amounts, entities, quotes  # noqa: F401  (register factories)

    if model is None:
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("wortlaut_entities_v1")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelError(
                f"cannot load spaCy pipeline {model!r}: {exc}",
                hint="install it first (pip install …) or leave out --model for the packaged default",
            ) from exc
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
            nlp.add_pipe("sentencizer")
        nlp.add_pipe("wortlaut_entities_v1", config={"use_existing_ents": nlp.has_pipe("ner")})
    nlp.add_pipe("wortlaut_quotes_v1")
    nlp.add_pipe("wortlaut_amounts_v1")
    return nlp


@lru_cache(maxsize=4)
def shared_pipeline(model: str | None = None) -> Language:
    """One pipeline per model per process: loading models is the slow part."""
    return build_pipeline(model)

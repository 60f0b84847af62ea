"""Component ``wortlaut_quotes_v1``: quotations with speaker, cue and type (issue 3).

First version: registers the factory and the contract it fills; the extractor itself is built
in the issue named above.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.wl_quotes = []
        return doc


@Language.factory("wortlaut_quotes_v1", default_config={})
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)

"""Component ``wortlaut_amounts_v1``: amounts and time expressions (issue 5).

First version: registers the factory and the contract it fills; the extractor itself is built
in the issue named above.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


class AmountsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.wl_amounts = []
        doc._.wl_times = []
        return doc


@Language.factory("wortlaut_amounts_v1", default_config={})
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent(nlp, name)

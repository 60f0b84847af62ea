"""Component ``wortlaut_entities_v1``: PER, ORG, LOC, MISC names with canonical names (issue 4).

First version: registers the factory and the contract it fills; the extractor itself is built
in the issue named above.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str, use_existing_ents: bool = False) -> None:
        self.name = name
        self.use_existing_ents = use_existing_ents

    def __call__(self, doc: Doc) -> Doc:
        doc._.wl_entities = []
        return doc


@Language.factory("wortlaut_entities_v1", default_config={"use_existing_ents": False})
def make_entities(nlp: Language, name: str, use_existing_ents: bool) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, use_existing_ents)

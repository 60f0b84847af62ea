"""The CRF name tagger: words of a sentence in, (start, end, label) word spans out.

The model file (``models/ner/crf.model``) is trained by ``training/train_ner.py``; loading it is
cheap (crfsuite maps the file), so one tagger per process is kept.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ..errors import ModelError
from .crf_file import model_attributes, read_weights
from .crf_viterbi import ViewDecoder
from .ner_data import bio_spans
from .ner_features import FeatureCache


class CrfTagger:
    """Tags sentences with PER/LOC/ORG/MISC BIO labels."""

    def __init__(self, model_path: Path) -> None:
        if not model_path.exists():
            raise ModelError(
                f"NER model file {model_path} is missing",
                hint="reinstall wortlaut, or rebuild it with training/train_ner.py",
            )
        self.tagger = pycrfsuite.Tagger()
        try:
            self.tagger.open(str(model_path))
        except Exception as exc:  # crfsuite raises a bare ValueError/OSError on a bad file
            raise ModelError(f"cannot open NER model {model_path}: {exc}", hint="rebuild it") from exc
        self.features = FeatureCache(known=model_attributes(model_path))
        weights = read_weights(model_path)
        #: scores whole documents; ``None`` (a file crf_file cannot read): crfsuite per sentence
        self.decoder = ViewDecoder(weights, self.features) if weights is not None else None
        # a crfsuite tagger keeps per-call state: one sentence at a time (the web app uses threads)
        self._lock = threading.Lock()

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        feats = self.features.sentence(words)
        with self._lock:
            return list(self.tagger.tag(feats))

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tags for every sentence of a document: the same as :meth:`tag` on each, faster."""
        if self.decoder is None:
            return [self.tag(words) for words in sentences]
        return self.decoder.tag(sentences)

    def spans_many(self, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        return [bio_spans(tags) for tags in self.tag_sentences(sentences)]


def default_model_path() -> Path:
    return Path(str(resources.files("wortlaut").joinpath("models/ner/crf.model")))


@lru_cache(maxsize=2)
def shared_tagger(model_path: str | None = None) -> CrfTagger:
    return CrfTagger(Path(model_path) if model_path else default_model_path())

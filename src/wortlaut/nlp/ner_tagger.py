"""The CRF name tagger: words of a sentence in, (start, end, label) word spans out.

The model file (``models/ner/crf.model``) is trained by ``training/train_ner.py``; loading it is
cheap (crfsuite maps the file), so one tagger per process is kept.
"""

from __future__ import annotations

import struct
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ..errors import ModelError
from .ner_data import bio_spans
from .ner_features import FeatureCache


def model_attributes(model_path: Path) -> frozenset[str] | None:
    """Every attribute (feature string) a crfsuite model file knows, or ``None`` if unreadable.

    crfsuite skips attributes it does not know, so dropping them before the call tags exactly
    the same and spares the string conversion and dictionary look-up of each (11-15 % of
    the NER features are unknown). ``Tagger.info()`` gives the same set but takes ~0.7 s for the
    NER model; reading the model's attribute dictionary (a CQDB) directly takes ~60 ms.
    Layout (crfsuite's ``crf1d_model.c``/``cqdb.c``, little-endian ``uint32``s): the file header
    holds ``num_attrs`` at byte 24 and the attribute database's offset at byte 36; the database
    starts ``CQDB``, with the size and offset of its id -> record table at bytes 16 and 20; a
    record is ``id, key size, key bytes + NUL``. Anything unexpected returns ``None`` (no
    filtering: slower, never different).
    """
    try:
        data = model_path.read_bytes()
        if data[:4] != b"lCRF":
            return None
        num_attrs, base = struct.unpack_from("<I8xI", data, 24)
        magic, _size, _flag, _order, count, table = struct.unpack_from("<4sIIIII", data, base)
        if magic != b"CQDB" or count != num_attrs:
            return None
        names = []
        for offset in struct.unpack_from(f"<{count}I", data, base + table):
            if offset == 0:
                return None
            _id, size = struct.unpack_from("<iI", data, base + offset)
            start = base + offset + 8
            names.append(data[start : start + size - 1].decode("utf-8"))
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    known = frozenset(names)
    return known if len(known) == num_attrs else None


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
        # a crfsuite tagger keeps per-call state: one sentence at a time (the web app uses threads)
        self._lock = threading.Lock()

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        feats = self.features.sentence(words)
        with self._lock:
            return list(self.tagger.tag(feats))

    def spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        return bio_spans(self.tag(words))


def default_model_path() -> Path:
    return Path(str(resources.files("wortlaut").joinpath("models/ner/crf.model")))


@lru_cache(maxsize=2)
def shared_tagger(model_path: str | None = None) -> CrfTagger:
    return CrfTagger(Path(model_path) if model_path else default_model_path())

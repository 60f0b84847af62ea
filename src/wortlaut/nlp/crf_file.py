"""Reading a crfsuite model file directly: its attribute and label names and its weights.

Why: python-crfsuite gives the weights only through ``Tagger.info()`` (most of a second for the
NER model) and tags one sentence per call, converting every feature string on the way. Reading
the file lets the name tagger drop features the model never saw and score whole documents at
once with :mod:`crf_viterbi`.

Layout (crfsuite's ``crf1d_model.c`` and ``cqdb.c``; little-endian ``uint32`` unless said): the
file header holds ``num_attrs`` at byte 24 and the offsets of the feature chunk (28), the label
database (32) and the attribute database (36). The feature chunk is ``FEAT``, its size, the
number of features, then 20-byte features: type (0: attribute → label, 1: label → label), source,
destination, weight (``float64``). A database starts ``CQDB``; the size and offset of its
id → record table are at bytes 16 and 20; a record is ``id, key size, key bytes + NUL``.
Anything unexpected makes the readers return ``None``: callers then fall back to crfsuite
itself (slower, never different).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


def _names(data: bytes, base: int, expected: int | None = None) -> list[str] | None:
    """The keys of the CQDB database at ``base``, indexed by their id."""
    magic, _size, _flag, _order, count, table = struct.unpack_from("<4sIIIII", data, base)
    if magic != b"CQDB" or (expected is not None and count != expected):
        return None
    names = []
    for offset in struct.unpack_from(f"<{count}I", data, base + table):
        if offset == 0:
            return None
        _id, size = struct.unpack_from("<iI", data, base + offset)
        start = base + offset + 8
        names.append(data[start : start + size - 1].decode("utf-8"))
    return names


def _read(model_path: Path) -> bytes | None:
    try:
        data = model_path.read_bytes()
    except OSError:
        return None
    return data if data[:4] == b"lCRF" else None


def model_attributes(model_path: Path) -> frozenset[str] | None:
    """Every attribute (feature string) a crfsuite model file knows, or ``None`` if unreadable.

    crfsuite skips attributes it does not know, so dropping them before the call tags exactly
    the same and spares the string conversion and dictionary look-up of each (11-15 % of the
    NER features are unknown). Reading the file takes ~60 ms; ``Tagger.info()`` ~0.7 s.
    """
    data = _read(model_path)
    if data is None:
        return None
    try:
        num_attrs, base = struct.unpack_from("<I8xI", data, 24)
        names = _names(data, base, num_attrs)
    except (struct.error, UnicodeDecodeError):
        return None
    if names is None:
        return None
    known = frozenset(names)
    return known if len(known) == num_attrs else None


@dataclass(frozen=True)
class CrfWeights:
    """A linear-chain CRF as arrays: ``state[a, l]`` is the weight of attribute ``a`` for label
    ``l``, ``transitions[i, j]`` that of label ``i`` followed by label ``j``."""

    labels: list[str]
    attributes: dict[str, int]
    state: np.ndarray
    transitions: np.ndarray


def read_weights(model_path: Path) -> CrfWeights | None:
    """The weights of a crfsuite model file (``None``: not a file this reader understands)."""
    data = _read(model_path)
    if data is None:
        return None
    try:
        num_labels, num_attrs, off_features, off_labels, off_attrs = struct.unpack_from("<IIIII", data, 20)
        chunk, _size, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            return None
        features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
        labels = _names(data, off_labels, num_labels)
        attributes = _names(data, off_attrs, num_attrs)
    except (struct.error, ValueError, UnicodeDecodeError):
        return None
    if labels is None or attributes is None:
        return None
    kinds, src, dst = features["type"], features["src"].astype(np.intp), features["dst"].astype(np.intp)
    is_state, is_trans = kinds == 0, kinds == 1
    if not (is_state | is_trans).all():
        return None
    if (src[is_state] >= num_attrs).any() or (dst >= num_labels).any() or (src[is_trans] >= num_labels).any():
        return None
    state = np.zeros((num_attrs, num_labels))
    np.add.at(state, (src[is_state], dst[is_state]), features["weight"][is_state])
    transitions = np.zeros((num_labels, num_labels))
    np.add.at(transitions, (src[is_trans], dst[is_trans]), features["weight"][is_trans])
    return CrfWeights(labels, {name: i for i, name in enumerate(attributes)}, state, transitions)

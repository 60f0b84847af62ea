"""The packaged quotation model: two CRF taggers and their lexicons, loaded once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .crf_file import model_attributes
from .quote_features import Lexicons
from .quote_medium import MediumCue, table_from_json
from .quote_sentences import SentenceJudge, load_sentence_judge
from .quote_stretches import StretchJudge, load_judge
from .speaker_choice import SpeakerChooser, load_chooser

FILES = ("message.crfsuite", "roles.crfsuite", "lexicons.json", "genders.json")


def default_dir() -> Path:
    return Path(str(resources.files("wortlaut").joinpath("models/quotes")))


@dataclass
class QuoteModel:
    """Message tagger, role tagger, cue/subjunctive lexicons and first-name sexes."""

    message: Any
    roles: Any
    lexicons: Lexicons
    genders: dict[str, str]
    path: Path
    #: cue word -> medium (see :mod:`quote_medium`); empty for a model trained before it existed
    media: dict[str, MediumCue] = field(default_factory=dict)
    #: which quoted stretches are no quotation (see :mod:`quote_stretches`); ``None``: no veto
    judge: StretchJudge | None = None
    #: learned chooser among speaker candidates (:mod:`speaker_choice`); ``None``: rules only
    speakers: SpeakerChooser | None = None
    #: which whole sentences are reported / free indirect speech (see :mod:`quote_sentences`)
    sentences: SentenceJudge | None = None

    def tag_messages(self, feats: list[list[str]]) -> list[str]:
        return list(self.message.tag(feats))

    def tag_roles(self, feats: list[list[str]]) -> list[str]:
        return list(self.roles.tag(feats))


def load(path: Path | None = None) -> QuoteModel:
    """Load the model at ``path`` (default: the one shipped in the package)."""
    import pycrfsuite

    path = path or default_dir()
    missing = [f for f in FILES if not (path / f).is_file()]
    if missing:
        raise ModelError(
            f"quotation model at {path} lacks {', '.join(missing)}",
            hint="reinstall wortlaut, or retrain with training/train_quotes.py (see its MODEL_CARD.md)",
        )
    try:
        lex = json.loads((path / "lexicons.json").read_text(encoding="utf-8"))
        genders = json.loads((path / "genders.json").read_text(encoding="utf-8"))
        message = pycrfsuite.Tagger()
        message.open(str(path / "message.crfsuite"))
        roles = pycrfsuite.Tagger()
        roles.open(str(path / "roles.crfsuite"))
        # optional parts (absent: rules only), read here so a damaged file fails with the rest
        judge = load_judge(path)
        speakers = load_chooser(path / "speakers.json")
        sentences = load_sentence_judge(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot read the quotation model at {path}: {exc}", hint="retrain it") from exc
    return QuoteModel(
        message=message,
        roles=roles,
        lexicons=Lexicons(
            cues=frozenset(lex["cues"]),
            subjunctive=frozenset(lex["subjunctive"]),
            first_names=frozenset(genders),
            reported=frozenset(lex.get("reported", [])),
            governors=frozenset(lex.get("governors", [])),
            known=_known_to_both(path),
        ),
        genders=dict(genders),
        path=path,
        media=table_from_json(lex.get("medium_cues")),
        judge=judge,
        speakers=speakers,
        sentences=sentences,
    )


def _known_to_both(path: Path) -> frozenset[str] | None:
    """The attributes either tagger knows: the role tagger reads the message tagger's features
    too, so a feature may be dropped only when neither model has it (``None``: keep all)."""
    message = model_attributes(path / "message.crfsuite")
    roles = model_attributes(path / "roles.crfsuite")
    return None if message is None or roles is None else message | roles


def shared_model(path: str | None = None) -> QuoteModel:
    """One loaded model per path per process (``None``: the packaged one)."""
    return _cached(path or "")


@lru_cache(maxsize=2)
def _cached(path: str) -> QuoteModel:
    return load(Path(path) if path else None)

"""The learned sentence judge: whole sentences of reported and free indirect speech."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

from wortlaut.nlp.quote_features import view_from_tokens
from wortlaut.nlp.quote_marks import pair_marks, quote_state
from wortlaut.nlp.quote_model import default_dir, load
from wortlaut.nlp.quote_sentences import (
    CLASSES,
    Clues,
    SentenceJudge,
    judge_sentences,
    load_sentence_judge,
    score_sentence,
    sentence_features,
    sentence_flags,
    sentence_type,
)
from wortlaut.nlp.quote_sources import reported_forms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from train_sentences import examples, gold_labels  # noqa: E402

TOKENIZER = spacy.blank("de").tokenizer
CLUES = Clues(
    cues=frozenset({"sagte"}), reported=frozenset({"warnte"}), subjunctive=frozenset({"sei", "habe"})
)


def _view(text: str) -> tuple[list[str], list[int], list[bool], list[int]]:
    doc = TOKENIZER(text)
    view, _ = view_from_tokens([t.text for t in doc], [t.whitespace_ for t in doc])
    qstate = quote_state(len(view.words), pair_marks(view.words, view.spaces_before, view.breaks))
    return view.words, view.sent_starts, view.breaks, qstate


def _judge(**by_class: dict[str, float]) -> SentenceJudge:
    """A hand-made judge: ``by_class`` maps a class to its weight per feature."""
    feats = {f for weights in by_class.values() for f in weights}
    weights = {f: tuple(by_class.get(c, {}).get(f, 0.0) for c in CLASSES) for f in feats}
    return SentenceJudge(weights=weights, add_above=0.5, veto_above={"REP": 0.7, "FI": 0.7, "IFI": 0.7})


def test_features_name_the_sentence_clues() -> None:
    lower = ["die", "ministerin", "warnte", ",", "die", "lage", "sei", "ernst", "."]
    feats = sentence_features(lower, "Die", "IND", "O", "IND", False, False, CLUES)
    assert {"prev=IND", "prev2=O", "rep", "rep_prev=IND", "subj=1", "subj_prev=IND", "first=die"} <= set(
        feats
    )
    assert "w=warnte" in feats and "s=warn" in feats  # the stem counts in every form
    assert "hearsay" not in feats and "cue" not in feats
    hearsay = sentence_features(
        ["dort", "sollen", "truppen", "stehen", "."], "Dort", "-", "-", "REP", True, True, CLUES
    )
    assert {
        "hearsay",
        "hearsay_prev=-",
        "hearsay_recent=REP",
        "recent=REP",
        "par_start",
        "doc_start",
        "first=dort",
        "subj=0",
    } <= set(hearsay)


def test_probabilities_sum_to_one_and_follow_the_weights() -> None:
    judge = _judge(REP={"rep": 4.0}, O={"bias": 1.0})
    p = judge.probabilities(["bias", "rep"])
    assert abs(sum(p) - 1.0) < 1e-9
    assert max(range(len(CLASSES)), key=p.__getitem__) == CLASSES.index("REP")
    assert judge.probabilities(["unknown"]) == [1.0 / len(CLASSES)] * len(CLASSES)


def test_an_empty_sentence_that_looks_reported_is_labelled_whole() -> None:
    words, starts, breaks, qstate = _view("Das Wetter war schön. Die Ministerin warnte vor neuen Stürmen.")
    msg = ["O"] * len(words)
    judge = _judge(REP={"rep": 5.0}, O={"bias": 1.0})
    judge_sentences(judge, words, msg, starts, breaks, qstate, CLUES)
    second = starts[1]
    assert msg[:second] == ["O"] * second
    assert msg[second] == "B-REP" and set(msg[second + 1 :]) == {"I-REP"}


def test_a_continuation_is_judged_with_the_labels_before_it() -> None:
    words, starts, breaks, qstate = _view("Er warnte vor Stürmen. Die Lage sei ernst. Das Wetter sei schön.")
    msg = ["O"] * len(words)
    judge = _judge(REP={"rep": 5.0}, IFI={"subj_prev=REP": 3.0, "subj_prev=IFI": 3.0}, O={"bias": 1.0})
    judge_sentences(judge, words, msg, starts, breaks, qstate, CLUES)
    # the second sentence continues the report; the third continues the second, judged by then
    assert [sentence_type(msg, a, b) for a, b in zip(starts, [*starts[1:], len(words)], strict=True)] == [
        "REP",
        "IFI",
        "IFI",
    ]


def test_an_unlikely_reported_sentence_is_cleared_a_quoted_one_never_judged() -> None:
    words, starts, breaks, qstate = _view("Der Zug fuhr um acht Uhr ab. Er sagte: „Wir fahren jetzt los.“")
    msg = ["B-REP"] + ["I-REP"] * (starts[1] - 1) + ["O"] * (len(words) - starts[1])
    judge = _judge(O={"bias": 3.0}, REP={"cue": 9.0})
    judge_sentences(judge, words, msg, starts, breaks, qstate, CLUES)
    assert set(msg) == {"O"}  # the first cleared; the second has quotation marks: left alone
    untouched = ["O"] * len(words)
    judge_sentences(None, words, untouched, starts, breaks, qstate, CLUES)
    assert set(untouched) == {"O"}


def test_a_message_running_on_into_the_next_sentence_is_not_cleared() -> None:
    words, starts, breaks, qstate = _view("Der Zug fuhr um acht Uhr ab. Dann fuhr er weiter nach Bonn.")
    msg = ["B-REP"] + ["I-REP"] * (len(words) - 1)
    judge_sentences(_judge(O={"bias": 3.0}), words, msg, starts, breaks, qstate, CLUES)
    assert msg[0] == "B-REP"


def test_training_examples_take_the_gold_type_of_most_of_the_sentence() -> None:
    text = "Das Wetter war schön. Die Ministerin warnte vor Stürmen. Die Lage sei ernst."
    s2, s3 = text.index("Die Min"), text.index("Die Lage")
    rec = {
        "originalText": text,
        "annotations": [
            {"type": "Reported", "quote": {"spans": [{"charBegin": s2, "charEnd": s3 - 1}]}},
            {"type": "IndirectFreeIndirect", "quote": {"spans": [{"charBegin": s3, "charEnd": len(text)}]}},
        ],
    }
    got = examples(rec, TOKENIZER, CLUES)
    assert [CLASSES[y] for _, y in got] == ["O", "REP", "IFI"]
    assert "prev=REP" in got[2][0] and "prev=O" in got[1][0]
    assert gold_labels(rec, [(0, 3), (s2, s2 + 3)]) == ["O", "I-REP"]


def test_a_model_without_the_file_has_no_judge(tmp_path: Path) -> None:
    assert load_sentence_judge(tmp_path) is None
    (tmp_path / "sentences.json").write_text(
        json.dumps(
            {
                "classes": list(CLASSES),
                "add_above": 0.5,
                "veto_above": {"REP": 0.7, "DIR": 0.1},
                "weights": {"bias": [1, 0, 0, 0, 0]},
            }
        ),
        encoding="utf-8",
    )
    judge = load_sentence_judge(tmp_path)
    assert judge is not None and judge.weights["bias"][0] == 1.0
    assert judge.veto_above == {"REP": 0.7}  # only the sentence types can be cleared


def test_the_packaged_judge_is_trained_and_shipped() -> None:
    judge = load(default_dir()).sentences
    assert judge is not None
    assert 0.0 < judge.add_above < 1.0 and all(0.0 < p < 1.0 for p in judge.veto_above.values())
    assert len(judge.weights) > 1000
    assert all(len(v) == len(CLASSES) for v in judge.weights.values())


def test_the_fast_scoring_equals_the_training_clues() -> None:
    model = load(default_dir())
    judge = model.sentences
    assert judge is not None
    clues = Clues(model.lexicons.cues, reported_forms(model.lexicons.reported), model.lexicons.subjunctive)
    words, starts, _, _ = _view(
        "Die Ministerin kündigte an, die Steuern müssten steigen, das sei nötig: sagte sie."
    )
    lo, hi = starts[0], len(words)
    lower = [w.lower() for w in words[lo:hi]]
    slow = judge.probabilities(sentence_features(lower, words[lo], "IND", "O", "IND", True, False, clues))
    lowers = set(lower)
    subj, flags = sentence_flags(lowers, clues)
    fast = score_sentence(judge, hi - lo, words[lo], lowers, subj, flags, "IND", "O", "IND", True, False)
    assert max(abs(a - b) for a, b in zip(slow, fast, strict=True)) < 1e-9

"""Parallel text labelled through its English side (bot/curate/projection.py), and Hindi in
Latin letters (bot/curate/romanise.py): the training text of the letter reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.curate.projection import english_class, evaluation_questions, far_from, project, projected_rows
from bot.curate.romanise import romanised
from bot.curate.trainmodel import bot_without
from bot.engine.lettermodel import LETTER_MODEL
from bot.engine.textmodel import MODEL

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def judge():  # type: ignore[no-untyped-def]
    return english_class(bot_without(ROOT, MODEL, LETTER_MODEL).index.safety)


def test_the_english_side_is_read_by_the_lexicon_alone(judge) -> None:  # type: ignore[no-untyped-def]
    assert judge("I can't breathe.") == "medical"
    assert judge("I want to die.") == "crisis"
    # the word model, asked too, called plain sentences like these emergencies
    assert judge("He's a bus driver.") == "none"
    assert judge("I have a blue car.") == "none"


def test_every_emergency_is_kept_and_ordinary_sentences_are_capped(judge) -> None:  # type: ignore[no-untyped-def]
    pairs = [("I can't breathe.", "no puedo respirar"), ("I want to die.", "quiero morir")]
    pairs += [(f"I have {n} cats.", f"tengo {n} gatos") for n in range(10)]
    kept = project(judge, pairs, ordinary=3)
    assert kept[:2] == [("medical", "no puedo respirar"), ("crisis", "quiero morir")]
    assert len(kept) == 5 and all(cls == "none" for cls, _ in kept[2:])
    assert kept == project(judge, pairs, ordinary=3)  # seeded: the same file every run


def test_a_sentence_near_an_evaluation_question_is_dropped(judge) -> None:  # type: ignore[no-untyped-def]
    questions = evaluation_questions(ROOT)
    assert len(questions) > 10_000  # tuning and held-out sets alike
    question = next(q for q in questions if len(q.split()) >= 5)
    twin = question.upper() + "!"
    assert far_from([twin, "tengo tres gatos y un perro"], questions) == ["tengo tres gatos y un perro"]
    rows = projected_rows(judge, [("I have three cats.", twin), ("I have a dog.", "tengo un perro")], 10,
                          questions, "spa", "a source")
    assert rows == [("spa", "none", "tengo un perro", "a source")]


@pytest.mark.parametrize(("hindi", "latin"), [
    ("मुझे कुछ समझ नहीं आ रहा", "mujhe kuchh samajh nahin aa raha"),
    ("क्या आप मेरी मदद कर सकते हैं?", "kya aap meri madad kar sakte hain?"),
    ("मुझे अपने घर जाना है", "mujhe apne ghar jana hai"),
    ("ज़रूर", "zarur"),
    ("Tom अच्छा है", "Tom achchha hai"),
])
def test_hindi_is_written_in_latin_letters_as_chat_types_it(hindi: str, latin: str) -> None:
    assert romanised(hindi) == latin

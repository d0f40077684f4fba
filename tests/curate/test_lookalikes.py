"""The dictionary lookalikes the safety scan never repairs are those its own reading would
misread: a change to the lexicon or to how the scan reads must regenerate them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import bot

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from lookalikes import WORDS, generate, misspelt, misspelt_examples  # noqa: E402


def _dictionary() -> list[str]:
    dictionary = Path(WORDS)
    if not dictionary.is_file():
        pytest.skip(f"{WORDS} is missing: apt-get install wamerican (.ci/run does)")
    return dictionary.read_text(encoding="utf-8", errors="replace").split()


def test_the_lookalikes_file_is_what_the_generator_writes_today() -> None:
    text, _near, _total = generate(_dictionary())
    current = (ROOT / "intents" / "lexicon" / "lookalikes.yaml").read_text(encoding="utf-8")
    assert current == text, "run: python benchmarks/lookalikes.py"


def test_the_lexicon_lists_words_spelt_right() -> None:
    # The scan reads one slip of the keys itself: a listed misspelling ("kill myslf") is read as
    # typed, so "hurt myslf" matched nothing.
    assert misspelt(_dictionary()) == {}


def test_the_examples_are_spelt_right() -> None:
    # Spelling repair reads a slip of the keys; an example written with one ("what are the sied
    # effects") only makes the misspelling a word the content knows, which is then never
    # repaired: "can sied effects be treated" fell back.
    assert misspelt_examples(_dictionary()) == {}


def test_a_misspelling_of_a_lexicon_word_is_read_as_that_word(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("i want to hurt myslf really bad right now")
    assert (reply.topic, reply.urgency) == ("emergency", "crisis")
    reply, _state = genebot.reply("my leg is swollen and now im short of breth")
    assert (reply.topic, reply.urgency) == ("emergency", "medical")


def test_a_dictionary_word_one_slip_from_a_lexicon_word_is_not_repaired_into_it(genebot: bot.Bot) -> None:
    # "heated" is "hearted" with a letter missed; read as "heart", "heated under pressure" was
    # chest pressure, an emergency.
    reply, _state = genebot.reply("the grains are heated under pressure until the water turns to steam")
    assert reply.topic != "emergency"

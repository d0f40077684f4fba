"""The dictionary lookalikes the safety scan never repairs are those its own reading would
misread: a change to the lexicon or to how the scan reads must regenerate them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import bot

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from lookalikes import WORDS, generate, misspelt  # noqa: E402


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


def test_the_examples_are_spelt_right(genebot: bot.Bot) -> None:
    # Spelling repair reads a slip of the keys; an example written with one ("what are the sied
    # effects") only makes the misspelling a word the content knows, which is then never
    # repaired: "can sied effects be treated" fell back.
    from collections import Counter

    from bot.engine.normalise import normalise
    from bot.engine.slips import Slips

    dictionary = {re.sub(r"[^a-z]", "", w.lower()) for w in _dictionary()}
    lang = genebot.content.language
    used = Counter(w for topic in genebot.content.topics.values() for text in (*topic.examples, topic.question)
                   for w in normalise(text, lang.spellings).split())
    spelt_right = Slips.of({w for w in used if w in dictionary}, 4)
    british = {"tumours"}
    misspelt = {w: spelt_right.undo(w) for w in used  # shorter words are never repaired: listing them is right
                if len(w) >= 4 and w.isalpha() and w not in dictionary and w not in british}
    assert {w: right for w, right in misspelt.items() if right and used[right] > used[w]} == {}


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

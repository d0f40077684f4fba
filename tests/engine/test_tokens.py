"""The safety scan's words (safetytext.tokens) and the letter reader's (lettermodel.letters): a
plain-ASCII message takes a shorter pattern than one with other scripts' letters, and both must
cut it into the same words and marks."""

from __future__ import annotations

import random
import string

from bot.engine.lettermodel import letters
from bot.engine.safetytext import CLAUSE, SENTENCE, tokens

# Every printable ASCII character, and words, spaces and line breaks often enough to make text.
_PIECES = [*string.printable, "gene", "therapy", "do", "not", "cannot", "i", "cant", "u", "2019", "3.5", "10,000"]
_SPELLINGS = {"u": "you", "cant": "cant"}


def _ascii_messages(count: int) -> list[str]:
    rng = random.Random(8)
    return ["a " + "".join(rng.choice(_PIECES + [" "] * 20) for _ in range(rng.randint(1, 60))) + " z"
            for _ in range(count)]


def test_an_ascii_message_is_cut_as_it_is_among_other_scripts() -> None:
    for message in _ascii_messages(3_000):
        asked_alone: list[bool] = []
        asked_mixed: list[bool] = []
        alone = tokens(message, _SPELLINGS, frozenset({"um"}), asked=asked_alone)
        # a guillemet is no word nor mark of the scan, but the message is no longer ASCII
        mixed = tokens("« " + message, _SPELLINGS, frozenset({"um"}), asked=asked_mixed)
        assert mixed == alone, message
        assert asked_mixed == asked_alone, message


def test_an_ascii_message_has_the_same_letters_as_among_other_scripts() -> None:
    for message in _ascii_messages(3_000):
        assert letters("« " + message) == letters(message), message


def test_do_not_and_cannot_are_read_as_typed_contractions_but_a_mark_between_keeps_them_apart() -> None:
    assert tokens("i do not want this, i cannot stop", {}, frozenset()) == [
        "i", "dont", "want", "this", CLAUSE, "i", "cant", "stop"]
    assert tokens("can. not", {}, frozenset()) == ["can", SENTENCE, "not"]

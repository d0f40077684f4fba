"""Misspelt words are repaired toward the words the content knows, and real words are not."""

from __future__ import annotations

import pytest

import bot


@pytest.mark.parametrize(("question", "topic"), [
    ("how does gene theropy work", "how-it-works"),        # one wrong vowel in a 7-letter word
    ("is gene tharapy safe", "is-it-safe"),
    ("what is an institutional reveiw board", "irb"),     # transposed letters (ratio repair)
    ("what are the side effcts of gene therapy", "risks"),  # a missing letter
    ("what are the rsiks", "risks"),                        # two letters swapped in a short word
    ("is gene thearpy safe", "is-it-safe"),
])
def test_common_misspellings_reach_their_topic(genebot: bot.Bot, question: str, topic: str) -> None:
    reply, _state = genebot.reply(question)
    assert reply.topic == topic


@pytest.mark.parametrize(("question", "topic"), [
    ("is geen therapy safe", "is-it-safe"),            # "gene" (two letters swapped), not "green"
    ("what kidns of gene therapy are there", "how-it-works"),  # "kinds of", not "kids of"
])
def test_a_misspelling_is_read_by_the_word_beside_it(genebot: bot.Bot, question: str, topic: str) -> None:
    reply, _state = genebot.reply(question)
    assert reply.topic == topic


def test_a_wrong_consonant_is_not_repaired_into_another_word(genebot: bot.Bot) -> None:
    # "project" is one letter from "protect" (how participants are protected): a real word
    reply, _state = genebot.reply("my son has a school project on how gene therapy fixes a faulty gene")
    assert reply.topic != "oversight"


@pytest.mark.parametrize("question", [
    "is anybody watching over the trials",      # the examples say "watch", never "watching"
    "are the trials being watched by anyone",
])
def test_another_form_of_a_content_word_counts_as_that_word(genebot: bot.Bot, question: str) -> None:
    reply, _state = genebot.reply(question)
    assert reply.topic == "oversight"


def test_stems_are_shared_by_a_words_inflections() -> None:
    from bot.engine.stems import stem

    assert stem("triggering") == stem("triggered") == stem("triggers") == stem("trigger")
    assert stem("gene") == stem("genes") and stem("therapies") == stem("therapy")
    assert stem("stopped") == stem("stop") and stem("killing") == stem("kill")
    assert stem("virus") == "virus" and stem("process") == "process"  # no false plural


def test_a_word_left_unread_over_one_messages_budget_is_still_read_in_the_next(genebot: bot.Bot) -> None:
    # The scan repairs at most 64 unknown words a message, and remembers what it read; a
    # misspelling it had no budget left for must not be remembered as unreadable.
    flood = " ".join(f"zq{chr(97 + i // 26)}{chr(97 + i % 26)}xwv" for i in range(70))
    genebot.reply(f"{flood} suisidal")
    reply, _state = genebot.reply("feeling suisidal")
    assert reply.topic == "emergency"


def test_remembered_work_forgets_its_older_half_when_full() -> None:
    from bot.engine.memo import remember

    store: dict[str, int] = {}
    for i in range(10):
        remember(store, f"w{i}", i, limit=4)
    assert len(store) <= 4 and "w9" in store and "w0" not in store

"""Misspelt words are repaired toward the words the content knows, and real words are not."""

from __future__ import annotations

import pytest

import bot


@pytest.mark.parametrize(("question", "topic"), [
    ("how does gene theropy work", "how-it-works"),        # one wrong vowel in a 7-letter word
    ("is gene tharapy safe", "is-it-safe"),
    ("what is an institutional reveiw board", "irb"),     # transposed letters (ratio repair)
    ("what are the side effcts of gene therapy", "risks"),  # a missing letter
])
def test_common_misspellings_reach_their_topic(genebot: bot.Bot, question: str, topic: str) -> None:
    reply, _state = genebot.reply(question)
    assert reply.topic == topic


def test_a_wrong_consonant_is_not_repaired_into_another_word(genebot: bot.Bot) -> None:
    # "project" is one letter from "protect" (how participants are protected): a real word
    reply, _state = genebot.reply("my son has a school project on how gene therapy fixes a faulty gene")
    assert reply.topic != "oversight"

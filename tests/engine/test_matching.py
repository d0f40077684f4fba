"""Fuzzy matching reads what carries the topic, through the Python API."""

from __future__ import annotations

import pytest

import bot


def test_a_number_the_content_never_uses_does_not_dilute_the_question(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("explain gene therapy to me like im 10")
    assert reply.topic == "what-is-gene-therapy"


def test_a_number_the_content_uses_still_counts(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("what is phase 2")
    assert reply.topic == "trial-phase-2"


@pytest.mark.parametrize(("message", "topic"), [
    ("please can you tell me who oversees gene therapy research", "oversight"),
    ("hi, quick question, what is an irb", "irb"),
])
def test_a_polite_opening_does_not_dilute_the_question(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic


def test_an_opening_alone_is_not_stripped_to_nothing(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("hello")
    assert reply.topic == "greeting"


@pytest.mark.parametrize(("message", "topic"), [
    ("what is the job of the fda", "fda-role"),      # role, job, mission, responsibility: one concept
    ("what is the mission of the nih in gene therapy", "nih-role"),
    ("is gene therapy licensed yet", "approved-therapies"),  # approved, licensed, cleared
    ("how does a new gene therapy get to market", "fda-approval"),
    ("the fda put our trial on hold, what does that mean", "fda-role"),  # suspend, halt, pause, on hold
])
def test_other_words_for_the_same_thing_meet(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic, reply

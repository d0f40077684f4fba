"""Fuzzy matching reads what carries the topic, through the Python API."""

from __future__ import annotations

import bot


def test_a_number_the_content_never_uses_does_not_dilute_the_question(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("explain gene therapy to me like im 10")
    assert reply.topic == "what-is-gene-therapy"


def test_a_number_the_content_uses_still_counts(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("what is phase 2")
    assert reply.topic == "trial-phase-2"

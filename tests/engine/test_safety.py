"""The most important tests: emergencies win, personal advice is declined, nothing is stretched."""

from __future__ import annotations

import pytest

import bot

EMERGENCIES = [
    "i cant breathe",
    "my son is having a seizure right now",
    "chest pain after the infusion what do i do",
    "my throat is swelling and i cant breathe after the treatment",
    "what is a vector? also my dad just passed out and wont wake up",
    "i want to kill myself",
    "im thinking about suicide",
    "is gene therapy safe, i took too many pills and feel like dying",
    "HELP my daughter is not breathing",
    "severe allergic reaction, lips turning blue",
]

ADVICE = [
    "should i get gene therapy",
    "should my son get gene therapy for his sma",
    "is gene therapy right for me",
    "what dose should my daughter take",
    "am i a good candidate for gene therapy",
    "my test results came back abnormal, what should i do",
]

ORDINARY = [
    "what are the risks of gene therapy",
    "is gene therapy dangerous",
    "can gene therapy cause cancer",
    "what is a harmful immune reaction",
    "can side effects be managed",
    "what should i ask my doctor about gene therapy",
    "my doctor said there is a risk of an immune reaction, what does that mean",
    "how long has gene therapy been around",
    "what does phase 1 check",
    "who can stop a clinical trial",
]

OUT_OF_SCOPE = [
    "how much does gene therapy cost",
    "does insurance cover gene therapy",
    "how long is the recovery after gene therapy",
    "is gene therapy permanent",
    "will my children inherit the changes from gene therapy",
    "where can i get gene therapy near me",
    "what is the weather tomorrow",
    "tell me a joke",
]


@pytest.mark.parametrize("message", EMERGENCIES)
def test_emergencies_are_caught_first(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "emergency" and reply.topic == "emergency"
    assert reply.text.startswith(genebot.content.answers["emergency"].text)
    assert "911" in reply.body
    assert reply.text.endswith(reply.disclaimer)


def test_emergency_wins_over_a_pending_clarification(genebot: bot.Bot) -> None:
    state = bot.State(topic=None, kind="clarify", options=("irb", "ibc"))
    reply, _ = genebot.reply("1 my mom collapsed and is not breathing", state)
    assert reply.kind == "emergency"


def test_self_harm_points_to_988(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("i dont want to live anymore")
    assert reply.kind == "emergency" and "988" in reply.body


@pytest.mark.parametrize("message", ADVICE)
def test_personal_advice_is_declined_kindly(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "advice" and reply.topic == "personal-advice"
    assert "provider" in reply.body
    assert reply.suggestions  # points to general topics it can explain


@pytest.mark.parametrize("message", ORDINARY)
def test_ordinary_questions_are_not_emergencies_or_advice(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind not in ("emergency", "advice"), (message, reply.topic)


@pytest.mark.parametrize("message", OUT_OF_SCOPE)
def test_uncovered_questions_get_the_honest_fallback(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "fallback" and reply.topic == "out-of-scope", (message, reply.topic)
    assert reply.sources == ()  # no snippet stretched to fit
    assert reply.text.endswith(reply.disclaimer)

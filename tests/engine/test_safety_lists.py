"""A list of signs asked about in general is no emergency; the same signs told of someone, or
told as happening now, are (context.listed)."""

from __future__ import annotations

import pytest

import bot


@pytest.mark.parametrize("message", [
    "What are the symptoms of a heart attack? Pressure in the chest?",
    "what are the signs of a stroke? face drooping? slurred speech?",
    "homework: list the warning signs of a heart attack: chest pain, cold sweat, nausea",
    "How do you recognise a heart attack - chest pain, arm pain, sweating?",
    "what does a seizure look like? shaking? foaming at the mouth?",
    "Signs of a stroke: face drooping, arm weakness, slurred speech. Can gene therapy help stroke patients?",
])
def test_signs_listed_after_a_general_question_are_no_emergency(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.topic != "emergency"
    assert reply.text.endswith(reply.disclaimer)


@pytest.mark.parametrize("message", [
    "what are the symptoms of a stroke?? my dad face drooping, cant talk",   # someone named: his signs
    "signs of stroke? dads face drooping",                                  # a possessive without its apostrophe
    "signs of a heart attack? i have chest pain and my left arm is numb",   # the writer's own
    "symptoms of anaphylaxis? throat closing, cant breathe",                # told in the present
    "help! signs of stroke: face drooping, slurred speech, started 10 min ago",  # happening now
    "is this a heart attack? chest pain, left arm numb, sweating",          # no list asked about
    "what is happening? not breathing, lips blue",
    "what are the signs of a stroke? face drooping now, help",              # a bare call for help
    "what are the signs of a stroke? face drooping now. someone please help",
])
def test_the_same_signs_told_of_someone_or_now_are_one(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.topic == "emergency" and reply.urgency == "medical"

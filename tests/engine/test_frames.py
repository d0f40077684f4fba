"""What a question asks counts apart from what it is about (intents/lexicon/frames.yaml)."""

from __future__ import annotations

import dataclasses

import bot


def _topic(genebot: bot.Bot, question: str) -> str | None:
    reply, _state = genebot.reply(question)
    return reply.topic


def test_a_question_about_upsides_is_not_answered_with_the_risks(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("what are the upsides of gene therapy")
    assert reply.topic == "out-of-scope" and reply.kind == "fallback"
    assert "What is the goal of gene therapy?" in reply.text  # the nearby topic it can explain
    assert _topic(genebot, "what are the main advantages of gene therapy") == "goal"  # answers the frame


def test_the_same_words_asking_about_downsides_get_the_risks(genebot: bot.Bot) -> None:
    assert _topic(genebot, "what are the downsides of gene therapy") == "risks"
    assert _topic(genebot, "what are the pros and cons of gene therapy") == "risks"  # cons are answered


def test_a_frame_no_topic_answers_falls_back(genebot: bot.Bot) -> None:
    assert _topic(genebot, "how expensive are the risks of gene therapy to treat") == "out-of-scope"


def test_without_frames_the_wording_alone_decides(genebot: bot.Bot) -> None:
    settings = dataclasses.replace(genebot.index.settings, frame_penalty=1.0)
    plain = bot.Bot(genebot.content, settings)
    assert _topic(plain, "what are the upsides of gene therapy") == "risks"  # what frames prevent


def test_a_question_naming_no_phase_is_about_trials_in_general(genebot: bot.Bot) -> None:
    # the three phase topics share every word but the phase; "the purpose of a trial" once
    # tied between them
    reply, _state = genebot.reply("what is the purpose of a clinical study")
    phases = {"trial-phase-1", "trial-phase-2", "trial-phase-3"}
    assert reply.topic not in phases and not phases & set(reply.candidates), reply
    assert _topic(genebot, "what is the purpose of the first phase of a trial") == "trial-phase-1"
    assert _topic(genebot, "what happens in phase three") == "trial-phase-3"


def test_who_may_have_it_is_not_answered_with_who_oversees_it(genebot: bot.Bot) -> None:
    # "who can receive" once asked "did you mean" between the RAC and the NIH answers
    reply, _state = genebot.reply("who can receive gene therapy?")
    assert reply.kind == "fallback"
    assert "Are any gene therapies approved?" in reply.text  # a nearby topic that answers the frame


def test_is_that_real_after_a_story_is_not_asked_of_the_bot(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("my uncle says gene therapy turns people into mutants. is that a real thing?")
    assert reply.topic != "bot-identity"
    for question in ("are you real", "is this automated", "who's answering me", "is this a real person"):
        assert _topic(genebot, question) == "bot-identity", question

"""Replies and follow-ups through the Python API: the state is a value the caller holds."""

from __future__ import annotations

import dataclasses
import threading

import pytest

import bot
from bot.engine.replies import KINDS


def test_an_answer_names_its_source_and_ends_with_the_disclaimer(genebot: bot.Bot) -> None:
    reply, state = genebot.reply("what is gene therapy")
    assert reply.kind == "answer" and reply.topic == "what-is-gene-therapy"
    assert 0.0 <= reply.confidence <= 1.0
    assert [s.id for s in reply.sources] == ["genehome"]
    assert "Source:" in reply.text and "what is gene therapy?" in reply.text
    assert reply.text.endswith(reply.disclaimer)
    assert 2 <= len(reply.suggestions) <= 3
    assert state.topic == "what-is-gene-therapy" and state.options == reply.suggestion_topics


def test_misspellings_still_match(genebot: bot.Bot) -> None:
    assert genebot.reply("what is gene theraphy")[0].topic == "what-is-gene-therapy"
    assert genebot.reply("insertional oncogenisis")[0].topic == "cancer-risk"


def test_chat_spellings_are_understood(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("wat r the risks pls")
    assert reply.topic == "risks"


def test_tell_me_more_quotes_the_source_word_for_word(genebot: bot.Bot) -> None:
    first, state = genebot.reply("what is an irb")
    assert first.topic == "irb"
    more, state = genebot.reply("tell me more", state)
    assert more.topic == "irb" and more.kind == "answer"
    for quote in genebot.content.answers["irb"].quotes:
        assert quote.text in more.text
    again, _ = genebot.reply("more", state)
    assert again.topic == "irb" and again.suggestions  # nothing more to quote: offers related


@pytest.mark.parametrize("followup", ["why?", "yes", "go on"])
def test_short_followups_resolve_against_the_previous_answer(genebot: bot.Bot, followup: str) -> None:
    _, state = genebot.reply("is gene therapy safe")
    reply, _ = genebot.reply(followup, state)
    assert reply.topic == "is-it-safe"


@pytest.mark.parametrize("message", ["hello, is anyone there?", "anybody there?", "hi is someone there"])
def test_asking_whether_anyone_is_there_is_a_greeting(genebot: bot.Bot, message: str) -> None:
    # "hello" is trimmed as an opener before the rules read the rest
    reply, _state = genebot.reply(message)
    assert reply.topic == "greeting", (message, reply.topic)


@pytest.mark.parametrize(("message", "topic"), [
    ("thank you, that really helped, I feel calmer about the study now", "thanks"),
    ("thanks so much that helped my dad understand it", "thanks"),   # "help my dad" is not a request here
    ("thanks that helped, what is an irb", "irb"),                   # ... and a question after it is answered
    ("cheers, your answer was a lifesaver 🙏", "thanks"),              # a remark, and no question
    ("thank you, the clinic visit went fine today", "thanks"),
])
def test_thanks_with_a_few_words_more_is_still_thanks(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic, (message, reply.topic)


@pytest.mark.parametrize("message", [
    "thanks for everything, goodbye forever",
    "thank you for everything. I'm sorry.",
])
def test_thanks_that_sound_final_are_never_answered_youre_welcome(genebot: bot.Bot, message: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic != "thanks", (message, reply.topic)


def test_a_number_picks_a_suggestion(genebot: bot.Bot) -> None:
    first, state = genebot.reply("what is gene therapy")
    reply, _ = genebot.reply("2", state)
    assert reply.topic == first.suggestion_topics[1]


def test_what_about_phase_2_after_phase_1(genebot: bot.Bot) -> None:
    _, state = genebot.reply("what happens in phase 1")
    reply, _ = genebot.reply("what about phase 2?", state)
    assert reply.topic == "trial-phase-2"


def test_did_you_mean_then_a_number(genebot: bot.Bot) -> None:
    state = bot.State(kind="clarify", options=("irb", "ibc"))
    reply, state = genebot.reply("2", state)
    assert reply.topic == "ibc"
    state = bot.State(kind="clarify", options=("irb", "ibc"))
    assert genebot.reply("yes", state)[0].topic == "irb"
    assert genebot.reply("the second one", bot.State(kind="clarify", options=("irb", "ibc")))[0].topic == "ibc"


def test_a_clarification_lists_numbered_choices(genebot: bot.Bot) -> None:
    # Two topics named side by side, each as well supported as the other: the bot must ask. (A
    # skip here hid for a round that "phase" alone had become a best guess at phase I.)
    for message in ("irb vs ibc", "irb or ibc", "committee", "phase"):
        reply, state = genebot.reply(message)
        if reply.kind == "clarify":
            break
    else:
        pytest.fail("no ambiguous probe was answered with a clarification")
    assert reply.topic is None and len(reply.candidates) >= 2
    assert "1)" in reply.text and "2)" in reply.text
    assert state.options == reply.candidates
    chosen, _ = genebot.reply("1", state)
    assert chosen.topic == reply.candidates[0]


def test_a_number_without_a_menu_is_not_a_crash(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("7")
    assert reply.text.endswith(reply.disclaimer)


def test_state_is_a_plain_immutable_value(genebot: bot.Bot) -> None:
    _, state = genebot.reply("what is gene therapy")
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.topic = "risks"  # type: ignore[misc]
    again = bot.State.from_dict(state.to_dict(), genebot.content.topics)
    assert again == state
    assert bot.State.from_dict({"topic": "nonsense"}, genebot.content.topics) == bot.State()
    assert bot.State.from_dict("garbage", genebot.content.topics) == bot.State()


def test_every_kind_ends_with_the_disclaimer(genebot: bot.Bot) -> None:
    seen = set()
    for message in ["hi", "what is a vector", "i cant breathe", "should i get it", "how much does it cost",
                    "", "🙂🙂", "irb or ibc", "thanks", "bye", "are you a robot", "what can you do"]:
        reply, _ = genebot.reply(message)
        assert reply.kind in KINDS
        assert reply.text.endswith(reply.disclaimer), message
        seen.add(reply.kind)
    assert {"answer", "chat", "emergency", "advice", "fallback"} <= seen


def test_replies_serialise_to_the_documented_fields(genebot: bot.Bot) -> None:
    data = genebot.reply("what is a vector")[0].to_dict()
    for key in ("topic", "kind", "confidence", "text", "disclaimer", "sources", "suggestions", "candidates"):
        assert key in data
    assert data["sources"][0]["title"] and "url" in data["sources"][0]


def test_safe_to_call_from_many_threads(genebot: bot.Bot) -> None:
    questions = ["what is gene therapy", "is it safe", "what is an irb", "phase 3", "hello"] * 40
    expected = [genebot.reply(q)[0] for q in questions]
    results: list[object] = [None] * len(questions)

    def work(start: int) -> None:
        for i in range(start, len(questions), 8):
            results[i] = genebot.reply(questions[i])[0]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected

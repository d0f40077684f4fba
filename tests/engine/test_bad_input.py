"""Whatever arrives, the bot answers clearly, with the disclaimer, and never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import bot

NASTY = [
    "",
    "   \t\n  ",
    "\x00\x01\x02\x1b[31mred\x1b[0m",
    "🙂🙂🙂",
    "🧬 gene therapy?",
    "מה זה טיפול גנטי",
    "ما هو العلاج الجيني",
    "什么是基因治疗",
    "¿qué es la terapia génica?",
    "\u202egnirts desrever",
    "a" * 100_000,
    "what is gene therapy " * 5_000,
    "hi, " * 50_000 + "x",  # greetings without end (safety.py reads past them, up to its cap)
    "\ud800 lone surrogate",
    "NULL; DROP TABLE users; --",
    "<script>alert(1)</script>",
    "???!!!...",
    "1",
]


@pytest.mark.parametrize("message", NASTY, ids=range(len(NASTY)))
def test_odd_input_gets_a_clear_reply(genebot: bot.Bot, message: str) -> None:
    reply, state = genebot.reply(message)
    assert reply.text.endswith(reply.disclaimer)
    assert reply.kind in ("fallback", "answer", "chat", "clarify")
    assert 0.0 <= reply.confidence <= 1.0
    assert state.turns == 1


def test_empty_message_asks_for_a_question(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("   ")
    assert reply.body == genebot.content.messages.empty


def test_emoji_only_is_unreadable_not_out_of_scope(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("🙂🙂")
    m = genebot.content.messages
    assert reply.body == f"{m.unreadable} {m.unreadable_unknown}" and reply.language is None


@pytest.mark.parametrize("message", [
    "hola, necesito ayuda con una pregunta",                # Spanish
    "bonjour, je voudrais une information pour ma mere",    # French
    "kumusta po, may tanong lang ako sa inyo",              # Tagalog
    "bhai mujhe kuch samajh nahi aa raha",                  # Hindi in Latin letters
])
def test_a_message_in_another_language_says_english_only_and_names_911_and_988(genebot: bot.Bot, message: str) -> None:
    # "my sources do not cover that" would answer a question the bot never read
    reply, _ = genebot.reply(message)
    m = genebot.content.messages
    assert reply.kind == "fallback" and reply.body.startswith(m.unreadable), message
    assert "only read English" in reply.body and "911" in reply.body and "988" in reply.body
    # A line in the writer's language first when it is told (answers/languages/); else Spanish,
    # the language most often written to a US clinic's widget after English, after the English.
    if reply.language:
        assert reply.translation == genebot.content.translations[reply.language].line("unreadable")
    else:
        assert "En español" in reply.body


@pytest.mark.parametrize("message", ["killer sudoku tips pls", "what's the weather like in paris today"])
def test_an_english_question_off_the_topics_is_not_called_another_language(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "fallback" and not reply.body.startswith(genebot.content.messages.unreadable), message


def test_an_english_stopword_among_the_other_languages_words_fails_at_load(load_error: Callable[..., str]) -> None:
    error = load_error("intents/language.yaml", "  que, quiero,", "  que, the, quiero,")
    assert "intents/language.yaml" in error and "'the'" in error and "no English stopword" in error


def test_a_long_message_is_judged_on_its_beginning(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("what is an irb? " + "blah " * 20_000)
    assert reply.topic == "irb"


def test_bytes_are_decoded_not_rejected(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply(b"what is an irb \xff\xfe")  # type: ignore[arg-type]
    assert reply.topic == "irb"


def test_a_non_text_message_is_a_programming_error(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply(42)  # type: ignore[arg-type]
    assert reply.body == genebot.content.messages.error and reply.text.endswith(reply.disclaimer)


HOSTILE = [
    "\ufdfa" * 3_000,                       # one character that NFKC expands eighteen-fold
    "what is gene therapy" + "\u0301" * 5_000,  # a run of combining marks
    "is it\u200b\u200b\u200b safe" + "\u200b" * 10_000,  # zero-width runs
    "what is an ΙRΒ (Greek letters) and а vector (Cyrillic а)",  # mixed scripts
    "\ufb03" * 2_000 + " gene therapy",      # ligatures that expand
    "x" * 50_000,
    " ".join(f"qzx{i}wv" for i in range(3_000)),  # thousands of unknown words for spelling repair
]


@pytest.mark.parametrize("message", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_unicode_gets_an_ordinary_reply_within_the_caps(genebot: bot.Bot, message: str) -> None:
    from bot.engine.normalise import MAX_CHARS

    result = genebot.classify(message)
    assert len(result.normalised) <= MAX_CHARS
    reply, _ = genebot.reply(message)
    assert reply.kind in ("answer", "fallback", "clarify", "chat") and reply.text.endswith(reply.disclaimer)


def test_a_message_dense_with_denied_mentions_is_read_whole_and_an_emergency_at_its_end_is_seen(
    genebot: bot.Bot,
) -> None:
    # A mention and a trigger every few words, in one sentence, for 19,000 characters: every
    # mention has hundreds of triggers around it (this took minutes before scopes were indexed).
    dense = "i dont want to die but my doctor said no chest pain now " * 340
    reply, _state = genebot.reply(dense + ". right now my dad has collapsed and is not breathing")
    assert reply.kind == "emergency" and reply.urgency == "medical"
    calm, _state = genebot.reply(dense)
    assert calm.kind != "emergency"

"""Thai, a script written without spaces between words: read a letter at a time (with the vowel
signs over and under it), a space read as a comma, its own file's phrases met inside a run."""

from __future__ import annotations

import pytest

import bot
from bot.engine.safetytext import CLAUSE, tokens


def test_a_run_of_thai_is_read_a_letter_at_a_time_and_a_space_between_thai_words_is_a_clause_mark() -> None:
    words = tokens("อยากตาย ช่วยด้วย okครับ", {}, frozenset())
    assert words[:7] == ["อ", "ย", "า", "ก", "ต", "า", "ย"]
    assert words[7] == CLAUSE
    assert "ok" in words and CLAUSE not in words[8:]  # no comma between Thai and a Latin word
    assert tokens("ที่", {}, frozenset()) == ["ที"]  # a vowel sign stays with its letter (the tone mark folds away)


@pytest.mark.parametrize(("message", "urgency"), [
    ("อยากตาย", "crisis"),                          # want to die
    ("ฉันไม่อยากมีชีวิตอยู่แล้ว", "crisis"),           # I don't want to live any more
    ("ช่วยด้วย แม่หายใจไม่ออก", "medical"),           # help, mum can't breathe
    ("ลูกชักไม่หยุดเลย ทำยังไงดี", "medical"),         # my child won't stop seizing, what do I do
    ("พ่อเจ็บหน้าอกมาก เหงื่อแตก", "medical"),         # dad has bad chest pain, sweating
])
def test_an_emergency_in_thai_is_one(genebot: bot.Bot, message: str, urgency: str) -> None:
    reply, _ = genebot.reply(message)
    assert (reply.kind, reply.urgency, reply.language) == ("emergency", urgency, "th"), message


@pytest.mark.parametrize("message", [
    "ขำจะตาย",                                        # dying of laughter
    "เคยกรีดแขนตอนมัธยม ตอนนี้ไม่ทำแล้ว",               # cut my arm in high school, not any more
    "หนังเรื่องนี้พระเอกฆ่าตัวตายตอนจบ",                 # the hero of this film kills himself at the end
])
def test_a_figure_of_speech_a_past_told_as_over_or_a_film_in_thai_is_no_emergency(
        genebot: bot.Bot, message: str) -> None:
    assert genebot.reply(message)[0].kind != "emergency", message


@pytest.mark.parametrize(("message", "topic"), [
    ("ยีนบำบัดคืออะไร", "what-is-gene-therapy"),        # what is gene therapy
    ("ยีนบำบัดปลอดภัยไหม", "is-it-safe"),               # is gene therapy safe
    ("ลูกฉันควรเข้าร่วมการทดลองไหม", "personal-advice"),  # should my child join the trial
])
def test_a_question_in_thai_is_read_through_its_glossary_or_declined_as_advice(
        genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _ = genebot.reply(message)
    assert (reply.topic, reply.language) == (topic, "th"), message
    assert reply.translation  # the line in Thai leads the English reply

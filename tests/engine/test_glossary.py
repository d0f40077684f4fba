"""Questions in another language, read through the glossary (intents/lexicon/glossary/)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import bot
from bot.engine.glossary import GLOSSARY
from bot.engine.index import build_index

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("message", "topic"), [
    ("¿es segura la terapia génica?", "is-it-safe"),
    ("que es la terapia genica?", "what-is-gene-therapy"),
    ("quels sont les risques de la thérapie génique ?", "risks"),
    ("was ist ein vektor in der gentherapie?", "vector"),
    ("基因治疗有什么风险？", "risks"),
    ("유전자 치료는 안전한가요?", "is-it-safe"),
    ("co to jest terapia genowa?", "what-is-gene-therapy"),  # read as English with typos by the scan
])
def test_a_question_in_another_language_is_answered_in_english_and_says_so(
        genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _ = genebot.reply(message)
    assert (reply.kind, reply.topic) == ("answer", topic), message
    lead = genebot.content.messages.glossed_lead
    # it says it may have misread, names 911 and 988 first, and shows the question it answers
    assert reply.body.startswith(lead) and "911" in lead and "988" in lead
    assert f"“{genebot.content.question(topic)}”" in reply.body
    assert reply.sources and reply.text.endswith(genebot.content.messages.disclaimer)


def test_an_english_question_gets_no_such_lead(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("is gene therapy safe?")
    assert reply.topic == "is-it-safe" and genebot.content.messages.glossed_lead not in reply.text


@pytest.mark.parametrize("message", [
    "Can parents pick their baby's eye color with gene editing?",  # "eye" is listed somewhere
    "dog had a fit last year, any gene therapies for dogs with epilepsy?",
])
def test_an_english_question_the_pages_do_not_answer_is_never_glossed(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "fallback" and genebot.content.messages.glossed_lead not in reply.text, message


@pytest.mark.parametrize("message", [
    "¿cuánto cuesta la terapia génica?",                      # the cost: the pages do not say
    "¿cuánto tiempo dura la recuperación después de la terapia génica?",  # recovery: not covered
    "combien coûte la thérapie génique ?",
    "hola, necesito ayuda con una pregunta",
])
def test_what_the_glossary_cannot_read_is_not_answered(genebot: bot.Bot, message: str) -> None:
    # "I can only read English", or "my sources do not cover that" where a rule read the cost
    reply, _ = genebot.reply(message)
    assert reply.kind == "fallback" and genebot.content.messages.glossed_lead not in reply.text, message


@pytest.mark.parametrize(("message", "topic"), [
    ("anoche no pude dormir nada pensando en mil cosas del trabajo, ¿es segura la terapia génica?", "is-it-safe"),
    ("heute regnet es schon wieder den ganzen tag und alles ist grau: was ist ein vektor in der gentherapie?",
     "vector"),
    # the full stops of Urdu "۔" and Amharic "።" end a part as they end a sentence for the scan
    ("کل رات میں بالکل سو نہیں سکا اور دفتر کے ہزار کاموں کے بارے میں سوچتا رہا۔ کیا جین تھراپی محفوظ ہے؟",
     "is-it-safe"),
    ("ትናንት ማታ ስለ ስራ ብዙ ነገር እያሰብኩ መተኛት አልቻልኩም። የጂን ሕክምና ደህንነቱ የተጠበቀ ነው?", "is-it-safe"),
])
def test_a_question_after_a_story_in_words_no_glossary_lists_is_read_from_its_last_part(
        genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _ = genebot.reply(message)
    assert (reply.kind, reply.topic) == ("answer", topic), message
    assert reply.body.startswith(genebot.content.messages.glossed_lead)


def test_a_last_part_the_pages_do_not_answer_is_still_not_answered(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("anoche no pude dormir nada pensando en mil cosas del trabajo, "
                             "¿cuánto cuesta la terapia génica?")
    assert reply.kind == "fallback" and genebot.content.messages.glossed_lead not in reply.text


@pytest.mark.parametrize(("message", "topic", "urgency"), [
    ("quiero matarme esta noche, la terapia genica no sirvió", "emergency", "crisis"),
    ("mi hijo no respira después de la terapia génica", "emergency", "medical"),
    ("soll mein sohn die gentherapie bekommen?", "personal-advice", None),
])
def test_safety_reads_the_message_as_typed_before_any_gloss(genebot: bot.Bot, message: str, topic: str,
                                                            urgency: str | None) -> None:
    reply, _ = genebot.reply(message)
    assert reply.topic == topic and genebot.content.messages.glossed_lead not in reply.text, message
    if urgency:
        assert reply.urgency == urgency


def test_a_personal_question_the_glossary_reads_is_declined_and_says_how_it_was_read(genebot: bot.Bot) -> None:
    # Haitian Creole, "should my child take the gene therapy?": no personal frame of the
    # language files, but "my child" and "should" in the gloss
    reply, _ = genebot.reply("èske pitit mwen ta dwe pran terapi jenetik la?")
    assert (reply.kind, reply.topic) == ("advice", "personal-advice")
    assert reply.body.startswith(genebot.content.messages.glossed_lead)
    assert reply.text.endswith(genebot.content.messages.disclaimer)


def test_a_huge_message_in_another_language_is_read_in_bounded_time(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("¿es segura la terapia génica? " * 20_000)
    assert reply.text.endswith(genebot.content.messages.disclaimer)


def test_the_command_line_answers_a_question_in_another_language() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "¿es segura la terapia génica?"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "I took your question to ask: “Is gene therapy safe?”" in done.stdout


def test_every_english_word_of_the_glossary_is_one_the_matcher_knows(genebot: bot.Bot) -> None:
    # a gloss word the examples never use would only dilute the question
    index = genebot.index
    glossary = index.glossary
    english = {w for readings in (*glossary.words.values(), *glossary.runs.values())
               for _language, e in readings for w in e.split()}
    assert english and not {w for w in english if w not in index.known and w not in index.stopwords}


def test_without_glossary_files_a_question_in_another_language_says_english_only(content_copy: Path) -> None:
    for path in (content_copy / GLOSSARY).glob("*.yaml"):
        path.unlink()
    alone = bot.Bot(bot.engine.content.load_content(content_copy))
    assert not build_index(alone.content).glossary.words
    reply, _ = alone.reply("¿es segura la terapia génica?")
    assert reply.kind == "fallback" and reply.body.startswith(alone.content.messages.unreadable)


@pytest.mark.parametrize(("old", "new", "line", "what"), [
    ("version: 1", "version: 2", 1, "'version: 1' is required"),
    ("subjects:", "subjets:", 5, "unknown key 'subjets'"),
    ("subjects:", "subjets:", 1, "'subjects' is missing"),
    ("  safe: [", "  Safe!: [", None, "the English must be lower-case English words"),
    ("  safe: [", "  safe: [riesgos, ", None, "'riesgos' is"),
    ("  safe: [", "  safe: [治疗 therapy, ", None, "mixes a script written without spaces"),
])
def test_a_broken_glossary_names_its_file_line_and_problem(load_error: Callable[[Path | str, str, str], str],
                                                           old: str, new: str, line: int | None, what: str) -> None:
    message = load_error(GLOSSARY / "es.yaml", old, new)
    assert "intents/lexicon/glossary/es.yaml" in message and what in message, message
    if line is not None:
        assert f"es.yaml:{line}" in message, message


def test_eval_counts_the_answers_given_through_the_glossary(tmp_path: Path) -> None:
    questions = tmp_path / "q.tsv"
    questions.write_text("expect\tquestion\nis-it-safe\t¿es segura la terapia génica?\n"
                         "risks\tqu'est-ce que la thérapie génique ?\nis-it-safe\tis gene therapy safe\n",
                         encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bot", "eval", str(questions), "--json"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["glossed"] == {"answered": 2, "right": 1}
    assert [r["glossed"] for r in data["results"]] == [True, True, False]

"""A line in the writer's language first (answers/languages/), then the English reply."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import bot
from bot.engine.content import load_content
from bot.engine.translations import LINES, NUMBERS, TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("message", "language", "line", "variant"), [
    ("me quiero morir, no aguanto mas", "es", "crisis", "crisis"),
    ("我不想活了", "zh", "crisis", "crisis"),
    ("я хочу умереть", "ru", "crisis", "crisis"),
    ("mi hermano no respira", "es", "medical", None),
    ("mon père ne respire plus", "fr", "medical", None),
    ("mwen vle mouri", "ht", "crisis", "crisis"),
    # thirty-ninth round: four languages of India with their own files
    ("நான் சாக விரும்புகிறேன்", "ta", "crisis", "crisis"),
    ("నాకు చనిపోవాలని ఉంది", "te", "crisis", "crisis"),
    ("મારે મરી જવું છે", "gu", "crisis", "crisis"),
    ("എനിക്ക് മരിക്കണം", "ml", "crisis", "crisis"),
    # fortieth round: Thai, read a letter at a time
    ("อยากตาย", "th", "crisis", "crisis"),
])
def test_an_emergency_in_another_language_leads_with_a_line_in_it(
        genebot: bot.Bot, message: str, language: str, line: str, variant: str | None) -> None:
    reply, _ = genebot.reply(message)
    lines = genebot.content.translations[language]
    assert (reply.kind, reply.language, reply.translation) == ("emergency", language, lines.line(line)), message
    answer = genebot.content.answers["emergency"]
    english = answer.variants[variant] if variant else answer.text
    # the line first, then the English reply unchanged, and the emergency disclaimer last
    assert reply.sections[0] == ("translation", lines.line(line))
    assert reply.body == english and reply.text.startswith(lines.line(line) + "\n\n" + english)
    assert reply.text.endswith(genebot.content.messages.emergency_disclaimer)
    assert all(number in reply.translation for number in NUMBERS[line])


@pytest.mark.parametrize("message", [
    "I want to die", "my dad can't breathe", "i dont want to be here anymore",
    "mi hermana says she wants to die",  # English where it matters: the English reply is the one to read
])
def test_an_emergency_in_english_gets_no_line(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "emergency" and (reply.language, reply.translation) == (None, ""), message
    assert reply.sections[0][0] == "emergency"


def test_a_message_in_a_language_it_tells_gets_can_only_read_english_in_that_language(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("wo ist mein Geldbeutel?")
    m = genebot.content.messages
    assert (reply.kind, reply.language) == ("fallback", "de")
    assert reply.translation == genebot.content.translations["de"].line("unreadable")
    assert reply.body == m.unreadable and m.unreadable_unknown not in reply.text  # no Spanish after it


@pytest.mark.parametrize("message", ["👍", "?!?!", "ನಾನು ಸಾಯಲು ಬಯಸುತ್ತೇನೆ"])  # Kannada: no file
def test_a_message_whose_language_it_cannot_tell_gets_english_then_spanish(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    m = genebot.content.messages
    if reply.kind == "emergency":  # the letter reader may read the Kannada: then 911 and 988 lead anyway
        assert reply.language is None
        return
    assert (reply.kind, reply.language, reply.translation) == ("fallback", None, ""), message
    assert reply.body == f"{m.unreadable} {m.unreadable_unknown}"


def test_a_question_read_through_the_glossary_gets_the_glossed_line(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("co to jest terapia genowa?")
    assert (reply.kind, reply.topic, reply.language) == ("answer", "what-is-gene-therapy", "pl")
    assert reply.translation == genebot.content.translations["pl"].line("glossed")
    assert reply.body.startswith(genebot.content.messages.glossed_lead)


@pytest.mark.parametrize(("message", "language"), [
    ("¿debería mi hijo recibir terapia génica?", "es"),
    ("우리 아들 유전자 치료 받아야 할까요?", "ko"),
    ("soll mein sohn die gentherapie machen?", "de"),
])
def test_a_personal_question_in_another_language_leads_with_the_advice_line(
        genebot: bot.Bot, message: str, language: str) -> None:
    reply, _ = genebot.reply(message)
    assert (reply.kind, reply.language) == ("advice", language), message
    assert reply.translation == genebot.content.translations[language].line("advice") and "911" in reply.translation
    assert reply.body == genebot.content.answers["personal-advice"].text  # the English, unchanged
    english, _ = genebot.reply("should my son get gene therapy?")
    assert english.kind == "advice" and (english.language, english.translation) == (None, "")


def test_each_language_is_told_on_most_of_its_own_lines(genebot: bot.Bot) -> None:
    """The language files' words name their language, and no line is taken for another's."""
    languages = genebot.index.languages
    told = wrong = 0
    for code, lines in genebot.content.translations.items():
        for line in LINES:
            named = languages.identify(lines.line(line))
            told += named == code
            wrong += named not in (None, code)
    assert wrong == 0 and told >= 0.9 * len(LINES) * len(genebot.content.translations)


def test_the_json_reply_names_the_language_and_its_line() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "je veux mourir"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["kind"], data["language"]) == ("emergency", "fr")
    assert data["text"].startswith(data["translation"]) and "988" in data["translation"]


@pytest.mark.parametrize(("old", "new", "key", "what"), [
    ("  Lamento mucho", "  Lamento mucho 912", "crisis", "'crisis' must give 911 and 988, and no other number"),
    ("llame al 911. No está", "llame al ९११. No está", "crisis", "write numbers in the digits 0-9 a phone shows"),
    ("medical: >-", "medicall: >-", "medical", "unknown key 'medicall'"),
    ("language: Spanish (es)", "language: Spanish", "language", "must name the language and this file's code"),
    ("language: Spanish (es)", "language: Spanish (pt)", "language", "as in 'Spanish (es)'"),
])
def test_a_broken_language_file_names_its_file_line_and_problem(
        load_error: Callable[[Path | str, str, str], str], old: str, new: str, key: str, what: str) -> None:
    lines = (ROOT / TRANSLATIONS / "es.yaml").read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(lines) if text.startswith(f"{key}:"))  # the key's line
    message = load_error(TRANSLATIONS / "es.yaml", old, new)
    assert f"answers/languages/es.yaml:{line}" in message and what in message, message


def test_a_language_file_missing_a_line_is_refused(load_error: Callable[[Path | str, str, str], str]) -> None:
    message = load_error(TRANSLATIONS / "es.yaml", "glossed: >-", "glossd: >-")
    assert "answers/languages/es.yaml" in message and "has no 'glossed'" in message, message


def test_lines_for_a_language_no_message_is_read_as_are_a_warning(content_copy: Path) -> None:
    (content_copy / TRANSLATIONS / "es.yaml").rename(content_copy / TRANSLATIONS / "xx.yaml")
    path = content_copy / TRANSLATIONS / "xx.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Spanish (es)", "Nowhere (xx)"), encoding="utf-8")
    content = load_content(content_copy)
    assert "xx" in content.translations
    assert any("xx.yaml" in p.file and "no message is read as that language" in p.message for p in content.warnings)


def test_no_language_files_leave_every_reply_in_english(content_copy: Path) -> None:
    for path in (content_copy / TRANSLATIONS).glob("*.yaml"):
        path.unlink()
    plain = bot.Bot(load_content(content_copy))
    reply, _ = plain.reply("me quiero morir")
    assert reply.kind == "emergency" and (reply.language, reply.translation) == (None, "")
    reply, _ = plain.reply("wo ist mein Geldbeutel?")
    m = plain.content.messages
    assert reply.body == f"{m.unreadable} {m.unreadable_unknown}"


def test_eval_counts_the_replies_led_by_a_line_in_the_writers_language(tmp_path: Path) -> None:
    questions = tmp_path / "q.tsv"
    questions.write_text("expect\tquestion\nemergency\tme quiero morir, no aguanto mas\n"
                         "emergency\tI want to die\nout-of-scope\two ist mein Geldbeutel?\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bot", "eval", str(questions), "--json"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["led_in_language"] == {"replies": 2, "by_kind": {"emergency": 1, "fallback": 1},
                                       "by_language": {"es": 1, "de": 1}}
    assert [r["language"] for r in data["results"]] == ["es", None, "de"]
    shown = subprocess.run([sys.executable, "-m", "bot", "eval", str(questions)],
                           capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert "in the writer's language" in shown.stdout and "2 languages" in shown.stdout, shown.stdout

"""A question that points back after a story ("... what is that?") asks about what the story
named (intents/lexicon/pointers.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import bot
from bot.engine.content import load_content


def _topic(genebot: bot.Bot, message: str) -> str | None:
    reply, _state = genebot.reply(message)
    return reply.topic


@pytest.mark.parametrize("message", [
    "My uncle's doctor keeps saying \"gene therapy\" at every visit. What does that word mean?",
    "The nurse mentioned gene therapy twice today. No idea what it is. What is it?",
    "My aunt keeps talking about DNA treatments on the phone. What are those?",  # a concept's phrase
    "someone at work said her son got 'genetic therapy' last year. what is that exactly",
])
def test_the_question_is_read_with_the_subject_the_story_named(genebot: bot.Bot, message: str) -> None:
    assert _topic(genebot, message) == "what-is-gene-therapy"


def test_the_pointer_takes_the_last_subject_of_the_nearest_sentence_naming_one(genebot: bot.Bot) -> None:
    message = "I read about gene therapy. Then my daughter joined a research study. What does that mean?"
    assert _topic(genebot, message) == "clinical-trials"


@pytest.mark.parametrize("message", [
    "cant stop reading about gene therapy, what is it exactly?",
    "our family doctor brought up gene therapy, what is that exactly?",  # was the safety answer
    "my son asked me about gene therapy, what is it exactly",
])
def test_a_question_after_a_comma_points_to_the_subject_its_clause_ends_on(genebot: bot.Bot, message: str) -> None:
    assert _topic(genebot, message) == "what-is-gene-therapy"


@pytest.mark.parametrize(("message", "topic"), [
    ("the leaflet mentioned ex vivo gene therapy, what does that mean?", "in-vivo-ex-vivo"),  # names two
    ("the leaflet says gene therapy could cause an immune reaction, what is that about?", "immune-reaction"),
])
def test_a_question_after_a_clause_that_goes_on_asks_about_the_clause(genebot: bot.Bot, message: str,
                                                                       topic: str) -> None:
    assert _topic(genebot, message) == topic


@pytest.mark.parametrize(("message", "topic"), [
    ("someone told me the first gene therapy trial was in the 90s, is that right?", "history"),
    ("a youtuber called gene editing molecular scissors, is that accurate", "gene-editing"),
    # fifty-eighth round: the check is the last question, with a remark after it
    ("my uncle says gene therapy gives people cancer. is that true? the internet is exhausting", "cancer-risk"),
])
def test_is_that_right_after_a_claim_asks_about_the_claim(genebot: bot.Bot, message: str, topic: str) -> None:
    assert _topic(genebot, message) == topic


def test_without_the_story_the_same_question_is_not_a_definition_of_gene_therapy(genebot: bot.Bot) -> None:
    assert _topic(genebot, "What does that word mean?") != "what-is-gene-therapy"


def test_a_pointer_with_nothing_named_before_it_stays_unanswered(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("We watched a long film last night. What was that about?")
    assert reply.kind == "fallback"


def test_a_question_naming_its_own_subject_is_read_as_it_is(genebot: bot.Bot) -> None:
    assert _topic(genebot, "My son is in a gene therapy trial. What is an IRB?") == "irb"


def test_an_emergency_in_the_story_still_comes_first(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("He had gene therapy last week and now he is not breathing. What is that?")
    assert reply.topic == "emergency"


def test_without_the_file_a_pointer_question_is_ranked_as_it_is(content_copy: Path) -> None:
    message = "someone at work said her son got 'genetic therapy' last year. what is that exactly"
    assert _topic(bot.Bot(load_content(content_copy)), message) == "what-is-gene-therapy"
    (content_copy / "intents" / "lexicon" / "pointers.yaml").unlink()
    assert _topic(bot.Bot(load_content(content_copy)), message) != "what-is-gene-therapy"


@pytest.mark.parametrize("old, new, message", [
    ("asks: [what,", "asks: [what is,", "pointers.yaml:12: 'asks': 'what is' must be one word"),
    ("referents: [genetherapy,", "referents: [gene therapy,",
     "pointers.yaml:14: 'referents': 'gene therapy' must be one word"),
    ("deictics: [", "deictics: ['  ', ", "pointers.yaml:13: 'deictics' item 1 must be non-empty text"),
    ("asks: [what, mean, means, meaning, called]\n", "", "pointers.yaml:1: 'asks' is missing"),
    ("version: 1", "version: 2", "pointers.yaml:1: 'version: 1' is required"),
    ("checks: [real,", "checks: [for real,", "pointers.yaml:19: 'checks': 'for real' must be one word"),
])
def test_broken_pointers_fail_at_load_with_file_and_line(
    load_error: Callable[..., str], old: str, new: str, message: str,
) -> None:
    assert message in load_error(Path("intents") / "lexicon" / "pointers.yaml", old, new)

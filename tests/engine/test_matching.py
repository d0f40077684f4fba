"""Fuzzy matching reads what carries the topic, through the Python API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot


@pytest.mark.parametrize(("message", "topic"), [
    ("can my body make antibodies against the aav vector", "immune-reaction"),  # the reaction is asked about
    ("does the immune system attack the virus that carries the gene", "immune-reaction"),
    ("what is an aav vector", "vector"),
    ("why do they use a virus to deliver the gene", "vector"),
])
def test_a_reaction_to_the_vector_is_the_reactions_topic(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic, reply


def test_a_number_the_content_never_uses_does_not_dilute_the_question(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("explain gene therapy to me like im 10")
    assert reply.topic == "what-is-gene-therapy"


def test_a_number_the_content_uses_still_counts(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("what is phase 2")
    assert reply.topic == "trial-phase-2"


def test_rejected_from_a_trial_is_no_immune_rejection(genebot: bot.Bot) -> None:
    assert genebot.reply("rejected from the trial again. is that common?")[0].topic != "immune-reaction"
    # ... while the body's rejection, and an immune question after a trial's, still are
    assert genebot.reply("can the body reject the new gene?")[0].topic == "immune-reaction"
    assert genebot.reply("my son was rejected for the trial. what is an immune reaction?")[0].topic == "immune-reaction"


@pytest.mark.parametrize(("message", "topic"), [("ph3 trial meaning", "trial-phase-3"),
                                                ("whats a ph2 study", "trial-phase-2")])
def test_a_phase_written_short_is_that_phase(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic


@pytest.mark.parametrize(("message", "topic"), [
    ("please can you tell me who oversees gene therapy research", "oversight"),
    ("hi, quick question, what is an irb", "irb"),
    # a greeting of the time of day, and whom a greeting addresses
    ("Good morning team, define gene therapy pls", "what-is-gene-therapy"),
    ("good afternoon everyone, who oversees gene therapy trials?", "oversight"),
])
def test_a_polite_opening_does_not_dilute_the_question(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic


@pytest.mark.parametrize(("message", "topics"), [
    ("who oversees trials in plain language without the jargon", {"oversight"}),
    ("how is gene therapy regulated in simple words for a beginner", {"oversight", "fda-role"}),
])
def test_an_ending_that_says_how_to_answer_does_not_dilute_the_question(
    genebot: bot.Bot, message: str, topics: set[str]
) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic in topics


@pytest.mark.parametrize("message", ["hello everyone", "hey everyone", "good morning everyone", "hi genebot lol",
                                     "hiya genebot lol"])
def test_a_greeting_to_someone_is_a_greeting_not_a_question(genebot: bot.Bot, message: str) -> None:
    # an opener is kept where a single word would follow it: no question came after the greeting
    reply, _state = genebot.reply(message)
    assert reply.topic == "greeting", (message, reply.topic)


def test_an_ending_alone_is_not_stripped_to_nothing(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("in simple terms please")
    assert reply.topic == "what-is-gene-therapy"


def test_an_opening_alone_is_not_stripped_to_nothing(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("hello")
    assert reply.topic == "greeting"


@pytest.mark.parametrize(("message", "topic"), [
    ("what is the job of the fda", "fda-role"),      # role, job, mission, responsibility: one concept
    ("what is the mission of the nih in gene therapy", "nih-role"),
    ("is gene therapy licensed yet", "approved-therapies"),  # approved, licensed, cleared
    ("how does a new gene therapy get to market", "fda-approval"),
    ("the fda put our trial on hold, what does that mean", "fda-role"),  # suspend, halt, pause, on hold
    ("how does the food and drug administration decide to license a new medicine", "fda-approval"),
    ("what is a medical research trial", "clinical-trials"),          # medical study, drug trial: a trial
    ("its doable i get that, but what are the disadvantages", "risks"),  # draw backs, down sides
])
def test_other_words_for_the_same_thing_meet(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic, reply


@pytest.mark.parametrize(("message", "topic"), [
    ("we watched a film about it in class. how does gene therapy work?", "how-it-works"),
    ("The canteen food was awful today. What is a vector?", "vector"),
    ("my uncle recovered from a stroke years ago. what are the risks of gene therapy?", "risks"),
    ("this chemistry homework is killing me, how does gene therapy work?", "how-it-works"),
    ("saw a documentary film about it last night: what is a viral vector?", "vector"),
    ("hello bot, a quick one. insertion or correction, what is that", "gene-editing"),  # points back
    # no stop at all: the word that turns from the story to the question ends the story
    ("my biology homework is driving me up the wall anyway what is a viral vector", "vector"),
    ("we watched a movie about mutants in class lol btw who oversees gene therapy trials", "oversight"),
    # an emoji ends a sentence as a stop does
    ("my cousin swears it turns you into a mutant 🤣 who oversees gene therapy trials", "oversight"),
    ("my brother jokes it will give me superpowers or kill me 😂 what are the real risks", "risks"),
    ("we got slaughtered at football tonight 😭 what does phase 1 of a trial check", "trial-phase-1"),
])
def test_a_story_naming_another_subject_does_not_hide_the_question(genebot: bot.Bot, message: str,
                                                                   topic: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == topic, reply


@pytest.mark.parametrize(("message", "topic"), [
    ("no chest pain, no dizziness, all fine here, just wondering what the nih actually does", "nih-role"),
    ("had my bloods done, nothing odd, all good, just wondering what phase 2 of a trial checks", "trial-phase-2"),
])
def test_just_wondering_after_a_comma_opens_the_question(genebot: bot.Bot, message: str, topic: str) -> None:
    reply, _state = genebot.reply(message)  # ranked on the question, not diluted by the denials before it
    assert reply.topic == topic and reply.confidence >= genebot.index.settings.answer_at, reply


@pytest.mark.parametrize(("message", "topic"), [
    ("what is an ibc anyway?", "ibc"),             # a turn word at the end turns nothing
    ("what does the nih do btw", "nih-role"),
])
def test_a_turn_word_that_ends_the_question_is_part_of_it(genebot: bot.Bot, message: str, topic: str) -> None:
    assert genebot.reply(message)[0].topic == topic


@pytest.mark.parametrize("message", [
    "I read about gene therapy online. How much does it cost?",
    "My grandson is recovering well. Does insurance pay for it?",
    "My daughter loves films. Is gene therapy available in the UK?",
    "i love my job anyway how much does gene therapy cost",
])
def test_a_question_the_pages_do_not_cover_still_falls_back_after_a_story(genebot: bot.Bot, message: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == "out-of-scope", reply


@pytest.mark.parametrize(("message", "first", "second"), [
    ("What is gene editing and how does it work?", "gene-editing", "how-it-works"),
    ("what is an irb and who oversees the trials", "irb", "oversight"),
])
def test_two_questions_joined_by_and_answer_the_first_and_offer_the_second(
        genebot: bot.Bot, message: str, first: str, second: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == first
    assert reply.suggestion_topics[0] == second


@pytest.mark.parametrize("message", [
    "what is gene therapy? how much does it cost?",
    "What is gene therapy and how much does it cost?",
])
def test_a_covered_question_beside_an_uncovered_one_is_answered_and_the_other_named(
        genebot: bot.Bot, message: str) -> None:
    reply, _state = genebot.reply(message)
    assert reply.topic == "what-is-gene-therapy"
    assert "do not cover" in reply.text and reply.text.endswith(reply.disclaimer)


def test_a_vague_question_beside_an_uncovered_one_still_falls_back(genebot: bot.Bot) -> None:
    # asked alone, "how can a treatment do that" is no answerable question either
    reply, _state = genebot.reply("how much does gene therapy cost? how can a treatment do that")
    assert reply.topic == "out-of-scope", reply


def test_and_inside_one_question_does_not_split_it(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("what are the risks and benefits of gene therapy")
    assert reply.kind != "clarify" and reply.topic in ("risks", "benefits")


def test_an_abbreviation_with_dots_is_one_word(genebot: bot.Bot) -> None:
    # "u" alone is the chat spelling of "you": "the U.S." must not read as "the you s"
    result = genebot.classify("Which agency oversees clinical trials in the U.S.? e.g. the F.D.A.")
    assert result.normalised == "which agency oversees clinical trials in the us eg the fda"



def test_a_reply_is_the_same_in_every_process() -> None:
    """Topics tied on score were ordered by a set of strings, whose order follows the process's
    hash seed: after a restart the same question could offer another second question."""
    message = "The news story about the toddler who died after gene therapy... what went wrong?"

    def reply(seed: str) -> str:
        run = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", message],
                             cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True,
                             timeout=120, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        return run.stdout

    first = reply("1")
    assert all(reply(seed) == first for seed in ("2", "3", "4"))

"""The formal and particular words real questions use (twenty-ninth round, issue 9): each case is
my own wording of a kind of question the real tuning sets showed, never one of theirs."""

from __future__ import annotations

import pytest

import bot


@pytest.mark.parametrize("question, topic", [
    ("what does gene therapy entail", "what-is-gene-therapy"),        # entail: involve
    ("which phase tests efficacy?", "trial-phase-2"),                  # efficacy: effective
    ("what is the purpose of a clinical trial?", "clinical-trials"),  # purpose of trials, not of gene therapy
    ("is gene therapy carcinogenic?", "cancer-risk"),
    ("who pioneered gene therapy?", "history"),
    ("what is a first-in-human trial?", "trial-phase-1"),
    # thirty-second round, from a battery a helper wrote from the topic catalog alone
    ("can the therapy mess with which genes get expressed", "gene-activation"),  # expressed: switched on
    ("what if gene editing changes dna it was not supposed to", "off-target-editing"),
    ("im a carer, do carers usually join the conversation with the doctor about the risks", "talk-to-provider"),
    ("what if they edit a different bit of the dna by accident", "off-target-editing"),
])
def test_a_formal_word_finds_the_topic_its_plain_word_does(genebot: bot.Bot, question: str, topic: str) -> None:
    reply, _state = genebot.reply(question)
    assert (reply.kind, reply.topic) == ("answer", topic)


@pytest.mark.parametrize("question", [
    "what is the purpose of this clinical trial?",  # one particular trial: the pages describe trials in general
    "who runs this study?",
    "what religions object to gene editing?",
    "difference between cell and gene therapy",
    "what good can gene therapy actually do?",     # the upsides: never the risks answer
])
def test_what_the_pages_do_not_answer_falls_back(genebot: bot.Bot, question: str) -> None:
    reply, _state = genebot.reply(question)
    assert (reply.kind, reply.topic) == ("fallback", "out-of-scope")


@pytest.mark.parametrize("question, topic", [
    ("can you describe gene therapy for someone like my grandad", "out-of-scope"),  # a lay reader, not a case
    ("what kinds of research do we need to register with the biosafety committee?", "ibc"),
    ("hiv gene therapy", "out-of-scope"),  # "hives" is never cut to "hiv": no one's own complaint here
])
def test_not_everything_with_an_i_or_a_symptom_word_is_personal(genebot: bot.Bot, question: str, topic: str) -> None:
    reply, _state = genebot.reply(question)
    assert reply.kind != "advice" and reply.topic == topic


def test_hives_after_an_infusion_is_still_a_question_for_the_team(genebot: bot.Bot) -> None:
    reply, _state = genebot.reply("i have hives after the infusion")
    assert reply.topic == "personal-advice"

"""The rule prefilter is exact: skipping a regex never changes which topics fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bot
from bot.curate.evaluate import load_cases
from bot.engine.normalise import normalise
from bot.engine.rules import build_rules, needles_of

EVAL = Path(__file__).parents[1] / "eval"


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"\bchest (pain|pains)\b", ("chest ",)),
        (r"\bsuicid\w*", ("suicid",)),
        (r"(?<!dont )\b(want|wanted) to die\b", (" to die",)),
        (r"^(?!.*\bonce\b).*\b(stroke|seizure)", ("eizure", "troke")),
        (r"x?", None),
        (r"\b(a|b)?c", ("c",)),
        (r"(?i)CHEST", ("chest",)),
    ],
)
def test_needles_are_read_from_the_pattern(pattern: str, needles: tuple[str, ...] | None) -> None:
    assert needles_of(pattern) == needles


def test_prefiltered_rules_fire_exactly_like_plain_regexes(genebot: bot.Bot) -> None:
    spell = genebot.content.language.spellings
    messages = [normalise(c.question, spell) for name in ("questions.yaml", "dev.yaml", "safety.yaml")
                for c in load_cases(EVAL / name)]
    for rules in (genebot.index.safety_rules, genebot.index.rules):
        for text in messages:
            brute = {topic for topic, p in rules.patterns if re.search(p, text)}
            assert rules.firing((text,)) == brute, text


def test_a_pattern_without_needles_always_runs() -> None:
    rules = build_rules({"t": [r"^\d+$"]})
    assert rules.always == (0,)
    assert rules.firing(("42",)) == {"t"} and rules.firing(("x",)) == set()


def test_a_pattern_runs_only_when_every_string_it_needs_is_there() -> None:
    rules = build_rules({"goal": [r"\b(trying|hoping) to (achieve|do)\b"]})
    # looked up by "trying" or "hoping", and run only when " to " and "achieve" or "do" are there too
    assert rules.also == (((" to ",), ("achieve", "do")),)
    assert rules._candidates(("trying to say",)) == []
    assert rules._candidates(("hoping to do well",)) == [0]
    assert rules.firing(("what are they hoping to achieve",)) == {"goal"}
    assert rules.firing(("hoping to dodge it",)) == set()  # a candidate the regex then turns down

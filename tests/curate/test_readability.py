"""The reading-grade formula behind `genebot check`'s readability warnings."""

from __future__ import annotations

import pytest

from bot.curate.readability import analyse, flesch_kincaid_grade, syllables


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("cake", 1),
        ("table", 2),
        ("people", 2),
        ("therapy", 3),
        ("genetic", 3),
        ("inflammation", 4),
        ("unpredictable", 5),
        ("used", 1),
        ("added", 2),
        ("approved", 2),
        ("trial", 2),
        ("biology", 4),
        ("actual", 3),
        ("language", 2),
        ("special", 2),
        ("FDA", 3),
        ("DNA", 3),
        ("off-target", 3),
        ("a", 1),
        ("I", 1),
    ],
)
def test_syllables_of_common_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_one_syllable_words_score_the_formula_constant() -> None:
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    r = analyse("The cat sat on the mat.")
    assert (r.words, r.sentences, r.syllables) == (6, 1, 6)
    assert r.grade == pytest.approx(-1.45)
    assert r.ease == pytest.approx(116.15, abs=0.01)


def test_the_classic_platypus_sentence() -> None:
    # The textbook example: 13 words, 26 syllables, one sentence -> grade 13.1, ease 24.4.
    r = analyse("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
    assert (r.words, r.sentences, r.syllables) == (13, 1, 26)
    assert r.grade == pytest.approx(13.08, abs=0.01)
    assert r.ease == pytest.approx(24.44, abs=0.01)


def test_shorter_sentences_read_at_a_lower_grade() -> None:
    long = (
        "Gene therapy is a type of treatment that uses genetic material with the goal of "
        "changing the course of a disease that is being investigated for many conditions."
    )
    short = (
        "Gene therapy uses genes to treat disease. It is still being studied. Some are approved."
    )
    assert flesch_kincaid_grade(short) < 9 < flesch_kincaid_grade(long)


def test_sentences_are_counted_by_their_end_marks() -> None:
    assert analyse("Is it safe? Yes! Mostly. Ask your doctor").sentences == 4
    assert analyse("no end mark at all").sentences == 1


def test_empty_text_is_grade_zero() -> None:
    assert analyse("").grade == 0.0
    assert analyse("  ...  ").words == 0

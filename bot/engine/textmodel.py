"""A learned second reader for emergencies: a linear model over the words the scan reads.

The lexicon (safety.py) reads what its phrases name, in context; a message in words it has
never seen passes it by. Fifteen rounds of adding phrases showed that they reach the messages
they were written for and hardly any other. This model, trained on the tuning sets' labelled
messages and on everyday text (bot/curate/trainmodel.py), weighs a message as a whole: each
of its words and each pair of neighbouring words, as the scan reads them (spelling repaired,
stemmed, contractions joined: wordreader.py), so "cant breath" meets "can't breathe".

It adds emergencies the lexicon missed. It takes one away in a single case: a medical alarm
(never a crisis) on a message whose words it knows, which it finds all but certainly ordinary
(``veto_below``): "can a gene therapy poison your liver?" names a poisoning but asks a question.
Left-out tuning files showed the case is safe to hand it (docs/safety.md); on real crisis posts
a crisis veto would have silenced "what's the best way to kill yourself?", so crises stay the
lexicon's. The arithmetic is
scikit-learn's (TfidfVectorizer with ``sublinear_tf`` and l2 norm, then multinomial logistic
regression), written out so that the engine needs no numerical library: tests/engine/test_textmodel.py
checks the probabilities against scikit-learn's own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CLASSES", "MODEL", "SafetyModel", "features", "kept_words", "tf_idf", "with_pairs"]

MODEL = Path("intents") / "lexicon" / "safety-model.yaml"  # generated: genebot train-model
CLASSES = ("none", "crisis", "medical")


def features(words: Sequence[str]) -> list[str]:
    """The scan's words without punctuation, and each pair of neighbours ("chest hurt")."""
    return with_pairs(kept_words(words))


Row = tuple[float, ...]  # a feature's idf, then its weights


def tf_idf(grams: Sequence[str], weights: Mapping[str, Row]) -> tuple[list[tuple[Row, float]], float]:
    """Each known feature's row (its idf, then its weights) with its sublinear tf-idf value, and
    the l2 norm to divide by: scikit-learn's TfidfVectorizer(sublinear_tf=True), which the word
    model and the advice reader (advicemodel.py) share."""
    counts: dict[str, int] = {}
    for f in grams:
        if f in weights:
            counts[f] = counts.get(f, 0) + 1
    rows: list[tuple[Row, float]] = []
    square = 0.0
    for f, c in counts.items():
        row = weights[f]
        value = row[0] if c == 1 else (1.0 + math.log(c)) * row[0]
        square += value * value
        rows.append((row, value))
    return rows, math.sqrt(square) or 1.0


def kept_words(words: Sequence[str]) -> list[str]:
    return [w for w in words if w[:1].isalnum()]


def with_pairs(kept: list[str]) -> list[str]:
    return kept + [f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False)]


@dataclass(frozen=True, slots=True)
class SafetyModel:
    # Each feature's idf, then its weight for none, crisis and medical: one flat row, so a
    # message's score is a few multiplications per word (CLASSES is fixed; checked at load).
    weights: Mapping[str, tuple[float, float, float, float]]
    intercepts: tuple[float, float, float]
    threshold: float  # the emergency probability from which the model speaks
    # The fewest words it judges: "goodbye" or "im done" alone is a chat ending, and a short
    # crisis ("cant breathe", "i want to die") is the lexicon's to name.
    min_words: int = 4
    # Below this emergency probability the model overrules a lexicon's medical alarm (0: never).
    veto_below: float = 0.0
    # The scripts it learned enough ordinary text in to speak (the letter reader's; None: any).
    # Trained on little but danger phrases in a script, it learned the script as danger:
    # Punjabi "ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ" (hello) and Amharic "አመሰግናለሁ" (thank you) read as emergencies.
    scripts: frozenset[str] | None = None
    # In a message in another language (or mostly not in words the bot knows), the emergency
    # probability from which the letter reader seconds the word model's call (0: the word
    # model's call stands alone). The word model learned English, and the few words of other
    # languages in its training messages, most of them emergencies, it learned as danger:
    # "Dat is mijn bier" was a medical emergency.
    seconds: float = 0.0

    def probabilities(self, words: Sequence[str]) -> tuple[float, float, float]:
        """The chance of each of CLASSES for a message's words (linear in their number)."""
        return self._probabilities(features(words))

    def _probabilities(self, grams: list[str]) -> tuple[float, float, float]:
        rows, norm = tf_idf(grams, self.weights)
        none = crisis = medical = 0.0
        for (_idf, w_none, w_crisis, w_medical), value in rows:
            none += value * w_none
            crisis += value * w_crisis
            medical += value * w_medical
        b_none, b_crisis, b_medical = self.intercepts
        z = (b_none + none / norm, b_crisis + crisis / norm, b_medical + medical / norm)
        top = max(z)
        e = [math.exp(v - top) for v in z]  # softmax
        total = e[0] + e[1] + e[2]
        return e[0] / total, e[1] / total, e[2] / total

    def urgency(self, words: Sequence[str]) -> str | None:
        """"crisis" or "medical" when the model calls the message an emergency, else None."""
        return self.leaning(words)[0]

    def leaning(self, words: Sequence[str]) -> tuple[str | None, float]:
        """The call ``urgency`` makes, and the emergency probability behind it (0.0 for a
        message too short to judge): how far a message it did not call leans to one."""
        kept = kept_words(words)
        if len(kept) < self.min_words:
            return None, 0.0
        chances = self._probabilities(with_pairs(kept))
        return self._called(chances), 1.0 - chances[0]

    def judged(self, grams: list[str]) -> str | None:
        """"crisis" or "medical" for features already made (a word model's, or the letter
        runs the letter reader weighs: lettermodel.py), else None."""
        return self._called(self._probabilities(grams))

    def seconded(self, grams: list[str], urgency: str | None, alone: bool = True) -> str | None:
        """The letter reader's word on a message the word model called ``urgency`` (or None):
        that call where this reader leans the same way (from ``seconds``), else, when it may
        speak ``alone`` (in another language), its own call (from ``threshold``)."""
        chances = self._probabilities(grams)
        if urgency is not None and 1.0 - chances[0] >= self.seconds:
            return urgency
        return self._called(chances) if alone else None

    def _called(self, chances: tuple[float, float, float]) -> str | None:
        none, crisis, medical = chances
        if 1.0 - none < self.threshold:
            return None
        return "crisis" if crisis >= medical else "medical"

    def quiet(self, words: Sequence[str], below: float) -> bool:
        """Whether the model, able to judge the words (enough of them, mostly ones it learned),
        leans to an emergency less than ``below``: a short or unknown sentence is never quiet."""
        kept = kept_words(words)
        return self._judges(kept) and 1.0 - self._probabilities(with_pairs(kept))[0] < below

    def overrules(self, words: Sequence[str], alarm: Sequence[str] = ()) -> bool:
        """Whether the model is all but sure a message the lexicon alarmed on is ordinary. It
        speaks only on messages long enough and mostly in words it was trained on: "je veux
        mourir ce soir" is all unknown words, and unknown words say nothing either way. Nor does
        it overrule a phrase (``alarm``, the words the lexicon alarmed on) with a word it never
        learned: "hat grad einen schlaganfall" is German whose first words English shares."""
        kept = kept_words(words)
        if not self.veto_below or not self._judges(kept):
            return False
        if any(w not in self.weights for w in kept_words(alarm)):
            return False
        return 1.0 - self._probabilities(with_pairs(kept))[0] < self.veto_below

    def _judges(self, kept: list[str]) -> bool:
        """Whether there are enough words, at least half of them ones the model learned."""
        return len(kept) >= self.min_words and 2 * sum(1 for w in kept if w in self.weights) >= len(kept)

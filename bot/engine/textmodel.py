"""A learned second reader for emergencies: a linear model over the words the scan reads.

The lexicon (safety.py) reads what its phrases name, in context; a message in words it has
never seen passes it by. Fifteen rounds of adding phrases showed that they reach the messages
they were written for and hardly any other. This model, trained on the tuning sets' labelled
messages and on everyday text (bot/curate/trainmodel.py), weighs a message as a whole: each
of its words and each pair of neighbouring words, as the scan reads them (spelling repaired,
stemmed, contractions joined: wordreader.py), so "cant breath" meets "can't breathe".

It only ever adds an emergency the lexicon missed, never takes one away. The arithmetic is
scikit-learn's (TfidfVectorizer with ``sublinear_tf`` and l2 norm, then multinomial logistic
regression), written out so that the engine needs no numerical library: tests/test_textmodel.py
checks the probabilities against scikit-learn's own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CLASSES", "MODEL", "EmergencyModel", "features"]

MODEL = Path("intents") / "lexicon" / "emergency-model.yaml"  # generated: genebot train-model
CLASSES = ("none", "crisis", "medical")


def features(words: Sequence[str]) -> list[str]:
    """The scan's words without punctuation, and each pair of neighbours ("chest hurt")."""
    kept = [w for w in words if w[:1].isalnum()]
    return kept + [f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False)]


@dataclass(frozen=True, slots=True)
class EmergencyModel:
    weights: Mapping[str, tuple[float, tuple[float, ...]]]  # each feature's idf and weight for each class
    intercepts: tuple[float, ...]
    threshold: float  # the emergency probability from which the model speaks
    # The fewest words it judges: "goodbye" or "im done" alone is a chat ending, and a short
    # crisis ("cant breathe", "i want to die") is the lexicon's to name.
    min_words: int = 4

    def probabilities(self, words: Sequence[str]) -> tuple[float, ...]:
        """The chance of each of CLASSES for a message's words (linear in their number)."""
        weights = self.weights
        counts = Counter(f for f in features(words) if f in weights)
        sums, square = [0.0] * len(self.intercepts), 0.0
        for f, c in counts.items():
            idf, row = weights[f]
            value = idf if c == 1 else (1.0 + math.log(c)) * idf  # sublinear tf-idf
            square += value * value
            for k, w in enumerate(row):
                sums[k] += value * w
        norm = math.sqrt(square) or 1.0
        scores = [b + s / norm for b, s in zip(self.intercepts, sums, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return tuple(e / total for e in exps)

    def urgency(self, words: Sequence[str]) -> str | None:
        """"crisis" or "medical" when the model calls the message an emergency, else None."""
        if sum(1 for w in words if w[:1].isalnum()) < self.min_words:
            return None
        none, crisis, medical = self.probabilities(words)
        if 1.0 - none < self.threshold:
            return None
        return "crisis" if crisis >= medical else "medical"

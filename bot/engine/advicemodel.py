"""A learned reader for personal questions: one weight per word the safety scan reads.

The lexicon finds a personal question by an owner ("my son", "I") and a frame, a way of
asking about one's own case ("is it worth it for", "too late for my mum"). Each round's new
frames reached the messages they were written for and few others: on sets written by helpers
who never saw the bot, about two personal questions in three were found. This model, trained
on the tuning sets' labelled questions (``genebot train-advice``), weighs a message as a whole,
with the word model's features (textmodel.py: the scan's words and each pair of neighbours).

It only adds, and only where the rules leave room: a message in English with an owner outside
"my doctor said"-like clauses, that no frame, complaint or emergency claimed (safety.py). The
arithmetic is scikit-learn's binary logistic regression over the same sublinear, l2-normalised
tf-idf as the word model's; tests/engine/test_advicemodel.py checks it against scikit-learn's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .textmodel import features, kept_words, tf_idf, with_pairs

__all__ = ["ADVICE_MODEL", "AdviceModel"]

ADVICE_MODEL = Path("intents") / "lexicon" / "advice-model.yaml"  # generated: genebot train-advice


@dataclass(frozen=True, slots=True)
class AdviceModel:
    weights: Mapping[str, tuple[float, float]]  # each feature's idf, then its weight
    intercept: float
    threshold: float  # the probability of a personal question from which the model speaks
    min_words: int = 4  # "my son?" alone is too little to weigh

    def probability(self, words: Sequence[str]) -> float:
        """The chance that a message with these words is a personal question."""
        return self._probability(features(words))

    def personal(self, words: Sequence[str]) -> bool:
        """Whether the model calls a message of enough words a personal question."""
        kept = kept_words(words)
        return len(kept) >= self.min_words and self._probability(with_pairs(kept)) >= self.threshold

    def _probability(self, grams: list[str]) -> float:
        rows, norm = tf_idf(grams, self.weights)
        z = self.intercept + sum(value * weight for (_idf, weight), value in rows) / norm
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

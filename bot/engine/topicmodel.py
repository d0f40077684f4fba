"""A learned second opinion on what a question is about, for questions the fuzzy ranking
doubts: a linear model over the stems of a question's content words and their pairs.

The fuzzy ranking (ranking.py) compares a question with the example phrasings, word for word;
put in other words, a question it would answer often lands just under the answer threshold,
or between two topics. Helpers' rewordings of our own tuning questions showed it: only 62% of
them were right, against about 85% for the originals. This model, trained on the examples and
the tuning questions (bot/curate/traintopics.py), has seen more wordings per topic. It never
decides alone: it only confirms a knowledge topic the ranking already puts first (or in the
pair it would ask about) with some support of its own (``floor``), and the reply says it is a
best guess (bot.py). Rules that send a question to the fallback still win.

The arithmetic is scikit-learn's (TfidfVectorizer with ``sublinear_tf`` and l2 norm, then
multinomial logistic regression, small weights dropped), written out so the engine needs no
numerical library; tests/engine/test_topicmodel.py checks it against scikit-learn's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .stems import stem

__all__ = ["TOPIC_MODEL", "TopicModel", "topic_features"]

TOPIC_MODEL = Path("intents") / "lexicon" / "topic-model.yaml"  # generated: genebot train-topics


def topic_features(words: Iterable[str], stopwords: frozenset[str]) -> list[str]:
    """The stems of the content words ("risks" and "risky" meet), and each neighbouring pair.

    ``words`` are a question's words as the ranking reads them (repaired, concepts applied)."""
    stems = [stem(w) for w in words if w not in stopwords]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


@dataclass(frozen=True, slots=True)
class TopicModel:
    classes: tuple[str, ...]
    # Each feature's idf, then its non-zero weights as (class index, weight): most features
    # speak for a few topics only, so a question costs a few additions per word.
    weights: Mapping[str, tuple[float, tuple[tuple[int, float], ...]]]
    intercepts: tuple[float, ...]
    agree_at: float  # the probability from which the model confirms the ranking's topic
    floor: float     # the least ranking score of a topic the model may confirm

    def probabilities(self, features: Sequence[str]) -> list[float]:
        """The chance of each of ``classes`` for a question's features."""
        counts: dict[str, int] = {}
        for f in features:
            if f in self.weights:
                counts[f] = counts.get(f, 0) + 1
        z = [0.0] * len(self.classes)
        square = 0.0
        for f, c in counts.items():
            idf, row = self.weights[f]
            value = idf if c == 1 else (1.0 + math.log(c)) * idf  # sublinear tf-idf
            square += value * value
            for k, w in row:
                z[k] += value * w
        norm = math.sqrt(square) or 1.0  # l2-normalised, as the vectorizer does
        z = [b + v / norm for b, v in zip(self.intercepts, z, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]  # softmax
        total = sum(e)
        return [v / total for v in e]

    def confirms(self, features: Sequence[str], topics: Sequence[str]) -> str | None:
        """The one of ``topics`` the model also finds likeliest, from ``agree_at``; else None."""
        if not features:
            return None
        p = self.probabilities(features)
        best = max(range(len(p)), key=p.__getitem__)
        topic = self.classes[best]
        return topic if topic in topics and p[best] >= self.agree_at else None

"""`genebot train-topics`: train the learned topic model and write it as content.

It learns from the content's example phrasings and from the labelled questions of the tuning
sets under tests/eval (never a held-out one), so it has seen more wordings of each topic than
the examples alone. Emergencies are the safety scan's and are left out. The bot asks it only
about questions the fuzzy ranking doubts (bot/engine/topicmodel.py); ``agree_at`` and
``floor`` were set by leaving tuning files out one at a time (benchmarks/topic_folds.py).

Training uses scikit-learn (``pip install 'genebot[train]'``), a curator's tool only.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..engine.bot import Bot
from ..engine.catalog import EMERGENCY
from ..engine.classifier import topic_features_of
from ..engine.content import load_content
from ..engine.errors import UsageError
from ..engine.topicmodel import TOPIC_MODEL, topic_features
from .evaluate import load_cases
from .trainmodel import model_dumper, provenance, rounded, tuning_sets

__all__ = ["add_arguments", "content_files", "examples", "fit", "plain_bot", "questions", "run", "topic_document"]



def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sets", nargs="*", type=Path,
                        help="labelled tuning files (default: every tuning file in tests/eval)")
    parser.add_argument("--agree-at", type=float, default=0.4,
                        help="probability from which the model confirms the ranking's topic (set by topic_folds.py)")
    parser.add_argument("--floor", type=float, default=0.6,
                        help="the least ranking score of a topic the model may confirm (set by topic_folds.py)")
    parser.add_argument("--min-df", type=int, default=2, help="a stem or pair must occur in this many questions")
    parser.add_argument("--prune", type=float, default=0.3, help="weights smaller than this are dropped")
    parser.add_argument("--output", type=Path, help=f"where to write (default: CONTENT/{TOPIC_MODEL})")


def content_files(root: Path) -> list[Path]:
    """What the model depends on besides the tuning files: the topic files with their examples,
    the language file (spellings, stopwords, openers) and the concepts, which shape how a
    question is read. A change to any of them asks for a retrain."""
    return [*sorted((root / "intents").glob("*.yaml")), root / "intents" / "lexicon" / "concepts.yaml"]


def plain_bot(root: Path) -> Bot:
    """The bot of this content without a topic model: how it reads questions, and its examples.
    Loaded from a copy without the model file, so an outdated or broken one is no bar."""
    with tempfile.TemporaryDirectory(prefix="genebot-train-") as tmp:
        for part in ("intents", "answers", "sources"):
            shutil.copytree(root / part, Path(tmp) / part)
        (Path(tmp) / TOPIC_MODEL).unlink(missing_ok=True)
        return Bot(load_content(tmp))


def examples(bot: Bot) -> list[tuple[list[str], str]]:
    """(features, topic) of every example phrasing, as the ranking keeps them."""
    index = bot.index
    pairs = zip(index.phrases, index.owners, strict=True)
    rows = [(topic_features(phrase.split(), index.stopwords), topic) for phrase, topic in pairs]
    return [(f, t) for f, t in rows if f]


def questions(bot: Bot, path: Path) -> list[tuple[list[str], str]]:
    """(features, topic) of a tuning file's questions; emergencies, and labels the content does
    not know, left out."""
    rows = []
    for case in load_cases(path):
        label = case.expect[0]
        if label != EMERGENCY and label in bot.content.topics:
            features = topic_features_of(bot.index, case.question)
            if features:
                rows.append((features, label))
    return rows


def fit(rows: Sequence[tuple[list[str], str]], min_df: int) -> tuple[Any, Any]:
    """(vectorizer, classifier) over the rows' features."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise UsageError("training needs scikit-learn: pip install 'genebot[train]'") from None
    labels = [t for _, t in rows]
    if len(set(labels)) < 2:
        raise UsageError("training needs questions of two topics or more")
    vectorizer = TfidfVectorizer(analyzer=_as_is, min_df=min_df, sublinear_tf=True)
    x = vectorizer.fit_transform([f for f, _ in rows])
    model = LogisticRegression(C=10, max_iter=3000)
    model.fit(x, labels)
    return vectorizer, model


def topic_document(vectorizer: Any, model: Any, prune: float, agree_at: float, floor: float,
                   trained_on: list[dict[str, Any]]) -> str:
    """The YAML text of a trained model, stable from run to run (sorted features, fixed digits)."""
    coef = model.coef_
    lines = []
    for gram, i in sorted(vectorizer.vocabulary_.items()):
        row = " ".join(f"{k}:{rounded(coef[k][i])}" for k in range(len(model.classes_)) if abs(coef[k][i]) >= prune)
        if row:
            lines.append(f"{gram} | {rounded(vectorizer.idf_[i])} | {row}\n")
    head = (
        "# The learned topic model (bot/engine/topicmodel.py). Generated by `genebot train-topics`:\n"
        "# do not edit by hand. Each line of weights: a stem or stem pair as the classifier reads it,\n"
        "# its idf, then its weights as class:weight (the class's place in `classes`; small ones dropped).\n"
    )
    body = {
        "version": 1, "classes": [str(c) for c in model.classes_], "agree_at": agree_at, "floor": floor,
        "intercepts": [rounded(v) for v in model.intercept_], "trained_on": trained_on, "weights": "".join(lines),
    }
    return head + yaml.dump(body, Dumper=model_dumper(), sort_keys=False, allow_unicode=True, width=1000)


def run(args: argparse.Namespace) -> int:
    root = Path(args.content or ".")
    sets = tuning_sets(root, args.sets)
    bot = plain_bot(root)
    rows = examples(bot)
    trained_on = [provenance(path, root) for path in content_files(root)]
    for s in sets:
        found = questions(bot, s)
        rows += found
        trained_on.append({**provenance(s, root), "questions": len(found)})
    vectorizer, model = fit(rows, args.min_df)
    out = args.output or root / TOPIC_MODEL
    out.write_text(topic_document(vectorizer, model, args.prune, args.agree_at, args.floor, trained_on),
                   encoding="utf-8")
    print(f"wrote {out}: {len(vectorizer.vocabulary_)} stems and pairs, {len(model.classes_)} topics, "
          f"from {len(rows)} examples and questions")
    return 0


def _as_is(features: list[str]) -> list[str]:
    return features




"""`genebot train-advice`: train the learned reader of personal questions and write it as content.

Its personal questions are the tuning sets' messages whose first expected topic is
personal-advice; its other questions, those that do not accept personal-advice at all (a
message that accepts it as a second choice teaches neither way, and emergencies are the
safety scan's). Never a held-out file. The content's example phrasings count as well, each
labelled by its topic: "how do i get ready for gene therapy" is an out-of-scope example, and
a reader that declined it would overrule the content. The dials' defaults were chosen by folds of whole
tuning files (benchmarks/advice_folds.py): the threshold is high because the rules already
find most personal questions, and a general question declined as personal costs an answer.

Training uses scikit-learn (``pip install 'genebot[train]'``); the bot reads the weights with
bot/engine/advicemodel.py and needs no numerical library.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..engine.advicemodel import ADVICE_MODEL
from ..engine.catalog import ADVICE, EMERGENCY
from ..engine.content import Content
from ..engine.errors import UsageError
from ..engine.textmodel import features
from .evaluate import load_cases
from .trainmodel import bot_without, everyday, fit_logistic, model_dumper, provenance, rounded, tuning_sets

__all__ = ["add_arguments", "advice_document", "example_questions", "labelled_questions", "run", "train_advice"]

Question = tuple[str, int, float]  # text, 1 for a personal question, weight


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sets", nargs="*", type=Path,
                        help="labelled tuning files (default: every tuning file in tests/eval)")
    parser.add_argument("--threshold", type=float, default=0.9,
                        help="probability from which the reader calls a question personal (benchmarks/advice_folds.py)")
    parser.add_argument("--min-words", type=int, default=4, help="the fewest words the reader judges")
    parser.add_argument("--min-df", type=int, default=5, help="a word or pair must occur in this many questions")
    parser.add_argument("--penalty", type=float, default=16.0, help="logistic regression's C (inverse penalty)")
    parser.add_argument("--everyday", action="append", type=Path, default=[], metavar="FILE",
                        help="ordinary text, one message a line, read as no personal question (repeatable; the "
                             "trained half of each, as train-model takes it)")
    parser.add_argument("--everyday-cap", type=int, default=10_000, help="lines taken from each everyday file")
    parser.add_argument("--everyday-weight", type=float, default=0.3, help="weight of an everyday line")
    parser.add_argument("--output", type=Path, help=f"where to write (default: CONTENT/{ADVICE_MODEL})")


def labelled_questions(path: Path) -> list[Question]:
    """(message, 1 or 0, 1.0) of a tests/eval file: personal first, or not personal at all."""
    found = []
    for case in load_cases(path):
        if EMERGENCY in case.expect:
            continue
        if case.expect[0] == ADVICE:
            found.append((case.question, 1, 1.0))
        elif ADVICE not in case.expect:
            found.append((case.question, 0, 1.0))
    return found


def example_questions(content: Content) -> list[Question]:
    """(phrasing, 1 or 0, 1.0) of the content's examples: the personal-advice topic's are
    personal, every other topic's (emergencies aside) are not."""
    return [(example, int(topic.id == ADVICE), 1.0) for topic in content.topics.values()
            if topic.id != EMERGENCY for example in topic.examples]


def train_advice(questions: list[Question], words: Callable[[str], list[str]], min_df: int,
                 penalty: float) -> tuple[Any, Any]:
    """Fit the vectorizer over the scan's words and the classifier: (vectorizer, classifier)."""
    if len({label for _, label, _ in questions}) < 2:
        raise UsageError("training needs personal questions and other questions; these files have only one kind")
    return fit_logistic([q for q, _, _ in questions], [label for _, label, _ in questions],
                        lambda text: features(words(text)), min_df, penalty, [w for _, _, w in questions],
                        balanced=True)


def advice_document(vectorizer: Any, model: Any, args: argparse.Namespace, trained_on: list[dict[str, Any]]) -> str:
    """The YAML text of the trained reader, stable from run to run (sorted features, fixed digits)."""
    coef = model.coef_[0]
    weights = "".join(f"{gram} {rounded(vectorizer.idf_[i])} {rounded(coef[i])}\n"
                      for gram, i in sorted(vectorizer.vocabulary_.items()))
    head = (
        "# A learned reader of personal questions (bot/engine/advicemodel.py). Generated by\n"
        "# `genebot train-advice`: do not edit by hand. Each line of weights: a feature (a word or\n"
        "# word pair as the safety scan reads it), its idf, then its weight towards a personal question.\n"
    )
    body = {"version": 1, "threshold": args.threshold, "min_words": args.min_words,
            "intercept": rounded(model.intercept_[0]), "trained_on": trained_on, "weights": weights}
    return head + yaml.dump(body, Dumper=model_dumper(), sort_keys=False, allow_unicode=True, width=1000)


def run(args: argparse.Namespace) -> int:
    root = Path(args.content or ".")
    questions: list[Question] = []
    trained_on: list[dict[str, Any]] = []
    for s in tuning_sets(root, args.sets):
        rows = labelled_questions(s)
        questions += rows
        trained_on.append({**provenance(s, root), "messages": len(rows)})
    for e in args.everyday:
        lines = everyday(e, args.everyday_cap)
        questions += [(line, 0, args.everyday_weight) for line in lines]
        trained_on.append({**provenance(e, root), "messages": len(lines), "weight": args.everyday_weight})
    genebot = bot_without(root, ADVICE_MODEL)
    scan = genebot.index.safety
    questions += example_questions(genebot.content)
    vectorizer, model = train_advice(questions, scan.words, args.min_df, args.penalty)
    out = args.output or root / ADVICE_MODEL
    out.write_text(advice_document(vectorizer, model, args, trained_on), encoding="utf-8")
    personal = sum(label for _, label, _ in questions)
    print(f"wrote {out}: {len(vectorizer.vocabulary_)} words and word pairs from {len(questions)} questions, "
          f"{personal} of them personal")
    return 0

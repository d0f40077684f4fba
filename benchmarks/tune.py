"""Calibrate the classifier's dials on the tuning sets only: the team's development set, the
tuning parts of the real questions and the helpers' rewordings (tests/eval/dev.yaml,
real-tune*.yaml, paraphrase-tune*.yaml).

The held-out sets (questions.yaml, real-heldout*.yaml, safety-heldout.yaml, safety-unseen.yaml)
are never used here, so their figures stay an honest estimate of unseen questions. Usage:

    python benchmarks/tune.py [--trials 300] [--seed 1] [--local] [--folds]

Prints the best settings found by random search (with --local, by small steps from today's
settings, each kept when it scores better); copy them into bot/engine/index.py:Settings.

The learned topic model was trained on these very questions, so it answers them better than
it will answer new ones, and dials tuned with it lean on that. With --folds (needs
scikit-learn) each file is answered by a bot whose topic model was trained without it
(benchmarks/topic_folds.py), as a new question would be.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from collections import Counter
from pathlib import Path

import bot
from bot.curate.evaluate import load_cases
from bot.engine.catalog import OUT_OF_SCOPE
from bot.engine.classifier import classify
from bot.engine.index import Settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval"
TUNING = (EVAL / "dev.yaml", *sorted(EVAL.glob("real-tune*.yaml")), *sorted(EVAL.glob("paraphrase-tune*.yaml")))
STEPS = {"answer_at": 0.02, "clarify_at": 0.02, "unknown_weight": 0.05, "rule_floor": 0.03, "frame_penalty": 0.05,
         "phrase_weight": 0.03, "words_weight": 0.03}


def folds(genebot: bot.Bot) -> list[tuple[bot.Bot, list]]:
    """Each tuning file with a bot whose topic model never saw it (nor its rewordings)."""
    from topic_folds import fold_model, left_out_with

    from bot.curate.trainmodel import held_out
    from bot.curate.traintopics import plain_bot

    plain = plain_bot(ROOT)
    every = [p for p in sorted(EVAL.glob("*.yaml")) if not held_out(p)]
    out = []
    for path in TUNING:
        model = fold_model(plain, every, left_out_with(path.name, every), 2, 0.3)
        model = dataclasses.replace(model, agree_at=genebot.index.topic_model.agree_at,
                                    floor=genebot.index.topic_model.floor)
        fold = bot.Bot(dataclasses.replace(plain.content, topic_model=model))
        out.append((fold, load_cases(path)))
        print(f"{path.name}: fold trained", file=sys.stderr)
    return out


def score_folds(groups: list[tuple[bot.Bot, list]], settings: Settings) -> tuple[float, float, float]:
    """The search's score: the worse of in-scope accuracy and fallback rate counts twice."""
    right: Counter[bool] = Counter()
    total: Counter[bool] = Counter()
    for genebot, cases in groups:
        index = dataclasses.replace(genebot.index, settings=settings)
        for case in cases:
            outside = OUT_OF_SCOPE in case.expect
            total[outside] += 1
            # as `genebot eval` counts: a clarification is a miss
            right[outside] += classify(index, case.question).topic in case.expect
    a, b = right[False] / total[False], right[True] / total[True]
    return min(a, b) * 0.5 + (a + b) * 0.25, a, b


def sample(rng: random.Random, margin: float | None = None) -> Settings:
    w = [rng.random() for _ in range(3)]
    total = sum(w)
    clarify = rng.uniform(0.35, 0.65)
    return Settings(
        phrase_weight=round(w[0] / total, 3), words_weight=round(w[1] / total, 3),
        cover_weight=round(w[2] / total, 3),
        unknown_weight=round(rng.uniform(0.2, 1.2), 3),
        clarify_at=round(clarify, 3), answer_at=round(clarify + rng.uniform(0.0, 0.2), 3),
        margin=margin if margin is not None else round(rng.uniform(0.0, 0.08), 3),
        rule_floor=round(rng.uniform(0.0, 0.5), 3),
    )


def step(rng: random.Random, settings: Settings, margin: float | None = None) -> Settings:
    """Today's settings moved a little along one or two dials (the blend kept summing to 1)."""
    changes = {}
    for name in rng.sample(sorted(STEPS), rng.choice((1, 2))):
        changes[name] = round(getattr(settings, name) + rng.gauss(0.0, STEPS[name]), 3)
    moved = dataclasses.replace(settings, **changes)
    cover = round(1.0 - moved.phrase_weight - moved.words_weight, 3)
    moved = dataclasses.replace(moved, cover_weight=cover, clarify_at=min(moved.clarify_at, moved.answer_at))
    if margin is not None:
        moved = dataclasses.replace(moved, margin=margin)
    valid = all(0.0 <= getattr(moved, n) <= 1.0 for n in ("phrase_weight", "words_weight", "cover_weight"))
    return moved if valid else settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--margin", type=float,
        help="keep the clarify margin at this value (the score counts a clarification as a miss, "
        "so a free search drives the margin to zero and the bot stops asking 'did you mean')",
    )
    parser.add_argument("--local", action="store_true", help="step from today's settings, not sample afresh")
    parser.add_argument("--folds", action="store_true", help="answer each file with a topic model trained without it")
    args = parser.parse_args()
    genebot = bot.load()
    cases = [case for path in TUNING for case in load_cases(path)]
    rng = random.Random(args.seed)
    groups = folds(genebot) if args.folds else [(genebot, cases)]
    best = (score_folds(groups, genebot.index.settings), genebot.index.settings)
    print("current", best[0])
    for _ in range(args.trials):
        candidate = step(rng, best[1], args.margin) if args.local else sample(rng, args.margin)
        result = score_folds(groups, candidate)
        if result[0] > best[0][0]:
            best = (result, candidate)
            print(f"{result[0]:.4f} in={result[1]:.4f} out={result[2]:.4f} {candidate}")
    print("best", best)


if __name__ == "__main__":
    main()

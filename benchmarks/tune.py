"""Calibrate the classifier's dials on the tuning sets only: the team's development set and
the tuning parts of the real questions (tests/eval/dev.yaml, real-tune*.yaml).

The held-out sets (questions.yaml, real-heldout*.yaml, safety-heldout.yaml, safety-unseen.yaml)
are never used here, so their figures stay an honest estimate of unseen questions. Usage:

    python benchmarks/tune.py [--trials 300] [--seed 1]

Prints the best settings found by random search; copy them into bot/engine/index.py:Settings.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

import bot
from bot.curate.evaluate import load_cases
from bot.engine.catalog import OUT_OF_SCOPE
from bot.engine.classifier import classify
from bot.engine.index import Settings

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
TUNING = (EVAL / "dev.yaml", *sorted(EVAL.glob("real-tune*.yaml")))


def score(genebot: bot.Bot, settings: Settings, cases: list) -> tuple[float, float, float]:
    index = dataclasses.replace(genebot.index, settings=settings)
    inside = outside = n_in = n_out = 0
    for case in cases:
        result = classify(index, case.question)
        if OUT_OF_SCOPE in case.expect:
            n_out += 1
            outside += result.topic == OUT_OF_SCOPE
        else:
            n_in += 1
            inside += result.topic in case.expect  # as `genebot eval` counts: a clarification is a miss
    a, b = inside / n_in, outside / n_out
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--margin", type=float,
        help="keep the clarify margin at this value (the score counts a clarification as a miss, "
        "so a free search drives the margin to zero and the bot stops asking 'did you mean')",
    )
    args = parser.parse_args()
    genebot = bot.load()
    cases = [case for path in TUNING for case in load_cases(path)]
    rng = random.Random(args.seed)
    best = (score(genebot, genebot.index.settings, cases), genebot.index.settings)
    print("current", best[0])
    for _ in range(args.trials):
        candidate = sample(rng, args.margin)
        result = score(genebot, candidate, cases)
        if result[0] > best[0][0]:
            best = (result, candidate)
            print(f"{result[0]:.4f} in={result[1]:.4f} out={result[2]:.4f} {candidate}")
    print("best", best)


if __name__ == "__main__":
    main()

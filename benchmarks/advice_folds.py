"""Choose the advice reader's dials (genebot train-advice) by folds of whole tuning files.

Each fold trains the reader on four fifths of the tuning files and asks it about the fifth's
questions that the rules left alone: no personal-advice or emergency reply from the bot
without the reader, and an owner the rules would count. For each setting it prints how many
such questions the reader would turn personal ("n"), how many of those gain (personal-advice
is accepted and the reply was wrong: "+") and how many lose (the reply was right and
personal-advice is not accepted: "-"). With everyday files (``--everyday FILE``, as
train-advice takes them) each setting is also tried with their trained halves as questions
that are not personal, at each of ``--weights``, and a reader trained on all the tuning files
says how many lines of their untrained halves, left alone by the rules, it would decline as
personal ("everyday"). The content's example phrasings are trained on in every fold, as
train-advice trains on them. Held-out files are never read. Needs scikit-learn.

    python benchmarks/advice_folds.py [--folds 5] [--everyday FILE ...] [--weights 0 0.3]
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bot.curate.evaluate import load_cases
from bot.curate.trainadvice import Question, example_questions, labelled_questions, train_advice
from bot.curate.trainmodel import bot_without, halves, tuning_sets
from bot.engine.advicemodel import ADVICE_MODEL
from bot.engine.catalog import ADVICE, EMERGENCY
from bot.engine.context import Hit
from bot.engine.personal import owned

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.7, 0.8, 0.85, 0.9, 0.95)
Asked = tuple[Path, str, tuple[str, ...], bool]  # file, question, accepted topics, reply right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--everyday", action="append", type=Path, default=[], metavar="FILE")
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0], help="weights of an everyday line")
    parser.add_argument("--min-df", type=int, nargs="+", default=[2, 3, 5])
    parser.add_argument("--penalty", type=float, nargs="+", default=[1.0, 4.0, 16.0])
    args = parser.parse_args()
    genebot = bot_without(ROOT, ADVICE_MODEL)
    scan = genebot.index.safety

    def left_alone(text: str) -> bool:
        """Whether the rules leave the message to the reader: no advice or emergency, an owner."""
        if genebot.reply(text)[0].kind in ("advice", "emergency"):
            return False
        words = scan.words(text)
        by_kind: dict[str, list[Hit]] = defaultdict(list)
        for hit in scan.hits(words):
            by_kind[hit.kind].append(hit)
        return owned(words, by_kind)

    files = tuning_sets(ROOT, [])
    random.Random(1).shuffle(files)
    fold = {f: i % args.folds for i, f in enumerate(files)}
    asked: list[Asked] = [(f, case.question, case.expect, genebot.reply(case.question)[0].topic in case.expect)
                          for f in files for case in load_cases(f)
                          if EMERGENCY not in case.expect and left_alone(case.question)]
    trained_half: list[str] = []
    untrained_half: list[str] = []
    for path in args.everyday:
        first, second = halves(path)
        trained_half += first[:10_000]
        untrained_half += [line for line in second if left_alone(line)]
    for weight in args.weights:
        ordinary: list[Question] = [(line, 0, weight) for line in trained_half] if weight > 0 else []
        ordinary += example_questions(genebot.content)
        for min_df in args.min_df:
            for penalty in args.penalty:
                cells = setting(asked, files, fold, ordinary, untrained_half, scan.words, min_df, penalty)
                print(f"weight {weight} min_df {min_df} penalty {penalty:>4}: {cells}", flush=True)


def setting(asked: list[Asked], files: list[Path], fold: dict[Path, int], ordinary: list[Question],
            untrained: list[str], words: Callable[[str], list[str]], min_df: int, penalty: float) -> str:
    """One setting's counts at each threshold, over the folds (and the everyday lines)."""
    totals = {t: [0, 0, 0] for t in THRESHOLDS}
    for k in sorted(set(fold.values())):
        tested = [a for a in asked if fold[a[0]] == k]
        if not tested:
            continue
        train = [q for f in files if fold[f] != k for q in labelled_questions(f)] + ordinary
        vectorizer, model = train_advice(train, words, min_df, penalty)
        chances = model.predict_proba(vectorizer.transform([a[1] for a in tested]))[:, 1]
        for (_, _, expect, right), chance in zip(tested, chances, strict=True):
            for t in THRESHOLDS:
                if chance >= t:
                    totals[t][0] += 1
                    totals[t][1] += ADVICE in expect and not right
                    totals[t][2] += right and ADVICE not in expect
    everyday = dict.fromkeys(THRESHOLDS, 0)
    if untrained:
        vectorizer, model = train_advice([q for f in files for q in labelled_questions(f)] + ordinary,
                                         words, min_df, penalty)
        for chance in model.predict_proba(vectorizer.transform(untrained))[:, 1]:
            for t in THRESHOLDS:
                everyday[t] += chance >= t
    return "  ".join(f"{t}: {n} +{g} -{lost}" + (f" everyday {everyday[t]}" if untrained else "")
                     for t, (n, g, lost) in totals.items())


if __name__ == "__main__":
    main()

"""How the learned topic model does on questions it was not trained on, using tuning files only.

Each tuning file is left out in turn: the model is trained on the examples and every other
tuning file (`genebot train-topics`, as it ships), then the bot answers the left-out file with
it and without it. A question the model turned from a miss into a right answer is "fixed"; one
it turned from right into wrong is "broken" (mostly an out-of-scope question answered with a
nearby topic instead of the honest fallback). The rewordings were written from other tuning
files' questions, so a rewording file and its originals are left out together.

    python benchmarks/topic_folds.py                                  # every tuning file
    python benchmarks/topic_folds.py --agree-at 0.3,0.4,0.5 --floor 0.5,0.6 real-tune*.yaml dev.yaml

It prints, per setting and per kind of file (real questions, rewordings, the safety sets'
questions), the questions fixed and broken. Held-out files are refused. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.curate.evaluate import evaluate, load_cases  # noqa: E402
from bot.curate.trainmodel import held_out  # noqa: E402
from bot.curate.traintopics import examples, fit, plain_bot, questions, topic_document  # noqa: E402
from bot.engine.bot import Bot  # noqa: E402
from bot.engine.topicload import load_topic_model  # noqa: E402
from bot.engine.topicmodel import TOPIC_MODEL, TopicModel  # noqa: E402

EVAL = ROOT / "tests" / "eval"
# A rewording file and the file(s) its questions were written from: left out together.
REWORDED_FROM = {"paraphrase-tune.yaml": "real-tune", "paraphrase-tune-2.yaml": "dev.yaml"}


def kind_of(name: str) -> str:
    if name.startswith("paraphrase"):
        return "reworded"
    return "real" if name.startswith("real") or name == "dev.yaml" else "safety sets"


def left_out_with(name: str, files: list[Path]) -> set[str]:
    """The files left out when `name` is: itself and its rewordings or originals."""
    out = {name}
    for reworded, origin in REWORDED_FROM.items():
        if name == reworded:
            out |= {p.name for p in files if p.name.startswith(origin)}
        elif name.startswith(origin):
            out.add(reworded)
    return out


def fold_model(plain: Bot, files: list[Path], left_out: set[str], min_df: int, prune: float) -> TopicModel:
    """The model trained without the left-out files, read back as the bot reads it."""
    rows = examples(plain)
    for path in files:
        if path.name not in left_out:
            rows += questions(plain, path)
    vectorizer, model = fit(rows, min_df)
    document = topic_document(vectorizer, model, prune, 0.5, 0.5, [{"file": "fold", "sha256": "-"}])
    with tempfile.TemporaryDirectory(prefix="genebot-folds-") as tmp:
        (Path(tmp) / TOPIC_MODEL).parent.mkdir(parents=True)
        (Path(tmp) / TOPIC_MODEL).write_text(document, encoding="utf-8")
        loaded, problems = load_topic_model(Path(tmp), plain.content.topics)
    if loaded is None:
        raise SystemExit(f"fold model did not load: {problems[:3]}")
    return loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="tuning files to leave out in turn (default: all)")
    parser.add_argument("--agree-at", default="0.3,0.4,0.5")
    parser.add_argument("--floor", default="0.5,0.55,0.6")
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--prune", type=float, default=0.3)
    args = parser.parse_args()
    tuning = [p for p in sorted(EVAL.glob("*.yaml")) if not held_out(p)]
    chosen = [EVAL / Path(f).name for f in args.files] or tuning
    if any(held_out(p) for p in chosen):
        raise SystemExit("held-out files are counted, never trained or tuned on")
    plain = plain_bot(ROOT)
    settings = [(float(a), float(f)) for a in args.agree_at.split(",") for f in args.floor.split(",")]
    fixed: Counter[tuple[float, float, str]] = Counter()
    broken: Counter[tuple[float, float, str]] = Counter()
    for path in chosen:
        cases = load_cases(path)
        before = evaluate(plain, cases).results
        model = fold_model(plain, tuning, left_out_with(path.name, tuning), args.min_df, args.prune)
        with_model = Bot(replace(plain.content, topic_model=model))
        for agree_at, floor in settings:
            with_model.index = replace(with_model.index, topic_model=replace(model, agree_at=agree_at, floor=floor))
            after = evaluate(with_model, cases).results
            for was, now in zip(before, after, strict=True):
                if now.correct and not was.correct:
                    fixed[agree_at, floor, kind_of(path.name)] += 1
                elif was.correct and not now.correct:
                    broken[agree_at, floor, kind_of(path.name)] += 1
        print(f"{path.name}: done", file=sys.stderr)
    kinds = sorted({kind_of(p.name) for p in chosen})
    print("agree_at floor  " + "  ".join(f"{k:>20}" for k in kinds) + "   (fixed/broken)")
    for agree_at, floor in settings:
        cells = [f"{fixed[agree_at, floor, k]:>9}/{broken[agree_at, floor, k]:<10}" for k in kinds]
        print(f"{agree_at:<8} {floor:<5}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

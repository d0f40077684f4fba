"""How the learned emergency reader does on messages it was not trained on, using tuning files only.

Each named tuning file is left out in turn: the model is trained on every other tuning file
(and the everyday files), then asked about the left-out file's messages. It is compared with
the lexicon as it stood when that file arrived (the commit that added it, found with git), so
the question is the one that matters (the model is written as content, loaded and asked as the
bot asks it): of the emergencies a fresh file brought and the lexicon
missed, how many would the model have caught, and for how many new false alarms? The model
speaks only where the arrival lexicon knew none of the message's danger words, as in the bot.

    python benchmarks/model_folds.py --everyday epie-idioms.txt --everyday sad-stress-sentences.txt ...
    python benchmarks/model_folds.py safety-tune-13.yaml safety-tune-14.yaml --thresholds 0.7,0.8,0.9
    python benchmarks/model_folds.py --veto 0.02,0.05,0.1 --everyday ... safety-tune-*.yaml

With --veto the other question: the model may overrule a medical alarm of the lexicon it is all
but sure is ordinary. For each left-out file, how many of today's lexicon's medical alarms there
(true and false) would a model trained without the file overrule, at each veto level? Today's
lexicon was tuned on these files, so its false alarms there are the hard ones left; the count
that matters is the true emergencies lost, which the fold model has not seen.

With --letters the letter reader instead (bot/engine/lettermodel.py, for messages in another
language): trained without each left-out file, what does it add to today's bot without it (the
lexicon and the word model, read as the bot reads them), at each threshold? Today's content was
tuned on the older files, so fold over the files that arrived since the content last changed.

    python benchmarks/model_folds.py --letters --everyday ... safety-tune-28.yaml safety-tune-29.yaml

With --splits the rule that sends each training message to one reader: both readers are trained
without each left-out file, once for each way of telling English from another language, and the
bot with both is asked about the file. "today" is this tree's scan, a commit is that commit's
scan (the split a model trained then was made with), "all" gives the word model every message
and the letter reader today's.
A model's figures on the files it was trained on say what it remembers; these say what it learned.

    python benchmarks/model_folds.py --splits today,83e3277,all --everyday ... --phrases ... safety-tune-27.yaml

Held-out files are refused, as `genebot train-model` refuses them. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from checkout import checked_out

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.curate.trainmodel import (  # noqa: E402
    LETTER_MIN_ORDINARY,
    add_arguments,
    bot_with,
    bot_without,
    by_language,
    everyday,
    held_out,
    labelled,
    language_phrases,
    letter_document,
    model_document,
    ordinary_scripts,
    phrases,
    train,
    train_letters,
    word_document,
)
from bot.engine.lettermodel import LETTER_MODEL, letter_features, letters, speaks_in  # noqa: E402
from bot.engine.modelload import load_model  # noqa: E402
from bot.engine.textmodel import MODEL, SafetyModel  # noqa: E402

EVAL = ROOT / "tests" / "eval"
LATEST = ("safety-tune-10.yaml", "safety-tune-11.yaml", "safety-tune-12.yaml", "safety-tune-13.yaml",
          "safety-tune-14.yaml", "safety-tune-15.yaml")

# Run with the arrival commit's code and content: for each message, whether its lexicon called
# an emergency, and whether it found danger words of its own (which the model never overrules).
_ARRIVAL = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bot.engine.bot import Bot
from bot.engine.content import load_content
scan = Bot(load_content(sys.argv[1])).index.safety
if hasattr(scan, "model"):  # a commit that already ships a model: the lexicon alone is what it is compared with
    scan.model = None
out = []
for text in json.load(sys.stdin):
    kinds = {h.kind for h in scan.hits(scan.words(text))}
    out.append([scan.scan(text).topic == "emergency", bool(kinds & {"weak", "concept", "pseudo"})])
print(json.dumps(out))
"""


# Run with another commit's code and content: whether its scan tells each message another language.
_SPLIT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bot.engine.bot import Bot
from bot.engine.content import load_content
scan = Bot(load_content(sys.argv[1])).index.safety
print(json.dumps([scan.other_language(t) for t in json.load(sys.stdin)]))
"""


def arrival_commit(name: str) -> str:
    log = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--", f"tests/eval/{name}"],
                         capture_output=True, text=True, check=True).stdout.split()
    if not log:
        raise SystemExit(f"model_folds: {name} is not in git history")
    return log[-1]


def arrival_reading(name: str, texts: list[str]) -> list[tuple[bool, bool]]:
    with checked_out(arrival_commit(name)) as code:
        out = subprocess.run([sys.executable, "-c", _ARRIVAL, str(code)], input=json.dumps(texts), text=True,
                             capture_output=True, check=True, timeout=1800)
    return [(bool(a), bool(b)) for a, b in json.loads(out.stdout)]


def engine_model(vectorizer: Any, model: Any) -> SafetyModel:
    """The fold's model as the bot reads it: written as content, loaded and checked."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / MODEL).parent.mkdir(parents=True)
        (Path(tmp) / MODEL).write_text(model_document(vectorizer, model, 0.8, [{"file": "fold"}]), encoding="utf-8")
        reader, problems = load_model(Path(tmp))
    assert reader is not None, problems
    return reader


def fold_reader(name: str, tuning: list[Path], extra: list[tuple[str, str, float]], words: Any) -> SafetyModel:
    """The model trained on every tuning file but `name` (and the everyday lines), as the bot reads it:
    on the messages in English, as `genebot train-model` trains it."""
    rows = [(m, c, 1.0) for p in tuning if p.name != name for m, c in labelled(p)] + extra
    return engine_model(*train(by_language(_scanner(), rows)[0], words, 5))


@functools.cache
def _scanner() -> Any:
    return bot_without(ROOT, MODEL).index.safety


def veto_folds(names: list[str], tuning: list[Path], extra: list[tuple[str, str, float]], words: Any,
               levels: list[float]) -> None:
    from bot.engine.bot import Bot
    from bot.engine.content import load_content

    scan = Bot(load_content(ROOT)).index.safety
    lost = {v: [0, 0] for v in levels}  # true emergencies overruled, false alarms overruled
    alarms = [0, 0]
    for name in names:
        reader = fold_reader(name, tuning, extra, words)
        for text, cls in labelled(EVAL / name):
            scan.model = replace(reader, veto_below=0.0)
            alone = scan.scan(text)
            if alone.topic != "emergency" or alone.learned or alone.urgency != "medical":
                continue
            alarms[cls == "none"] += 1
            for v in levels:
                scan.model = replace(reader, veto_below=v)
                if scan.scan(text).topic != "emergency":
                    lost[v][cls == "none"] += 1
        print(f"model_folds: {name} done", file=sys.stderr)
    for v in levels:
        print(f"veto below {v}: {lost[v][0]} of {alarms[0]} true medical alarms lost; "
              f"{lost[v][1]} of {alarms[1]} false medical alarms removed")


def letter_folds(names: list[str], tuning: list[Path], extra: list[tuple[str, str, float]],
                 phrase_rows: list[tuple[str, str, float]], thresholds: list[float], min_ordinary: int) -> None:
    from bot.engine.bot import Bot
    from bot.engine.content import load_content

    scan = Bot(load_content(ROOT)).index.safety
    scan.letter_model = None
    totals = {t: [0, 0] for t in thresholds}  # emergencies caught, new false alarms
    misses = ordinary = 0
    for name in names:
        rows = [(m, c, 1.0) for p in tuning if p.name != name for m, c in labelled(p)] + extra
        messages = by_language(scan, rows)[1] + phrase_rows
        vectorizer, model = train_letters(messages)
        reader = engine_model(vectorizer, model)
        scripts = ordinary_scripts(messages, min_ordinary)
        for text, cls in labelled(EVAL / name):
            emergency = cls != "none"
            ordinary += not emergency
            verdict = scan.scan(text)
            if verdict.topic == "emergency" or verdict.judged:
                continue
            misses += emergency
            words = letters(text)
            if not scan.other_language(text) or not speaks_in(words, scripts):
                continue
            for t in thresholds:
                if replace(reader, threshold=t).judged(letter_features(words)):
                    totals[t][0 if emergency else 1] += 1
        print(f"model_folds: {name} done", file=sys.stderr)
    for t in thresholds:
        caught, alarms = totals[t]
        print(f"letters, threshold {t}: caught {caught} of the {misses} emergencies today's bot misses; "
              f"{alarms} new false alarms among {ordinary} ordinary messages")


def split_at(revision: str, texts: list[str]) -> dict[str, bool]:
    """Whether the scan of `revision` ("today" or "all": this tree) tells each text another language."""
    if revision in ("today", "all"):
        return {t: _scanner().other_language(t) for t in texts}
    with checked_out(revision) as code:
        out = subprocess.run([sys.executable, "-c", _SPLIT, str(code)], input=json.dumps(texts), text=True,
                             capture_output=True, check=True, timeout=1800)
    return dict(zip(texts, json.loads(out.stdout), strict=True))


def fold_bot(english: list[tuple[str, str, float]], other: list[tuple[str, str, float]]) -> Any:
    """The bot with both readers trained on these messages, written and loaded as content, with
    `genebot train-model`'s settings."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    settings = parser.parse_args([])
    fold = [{"file": "fold"}]
    return bot_with(ROOT, {
        MODEL: word_document(*train(english, _scanner().words, settings.min_df), settings, fold),
        LETTER_MODEL: letter_document(*train_letters(other), settings, fold,
                                      ordinary_scripts(other, settings.letter_min_ordinary)),
    })


def split_folds(names: list[str], tuning: list[Path], extra: list[tuple[str, str, float]],
                phrase_rows: list[tuple[str, str, float]], splits: list[str]) -> None:
    rows_of = {p.name: [(m, c, 1.0) for m, c in labelled(p)] for p in tuning}
    texts = sorted({m for rows in rows_of.values() for m, _, _ in rows} | {m for m, _, _ in extra})
    told = {s: split_at(s, texts) for s in splits}
    totals = {s: [0, 0, 0, 0] for s in splits}  # emergencies caught, emergencies, false alarms, ordinary
    for name in names:
        rows = [r for p in tuning if p.name != name for r in rows_of[p.name]] + extra
        for s in splits:
            other = [r for r in rows if told[s][r[0]]]
            english = rows if s == "all" else [r for r in rows if not told[s][r[0]]]
            scan = fold_bot(english, other + phrase_rows).index.safety
            counts = [0, 0, 0, 0]
            for text, cls, _ in rows_of[name]:
                alarm = scan.scan(text).topic == "emergency"
                counts[0 if cls != "none" else 2] += alarm
                counts[1 if cls != "none" else 3] += 1
            totals[s] = [a + b for a, b in zip(totals[s], counts, strict=True)]
            print(f"{name}, split {s}: caught {counts[0]} of {counts[1]} emergencies; "
                  f"{counts[2]} false alarms among {counts[3]} ordinary messages", flush=True)
    for s in splits:
        caught, emergencies, alarms, ordinary = totals[s]
        print(f"split {s}, all left-out files: caught {caught} of {emergencies} emergencies; "
              f"{alarms} false alarms among {ordinary} ordinary messages")


def letter_phrases(args: argparse.Namespace) -> list[tuple[str, str, float]]:
    """The phrases the letter reader trains on besides the messages: --phrases files and, at
    --language-weight, the lexicon's language files (read only by the modes that train it)."""
    rows = [(m, c, 1.0) for p in args.phrases for m, c in phrases(p)]
    if args.language_weight > 0:
        rows += [(m, c, args.language_weight) for found in language_phrases(ROOT, _scanner().lexicon).values()
                 for m, c in found]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=list(LATEST), help="tuning files to leave out in turn")
    parser.add_argument("--everyday", action="append", type=Path, default=[], metavar="FILE")
    parser.add_argument("--everyday-cap", type=int, default=10_000, help="lines taken from each everyday file")
    parser.add_argument("--thresholds", default="0.6,0.7,0.8,0.9")
    parser.add_argument("--letters", action="store_true", help="fold the letter reader instead")
    parser.add_argument("--phrases", action="append", type=Path, default=[], metavar="TSV",
                        help="danger phrases the letter reader also trains on")
    parser.add_argument("--letter-min-ordinary", type=int, default=LETTER_MIN_ORDINARY,
                        help="ordinary messages in a script the letter reader needs to speak in it (0: any)")
    parser.add_argument("--language-weight", type=float, default=0.5,
                        help="weight of the lexicon's language-file phrases for the letter reader (0: none)")
    parser.add_argument("--splits", metavar="RULES", help="compare ways of splitting the training messages between "
                        "the readers: today, a commit, all (comma-separated)")
    parser.add_argument("--veto", metavar="LEVELS", help="count what overruling medical alarms would cost, "
                        "at these veto levels (comma-separated)")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    if any(held_out(Path(f)) for f in args.files):
        raise SystemExit("model_folds: held-out files are counted, never trained or tuned on")
    words = _scanner().words
    tuning = sorted(p for p in EVAL.glob("*.yaml") if not held_out(p))
    extra = [(m, "none", 0.3) for e in args.everyday for m in everyday(e, args.everyday_cap)]
    if args.splits:
        split_folds(args.files, tuning, extra, letter_phrases(args), args.splits.split(","))
        return 0
    if args.letters:
        letter_folds(args.files, tuning, extra, letter_phrases(args), thresholds, args.letter_min_ordinary)
        return 0
    if args.veto:
        veto_folds(args.files, tuning, extra, words, [float(v) for v in args.veto.split(",")])
        return 0
    totals = {t: [0, 0] for t in thresholds}  # emergencies caught, new false alarms
    misses = ordinary = 0
    for name in args.files:
        rows = labelled(EVAL / name)
        reader = fold_reader(name, tuning, extra, words)
        reading = arrival_reading(name, [m for m, _ in rows])
        for (text, cls), (alarm, judged) in zip(rows, reading, strict=True):
            emergency = cls != "none"
            misses += emergency and not alarm
            ordinary += not emergency
            if alarm or judged:
                continue
            scan = words(text)
            for t in thresholds:  # the bot's own decision (bot/engine/textmodel.py), at each threshold
                if replace(reader, threshold=t).urgency(scan):
                    totals[t][0 if emergency else 1] += 1
        print(f"model_folds: {name} done", file=sys.stderr)
    for t in thresholds:
        caught, alarms = totals[t]
        print(f"threshold {t}: caught {caught} of the {misses} emergencies the lexicon missed at arrival; "
              f"{alarms} new false alarms among {ordinary} ordinary messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

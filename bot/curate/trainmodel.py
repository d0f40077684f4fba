"""`genebot train-model`: train the learned emergency reader and write it as content.

Its positives and look-alikes are the labelled messages of the tuning sets under tests/eval
(never a held-out one: a file whose name says ``heldout`` or ``unseen``, or questions.yaml);
everyday text that is no emergency (``--everyday FILE``, one message a line, e.g. idioms or
stress diaries) keeps it from learning that anything unlike a gene-therapy question is one.
Of each everyday file it takes every other line of a seeded shuffle, so the other half stays
free to count false alarms on.

Training uses scikit-learn (``pip install 'genebot[train]'``), a curator's tool only: the bot
reads the weights with bot/engine/textmodel.py and needs no numerical library.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..engine.bot import Bot
from ..engine.catalog import EMERGENCY
from ..engine.content import load_content
from ..engine.errors import UsageError
from ..engine.lettermodel import LETTER_MODEL, letter_features, letters, script
from ..engine.lexicon import SafetyLexicon
from ..engine.lexiconlanguages import LANGUAGES
from ..engine.safety import SafetyScanner
from ..engine.textmodel import CLASSES, MODEL, features
from .evaluate import load_cases

__all__ = ["LETTER_MIN_ORDINARY", "add_arguments", "bot_with", "bot_without", "by_language", "corpus", "everyday",
           "fit_logistic", "halves", "held_out", "labelled", "language_phrases", "letter_document", "model_document",
           "model_dumper", "ordinary_scripts", "provenance", "rounded", "run", "train", "train_letters", "tuning_sets",
           "word_document"]

SEED = 1
LETTER_MIN_ORDINARY = 500  # ordinary messages in a script the letter reader needs to speak in it
Message = tuple[str, str, float]  # text, class, weight


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sets", nargs="*", type=Path,
                        help="labelled tuning files (default: every tuning file in tests/eval)")
    parser.add_argument("--everyday", action="append", type=Path, default=[], metavar="FILE",
                        help="ordinary text, one message a line, read as no emergency (repeatable)")
    parser.add_argument("--phrases", action="append", type=Path, default=[], metavar="TSV",
                        help="danger phrases in other languages (language, concept, phrase, source), read as "
                             "the emergency their concept names (repeatable; benchmarks/probes/danger-phrases.tsv)")
    parser.add_argument("--language-weight", type=float, default=0.5,
                        help="weight of a phrase of the lexicon's language files in the letter reader's training "
                             "(0: leave them out; set by benchmarks/model_folds.py --letters)")
    parser.add_argument("--everyday-cap", type=int, default=10_000, help="lines taken from each everyday file")
    parser.add_argument("--everyday-weight", type=float, default=0.3, help="weight of an everyday line")
    parser.add_argument("--threshold", type=float, default=0.8,
                        help="emergency probability from which the model speaks (set by folds over the tuning files)")
    parser.add_argument("--veto-below", type=float, default=0.05,
                        help="below this emergency probability the model overrules a lexicon's medical alarm "
                             "(0: never; measured with benchmarks/model_folds.py --veto)")
    parser.add_argument("--min-words", type=int, default=4, help="the fewest words the model judges")
    parser.add_argument("--min-df", type=int, default=5, help="an n-gram must occur in this many messages")
    parser.add_argument("--output", type=Path, help=f"where to write (default: CONTENT/{MODEL})")
    parser.add_argument("--letter-threshold", type=float, default=0.75,
                        help="emergency probability from which the letter reader speaks on a message in another "
                             "language (set by benchmarks/model_folds.py --letters)")
    parser.add_argument("--letter-seconds", type=float, default=0.45,
                        help="emergency probability from which the letter reader seconds the word model's call on a "
                             "message in another language (0: that call stands alone; chosen on the tuning sets, "
                             "docs/safety.md)")
    parser.add_argument("--letter-min-ordinary", type=int, default=LETTER_MIN_ORDINARY,
                        help="ordinary messages in a script the letter reader needs to speak in it "
                             "(set by benchmarks/model_folds.py --letters)")
    parser.add_argument("--letter-output", type=Path, help=f"where to write it (default: CONTENT/{LETTER_MODEL})")


def held_out(path: Path) -> bool:
    return "heldout" in path.name or "unseen" in path.name or path.name == "questions.yaml"


def tuning_sets(root: Path, named: list[Path]) -> list[Path]:
    """The files to train on: those named, or every tuning file under tests/eval; never a
    held-out one."""
    sets = named or [p for p in sorted((root / "tests" / "eval").glob("*.yaml")) if not held_out(p)]
    if not sets:
        raise UsageError(f"no tuning files found in {root / 'tests' / 'eval'}")
    for s in sets:
        if held_out(s):
            raise UsageError(f"{s} is a held-out set: it is counted, never trained on")
    return sets


def labelled(path: Path) -> list[tuple[str, str]]:
    """(message, class) of a tests/eval file: an emergency's urgency, or "none"."""
    return [(c.question, (c.urgency or "medical") if EMERGENCY in c.expect else "none") for c in load_cases(path)]


def corpus(path: Path) -> list[str]:
    """A corpus's messages: a YAML list of {text, source} (benchmarks/probes/) or one a line."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".yaml", ".yml"):
        return [str(item["text"]).strip() for item in yaml.safe_load(text)]
    return [line.strip() for line in text.splitlines() if line.strip()]


# The concepts of a phrase file that are a mental-health crisis; the others are medical.
CRISIS_CONCEPTS = frozenset({"suicidal", "self_harm", "plan_means", "goodbye", "hopeless_burden"})


def phrases(path: Path) -> list[tuple[str, str]]:
    """(phrase, class) of a phrase file: a TSV of language, concept (or class), phrase and source."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"))
    if not rows or "phrase" not in rows[0] or not {"concept", "class"} & set(rows[0]):
        raise UsageError(f"{path}: a phrase file needs the columns 'phrase' and 'concept' or 'class'")
    if "class" in rows[0]:
        wrong = next((r["class"] for r in rows if r["class"] not in CLASSES), None)
        if wrong is not None:
            raise UsageError(f"{path}: unknown class {wrong!r} (expected one of {', '.join(CLASSES)})")
        return [(r["phrase"], r["class"]) for r in rows if r["phrase"]]
    return [(r["phrase"], "crisis" if r["concept"] in CRISIS_CONCEPTS else "medical") for r in rows if r["phrase"]]


def language_phrases(root: Path, lexicon: SafetyLexicon) -> dict[Path, list[tuple[str, str]]]:
    """(phrase, class) of each language file of the lexicon (intents/lexicon/languages/): its
    concepts' phrases as their urgency; its figures of speech, disclaimers and the owners and
    frames of personal advice as none. The lexicon finds a phrase only as written; the letter
    reader learns from them what the inflections and other spellings of their words share
    ("me voy a matar" and "matarme"). Without the ordinary phrases beside the 8,900 emergency
    ones, it learned a short phrase in another language as danger."""
    urgency = {c.id: c.urgency for c in lexicon.concepts if c.urgency in CLASSES}
    found: dict[Path, list[tuple[str, str]]] = {}
    for path in sorted((root / LANGUAGES).glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rows = [(_plain(t), urgency[cid]) for cid, terms in (doc.get("concepts") or {}).items()
                if cid in urgency for t in terms or ()]
        personal = doc.get("personal") or {}
        ordinary = [*(doc.get("pseudo") or ()), *(doc.get("disclaimers") or ()),
                    *(personal.get("owners") or ()), *(personal.get("frames") or ())]
        rows += [(_plain(t), "none") for t in ordinary]
        found[path] = [(m, c) for m, c in rows if m]
    return found


def _plain(phrase: object) -> str:
    """A phrase as words: no gap marks ("*") or slots ("{medicine}"), which are the lexicon's."""
    return " ".join(w for w in str(phrase).split() if w != "*" and not w.startswith("{"))


def halves(path: Path) -> tuple[list[str], list[str]]:
    """A corpus in two halves (every other message of a seeded shuffle): the first is trained
    on, the second never is, and stays free to count false alarms on."""
    lines = corpus(path)
    random.Random(SEED).shuffle(lines)
    return lines[::2], lines[1::2]


def everyday(path: Path, cap: int) -> list[str]:
    """The trained half of a corpus, at most `cap` messages."""
    return halves(path)[0][:cap]


def fit_logistic(texts: Sequence[Any], labels: Sequence[Any], analyzer: Callable[[Any], list[str]], min_df: int,
                 penalty: float, weights: Sequence[float] | None = None, balanced: bool = False) -> tuple[Any, Any]:
    """Sublinear tf-idf over ``analyzer``'s features, then logistic regression: (vectorizer,
    classifier). The arithmetic every learned reader of the engine writes out (textmodel.py,
    lettermodel.py, advicemodel.py, topicmodel.py)."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise UsageError("training needs scikit-learn: pip install 'genebot[train]'") from None
    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=min_df, sublinear_tf=True)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=penalty, max_iter=3000, class_weight="balanced" if balanced else None)
    model.fit(x, labels, sample_weight=weights)
    return vectorizer, model


def train(messages: list[tuple[str, str, float]], words: Callable[[str], list[str]], min_df: int) -> tuple[Any, Any]:
    """Fit the vectorizer over the scan's words and the classifier: (vectorizer, classifier)."""
    y = [CLASSES.index(c) for _, c, _ in messages]
    if len(set(y)) != len(CLASSES):
        raise UsageError(f"training needs messages of every class ({', '.join(CLASSES)}); "
                         f"these files have only {', '.join(sorted({c for _, c, _ in messages}))}")
    return fit_logistic([m for m, _, _ in messages], y, lambda text: features(words(text)), min_df, 4,
                        [w for _, _, w in messages], balanced=True)


def train_letters(messages: list[tuple[str, str, float]], min_df: int = 3) -> tuple[Any, Any]:
    """Fit the letter reader (lettermodel.py) on the same messages: (vectorizer, classifier).
    Not balanced by class, and a weaker penalty than the word model's: folds over the
    multilingual tuning files caught more for fewer false alarms so."""
    return fit_logistic([m for m, _, _ in messages], [CLASSES.index(c) for _, c, _ in messages],
                        lambda text: letter_features(letters(text)), min_df, 3, [w for _, _, w in messages])


def model_document(
    vectorizer: Any, model: Any, threshold: float, trained_on: list[dict[str, Any]], min_words: int = 4,
    veto_below: float = 0.0, reader: str = "textmodel.py", scripts: list[str] | None = None,
    seconds: float | None = None,
) -> str:
    """The YAML text of a trained model, stable from run to run (sorted features, fixed digits)."""
    coef = model.coef_
    weights = "".join(
        f"{gram} {rounded(vectorizer.idf_[i])} {' '.join(str(rounded(coef[k][i])) for k in range(len(CLASSES)))}\n"
        for gram, i in sorted(vectorizer.vocabulary_.items())
    )
    head = (
        f"# A learned emergency reader (bot/engine/{reader}). Generated by `genebot train-model`:\n"
        "# do not edit by hand. Each line of weights: a feature (a word or word pair as the safety scan\n"
        "# reads it, or a run of letters), its idf, then its weight for none, crisis and medical.\n"
    )
    body = {
        "version": 1, "classes": list(CLASSES), "threshold": threshold, "veto_below": veto_below,
        "min_words": min_words, **({"scripts": scripts} if scripts is not None else {}),
        **({"seconds": seconds} if seconds is not None else {}),
        "intercepts": [rounded(v) for v in model.intercept_], "trained_on": trained_on, "weights": weights,
    }
    return head + yaml.dump(body, Dumper=model_dumper(), sort_keys=False, allow_unicode=True, width=1000)


def word_document(vectorizer: Any, model: Any, args: argparse.Namespace, trained_on: list[dict[str, Any]]) -> str:
    """The word model's file, with the settings of `args` (add_arguments)."""
    return model_document(vectorizer, model, args.threshold, trained_on, args.min_words, args.veto_below)


def letter_document(vectorizer: Any, model: Any, args: argparse.Namespace, trained_on: list[dict[str, Any]],
                    scripts: list[str]) -> str:
    """The letter reader's file, with the settings of `args` (add_arguments)."""
    return model_document(vectorizer, model, args.letter_threshold, trained_on, 1, 0.0, "lettermodel.py", scripts,
                          args.letter_seconds)


def run(args: argparse.Namespace) -> int:
    root = Path(args.content or ".")
    sets = tuning_sets(root, args.sets)
    messages: list[tuple[str, str, float]] = []
    trained_on: list[dict[str, Any]] = []
    for s in sets:
        rows = labelled(s)
        messages += [(m, c, 1.0) for m, c in rows]
        trained_on.append({**provenance(s, root), "messages": len(rows)})
    for e in args.everyday:
        lines = everyday(e, args.everyday_cap)
        messages += [(m, "none", args.everyday_weight) for m in lines]
        trained_on.append({**provenance(e, root), "messages": len(lines), "weight": args.everyday_weight})
    scan = bot_without(root, MODEL).index.safety
    english, other = by_language(scan, messages)
    vectorizer, model = train(english, scan.words, args.min_df)
    out = args.output or root / MODEL
    out.write_text(word_document(vectorizer, model, args, trained_on), encoding="utf-8")
    print(f"wrote {out}: {len(vectorizer.vocabulary_)} words and word pairs from {len(english)} messages in English")
    for p in args.phrases:  # the letter reader's alone: the word model reads English
        rows = phrases(p)
        other += [(m, c, 1.0) for m, c in rows]
        trained_on = [*trained_on, {**provenance(p, root), "messages": len(rows)}]
    if args.language_weight > 0:
        for path, rows in language_phrases(root, scan.lexicon).items():
            other += [(m, c, args.language_weight) for m, c in rows]
            trained_on = [*trained_on, {**provenance(path, root), "messages": len(rows),
                                        "weight": args.language_weight}]
    if len({c for _, c, _ in other}) < 2:
        print(f"no letter model written: the files hold too few messages in another language ({len(other)})")
        return 0
    vectorizer, model = train_letters(other)
    out = args.letter_output or root / LETTER_MODEL
    scripts = ordinary_scripts(other, args.letter_min_ordinary)
    out.write_text(letter_document(vectorizer, model, args, trained_on, scripts), encoding="utf-8")
    print(f"wrote {out}: {len(vectorizer.vocabulary_)} runs of letters from {len(other)} messages, "
          f"speaking in {len(scripts)} scripts")
    return 0


def ordinary_scripts(messages: list[Message], least: int) -> list[str]:
    """The scripts (lettermodel.script) with at least `least` ordinary messages among these: the
    letter reader speaks in them alone. With little but danger phrases in a script (Punjabi's
    Gurmukhi, Amharic's Ge'ez) it learned the script itself as danger."""
    counts = Counter(script(letters(m)) for m, c, _ in messages if c == "none")
    return sorted(s for s, n in counts.items() if s is not None and n >= least)


def by_language(scan: SafetyScanner, messages: list[Message]) -> tuple[list[Message], list[Message]]:
    """(in English, in another language), as the scan tells them (lettermodel.other_language):
    each reader is trained on the messages it will be asked about. Trained on all, the word
    model learned foreign words as danger, and the letter reader English runs of letters:
    "termin" (an appointment) read as "terminal", "morgen" (tomorrow) as "mort"."""
    english: list[Message] = []
    other: list[Message] = []
    for message in messages:
        (other if scan.other_language(message[0]) else english).append(message)
    return english, other


def bot_without(root: Path, *models: Path) -> Bot:
    """The bot of this content without the named generated model files: what a trainer reads as
    the bot reads it. Loaded from a copy, so an outdated or broken model file is no bar to retraining."""
    return bot_with(root, dict.fromkeys(models))


def bot_with(root: Path, models: Mapping[Path, str | None]) -> Bot:
    """The bot of a copy of this content with each named model file written (its text) or taken out
    (None): a model trained elsewhere asked as the bot asks it."""
    with tempfile.TemporaryDirectory(prefix="genebot-train-") as tmp:
        for part in ("intents", "answers", "sources"):
            shutil.copytree(root / part, Path(tmp) / part)
        for model, text in models.items():
            if text is None:
                (Path(tmp) / model).unlink(missing_ok=True)
            else:
                (Path(tmp) / model).write_text(text, encoding="utf-8")
        return Bot(load_content(tmp))



def provenance(path: Path, root: Path) -> dict[str, Any]:
    """A trained_on entry: the file (relative to the content when inside it) and its sha256."""
    full, base = path.resolve(), root.resolve()
    name = str(full.relative_to(base)) if full.is_relative_to(base) else path.name
    return {"file": name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def rounded(value: float) -> float:
    return float(f"{value:.6g}")


def model_dumper() -> Any:
    """Short lists of numbers on one line, and the weights as a literal block of lines."""
    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    def row(dumper: Any, data: list[Any]) -> Any:
        flow = all(isinstance(v, (int, float)) for v in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    def text(dumper: Any, data: str) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)

    dumper = type("ModelDumper", (base,), {})
    dumper.add_representer(list, row)
    dumper.add_representer(str, text)
    return dumper

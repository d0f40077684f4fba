"""The learned reader of personal questions: its arithmetic against scikit-learn's, its content
file's validation, its training command, and what it adds to the rules, through the Python API."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from test_accuracy import NEVER_TUNED  # tests/engine is on sys.path (rootdir conftest)

import bot
from bot.curate.trainadvice import advice_document, train_advice
from bot.curate.trainmodel import held_out
from bot.engine.advicemodel import ADVICE_MODEL
from bot.engine.content import load_content
from bot.engine.errors import UsageError
from bot.engine.modelload import load_advice_model

ROOT = Path(__file__).resolve().parents[2]
TRAINING = [
    ("my son has sma, would it work for him", 1, 1.0), ("my dad is 80, is he too old for the trial", 1, 1.0),
    ("i had the infusion and my liver numbers are up", 1, 1.0), ("should my daughter join the study", 1, 1.0),
    ("my wife was offered a place, what do we do", 1, 1.0),
    ("what is gene therapy", 0, 1.0), ("is gene therapy safe", 0, 1.0), ("who oversees clinical trials", 0, 1.0),
    ("how does a vector work", 0, 1.0), ("my doctor mentioned vectors, what is a vector", 0, 1.0),
    ("what are the phases of a trial", 0, 1.0),
]
# Told by their owner, asking nothing in the frames' words: the rules found none of them
OWN_CASES = [
    "my wife has had two infusions of factor a week for 20 years, the trial nurse called her today",
    "my dad is 81 with heart failure and the team offered him a place in the study",
    "we are flying to the US for my sons zolgensma in june, he will be 20 months",
]


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300, cwd=ROOT)


def settings(threshold: float = 0.9) -> Namespace:
    return Namespace(threshold=threshold, min_words=4)


def test_the_engine_computes_what_scikit_learn_computes(genebot: bot.Bot, tmp_path: Path) -> None:
    words = genebot.index.safety.words
    vectorizer, model = train_advice(TRAINING, words, min_df=1, penalty=4.0)
    (tmp_path / ADVICE_MODEL).parent.mkdir(parents=True)
    (tmp_path / ADVICE_MODEL).write_text(advice_document(vectorizer, model, settings(), [{"file": "inline"}]))
    loaded, problems = load_advice_model(tmp_path)
    assert problems == [] and loaded is not None
    messages = [m for m, _, _ in TRAINING] + ["my sonn has sma, wud it work for him", "unseen words only", "", "💥💥"]
    expected = model.predict_proba(vectorizer.transform(messages))[:, 1]
    for message, chance in zip(messages, expected, strict=True):
        assert loaded.probability(words(message)) == pytest.approx(chance, abs=1e-4), message


@pytest.mark.parametrize("message", OWN_CASES)
def test_the_reader_declines_an_own_case_the_frames_missed(genebot: bot.Bot, message: str) -> None:
    reply, _ = genebot.reply(message)
    assert reply.kind == "advice", message
    assert reply.topic == "personal-advice"


def test_without_the_reader_the_rules_alone_decide(content_copy: Path) -> None:
    (content_copy / ADVICE_MODEL).unlink()
    alone = bot.Bot(load_content(content_copy))
    for message in OWN_CASES:
        assert alone.reply(message)[0].kind != "advice", message
    assert alone.reply("is gene therapy worth it for my mum at 70?")[0].kind == "advice"  # a frame


@pytest.mark.parametrize("message", [
    "my doctor mentioned vectors, what is a vector?",             # the owner is in "my doctor said"
    "i am writing an essay on gene therapy, what are the main risks",
    "what is gene therapy",                                        # no owner: the reader is not asked
])
def test_general_questions_keep_their_answer(genebot: bot.Bot, message: str) -> None:
    assert genebot.reply(message)[0].kind == "answer", message


def test_an_emergency_still_comes_first(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("my dad is 81 with heart failure, he was offered a trial place and now he has "
                             "collapsed and is not breathing")
    assert reply.kind == "emergency"


def test_a_broken_weight_row_names_its_line(content_copy: Path, load_error: Callable[..., str]) -> None:
    lines = (content_copy / ADVICE_MODEL).read_text(encoding="utf-8").splitlines()
    row = lines.index("weights: |") + 3
    error = load_error(ADVICE_MODEL, lines[row - 1], f"  {lines[row - 1].split()[0]} 1.5 oops")
    assert f"{ADVICE_MODEL}:{row}: weights: expected a word or word pair, an idf above 0, then 1 number" in error


@pytest.mark.parametrize(("old", "new", "message"), [
    ("threshold: 0.9", "threshold: 1.5", "threshold must be a number from 0.5"),
    ("version: 1", "version: 2", "unsupported version 2"),
    ("intercept: ", "intercept: x", "intercept must be a number"),
    ("min_words: 4", "min_words: -1", "min_words must be a whole number"),
    ("threshold: 0.9", "threshhold: 0.9", "unknown key 'threshhold'"),
])
def test_broken_reader_content_fails_at_load(load_error: Callable[..., str], old: str, new: str, message: str) -> None:
    assert message in load_error(ADVICE_MODEL, old, new)


def test_the_shipped_reader_was_trained_on_todays_tuning_files_and_no_held_out_one() -> None:
    doc = yaml.safe_load((ROOT / ADVICE_MODEL).read_text(encoding="utf-8"))
    trained = {e["file"]: e["sha256"] for e in doc["trained_on"] if e["file"].startswith("tests/eval/")}
    tuning = {f"tests/eval/{p.name}" for p in (ROOT / "tests" / "eval").glob("*.yaml") if not held_out(p)}
    assert set(trained) == tuning, "retrain: genebot train-advice"
    for name, digest in trained.items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == digest, f"{name} changed: retrain"
        assert Path(name).name not in NEVER_TUNED


def test_training_refuses_a_held_out_set() -> None:
    run = run_module("-m", "bot", "train-advice", "tests/eval/safety-unseen-2.yaml", "--output", "/dev/null")
    assert run.returncode == 2
    assert "held-out set: it is counted, never trained on" in run.stderr


def test_training_needs_both_kinds(genebot: bot.Bot) -> None:
    # From the command line the content's examples always bring both kinds; a caller may not.
    with pytest.raises(UsageError, match="training needs personal questions and other questions"):
        train_advice([(m, 0, 1.0) for m, label, _ in TRAINING if not label], genebot.index.safety.words, 1, 4.0)


def test_training_writes_a_reader_the_bot_loads(content_copy: Path) -> None:
    (content_copy / ADVICE_MODEL).write_text("version: 1\nweights: broken\n", encoding="utf-8")  # no bar to retraining
    run = run_module("-m", "bot", "train-advice", "--content", str(content_copy), "--min-df", "1",
                     str(ROOT / "tests" / "eval" / "safety-tune-25.yaml"))
    assert run.returncode == 0, run.stderr
    assert "words and word pairs from" in run.stdout and "of them personal" in run.stdout
    loaded, problems = load_advice_model(content_copy)
    assert problems == [] and loaded is not None and loaded.threshold == 0.9

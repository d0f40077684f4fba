"""The learned topic model: its arithmetic against scikit-learn's, its content file's validation,
and what it changes in replies (a doubted question answered as a best guess), through the
Python API and the CLI."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from test_accuracy import NEVER_TUNED  # tests/engine is on sys.path (rootdir conftest)
from test_textmodel import run_module

import bot
from bot.curate.trainmodel import held_out
from bot.curate.traintopics import content_files, fit, topic_document
from bot.engine.content import load_content
from bot.engine.topicload import load_topic_model
from bot.engine.topicmodel import TOPIC_MODEL, topic_features

ROOT = Path(__file__).resolve().parents[2]
# Doubted by the ranking (what-is-gene-therapy and goal, too close to call, in "what gene treatment
# is"), read by the model as what-is-gene-therapy: answered, saying which question it answers.
GUESSED = "Can you tell me what gene treatment is?"
STOPWORDS = frozenset({"is", "the", "a", "what", "how"})
ROWS = [
    (["risk"], "risks"), (["side", "effect"], "risks"), (["danger"], "risks"), (["risk", "danger"], "risks"),
    (["fda"], "fda-role"), (["regul"], "fda-role"), (["fda", "regul"], "fda-role"), (["agenc"], "fda-role"),
    (["cost"], "out-of-scope"), (["price"], "out-of-scope"), (["cost", "insur"], "out-of-scope"),
]


def test_features_are_stems_of_content_words_and_their_pairs() -> None:
    assert topic_features(["what", "is", "the", "risks", "of", "editing"], STOPWORDS) == [
        "risk", "of", "edit", "risk of", "of edit"]
    assert topic_features(["what", "is"], STOPWORDS) == []


@pytest.fixture(scope="module")
def trained(genebot: bot.Bot, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small model trained with scikit-learn, written unpruned as content and read back."""
    vectorizer, model = fit(ROWS, min_df=1)
    root = tmp_path_factory.mktemp("topics")
    (root / TOPIC_MODEL).parent.mkdir(parents=True)
    (root / TOPIC_MODEL).write_text(topic_document(vectorizer, model, 0.0, 0.4, 0.6, [{"file": "inline"}]))
    loaded, problems = load_topic_model(root, genebot.content.topics)
    assert problems == [] and loaded is not None
    return vectorizer, model, loaded


def test_the_engine_computes_what_scikit_learn_computes(trained) -> None:  # type: ignore[no-untyped-def]
    vectorizer, model, loaded = trained
    assert loaded.classes == tuple(model.classes_)
    questions = [f for f, _ in ROWS] + [["risk", "cost"], ["fda", "fda", "danger"], ["never", "seen"], []]
    expected = model.predict_proba(vectorizer.transform(questions))
    for features, row in zip(questions, expected, strict=True):
        assert loaded.probabilities(features) == pytest.approx(list(row), abs=1e-4), features


def test_the_model_confirms_only_a_topic_it_is_offered(trained) -> None:  # type: ignore[no-untyped-def]
    _, _, loaded = trained
    assert loaded.confirms(["risk", "danger"], ["risks", "fda-role"]) == "risks"
    assert loaded.confirms(["risk", "danger"], ["fda-role"]) is None  # it never brings a topic of its own
    assert loaded.confirms([], ["risks"]) is None


def test_a_doubted_question_is_answered_as_a_best_guess(genebot: bot.Bot) -> None:
    result = genebot.classify(GUESSED)
    assert (result.kind.value, result.topic, result.tentative) == ("fuzzy", "what-is-gene-therapy", True)
    reply, _ = genebot.reply(GUESSED)
    assert reply.kind == "answer" and reply.topic == "what-is-gene-therapy"
    lead = genebot.content.messages.guess_lead
    assert reply.body.startswith(f"{lead} “What is gene therapy?”")
    assert reply.text.endswith(reply.disclaimer)


def test_a_sure_answer_says_no_guess(genebot: bot.Bot) -> None:
    reply, _ = genebot.reply("what is gene therapy")
    assert reply.topic == "what-is-gene-therapy"
    assert genebot.content.messages.guess_lead not in reply.text


def test_the_cli_shows_the_guess() -> None:
    run = run_module("-m", "bot", "ask", "--json", GUESSED)
    assert run.returncode == 0, run.stderr
    reply = json.loads(run.stdout)
    assert reply["topic"] == "what-is-gene-therapy"
    assert reply["body"].startswith("I am not sure I understood")


@pytest.mark.parametrize("message", [
    "how much does gene therapy cost",          # a rule sends it to the fallback: the model is not asked
    "can you get gene therapy at a hospital near me",
    "i want to kill myself, what is gene therapy",  # safety first
])
def test_the_model_never_overrules_a_rule_or_safety(genebot: bot.Bot, message: str) -> None:
    result = genebot.classify(message)
    assert not result.tentative
    assert result.topic in ("out-of-scope", "emergency")


def test_without_the_model_the_ranking_alone_decides(content_copy: Path) -> None:
    (content_copy / TOPIC_MODEL).unlink()
    alone = bot.Bot(load_content(content_copy))
    assert alone.content.topic_model is None
    reply, _ = alone.reply(GUESSED)
    assert reply.kind == "clarify"


def test_a_broken_weight_row_names_its_line(content_copy: Path, load_error: Callable[..., str]) -> None:
    lines = (content_copy / TOPIC_MODEL).read_text(encoding="utf-8").splitlines()
    row = lines.index("weights: |") + 3
    gram = lines[row - 1].split(" | ")[0].strip()
    error = load_error(TOPIC_MODEL, lines[row - 1], f"  {gram} | 1.5 | 99:0.3")
    assert f"{TOPIC_MODEL}:{row}: weights: expected 'word or word pair | idf above 0 | class:weight ...'" in error


@pytest.mark.parametrize(("old", "new", "message"), [
    ("agree_at: 0.4", "agree_at: 1.5", "agree_at must be a probability"),
    ("floor: 0.6", "floor: high", "floor must be a ranking score"),
    ("version: 1", "version: 2", "unsupported version 2"),
    ("- approved-therapies\n", "- approved-therapy\n", "classes names topics the content does not have"),
    ("intercepts: [", "intercepts: [1, ", "intercepts must be a list of 37 numbers"),
    ("floor: 0.6\n", "", "missing key 'floor'"),
])
def test_broken_model_content_fails_at_load(load_error: Callable[..., str], old: str, new: str, message: str) -> None:
    assert message in load_error(TOPIC_MODEL, old, new)


def test_the_shipped_model_is_current_and_saw_no_held_out_set() -> None:
    doc = yaml.safe_load((ROOT / TOPIC_MODEL).read_text(encoding="utf-8"))
    trained_on = {e["file"]: e["sha256"] for e in doc["trained_on"]}
    tuning = {f"tests/eval/{p.name}" for p in (ROOT / "tests" / "eval").glob("*.yaml") if not held_out(p)}
    content = {str(p.relative_to(ROOT)) for p in content_files(ROOT)}
    assert set(trained_on) == tuning | content, "retrain: genebot train-topics (see docs/how-it-works.md)"
    for name, digest in trained_on.items():
        assert digest == hashlib.sha256((ROOT / name).read_bytes()).hexdigest(), \
            f"{name} changed since the topic model was trained: genebot train-topics"
        assert Path(name).name not in NEVER_TUNED


def test_training_refuses_a_held_out_set() -> None:
    run = run_module("-m", "bot", "train-topics", "tests/eval/real-heldout.yaml", "--output", "/dev/null")
    assert run.returncode == 2
    assert "held-out set: it is counted, never trained on" in run.stderr


def test_training_writes_a_model_the_bot_loads(content_copy: Path) -> None:
    (content_copy / TOPIC_MODEL).write_text("version: 1\nweights: broken\n", encoding="utf-8")  # no bar to retraining
    run = run_module("-m", "bot", "train-topics", "--content", str(content_copy),
                     str(ROOT / "tests" / "eval" / "real-tune.yaml"), "--output", str(content_copy / TOPIC_MODEL))
    assert run.returncode == 0, run.stderr
    assert "topics, from" in run.stdout
    model = load_content(content_copy).topic_model
    assert model is not None and (model.agree_at, model.floor) == (0.4, 0.6)

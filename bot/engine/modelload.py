"""Reading intents/lexicon/safety-model.yaml (and letter-model.yaml) into a SafetyModel, and
advice-model.yaml into an AdviceModel, every value checked.

The file is generated (``genebot train-model``), but it is content all the same: a hand edit
or a half-written file must stop the bot with the file and line, not skew its safety quietly.
The file is optional: content without it has the lexicon alone.
"""

from __future__ import annotations

import math
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .advicemodel import ADVICE_MODEL, AdviceModel
from .errors import Problem
from .textmodel import CLASSES, MODEL, SafetyModel
from .yamlfile import Located, line_of, load_optional

__all__ = ["finite_floats", "is_number", "load_advice_model", "load_model", "read_model_file"]

_KEYS = {"version", "classes", "threshold", "veto_below", "min_words", "intercepts", "trained_on", "weights"}
_ADVICE_KEYS = {"version", "threshold", "min_words", "intercept", "trained_on", "weights"}


def read_model_file(root: Path, relative: Path, keys: set[str], problems: list[Problem],
                    optional: frozenset[str] = frozenset()) -> Located | None:
    """A generated model file as a mapping with exactly ``keys`` (and any of ``optional``); None
    when it is absent or its shape is wrong (the problems say where)."""
    doc = load_optional(root, relative, problems)
    if doc is None:
        return None
    if not isinstance(doc, Located):
        problems.append(Problem(str(relative), None, "the file must be a mapping"))
        return None
    for key in sorted((set(doc) - optional) ^ keys):
        message = f"unknown key {key!r}" if key in doc else f"missing key {key!r}"
        problems.append(Problem(str(relative), line_of(doc, key), message))
    return None if problems else doc


def load_model(root: Path, relative: Path = MODEL) -> tuple[SafetyModel | None, list[Problem]]:
    """The word model (textmodel.py) or, at LETTER_MODEL, the letter reader (lettermodel.py):
    one file format and one arithmetic, other features."""
    problems: list[Problem] = []
    doc = read_model_file(root, relative, _KEYS, problems, frozenset({"scripts", "seconds"}))
    if doc is None:
        return None, problems
    label = str(relative)

    def error(line: int | None, message: str) -> None:
        problems.append(Problem(label, line, message))

    threshold, min_words = _common(doc, error)
    if list(doc["classes"] or ()) != list(CLASSES):
        error(line_of(doc, "classes"), f"classes must be {list(CLASSES)}")
    veto_below = doc["veto_below"]
    if not is_number(veto_below) or not 0 <= veto_below <= 0.2:
        error(line_of(doc, "veto_below"), "veto_below must be a number from 0 to 0.2 (0: the model never overrules)")
    intercepts = _weights(doc["intercepts"])
    if intercepts is None:
        error(line_of(doc, "intercepts"), f"intercepts must be a list of {len(CLASSES)} numbers")
    scripts = doc.get("scripts")  # absent: the reader speaks in any script
    if scripts is not None and not (isinstance(scripts, list) and all(isinstance(s, str) and s.isupper()
                                                                       for s in scripts)):
        error(line_of(doc, "scripts"), "scripts must list the scripts the reader speaks in, as Unicode names "
              "them (LATIN, ARABIC, CJK)")
    seconds = doc.get("seconds", 0.0)  # absent: the word model's call stands alone
    if not is_number(seconds) or not 0 <= seconds < 1:
        error(line_of(doc, "seconds"), "seconds must be a number from 0 up to (not including) 1 "
              "(0: the word model's call stands alone)")
    weights = _table(doc, error, len(CLASSES))
    if problems or intercepts is None or weights is None:
        return None, problems
    return SafetyModel(weights, intercepts, float(threshold), min_words, float(veto_below),  # type: ignore[arg-type]
                       None if scripts is None else frozenset(scripts), float(seconds)), problems


def load_advice_model(root: Path) -> tuple[AdviceModel | None, list[Problem]]:
    """The personal-question reader (advicemodel.py): the word model's file format with one
    weight per feature and one intercept."""
    problems: list[Problem] = []
    doc = read_model_file(root, ADVICE_MODEL, _ADVICE_KEYS, problems)
    if doc is None:
        return None, problems
    label = str(ADVICE_MODEL)

    def error(line: int | None, message: str) -> None:
        problems.append(Problem(label, line, message))

    threshold, min_words = _common(doc, error)
    if not is_number(doc["intercept"]):
        error(line_of(doc, "intercept"), "intercept must be a number")
    weights = _table(doc, error, 1)
    if problems or weights is None:
        return None, problems
    return AdviceModel(weights, float(doc["intercept"]), float(threshold), min_words), problems  # type: ignore[arg-type]


def _common(doc: Located, error: Any) -> tuple[Any, Any]:
    """The keys every model file shares, checked: version, threshold, min_words and trained_on.
    Returns the threshold and min_words as written (the problems say when they are wrong)."""
    if doc["version"] != 1:
        error(line_of(doc, "version"), f"unsupported version {doc['version']!r} (expected 1)")
    threshold, min_words = doc["threshold"], doc["min_words"]
    if not is_number(threshold) or not 0.5 <= threshold < 1:
        error(line_of(doc, "threshold"), "threshold must be a number from 0.5 up to (not including) 1")
    if not isinstance(min_words, int) or isinstance(min_words, bool) or not 1 <= min_words <= 50:
        error(line_of(doc, "min_words"), "min_words must be a whole number from 1 to 50")
    if not isinstance(doc["trained_on"], list) or not doc["trained_on"]:
        error(line_of(doc, "trained_on"), "trained_on must list what the model was trained on")
    return threshold, min_words


def _table(doc: Located, error: Any, columns: int) -> MappingProxyType[str, tuple[float, ...]] | None:
    """The weights block: one line per feature, "word or pair, idf, then `columns` weights" (one
    per class; one for the advice reader's two classes) (a literal block rather than a YAML
    mapping: 10,000 rows load in milliseconds, not a second)."""
    table, first = doc["weights"], (line_of(doc, "weights") or 0) + 1
    if not isinstance(table, str) or not table.strip():
        error(line_of(doc, "weights"), "weights must be a block of lines: a word or word pair, its idf, "
              f"then {columns} weight{'s' if columns > 1 else ''}")
        return None
    weights: dict[str, tuple[float, ...]] = {}
    for offset, line in enumerate(table.splitlines()):
        parts = line.rsplit(None, 1 + columns)
        values = finite_floats(parts[1:]) if len(parts) == 2 + columns else None
        if values is None or values[0] <= 0 or parts[0] in weights:
            why = "repeats a feature" if values and parts[0] in weights else (
                f"expected a word or word pair, an idf above 0, then {columns} number{'s' if columns > 1 else ''}")
            error(first + offset, f"weights: {why}: {line.strip()[:60]!r}")
            return None
        weights[parts[0]] = values
    return MappingProxyType(weights)


def finite_floats(texts: list[str]) -> tuple[float, ...] | None:
    try:
        values = tuple(float(t) for t in texts)
    except ValueError:
        return None
    return values if all(math.isfinite(v) for v in values) else None


def _weights(row: Any, size: int = len(CLASSES)) -> tuple[float, ...] | None:
    if not isinstance(row, list) or len(row) != size or not all(is_number(v) for v in row):
        return None
    return tuple(float(v) for v in row)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)

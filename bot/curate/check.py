"""`genebot check`: tell a curator, before any patient sees it, whether a content edit is safe.

Schema, coverage and grounding problems come from ``load_content`` itself (the bot refuses
to start on any of them). On top of those this adds what only a curator needs to hear:
the same example under two topics, examples the classifier itself files under another
topic, and answers that read above a school grade. Each problem is ``file:line: message``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine.errors import ContentError, Problem

__all__ = ["CheckResult", "Phrase", "add_arguments", "check_content", "run"]

MAX_GRADE = 9.0


@dataclass(frozen=True, slots=True)
class Phrase:
    """A text of the content with its place in the YAML: an example, an answer or a message."""

    file: str
    line: int | None
    owner: str  # the topic id of an example or answer; the message name for messages.yaml
    text: str


@dataclass(frozen=True, slots=True)
class Layout:
    """Where things are in the YAML: load_content keeps the values but not the lines."""

    topics: Mapping[str, tuple[str, int | None]]
    examples: tuple[Phrase, ...]
    answers: tuple[Phrase, ...]
    messages: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class CheckResult:
    problems: tuple[Problem, ...]
    loaded: bool  # False when load_content refused the folder
    topics: int
    examples: int

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")


def check_content(root: Path | str | None = None, max_grade: float = MAX_GRADE) -> CheckResult:
    """Every problem of a content folder, errors first, each group in file and line order."""
    from ..engine.content import default_content_dir, load_content

    base = Path(root) if root is not None else default_content_dir()
    content = None
    try:
        content = load_content(base)
        problems = list(content.warnings)
    except ContentError as exc:
        problems = list(exc.problems)
    layout = read_layout(base)
    spellings = content.language.spellings if content else {}
    problems += duplicate_examples(layout.examples, spellings)
    problems += hard_to_read([*layout.answers, *layout.messages], max_grade)
    if content is not None:
        problems += classifier_collisions(content, layout.examples)
    ordered = sorted(dict.fromkeys(problems), key=_order)
    return CheckResult(
        tuple(ordered), content is not None, len(layout.topics), len(layout.examples)
    )


def _order(p: Problem) -> tuple[bool, str, int]:
    return (p.severity != "error", p.file, p.line or 0)


# --------------------------------------------------------------------------- where things are


def read_layout(root: Path) -> Layout:
    """Re-read intents/ and answers/ for line numbers; files that do not parse are skipped
    (load_content has already reported them)."""
    topics: dict[str, tuple[str, int | None]] = {}
    examples: list[Phrase] = []
    answers: list[Phrase] = []
    for label, item in _items(root, "intents", "topics", skip="language.yaml"):
        tid = item.get("id")
        if not isinstance(tid, str) or not tid.strip():
            continue
        topics.setdefault(tid.strip(), (label, _line(item, "id")))
        raw = item.get("examples")
        if isinstance(raw, list):
            examples += [
                Phrase(label, _line(raw, i), tid.strip(), ex.strip())
                for i, ex in enumerate(raw)
                if isinstance(ex, str) and ex.strip()
            ]
    for label, item in _items(root, "answers", "answers", skip="messages.yaml"):
        tid, text = item.get("topic"), item.get("text")
        if isinstance(tid, str) and isinstance(text, str) and text.strip():
            answers.append(Phrase(label, _line(item, "text"), tid.strip(), text.strip()))
    return Layout(topics, tuple(examples), tuple(answers), _messages(root))


def _items(root: Path, folder: str, key: str, skip: str) -> Iterable[tuple[str, dict[str, Any]]]:
    for path in sorted((root / folder).glob("*.y*ml")):
        if path.name == skip or path.suffix not in (".yaml", ".yml"):
            continue
        doc = _quiet_load(root, path)
        entries = doc.get(key) if isinstance(doc, dict) else None
        if isinstance(entries, list):
            label = path.relative_to(root).as_posix()
            yield from ((label, item) for item in entries if isinstance(item, dict))


def _messages(root: Path) -> tuple[Phrase, ...]:
    path = root / "answers" / "messages.yaml"
    doc = _quiet_load(root, path)
    if not isinstance(doc, dict):
        return ()
    label = path.relative_to(root).as_posix()
    return tuple(
        Phrase(label, _line(doc, name), name, text.strip())
        for name, text in doc.items()
        if isinstance(text, str) and text.strip()
    )


def _quiet_load(root: Path, path: Path) -> Any:
    from ..engine.yamlfile import load_yaml

    try:
        return load_yaml(path, path.relative_to(root).as_posix()) if path.is_file() else None
    except ContentError:
        return None


def _line(container: Any, key: str | int) -> int | None:
    from ..engine.yamlfile import line_of

    return line_of(container, key)


# --------------------------------------------------------------------------- curator checks


def duplicate_examples(examples: Iterable[Phrase], spellings: Mapping[str, str]) -> list[Problem]:
    """The same phrase (as the classifier reads it) under two topics is an error; twice under
    one topic is only a warning."""
    from ..engine.normalise import normalise

    seen: dict[str, Phrase] = {}
    problems = []
    for ex in examples:
        key = normalise(ex.text, spellings)
        first = seen.setdefault(key, ex)
        if first is ex:
            continue
        where = f"{first.file}:{first.line}"
        if first.owner != ex.owner:
            problems.append(
                Problem(
                    ex.file,
                    ex.line,
                    (
                        f"example {ex.text!r} of topic {ex.owner!r} is also an example of topic "
                        f"{first.owner!r} ({where}); keep it under one topic"
                    ),
                )
            )
        else:
            same = (
                "repeats"
                if ex.text == first.text
                else f"reads as {first.text!r} once normalised, so repeats"
            )
            problems.append(
                Problem(
                    ex.file,
                    ex.line,
                    f"example {ex.text!r} {same} {where} in topic {ex.owner!r}",
                    "warning",
                )
            )
    return problems


def classifier_collisions(content: Any, examples: Iterable[Phrase]) -> list[Problem]:
    """Warn when the classifier, asked an example, answers with another topic (or cannot
    decide): that topic's rules or examples pull the phrase away from its own topic."""
    from ..engine.classifier import MatchKind, classify
    from ..engine.index import build_index

    index = build_index(content)
    problems = []
    for ex in examples:
        if ex.owner not in content.topics:
            continue
        result = classify(index, ex.text)
        if result.kind is MatchKind.AMBIGUOUS:
            pair = " and ".join(repr(c.topic) for c in result.candidates)
            message = f"example {ex.text!r} of topic {ex.owner!r} is ambiguous between {pair}"
        elif result.topic is not None and result.topic != ex.owner:
            message = (
                f"example {ex.text!r} of topic {ex.owner!r} is classified as topic "
                f"{result.topic!r} ({result.kind.value}, confidence {result.confidence:.2f})"
            )
        else:
            continue
        problems.append(Problem(ex.file, ex.line, message, "warning"))
    return problems


def hard_to_read(texts: Iterable[Phrase], max_grade: float = MAX_GRADE) -> list[Problem]:
    from .readability import analyse

    problems = []
    for phrase in texts:
        grade = analyse(phrase.text).grade
        if grade > max_grade:
            what = "message" if phrase.file.endswith("messages.yaml") else "answer for"
            problems.append(
                Problem(
                    phrase.file,
                    phrase.line,
                    (
                        f"{what} {phrase.owner!r} reads at grade {grade:.1f} (Flesch-Kincaid; "
                        f"aim for {max_grade:g} or below: shorter sentences, plainer words)"
                    ),
                    "warning",
                )
            )
    return problems


# --------------------------------------------------------------------------- command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.add_argument(
        "--max-grade",
        type=float,
        default=MAX_GRADE,
        metavar="N",
        help=f"warn when an answer reads above this school grade (default {MAX_GRADE:g})",
    )


def run(args: argparse.Namespace) -> int:
    result = check_content(args.content, max_grade=args.max_grade)
    for problem in result.problems:
        print(problem)
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = "content is broken" if errors else "content OK"
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(f"{verdict}: {counts} ({result.topics} topics, {result.examples} examples)")
    if not result.loaded:
        print("the classifier checks run once the errors are fixed")
    return 1 if errors or (args.strict and warnings) else 0

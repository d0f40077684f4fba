"""Conversation state, and reading short follow-ups ("more", "yes", "2") against it.

The state is a small immutable value the caller holds and passes back with the next
message; the engine keeps nothing between calls, so one engine can serve many people.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from .content import Language

__all__ = ["Followup", "State", "interpret"]

MAX_OPTIONS = 40  # the help reply offers every topic as a numbered choice

_ORDINALS = {
    "1": 1, "one": 1, "first": 1, "1st": 1,
    "2": 2, "two": 2, "second": 2, "2nd": 2,
    "3": 3, "three": 3, "third": 3, "3rd": 3,
    "4": 4, "four": 4, "fourth": 4, "4th": 4,
    "5": 5, "five": 5, "fifth": 5, "5th": 5,
}
_CHOICE_FILLER = frozenset({"the", "option", "number", "no", "choice", "please", "pls", "one", "i", "mean", "meant"})


@dataclass(frozen=True, slots=True)
class State:
    """What the last reply offered: enough to resolve 'more', 'yes' or a number."""

    topic: str | None = None           # the last topic answered
    kind: str | None = None            # the last reply's kind
    options: tuple[str, ...] = ()      # topic ids offered as numbered choices, in order
    more: int = 0                      # how many 'tell me more' turns on this topic
    turns: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic, "kind": self.kind, "options": list(self.options),
            "more": self.more, "turns": self.turns,
        }

    @classmethod
    def from_dict(cls, data: Any, topics: Collection[str]) -> State:
        """Rebuild a state a client sent back; anything malformed just starts afresh."""
        if not isinstance(data, Mapping):
            return cls()
        topic = data.get("topic")
        options = data.get("options", [])
        kind = data.get("kind")
        more, turns = data.get("more", 0), data.get("turns", 0)
        if topic is not None and topic not in topics:
            return cls()
        if not isinstance(options, list) or not all(o in topics for o in options if isinstance(o, str)):
            return cls()
        if not all(isinstance(o, str) for o in options) or len(options) > MAX_OPTIONS:
            return cls()
        if kind is not None and not isinstance(kind, str):
            return cls()
        if not (_small_int(more) and _small_int(turns)):
            return cls()
        return cls(topic, kind, tuple(options), more, turns)


def _small_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000


@dataclass(frozen=True, slots=True)
class Followup:
    action: str                 # "choose", "more" or "decline"
    topic: str | None = None


def interpret(language: Language, state: State, normalised: str) -> Followup | None:
    """A follow-up that only makes sense against the previous reply, or None."""
    if not normalised or state.kind is None:
        return None
    choice = _choice(normalised)
    if choice is not None and state.options:
        if 1 <= choice <= len(state.options):
            return Followup("choose", state.options[choice - 1])
        return None
    if normalised in language.yes:
        if state.kind == "clarify" and state.options:
            return Followup("choose", state.options[0])
        if state.topic:
            return Followup("more", state.topic)
        return None
    if normalised in language.more:
        return Followup("more", state.topic)
    if normalised in language.no and state.kind in ("clarify", "answer"):
        return Followup("decline")
    return None


def _choice(normalised: str) -> int | None:
    words = normalised.split()
    numbers = [_number(w) for w in words if _number(w) is not None and w != "one"]
    if not numbers and words and all(w in _CHOICE_FILLER for w in words) and "one" in words:
        numbers = [1]
    if len(numbers) != 1:
        return None
    if all(_number(w) is not None or w in _CHOICE_FILLER for w in words):
        return numbers[0]
    return None


def _number(word: str) -> int | None:
    """A choice's number: "2", "second", "2nd", or any number up to MAX_OPTIONS."""
    if word in _ORDINALS:
        return _ORDINALS[word]
    return int(word) if word.isdigit() and 1 <= len(word) <= 2 and 1 <= int(word) <= MAX_OPTIONS else None

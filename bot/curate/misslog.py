"""An opt-in log of the questions genebot could not answer, so curators know what to add.

Off unless asked for (``--log-misses FILE`` or ``GENEBOT_MISS_LOG=FILE``): these are health
questions. Only fallbacks and clarifications are written, never emergencies, personal-advice
replies or answered questions; what is written is the normalised question with emails,
phone numbers, digit runs of 5 or more and names removed. A name is removed only after an
explicit introduction ("my name is", "name:", "I am called", "call me", "hi, I'm ..." and
"I'm" before a capitalised word), so "i am worried about cancer" stays readable. One JSON
line per miss::

    {"time": "2025-01-31T09:12:03Z", "question": "how much does it cost",
     "outcome": "fallback", "candidates": [{"topic": "out-of-scope", "score": 0.91}]}
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engine.bot import Bot
    from ..engine.replies import Reply

__all__ = ["ENV", "LOGGED_KINDS", "MissLog", "redact", "redacted_question"]

ENV = "GENEBOT_MISS_LOG"
LOGGED_KINDS = frozenset({"fallback", "clarify"})

log = logging.getLogger("genebot")

# A name follows only an explicit introduction; "i am worried" must stay readable.
_I_AM = r"\b(?:i\s+am|i['’]?m)"
_INTRO = (
    r"\b(?:(?:my|his|her|their|our|the\s+patient['’]?s?|my\s+\w+['’]?s)\s+)?name\s*(?:is|['’]?s|:)"
    rf"|{_I_AM}\s+(?:called|named)"
    r"|\b(?:they\s+)?call\s+me"
    rf"|\b(?:hi|hello|hey)\W+(?:{_I_AM}|this\s+is)"
)
# Words that end a name: whatever comes next is the question again.
_NOT_A_NAME = (
    "and|but|or|so|i|im|i'm|my|me|we|you|he|she|it|they|what|how|why|when|where|who|which|"
    "can|could|would|will|should|is|are|was|do|does|did|have|has|had|the|a|an|from|here|to|"
    "about|with|for|of|in|on|at|if|back|now|later|today|tomorrow|soon|not|no|yes|ok|okay|"
    "gene|genes|therapy|please|thanks|hi|hello|new|just|really|very|also|still|worried|scared|"
    "confused|curious|looking|wondering|trying|interested|sorry|sure|glad|here|there|this|that"
)
_NAME_WORD = rf"(?!(?:{_NOT_A_NAME})\b)[^\W\d_][\w'’-]*"
_CAPITALISED = rf"(?!(?:{_NOT_A_NAME})\b)(?-i:[A-Z][a-z][\w'’-]*)"  # "I'm Sarah", not "I'm sure"
_REDACT = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<phone>(?<![\w+])\+?\(?\d(?:[ \t().-]{0,3}\d){6,}(?!\w))"  # 7+ digits, any separators
    r"|(?P<number>\d{5,})"
    rf"|(?:{_INTRO})[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    rf"|{_I_AM}[ \t]+(?P<capitalised>{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,2}})",
    re.IGNORECASE,
)


def redact(text: str) -> list[tuple[str, str]]:
    """Split text into (kind, piece): kind "" for text kept, else what was removed."""
    pieces: list[tuple[str, str]] = []
    last = 0
    for match in _REDACT.finditer(text):
        kind = match.lastgroup or ""
        pieces.append(("", text[last : match.start(kind)]))
        pieces.append(("name" if kind == "capitalised" else kind, match.group(kind)))
        last = match.end()
    pieces.append(("", text[last:]))
    return [(kind, piece) for kind, piece in pieces if piece]


def redacted_question(text: str, spellings: Mapping[str, str] | None = None) -> str:
    """The normalised question with personal details replaced by <email>, <phone>, <number>,
    <name>: redacted before normalising, since normalising turns "a@b.com" into words."""
    from ..engine.normalise import normalise

    spellings = spellings or {}
    out = [normalise(piece, spellings) if not kind else f"<{kind}>" for kind, piece in redact(text)]
    return " ".join(part for part in out if part)


class MissLog:
    """Appends one JSON line per missed question; safe to share between server threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self._lock = threading.Lock()

    @classmethod
    def from_options(
        cls, path: str | None = None, environ: Mapping[str, str] | None = None
    ) -> MissLog | None:
        """The log asked for by a flag, else by GENEBOT_MISS_LOG, else None (the default)."""
        env = os.environ if environ is None else environ
        chosen = path or env.get(ENV, "").strip()
        return cls(chosen) if chosen else None

    def observe(self, bot: Bot, message: str, reply: Reply) -> bool:
        """Log the exchange if it is a miss worth a curator's time; True when written.

        Never raises: a full disk must not stop a patient getting replies.
        """
        if reply.kind not in LOGGED_KINDS or not isinstance(message, str):
            return False
        try:
            result = bot.classify(message)
            if result.kind.value in ("empty", "unreadable", "safety"):
                return False
            entry = {
                "time": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "question": redacted_question(message, bot.content.language.spellings),
                "outcome": reply.kind,
                "candidates": [{"topic": c.topic, "score": c.score} for c in result.candidates],
            }
            if not entry["question"]:
                return False
            self.write(entry)
            return True
        except Exception:  # noqa: BLE001 - logging a miss is never worth a failed reply
            log.exception("could not log a missed question to %s", self.path)
            return False

    def write(self, entry: Mapping[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # 0o600: the questions are about people's health, so only the owner may read them.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as f:
                f.write(line)

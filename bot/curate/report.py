"""`genebot report LOG`: what people asked that genebot could not answer, most frequent first.

Reads the miss log (see bot/curate/misslog.py), groups similar questions with rapidfuzz and
suggests a topic for each group, so curators know which examples or topics to add next.
Grouping is greedy: the most frequent question not yet grouped gathers every other
ungrouped question within ``cutoff`` of it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine.errors import UsageError

__all__ = ["Group", "Miss", "add_arguments", "group_misses", "read_log", "run"]

CUTOFF = 70.0
COMMON_SHARE = 0.3  # a word in more than this share of the questions does not tell them apart
COMMON_MIN = 10  # ... once there are at least this many distinct questions


@dataclass(frozen=True, slots=True)
class Miss:
    question: str
    outcome: str
    best: str | None  # the top candidate topic when it was logged


@dataclass(frozen=True, slots=True)
class Group:
    representative: str
    count: int
    members: tuple[tuple[str, int], ...]  # distinct questions, most frequent first
    outcomes: Mapping[str, int] = field(default_factory=dict)
    logged_best: str | None = None  # most common top candidate in the log

    def to_dict(self) -> dict[str, Any]:
        return {
            "representative": self.representative,
            "count": self.count,
            "members": [{"question": q, "count": n} for q, n in self.members],
            "outcomes": dict(self.outcomes),
            "logged_best": self.logged_best,
        }


def read_log(path: Path | str) -> tuple[list[Miss], int]:
    """The misses in a JSON-lines log, and how many lines were not readable entries."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    misses, skipped = [], 0
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            question = entry["question"].strip()
        except (ValueError, KeyError, TypeError, AttributeError):
            skipped += 1
            continue
        if not question:
            skipped += 1
            continue
        candidates = entry.get("candidates") or []
        best = (
            candidates[0].get("topic") if candidates and isinstance(candidates[0], dict) else None
        )
        misses.append(Miss(question, str(entry.get("outcome", "?")), best))
    return misses, skipped


def grouping_keys(questions: Sequence[str], stopwords: Iterable[str] = ()) -> dict[str, str]:
    """What tells questions apart: their words minus stopwords and the words (like "gene
    therapy") that most of the questions share; sorted, so word order does not matter."""
    stop = set(stopwords)
    word_sets = {
        q: [w for w in q.split() if w not in stop and not w.startswith("<")] for q in questions
    }
    spread = Counter(w for words in word_sets.values() for w in set(words))
    common = set()
    if len(questions) >= COMMON_MIN:
        common = {w for w, n in spread.items() if n / len(questions) > COMMON_SHARE}
    keys = {}
    for q, words in word_sets.items():
        kept = [w for w in words if w not in common] or words or q.split()
        keys[q] = " ".join(sorted(kept))
    return keys


def group_misses(
    misses: Sequence[Miss], stopwords: Iterable[str] = (), cutoff: float = CUTOFF
) -> list[Group]:
    """Greedy clustering of the distinct questions, biggest group first."""
    from rapidfuzz import fuzz, process

    counts = Counter(m.question for m in misses)
    keys = grouping_keys(list(counts), stopwords)
    ungrouped = {q: keys[q] for q, _n in counts.most_common()}
    groups = []
    while ungrouped:
        seed = next(iter(ungrouped))
        key = ungrouped.pop(seed)
        # token_set_ratio alone calls "where" and "blood ... where they took his cells" a
        # perfect match (one is a subset of the other); averaging it with token_sort_ratio
        # keeps "cost" with "how much does it cost" but not with every long question.
        found = process.extract(
            key,
            ungrouped,
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=cutoff,
            limit=None,
        )
        members = [
            seed,
            *(
                q
                for other, score, q in found
                if (score + fuzz.token_sort_ratio(key, other)) / 2 >= cutoff
            ),
        ]
        for q in members[1:]:
            del ungrouped[q]
        groups.append(_group(members, counts, misses))
    groups.sort(key=lambda g: (-g.count, g.representative))
    return groups


def _group(members: list[str], counts: Counter[str], misses: Sequence[Miss]) -> Group:
    ranked = sorted(members, key=lambda q: (-counts[q], q))
    inside = set(members)
    mine = [m for m in misses if m.question in inside]
    best = Counter(m.best for m in mine if m.best).most_common(1)
    return Group(
        representative=ranked[0],
        count=sum(counts[q] for q in members),
        members=tuple((q, counts[q]) for q in ranked),
        outcomes=dict(Counter(m.outcome for m in mine).most_common()),
        logged_best=best[0][0] if best else None,
    )


def suggest(bot: Any, group: Group) -> dict[str, Any]:
    """What the bot makes of the group's question today: its best topic, and whether it
    would now answer it (a curator may already have fixed it)."""
    result = bot.classify(group.representative)
    reply, _state = bot.reply(group.representative)
    plausible = getattr(bot.index.settings, "clarify_at", 0.5)
    close = [c.topic for c in result.candidates if c.score >= plausible]
    if reply.kind in ("answer", "chat", "advice"):
        suggested = reply.topic
    else:  # nothing close: the sources may not cover it, which out-of-scope examples teach
        suggested = close[0] if close else "out-of-scope"
    return {
        "suggested_topic": suggested,
        "candidates": [{"topic": c.topic, "score": c.score} for c in result.candidates],
        "now": {"kind": reply.kind, "topic": reply.topic},
    }


# --------------------------------------------------------------------------- command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "log", metavar="LOG", help="a miss log written with --log-misses / GENEBOT_MISS_LOG"
    )
    parser.add_argument(
        "--top", type=int, default=20, metavar="N", help="show the N biggest groups (default 20)"
    )
    parser.add_argument(
        "--cutoff",
        type=float,
        default=CUTOFF,
        metavar="S",
        help=f"similarity (0-100) for two questions to share a group (default {CUTOFF:g})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--html", metavar="FILE", help="also write one self-contained HTML page with a chart")


def run(args: argparse.Namespace) -> int:
    from ..engine.bot import load

    misses, skipped = read_log(args.log)
    bot = load(args.content)
    groups = group_misses(misses, bot.content.language.stopwords, args.cutoff)
    shown = [{**g.to_dict(), **suggest(bot, g)} for g in groups[: max(args.top, 0)]]
    data = {
        "log": str(args.log),
        "misses": len(misses),
        "distinct": len({m.question for m in misses}),
        "groups_total": len(groups),
        "skipped_lines": skipped,
        "groups": shown,
    }
    if args.html:
        from .htmlreport import report_html

        _write(args.html, report_html(shown, f"{len(misses)} missed questions in {args.log}"))
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(data))
    return 0


def _write(path: str, html: str) -> None:
    try:
        Path(path).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def format_report(data: Mapping[str, Any]) -> str:
    lines = [
        f"genebot report: {data['misses']} missed questions in {data['log']} "
        f"({data['distinct']} distinct, {data['groups_total']} groups)"
    ]
    if data["skipped_lines"]:
        lines.append(f"  ({data['skipped_lines']} unreadable lines skipped)")
    for n, g in enumerate(data["groups"], 1):
        now = g["now"]
        status = (
            f"now answered as {now['topic']}"
            if now["kind"] in ("answer", "chat")
            else f"now: {now['kind']}"
        )
        outcomes = ", ".join(f"{k} {v}" for k, v in g["outcomes"].items())
        lines += [
            "",
            f"{n:3d}. {g['count']}× {g['representative']!r}",
            f"     suggested topic: {g['suggested_topic']}  ({status}; logged as {outcomes})",
            "     closest topics: "
            + ", ".join(f"{c['topic']} {c['score']:.2f}" for c in g["candidates"]),
        ]
        others = g["members"][1:6]
        if others:
            more = len(g["members"]) - 1 - len(others)
            listed = ", ".join(f"{m['question']!r} ({m['count']})" for m in others)
            lines.append(f"     also: {listed}" + (f" and {more} more" if more else ""))
    return "\n".join(lines) + "\n"

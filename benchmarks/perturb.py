"""How the safety scan holds up when the messages it already gets right are typed differently.

Takes the emergencies the bot catches and the ordinary messages it leaves alone in the tuning
sets (tests/eval/safety*.yaml, never the held-out ones), changes each the same way (a typo,
no punctuation, capitals, a line break for each comma...), and counts the emergencies now
missed and the false alarms now raised. A change that costs many is a weakness of the
reading, not of one phrase: it found the hyphen, swapped-letter and missed-letter gaps.

    python benchmarks/perturb.py                 # every change, counts
    python benchmarks/perturb.py --show typo     # and the messages one change breaks
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from pathlib import Path

import bot
from bot.curate.evaluate import load_cases
from bot.engine.catalog import EMERGENCY

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
TUNING = ("safety.yaml", "safety-tune*.yaml")


def _words_of(text: str, shortest: int) -> list[int]:
    return [i for i, w in enumerate(text.split()) if len(w) >= shortest and w.isalpha()]


def swap_two(text: str, rng: random.Random) -> str:
    """Two neighbouring letters swapped in one word of four letters or more."""
    words = text.split()
    spots = _words_of(text, 4)
    if not spots:
        return text
    i = rng.choice(spots)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def drop_one(text: str, rng: random.Random) -> str:
    """One letter missed in one word of five letters or more."""
    words = text.split()
    spots = _words_of(text, 5)
    if not spots:
        return text
    i = rng.choice(spots)
    j = rng.randrange(1, len(words[i]))
    words[i] = words[i][:j] + words[i][j + 1:]
    return " ".join(words)


CHANGES: dict[str, Callable[[str, random.Random], str]] = {
    "capitals": lambda t, _: t.upper(),
    "no punctuation": lambda t, _: re.sub(r"[^\w\s']", " ", t),
    "no apostrophes": lambda t, _: t.replace("'", "").replace("’", ""),
    "typo": swap_two,
    "missed letter": drop_one,
    "greeting first": lambda t, _: "hi genebot, quick question. " + t,
    "question after": lambda t, _: t + " also what is gene therapy?",
    "lol": lambda t, _: t + " lol",
    "line breaks": lambda t, _: t.replace(", ", "\n").replace(". ", "\n"),
    "emoji": lambda t, _: t + " 😭😭",
    "curly apostrophes": lambda t, _: t.replace("'", "’"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="append", default=[], metavar="CHANGE",
                        help="also print the messages this change breaks (repeatable)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N messages (a smoke test)")
    args = parser.parse_args()
    genebot = bot.load()
    cases = [c for pattern in TUNING for path in sorted(EVAL.glob(pattern)) for c in load_cases(path)]
    if args.limit:
        cases = cases[: args.limit]

    def alarm(text: str) -> bool:
        return genebot.reply(text)[0].topic == EMERGENCY

    caught = [c.question for c in cases if EMERGENCY in c.expect and alarm(c.question)]
    calm = [c.question for c in cases if EMERGENCY not in c.expect and not alarm(c.question)]
    print(f"perturb: {len(caught)} emergencies caught and {len(calm)} ordinary messages left alone, unchanged")
    print(f"{'change':20s} {'missed':>12s} {'false alarms':>14s}")
    for name, change in CHANGES.items():
        rng = random.Random(args.seed)
        missed = [t for t in (change(q, rng) for q in caught) if not alarm(t)]
        alarms = [t for t in (change(q, rng) for q in calm) if alarm(t)]
        print(f"{name:20s} {len(missed):5d} of {len(caught):<5d} {len(alarms):5d} of {len(calm):<5d}")
        if name in args.show:
            for text in missed:
                print(f"    missed: {text[:140]}")
            for text in alarms:
                print(f"    alarm:  {text[:140]}")


if __name__ == "__main__":
    main()

"""How the safety scan holds up when the messages it already gets right are typed differently.

Takes the emergencies the bot catches and the ordinary messages it leaves alone in the tuning
sets (tests/eval/safety*.yaml, never the held-out ones), changes each the same way (a typo,
no punctuation, capitals, a line break for each comma...), and counts the emergencies now
missed and the false alarms now raised. A change that costs many is a weakness of the
reading, not of one phrase: it found the hyphen, swapped-letter and missed-letter gaps.

    python benchmarks/perturb.py                 # every change, counts
    python benchmarks/perturb.py --show typo     # and the messages one change breaks
    python benchmarks/perturb.py --topics        # the same for topics: the questions of
                                                 # dev.yaml and real-tune*.yaml answered right
                                                 # or sent to the fallback
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from collections.abc import Callable
from pathlib import Path

import bot
from bot.curate.evaluate import load_cases
from bot.engine.catalog import EMERGENCY, OUT_OF_SCOPE

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
TUNING = ("safety.yaml", "safety-tune*.yaml")
TOPIC_TUNING = ("dev.yaml", "real-tune*.yaml")


def _in_one_word(text: str, rng: random.Random, shortest: int, edit: Callable[[str, int], str], spare: int) -> str:
    """`edit` applied at a random place (not the first letter, nor the last `spare`) of one
    random word of `shortest` letters or more."""
    words = text.split()
    spots = [i for i, w in enumerate(words) if len(w) >= shortest and w.isalpha()]
    if not spots:
        return text
    i = rng.choice(spots)
    words[i] = edit(words[i], rng.randrange(1, len(words[i]) - spare))
    return " ".join(words)


def _punctuation(char: str) -> bool:
    """A mark, a symbol or an emoji, not a letter's vowel sign or accent: the Devanagari,
    Bengali and Gurmukhi vowel signs are no word characters to a regular expression, so
    removing "[^\\w\\s']" took them too and broke every word of those scripts apart."""
    return not (char.isalnum() or char.isspace() or char == "'" or unicodedata.category(char).startswith("M"))


def swap_two(text: str, rng: random.Random) -> str:
    """Two neighbouring letters swapped in one word of four letters or more."""
    return _in_one_word(text, rng, 4, lambda w, j: w[:j] + w[j + 1] + w[j] + w[j + 2:], spare=1)


def drop_one(text: str, rng: random.Random) -> str:
    """One letter missed in one word of five letters or more."""
    return _in_one_word(text, rng, 5, lambda w, j: w[:j] + w[j + 1:], spare=0)


CHANGES: dict[str, Callable[[str, random.Random], str]] = {
    "capitals": lambda t, _: t.upper(),
    "no punctuation": lambda t, _: "".join(" " if _punctuation(c) else c for c in t),
    "no apostrophes": lambda t, _: t.replace("'", "").replace("’", ""),
    "typo": swap_two,
    "missed letter": drop_one,
    "greeting first": lambda t, _: "hi genebot, quick question. " + t,
    # fifty-first round: greetings the lexicon's `openers` were not written from
    "good morning first": lambda t, _: "Good morning team, " + t,
    "sorry first": lambda t, _: "Hi, sorry to bother you. " + t,
    "hello, a question": lambda t, _: "hello, i have a question. " + t,
    "question after": lambda t, _: t + " also what is gene therapy?",
    "lol": lambda t, _: t + " lol",
    "line breaks": lambda t, _: t.replace(", ", "\n").replace(". ", "\n"),
    "emoji": lambda t, _: t + " 😭😭",
    "curly apostrophes": lambda t, _: t.replace("'", "’"),
    "polite opening": lambda t, _: "please can you tell me " + t[:1].lower() + t[1:],
    "scene first": lambda t, _: "my nephew has a rare condition and the family talks about it a lot. " + t,
    # fifty-second round, written after a family history put first was seen to date what followed it
    "history first": lambda t, _: "We have a family history of haemophilia on my mum's side. " + t,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="append", default=[], metavar="CHANGE",
                        help="also print the messages this change breaks (repeatable)")
    parser.add_argument("--topics", action="store_true", help="topics instead of emergencies")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N messages (a smoke test)")
    args = parser.parse_args()
    genebot = bot.load()
    patterns = TOPIC_TUNING if args.topics else TUNING
    cases = [c for pattern in patterns for path in sorted(EVAL.glob(pattern)) for c in load_cases(path)]
    if args.limit:
        cases = cases[: args.limit]

    def topic(text: str) -> str | None:
        return genebot.reply(text)[0].topic

    if args.topics:  # right answers that stay right, fallbacks that stay fallbacks
        good = [(c.question, c.expect) for c in cases
                if OUT_OF_SCOPE not in c.expect and EMERGENCY not in c.expect and topic(c.question) in c.expect]
        bad = [(c.question, (OUT_OF_SCOPE,)) for c in cases
               if OUT_OF_SCOPE in c.expect and topic(c.question) == OUT_OF_SCOPE]
        labels = ("in-scope right", "out-of-scope kept", "lost", "now answered")
    else:  # emergencies that stay caught, ordinary messages that stay calm
        good = [(c.question, (EMERGENCY,)) for c in cases if EMERGENCY in c.expect and topic(c.question) == EMERGENCY]
        bad = [(c.question, ()) for c in cases if EMERGENCY not in c.expect and topic(c.question) != EMERGENCY]
        labels = ("emergencies caught", "ordinary left alone", "missed", "false alarms")
    print(f"perturb: {len(good)} {labels[0]} and {len(bad)} {labels[1]}, unchanged")
    print(f"{'change':20s} {labels[2]:>14s} {labels[3]:>14s}")
    for name, change in CHANGES.items():
        # Each message is changed the same way whatever else is in the sets, so two versions
        # of the bot (or of the sets) are compared on the same edits.
        def changed(q: str, name: str = name, change: Callable[[str, random.Random], str] = change) -> str:
            return change(q, random.Random(f"{args.seed}:{name}:{q}"))
        broken = [t for t, ok in ((changed(q), ok) for q, ok in good) if topic(t) not in ok]
        if args.topics:
            moved = [t for t in (changed(q) for q, _ in bad) if topic(t) != OUT_OF_SCOPE]
        else:
            moved = [t for t in (changed(q) for q, _ in bad) if topic(t) == EMERGENCY]
        print(f"{name:20s} {len(broken):5d} of {len(good):<5d} {len(moved):5d} of {len(bad):<5d}")
        if name in args.show:
            for text in broken:
                print(f"    {labels[2]}: {text[:140]}")
            for text in moved:
                print(f"    {labels[3]}: {text[:140]}")


if __name__ == "__main__":
    main()

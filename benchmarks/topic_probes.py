"""Questions on every topic, read by the whole bot: which reach their topic, which fall back.

benchmarks/probes/topic-probes.tsv holds 470 questions two helpers wrote from the topic catalog
and the source pages alone, each with the topic that answers it or ``out-of-scope``. The
content was then changed for some of their misses, so they are a regression check for the next
change to content, not a measure of other writers (the held-out sets in tests/eval are).

    python benchmarks/topic_probes.py --base 044f81f --show
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from checkout import checked_out

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "benchmarks" / "probes" / "topic-probes.tsv"

_REPLIES = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bot.engine.bot import Bot
from bot.engine.content import load_content
bot = Bot(load_content(sys.argv[1]))
replies = [bot.reply(t)[0] for t in json.load(sys.stdin)]
print(json.dumps([[r.kind, r.topic or r.kind] for r in replies]))
"""


def probes(path: Path) -> list[tuple[str, str]]:
    """(expected topic, question) for each line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            topic, question = line.split("\t")
            rows.append((topic, question))
    return rows


def wrong(code: Path, rows: list[tuple[str, str]]) -> dict[int, str]:
    """Row -> what that checkout's bot replied, for the rows it got wrong: an in-scope question
    not answered with its topic, or an out-of-scope one not given the fallback."""
    out = subprocess.run([sys.executable, "-c", _REPLIES, str(code)], input=json.dumps([q for _, q in rows]),
                         check=True, capture_output=True, text=True, timeout=3600)
    replies = json.loads(out.stdout)
    return {i: got for i, ((expected, _), (kind, got)) in enumerate(zip(rows, replies, strict=True))
            if (kind != "fallback" if expected == "out-of-scope" else got != expected)}


def summary(rows: list[tuple[str, str]], missed: dict[int, str]) -> str:
    inside = [i for i, (topic, _) in enumerate(rows) if topic != "out-of-scope"]
    outside = [i for i, (topic, _) in enumerate(rows) if topic == "out-of-scope"]
    right_in = sum(i not in missed for i in inside)
    right_out = sum(i not in missed for i in outside)
    return f"in scope {right_in}/{len(inside)} to their topic, out of scope {right_out}/{len(outside)} fell back"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="also count with this commit (any git revision)")
    parser.add_argument("--show", action="store_true", help="print the questions answered wrongly")
    args = parser.parse_args()
    rows = probes(PROBES)
    missed = wrong(ROOT, rows)
    print(f"{summary(rows, missed)}: this tree")
    if args.show:
        for i, got in missed.items():
            print(f"  {rows[i][0]} -> {got}  {rows[i][1]}")
    if args.base:
        with checked_out(args.base) as base:
            print(f"{summary(rows, wrong(base, rows))}: {args.base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time replies and the safety scan of two versions of genebot on the same questions, in one run.

The machines are shared and noisy, so a figure only means something next to a baseline
measured at the same time. Each round runs every question through a fresh process of each
version in turn (A, B, A, B, ...), after one warm-up pass, timing the whole reply and, apart,
the safety scan that starts it. Two views are reported side by side:

- all runs: the median and p99 of every timing, noise included;
- fastest per question: each question's best time over all rounds, then the median and p99
  of those. Another process taking the CPU only ever makes a run slower, so this view is
  steady from run to run where the first moves by 20%; use it to compare, the first to
  say what a busy machine costs.

    python benchmarks/ab.py --base 247f7a8            # a commit against the working tree
    python benchmarks/ab.py --base HEAD~3 --rounds 5

The baseline is checked out with `git worktree` into a temporary folder and removed after.
Both versions answer from this checkout's content, so only the code differs, unless the
baseline's code refuses it (a lexicon key it does not know): then each answers from its own,
and the script says so. `--own-content` asks for that on purpose: a round that grew the
lexicon or the learned model is measured whole.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from checkout import checked_out

ROOT = Path(__file__).resolve().parent.parent

_TIMER = """
import glob, json, sys, time, yaml
sys.path.insert(0, sys.argv[1])
from bot.engine.bot import Bot
from bot.engine.content import load_content
bot = Bot(load_content(sys.argv[2]))
scan = bot.index.safety.scan
questions = [c["question"] for f in sorted(glob.glob(sys.argv[2] + "/tests/eval/*.yaml"))
             for c in yaml.safe_load(open(f, encoding="utf-8"))]
for q in questions:
    bot.reply(q)
clock = time.perf_counter
replies, scans = [], []
for q in questions:
    t0 = clock()
    bot.reply(q)
    replies.append(clock() - t0)
for q in questions:
    t0 = clock()
    scan(q)
    scans.append(clock() - t0)
print(json.dumps({"reply": replies, "scan": scans}))
"""


def run(code: Path, content: Path = ROOT) -> dict[str, list[float]]:
    out = subprocess.run([sys.executable, "-c", _TIMER, str(code), str(content)], check=True,
                         capture_output=True, text=True, timeout=900)
    return json.loads(out.stdout)


def loads(code: Path, content: Path) -> bool:
    """Whether that code accepts this content (a newer lexicon key is refused by older code)."""
    check = ("import sys; sys.path.insert(0, sys.argv[1]); "
             "from bot.engine.content import load_content; load_content(sys.argv[2])")
    return subprocess.run([sys.executable, "-c", check, str(code), str(content)], capture_output=True).returncode == 0


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
    return f"median {statistics.median(ordered) * 1e6:5.0f} µs  p99 {p99 * 1e3:5.2f} ms"


def fastest(rounds: list[list[float]]) -> list[float]:
    return [min(times) for times in zip(*rounds, strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the baseline commit (any git revision)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--own-content", action="store_true",
                        help="each version answers from its own content (a larger lexicon or model costs too)")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, list[float]]]] = {"base": [], "tree": []}
    with checked_out(args.base) as base:
        own = ROOT if loads(base, ROOT) and not args.own_content else base
        if own == base and not args.own_content:
            print(f"ab: {args.base} refuses this checkout's content; it answers from its own", file=sys.stderr)
        for n in range(args.rounds):
            print(f"ab: round {n + 1} of {args.rounds}", file=sys.stderr)
            runs["base"].append(run(base, own))
            runs["tree"].append(run(ROOT))
    questions = len(runs["base"][0]["reply"])
    print(f"{questions} questions, {args.rounds} rounds")
    for what in ("reply", "scan"):
        for name, label in (("base", f"base {args.base}"), ("tree", "this tree")):
            timings = [r[what] for r in runs[name]]
            every = [t for times in timings for t in times]
            print(f"{what:5} {label:>16}:  all runs {summary(every)}   "
                  f"fastest per question {summary(fastest(timings))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

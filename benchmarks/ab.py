"""Time replies of two versions of genebot on the same questions, alternating, in one run.

The machines are shared and noisy, so a figure only means something next to a baseline
measured at the same time. Each round runs every question through a fresh process of each
version in turn (A, B, A, B, ...), after one warm-up pass, and the medians and p99s of all
rounds are reported side by side:

    python benchmarks/ab.py --base 247f7a8            # a commit against the working tree
    python benchmarks/ab.py --base HEAD~3 --rounds 5

The baseline is checked out with `git worktree` into a temporary folder and removed after.
Both versions answer from this checkout's content, so only the code differs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_TIMER = """
import glob, json, sys, time, yaml
sys.path.insert(0, sys.argv[1])
from bot.engine.bot import Bot
from bot.engine.content import load_content
bot = Bot(load_content(sys.argv[2]))
questions = [c["question"] for f in sorted(glob.glob(sys.argv[2] + "/tests/eval/*.yaml"))
             for c in yaml.safe_load(open(f, encoding="utf-8"))]
for q in questions:
    bot.reply(q)
times = []
for q in questions:
    t0 = time.perf_counter()
    bot.reply(q)
    times.append(time.perf_counter() - t0)
print(json.dumps(times))
"""


def run(code: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", _TIMER, str(code), str(ROOT)], check=True,
                         capture_output=True, text=True, timeout=900)
    return json.loads(out.stdout)


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
    return f"median {statistics.median(ordered) * 1e6:6.0f} µs   p99 {p99 * 1e3:5.2f} ms   ({len(ordered)} replies)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the baseline commit (any git revision)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="genebot-ab-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            a: list[float] = []
            b: list[float] = []
            for n in range(args.rounds):
                print(f"ab: round {n + 1} of {args.rounds}", file=sys.stderr)
                a += run(base)
                b += run(ROOT)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    print(f"base {args.base:>10}: {summary(a)}")
    print(f"{'this tree':>15}: {summary(b)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

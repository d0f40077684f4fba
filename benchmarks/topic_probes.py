"""Questions on every topic, scored by `genebot eval` on this tree and on another commit.

benchmarks/probes/topic-probes.tsv holds 470 questions (a `genebot eval` TSV: expect, question)
that two helpers of the thirty-second round wrote from the topic catalog and the source pages
alone, without seeing the content, the tests or the bot: 270 short and varied ones, then 200 in
the chat register of a clinic's widget (a story first, two questions at once, typos). Each
names the topic that answers it, or ``out-of-scope``. The content was then changed for some of
their misses, so they are tuned on: a regression check for the next change to content, not a
measure of other writers (the held-out sets in tests/eval are).

    python benchmarks/topic_probes.py --base 044f81f --show
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from checkout import checked_out

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "benchmarks" / "probes" / "topic-probes.tsv"


def report(code: Path) -> dict[str, Any]:
    """`genebot eval --json` of that checkout (its code and its content) on the probes."""
    out = subprocess.run([sys.executable, "-m", "bot", "eval", str(PROBES), "--json"], cwd=code, check=True,
                         capture_output=True, text=True, timeout=3600)
    return json.loads(out.stdout)


def summary(data: dict[str, Any]) -> str:
    (right_in, inside), (right_out, outside) = (data["counts"][k] for k in ("in_scope_accuracy",
                                                                          "out_of_scope_fallback"))
    return f"in scope {right_in}/{inside} to their topic, out of scope {right_out}/{outside} fell back"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="also count with this commit (any git revision)")
    parser.add_argument("--show", action="store_true", help="print the questions answered wrongly")
    args = parser.parse_args()
    data = report(ROOT)
    print(f"{summary(data)}: this tree")
    if args.show:
        for r in data["results"]:
            missed = r["kind"] != "fallback" if "out-of-scope" in r["expect"] else not r["correct"]
            if missed:
                print(f"  {'|'.join(r['expect'])} -> {r['got'] or r['kind']}  {r['question']}")
    if args.base:
        with checked_out(args.base) as base:
            print(f"{summary(report(base))}: {args.base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

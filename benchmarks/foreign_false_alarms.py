"""How often the safety lexicon alone calls an ordinary sentence in another language an emergency.

Reads the Tatoeba pair files of benchmarks/tatoeba_corpus.py (fetch their repositories with the
repository-fetch tool first) and scans each translation with the bot without its learned readers;
a translation called an emergency whose English side is not is a false alarm of the lexicon in that
language: a foreign word read as a misspelt English one ("attendons" as "at tendons"), a lexicon
word that is a common word there (Polish "od"), or a phrase that is also an idiom.

    python benchmarks/foreign_false_alarms.py --mirror /work/.mirror [--show 20]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tatoeba_corpus import SOURCES, pairs  # noqa: E402  (benchmarks/ is the script's folder)

from bot.curate.trainmodel import bot_without  # noqa: E402
from bot.engine.catalog import EMERGENCY  # noqa: E402
from bot.engine.lettermodel import LETTER_MODEL  # noqa: E402
from bot.engine.textmodel import MODEL  # noqa: E402

PER_LANGUAGE = 20_000  # sentences drawn from each pair file (seeded): about 360,000 in all


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms per language")
    args = parser.parse_args()
    scan = bot_without(ROOT, MODEL, LETTER_MODEL).index.safety.scan
    rng = random.Random(1)
    total = alarms = 0
    for language, repo, commit, path, inner in SOURCES:
        try:
            found = pairs(args.mirror, repo, commit, path, inner)
        except Exception as exc:  # noqa: BLE001  a repository not fetched: say so, go on
            print(f"{language}: skipped ({exc.__class__.__name__})", file=sys.stderr)
            continue
        rng.shuffle(found)
        wrong = [(english, other) for english, other in found[:PER_LANGUAGE]
                 if scan(other).topic == EMERGENCY and scan(english).topic != EMERGENCY]
        n = min(len(found), PER_LANGUAGE)
        total, alarms = total + n, alarms + len(wrong)
        print(f"{language}  {len(wrong):5d} of {n:6d}")
        for english, other in wrong[:args.show]:
            print(f"    {other}  ||  {english}")
    print(f"all  {alarms} of {total} called emergencies")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How often the safety lexicon alone calls an ordinary sentence in another language an emergency.

Reads the Tatoeba pair files of benchmarks/tatoeba_corpus.py (fetch their repositories with the
repository-fetch tool first) and scans each translation with the bot without its learned readers;
a translation called an emergency whose English side is not is a false alarm of the lexicon in that
language: a foreign word read as a misspelt English one ("attendons" as "at tendons"), a lexicon
word that is a common word there (Polish "od"), or a phrase that is also an idiom.

    python benchmarks/foreign_false_alarms.py --mirror /work/.mirror [--show 20]

With --learned, the bot as a user meets it instead: its learned readers too (the word model of
textmodel.py and the letter reader of lettermodel.py), on fewer sentences (--per-language,
2,000 by default then), each alarm counted by the reader that raised it. The English side is
still judged by the lexicon alone. Most of these sentences were never trained on: the letter
reader learned from about a thousand ordinary ones per language (tatoeba_corpus.py).
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
from bot.engine.bot import Bot  # noqa: E402
from bot.engine.catalog import EMERGENCY  # noqa: E402
from bot.engine.content import load_content  # noqa: E402
from bot.engine.lettermodel import LETTER_MODEL  # noqa: E402
from bot.engine.textmodel import MODEL  # noqa: E402

PER_LANGUAGE = 20_000  # sentences drawn from each pair file (seeded): about 360,000 in all


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms per language")
    parser.add_argument("--learned", action="store_true", help="the whole bot, learned readers included")
    parser.add_argument("--per-language", type=int, help="sentences drawn from each pair file")
    args = parser.parse_args()
    english_scan = bot_without(ROOT, MODEL, LETTER_MODEL).index.safety.scan
    scan = Bot(load_content(ROOT)).index.safety.scan if args.learned else english_scan
    per_language = args.per_language or (2_000 if args.learned else PER_LANGUAGE)
    learned = 0
    rng = random.Random(1)
    total = alarms = 0
    for language, repo, commit, path, inner in SOURCES:
        try:
            found = pairs(args.mirror, repo, commit, path, inner)
        except Exception as exc:  # noqa: BLE001  a repository not fetched: say so, go on
            print(f"{language}: skipped ({exc.__class__.__name__})", file=sys.stderr)
            continue
        rng.shuffle(found)
        verdicts = [(english, other, scan(other)) for english, other in found[:per_language]]
        wrong = [(english, other, v) for english, other, v in verdicts
                 if v.topic == EMERGENCY and english_scan(english).topic != EMERGENCY]
        by_model = sum(v.learned for _, _, v in wrong)
        n = min(len(found), per_language)
        total, alarms, learned = total + n, alarms + len(wrong), learned + by_model
        told = f"  ({by_model} by a learned reader)" if args.learned else ""
        print(f"{language}  {len(wrong):5d} of {n:6d}{told}")
        for english, other, v in wrong[:args.show]:
            print(f"    {'learned ' if v.learned else ''}{other}  ||  {english}")
    told = f" ({learned} by a learned reader)" if args.learned else ""
    print(f"all  {alarms} of {total} called emergencies{told}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

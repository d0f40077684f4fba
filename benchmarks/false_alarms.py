"""Count the ordinary messages that the safety scan calls emergencies, in a probe corpus.

The evaluation sets hold a few hundred look-alikes; a false alarm on everyday phrasing ("can
we try again if it does not work", "will he feel pain during the infusion") shows only on
many ordinary messages. A corpus is a YAML list of {text, source} (benchmarks/probes/) or a
text file of one message a line (MedQuAD's question headings, an idiom corpus):

    python benchmarks/false_alarms.py benchmarks/probes/ordinary-tune.yaml --show 20
    python benchmarks/false_alarms.py benchmarks/probes/ordinary-heldout.yaml --base 79175b6

--base REV also counts with that commit's code and content (checked out with `git worktree`),
so a change is measured on the same messages in the same run. --show prints the messages
called emergencies, except for a held-out corpus, which is counted and never read.
--untrained-half counts an everyday file's half the learned reader is never trained on:

    python benchmarks/false_alarms.py /tmp/everyday2/tatoeba-english.txt --untrained-half --base main

--other-language counts instead the messages the scan reads as another language (which turns
off English typo repair and the word model, and lets the letter reader speak): on an English
corpus, each one is English misread.

    python benchmarks/false_alarms.py /tmp/everyday/epie-idioms.txt --other-language --base main
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from checkout import checked_out

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.curate.trainmodel import corpus as load_corpus  # noqa: E402  (one reader for both formats)
from bot.curate.trainmodel import halves  # noqa: E402

_COUNTER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bot.engine.bot import Bot
from bot.engine.content import load_content
safety = Bot(load_content(sys.argv[1])).index.safety
texts = json.load(sys.stdin)
if sys.argv[2] == "other-language":
    print(json.dumps([i for i, t in enumerate(texts) if safety.other_language(t)]))
else:
    print(json.dumps([i for i, t in enumerate(texts) if safety.scan(t).topic == "emergency"]))
"""


def alarms(code: Path, texts: list[str], mode: str = "emergency") -> list[int]:
    out = subprocess.run([sys.executable, "-c", _COUNTER, str(code), mode], input=json.dumps(texts), check=True,
                         capture_output=True, text=True, timeout=3600)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--base", help="also count with this commit (any git revision)")
    parser.add_argument("--show", type=int, default=0, help="print this many of the messages called emergencies")
    parser.add_argument("--untrained-half", action="store_true",
                        help="only the half of an everyday file that `genebot train-model --everyday` never takes")
    parser.add_argument("--other-language", action="store_true",
                        help="count the messages read as another language instead")
    args = parser.parse_args()
    texts = halves(args.corpus)[1] if args.untrained_half else load_corpus(args.corpus)
    mode = "other-language" if args.other_language else "emergency"
    what = "read as another language" if args.other_language else "called emergencies"
    found = alarms(ROOT, texts, mode)
    print(f"{args.corpus.name}: {len(found)} of {len(texts)} messages {what} "
          f"({100 * len(found) / max(len(texts), 1):.1f}%) by this tree")
    if args.base:
        with checked_out(args.base) as base:
            before = alarms(base, texts, mode)
        print(f"{args.corpus.name}: {len(before)} of {len(texts)} by {args.base}")
    if args.show:
        if "heldout" in args.corpus.name:
            print("(a held-out corpus is counted, never read: no messages shown)")
        else:
            for i in found[:args.show]:
                print(f"  {texts[i][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The core forms of an emergency in other languages, read by the whole safety scan.

benchmarks/probes/core-forms.tsv holds short messages in 25 languages (English among them, and
code-mixed ones): "mi amiga quiere morir", "mein Baby hat eine Batterie verschluckt",
"sau khi truyền lưỡi tôi sưng lên và khó thở", and look-alikes that are none. They were
written to find the plainest phrasings the language files missed, and the files were then
changed to read them: a regression check for the next change, not a measure of other writers.

    python benchmarks/core_forms.py --base 537c629 --show
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from checkout import checked_out
from false_alarms import alarms

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "benchmarks" / "probes" / "core-forms.tsv"


def probes(path: Path) -> list[tuple[str, bool, str]]:
    """(language, whether it is an emergency, message) for each line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            language, expected, message = line.split("\t")
            rows.append((language, expected == "emergency", message))
    return rows


def wrong(code: Path, rows: list[tuple[str, bool, str]]) -> list[int]:
    """The rows the scan of that checkout reads wrongly: an emergency missed or a false alarm."""
    called = set(alarms(code, [message for _, _, message in rows]))
    return [i for i, (_, emergency, _) in enumerate(rows) if (i in called) != emergency]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="also count with this commit (any git revision)")
    parser.add_argument("--show", action="store_true", help="print the messages read wrongly")
    args = parser.parse_args()
    rows = probes(PROBES)
    found = wrong(ROOT, rows)
    by_language = Counter(rows[i][0] for i in found)
    print(f"{len(found)} of {len(rows)} read wrongly by this tree"
          + (f" ({', '.join(f'{k} {n}' for k, n in sorted(by_language.items()))})" if found else ""))
    if args.show:
        for i in found:
            language, emergency, message = rows[i]
            print(f"  {language}  {'missed' if emergency else 'false alarm'}  {message}")
    if args.base:
        with checked_out(args.base) as base:
            before = wrong(base, rows)
        print(f"{len(before)} of {len(rows)} by {args.base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

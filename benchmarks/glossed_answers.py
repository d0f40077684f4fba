"""How often a sentence in another language is answered through the glossary, and whether its
English side gets the same answer.

A glossary (intents/lexicon/glossary/) lets the bot answer a question asked in another language.
Its risk is a stretched answer: a sentence about something else read as a question the pages
answer. Two corpora of translations, with the English side as the judge:

- TICO-19 (CC0; github.com/tico-19/tico-19.github.io): COVID-19 information and doctor-patient
  dialogue in 30-odd languages, health text near the bot's topics that its pages do not cover;
- Tatoeba (the pair files of benchmarks/tatoeba_corpus.py): everyday sentences.

Each translation is classified; when it is answered through the glossary, its English side is
classified too. "Same" means the English side gets the same topic; "English falls back" means
the English side gets no answer, so the glossed answer is a stretch (or the glossary read a
question the English matcher missed); "other" means the English side is answered elsewhere.

    python benchmarks/glossed_answers.py --mirror /work/.mirror [--per-language 1000] [--show 5]

Fetch the repositories first with the repository-fetch tool (tico-19/tico-19.github.io and the
repositories tatoeba_corpus.py names); a source not fetched is skipped, with a note.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tatoeba_corpus  # noqa: E402  (benchmarks/ is the script's folder)
import tico_corpus  # noqa: E402

from bot.engine.bot import Bot  # noqa: E402
from bot.engine.classifier import Classification, MatchKind  # noqa: E402
from bot.engine.content import load_content  # noqa: E402


def answered(c: Classification) -> str | None:
    """The topic a reply answers, or None for a fallback, a doubt or safety."""
    return c.topic if c.kind in (MatchKind.FUZZY, MatchKind.RULE) else None


def corpora(mirror: Path) -> Iterable[tuple[str, list[tuple[str, str]]]]:
    tico = mirror / tico_corpus.REPO.replace("/", "+") / "repo"
    for language in tico_corpus.LANGUAGES:
        try:
            yield f"tico {language}", tico_corpus.pairs(tico, language)
        except Exception as exc:  # noqa: BLE001  a repository not fetched: say so, go on
            print(f"tico {language}: skipped ({exc.__class__.__name__})", file=sys.stderr)
    for language, repo, commit, path, inner in tatoeba_corpus.SOURCES:
        try:
            yield f"tatoeba {language}", tatoeba_corpus.pairs(mirror, repo, commit, path, inner)
        except Exception as exc:  # noqa: BLE001
            print(f"tatoeba {language}: skipped ({exc.__class__.__name__})", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--per-language", type=int, default=1000, help="pairs drawn from each source (seeded)")
    parser.add_argument("--show", type=int, default=0, help="print this many glossed answers per source")
    args = parser.parse_args()
    bot = Bot(load_content(ROOT))
    rng = random.Random(1)
    totals = {"sentences": 0, "glossed": 0, "same": 0, "falls back": 0, "other": 0}
    for name, found in corpora(args.mirror):
        rng.shuffle(found)
        counts = dict.fromkeys(totals, 0)
        shown = 0
        for english, other in found[: args.per_language]:
            counts["sentences"] += 1
            c = bot.classify(other)
            if not c.glossed:
                continue
            counts["glossed"] += 1
            theirs = answered(bot.classify(english))
            verdict = "same" if theirs == c.topic else "falls back" if theirs is None else "other"
            counts[verdict] += 1
            if shown < args.show:
                shown += 1
                print(f"    {verdict:10} {c.topic}: {other}  ||  {english}")
        for key, value in counts.items():
            totals[key] += value
        print(f"{name:14} {counts['glossed']:4} glossed answers of {counts['sentences']:5}: same {counts['same']}, "
              f"English falls back {counts['falls back']}, other {counts['other']}")
    print(f"all            {totals['glossed']} glossed answers of {totals['sentences']}: same {totals['same']}, "
          f"English falls back {totals['falls back']}, other {totals['other']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

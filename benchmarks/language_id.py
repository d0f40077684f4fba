"""How well the bot tells which language a message is in (bot/engine/languageid.py), on
sentences whose language is known: Tatoeba's everyday pairs (tatoeba_corpus.py, 39 languages)
and TICO-19's COVID-19 health translations (tico_corpus.py, 28 languages). A development check
of the language files' words, not an evaluation set: nothing in intents/ or answers/ was
written from these sentences.

    python benchmarks/language_id.py --mirror /work/.mirror [--per-language 1000] [--show 5]

For each language it counts the sentences named right, named as another language (the harm:
a crisis line the writer cannot read, or reads as a stranger's), and not named (the reply
stays in English). Languages the bot has no lines for must come out not named. Two rates are
given: over every sentence, and over those the bot would lead with a line, the ones its safety
scan finds are not English (a reply to an English message gets no line whatever this says).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tatoeba_corpus  # noqa: E402  (benchmarks/ is the script's folder)
import tico_corpus  # noqa: E402

from bot.engine.bot import Bot  # noqa: E402
from bot.engine.content import load_content  # noqa: E402

# Tatoeba's and TICO-19's names for the languages the bot has files for
CODES = {"ara": "ar", "ben": "bn", "cmn": "zh", "deu": "de", "ell": "el", "fra": "fr", "hin": "hi", "ind": "id",
         "jpn": "ja", "kor": "ko", "nld": "nl", "pes": "fa", "pol": "pl", "ron": "ro", "spa": "es", "tgl": "tl",
         "tur": "tr", "urd": "ur", "vie": "vi", "zsm": "ms", "tam": "ta", "tha": "th", "es-LA": "es", "pt-BR": "pt"}


def corpora(mirror: Path, per_language: int) -> list[tuple[str, str, list[str]]]:
    """(corpus, language as the corpus names it, sentences), a seeded sample of each."""
    rng = random.Random(34)
    out = []
    for language, repo, commit, path, inner in tatoeba_corpus.SOURCES:
        found = [other for _english, other in tatoeba_corpus.pairs(mirror, repo, commit, path, inner)]
        out.append(("tatoeba", language, rng.sample(found, min(per_language, len(found)))))
    tico = mirror / tico_corpus.REPO.replace("/", "+") / "repo"
    for language in tico_corpus.LANGUAGES:
        try:
            found = [other for _english, other in tico_corpus.pairs(tico, language)]
        except subprocess.CalledProcessError:  # a mirror without that translation memory
            print(f"language_id: no TICO-19 {language} in {tico}, left out", file=sys.stderr)
            continue
        out.append(("tico-19", language, rng.sample(found, min(per_language, len(found)))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--per-language", type=int, default=1000)
    parser.add_argument("--show", type=int, default=0, help="print this many wrong names per language")
    args = parser.parse_args()
    bot = Bot(load_content(ROOT))
    languages = bot.index.languages
    ours = set(bot.content.translations)
    totals: dict[str, Counter[str]] = {"ours": Counter(), "not ours": Counter()}
    print(f"{'corpus':8} {'language':9} {'n':>5}  {'right':>6} {'wrong':>6} {'none':>6}   "
          f"{'n read as foreign':>17} {'right':>6} {'wrong':>6}")
    for corpus, name, sentences in corpora(args.mirror, args.per_language):
        code = CODES.get(name, name)
        expected = code if code in ours else None
        counts: Counter[str] = Counter()
        wrong_shown = 0
        for sentence in sentences:
            named = languages.identify(sentence)
            outcome = "right" if named == expected and named else "none" if named is None else "wrong"
            if expected is None and named is None:
                outcome = "right"
            counts[outcome] += 1
            if bot.index.safety.scan(sentence).foreign:
                counts["foreign"] += 1
                counts[f"foreign {outcome}"] += 1
            if outcome == "wrong" and wrong_shown < args.show:
                wrong_shown += 1
                print(f"    {named}: {sentence}")
        totals["ours" if expected else "not ours"].update(counts)
        print(f"{corpus:8} {name:9} {len(sentences):5}  {counts['right']:6} {counts['wrong']:6} {counts['none']:6}   "
              f"{counts['foreign']:17} {counts['foreign right']:6} {counts['foreign wrong']:6}")
    for group, c in totals.items():
        n = c["right"] + c["wrong"] + c["none"]
        f = c["foreign"]
        print(f"{group}: {n} sentences: named right {c['right']} ({c['right'] / n:.1%}), wrong {c['wrong']} "
              f"({c['wrong'] / n:.1%}), none {c['none']}; read as foreign {f}: right {c['foreign right']}, "
              f"wrong {c['foreign wrong']} ({c['foreign wrong'] / max(f, 1):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Sentences in other languages, labelled by their English side: training text for the letter reader.

The letter reader (bot/engine/lettermodel.py) learns which runs of letters tell an emergency in
another language. Its tuning sets hold a few hundred such messages; what it lacked was ordinary
text in those languages, so it learned that any foreign word was a danger. TICO-19 (CC0;
github.com/tico-19/tico-19.github.io) holds the same sentences (COVID-19 information and
doctor-patient dialogue) in English and in 30-odd languages. Each sentence in another language
takes the class the bot's own safety scan gives its English side (bot/curate/projection.py).

    python benchmarks/tico_corpus.py --mirror /work/.mirror --out /tmp/everyday2/tico-projected.tsv

The mirror is DIR/tico-19+tico-19.github.io/repo, as the repository-fetch tool leaves it. The
output is a TSV of language, class, text and source, for `genebot train-model --phrases`.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.curate.projection import english_class, evaluation_questions, projected_rows, write  # noqa: E402
from bot.curate.trainmodel import bot_without  # noqa: E402
from bot.engine.lettermodel import LETTER_MODEL  # noqa: E402
from bot.engine.textmodel import MODEL  # noqa: E402

REPO = "tico-19/tico-19.github.io"
LANGUAGES = ("es-LA", "pt-BR", "fr", "ru", "ar", "hi", "ur", "bn", "zh", "tl", "sw", "so", "fa", "ps", "id",
             "ms", "ta", "mr", "ne", "km", "my", "zu", "ha", "ckb", "rw", "lg", "ln", "ti")
PER_LANGUAGE = 400  # ordinary sentences a language; every emergency is kept
_XML = "{http://www.w3.org/XML/1998/namespace}lang"


def pairs(git_dir: Path, language: str) -> list[tuple[str, str]]:
    """(English, translation) of one translation memory."""
    path = f"data/TM/all.en-{language}.tmx.zip"
    raw = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"], capture_output=True, check=True)
    with zipfile.ZipFile(io.BytesIO(raw.stdout)) as book:
        tree = ElementTree.fromstring(book.read(book.namelist()[0]))
    out = []
    for unit in tree.iter("tu"):
        segs = {tuv.get(_XML, "").lower(): "".join(tuv.find("seg").itertext()).strip()  # type: ignore[union-attr]
                for tuv in unit.iter("tuv") if tuv.find("seg") is not None}
        english = segs.get("en")
        other = next((text for lang, text in segs.items() if lang != "en"), None)
        if english and other and 12 <= len(other) <= 300:
            out.append((english, other))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    git_dir = args.mirror / REPO.replace("/", "+") / "repo"
    judge = english_class(bot_without(ROOT, MODEL, LETTER_MODEL).index.safety)
    questions = evaluation_questions(ROOT)
    rows: list[tuple[str, str, str, str]] = []
    for language in LANGUAGES:
        source = f"https://github.com/{REPO} data/TM/all.en-{language}.tmx.zip"
        kept = projected_rows(judge, pairs(git_dir, language), PER_LANGUAGE, questions, language, source)
        urgent = sum(1 for row in kept if row[1] != "none")
        print(f"{language}: {urgent} emergencies, {len(kept) - urgent} ordinary", file=sys.stderr)
        rows += kept
    print(f"wrote {args.out}: {write(args.out, rows)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

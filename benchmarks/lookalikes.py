"""Write intents/lexicon/lookalikes.yaml: ordinary English words that the safety scan's
spelling repair would otherwise read as a misspelt concept word ("cooking" -> "choking").

The scan repairs a word it does not know when it is one slip of the keys from a lexicon word,
when rapidfuzz's ratio to a concept word reaches REPAIR_AT, and a shorter one when it is one
edit from a word that stands beside its neighbour in a concept phrase ("kiii myself"). Words
of a dictionary are real words, not misspellings, so every one the scan would read as another
word is listed here and never repaired. Run it after changing intents/lexicon/safety.yaml:

    apt-get install wamerican      # /usr/share/dict/american-english (Debian)
    python benchmarks/lookalikes.py [--words FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import yaml
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

import bot
from bot.engine.lexicon import LOOKALIKES
from bot.engine.normalise import normalise
from bot.engine.phrasebook import PhraseBook
from bot.engine.slips import Slips
from bot.engine.wordreader import MIN_BESIDE_LENGTH, WordReader

ROOT = Path(__file__).resolve().parent.parent
WORDS = "/usr/share/dict/american-english"  # Debian's wamerican


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default=WORDS, help="a word list, one word a line")
    args = parser.parse_args()
    try:
        raw = Path(args.words).read_text(encoding="utf-8", errors="replace").split()
    except OSError as exc:
        print(f"lookalikes: cannot read {args.words}: {exc} (apt-get install wamerican)", file=sys.stderr)
        return 2
    text, near, total = generate(raw)
    (ROOT / LOOKALIKES).write_text(text, encoding="utf-8")
    print(f"lookalikes: {near} of {total} dictionary words resemble a concept word")
    for where, found in (("the lexicon", misspelt(raw)), ("the examples", misspelt_examples(raw))):
        for word, meant in found.items():
            print(f"lookalikes: {where} list {word!r}, a misspelling of {meant!r}: write {meant!r} "
                  "(spelling repair reads the slip), or add it to NOT_MISSPELT", file=sys.stderr)
    return 0


# Words no American dictionary has that are not misspellings: British spellings, words of the
# other languages the lexicon reads (Spanish, French, German, Portuguese, Hindi, Tagalog), and
# "else's" once its apostrophe is gone, and "noone" ("noone can wake him"), which people type for "no one".
NOT_MISSPELT = frozenset({"accidente", "bringe", "cardiaco", "convulsiones", "crise", "dolor", "dreamt", "elses",
                          "fiancee", "jours", "laboured", "lyrica", "mucho", "neighbour", "noone", "responde",
                          "reveiller", "suicider", "tumour", "tumours"})


def dictionary_words(raw: list[str]) -> frozenset[str]:
    """A word list's words as messages are read: lower case, letters only ("don't": "dont")."""
    return frozenset(re.sub(r"[^a-z]", "", w.lower()) for w in raw)


def misspellings(used: dict[str, int], dictionary: frozenset[str]) -> dict[str, str]:
    """The words of `used` (word -> how often) that are a slip of the keys from a dictionary
    word used more often, and in no dictionary themselves. Words under four letters are left:
    neither spelling repair reaches them, so listing their misspellings is right ("hav")."""
    spelt_right = Slips.of({w for w in used if w in dictionary}, MIN_BESIDE_LENGTH)
    found = {w: spelt_right.undo(w) for w in sorted(used)
             if len(w) >= MIN_BESIDE_LENGTH and w.isalpha() and w not in dictionary and w not in NOT_MISSPELT}
    return {w: meant for w, meant in found.items() if meant and used[meant] >= used[w]}


def misspelt(raw: list[str]) -> dict[str, str]:
    """Lexicon words that are a misspelling of another lexicon word. Listed, a misspelling is a
    word the scan reads as typed: "kill myslf" then leaves "hurt myslf" unread, and protects
    dictionary words near it ("berth") from a repair they never needed. The scan reads the
    slip itself when only the word is listed."""
    return misspellings(dict.fromkeys(bot.load(ROOT).index.safety.book.english, 1), dictionary_words(raw))


def misspelt_examples(raw: list[str]) -> dict[str, str]:
    """Example words that are a misspelling of a word the examples use more often. Spelling
    repair reads a slip of the keys; an example written with one ("what are the sied effects")
    only makes the misspelling a known word, never repaired again ("can sied effects be
    treated" fell back)."""
    content = bot.load(ROOT).content
    used = Counter(w for topic in content.topics.values() for text in (*topic.examples, topic.question)
                   for w in normalise(text, content.language.spellings).split())
    return misspellings(used, dictionary_words(raw))


def generate(raw: list[str]) -> tuple[str, int, int]:
    """The file's text for a dictionary's words, and how many of how many it lists."""
    genebot = bot.load(ROOT)
    # A scan built without this file's words, which are what we make: with them, a word's
    # reading would depend on the file's last version (a run splits into known pieces).
    listed = frozenset(yaml.safe_load((ROOT / LOOKALIKES).read_text(encoding="utf-8"))["words"])
    lexicon = replace(genebot.content.safety, lookalikes=genebot.content.safety.lookalikes - listed)
    now = genebot.index.safety.reader
    reader = WordReader(lexicon, PhraseBook(lexicon), now.spellings, now.known - listed)
    words = sorted(dictionary_words(raw) - reader.known)
    # Beside its phrase's other word, a shorter word is repaired too, by one edit ("kiii myself"):
    # "fill myself" must stay "fill".
    beside = sorted({w for table in (reader.before, reader.after) for ws in table.values() for w in ws})
    words = [w for w in words if len(w) >= MIN_BESIDE_LENGTH]
    near = [w for w in words if reader.misreads(w)
            or process.extractOne(w, beside, scorer=Levenshtein.distance, processor=None, score_cutoff=1)]
    lines = "".join(f"  - '{w}'\n" for w in near)  # quoted: 'null', 'yes', 'off' are words here
    text = ("version: 1\n"
            "# Generated by benchmarks/lookalikes.py from a dictionary (Debian's wamerican): real words\n"
            "# that look like a concept word of safety.yaml, so the safety scan never 'repairs' them.\n"
            f"words:\n{lines}")
    return text, len(near), len(words)


if __name__ == "__main__":
    raise SystemExit(main())

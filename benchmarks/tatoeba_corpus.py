"""Everyday sentences in 39 languages from Tatoeba, labelled by their English side: training
text for the letter reader.

The letter reader (bot/engine/lettermodel.py) learned from danger phrases, which speak in the
first person ("je veux mourir"), and from TICO-19, whose ordinary sentences are public-health
prose. So it learned the first person itself: "bonjour, je voudrais une information pour ma
mere" read as a crisis through "je" and "ma", and "mwen vle mouri" through "mwen" and "vle",
not "mouri". Tatoeba's sentences (CC BY 2.0 FR, tatoeba.org) are everyday talk, mostly in the
first and second person: "I want to know", "my mother is tired", "I can't find my keys". Each
translation takes the class the bot's own safety scan gives its English side
(bot/curate/projection.py), so its few emergencies ("I can't breathe", "I want to die") come
with it. The Hindi sentences come twice: as written, and in Latin letters as chat types them
(bot/curate/romanise.py).

The copies are the manythings.org/anki pair files (English, translation, attribution) as
public repositories hold them, each pinned to a commit below. Fetch each repository with the
repository-fetch tool, then:

    python benchmarks/tatoeba_corpus.py --mirror /work/.mirror --out /tmp/everyday2/tatoeba-projected.tsv \
        --english /tmp/everyday2/tatoeba-english.txt

The output is a TSV of language, class, text and source, for `genebot train-model --phrases`.
With --english, the English sides too: everyday English for the word model (textmodel.py),
which had learned that a short plain sentence unlike a gene-therapy question ("I have a blue
car", "he's my brother") was an emergency.
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.curate.projection import english_class, evaluation_questions, far_from, projected_rows, write  # noqa: E402
from bot.curate.romanise import romanised  # noqa: E402
from bot.curate.trainmodel import bot_without  # noqa: E402
from bot.engine.lettermodel import LETTER_MODEL  # noqa: E402
from bot.engine.textmodel import MODEL  # noqa: E402

_LID = ("dariofugale95/LanguageIdentificationKeras", "b3cfbab60bc3d0042003c9c28e3f60ed5c69f1ed")
# language (ISO 639-3), repository, commit, file (or zip), file inside the zip
SOURCES = (
    ("ara", "omnia197/eng2ara", "177320081b2d8a8ba52dbbd9710f8872ad7beef7", "seq2seqBasic/ara.txt", ""),
    ("ben", "ensorceler/seq2seq", "b4ae03fd1eaa4e036f00ef551f9f12b2c4f0e9b6", "ben-eng/ben.txt", ""),
    ("bul", *_LID, "data/bul.txt", ""),
    ("cat", *_LID, "data/cat.txt", ""),
    ("ces", *_LID, "data/ces.txt", ""),
    ("cmn", "13luoyu/Transformer-machine-translation", "aa43963320ccfacebd1d3542deae559bbca58d03", "cmn.txt", ""),
    ("dan", *_LID, "data/dan.txt", ""),
    ("deu", "jhamburg/dats6450_nlp", "fc38d83c4353d753fb9b34d98e945cbc5fab2811", "deu-eng.zip", "deu.txt"),
    ("ell", *_LID, "data/ell.txt", ""),
    ("est", *_LID, "data/est.txt", ""),
    ("fin", *_LID, "data/fin.txt", ""),
    ("fra", "modelexlab/data", "adddaf33ac35572bcfeb421efec29435e7ea9332", "fra-eng.zip", "fra-eng/fra.txt"),
    ("hin", "ensorceler/seq2seq", "b4ae03fd1eaa4e036f00ef551f9f12b2c4f0e9b6", "hin-eng/hin.txt", ""),
    ("hrv", *_LID, "data/hrv.txt", ""),
    ("hun", *_LID, "data/hun.txt", ""),
    ("ind", "AndiAlifs/DatasetRepos", "7ff3808d806ca1eff08711dd8f4d7537cc5d8f4f", "ind.txt", ""),
    ("isl", *_LID, "data/isl.txt", ""),
    ("jpn", "Rocketblaster247/EN2JA", "6094e861b6c68bbfbee0f7c7f7f188a19518c652", "jpn.txt", ""),
    ("kor", "nate-koser/kor-eng-translator", "75021833d3443273567daf7f09372472e48f9843", "kor.txt", ""),
    ("lit", *_LID, "data/lit.txt", ""),
    ("lvs", *_LID, "data/lvs.txt", ""),
    ("mar", "shantanuo/Word-Level-Eng-Mar-NMT", "bcdbff3da49b163e7e5f6611f47731f387631807", "mar.txt", ""),
    ("nld", "BMKessels/lstm_lecture", "2ef6fb5a6e851a258e29f348bc8c54a4dc04a530", "nld-eng.zip", "nld.txt"),
    ("nob", *_LID, "data/nob.txt", ""),
    ("pes", "rezalahmi/English-Persian-Translator", "5b25241e25399a35f8a4b4ff05e399feaab9ab08", "pes.txt", ""),
    ("pol", *_LID, "data/pol.txt", ""),
    ("ron", "Tron404/NLP_GroupFinalProject", "e305c50b91454390ea1ad24482e5db76a1f7da23", "ron-eng.zip", "ron.txt"),
    ("slk", *_LID, "data/slk.txt", ""),
    ("slv", *_LID, "data/slv.txt", ""),
    ("spa", "Hoangduc212001/hoang", "2cfd26f9551f5c2d614e8000500891801840a438", "spa-eng.zip", "spa-eng/spa.txt"),
    ("srp", *_LID, "data/srp.txt", ""),
    ("swe", *_LID, "data/swe.txt", ""),
    ("tam", "Priyankanks/Encoders_Decoders_Language_Translation_NLP", "c2777ab47866c6fcaefdfe05438926325d17f92b",
     "tam.txt", ""),
    ("tgl", "kenandutan/MachineTranslation", "6d4340e7ec21eccb2b17c88c10f93a197303bad6", "tgl.txt", ""),
    ("tha", "ArthurMinovsky/Neural-Machine-Translation-th-en", "af1ea44f39209b1298ab830fec64189cb9490387",
     "tha.txt", ""),
    ("tur", "devcem/NMT-on-PHP", "54040b37f8c8d891d00abcd364c0498d07aa3a67", "tur.txt", ""),
    ("urd", "TahirZia-1/Transformer-Based-English-Urdu-Neural-Machine-Translation",
     "885be19e92985db04f2529ee45ec6ef7689630e5", "dataset/urd.txt", ""),
    ("vie", "Hoangduc212001/hoang", "2cfd26f9551f5c2d614e8000500891801840a438", "vie-eng.zip", "vie.txt"),
    ("zsm", *_LID, "data/zsm.txt", ""),
)
PER_LANGUAGE = 1000  # ordinary sentences a language at least; every emergency is kept
# and five ordinary sentences for each: the lexicon finds German and French stories full of
# them ("Tom killed himself"), and with 1,000 ordinary sentences beside 1,134 emergencies the
# reader learned German as danger ("Termin", an appointment, read as "terminal")
PER_EMERGENCY = 5
ENGLISH = 20_000  # English sentences sampled for --english (the trainer takes half, at most 10,000)


def git_dir(mirror: Path, repo: str) -> Path:
    """The bare repository the fetch tool left (some snapshots keep it in repo/.git)."""
    base = mirror / repo.replace("/", "+") / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def pairs(mirror: Path, repo: str, commit: str, path: str, inner: str) -> list[tuple[str, str]]:
    """(English, translation) of one pair file, each translation once."""
    raw = subprocess.run(["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"{commit}:{path}"],
                         capture_output=True, check=True).stdout
    if inner:
        with zipfile.ZipFile(io.BytesIO(raw)) as book:
            raw = book.read(inner)
    out: dict[str, str] = {}
    for line in raw.decode("utf-8-sig").splitlines():
        english, _, rest = line.partition("\t")
        other = rest.split("\t", 1)[0].strip()
        if english.strip() and 4 <= len(other) <= 300:
            out.setdefault(other, english.strip())
    return [(english, other) for other, english in out.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--english", type=Path, help="also write the English sentences the lexicon finds "
                        "ordinary, one a line, for `genebot train-model --everyday`")
    args = parser.parse_args()
    judge = english_class(bot_without(ROOT, MODEL, LETTER_MODEL).index.safety)
    questions = evaluation_questions(ROOT)
    rows: list[tuple[str, str, str, str]] = []
    english: set[str] = set()
    for language, repo, commit, path, inner in SOURCES:
        found = pairs(args.mirror, repo, commit, path, inner)
        english.update(e for e, _ in found if judge(e) == "none")
        source = f"https://github.com/{repo}/blob/{commit}/{path} (tatoeba.org, CC BY 2.0 FR)"
        kept = projected_rows(judge, found, PER_LANGUAGE, questions, language, source, PER_EMERGENCY)
        urgent = sum(1 for row in kept if row[1] != "none")
        print(f"{language}: {urgent} emergencies, {len(kept) - urgent} ordinary", file=sys.stderr)
        rows += kept
        if language == "hin":  # Hindi as chat types it too (bot/curate/romanise.py)
            latin = [(e, romanised(other)) for e, other in found]
            rows += projected_rows(judge, latin, PER_LANGUAGE, questions, "hin-Latn", f"{source}, romanised",
                                   PER_EMERGENCY)
    print(f"wrote {args.out}: {write(args.out, rows)} sentences")
    if args.english:
        sample = sorted(english)
        random.Random(1).shuffle(sample)
        sample = far_from(sample[:ENGLISH], questions)
        args.english.write_text("".join(f"{e}\n" for e in sample), encoding="utf-8")
        print(f"wrote {args.english}: {len(sample)} of {len(english)} English sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

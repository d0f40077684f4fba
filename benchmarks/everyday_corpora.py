"""Rebuild the everyday-text files the learned safety model was trained on, and check them.

`intents/lexicon/safety-model.yaml` lists under `trained_on` six everyday files (one message a
line) by name and sha256. They come from public GitHub data sets and are not vendored, so a
retrain (`genebot train-model --everyday FILE ...`, docs/safety.md) needs them rebuilt byte for
byte. This script rebuilds them from local mirrors of those repositories (bare git dirs, read
with `git show HEAD:path`) and checks each one's sha256 against the model file:

    python benchmarks/everyday_corpora.py --mirror /work/.mirror --out /tmp/everyday

A mirror is DIR/owner+name/repo (a bare git dir, or a clone whose .git is read), as the
repository-fetch tool leaves it. The exit status is 0 only when every file was rebuilt and matched.

Two kinds of recipe are here (RECIPES says which is which):

- original: `epie-idioms.txt` and `jfcjaya-non-suicide-posts.txt`, proven to give the bytes of the
  nineteenth round's training.
- new: `sad-stress-sentences.txt`, `rhmd-health-mentions.txt`, `laxmimerit-not-suicidal.txt`
  and `lasseregin-personal-medical-questions.txt`. Their original recipes were lost with a
  scratch folder in the nineteenth round and could not be rediscovered, so these were defined
  anew in the twentieth round (2026-12-03), from the same repositories and in the same spirit
  (same file names, similar size and kind of text), and the model was retrained on them.

Every new recipe makes ordinary, non-emergency text: one message a line, whitespace collapsed,
empty lines and repeats dropped (first copy kept, source order), and lines with crisis wording
(CRISIS_WORDING) dropped, since the trainer counts every line as not an emergency. Like the jfcjaya
recipe, each drops the few source texts whose first 60 characters resembled an evaluation message
(named by hash in *_DROPPED), so the rebuild needs neither the evaluation sets nor a fuzzy matcher.
The model's `messages` count for a file is the number of lines the trainer sampled: every other
line of a seeded shuffle, so about half the file.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "intents" / "lexicon" / "safety-model.yaml"

# --- Original recipes (proven: they give the bytes the shipped model was trained on) -------------

# jfcjaya/dataset: three samples of Kaggle's "Suicide and Depression Detection" set (the
# 25,000-row files are stored as LFS pointers and were not used).
JFCJAYA_FILES = ("suicide_detection.csv", "suicide_detection_1000.csv", "suicide_detection_short.csv")
# Three posts dropped, unread, because their first 60 characters resembled an evaluation message
# (fuzzy partial ratio >= 92, evaluation messages of 15 characters or more); named here by the
# sha256 of the post as the CSV holds it, so the rebuild needs neither the evaluation sets nor a
# fuzzy matcher.
JFCJAYA_DROPPED = ("69a35a64905178e2", "e503c53dfb0bedd6", "1b1e9846f6815802")
# A Reddit title glued to its body ("every oneI just ..."): a '. ' goes in at the first capital
# that follows a lowercase letter, digit or closing punctuation with no space between.
GLUED_TITLE = re.compile(r"([a-z0-9.?!)'\"])([A-Z])")

# --- New recipes (twentieth round, 2026-12-03) ---------------------------------------------------

# Crisis wording. Everyday files teach the model what is NOT an emergency, so a line that is itself
# a crisis message (even a hyperbolic "this song makes me want to die") must not be among them. The
# sources strip apostrophes at times ("don t"), hence the optional ones.
CRISIS_WORDING = re.compile(
    r"suicid"                                                  # suicide, suicidal
    r"|\bkill(?:ing)? my ?self\b|\bkms\b"                      # kill myself
    r"|\bself[- ]?harm"                                        # self-harm, self harm
    r"|\boverdos"                                              # overdose, overdosed, overdosing
    r"|\bend(?:ing)? (?:my|it) (?:own )?life\b|\bend it all\b|\btake my (?:own )?life\b"
    r"|\b(?:want|wanted|wanting|wanna|going|ready) (?:to )?die\b"
    r"|\bwish (?:i )?(?:was |were )?dead\b|\bbetter off dead\b"
    r"|\b(?:cut|cutting|hurt|hurting) my ?self\b"
    r"|\bno reason to live\b|\bdon['’ ]?t want to (?:live|be alive)\b",
    re.IGNORECASE)
# A medical emergency happening now, in a personal medical question: such a question is not an
# ordinary one, so it is dropped (with a wide net: a chronic "chest pains for years" goes too).
EMERGENCY_NOW = re.compile(
    r"\b(?:can['’]?t|cannot|unable to|not|stopped) breath(?:e|ing)\b|\bchoking\b"
    r"|\bchest (?:pains?|tightness)\b|\btight chest\b|\bhaving (?:a )?(?:heart attack|stroke)\b"
    r"|\bunconscious\b|\bunresponsive\b|\bpassed out\b|\bwon['’]?t wake\b"
    r"|\bbleeding (?:heavily|a lot)\b|\bheavy bleeding\b|\b(?:won['’]?t|can['’]?t) stop bleeding\b"
    r"|\b(?:having|has) (?:a )?seizures?\b|\bseizing\b|\bconvulsing\b"
    r"|\btoo many (?:pills|tablets|capsules)\b|\bswallowed \d+|\b(?:whole|entire) bottle\b|\bpoison",
    re.IGNORECASE)
URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# The writer or a relative of theirs ("I have", "my son"): what makes a medical question personal.
PERSONAL = re.compile(r"\b(?:i|i['’]m|i['’]ve|im|me|my)\b", re.IGNORECASE)
# UTF-8 read as Mac Roman, as in part of RHMD ("‚Äô" for "’"): a lead byte's character followed by
# continuation bytes' characters.
MAC_ROMAN_MOJIBAKE = re.compile("[{}][{}]{{1,3}}".format(
    re.escape(bytes(range(0xC2, 0xF5)).decode("mac_roman")), re.escape(bytes(range(0x80, 0xC0)).decode("mac_roman"))))

# SAD: the sources where real people wrote (LiveJournal posts found with the Inquire tool, and
# messages to the authors' live chatbot), not the ones Mechanical Turk workers made up.
SAD_SOURCES = frozenset({"Inquire", "InquireComposited", "popbots_live"})
SAD_SHEET = "xl/worksheets/sheet1.xml"
XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# RHMD labels: 0 figurative mention ("this traffic gives me a heart attack"), 1 non-health mention;
# 2 (someone's own health) is left out. Long posts (over 500 characters) are not message-like.
RHMD_LABELS = frozenset({"0", "1"})
RHMD_MAX_CHARS = 500
# LasseRegin: the question titles of three sites (webmdQAs.json is listed but its blob is not in
# the repository's snapshot; healthtapQAs.json was deleted upstream on legal request).
LASSEREGIN_FILES = ("ehealthforumQAs.json", "icliniqQAs.json", "questionDoctorQAs.json")
LASSEREGIN_MAX_CHARS = 300

# Source texts dropped, unread, because the first 60 characters of their line (as the file writes
# it) resembled an evaluation message: the same test as JFCJAYA_DROPPED's (which it reproduces),
# run once on 2026-12-03 against the `question`/`text` strings of tests/eval/*.yaml and
# benchmarks/probes/*.yaml. Named by the sha256 of the text as the source holds it (16 hex digits).
SAD_DROPPED = frozenset({
    "0209442e115ad7bc", "0afa5bb5d5f17879", "0b97fd08a0e54b3e", "0dd654989d6ccf1e", "11be9779d10388c8",
    "132768fb8dc70987", "1368b8b28cdc1a0f", "1785cfc3bc6ac773", "1f01dc3936a24ae3", "2b2961a431b23c90",
    "2ecd1cf6ee361aa0", "3378d9bab619a6e4", "349f1b969adc72f6", "38c3baac1ce59618", "463c61747754c6f7",
    "570bbec9e4b6bfc5", "5e8c9902207afaeb", "6062c9072b431143", "6e862940d0bf2eea", "776af9401679287d",
    "7b3bb6b022108418", "7ba51c6443676722", "8346862a9c870a53", "8623f6ce16b16cb4", "8a8de823d5ed3e12",
    "8d2ac8b58ead9744", "8f434346648f6b96", "9390298f3fb0c5b1", "98d44e13f455d916", "b3f2a8545b788064",
    "b42cf069a018a6c7", "bb78be64c4f0f3c6", "c0cafcf0e2d6a236", "cc3c306f7a579bd2", "cd7ac4c61fd8bd3e",
    "de96d0e079a4204d", "dfc8aeb39828e31c", "e0988936a745e430", "e84c56a93dfd27a5", "eec346c25dba1cfd",
    "f9839b91c90f5122",
})
RHMD_DROPPED = frozenset({
    "0202505b5406d8de", "08fff80ee2b5f394", "0f21d6f067cca53b", "2264b2f22be20d4e", "2512dde62ea748de",
    "2ccdb573da0a8996", "35e5975543c4aeb3", "595b82fee32d9cc6", "6338830c33a78d00", "670a802ebaeca78e",
    "67b48973803e9179", "69a6fc2f8ea75385", "6ae33be4704a3bff", "7346715a16cd9a9d", "8871d86e7a335da6",
    "9053704d9e756add", "a0ebfbd7903ff03c", "a4dbb8dc62c783b9", "a7588f344f1c1af5", "cc19673d08e91cf4",
    "d2608d9bd9a40137", "d9500c782a3ca39b", "e494c18780ed6d6f", "e61882d6fda1106b",
})
LAXMIMERIT_DROPPED = frozenset({
    "014dcf83c976d10a", "05ce366f561c973a", "0702b56bfe968814", "0efea166568eee1c", "0f20672f7ed2225c",
    "158c9f252b21c164", "172f79c5b1d368f6", "237c56d1c95fa5fa", "2accf5b7f7472065", "44a03f0a0f9a713b",
    "470f368fc459d841", "4a2653a703febdbf", "4e51c403ed1265ed", "5694d834cac109ba", "59bc6403ca2323c3",
    "5fe82e7a109296ce", "6c8f909052a44ea3", "6e06d1498e32676a", "72fcc81654e8d6f8", "758124ca5bc60460",
    "75fba329cb6ee890", "77322aefd234c2f2", "778570204014efe3", "7d43e3f1f1a3c5c5", "7f6e9749f65a8f54",
    "7f85c85c33846c7e", "80db8cc8523c29f8", "83e3f172a144ece8", "844347e54f00c4b9", "879a923010ef6357",
    "8873fbbf32692730", "8f517cfdf10567d9", "96614d8e2e9da8ff", "9cc0a3d53b819b08", "9ef0a49cb30f598b",
    "a47b70743d043d74", "a4b223c95afa5b73", "a6a2729cbf6bcadc", "acac86c0e609ca90", "ad1dfdef5166b512",
    "b7995b16a098213f", "bac09ef1b837447b", "be302722726f3327", "bffaef31a3f43ae1", "c2db25a15ff0f310",
    "c46244d6922c28cc", "c64ada3cbce0b327", "c914362d74c8924a", "d0809a210a4a248c", "d2010b5191c56bc7",
    "d3b598813a977a41", "d748d7e1d2bc42df", "d83d03acbbc912e5", "e48c045346ff3944", "e593cf62e6257fc3",
    "e6e7770e6019e2c9", "f23d2e503579c8f3", "f2cab747dbc88c19", "f5b729e400e7733c", "fa864d7c29465d2e",
    "fc29c3097f8659b3", "fdabd6cbf426216a", "fe825fc35b7fb3d5",
})
LASSEREGIN_DROPPED = frozenset({
    "0e9760c2d03590af", "afcb23b86423394d", "b54745ec5838dc47", "e188793bcae4d2d9",
})


class Mirror:
    """Files of the mirrored repositories under one folder, read from their HEAD commit."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git_dir(self, repo: str) -> Path:
        base = self.root / repo.replace("/", "+") / "repo"
        return base / ".git" if (base / ".git").is_dir() else base

    def read(self, repo: str, path: str) -> bytes:
        out = subprocess.run(["git", "--git-dir", str(self.git_dir(repo)), "show", f"HEAD:{path}"],
                             capture_output=True, check=False)
        if out.returncode != 0:
            raise FileNotFoundError(f"{repo}:{path}: {out.stderr.decode(errors='replace').strip()}")
        if out.stdout.startswith(b"version https://git-lfs"):
            raise FileNotFoundError(f"{repo}:{path} is a Git LFS pointer, not the data")
        return out.stdout


def epie_idioms(mirror: Mirror) -> bytes:
    """ORIGINAL. The EPIE corpus's idiom sentences as tokenised in its Words files: static idioms, then formal."""
    repo = "prateeksaxena2809/EPIE_Corpus"
    return (mirror.read(repo, "Static_Idioms_Corpus/Static_Idioms_Words.txt")
            + mirror.read(repo, "Formal_Idioms_Corpus/Formal_Idioms_Words.txt"))


def jfcjaya_non_suicide_posts(mirror: Mirror) -> bytes:
    """ORIGINAL. The r/teenagers ("non-suicide") posts of jfcjaya/dataset's three CSVs, first copy of each."""
    posts: dict[str, None] = {}
    for name in JFCJAYA_FILES:
        text = mirror.read("jfcjaya/dataset", name).decode("utf-8")
        for row in csv.DictReader(io.StringIO(text, newline="")):
            if row["class"] == "non-suicide":
                posts.setdefault(row["text"])
    lines = [" ".join(GLUED_TITLE.sub(r"\1. \2", post, count=1).split()) for post in posts
             if hashlib.sha256(post.encode("utf-8")).hexdigest()[:16] not in JFCJAYA_DROPPED]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def one_line(text: str) -> str:
    """Whitespace collapsed, so a multi-line post stays one message."""
    return " ".join(text.split())


def short_sha(text: str) -> str:
    """The name a *_DROPPED constant gives a source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def undo_mac_roman(text: str) -> str:
    """Text with its UTF-8-read-as-Mac-Roman runs decoded back ("‚Äô" -> "’"); others kept."""
    def decode(match: re.Match[str]) -> str:
        try:
            return match.group().encode("mac_roman").decode("utf-8")
        except UnicodeError:
            return match.group()
    return MAC_ROMAN_MOJIBAKE.sub(decode, text)


def everyday_lines(texts: Iterable[str], keep: Callable[[str], bool], dropped: frozenset[str],
                   clean: Callable[[str], str] = one_line) -> bytes:
    """The file of a new recipe: kept, crisis-free lines, first copy of each, in source order."""
    lines: dict[str, None] = {}
    for text in texts:
        if short_sha(text) in dropped:
            continue
        line = clean(text)
        if line and not CRISIS_WORDING.search(line) and keep(line):
            lines.setdefault(line)
    return "".join(line + "\n" for line in lines).encode("utf-8")


def csv_rows(mirror: Mirror, repo: str, path: str) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file of a mirrored repository."""
    return list(csv.DictReader(io.StringIO(mirror.read(repo, path).decode("utf-8"), newline="")))


def xlsx_rows(data: bytes, sheet: str) -> Iterator[dict[str, str]]:
    """The rows of one sheet of an .xlsx file by header, with the standard library only."""
    book = zipfile.ZipFile(io.BytesIO(data))
    shared = ["".join(t.text or "" for t in item.iter(f"{XLSX}t"))
              for item in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iter(f"{XLSX}si")]
    header: dict[str, str] = {}
    for row in ElementTree.fromstring(book.read(sheet)).iter(f"{XLSX}row"):
        cells = {}
        for cell in row.iter(f"{XLSX}c"):
            value = cell.findtext(f"{XLSX}v") or ""
            column = re.match(r"[A-Z]+", cell.get("r", "")).group()
            cells[column] = shared[int(value)] if cell.get("t") == "s" else value
        if not header:
            header = cells
            continue
        yield {name: cells.get(column, "") for column, name in header.items()}


def sad_stress_sentences(mirror: Mirror) -> bytes:
    """NEW. SAD's sentences by real people (LiveJournal, live chatbot users), in sheet order."""
    book = zipfile.ZipFile(io.BytesIO(mirror.read("PervasiveWellbeingTech/Stress-Annotated-Dataset-SAD", "SAD_v1.zip")))
    rows = xlsx_rows(book.read("SAD_v1.xlsx"), SAD_SHEET)
    return everyday_lines((row["sentence"] for row in rows if row["Source"] in SAD_SOURCES),
                          keep=lambda line: True, dropped=SAD_DROPPED)


def rhmd_health_mentions(mirror: Mirror) -> bytes:
    """NEW. RHMD's figurative and non-health mentions: short, no links, mojibake undone."""
    rows = csv_rows(mirror, "usmaann/RHMD-Health-Mention-Dataset", "RHMD_3_Class.csv")
    return everyday_lines((row["Text"] for row in rows if row["Label"] in RHMD_LABELS),
                          keep=lambda line: len(line) <= RHMD_MAX_CHARS and not URL.search(line),
                          dropped=RHMD_DROPPED, clean=lambda text: one_line(undo_mac_roman(text)))


def laxmimerit_not_suicidal(mirror: Mirror) -> bytes:
    """NEW. The tweets labelled not suicidal (intention 0), minus those with crisis wording."""
    rows = csv_rows(mirror, "laxmimerit/twitter-suicidal-intention-dataset", "twitter-suicidal_data.csv")
    return everyday_lines((row["tweet"] for row in rows if row["intention"] == "0"),
                          keep=lambda line: True, dropped=LAXMIMERIT_DROPPED)


def is_personal_question(line: str) -> bool:
    """A short question about the writer or a relative, with no emergency happening now."""
    return len(line) <= LASSEREGIN_MAX_CHARS and bool(PERSONAL.search(line)) and not EMERGENCY_NOW.search(line)


def lasseregin_personal_medical_questions(mirror: Mirror) -> bytes:
    """NEW. Personal, non-emergency question titles of eHealth Forum, iCliniq and Question Doctors."""
    questions = (item["question"] for name in LASSEREGIN_FILES
                 for item in json.loads(mirror.read("LasseRegin/medical-question-answer-data", name)))
    return everyday_lines(questions, keep=is_personal_question, dropped=LASSEREGIN_DROPPED)


class Recipe(NamedTuple):
    """How one file is built, and whether that is the recipe the shipped model's file came from."""

    build: Callable[[Mirror], bytes]
    origin: str


ORIGINAL = "original recipe"
NEW = "new recipe (twentieth round)"
RECIPES: dict[str, Recipe] = {
    "epie-idioms.txt": Recipe(epie_idioms, ORIGINAL),
    "jfcjaya-non-suicide-posts.txt": Recipe(jfcjaya_non_suicide_posts, ORIGINAL),
    "sad-stress-sentences.txt": Recipe(sad_stress_sentences, NEW),
    "rhmd-health-mentions.txt": Recipe(rhmd_health_mentions, NEW),
    "laxmimerit-not-suicidal.txt": Recipe(laxmimerit_not_suicidal, NEW),
    "lasseregin-personal-medical-questions.txt": Recipe(lasseregin_personal_medical_questions, NEW),
}


def trained_on(model: Path = MODEL) -> dict[str, tuple[str, int]]:
    """The everyday .txt files of the model's `trained_on`: name -> (sha256, lines sampled)."""
    entry = re.compile(r"^- file: (\S+\.txt)\n  sha256: ([0-9a-f]{64})\n  messages: (\d+)$", re.M)
    return {name: (digest, int(count)) for name, digest, count in entry.findall(model.read_text(encoding="utf-8"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, required=True, help="folder of mirrors, DIR/owner+name/repo")
    parser.add_argument("--out", type=Path, required=True, help="where to write the rebuilt files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    mirror = Mirror(args.mirror)
    expected = trained_on()
    failed = 0
    for name, (digest, sampled) in sorted(expected.items()):
        recipe = RECIPES.get(name)
        if recipe is None:
            print(f"{name}: not rebuilt, no known recipe (training sampled {sampled} of its lines), sha256 match no")
            failed += 1
            continue
        try:
            data = recipe.build(mirror)
        except FileNotFoundError as e:
            print(f"{name}: cannot build: {e}")
            failed += 1
            continue
        (args.out / name).write_bytes(data)
        ok = hashlib.sha256(data).hexdigest() == digest
        failed += not ok
        lines = data.count(b"\n")
        print(f"{name}: {lines} lines, sha256 match {'yes' if ok else 'no'} ({recipe.origin})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

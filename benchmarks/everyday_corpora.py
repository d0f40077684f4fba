"""Rebuild the everyday-text files the learned safety model was trained on, and check them.

`intents/lexicon/safety-model.yaml` lists under `trained_on` six everyday files (one message a
line) by name and sha256. They come from public GitHub data sets and are not vendored, so a
retrain (`genebot train-model --everyday FILE ...`, docs/safety.md) needs them rebuilt byte for
byte. This script rebuilds them from local mirrors of those repositories (bare git dirs, read
with `git show HEAD:path`) and checks each one's sha256 against the model file:

    python benchmarks/everyday_corpora.py --mirror /work/.mirror --out /tmp/everyday

A mirror is DIR/owner+name/repo (a bare git dir, or a clone whose .git is read), as the
repository-fetch tool leaves it. Only recipes proven to give the trained bytes are here; a file
without one is reported as not rebuilt (its `messages` count in the model is the number of lines
the trainer sampled: every other line of a seeded shuffle, so about half the file). The exit
status is 0 only when every file was rebuilt and matched.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "intents" / "lexicon" / "safety-model.yaml"

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
    """The EPIE corpus's idiom sentences as tokenised in its Words files: static idioms, then formal."""
    repo = "prateeksaxena2809/EPIE_Corpus"
    return (mirror.read(repo, "Static_Idioms_Corpus/Static_Idioms_Words.txt")
            + mirror.read(repo, "Formal_Idioms_Corpus/Formal_Idioms_Words.txt"))


def jfcjaya_non_suicide_posts(mirror: Mirror) -> bytes:
    """The r/teenagers ("non-suicide") posts of jfcjaya/dataset's three CSVs, first copy of each."""
    posts: dict[str, None] = {}
    for name in JFCJAYA_FILES:
        text = mirror.read("jfcjaya/dataset", name).decode("utf-8")
        for row in csv.DictReader(io.StringIO(text, newline="")):
            if row["class"] == "non-suicide":
                posts.setdefault(row["text"])
    lines = [" ".join(GLUED_TITLE.sub(r"\1. \2", post, count=1).split()) for post in posts
             if hashlib.sha256(post.encode("utf-8")).hexdigest()[:16] not in JFCJAYA_DROPPED]
    return "".join(line + "\n" for line in lines).encode("utf-8")


RECIPES: dict[str, Callable[[Mirror], bytes]] = {
    "epie-idioms.txt": epie_idioms,
    "jfcjaya-non-suicide-posts.txt": jfcjaya_non_suicide_posts,
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
            data = recipe(mirror)
        except FileNotFoundError as e:
            print(f"{name}: cannot build: {e}")
            failed += 1
            continue
        (args.out / name).write_bytes(data)
        ok = hashlib.sha256(data).hexdigest() == digest
        failed += not ok
        lines = data.count(b"\n")
        print(f"{name}: {lines} lines, sha256 match {'yes' if ok else 'no'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

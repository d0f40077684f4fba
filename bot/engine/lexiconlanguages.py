"""The safety lexicon in other languages (intents/lexicon/languages/*.yaml): one file per
language, its emergency phrases and its signs that count together filed under the concept ids
of safety.yaml, its ConText triggers, scope ends, pseudo-triggers and figures of speech, and
the owners and frames of a request for personal advice.

Kept apart from safety.yaml so that the scan knows which words are English. A word only these
files use is read as typed in a message in another language, and is never what an English
typo is repaired into or a run of English is split into: Somali or Hausa "wanan" must not stop
"wanan die" being read as "wanna die".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import Problem
from .lexicon import CATEGORIES, DIRECTIONS, GAP, Trigger
from .lexiconreader import Reader
from .yamlfile import Located, line_of, load_folder

__all__ = ["LANGUAGES", "OtherLanguages", "load_languages", "read_triggers"]

LANGUAGES = Path("intents") / "lexicon" / "languages"

Phrases = tuple[tuple[str, ...], ...]
# A language file's phrase of this many words or fewer, all of them English lexicon words, reads
# in English messages too: de.yaml's bare "heart attack" had made "heart attack on a plate, this
# burger" an emergency. Warned at load (longer ones are Pidgin or mixed phrases, and meant).
ENGLISH_ALONE = 2
_KEYS = {"version", "language", "concepts", "signs", "pseudo", "context", "disclaimers", "personal", "amounts",
         "homographs"}


@dataclass(frozen=True, slots=True)
class OtherLanguages:
    terms: Mapping[str, Phrases]  # concept id -> its phrases in every other language
    pseudo: Phrases
    triggers: tuple[Trigger, ...]
    disclaimers: Phrases
    owners: Phrases  # personal advice: whose situation ("mi hijo", "我女儿") ...
    frames: Phrases  # ... and the decision asked about ("deberia", "soll ich", "适合参加")
    amounts: frozenset[str] = frozenset()  # "40 lat", "70 kg": an age or a weight, no fever or count of pills
    end: Phrases = ()       # where a context scope ends ("pero", "mais") ...
    end_near: Phrases = ()  # ... and a short one ("y", "et", "ich"): Spanish drops its "I"
    # a trigger's word that denies nothing inside these: Portuguese "sem querer" (by accident)
    pseudo_triggers: Phrases = ()
    # each file's words, by its name ("es"): which language a message is in (languageid.py)
    vocabularies: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # file name -> concept id -> its groups of signs that count together ("fieber" with
    # "verwirrt"), one for each of the concept's groups in safety.yaml
    signs: Mapping[str, Mapping[str, tuple[Phrases, ...]]] = field(default_factory=lambda: MappingProxyType({}))
    # file name -> its words no trigger is made of in a message in it (Vietnamese "nó" is no "no")
    homographs: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # a concept phrase with a gap -> the one-word denials of its own file: what the gap may hold
    # that denies it (Vietnamese "nó", he, folds to English "no" and denies no Vietnamese phrase)
    gap_denials: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    def phrases(self) -> Phrases:
        return (*(t for ts in self.terms.values() for t in ts), *self.pseudo,
                *(s for by_id in self.signs.values() for groups in by_id.values() for group in groups for s in group),
                *(t.words for t in self.triggers), *self.disclaimers, *self.owners, *self.frames,
                *self.end, *self.end_near, *self.pseudo_triggers)


def load_languages(root: Path, reader_for: Callable[[Path], Reader], listed: Mapping[str, Phrases],
                   problems: list[Problem], together: Mapping[str, tuple[Phrases, ...]]) -> OtherLanguages:
    """Every language file, in name order. An unknown concept id, or a phrase some concept
    already has, is an error in its file; so are signs for a concept with another number of
    groups in safety.yaml (``together``: concept id -> its groups)."""
    found = _Found({term: cid for cid, ts in listed.items() for term in ts}, together)
    vocabularies: dict[str, frozenset[str]] = {}
    for path, doc in load_folder(root, LANGUAGES, problems):
        r = reader_for(path)
        if r.mapping(doc, 1, "the file", _KEYS, {"version", "language", "concepts"}):
            if doc.get("version") != 1:
                r.error(line_of(doc, "version"), "'version: 1' is required at the top")
            r.text(doc, "language", "the file")
            vocabularies[path.stem] = found.read(r, doc, set(listed), path.stem)
    return OtherLanguages(MappingProxyType({c: tuple(ts) for c, ts in found.terms.items()}),
                          tuple(found.pseudo), tuple(found.triggers), tuple(found.disclaimers),
                          tuple(dict.fromkeys(found.personal["owners"])),
                          tuple(dict.fromkeys(found.personal["frames"])), frozenset(found.amounts),
                          tuple(dict.fromkeys(found.lists["end"])), tuple(dict.fromkeys(found.lists["end-near"])),
                          tuple(dict.fromkeys(found.lists["pseudo-triggers"])),
                          MappingProxyType(vocabularies), MappingProxyType(found.signs),
                          MappingProxyType(found.homographs), MappingProxyType(found.gap_denials))


class _Found:
    """What the language files read so far say, in file order."""

    def __init__(self, owner_of: dict[tuple[str, ...], str], together: Mapping[str, tuple[Phrases, ...]]) -> None:
        self.owner_of = owner_of  # every concept phrase -> its concept id, safety.yaml's first
        # the words of safety.yaml's own phrases: a short phrase made only of them reads in English too
        self.english = frozenset(w for term in owner_of for w in term) - {GAP}
        self.together = together  # concept id -> its groups of signs in safety.yaml
        self.signs: dict[str, Mapping[str, tuple[Phrases, ...]]] = {}  # file name -> concept id -> groups
        self.terms: dict[str, list[tuple[str, ...]]] = {}
        self.pseudo: list[tuple[str, ...]] = []
        self.triggers: list[Trigger] = []
        self.disclaimers: list[tuple[str, ...]] = []
        self.personal: dict[str, list[tuple[str, ...]]] = {"owners": [], "frames": []}
        self.amounts: set[str] = set()
        self.homographs: dict[str, frozenset[str]] = {}  # file name -> its words no trigger is made of
        self.gap_denials: dict[tuple[str, ...], frozenset[str]] = {}  # gapped concept phrase -> its file's denials
        # a 'context' section's plain lists: scope ends and pseudo-triggers
        self.lists: dict[str, list[tuple[str, ...]]] = {"end": [], "end-near": [], "pseudo-triggers": []}

    def read(self, r: Reader, doc: Located, concept_ids: set[str], name: str) -> frozenset[str]:
        """Take in one file; return the words of its phrases (which language a message is in)."""
        taken: list[tuple[str, ...]] = []

        def take(into: list[Any], phrases: Sequence[Any]) -> None:
            into.extend(phrases)
            taken.extend(p.words if isinstance(p, Trigger) else p for p in phrases)

        concepts = doc["concepts"]
        gapped: list[tuple[str, ...]] = []
        if r.mapping(concepts, line_of(doc, "concepts"), "'concepts'", concept_ids):
            for cid in (c for c in concepts if c in concept_ids):  # an unknown id is reported
                if terms := self._terms(r, concepts, cid):
                    take(self.terms.setdefault(cid, []), terms)
                    gapped += (t for t in terms if GAP in t)
        if "pseudo" in doc:
            take(self.pseudo, r.phrases(doc, "pseudo", "'pseudo'", gaps=True))
        if "disclaimers" in doc:
            take(self.disclaimers, r.phrases(doc, "disclaimers", "'disclaimers'", gaps=True))
        personal = doc.get("personal")
        if personal is not None and r.mapping(personal, line_of(doc, "personal"), "'personal'", set(self.personal)):
            for key, phrases in self.personal.items():
                if key in personal:
                    take(phrases, r.phrases(personal, key, "'personal'", gaps=True))
        self.amounts |= r.one_words(doc, "amounts")
        if homographs := r.one_words(doc, "homographs"):
            self.homographs[name] = homographs
        own: list[Trigger] = []
        if "context" in doc:
            context = doc["context"]
            own = read_triggers(r, context, line_of(doc, "context"), {*CATEGORIES, *self.lists}, set())
            take(self.triggers, own)
            for key, phrases in self.lists.items() if isinstance(context, Located) else ():
                if key in context:
                    take(phrases, r.phrases(context, key, "'context'"))
        denials = frozenset(t.words[0] for t in own if t.category == "negated" and len(t.words) == 1)
        self.gap_denials.update(dict.fromkeys(gapped, denials))
        if "signs" in doc and (signs := self._signs(r, doc["signs"], line_of(doc, "signs"))):
            self.signs[name] = MappingProxyType(signs)
            taken.extend(words for groups in signs.values() for group in groups for words in group)
        return frozenset(w for words in taken for w in words) - {GAP}

    def _signs(self, r: Reader, raw: Any, line: int | None) -> dict[str, tuple[Phrases, ...]]:
        """Each concept's groups of signs: as many lists as safety.yaml's 'together' has."""
        if not r.mapping(raw, line, "'signs'", set(self.together)):
            return {}
        found = {}
        for cid in (c for c in raw if c in self.together):  # an unknown id is reported
            groups, count = raw[cid], len(self.together[cid])
            if not isinstance(groups, list) or len(groups) != count:
                r.error(line_of(raw, cid), f"signs {cid!r}: give {count} lists of phrases, one for each "
                                           "group of its 'together' in safety.yaml")
                continue
            found[str(cid)] = tuple(r.phrase_list(group, line_of(groups, i), f"signs {cid!r}: group {i + 1}", gaps=True)
                                    for i, group in enumerate(groups))
        return found

    def _terms(self, r: Reader, concepts: Located, cid: str) -> list[tuple[str, ...]]:
        """A concept's phrases in this file that no concept has yet."""
        new = []
        for n, term in enumerate(r.phrases(concepts, cid, "'concepts'", gaps=True)):
            if term in self.owner_of:
                also = f"concept {cid!r}: {' '.join(term)!r} is also in {self.owner_of[term]!r}"
                r.error(line_of(concepts[cid], n), also)
                continue
            self.owner_of[term] = cid
            new.append(term)
            if len(term) <= ENGLISH_ALONE and self.english.issuperset(term):
                r.warn(line_of(concepts[cid], n), f"concept {cid!r}: {' '.join(term)!r} is English words only: "
                       "it reads in every English message too, where safety.yaml leaves it out")
        return new


def read_triggers(r: Reader, context: Located, line: int | None, allowed: set[str],
                  required: set[str]) -> list[Trigger]:
    """A 'context' section's triggers: category -> direction -> phrases."""
    if not r.mapping(context, line, "'context'", allowed, required):
        return []
    triggers = []
    for category in CATEGORIES:
        if category not in context:  # reported by r.mapping when required
            continue
        block = context[category]
        if not r.mapping(block, line_of(context, category), f"context {category!r}", set(DIRECTIONS), set()):
            continue
        for direction in DIRECTIONS:
            if direction in block:
                for words in r.phrases(block, direction, f"context {category!r}", gaps=True):
                    triggers.append(Trigger(words, category, direction))
    return triggers

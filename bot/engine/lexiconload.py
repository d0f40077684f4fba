"""Reading intents/lexicon/safety.yaml into a SafetyLexicon: every section validated, with the
file and line of what is wrong, and every phrase normalised once with the same tokeniser the
safety scan uses on a message, so at reply time matching is a dictionary lookup per word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from .errors import ContentError, Problem
from .lexicon import (
    CATEGORIES,
    CONCEPT_URGENCIES,
    GAP,
    LEXICON,
    LOOKALIKES,
    SUPPORT,
    WORDINGS,
    Concept,
    PersonalFrames,
    Ranges,
    SafetyLexicon,
    Trigger,
)
from .lexiconlanguages import OtherLanguages, load_languages, read_triggers
from .lexiconreader import Reader
from .phrasebook import lexicon_words
from .yamlfile import Located, LocatedList, line_of, load_optional, load_yaml

__all__ = ["load_lexicon"]

# the file's top-level keys: those it must have, and those it may
_REQUIRED = frozenset({"version", "fillers", "lookalikes", "concepts", "pseudo", "context", "personal"})
_OPTIONAL = frozenset({"numbers", "counts", "emoji", "unstemmed", "homographs", "absence", "doubt", "persons",
                       "classes", "amounts", "missing", "panic", "disclaimers", "retractions", "recanted", "reporting",
                       "urges", "accidents", "english_before", "pleas", "joiners", "asking", "laughter",
                       "openers", "question_words"})


def load_lexicon(root: Path, spellings: Mapping[str, str]) -> tuple[SafetyLexicon | None, list[Problem]]:
    path = root / LEXICON
    label = str(LEXICON)
    if not path.is_file():
        return None, [Problem(label, None, "file is missing")]
    try:
        doc = load_yaml(path, label)
    except ContentError as exc:
        return None, list(exc.problems)
    problems: list[Problem] = []
    probe = Reader(root, path, problems, frozenset(), spellings)
    if not probe.mapping(doc, 1, "the file", _REQUIRED | _OPTIONAL, _REQUIRED):
        return None, problems
    if doc.get("version") != 1:
        probe.error(line_of(doc, "version"), "'version: 1' is required at the top")
    fillers = frozenset(w.lower() for w in probe.text_list(doc["fillers"], line_of(doc, "fillers"), "'fillers'"))
    # classes and number ranges are plain lists: the probe reads them, and every phrase after
    # is read knowing them
    numbers, units = _numbers(probe, doc)
    r = Reader(root, path, problems, fillers, spellings, _classes(probe, doc), _number_aliases(numbers))
    listed = r.text_list(doc["lookalikes"], line_of(doc, "lookalikes"), "'lookalikes'")
    lookalikes = frozenset(w.lower() for w in listed)
    lookalikes |= _generated_lookalikes(root, problems)
    # the first word of a term -> what may stand for it: "no way out" after "i dont see (a)"
    denials = {"no": tuple((*d, GAP) for d in r.phrases(doc, "absence", "'absence'")) if "absence" in doc else (),
               "cant": tuple((*d, GAP, "can") for d in r.phrases(doc, "doubt", "'doubt'")) if "doubt" in doc else ()}
    concepts = tuple(_with_denials(c, denials) for c in _concepts(r, doc))
    lexicon = SafetyLexicon(
        concepts=_told_of_others(concepts, _persons(r, doc, {c.id for c in concepts})),
        pseudo=r.phrases(doc, "pseudo", "'pseudo'", gaps=True),
        triggers=_triggers(r, doc),
        end=_context_list(r, doc, "end"),
        end_near=_context_list(r, doc, "end-near"),
        present=_context_list(r, doc, "present"),
        resolved=_context_list(r, doc, "resolved"),
        activities=_context_list(r, doc, "activities", gaps=True),
        pseudo_triggers=_context_list(r, doc, "pseudo-triggers", gaps=True),
        lists=_context_list(r, doc, "lists", gaps=True),
        framing=_context_list(r, doc, "framing"),
        fillers=fillers,
        lookalikes=lookalikes,
        personal=_personal(r, doc),
        numbers=numbers,
        units=units,
        counts=_counts(r, doc, numbers),
        emoji=_emoji(r, doc),
        unstemmed=r.one_words(doc, "unstemmed"),
        homographs=r.one_words(doc, "homographs"),
        english_before=r.phrase_list(doc.get("english_before"), line_of(doc, "english_before"), "'english_before'")
        if "english_before" in doc else (),
        panic=r.optional_phrases(doc, "panic"),
        disclaimers=r.optional_phrases(doc, "disclaimers"),
        retractions=r.optional_phrases(doc, "retractions"),
        accidents=r.optional_phrases(doc, "accidents"),
        recanted=r.optional_phrases(doc, "recanted"),
        reporting=r.optional_phrases(doc, "reporting", gaps=False),
        urges=r.optional_phrases(doc, "urges"),
        amounts=r.one_words(doc, "amounts"),
        missing=r.one_words(doc, "missing"),
        joiners=_joiners(r, doc),
        asking=r.one_words(doc, "asking"),
        laughter=r.one_words(doc, "laughter"),
        openers=r.optional_phrases(doc, "openers", gaps=False),
        question_words=r.one_words(doc, "question_words"),
        **_pleas(r, doc),
    )
    other = load_languages(root, lambda path: Reader(root, path, problems, fillers, spellings, r.classes, r.aliases),
                           {c.id: c.terms for c in lexicon.concepts}, problems,
                           {c.id: c.together for c in lexicon.concepts if c.together})
    return _with_languages(lexicon, other), problems


def _merged(english: tuple[tuple[str, ...], ...], more: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """English phrases, then the others' phrases English does not already have."""
    listed = set(english)
    return english + tuple(p for p in more if p not in listed)


def _with_languages(lexicon: SafetyLexicon, other: OtherLanguages) -> SafetyLexicon:
    """The lexicon with its phrases in other languages, and the words only they use."""
    english = lexicon_words(lexicon)
    return replace(
        lexicon,
        concepts=tuple(replace(c, terms=c.terms + other.terms[c.id]) if c.id in other.terms else c
                       for c in lexicon.concepts),
        pseudo=lexicon.pseudo + other.pseudo,
        triggers=lexicon.triggers + other.triggers,
        end=_merged(lexicon.end, other.end),
        end_near=_merged(lexicon.end_near, other.end_near),
        pseudo_triggers=_merged(lexicon.pseudo_triggers, other.pseudo_triggers),
        disclaimers=lexicon.disclaimers + other.disclaimers,
        amounts=lexicon.amounts | other.amounts,
        personal=replace(lexicon.personal, owners=_merged(lexicon.personal.owners, other.owners),
                         frames=_merged(lexicon.personal.frames, other.frames)),
        translated=frozenset(other.phrases()),
        foreign=frozenset(w for words in other.phrases() for w in words) - english - {GAP},
        vocabularies=other.vocabularies,
        signs=other.signs,
        their_homographs=other.homographs,
        gap_denials=other.gap_denials,
    )


def _joiners(r: Reader, doc: Located) -> tuple[str, ...]:
    """Words, as typed, that join a question to what was said before it ("also", "by the way")."""
    if "joiners" not in doc:
        return ()
    listed = r.text_list(doc["joiners"], line_of(doc, "joiners"), "'joiners'")
    for text in listed:
        if text != text.lower() or not all(w.isalpha() for w in text.split()):
            r.error(line_of(doc, "joiners"), f"'joiners': {text!r} is not lower-case words")
    return tuple(listed)


def _classes(r: Reader, doc: Located) -> Mapping[str, tuple[str, ...]]:
    raw = doc.get("classes")
    if raw is None:
        return {}
    if not r.mapping(raw, line_of(doc, "classes"), "'classes'", set(raw) if isinstance(raw, Mapping) else set()):
        return {}
    for name in raw:
        if not re.fullmatch(r"[a-z-]+", str(name)):
            r.error(line_of(raw, name), f"class {name!r}: a class name is lower-case letters and '-'")
    return MappingProxyType({str(name): tuple(r.text_list(members, line_of(raw, name), f"class {name!r}"))
                             for name, members in raw.items()})


def _with_denials(concept: Concept, denials: dict[str, tuple[tuple[str, ...], ...]]) -> Concept:
    """The concept with each term told as something missing ("no way out") also read after a
    denial of finding it ("i dont see a way out"), and each told as an inability ("cant keep
    going") after a doubt of being able ("i dont think i can keep going"). As weak terms: "i
    dont see a future in this trial design" speaks of care, not of a crisis."""
    extra = [(*denial, *term[1:]) for term in concept.terms if len(term) > 1 and GAP not in term
             for denial in denials.get(term[0], ())]
    extra = [t for t in dict.fromkeys(extra) if t not in concept.terms and t not in concept.weak]
    return replace(concept, weak=concept.weak + tuple(extra)) if extra else concept


class Persons(NamedTuple):
    concepts: frozenset[str] = frozenset()  # the concepts whose terms are told of others
    subjects: frozenset[str] = frozenset()  # ... when a term holds one of these words
    swaps: tuple[Mapping[str, str], ...] = ()


def _told_of_others(concepts: tuple[Concept, ...], persons: Persons) -> tuple[Concept, ...]:
    """Each term of the listed crisis concepts also told of someone else: "i dont want to
    live anymore" as "he doesnt want to live anymore". The writer's words are swapped for
    each person's; a form another concept already lists stays with it."""
    listed = {term for c in concepts for term in c.terms}
    out = []
    for concept in concepts:
        extra = [] if concept.id not in persons.concepts else [
            told for term in concept.terms for swaps in persons.swaps
            if persons.subjects.intersection(term)
            and (told := tuple(swaps.get(w, w) for w in term)) != term and told not in listed]
        out.append(replace(concept, terms=concept.terms + tuple(dict.fromkeys(extra))) if extra else concept)
        listed.update(extra)
    return tuple(out)


def _persons(r: Reader, doc: Located, ids: set[str]) -> Persons:
    raw = doc.get("persons")
    keys = {"for", "subjects", "as"}
    if raw is None or not r.mapping(raw, line_of(doc, "persons"), "'persons'", keys, keys):
        return Persons()
    concepts = frozenset(r.text_list(raw["for"], line_of(raw, "for"), "'persons': 'for'"))
    for cid in sorted(concepts - ids):
        r.error(line_of(raw, "for"), f"'persons': 'for': no concept {cid!r}")
    swaps = []
    for name, words in (raw["as"].items() if isinstance(raw["as"], dict) else ()):
        if not isinstance(words, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and k.isalpha() and v.isalpha() and k == k.lower()
                and v == v.lower() for k, v in words.items()):
            r.error(line_of(raw["as"], name), f"'persons': {name!r} must map lower-case words to lower-case words")
            continue
        swaps.append(MappingProxyType(dict(words)))
    subjects = frozenset(r.text_list(raw["subjects"], line_of(raw, "subjects"), "'persons': 'subjects'"))
    return Persons(concepts, subjects, tuple(swaps))


def _generated_lookalikes(root: Path, problems: list[Problem]) -> frozenset[str]:
    """Dictionary words that resemble a concept word (optional; `python benchmarks/lookalikes.py`)."""
    doc = load_optional(root, LOOKALIKES, problems)
    if doc is None:
        return frozenset()
    r = Reader(root, root / LOOKALIKES, problems, frozenset(), {})
    if not r.mapping(doc, 1, "the file", {"version", "words"}, {"version", "words"}):
        return frozenset()
    return frozenset(w.lower() for w in r.text_list(doc["words"], line_of(doc, "words"), "'words'"))


def _concepts(r: Reader, doc: Located) -> tuple[Concept, ...]:
    raw = doc["concepts"]
    concepts: list[Concept] = []
    if not isinstance(raw, LocatedList):
        r.error(line_of(doc, "concepts"), "'concepts' must be a list")
        return ()
    owner_of: dict[tuple[str, ...], str] = {}
    for i, item in enumerate(raw):
        keys = {"id", "urgency", "terms", "together", "weak", "lasts", "asked", "sure", "wording"}
        if not r.mapping(item, line_of(raw, i), "a concept", keys,
                         {"id", "urgency"}):
            continue
        cid, urgency = item["id"], item["urgency"]
        if urgency not in CONCEPT_URGENCIES:
            r.error(line_of(item, "urgency"), f"concept {cid!r}: urgency must be one of {', '.join(CONCEPT_URGENCIES)}")
            continue
        extra = sorted(set(item) - {"id", "urgency", "terms"}) if urgency == SUPPORT else []
        if extra:  # its terms are read apart from the emergency concepts (phrasebook: "distress")
            r.error(line_of(item, extra[0]), f"concept {cid!r}: a 'support' concept has only 'terms', not {extra[0]!r}")
            continue
        terms = r.phrases(item, "terms", f"concept {cid!r}", gaps=True) if "terms" in item else ()
        for n, term in enumerate(terms):
            if term in owner_of:
                r.error(line_of(item["terms"], n), f"concept {cid!r}: {' '.join(term)!r} is also in {owner_of[term]!r}")
            owner_of[term] = str(cid)
        together = _together(r, item, f"concept {cid!r}")
        if not terms and not together:
            r.error(item.line, f"concept {cid!r} needs 'terms' or 'together'")
        weak, cues, unless = _weak(r, item, f"concept {cid!r}")
        lasts, asked, sure = (_flag(r, item, key, f"concept {cid!r}") for key in ("lasts", "asked", "sure"))
        wording = item.get("wording")
        if wording is not None and (urgency != "medical" or wording not in WORDINGS):
            r.error(line_of(item, "wording"), f"concept {cid!r}: 'wording' is for a medical concept, one of "
                                              f"{', '.join(WORDINGS)}")
            wording = None
        concepts.append(Concept(str(cid), urgency, terms, together, weak, cues, unless, lasts, asked, sure,
                                str(wording) if wording else None))
    return tuple(concepts)


Phrases = tuple[tuple[str, ...], ...]


def _flag(r: Reader, item: Located, key: str, what: str) -> bool:
    value = item.get(key, False)
    if isinstance(value, bool):
        return value
    r.error(line_of(item, key), f"{what}: {key!r} must be true or false")
    return False


def _weak(r: Reader, item: Located, what: str) -> tuple[Phrases, Phrases, Phrases]:
    raw = item.get("weak")
    if raw is None:
        return (), (), ()
    keys = {"terms", "cues", "unless"}
    if not r.mapping(raw, line_of(item, "weak"), f"{what}: 'weak'", keys, keys) or not keys <= set(raw):
        return (), (), ()
    return (r.phrases(raw, "terms", f"{what}: 'weak'", gaps=True), r.phrases(raw, "cues", f"{what}: 'weak'"),
            r.phrases(raw, "unless", f"{what}: 'weak'"))


def _together(r: Reader, item: Located, what: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    raw = item.get("together")
    if raw is None:
        return ()
    if not isinstance(raw, LocatedList) or len(raw) < 2:
        r.error(line_of(item, "together"), f"{what}: 'together' must be a list of two or more lists of phrases")
        return ()
    return tuple(r.phrase_list(group, line_of(raw, i), f"{what}: 'together' group {i + 1}", gaps=True)
                 for i, group in enumerate(raw))


def _number_aliases(numbers: Ranges) -> Mapping[str, tuple[str, ...]]:
    """For each name, the names listed before it whose ranges overlap its own: the number
    reads as those, so phrases with this name must match them too."""
    aliases: dict[str, list[str]] = {}
    for i, (name, low, high) in enumerate(numbers):
        earlier = [first for first, lo, hi in numbers[:i] if first != name and lo <= high and low <= hi]
        aliases.setdefault(name, [])
        aliases[name] += [first for first in earlier if first not in aliases[name]]
    return MappingProxyType({name: tuple(found) for name, found in aliases.items() if found})


def _numbers(r: Reader, doc: Located) -> tuple[Ranges, Mapping[str, Ranges]]:
    """The number ranges, and for each unit word the ranges that admit it ([39.5, 45, [c,
    celsius]]; a range listing none admits a number whatever follows it)."""
    raw = doc.get("numbers")
    if raw is None:
        return (), MappingProxyType({})
    if not isinstance(raw, Located):
        r.error(line_of(doc, "numbers"), "'numbers' must map a word to a list of [low, high] ranges")
        return (), MappingProxyType({})
    ranges: list[tuple[str, float, float]] = []
    units: dict[str, list[tuple[str, float, float]]] = {}
    for word, spans in raw.items():
        ok = isinstance(spans, list) and all(_is_range(x) for x in spans)
        if not ok or not str(word).isalpha():
            r.error(line_of(raw, word), f"numbers: {word!r} needs a list of [low, high] ranges, low <= high, "
                                        "each with a list of unit words after it or none")
            continue
        for x in spans:
            ranges.append((str(word).lower(), float(x[0]), float(x[1])))
            for unit in x[2] if len(x) == 3 else ():
                units.setdefault(unit.lower(), []).append(ranges[-1])
    return tuple(ranges), MappingProxyType({unit: tuple(found) for unit, found in units.items()})


def _is_range(x: object) -> bool:
    """[low, high], low <= high, or [low, high, [unit words]]."""
    if not isinstance(x, list) or len(x) not in (2, 3):
        return False
    low, high, *units = x
    if not (isinstance(low, (int, float)) and isinstance(high, (int, float)) and low <= high):
        return False
    return not units or (isinstance(units[0], list) and bool(units[0])
                         and all(isinstance(u, str) and u.isalpha() for u in units[0]))


def _counts(r: Reader, doc: Located, numbers: Ranges) -> frozenset[str]:
    """The number words that count things, which a number with a fraction never is."""
    if "counts" not in doc:
        return frozenset()
    names = {name for name, _, _ in numbers}
    found = r.one_words(doc, "counts")
    for word in sorted(found - names):
        r.error(line_of(doc, "counts"), f"counts: {word!r} is not a word of 'numbers'")
    return found & names


def _pleas(r: Reader, doc: Located) -> dict[str, frozenset[str]]:
    """The words of a bare call for help, read as a message's words are ("someone" and
    "asap" as the scan reads them), for a clause to be compared with word by word."""
    raw = doc.get("pleas")
    if raw is None or not r.mapping(raw, line_of(doc, "pleas"), "'pleas'", {"calls", "words"}, {"calls", "words"}):
        return {}
    calls, words = ({w for phrase in r.phrases(raw, key, "'pleas'") for w in phrase} for key in ("calls", "words"))
    return {"plea_calls": frozenset(calls), "plea_words": frozenset(words | calls)}


def _emoji(r: Reader, doc: Located) -> Mapping[str, str]:
    """Pictures read as words ("💊💊 bye" is "pills pills bye"): one character each, so the
    scan can swap them with str.translate before it reads the words, and none in ASCII ("!"
    is a mark, "#" a censored letter), so it need not in an ASCII message, most of them."""
    raw = doc.get("emoji")
    if raw is None:
        return MappingProxyType({})
    if not isinstance(raw, Located):
        r.error(line_of(doc, "emoji"), "'emoji' must map a picture to the words it stands for")
        return MappingProxyType({})
    table = {}
    for key, words in raw.items():
        picture = str(key).replace("\ufe0f", "")  # the variation selector is no picture of its own
        one_picture = len(picture) == 1 and not picture.isalnum() and not picture.isascii()
        if not one_picture or not isinstance(words, str) or not words.strip():
            r.error(line_of(raw, key), f"emoji: {picture!r} must be one picture mapped to words")
            continue
        table[picture] = f" {words.strip().lower()} "
    return MappingProxyType(table)


def _context_list(r: Reader, doc: Located, key: str, gaps: bool = False) -> tuple[tuple[str, ...], ...]:
    context = doc["context"]
    return r.phrases(context, key, "'context'", gaps=gaps) if isinstance(context, Located) else ()


def _triggers(r: Reader, doc: Located) -> tuple[Trigger, ...]:
    keys = {*CATEGORIES, "end", "end-near", "present", "resolved", "activities", "pseudo-triggers", "lists",
            "framing"}
    return tuple(read_triggers(r, doc["context"], line_of(doc, "context"), keys, keys))


def _personal(r: Reader, doc: Located) -> PersonalFrames:
    order = ["owners", "frames", "general", "symptoms", "after", "complaints", "asides", "usually"]
    keys = set(order)
    raw = doc["personal"]
    if not r.mapping(raw, line_of(doc, "personal"), "'personal'", keys, keys):
        return PersonalFrames((), (), (), (), ())
    return PersonalFrames(*(r.phrases(raw, key, "'personal'", gaps=True) for key in order))

"""Personal advice: the writer's own or family's situation with a decision, eligibility, dose,
timing, result or stop/continue frame (intents/lexicon/safety.yaml, `personal`).

Read from the same hits as the rest of the safety scan, after it has found no emergency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from .catalog import ADVICE
from .context import Hit, category, outside, sentence_ids, to_clause_end
from .safetytext import CLAUSE, SENTENCE

__all__ = ["owned", "personal_request"]

_NOT_NOW = frozenset({"negated", "historical", "hypothetical", "fiction"})  # a complaint denied, past or imagined

_GENERIC = frozenset({"hypothetical", "fiction"})
# "Fever is common after infusion", "rash can happen": a symptom told about, not one's own;
# a note that opens with the symptom also says nothing of one's own with "is" ("nausea is listed")
_GENERAL = frozenset({"can", "may", "might", "could", "common", "usually", "often", "known", "typical"})
_STATES = _GENERAL | {"is", "are"}

SHORT_QUESTION = 3  # words: "Should I?", "Can he?", "Should we go?" point back to the sentence before


def personal_request(
    words: list[str], by_kind: Mapping[str, list[Hit]], asked: list[bool]
) -> tuple[str | None, str | None]:
    """(ADVICE, None) for a personal question or one's own complaint, (ADVICE, "soon") for
    symptoms after a treatment, told by their owner or as a note that asks nothing in general
    (contact the team today), else (None, None).

    An owner may stand anywhere in the message; `general` phrases ("my doctor said", "for my
    essay") take their clause out. When the message asks something with a "?", a frame counts
    only where it is asked (see _told): "I'm on blood thinners. How does gene therapy work?"
    tells, then asks generally.
    """
    if not (by_kind.get("owner") or by_kind.get("complaint")
            or ((by_kind.get("symptom") or by_kind.get("frame")) and by_kind.get("after"))):
        return None, None  # most messages: no owner, no complaint, so nothing below can ask
    if not (by_kind.get("frame") or by_kind.get("complaint") or by_kind.get("symptom")):
        return None, None  # an owner, but nothing asked or felt: each reading below needs one of these
    clauses, asides = _set_aside(words, by_kind)
    general = clauses + asides
    sentence = sentence_ids(words)
    owners = outside(by_kind.get("owner", []), general)

    def found(kind: str) -> bool:
        if kind != "frame":
            return bool(outside(by_kind.get(kind, []), general))
        # an aside's words are no frame, but a frame around them still asks: "can i get into
        # a phase I study" ("phase i" is the roman one); and a sentence that says "generally"
        # and names no owner asks in general, whatever story came before it ("My dad is 74.
        # Is there generally an age limit?")
        told = _told(asked, sentence, words) | _in_general(by_kind, owners, sentence)
        hits = [h for h in outside(by_kind.get(kind, []), clauses) if sentence[h.start] not in told
                and not any(a.start <= h.start and h.end <= a.end for a in asides)]
        return bool(hits)

    denied = {sentence[h.start] for h in by_kind.get("trigger", []) if category(h) in _NOT_NOW}
    imagined = any(category(h) in _GENERIC for h in by_kind.get("trigger", []))
    symptoms = outside(by_kind.get("symptom", []), general)
    if (symptoms and found("after") and (owners or not (imagined or _GENERAL.intersection(words)))
            and not _over_then_asked_generally(asked, by_kind, owners, sentence, symptoms, denied)):
        # a symptom after a treatment, told with its owner or as a note ("knee tingly,
        # had gene therapy 6 months ago"), not asked about in general ("can it cause a rash")
        return ADVICE, "soon"
    if not owners:
        terse = not imagined and not any(asked) and _terse_complaint(words, by_kind, sentence, denied)
        # ... and a choice about the days after a treatment, asked with its "I" left out ("is it ok
        # to go swimming a few days after the injection", "too soon for the flu jab 4 weeks after
        # gene therapy?"): not asked in general ("can", "usually") nor of someone else ("you")
        terse = terse or (not imagined and found("frame") and found("after")
                          and _GENERAL.isdisjoint(words) and "you" not in words)
        return (ADVICE, None) if terse else (None, None)
    if found("frame"):
        return ADVICE, None
    if by_kind.get("complaint") and _own_complaint(by_kind, owners, general, sentence, asked, denied):
        return ADVICE, None
    return None, None


def owned(words: list[str], by_kind: Mapping[str, list[Hit]]) -> bool:
    """Whether an owner ("my son", "I") stands outside the clauses and asides that take one out:
    where the learned advice reader (advicemodel.py) may weigh a message the rules left alone."""
    if not by_kind.get("owner"):
        return False
    clauses, asides = _set_aside(words, by_kind)
    return bool(outside(by_kind["owner"], clauses + asides))


def _set_aside(words: list[str], by_kind: Mapping[str, list[Hit]]) -> tuple[list[Hit], list[Hit]]:
    """"my doctor said ..." takes its clause out; "can you tell me" only its own words."""
    return to_clause_end(words, by_kind.get("general", []), by_kind.get("end", [])), by_kind.get("aside", [])


def _own_complaint(
    by_kind: Mapping[str, list[Hit]], owners: list[Hit], general: list[Hit], sentence: list[int], asked: list[bool],
    denied: set[int],
) -> bool:
    """A complaint told by its owner in the sentence that asks, or in a message that asks
    nothing with a "?" ("I feel dizzy whenever I stand up", "is my cut infected?"): a
    question about their own health. The owner must be in that sentence ("My son has SMA.
    Can it cause a fever?" asks generally), and the complaint not denied, past or imagined."""
    owned = {sentence[h.start] for h in owners}
    symptoms = outside(by_kind.get("complaint", []), general + by_kind.get("pseudo", []))
    asking = [n for n, question in enumerate(asked) if question]
    return any(
        n in owned and n not in denied and (not asking or n in asking)
        for n in (sentence[h.start] for h in symptoms)
    )


def _terse_complaint(
    words: list[str], by_kind: Mapping[str, list[Hit]], sentence: list[int], denied: set[int]
) -> bool:
    """A complaint told with its "I" left out, as notes to oneself are ("Dizzy when standing.
    Been happening for months."): a sentence that opens with it. (Only in a message that asks
    nothing with a "?" and imagines nothing: "dizziness, is that common?" stays general.)"""
    stated = denied | {sentence[i] for i, word in enumerate(words) if word in _STATES}
    return any(
        (h.start == 0 or words[h.start - 1] == SENTENCE) and sentence[h.start] not in stated
        for h in outside(by_kind.get("complaint", []), by_kind.get("pseudo", []))
    )


def _in_general(by_kind: Mapping[str, list[Hit]], owners: list[Hit], sentence: list[int]) -> set[int]:
    """Sentences with a "generally" or "usually" and no owner of their own (``owners``: those outside
    the clauses "i am curious" or "my doctor said" take out: "I'm curious, what causes that?")."""
    usual = {sentence[h.start] for h in by_kind.get("usually", [])}
    return usual - {sentence[h.start] for h in owners} if usual else set()


def _over_then_asked_generally(
    asked: list[bool], by_kind: Mapping[str, list[Hit]], owners: list[Hit], sentence: list[int], symptoms: list[Hit],
    denied: set[int],
) -> bool:
    """Whether every symptom is told as past, denied or imagined and every question says "usually"
    or "in general" and names no owner: the symptom is the story, not the thing asked ("Partner
    had a reaction to his infusion back in 2021, all sorted since. Out of interest, why can't
    people usually get AAV gene therapy twice?"). A symptom of now still counts ("now i have a
    rash. do rashes usually go away?")."""
    if not any(asked) or any(sentence[h.start] not in denied for h in symptoms):
        return False
    usual = _in_general(by_kind, owners, sentence)
    return all(n in usual for n, question in enumerate(asked) if question)


def _told(asked: list[bool], sentence: list[int], words: list[str]) -> set[int]:
    """Sentences that only tell, in a message that asks with a "?": not the questions, not the
    last sentence (its "?" is often left off), and not the one before a short question that
    points back to it ("I want to drop out because of the biopsies. Should I?")."""
    if not any(asked):
        return set()
    length = Counter(n for n, word in zip(sentence, words, strict=True) if word not in (CLAUSE, SENTENCE))
    told = set()
    for n, question in enumerate(asked):
        points_back = n + 1 < len(asked) and asked[n + 1] and length[n + 1] <= SHORT_QUESTION
        if not question and n != len(asked) - 1 and not points_back:
            told.add(n)
    return told

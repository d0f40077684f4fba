"""ConText for the safety scan (Harkema et al., 2009): where each trigger's scope reaches,
which concept mentions a figure of speech hides, signs that count together, and a story told
in the past. Pure functions over the scan's words and the phrase hits found in them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import GAP, Concept, Trigger

__all__ = ["GAP_WORDS", "NEAR_STOPS", "PAIR_WORDS", "WINDOWS", "Hit", "in_scope", "past_story", "together"]
from .safetytext import CLAUSE, SENTENCE

# Words between a trigger and its concept, at most, for the short scopes. Question frames
# ("what is", "risk of") sit next to what they ask about; a longer reach would let "what is
# wrong with me, my chest hurts" deny a real emergency.
WINDOWS = {"negated": 6, "hypothetical": 4, "historical": 12, "recent": 8, "fiction": 16}
GAP_WORDS = 4           # what a '*' in a phrase may stand for
NEAR_STOPS = ("negated", "hypothetical")  # scopes that also end at a comma or a new subject
PAIR_WORDS = 10        # signs that count together stand at most this far apart
@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    start: int
    end: int
    item: object = None
    anchor: Hit | None = None  # for signs that count together: the partner sign it pairs with


def category(hit: Hit) -> str:
    return hit.item.category  # type: ignore[attr-defined,no-any-return]


def together(sentence: list[int], signs: list[Hit]) -> list[Hit]:
    """A concept mention wherever one sign of each of its groups stands close together
    (same sentence, within PAIR_WORDS). The mention is its last group's sign, anchored to
    the nearest partner, and triggers are read against both ("i am not overdosing")."""
    seen: dict[tuple[str, int], dict[int, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    concepts: dict[str, Concept] = {}
    for hit in signs:
        concept, group = hit.item  # type: ignore[misc]
        concepts[concept.id] = concept
        seen[(concept.id, sentence[hit.start])][group].append(hit)
    mentions = []
    for (cid, _), groups in seen.items():
        concept = concepts[cid]
        if len(groups) < len(concept.together):
            continue
        *others, last = (groups[g] for g in range(len(concept.together)))
        for hit in last:
            partners = [min(group, key=lambda o: abs(o.start - hit.start)) for group in others]
            if all(abs(o.start - hit.start) <= PAIR_WORDS for o in partners):
                anchor = min(partners, key=lambda o: o.start)
                mentions.append(Hit("concept", hit.start, hit.end, concept, anchor))
    return mentions


def split_gaps(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    parts: list[list[str]] = [[]]
    for w in words:
        if w == GAP:
            parts.append([])
        else:
            parts[-1].append(w)
    return tuple(tuple(p) for p in parts if p)


def match_gapped(words: list[str], i: int, parts: tuple[tuple[str, ...], ...]) -> int:
    """End of a match of 'a * b' starting at i, or 0; a gap never crosses a boundary mark."""
    first = parts[0]
    if tuple(words[i:i + len(first)]) != first:
        return 0
    pos = i + len(first)
    for part in parts[1:]:
        for skip in range(GAP_WORDS + 1):
            start = pos + skip
            if start > len(words) or (skip and words[start - 1] in (CLAUSE, SENTENCE)):
                return 0
            if tuple(words[start:start + len(part)]) == part:
                pos = start + len(part)
                break
        else:
            return 0
    return pos


def longest(hits: list[Hit]) -> list[Hit]:
    """Drop a concept mention that lies inside a longer one."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and o.end - o.start > h.end - h.start for o in hits)]


def to_clause_end(words: list[str], hit: Hit, ends: list[Hit]) -> Hit:
    """A general phrase covers the rest of its clause: in "my doctor said my son might be a
    candidate", the son's candidacy is reported, not asked about."""
    end = hit.end
    stops = {e.start for e in ends if e.start >= hit.end}
    while end < len(words) and words[end] not in (CLAUSE, SENTENCE) and end not in stops:
        end += 1
    return Hit(hit.kind, hit.start, end, hit.item)


def figurative_dropped(concepts: list[Hit], pseudo: list[Hit]) -> list[Hit]:
    """Concepts that no figure of speech covers: "dying to know" hides "dying", but a longer
    concept that holds the figure ("dont care if it kills me" around "kills me") stands."""
    return [c for c in concepts
            if not any(overlaps(p, [c]) and not (c.start <= p.start and p.end <= c.end) for p in pseudo)]


def inside(hit: Hit, others: Iterable[Hit]) -> bool:
    return any(o is not hit and o.start <= hit.start and hit.end <= o.end for o in others)


def overlaps(hit: Hit, others: Iterable[Hit]) -> bool:
    return any(hit.start < o.end and o.start < hit.end for o in others)


def outside(hits: Iterable[Hit], blockers: Iterable[Hit]) -> list[Hit]:
    """Hits not overlapping a blocker: a trigger inside a concept ("not breathing") is not a
    trigger, and a concept inside a figure of speech ("dying to know") is not a concept."""
    blockers = list(blockers)
    return [h for h in hits if not overlaps(h, blockers)]


def in_scope(words: list[str], t: Hit, c: Hit, trigger: Trigger, ends: list[Hit]) -> bool:
    """Whether a trigger reaches a concept: on its side, within the scope, nothing ending it between."""
    if trigger.category == "current":  # "now" anywhere in the clause, unless a "but" stands between
        lo, hi = min(t.end, c.end), max(t.start, c.start)
        return not any(w in (CLAUSE, SENTENCE) for w in words[lo:hi]) and not any(
            lo <= e.start and e.end <= hi for e in ends)
    if t.end <= c.start and trigger.direction in ("before", "either"):
        lo, hi, after = t.end, c.start, False
    elif c.end <= t.start and trigger.direction in ("after", "either"):
        lo, hi, after = c.end, t.start, True
    else:
        return False
    # A time told after the clause ("burning up, 104F, he had the treatment two days ago")
    # dates what follows it, not the emergency before it.
    near = trigger.category in NEAR_STOPS or (after and trigger.category in ("historical", "recent"))
    stops = (CLAUSE, SENTENCE) if near else (SENTENCE,)
    if any(w in stops for w in words[lo:hi]):
        return False
    if hi - lo > WINDOWS.get(trigger.category, len(words)):
        return False
    return not any(lo <= e.start and e.end <= hi for e in ends)


def past_story(sentence: list[int], triggers: list[Hit], present: list[Hit]) -> set[int]:
    """Sentences that carry on a story told in the past: the one after a sentence with a
    historical trigger ("Two years ago my son had a seizure. He went stiff, his lips went
    blue.") is past too, and so on, until a sentence is told in the present ("is", "cant",
    "now") or says it is happening now."""
    historical: set[int] = set()
    now: set[int] = {sentence[h.start] for h in present}
    for t in triggers:
        kind = category(t)
        if kind == "historical":
            historical.add(sentence[t.start])
        elif kind == "current":
            now.add(sentence[t.start])
    carried: set[int] = set()
    for n in range(1, (sentence[-1] if sentence else 0) + 1):
        if (n - 1 in historical or n - 1 in carried) and n not in now:
            carried.add(n)
    return carried


def sentence_ids(words: list[str]) -> list[int]:
    ids, n = [], 0
    for w in words:
        if w == SENTENCE:
            n += 1
        ids.append(n)
    return ids

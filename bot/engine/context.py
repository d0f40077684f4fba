"""ConText for the safety scan (Harkema et al., 2009): where each trigger's scope reaches,
which concept mentions a figure of speech hides, signs that count together, and a story told
in the past. Pure functions over the scan's words and the phrase hits found in them.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .lexicon import GAP, Concept, Trigger

__all__ = ["GAP_WORDS", "NEAR_STOPS", "PAIR_WORDS", "WINDOWS", "Ends", "Hit", "Marks", "in_scope", "listed",
           "impersonal", "negated_before", "own_resolutions", "past_story", "together", "undenied"]
from .safetytext import CLAUSE, SENTENCE, split_at

# Words between a trigger and its concept, at most, for the short scopes. Question frames
# ("what is", "risk of") sit next to what they ask about; a longer reach would let "what is
# wrong with me, my chest hurts" deny a real emergency.
WINDOWS = {"negated": 6, "hypothetical": 4, "historical": 12, "recent": 8, "fiction": 16, "future": 4}
GAP_WORDS = 6           # what a '*' in a phrase may stand for
NEAR_STOPS = ("negated", "hypothetical", "future")  # scopes that also end at a comma or a new subject
PAIR_WORDS = 12        # signs that count together stand at most this far apart
FRAGMENT_WORDS = 6     # a clause this short, naming no one, goes on a list rather than telling
class Hit(NamedTuple):
    """A lexicon phrase found in the words [start, end). A named tuple, not a frozen
    dataclass: a message makes a dozen and more, and a tuple is built in half the time."""

    kind: str
    start: int
    end: int
    item: object = None
    anchor: Hit | None = None  # for signs that count together: the partner sign it pairs with


def category(hit: Hit) -> str:
    return hit.item.category  # type: ignore[attr-defined,no-any-return]


def negated_before(words: list[str], hit: Hit, negations: frozenset[str]) -> bool:
    """Whether the word right before a phrase is a negation ("not by mistake", "hasnt gone away")."""
    return hit.start > 0 and words[hit.start - 1] in negations


def impersonal(signs: list[Hit], by_kind: Mapping[str, list[Hit]]) -> list[Hit]:
    """The signs that are no person ("seizure", not "i" or "he"): what tells a danger."""
    return outside(signs, by_kind["owner"] + by_kind["end-near"])


def own_resolutions(resolved: list[Hit], triggers: list[Hit], reporting: list[Hit]) -> list[Hit]:
    """The "it is over" phrases (the lexicon's `resolved`) the writer tells, not ones someone is
    said to say, denied or supposed: a reporting word, a denial or an "if" up to two words before
    ("says she is fine now"). "his face has dropped, he keeps saying hes fine" is a stroke, not
    one over, and so are "a squeezing in my chest that hasn't gone away" and "should i lie down
    and see if it passes". (A denial told after a sign, "went away", is a resolution itself.)"""
    said = {h.end for h in reporting}
    said.update(t.end for t in triggers if category(t) == "hypothetical"
                or (category(t) == "negated" and not _resolves(t)))
    if not said:
        return resolved
    return [r for r in resolved if not any(at in said for at in range(r.start - 2, r.start + 1))]


def undenied(words: list[str], triggers: list[Hit], negations: frozenset[str]) -> list[Hit]:
    """The triggers but a resolution that a negation right before it denies, and that negation:
    "hasn't gone away" or "has not gone away" tells a sign still there, and denies nothing."""
    denied = {t.start - 1 for t in triggers if _resolves(t) and negated_before(words, t, negations)}
    if not denied:
        return triggers
    return [t for t in triggers
            if not ((t.start in denied and t.end == t.start + 1) or (t.start - 1 in denied and _resolves(t)))]


def _resolves(trigger: Hit) -> bool:
    """A trigger that ends a sign told before it ("went away", "has stopped", "fine now")."""
    return category(trigger) == "negated" and trigger.item.direction == "after"  # type: ignore[attr-defined]


def together(sentence: list[int], signs: list[Hit]) -> list[Hit]:
    """A concept mention wherever one sign of each of its groups stands close together
    (same sentence, within PAIR_WORDS). The mention is its last group's sign, anchored to
    the nearest partner, and triggers are read against both ("i am not overdosing")."""
    seen: dict[tuple[str, str, int], dict[int, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    concepts: dict[str, Concept] = {}
    for hit in signs:
        concept, group, language = hit.item  # type: ignore[misc]
        concepts[concept.id] = concept
        seen[(concept.id, language, sentence[hit.start])][group].append(hit)
    mentions = []
    for (cid, _, _), groups in seen.items():
        concept = concepts[cid]
        if len(groups) < len(concept.together):
            continue
        *others, last = (groups[g] for g in range(len(concept.together)))
        starts = [[o.start for o in group] for group in others]  # signs come in message order
        for hit in last:
            partners = [_nearest(group, at, hit.start) for group, at in zip(others, starts, strict=True)]
            if all(abs(o.start - hit.start) <= PAIR_WORDS for o in partners):
                anchor = min(partners, key=lambda o: o.start)
                mentions.append(Hit("concept", hit.start, hit.end, concept, anchor))
    return mentions


def pairable(signs: list[Hit]) -> bool:
    """Whether some concept has a sign of each of its groups among these, in any sentence:
    what ``together`` needs before it can find a mention (cheaper to ask than to pair)."""
    groups: dict[str, set[int]] = {}
    for hit in signs:
        concept, group, _ = hit.item  # type: ignore[misc]
        found = groups.setdefault(concept.id, set())
        found.add(group)
        if len(found) >= len(concept.together):
            return True
    return False


def _nearest(group: list[Hit], starts: list[int], position: int) -> Hit:
    """The hit of a group (sorted by start) nearest to a position; the earlier one on a tie."""
    i = bisect.bisect_left(starts, position)
    if i == 0:
        return group[0]
    if i == len(group) or position - starts[i - 1] <= starts[i] - position:
        return group[i - 1]
    return group[i]


def split_gaps(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p) for p in split_at(words, GAP) if p)


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
    """Drop a concept mention that lies inside a longer one (in n log n: a long message may
    hold thousands of mentions)."""
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start, -hits[i].end))
    dropped = set()
    reach = -1       # the furthest end of the spans seen before the current one
    i = 0
    while i < len(order):
        span = (hits[order[i]].start, hits[order[i]].end)
        j = i
        while j < len(order) and (hits[order[j]].start, hits[order[j]].end) == span:
            j += 1  # identical spans do not hide each other
        if reach >= span[1]:
            dropped.update(order[i:j])
        reach = max(reach, span[1])
        i = j
    return [h for k, h in enumerate(hits) if k not in dropped]


def to_clause_end(words: list[str], hits: list[Hit], ends: list[Hit]) -> list[Hit]:
    """A general phrase covers the rest of its clause: in "my doctor said my son might be a
    candidate", the son's candidacy is reported, not asked about. (Each hit reaches the next
    boundary mark or scope-ending term at or after its end, found by bisection.)"""
    stops = sorted({i for i, w in enumerate(words) if w in (CLAUSE, SENTENCE)} | {e.start for e in ends})
    covered = []
    for hit in hits:
        k = bisect.bisect_left(stops, hit.end)
        covered.append(Hit(hit.kind, hit.start, stops[k] if k < len(stops) else len(words), hit.item))
    return covered


def figurative_dropped(concepts: list[Hit], pseudo: list[Hit]) -> list[Hit]:
    """Concepts that no figure of speech covers: "dying to know" hides "dying", but a longer
    concept that holds the figure ("dont care if it kills me" around "kills me") stands. A
    figure hides a sign as it hides a term: "turned 40" is an age, no fever to pair with
    "confused"."""
    figures = Spans(pseudo)

    def hidden(h: Hit) -> bool:  # overlapped by a figure that reaches outside it on either side
        return figures.reaching_past(h.start, h.start) or figures.reaching_past(h.end, h.end)

    return [c for c in concepts if not hidden(c) and not (c.anchor and hidden(c.anchor))]


class Spans:
    """Hits indexed for overlap and containment questions in log time."""

    def __init__(self, hits: Iterable[Hit]) -> None:
        ordered = sorted(hits, key=lambda h: h.start)
        self.starts = [h.start for h in ordered]
        self.reach: list[int] = []  # the furthest end among the first k+1 spans
        for h in ordered:
            self.reach.append(max(h.end, self.reach[-1]) if self.reach else h.end)

    def reaching_past(self, before: int, past: int) -> bool:
        """Whether a span starting before `before` ends after `past`."""
        k = bisect.bisect_left(self.starts, before)
        return k > 0 and self.reach[k - 1] > past

    def overlaps(self, hit: Hit) -> bool:
        return self.reaching_past(hit.end, hit.start)

    def holds(self, hit: Hit) -> bool:
        """Whether a span starts at or before the hit and ends at or after it."""
        k = bisect.bisect_right(self.starts, hit.start)
        return k > 0 and self.reach[k - 1] >= hit.end


def outside(hits: Iterable[Hit], blockers: Iterable[Hit] | Spans) -> list[Hit]:
    """Hits not overlapping a blocker: a trigger inside a concept ("not breathing") is not a
    trigger, and a concept inside a figure of speech ("dying to know") is not a concept."""
    if not hits or (isinstance(blockers, list) and not blockers):  # often: nothing to ask or to ask of
        return list(hits)
    index = blockers if isinstance(blockers, Spans) else Spans(blockers)
    return [h for h in hits if not index.overlaps(h)]


class Marks:
    """Where a message's clauses and sentences end, for scope questions in log time (a long
    message may hold thousands of triggers and mentions)."""

    def __init__(self, words: list[str]) -> None:
        self.clauses = [i for i, w in enumerate(words) if w in (CLAUSE, SENTENCE)]
        self.sentences = [i for i, w in enumerate(words) if w == SENTENCE]
        self.length = len(words)
        self.words = words

    @staticmethod
    def any_between(marks: list[int], lo: int, hi: int) -> bool:
        k = bisect.bisect_left(marks, lo)
        return k < len(marks) and marks[k] < hi


class Ends:
    """Scope-ending terms, asked whether one lies wholly between two positions."""

    def __init__(self, hits: Iterable[Hit]) -> None:
        ordered = sorted(hits, key=lambda h: h.start)
        self.starts = [h.start for h in ordered]
        self.first_end: list[int] = [0] * len(ordered)  # the soonest end among spans k...
        soonest = 1 << 60
        for k in range(len(ordered) - 1, -1, -1):
            soonest = min(soonest, ordered[k].end)
            self.first_end[k] = soonest

    def between(self, lo: int, hi: int) -> bool:
        k = bisect.bisect_left(self.starts, lo)
        return k < len(self.starts) and self.first_end[k] <= hi


# The writer as the subject of a clause ("im" never reaches here: it is read as "i am"). Not
# safety._SELF, whose "my" names the writer but makes someone else the subject ("if my son ...").
_WRITER = frozenset(("i", "id", "we", "me"))


def in_scope(marks: Marks, t: Hit, c: Hit, trigger: Trigger, ends: Ends) -> bool:
    """Whether a trigger reaches a concept: on its side, within the scope, nothing ending it between."""
    if trigger.category == "current":  # "now" anywhere in the clause, unless a "but" stands between
        lo, hi = min(t.end, c.end), max(t.start, c.start)
        return not marks.any_between(marks.clauses, lo, hi) and not ends.between(lo, hi)
    if trigger.category == "future" and t.start < c.end and c.start < t.end:
        return True  # the intent inside the crisis words: "ill be gone", "going to end it"
    if t.end <= c.start and trigger.direction in ("before", "either"):
        lo, hi, after = t.end, c.start, False
    elif c.end <= t.start and trigger.direction in ("after", "either"):
        lo, hi, after = c.end, t.start, True
    else:
        return False
    # A time told after the clause ("burning up, 104F, he had the treatment two days ago")
    # dates what follows it, not the emergency before it.
    near = trigger.category in NEAR_STOPS or (after and trigger.category in ("historical", "recent"))
    if marks.any_between(marks.clauses if near else marks.sentences, lo, hi):
        return False
    if hi - lo > WINDOWS.get(trigger.category, marks.length):
        return False
    # A condition's own subject does not end it: the "my" of "what should i do if my daughter
    # has trouble breathing" starts what the condition supposes. Only a phrase that plans ("what
    # should i do if", "what if"): a bare "if" may ask whether ("is it an emergency if my son
    # swallowed a battery an hour ago"). The writer still ends it: "wud it be painless if i took
    # all my pills" asks for themself; and a negation's subject does too: "no i cant breathe".
    if (not after and trigger.category == "hypothetical" and len(trigger.words) > 1
            and lo < marks.length and marks.words[lo] not in _WRITER):
        lo += 1
    return not ends.between(lo, hi)


def past_story(sentence: list[int], triggers: list[Hit], present: list[Hit], told: list[Hit]) -> set[int]:
    """Sentences that carry on a story told in the past: the one after a sentence with a
    historical trigger and a danger told in it (``told``: concepts and signs) is past too
    ("Two years ago my son had a seizure. He went stiff, his lips went blue."), and so on,
    until a sentence is told in the present ("is", "cant", "now") or says it is happening now.
    Only a story of a danger carries on: a past that tells none is a scene set before the
    message's point ("We have a family history of haemophilia. i want to kill myself";
    "my son was diagnosed last spring. he is not breathing")."""
    historical: set[int] = set()
    now: set[int] = {sentence[h.start] for h in present}
    for t in triggers:
        kind = category(t)
        if kind == "historical":
            historical.add(sentence[t.start])
        elif kind == "current":
            now.add(sentence[t.start])
    telling = {sentence[h.start] for h in told}
    carried: set[int] = set()
    for n in range(1, (sentence[-1] if sentence else 0) + 1):
        if (n - 1 in historical and n - 1 in telling or n - 1 in carried) and n not in now:
            carried.add(n)
    return carried


def listed(clause: list[int], openers: list[Hit], people: list[Hit], told: list[Hit]) -> set[int]:
    """Clauses that go on with a list of signs asked about in general: "What are the symptoms of
    a heart attack? Pressure in the chest?", "warning signs of a stroke: face drooping, slurred
    speech". A list opener's clause that names no one (`people`: the writer, an owner, someone
    else) starts a list; each short clause after it that names no one and tells nothing in the
    present (`told`: "is", "cant") carries it on. A clause that tells ends the list; one that
    names someone takes the whole list back as theirs: "what are the signs of a stroke? face
    drooping, my dad cant talk"."""
    named = {clause[h.start] for h in people}
    ended = {clause[h.start] for h in told}
    length: dict[int, int] = defaultdict(int)
    for n in clause:
        length[n] += 1
    carried: set[int] = set()
    for n in sorted({clause[h.start] for h in openers} - named):
        items, k = [], n + 1
        while k in length and k not in ended and k not in named and length[k] - 1 <= FRAGMENT_WORDS:
            items.append(k)
            k += 1
        if k not in named:
            carried.update(items)
    return carried


def sentence_ids(words: list[str], marks: tuple[str, ...] = (SENTENCE,)) -> list[int]:
    """Each word's sentence number (or clause number, with marks=(CLAUSE, SENTENCE))."""
    ids, n = [], 0
    for w in words:
        n += w in marks
        ids.append(n)
    return ids

"""Concept mentions and their context: which danger words a message holds, and how the
ConText triggers around each qualify it (negated, past, imagined, a story, now, someone else's).

Split from safety.py, which decides what the qualified mentions mean for the reply.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .context import (
    NEAR_STOPS,
    Ends,
    Hit,
    Marks,
    Spans,
    category,
    figurative_dropped,
    impersonal,
    in_scope,
    listed,
    longest,
    outside,
    pairable,
    past_story,
    sentence_ids,
    together,
)
from .lexicon import CATEGORIES, Concept
from .safetytext import CLAUSE, SENTENCE

__all__ = ["MAX_TRIGGERS", "Mention", "read_mentions"]

# The writer, in English grammar rather than in content: a crisis term that names them ("kill
# myself", "end my life") is a disclosure however it is asked.
_SELF = frozenset({"i", "me", "my", "myself", "mine"})
MAX_TRIGGERS = 16       # triggers of a category read on each side of a mention: bounded cost

_TIMED = ("historical", "recent")  # the times a clause told in the present stops
_JOINS = frozenset({"and", CLAUSE})  # what opens the writer's clause after a story's words ("." ends the story)


@dataclass(frozen=True, slots=True)
class Mention:
    concept: str
    urgency: str
    start: int
    end: int
    negated: bool = False
    historical: bool = False
    recent: bool = False
    hypothetical: bool = False
    fiction: bool = False
    current: bool = False
    future: bool = False  # "i am going to ...": a time told after it is to come, not past
    other: bool = False
    lasts: bool = False  # goes on after it happened (an overdose): recent is now
    writer: bool = False  # its clause names the writer ("i", "my size"), not as "my friend"
    sure: bool = False  # a call for help: the learned reader never overrules it

    @property
    def affirmed(self) -> bool:
        """Happening now: not denied, imagined or a story, and not past unless it goes on now."""
        if self.negated or self.fiction or self.hypothetical:
            return False
        if self.recent and (self.urgency == "crisis" or self.lasts):  # a crisis of last night is one now
            return True
        return self.current or not (self.historical or self.recent)




def read_mentions(words: list[str], by_kind: Mapping[str, list[Hit]], missing: frozenset[str]) -> tuple[Mention, ...]:
    """Every concept mention, qualified by the triggers around it."""
    # The "me" of "can you tell me" asks; it is no one in danger.
    signs = outside(by_kind["sign"], by_kind["aside"]) if by_kind["aside"] else by_kind["sign"]
    if not by_kind["concept"] and not pairable(signs):
        return ()  # most messages with signs: an "i" or a "my" with no partner
    sentence = sentence_ids(words)
    found = longest(by_kind["concept"]) + together(sentence, signs)
    concepts = figurative_dropped(found, by_kind["pseudo"])
    if not concepts:  # most questions: signs alone ("i", "my") that pair with nothing
        return ()
    # A trigger inside a concept ("not" in "not breathing"), inside a longer sign ("not
    # making sense") or inside what someone was doing ("watching a movie and") is none,
    # but a time inside one still says now: "hit my head and now i am confused", "i want"
    # of "i want to do worse"; and a person inside one is still someone else: "he doesnt
    # want to live anymore".
    spots = Spans(concepts + [c.anchor for c in concepts if c.anchor])
    # A language file's sign only where it pairs: alone, its "pa vle" (Haitian "not want") or
    # "没有" held the denial of "non m pa vle touye tet mwen".
    paired = [h for c in concepts if c.anchor and c.anchor.item[2] for h in (c, c.anchor)]  # type: ignore[index]
    held = Spans([s for s in (*(s for s in signs if not s.item[2]), *paired)  # type: ignore[index]
                   if s.end - s.start > 1] + by_kind["activity"])
    triggers = [t for t in by_kind["trigger"]
                if category(t) in ("current", "future", "other") or not (spots.overlaps(t) or held.holds(t))]
    triggers = _longer_speaks(triggers)
    ends = outside(by_kind["end"], spots)
    # A new subject ends a short scope even when it is a sign's partner: the "i" of
    # "what if the trial failed i am ready to end it" starts a clause "if" cannot reach.
    near = ends + outside(by_kind["end-near"], concepts)
    # a past carries on only where it tells a danger: a concept, or a sign that is no person ("seizure", not "i")
    told_before = past_story(sentence, triggers, by_kind["present"], concepts + impersonal(signs, by_kind))
    clause, on_list = _on_list(words, by_kind, triggers)
    # A clause told in the present ends a past or recent time's reach: "a week ago I stopped
    # my meds, I am not starting again, I want this to be over" is now, and so is "my wife,
    # who had the infusion 2 days ago, is shaking uncontrollably".
    past_ends = ends + outside(by_kind["present"], spots)
    marks = Marks(words)
    nearby: dict[str, tuple[list[int], list[Hit]]] = {}
    for t in sorted(triggers, key=lambda t: t.start):
        starts, hits = nearby.setdefault(category(t), ([], []))
        starts.append(t.start)
        hits.append(t)
    plain, close, past = Ends(ends), Ends(near), Ends(past_ends)
    stops = {kind: close if kind in NEAR_STOPS else past if kind in _TIMED else plain for kind in CATEGORIES}
    # A time told after a treatment dates the treatment, not an emergency told before it:
    # "she is blue and not breathing she had her gene therapy last week" is now. (A
    # treatment: an "after" phrase naming care, not "2 days after a car crash".)
    treated = Ends(_naming(outside(by_kind["after"], spots), by_kind["ordinary"]) if "recent" in nearby else ())
    # ... and a time that closes a clause naming a treatment dates it, not an emergency told in
    # the next clause: "i had my infusion 2 days ago, feel faint and cold" is now.
    dated = (_closing_care(nearby["recent"][1], by_kind["ordinary"], marks,
                           {h.start for h in by_kind["end-near"]}, {h.start for h in by_kind["framing"]})
             if "recent" in nearby else frozenset())
    # (a partner sign's "i" inside "i am 30 now" leaves it a good place told, not a concept's words)
    over = _last_resolved(sentence, outside(by_kind["resolved"], concepts))
    writers: tuple[list[int], set[int]] | None = None  # clause ids, and those naming the writer
    mentions = []
    for c in concepts:
        mention = _qualify(c, nearby, marks, stops, words, treated, dated, missing)
        if mention.other and mention.urgency == "crisis":  # only then does it matter whose it is
            writers = writers or _writer_clauses(words, [t for t in triggers if category(t) == "other"])
            mention = replace(mention, writer=writers[0][c.start] in writers[1])
        if clause and clause[c.start] in on_list and not mention.current:
            mention = replace(mention, hypothetical=True)  # a sign on a list asked about in general
        if sentence[c.start] in told_before and not mention.current:
            mention = replace(mention, historical=True)
        elif mention.historical and mention.current and over.get(sentence[c.start], -1) >= c.end:
            # "i overdosed when i was 18 im 40 now and doing great": the "now" is the
            # good place told after the past event, not the event going on.
            mention = replace(mention, current=False)
        elif mention.urgency == "medical" and not mention.lasts and _told_over(c, sentence, over):
            mention = replace(mention, historical=True, current=False, recent=False)
        mentions.append(mention)
    return tuple(mentions)

def _qualify(
    c: Hit, nearby: Mapping[str, tuple[list[int], list[Hit]]], marks: Marks, stops: Mapping[str, Ends],
    words: list[str], treated: Ends, dated: frozenset[int], missing: frozenset[str],
) -> Mention:
    concept = c.item
    assert isinstance(concept, Concept)
    places = (c, c.anchor) if c.anchor else (c,)

    def reaches(kind: str, before_only: bool = False, after_only: bool = False) -> bool:
        starts, hits = nearby[kind]
        return any(
            (not before_only or t.start < place.start)
            and (not after_only or t.start >= place.end)
            and in_scope(marks, t, place, t.item, stops[kind])  # type: ignore[arg-type]
            # "we've been reading about it and i'm bleeding heavily right now", "i read about gene
            # therapy and i want to die": the clause the writer opens after a story's words is theirs
            and not (kind == "fiction" and _writer_opens(words, t.end, place.start))
            and not (kind == "recent" and t.start >= place.end
                     and treated.between(place.end, t.start))
            and not (kind == "recent" and t.start in dated and t.end < place.start)  # past its comma
            for place in places for t in _nearest_first(starts, hits, place.start)
        )

    flags = {kind: kind in nearby and reaches(kind) for kind in CATEGORIES}
    if flags["negated"] and words[c.start] in missing:
        flags["negated"] = reaches("negated", after_only=True)  # "went away" after it still speaks
    if flags["current"] and flags["hypothetical"]:
        # "now she is unresponsive is that a side effect": a question asked after an event
        # happening now does not make it imagined; one asked before it ("what if") does
        flags["hypothetical"] = reaches("hypothetical", before_only=True)
    if flags["future"] and concept.urgency == "crisis":
        # "i am going to end it in december", "... before morning": a time after an intent
        # is when, not a past; one told before it still dates it ("in 2019 i was going to")
        flags["historical"] = flags["historical"] and reaches("historical", before_only=True)
    if concept.asked:
        flags["hypothetical"] = False  # the question is the crisis: "easiest way to die"
    elif concept.urgency == "crisis" and _SELF.intersection(words[c.start:c.end]):
        flags["hypothetical"] = False  # "what's the quickest way to kill myself" asks for the writer
        if flags["current"]:  # "going to kill myself tonight i am a grad student": no class story
            flags["fiction"] = False
    return Mention(concept.id, concept.urgency, c.start, c.end, lasts=concept.lasts, sure=concept.sure,
                   **flags)


def _writer_opens(words: list[str], lo: int, hi: int) -> bool:
    """Whether the writer opens the clause of a danger at `hi` ("... and i am bleeding"), at
    most three words before it and after `lo` ("and i quote, ..." opens another)."""
    return any(words[k] == "i" and words[k - 1] in _JOINS and CLAUSE not in words[k + 1:hi]
               for k in range(max(lo, hi - 3, 1), hi))


def _on_list(words: list[str], by_kind: Mapping[str, list[Hit]], triggers: list[Hit]) -> tuple[list[int], set[int]]:
    """Each word's clause, and the clauses that carry on a list of signs asked about in general
    (context.listed). None in a message that says anything happens now ("started 10 min ago")
    or calls for help: a missed emergency costs more than a false alarm. Most messages open no
    list, and cost nothing here."""
    openers = by_kind.get("list")
    if not openers or any(category(t) == "current" for t in triggers):
        return [], set()
    if any(c.item.sure for c in by_kind["concept"]):  # type: ignore[union-attr]
        return [], set()
    people = [*by_kind.get("owner", ()), *(t for t in triggers if category(t) == "other")]
    clause = sentence_ids(words, (CLAUSE, SENTENCE))
    return clause, listed(clause, openers, people, by_kind["present"])


def _closing_care(times: list[Hit], care: list[Hit], marks: Marks, subjects: set[int],
                  framing: set[int]) -> frozenset[int]:
    """The times (by start) that end a clause naming a treatment before them ("my infusion was
    4 days ago,"); not one that opens its clause ("4 days ago, my daughter fainted"), nor one in
    a clause the lexicon's `framing` words open ("during my infusion last week, my BP dropped").
    A new subject right after the time (by start: `subjects`) ends the clause as a comma would:
    "since the gene therapy yesterday my skin is yellow and i'm confused" is now."""
    cares = sorted(h.start for h in care)
    closing = set()
    for t in times:
        if t.end >= marks.length or (marks.words[t.end] != CLAUSE and t.end not in subjects):
            continue
        k = bisect.bisect_left(marks.clauses, t.start)
        opened = marks.clauses[k - 1] + 1 if k else 0
        if opened in framing:
            continue
        i = bisect.bisect_left(cares, opened)
        if i < len(cares) and cares[i] < t.start:
            closing.add(t.start)
    return frozenset(closing)


def _naming(phrases: list[Hit], words: list[Hit]) -> list[Hit]:
    """The phrases that hold one of the words, wholly (n log n: a phrase spans a few words)."""
    ends: dict[int, int] = {}
    for w in words:
        ends[w.start] = min(w.end, ends.get(w.start, w.end))
    starts = sorted(ends)
    held = []
    for p in phrases:
        i = bisect.bisect_left(starts, p.start)
        while i < len(starts) and starts[i] < p.end:
            if ends[starts[i]] <= p.end:
                held.append(p)
                break
            i += 1
    return held



def _writer_clauses(words: list[str], others: list[Hit]) -> tuple[list[int], set[int]]:
    """Each word's clause, and the clauses that name the writer in a word of their own: "i",
    "me", "my size", but not the "my" of "my friend", which names someone else."""
    clause = sentence_ids(words, (CLAUSE, SENTENCE))
    theirs = Spans(others)
    return clause, {clause[i] for i, w in enumerate(words) if w in _SELF and not theirs.holds(Hit("", i, i + 1))}


def _told_over(c: Hit, sentence: list[int], over: Mapping[int, int]) -> bool:
    """Whether a medical sign is told as over after it, later in its sentence or in the next:
    "my wife passed out at her blood draw this morning, she's fine now", past the comma no
    denial reaches across. The caller keeps crises, and what goes on after it happened
    ("took 20 pills, seems fine now" is still a poisoning)."""
    return over.get(sentence[c.start], -1) >= c.end or sentence[c.start] + 1 in over


def _last_resolved(sentence: list[int], resolved: list[Hit]) -> dict[int, int]:
    """For each sentence, where its last "it is over" phrase starts."""
    last: dict[int, int] = {}
    for hit in resolved:
        last[sentence[hit.start]] = max(hit.start, last.get(sentence[hit.start], -1))
    return last


def _longer_speaks(triggers: list[Hit]) -> list[Hit]:
    """Of a current and a historical or negating trigger one inside the other, the longer one
    speaks: "10 minutes ago" says recent, not past ("ago"); "I still remember" says past, not
    now ("still"); "trying not to" says the urge is there now, not denied ("not"); "what's
    making me" says now, not a question ("what is"); "i plot my own death" no story ("plot").
    When both cover the same words, now wins (a missed crisis is worse)."""
    present = {category(t) for t in triggers}  # (a category absent leaves the triggers as they are)
    if "current" in present:
        for other in ("historical", "negated", "hypothetical", "fiction"):
            if other in present:
                triggers = _longer_of(triggers, other)
    # "9 days ago" is recent, not past ("ago"): a story told before it does not carry on
    return _longer_of(triggers, "historical", "recent") if {"historical", "recent"} <= present else triggers


def _longer_of(triggers: list[Hit], other: str, winner: str = "current") -> list[Hit]:
    """Of a `winner` trigger and an `other` one inside the other, the longer one stays; on the
    same words, the winner."""
    mine = [t for t in triggers if category(t) == winner]
    theirs = [t for t in triggers if category(t) == other]
    if not mine or not theirs:
        return triggers
    held_by_mine, held_by_theirs = Spans(mine), Spans(theirs)
    same = {(t.start, t.end) for t in mine} & {(t.start, t.end) for t in theirs}
    return [
        t for t in triggers
        if not (category(t) == other and held_by_mine.holds(t))
        and not (category(t) == winner and held_by_theirs.holds(t) and (t.start, t.end) not in same)
    ]


def _nearest_first(starts: list[int], hits: list[Hit], position: int) -> Iterable[Hit]:
    """Triggers of one category outward from a position, at most MAX_TRIGGERS on each side: a
    scope is at most a sentence, and a nearer trigger blocked by a boundary means a farther
    one is blocked too, so a long message's thousands of triggers cost no more than a few."""
    k = bisect.bisect_left(starts, position)
    yield from hits[k:k + MAX_TRIGGERS]
    yield from reversed(hits[max(0, k - MAX_TRIGGERS):k])

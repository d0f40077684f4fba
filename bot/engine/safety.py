"""The safety scan: emergencies, crises and personal-advice requests, read in context.

Concepts (intents/lexicon/safety.yaml) are found by phrase lookup over the message's words,
misspellings repaired with rapidfuzz against the lexicon's own words. Each mention is then
qualified the way ConText does it (Harkema et al., 2009): trigger terms mark the concepts in
their scope as negated ("no chest pain"), historical ("had a seizure last year"),
hypothetical or generic ("can gene therapy cause a stroke", "in the movie"), happening now
("right now", "again"), or about another person; a scope ends at punctuation, at a
scope-ending term ("but", "now") or, for negation, after a few words. A mention that is not
negated, and is either current or neither historical nor hypothetical, is an emergency.

The whole message is read (up to SAFETY_MAX_CHARS), in time linear in its length.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .catalog import EMERGENCY
from .context import (
    GAP_WORDS,
    NEAR_STOPS,
    Ends,
    Hit,
    Marks,
    Spans,
    category,
    figurative_dropped,
    in_scope,
    longest,
    match_gapped,
    outside,
    past_story,
    sentence_ids,
    split_gaps,
    together,
)
from .lexicon import CATEGORIES, GAP, Concept, SafetyLexicon
from .memo import remember
from .personal import personal_request
from .runs import split_run
from .safetytext import CENSORED, CLAUSE, SAFETY_MAX_CHARS, SENTENCE, stem, tokens
from .slips import Slips
from .weak import counted

__all__ = ["Mention", "SafetyScanner", "Verdict"]

REPAIR_AT = 85.0        # rapidfuzz ratio for reading a word as a misspelt lexicon word
MIN_REPAIR_LENGTH = 5   # shorter words are too easily something else ...
MIN_BESIDE_LENGTH = 4   # ... unless they stand beside their phrase's other word ("kiii myself")
MAX_REPAIRS = 64        # distinct unknown words looked up per message: bounded cost
MAX_TRIGGERS = 16       # triggers of a category read on each side of a mention: bounded cost
_CACHE_SIZE = 20_000  # words read, kept between messages (every word, known ones too)


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
    other: bool = False
    lasts: bool = False  # goes on after it happened (an overdose): recent is now

    @property
    def affirmed(self) -> bool:
        """Happening now: not denied, imagined or a story, and not past unless it goes on now."""
        if self.negated or self.fiction or self.hypothetical:
            return False
        if self.recent and (self.urgency == "crisis" or self.lasts):  # a crisis of last night is one now
            return True
        return self.current or not (self.historical or self.recent)


@dataclass(frozen=True, slots=True)
class Verdict:
    topic: str | None = None      # EMERGENCY, ADVICE or None (no safety concern)
    urgency: str | None = None    # "crisis", "medical", "soon" (see a provider today) or None
    mentions: tuple[Mention, ...] = ()
    for_other: bool = False       # the person in danger is someone with the writer


class SafetyScanner:
    """Built once from the lexicon; ``scan(text)`` is pure and thread-safe."""

    def __init__(self, lexicon: SafetyLexicon, spellings: Mapping[str, str], known: Iterable[str]) -> None:
        self.lexicon = lexicon
        self.spellings = spellings
        table: dict[tuple[str, ...], list[tuple[str, object]]] = defaultdict(list)
        # first part -> first word after the gap -> [(parts, kind, item)]
        gapped: dict[tuple[str, ...], dict[str, list[tuple[tuple[tuple[str, ...], ...], str, object]]]] = (
            defaultdict(lambda: defaultdict(list)))

        def add(kind: str, words: tuple[str, ...], item: object = None) -> None:
            words = tuple(self._stem(w) for w in words)
            if GAP in words:
                parts = split_gaps(words)
                entries = gapped[parts[0]][parts[1][0]]
                if (parts, kind, item) not in entries:
                    entries.append((parts, kind, item))
            elif (kind, item) not in table[words]:
                table[words].append((kind, item))

        for concept in lexicon.concepts:
            for term in concept.terms:
                add("concept", term, concept)
            for term in concept.weak:
                add("weak", term, concept)
            for cue in concept.cues:
                add("cue", cue, concept)
            for word in concept.unless:
                add("ordinary", word, concept)
            for group_number, group in enumerate(concept.together):
                for term in group:
                    add("sign", term, (concept, group_number))
        for words in lexicon.pseudo:
            add("pseudo", words)
        for trigger in lexicon.triggers:
            add("trigger", trigger.words, trigger)
        for words in lexicon.end:
            add("end", words)
        for words in lexicon.end_near:
            add("end-near", words)
        for words in lexicon.present:
            add("present", words)
        for words in lexicon.resolved:
            add("resolved", words)
        p = lexicon.personal
        for kind, phrases in (("owner", p.owners), ("frame", p.frames), ("general", p.general),
                              ("symptom", p.symptoms), ("after", p.after), ("complaint", p.complaints),
                              ("aside", p.asides)):
            for words in phrases:
                add(kind, words)
        self.table = dict(table)
        self.gapped = {first: dict(after) for first, after in gapped.items()}
        lengths: dict[str, set[int]] = defaultdict(set)
        for words in table:
            lengths[words[0]].add(len(words))
        self.lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}
        starts: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for first in self.gapped:
            starts[first[0]].append(first)
        self.gap_starts = dict(starts)
        self._words: dict[str, tuple[tuple[str, ...], bool]] = {}  # word -> (its reading, unread?)
        self.pictures = {ord(picture): words for picture, words in lexicon.emoji.items()}
        lexicon_words = {w for phrases in _all_phrases(lexicon) for words in phrases for w in words if w != GAP}
        self.known = frozenset(known) | lexicon_words | lexicon.lookalikes | lexicon.fillers
        # Repair targets: the longer words of concepts and figures of speech (not of triggers:
        # "thoughts" must not become "though"), and concept phrases written as one word
        # ("cantbreathe"), which expand back into their words.
        self.joined = {"".join(term): term for c in lexicon.concepts for term in c.terms if len(term) > 1}
        concept_words = {w for c in lexicon.concepts for phrases in (c.terms, *c.together) for words in phrases
                         for w in words} | {w for words in lexicon.pseudo for w in words}
        targets = {w for w in concept_words if len(w) >= MIN_REPAIR_LENGTH and w.isalpha()} | set(self.joined)
        # By first letter: a typo seldom changes it, and "puting" must not become "spurting".
        # Run-together phrases are tried whatever their first letter ("iwanttodie"). Both by
        # length too, as a ratio of REPAIR_AT cannot join words of far-apart lengths.
        by_first: dict[str, set[str]] = defaultdict(set)
        for w in targets - set(self.joined):
            by_first[w[0]].add(w)
        self.targets = {first: _by_length(ws) for first, ws in by_first.items()}
        self.joined_targets = _by_length(self.joined)
        # Any lexicon word, not only concept words: "udner" or "honsetly" break a phrase as
        # surely as a misspelt "seizure" does; when two fit, the concept word ("waek": wake).
        self.slips = Slips.of(lexicon_words, MIN_BESIDE_LENGTH, concept_words)
        # ... and the chat spellings themselves: "wanan die", "gonan end it" ("wanna", "gonna")
        self.spelt = Slips.of(spellings, MIN_BESIDE_LENGTH)
        self.denials = frozenset(self._stem(t.words[0]) for t in lexicon.triggers
                                 if t.category == "negated" and len(t.words) == 1)
        self.before, self.after = _neighbours(lexicon)
        self.by_length = _by_length(w for w in concept_words if w.isalpha())  # for censored words

    # ------------------------------------------------------------------ reading the words

    def _stem(self, word: str) -> str:
        """The stem, but a word listed as unstemmed as typed: "gaping" is not "a gap"."""
        return word if word in self.lexicon.unstemmed else stem(word)

    def words(self, text: str, asked: list[bool] | None = None) -> list[str]:
        """The message's words, misspellings of lexicon words repaired, then stemmed."""
        if self.pictures:
            text = text[:SAFETY_MAX_CHARS].translate(self.pictures)
        raw = tokens(text, self.spellings, self.lexicon.fillers, asked=asked)
        out: list[str] = []
        unread: list[tuple[int, int]] = []  # unknown words no repair could read: (in out, in raw)
        repairs = 0
        seen = self._words
        for j, word in enumerate(raw):
            known = seen.get(word)
            if known is None:
                over = False  # over budget: read as typed this time, and not remembered so
                if CENSORED in word and repairs < MAX_REPAIRS:
                    repairs += 1
                    done: tuple[str, ...] | None = (self._stem(self._uncensor(word)),)
                elif word in self.known or len(word) < MIN_BESIDE_LENGTH or not word.isalpha():
                    done = (self._number(word) or self._stem(word),)
                else:
                    done = self._slip_read(word)
                    if done is None and len(word) >= MIN_REPAIR_LENGTH:
                        over = repairs >= MAX_REPAIRS
                        if not over:
                            repairs += 1
                            done = self._repaired(word)
                as_typed = (self._stem(word),)
                done = as_typed if done is None else done
                lost = (word not in self.known and len(word) >= MIN_BESIDE_LENGTH and word.isalpha()
                        and done == as_typed)
                known = (done, lost) if over else remember(seen, word, (done, lost), _CACHE_SIZE)
            done, lost = known
            if lost:
                unread.append((len(out), j))
            out.extend(done)
        for at, j in unread[:MAX_REPAIRS]:
            fixed = self._repair_beside(raw, j)
            if fixed:
                out[at] = self._stem(fixed)
        return out

    def misreads(self, word: str) -> bool:
        """Whether the scan, not knowing `word`, would read it as another word; the dictionary
        words for which it would are its lookalikes (benchmarks/lookalikes.py)."""
        return self._slip_read(word) is not None or (
            len(word) >= MIN_REPAIR_LENGTH and self._repaired(word) is not None)

    def _slip_read(self, word: str) -> tuple[str, ...] | None:
        """A lexicon word or a chat spelling one slip of the keys away ("cnat", "wanan"), read."""
        if fixed := self.slips.undo(word):
            return (self._stem(fixed),)
        if spelt := self.spelt.undo(word):
            return tuple(self._stem(w) for w in self.spellings[spelt].split() if w not in self.lexicon.fillers)
        return None

    def _repaired(self, word: str) -> tuple[str, ...] | None:
        """A run typed without spaces ("imgoingtoendittonight"), else a misspelling, read; None
        when neither reads it as anything but itself. The costly part of reading a word."""
        read = self._run_together(word) or self._repair(word)
        return None if read == (self._stem(word),) else read

    def _run_together(self, word: str) -> tuple[str, ...]:
        """The words of a run typed without spaces, when they hold a concept phrase; else ()
        (an ordinary word the scan does not know, "depression", splits into junk)."""
        pieces = split_run(word, lambda piece: piece in self.known or piece in self.spellings)
        if pieces is None:
            return ()
        read = tuple(self._stem(w) for piece in pieces for w in self.spellings.get(piece, piece).split()
                     if w not in self.lexicon.fillers)
        return read if any(hit.kind == "concept" for hit in self.hits(list(read))) else ()

    def _number(self, word: str) -> str | None:
        """A number the lexicon names by range ("40.2", "104" -> "hightemp"), else None."""
        if not word[:1].isdigit():
            return None
        try:
            value = float(word.replace(",", "."))
        except ValueError:
            return None
        return next((name for name, low, high in self.lexicon.numbers if low <= value <= high), None)

    def _repair(self, word: str) -> tuple[str, ...]:
        for shorter in _unstretched(word):  # "diiiie", "deaddd": a typed cry, not a typo
            if shorter in self.known:
                return (self._stem(shorter),)
        n = len(word)
        lengths = range(math.ceil(n * REPAIR_AT / (200 - REPAIR_AT)), math.floor(n * (200 - REPAIR_AT) / REPAIR_AT) + 1)
        found = [process.extractOne(word, choices[length], scorer=fuzz.ratio, processor=None, score_cutoff=REPAIR_AT)
                 for choices in (self.targets.get(word[0], {}), self.joined_targets) for length in lengths
                 if length in choices]
        best = max((f for f in found if f is not None), key=lambda f: f[1], default=None)
        return tuple(self._stem(w) for w in ((word,) if best is None else self.joined.get(best[0], (best[0],))))

    def _uncensor(self, word: str) -> str:
        """The concept word a censored word stands for ("k*ll" -> "kill"), else the word."""
        hidden = [i for i, c in enumerate(word) if c == CENSORED]
        if len(hidden) * 2 >= len(word):
            return word
        for candidate in self.by_length.get(len(word), ()):
            if all(a == b for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if i not in hidden):
                return candidate
        return word

    def _repair_beside(self, raw: list[str], i: int) -> str | None:
        """A short misspelt word read by the word it stands with in a concept phrase: "kiii
        myself" is "kill myself" (one edit, toward the words that stand before "myself")."""
        word = raw[i]
        for neighbour, table in ((raw[i + 1] if i + 1 < len(raw) else None, self.before),
                                 (raw[i - 1] if i else None, self.after)):
            choices = table.get(neighbour, ()) if neighbour else ()
            if choices:
                best = process.extractOne(word, choices, scorer=Levenshtein.distance, processor=None, score_cutoff=1)
                if best is not None:
                    return best[0]
        return None

    # ------------------------------------------------------------------ finding phrases

    def hits(self, words: list[str]) -> list[Hit]:
        found: list[Hit] = []
        n = len(words)
        for i, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                if i + length <= n:
                    for kind, item in self.table.get(tuple(words[i:i + length]), ()):
                        found.append(Hit(kind, i, i + length, item))
            for first in self.gap_starts.get(word, ()):
                pos = i + len(first)
                if tuple(words[i:pos]) != first:
                    continue
                after = self.gapped[first]
                for j in range(pos, min(pos + GAP_WORDS + 1, n)):
                    if j > pos and words[j - 1] in (CLAUSE, SENTENCE):
                        break
                    for parts, kind, item in after.get(words[j], ()):
                        end = match_gapped(words, i, parts)
                        if end and not (kind in ("concept", "weak") and self._denied_in_gap(words[i:end], parts)):
                            found.append(Hit(kind, i, end, item))
        return found

    def _denied_in_gap(self, span: list[str], parts: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the words a '*' stood for deny the concept: "my throat isnt swelling"."""
        own = {w for part in parts for w in part}
        return any(w in self.denials and w not in own for w in span)

    # ------------------------------------------------------------------ the verdict

    def scan(self, text: str) -> Verdict:
        asked: list[bool] = []
        words = self.words(text, asked)
        by_kind: dict[str, list[Hit]] = defaultdict(list)
        for hit in self.hits(words):
            by_kind[hit.kind].append(hit)
        weak, cues, ordinary = by_kind.pop("weak", ()), by_kind.pop("cue", ()), by_kind.pop("ordinary", ())
        if weak:
            by_kind["concept"] += counted(weak, cues, ordinary, words)
        if not by_kind:
            return Verdict()
        mentions = self._mentions(words, by_kind) if by_kind["concept"] or by_kind["sign"] else ()
        affirmed = [m for m in mentions if m.affirmed]
        if affirmed:
            urgency = "crisis" if any(m.urgency == "crisis" for m in affirmed) else "medical"
            return Verdict(EMERGENCY, urgency, mentions, any(m.other for m in affirmed))
        topic, urgency = personal_request(words, by_kind, asked)
        return Verdict(topic, urgency, mentions)

    def _mentions(self, words: list[str], by_kind: Mapping[str, list[Hit]]) -> tuple[Mention, ...]:
        """Every concept mention, qualified by the triggers around it."""
        sentence = sentence_ids(words)
        # The "me" of "can you tell me" asks; it is no one in danger.
        signs = outside(by_kind["sign"], by_kind["aside"]) if by_kind["aside"] else by_kind["sign"]
        found = longest(by_kind["concept"]) + together(sentence, signs)
        concepts = figurative_dropped(found, by_kind["pseudo"])
        if not concepts:  # most questions: signs alone ("i", "my") that pair with nothing
            return ()
        # A trigger inside a concept ("not" in "not breathing") is none, but a time inside
        # one still says now: "hit my head and now i am confused", "i want" of "i want to do worse".
        spots = Spans(concepts + [c.anchor for c in concepts if c.anchor])
        triggers = [t for t in by_kind["trigger"]
                    if category(t) == "current" or not spots.overlaps(t)]
        triggers = _longer_speaks(triggers)
        ends = outside(by_kind["end"], spots)
        # A new subject ends a short scope even when it is a sign's partner: the "i" of
        # "what if the trial failed i am ready to end it" starts a clause "if" cannot reach.
        near = ends + outside(by_kind["end-near"], concepts)
        told_before = past_story(sentence, triggers, by_kind["present"])
        # A clause told in the present ends a past time's reach: "a week ago I stopped my
        # meds, I am not starting again, I want this to be over" is now.
        past_ends = ends + outside(by_kind["present"], spots)
        marks = Marks(words)
        nearby: dict[str, tuple[list[int], list[Hit]]] = {}
        for t in sorted(triggers, key=lambda t: t.start):
            starts, hits = nearby.setdefault(category(t), ([], []))
            starts.append(t.start)
            hits.append(t)
        plain, close, past = Ends(ends), Ends(near), Ends(past_ends)
        stops = {kind: close if kind in NEAR_STOPS else past if kind == "historical" else plain for kind in CATEGORIES}
        over = _last_resolved(sentence, outside(by_kind["resolved"], spots))
        mentions = []
        for c in concepts:
            mention = self._qualify(c, nearby, marks, stops)
            if sentence[c.start] in told_before and not mention.current:
                mention = replace(mention, historical=True)
            elif mention.historical and mention.current and over.get(sentence[c.start], -1) >= c.end:
                # "i overdosed when i was 18 im 40 now and doing great": the "now" is the
                # good place told after the past event, not the event going on.
                mention = replace(mention, current=False)
            mentions.append(mention)
        return tuple(mentions)

    def _qualify(
        self, c: Hit, nearby: Mapping[str, tuple[list[int], list[Hit]]], marks: Marks, stops: Mapping[str, Ends]
    ) -> Mention:
        concept = c.item
        assert isinstance(concept, Concept)
        places = (c, c.anchor) if c.anchor else (c,)

        def reaches(kind: str, before_only: bool = False) -> bool:
            starts, hits = nearby[kind]
            return any(
                (not before_only or t.start < place.start)
                and in_scope(marks, t, place, t.item, stops[kind])  # type: ignore[arg-type]
                for place in places for t in _nearest_first(starts, hits, place.start)
            )

        flags = {kind: kind in nearby and reaches(kind) for kind in CATEGORIES}
        if flags["current"] and flags["hypothetical"]:
            # "now she is unresponsive is that a side effect": a question asked after an event
            # happening now does not make it imagined; one asked before it ("what if") does
            flags["hypothetical"] = reaches("hypothetical", before_only=True)
        return Mention(concept.id, concept.urgency, c.start, c.end, lasts=concept.lasts, **flags)


_STRETCHED = re.compile(r"(.)\1{2,}")


def _unstretched(word: str) -> tuple[str, ...]:
    """A word with a letter held down ("diiiie") with that run cut to two, then to one."""
    if not _STRETCHED.search(word):
        return ()
    return (_STRETCHED.sub(r"\1\1", word), _STRETCHED.sub(r"\1", word))


def _by_length(words: Iterable[str]) -> dict[int, tuple[str, ...]]:
    """Words grouped by length, each group sorted."""
    groups: dict[int, list[str]] = defaultdict(list)
    for w in sorted(words):
        groups[len(w)].append(w)
    return {n: tuple(ws) for n, ws in groups.items()}


def _last_resolved(sentence: list[int], resolved: list[Hit]) -> dict[int, int]:
    """For each sentence, where its last "it is over" phrase starts."""
    last: dict[int, int] = {}
    for hit in resolved:
        last[sentence[hit.start]] = max(hit.start, last.get(sentence[hit.start], -1))
    return last


def _longer_speaks(triggers: list[Hit]) -> list[Hit]:
    """Of a current and a historical or negating trigger one inside the other, the longer one
    speaks: "10 minutes ago" says recent, not past ("ago"); "I still remember" says past, not
    now ("still"); "trying not to" says the urge is there now, not denied ("not"). When both
    cover the same words, now wins (a missed crisis is worse)."""
    for other in ("historical", "negated"):
        triggers = _longer_of(triggers, other)
    return triggers


def _longer_of(triggers: list[Hit], other: str) -> list[Hit]:
    current = [t for t in triggers if category(t) == "current"]
    others = [t for t in triggers if category(t) == other]
    if not current or not others:
        return triggers
    now, then = Spans(current), Spans(others)
    same = {(t.start, t.end) for t in current} & {(t.start, t.end) for t in others}
    return [
        t for t in triggers
        if not (category(t) == other and now.holds(t))
        and not (category(t) == "current" and then.holds(t) and (t.start, t.end) not in same)
    ]


def _neighbours(lexicon: SafetyLexicon) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """For each word of a concept phrase, the words that stand right before it and right
    after it in those phrases (words of MIN_BESIDE_LENGTH letters or more)."""
    before: dict[str, set[str]] = defaultdict(set)
    after: dict[str, set[str]] = defaultdict(set)
    for concept in lexicon.concepts:
        for term in concept.terms:
            for a, b in itertools.pairwise(term):
                if GAP in (a, b):
                    continue
                if len(a) >= MIN_BESIDE_LENGTH and a.isalpha():
                    before[b].add(a)
                if len(b) >= MIN_BESIDE_LENGTH and b.isalpha():
                    after[a].add(b)
    return ({w: tuple(sorted(ws)) for w, ws in before.items()}, {w: tuple(sorted(ws)) for w, ws in after.items()})


def _nearest_first(starts: list[int], hits: list[Hit], position: int) -> Iterable[Hit]:
    """Triggers of one category outward from a position, at most MAX_TRIGGERS on each side: a
    scope is at most a sentence, and a nearer trigger blocked by a boundary means a farther
    one is blocked too, so a long message's thousands of triggers cost no more than a few."""
    k = bisect.bisect_left(starts, position)
    yield from hits[k:k + MAX_TRIGGERS]
    yield from reversed(hits[max(0, k - MAX_TRIGGERS):k])


def _all_phrases(lexicon: SafetyLexicon) -> Iterable[tuple[tuple[str, ...], ...]]:
    for concept in lexicon.concepts:
        yield concept.terms
        yield from concept.together
    yield lexicon.pseudo
    yield tuple(t.words for t in lexicon.triggers)
    yield lexicon.end
    yield lexicon.end_near
    yield lexicon.present
    yield lexicon.resolved
    p = lexicon.personal
    yield from (p.owners, p.frames, p.general, p.symptoms, p.after, p.complaints, p.asides)



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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from .catalog import ADVICE, EMERGENCY
from .lexicon import CATEGORIES, GAP, Concept, SafetyLexicon, Trigger
from .safetytext import CLAUSE, SENTENCE, stem, tokens

__all__ = ["Mention", "SafetyScanner", "Verdict"]

# Words between a trigger and its concept, at most, for the short scopes. Question frames
# ("what is", "risk of") sit next to what they ask about; a longer reach would let "what is
# wrong with me, my chest hurts" deny a real emergency.
WINDOWS = {"negated": 6, "hypothetical": 4, "historical": 12, "recent": 8, "fiction": 16}
GAP_WORDS = 4           # what a '*' in a phrase may stand for
REPAIR_AT = 85.0        # rapidfuzz ratio for reading a word as a misspelt lexicon word
MIN_REPAIR_LENGTH = 5   # shorter words are too easily something else
MAX_REPAIRS = 64        # distinct unknown words looked up per message: bounded cost
NEAR_STOPS = ("negated", "hypothetical")  # scopes that also end at a comma or a new subject
PAIR_WORDS = 10        # signs that count together stand at most this far apart
_CACHE_SIZE = 4096


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

    @property
    def affirmed(self) -> bool:
        """Happening now: not denied, imagined or a story, and not past unless it goes on now."""
        if self.negated or self.fiction or self.hypothetical:
            return False
        if self.recent and self.urgency == "crisis":  # a crisis of last night is a crisis now
            return True
        return self.current or not (self.historical or self.recent)


@dataclass(frozen=True, slots=True)
class Verdict:
    topic: str | None = None      # EMERGENCY, ADVICE or None (no safety concern)
    urgency: str | None = None    # "crisis", "medical", "soon" (see a provider today) or None
    mentions: tuple[Mention, ...] = ()
    for_other: bool = False       # the person in danger is someone with the writer


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    start: int
    end: int
    item: object = None
    anchor: _Hit | None = None  # for signs that count together: the partner sign it pairs with


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
            words = tuple(stem(w) for w in words)
            if GAP in words:
                parts = _split_gaps(words)
                entries = gapped[parts[0]][parts[1][0]]
                if (parts, kind, item) not in entries:
                    entries.append((parts, kind, item))
            elif (kind, item) not in table[words]:
                table[words].append((kind, item))

        for concept in lexicon.concepts:
            for term in concept.terms:
                add("concept", term, concept)
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
        p = lexicon.personal
        for kind, phrases in (("owner", p.owners), ("frame", p.frames), ("general", p.general),
                              ("symptom", p.symptoms), ("after", p.after)):
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
        self._words: dict[str, tuple[str, ...]] = {}
        lexicon_words = {w for phrases in _all_phrases(lexicon) for words in phrases for w in words if w != GAP}
        self.known = frozenset(known) | lexicon_words | lexicon.lookalikes | lexicon.fillers
        # Repair targets: the longer words of concepts and figures of speech (not of triggers:
        # "thoughts" must not become "though"), and concept phrases written as one word
        # ("cantbreathe"), which expand back into their words.
        self.joined = {"".join(term): term for c in lexicon.concepts for term in c.terms if len(term) > 1}
        concept_words = {w for c in lexicon.concepts for phrases in (c.terms, *c.together) for words in phrases
                         for w in words} | {w for words in lexicon.pseudo for w in words}
        targets = {w for w in concept_words if len(w) >= MIN_REPAIR_LENGTH and w.isalpha()} | set(self.joined)
        self.targets = tuple(sorted(targets))

    # ------------------------------------------------------------------ reading the words

    def words(self, text: str) -> list[str]:
        """The message's words, misspellings of lexicon words repaired, then stemmed."""
        raw = tokens(text, self.spellings, self.lexicon.fillers)
        out: list[str] = []
        repairs = 0
        seen = self._words
        for word in raw:
            done = seen.get(word)
            if done is not None:
                out.extend(done)
                continue
            if word in self.known or len(word) < MIN_REPAIR_LENGTH or not word.isalpha():
                done = (self._number(word) or stem(word),)
            elif repairs < MAX_REPAIRS:
                repairs += 1
                done = self._repair(word)
            else:
                out.append(stem(word))
                continue
            if len(seen) >= _CACHE_SIZE:
                seen.clear()
            seen[word] = done
            out.extend(done)
        return out

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
        best = process.extractOne(word, self.targets, scorer=fuzz.ratio, processor=None, score_cutoff=REPAIR_AT)
        return tuple(stem(w) for w in ((word,) if best is None else self.joined.get(best[0], (best[0],))))

    # ------------------------------------------------------------------ finding phrases

    def hits(self, words: list[str]) -> list[_Hit]:
        found: list[_Hit] = []
        n = len(words)
        for i, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                if i + length <= n:
                    for kind, item in self.table.get(tuple(words[i:i + length]), ()):
                        found.append(_Hit(kind, i, i + length, item))
            for first in self.gap_starts.get(word, ()):
                pos = i + len(first)
                if tuple(words[i:pos]) != first:
                    continue
                after = self.gapped[first]
                for j in range(pos, min(pos + GAP_WORDS + 1, n)):
                    if j > pos and words[j - 1] in (CLAUSE, SENTENCE):
                        break
                    for parts, kind, item in after.get(words[j], ()):
                        end = _match_gapped(words, i, parts)
                        if end:
                            found.append(_Hit(kind, i, end, item))
        return found

    # ------------------------------------------------------------------ the verdict

    def scan(self, text: str) -> Verdict:
        words = self.words(text)
        by_kind: dict[str, list[_Hit]] = defaultdict(list)
        for hit in self.hits(words):
            by_kind[hit.kind].append(hit)
        if not by_kind:
            return Verdict()
        mentions = self._mentions(words, by_kind) if by_kind["concept"] or by_kind["sign"] else ()
        affirmed = [m for m in mentions if m.affirmed]
        if affirmed:
            urgency = "crisis" if any(m.urgency == "crisis" for m in affirmed) else "medical"
            return Verdict(EMERGENCY, urgency, mentions, any(m.other for m in affirmed))
        return self._personal(words, by_kind, mentions)

    def _mentions(self, words: list[str], by_kind: Mapping[str, list[_Hit]]) -> tuple[Mention, ...]:
        """Every concept mention, qualified by the triggers around it."""
        sentence = _sentence_ids(words)
        found = _longest(by_kind["concept"]) + _together(words, sentence, by_kind["sign"])
        concepts = _figurative_dropped(found, by_kind["pseudo"])
        # A trigger inside a concept ("not" in "not breathing") is none; "i want" next to
        # "want to do worse" still says now.
        spots = concepts + [c.anchor for c in concepts if c.anchor]
        triggers = [t for t in by_kind["trigger"]
                    if not (_inside(t, spots) if _category(t) == "current" else _overlaps(t, spots))]
        # "10 minutes ago" says recent, not past: a historical trigger inside a current one goes.
        current = [t for t in triggers if _category(t) == "current"]
        triggers = [t for t in triggers if _category(t) != "historical" or not _inside(t, current)]
        ends = [e for e in by_kind["end"] if not _overlaps(e, spots)]
        near = ends + [e for e in by_kind["end-near"] if not _overlaps(e, spots)]
        told_before = _past_story(sentence, triggers, by_kind["present"])
        mentions = []
        for c in concepts:
            mention = self._qualify(words, c, triggers, ends, near)
            if sentence[c.start] in told_before and not mention.current:
                mention = replace(mention, historical=True)
            mentions.append(mention)
        return tuple(mentions)

    def _qualify(self, words: list[str], c: _Hit, triggers: list[_Hit], ends: list[_Hit], near: list[_Hit]) -> Mention:
        concept = c.item
        assert isinstance(concept, Concept)
        flags = dict.fromkeys(CATEGORIES, False)
        places = (c, c.anchor) if c.anchor else (c,)
        for t in triggers:
            trigger = t.item
            assert isinstance(trigger, Trigger)
            if not flags[trigger.category]:
                stops = near if trigger.category in NEAR_STOPS else ends
                flags[trigger.category] = any(_in_scope(words, t, place, trigger, stops) for place in places)
        return Mention(concept.id, concept.urgency, c.start, c.end, **flags)

    def _personal(self, words: list[str], by_kind: Mapping[str, list[_Hit]], mentions: tuple[Mention, ...]) -> Verdict:
        """Personal advice: the writer's own or family's situation (an owner) anywhere in the
        message, with a decision, eligibility, dose, timing, result or stop/continue frame.
        Symptoms after a treatment, told by their owner, also call for the team today."""
        general = [_to_clause_end(words, g, by_kind.get("end", [])) for g in by_kind.get("general", [])]

        def found(kind: str) -> bool:
            return bool(_outside(by_kind.get(kind, []), general))

        if not found("owner"):
            return Verdict(None, None, mentions)
        if found("symptom") and found("after"):
            return Verdict(ADVICE, "soon", mentions)
        if found("frame"):
            return Verdict(ADVICE, None, mentions)
        return Verdict(None, None, mentions)


def _all_phrases(lexicon: SafetyLexicon) -> Iterable[tuple[tuple[str, ...], ...]]:
    for concept in lexicon.concepts:
        yield concept.terms
        yield from concept.together
    yield lexicon.pseudo
    yield tuple(t.words for t in lexicon.triggers)
    yield lexicon.end
    yield lexicon.end_near
    yield lexicon.present
    p = lexicon.personal
    yield from (p.owners, p.frames, p.general, p.symptoms, p.after)


def _category(hit: _Hit) -> str:
    return hit.item.category  # type: ignore[attr-defined,no-any-return]


def _together(words: list[str], sentence: list[int], signs: list[_Hit]) -> list[_Hit]:
    """A concept mention wherever one sign of each of its groups stands close together
    (same sentence, within PAIR_WORDS). The mention is its last group's sign, anchored to
    the nearest partner, and triggers are read against both ("i am not overdosing")."""
    seen: dict[tuple[str, int], dict[int, list[_Hit]]] = defaultdict(lambda: defaultdict(list))
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
                mentions.append(_Hit("concept", hit.start, hit.end, concept, anchor))
    return mentions


def _split_gaps(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    parts: list[list[str]] = [[]]
    for w in words:
        if w == GAP:
            parts.append([])
        else:
            parts[-1].append(w)
    return tuple(tuple(p) for p in parts if p)


def _match_gapped(words: list[str], i: int, parts: tuple[tuple[str, ...], ...]) -> int:
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


def _longest(hits: list[_Hit]) -> list[_Hit]:
    """Drop a concept mention that lies inside a longer one."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and o.end - o.start > h.end - h.start for o in hits)]


def _to_clause_end(words: list[str], hit: _Hit, ends: list[_Hit]) -> _Hit:
    """A general phrase covers the rest of its clause: in "my doctor said my son might be a
    candidate", the son's candidacy is reported, not asked about."""
    end = hit.end
    stops = {e.start for e in ends if e.start >= hit.end}
    while end < len(words) and words[end] not in (CLAUSE, SENTENCE) and end not in stops:
        end += 1
    return _Hit(hit.kind, hit.start, end, hit.item)


def _figurative_dropped(concepts: list[_Hit], pseudo: list[_Hit]) -> list[_Hit]:
    """Concepts that no figure of speech covers: "dying to know" hides "dying", but a longer
    concept that holds the figure ("dont care if it kills me" around "kills me") stands."""
    return [c for c in concepts
            if not any(_overlaps(p, [c]) and not (c.start <= p.start and p.end <= c.end) for p in pseudo)]


def _inside(hit: _Hit, others: Iterable[_Hit]) -> bool:
    return any(o is not hit and o.start <= hit.start and hit.end <= o.end for o in others)


def _overlaps(hit: _Hit, others: Iterable[_Hit]) -> bool:
    return any(hit.start < o.end and o.start < hit.end for o in others)


def _outside(hits: Iterable[_Hit], blockers: Iterable[_Hit]) -> list[_Hit]:
    """Hits not overlapping a blocker: a trigger inside a concept ("not breathing") is not a
    trigger, and a concept inside a figure of speech ("dying to know") is not a concept."""
    blockers = list(blockers)
    return [h for h in hits if not _overlaps(h, blockers)]


def _in_scope(words: list[str], t: _Hit, c: _Hit, trigger: Trigger, ends: list[_Hit]) -> bool:
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


def _past_story(sentence: list[int], triggers: list[_Hit], present: list[_Hit]) -> set[int]:
    """Sentences that carry on a story told in the past: the one after a sentence with a
    historical trigger ("Two years ago my son had a seizure. He went stiff, his lips went
    blue.") is past too, and so on, until a sentence is told in the present ("is", "cant",
    "now") or says it is happening now."""
    historical: set[int] = set()
    now: set[int] = {sentence[h.start] for h in present}
    for t in triggers:
        category = _category(t)
        if category == "historical":
            historical.add(sentence[t.start])
        elif category == "current":
            now.add(sentence[t.start])
    carried: set[int] = set()
    for n in range(1, (sentence[-1] if sentence else 0) + 1):
        if (n - 1 in historical or n - 1 in carried) and n not in now:
            carried.add(n)
    return carried


def _clause_ids(words: list[str]) -> list[int]:
    ids, n = [], 0
    for w in words:
        if w in (CLAUSE, SENTENCE):
            n += 1
        ids.append(n)
    return ids


def _sentence_ids(words: list[str]) -> list[int]:
    ids, n = [], 0
    for w in words:
        if w == SENTENCE:
            n += 1
        ids.append(n)
    return ids

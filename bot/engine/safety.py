"""The safety scan: emergencies, crises and personal-advice requests, read in context.

Concepts (intents/lexicon/safety.yaml) are found by phrase lookup over the message's words
(phrasebook.py), misspellings repaired with rapidfuzz against the lexicon's own words
(wordreader.py). Each mention is then
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
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .catalog import EMERGENCY
from .context import (
    NEAR_STOPS,
    Ends,
    Hit,
    Marks,
    Spans,
    category,
    figurative_dropped,
    in_scope,
    longest,
    outside,
    past_story,
    sentence_ids,
    together,
)
from .glossary import Glossary
from .languageid import build_languages
from .lettermodel import letter_features, letters, other_language, speaks_in
from .lexicon import CATEGORIES, SUPPORT, Concept, SafetyLexicon
from .personal import personal_request
from .phrasebook import PhraseBook
from .safetytext import CLAUSE, SENTENCE
from .textmodel import SafetyModel
from .weak import counted
from .wordreader import WordReader

__all__ = ["Mention", "SafetyScanner", "Verdict"]

# The writer, in English grammar rather than in content: a crisis term that names them ("kill
# myself", "end my life") is a disclosure however it is asked.
_SELF = frozenset({"i", "me", "my", "myself", "mine"})
MAX_TRIGGERS = 16       # triggers of a category read on each side of a mention: bounded cost

_TIMED = ("historical", "recent")  # the times a clause told in the present stops


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


@dataclass(frozen=True, slots=True)
class Verdict:
    topic: str | None = None      # EMERGENCY, ADVICE or None (no safety concern)
    urgency: str | None = None    # "crisis", "medical", "soon" (see a provider today), "support" or None
    mentions: tuple[Mention, ...] = ()
    for_other: bool = False       # the person in danger is someone with the writer
    learned: bool = False         # called by the learned model (textmodel.py), not by a lexicon phrase
    judged: bool = False          # the lexicon found danger words and judged them no emergency in context
    overruled: bool = False       # a medical alarm of the lexicon the learned model took away
    foreign: bool = False         # written, at least in part, in another language (other_language)
    language: str | None = None   # the language it is told in, when a language file's signs asked


class SafetyScanner:
    """Built once from the lexicon; ``scan(text)`` is pure and thread-safe."""

    def __init__(
        self, lexicon: SafetyLexicon, spellings: Mapping[str, str], known: Iterable[str],
        model: SafetyModel | None = None, letter_model: SafetyModel | None = None,
        cues: frozenset[str] = frozenset(), english: frozenset[str] = frozenset(), glossary: Glossary | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.model = model
        self.letter_model = letter_model
        # common words of other languages and English stopwords: which reader a message is for
        self.cues = cues
        self.english = english
        self.book = PhraseBook(lexicon)
        self.reader = WordReader(lexicon, self.book, spellings, known)
        # every word the bot knows as English (its stopwords among them, with the tails of
        # "i've", "you'll", which the letter reader's words split off), and the words only the
        # language files use. A homograph is no English word here: German "die" had made "ich will
        # die pulsadern aufschneiden" English.
        self.ours = frozenset(self.reader.known | set(spellings) | {"ve", "ll"}) - lexicon.homographs
        self.theirs = lexicon.foreign - self.ours
        # which of its languages a message is in (languageid.py): a language file's signs pair
        # only in a message told in that language
        self.languages = build_languages(lexicon.vocabularies, glossary or Glossary(), self.ours)

    def words(self, text: str, asked: list[bool] | None = None) -> list[str]:
        """The message's words as the scan reads them (wordreader.py): misspellings repaired in
        English, words of another language read as typed."""
        return self.reader.words(text, asked, foreign=self.other_language(text))

    def hits(self, words: list[str]) -> list[Hit]:
        """The lexicon's phrases found in those words (phrasebook.py)."""
        return self.book.hits(words)

    # ------------------------------------------------------------------ the verdict

    def scan(self, text: str) -> Verdict:
        """The lexicon's verdict, or the learned model's where the lexicon knows none of the
        message's danger words: a missed emergency costs more than a false alarm, so the model
        adds emergencies, never overrules the lexicon's reading of context ("i have never
        wanted to kill myself"), and takes an alarm away only where it is all but sure a
        medical one is ordinary (``_overruled``)."""
        folded = letters(text)
        foreign = self._foreign(folded)  # once: both readers need it, and the classifier
        verdict = self._judged(text, folded, foreign)
        return replace(verdict, foreign=True) if foreign else verdict

    def _judged(self, text: str, folded: list[str], foreign: bool) -> Verdict:
        asked: list[bool] = []
        words = self.reader.words(text, asked, foreign)
        verdict = self._read(words, asked, foreign, text)
        if verdict.topic == EMERGENCY or verdict.judged:
            return verdict
        urgency = self.model.urgency(words) if self.model is not None else None
        letter = self.letter_model
        if urgency is None and foreign and letter is not None and speaks_in(folded, letter.scripts):
            urgency = letter.judged(letter_features(folded))  # lettermodel.py
        if urgency is None:
            return verdict
        return Verdict(EMERGENCY, urgency, verdict.mentions, learned=True)

    def other_language(self, text: str) -> bool:
        """Whether the message is the letter reader's rather than the word model's."""
        return self._foreign(letters(text))

    def _foreign(self, folded: list[str]) -> bool:
        return other_language(folded, self.cues, self.english, self.theirs, self.ours)

    def _read(self, words: list[str], asked: list[bool], foreign: bool, text: str) -> Verdict:
        """The lexicon's verdict: its concepts, read in context (and a medical alarm the learned
        reader overrules, read on)."""
        by_kind: dict[str, list[Hit]] = defaultdict(list)
        for hit in self.hits(words):
            by_kind[hit.kind].append(hit)
        language = None
        if "sign" in by_kind:  # not by_kind["sign"]: the key would stop the early return below
            signs, language = self._in_own_language(by_kind["sign"], text if foreign else None)
            if not signs:
                del by_kind["sign"]
            else:
                by_kind["sign"] = signs
        if "pseudo-trigger" in by_kind:  # "at once" tells no past, for every reader of triggers
            pseudo = Spans(by_kind.pop("pseudo-trigger"))
            by_kind["trigger"] = [t for t in by_kind["trigger"] if not pseudo.holds(t)]
        weak, cues = by_kind.pop("weak", ()), by_kind.pop("cue", ())
        ordinary = by_kind["ordinary"]  # care words: they also tell a treatment from any "after"
        if weak:
            by_kind["concept"] += counted(weak, cues, ordinary, words)
        distress = by_kind.pop("distress", [])  # read apart: it never changes how an emergency is read
        if by_kind.keys() <= {"ordinary"} and not distress:  # care words alone say nothing
            return Verdict()
        mentions = self._mentions(words, by_kind) if by_kind["concept"] or by_kind["sign"] else ()
        if mentions and by_kind["retraction"]:  # "how many would it take ... not hypothetically"
            mentions = tuple(replace(m, hypothetical=False, fiction=False) for m in mentions)
        affirmed = [m for m in mentions if m.affirmed]
        if by_kind["panic"]:
            affirmed = _panic_yields(affirmed, by_kind["panic"])
        if by_kind["disclaimer"] and all(m.urgency == "medical" and not m.sure for m in affirmed):
            affirmed = []  # "is 40 degrees a dangerous fever? asking in general, no one is ill"
        overruled = bool(affirmed) and self._overruled(words, affirmed, foreign)
        if affirmed and not overruled:
            crisis = [m for m in affirmed if m.urgency == "crisis"]
            # Someone else's crisis only when no crisis mention names the writer: "gave my
            # guitar to my brother, i wont need it where im going" is the writer's own.
            for_other = all(m.other and not m.writer for m in crisis) if crisis else any(m.other for m in affirmed)
            return Verdict(EMERGENCY, "crisis" if crisis else "medical", mentions, for_other, language=language)
        topic, urgency = personal_request(words, by_kind, asked)
        if topic is None and distress and self._distressed(words, by_kind, distress):
            urgency = SUPPORT
        # Danger words the lexicon knows, then read as denied, past, imagined, figurative or
        # ordinary: that reading stands, and the model, which cannot read context, keeps quiet.
        judged = bool(weak or mentions or by_kind["concept"] or by_kind["pseudo"])
        return Verdict(topic, urgency, mentions, judged=judged, overruled=overruled, language=language)

    def _in_own_language(self, signs: list[Hit], text: str | None) -> tuple[list[Hit], str | None]:
        """safety.yaml's signs, and a language file's in a message told in its language; in an
        English message (``text`` None) none, nor in one told no language ("laisse-moi te
        montrer": short words many files share). Pooled, the files' short words met in every
        language: Vietnamese "moi" (lips) with "te" (numb) there, Haitian "je" (eye) with French
        "pendante"."""
        if all(not hit.item[2] for hit in signs):  # type: ignore[index]
            return signs, None
        if text is None:
            return [hit for hit in signs if not hit.item[2]], None  # type: ignore[index]
        told = self.languages.identify(text)  # kept in the verdict: the reply's line needs it too
        return [hit for hit in signs if not hit.item[2] or told == hit.item[2]], told  # type: ignore[index]

    def _overruled(self, words: list[str], affirmed: list[Mention], foreign: bool) -> bool:
        """A medical alarm the learned reader is all but sure is ordinary ("can a gene therapy
        poison your liver?"): read on as a personal or ordinary message. Never a crisis, and never
        in another language: the word model learned English ("estoy en un estudio de terapia
        genica y no puedo respirar" had been overruled on the words it shares with English).
        It may still add an emergency there: code-mixed crises ("estoy parado en el puente, just
        wanted to say adios") are caught so, 15 on the tuning sets."""
        if foreign or self.model is None or any(m.urgency == "crisis" or m.sure for m in affirmed):
            return False
        return self.model.overrules(words)

    def _distressed(self, words: list[str], by_kind: Mapping[str, list[Hit]], distress: list[Hit]) -> bool:
        """Whether the message says a distress of now ("i feel so alone"), read in context as
        an emergency is: not "i was so depressed last year", not "can it cause depression"."""
        alone = defaultdict(list, by_kind)
        alone["concept"] = distress
        return any(m.affirmed for m in self._mentions(words, alone))

    def _mentions(self, words: list[str], by_kind: Mapping[str, list[Hit]]) -> tuple[Mention, ...]:
        """Every concept mention, qualified by the triggers around it."""
        sentence = sentence_ids(words)
        # The "me" of "can you tell me" asks; it is no one in danger.
        signs = outside(by_kind["sign"], by_kind["aside"]) if by_kind["aside"] else by_kind["sign"]
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
        told_before = past_story(sentence, triggers, by_kind["present"])
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
        # (a partner sign's "i" inside "i am 30 now" leaves it a good place told, not a concept's words)
        over = _last_resolved(sentence, outside(by_kind["resolved"], concepts))
        writers: tuple[list[int], set[int]] | None = None  # clause ids, and those naming the writer
        mentions = []
        for c in concepts:
            mention = self._qualify(c, nearby, marks, stops, words, treated)
            if mention.other and mention.urgency == "crisis":  # only then does it matter whose it is
                writers = writers or _writer_clauses(words, [t for t in triggers if category(t) == "other"])
                mention = replace(mention, writer=writers[0][c.start] in writers[1])
            if sentence[c.start] in told_before and not mention.current:
                mention = replace(mention, historical=True)
            elif mention.historical and mention.current and over.get(sentence[c.start], -1) >= c.end:
                # "i overdosed when i was 18 im 40 now and doing great": the "now" is the
                # good place told after the past event, not the event going on.
                mention = replace(mention, current=False)
            mentions.append(mention)
        return tuple(mentions)

    def _qualify(
        self, c: Hit, nearby: Mapping[str, tuple[list[int], list[Hit]]], marks: Marks, stops: Mapping[str, Ends],
        words: list[str], treated: Ends,
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
                and not (kind == "recent" and t.start >= place.end
                         and treated.between(place.end, t.start))
                for place in places for t in _nearest_first(starts, hits, place.start)
            )

        flags = {kind: kind in nearby and reaches(kind) for kind in CATEGORIES}
        if flags["negated"] and words[c.start] in self.lexicon.missing:
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


def _panic_yields(affirmed: list[Mention], panic: list[Hit]) -> list[Mention]:
    """A fear of dying ("i think i am going to die") said beside a medical emergency is the
    panic of that emergency, and 911 comes first; said alone it is read as the crisis it may be."""
    if not any(m.urgency == "medical" for m in affirmed):
        return affirmed
    fears = Spans(panic)
    return [m for m in affirmed if not (m.urgency == "crisis" and fears.holds(Hit("", m.start, m.end)))]


def _writer_clauses(words: list[str], others: list[Hit]) -> tuple[list[int], set[int]]:
    """Each word's clause, and the clauses that name the writer in a word of their own: "i",
    "me", "my size", but not the "my" of "my friend", which names someone else."""
    clause = sentence_ids(words, (CLAUSE, SENTENCE))
    theirs = Spans(others)
    return clause, {clause[i] for i, w in enumerate(words) if w in _SELF and not theirs.holds(Hit("", i, i + 1))}


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
    for other in ("historical", "negated", "hypothetical", "fiction"):
        triggers = _longer_of(triggers, other)
    # "9 days ago" is recent, not past ("ago"): a story told before it does not carry on
    return _longer_of(triggers, "historical", "recent")


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

"""The safety lexicon (intents/lexicon/safety.yaml): emergency and crisis concepts, the
ConText trigger terms that qualify them, and the personal-advice frames, as frozen data.

Read and validated by lexiconload.py, which normalises every phrase once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "CATEGORIES", "CONCEPT_URGENCIES", "DIRECTIONS", "GAP", "LEXICON", "LOOKALIKES", "SUPPORT", "URGENCIES", "WORDINGS",
    "Concept", "PersonalFrames", "Ranges", "SafetyLexicon", "Trigger",
]

LEXICON = Path("intents") / "lexicon" / "safety.yaml"
LOOKALIKES = Path("intents") / "lexicon" / "lookalikes.yaml"  # generated: benchmarks/lookalikes.py
URGENCIES = ("crisis", "medical")  # an emergency's
# Distress that is no emergency ("i feel so alone", "im not ok"): a message the sources do not
# cover gets a word of support and 988 instead of the bare fallback; it never makes an emergency.
SUPPORT = "support"
CONCEPT_URGENCIES = (*URGENCIES, SUPPORT)
# The emergency reply's own wordings a medical concept may ask for when it is the writer's own
# (answers/safety.yaml's variants of that name): an overdose's names what to tell the dispatcher
# and offers 988, since one taken on purpose is read as medical as often as not.
WORDINGS = ("overdose",)
# ConText categories: what a trigger says about the concepts in its scope.
CATEGORIES = ("negated", "historical", "recent", "hypothetical", "fiction", "current", "future", "other")
DIRECTIONS = ("before", "after", "either")  # where the trigger stands relative to the concept
GAP = "*"  # in a phrase: up to six other words, or none ("can * cause"; context.GAP_WORDS)
Ranges = tuple[tuple[str, float, float], ...]  # (word, low, high): a number in range reads as word


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    urgency: str
    terms: tuple[tuple[str, ...], ...]
    # Signs that mean an emergency only together: one phrase of each group in one sentence
    # ("fever" with "confused", "face" with "drooping").
    together: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # Everyday phrases that say this emergency only when nothing says they are ordinary:
    # "ready now", "for good", "try again" count as terms unless their clause speaks of
    # care ("will gene therapy fix it for good"), and even then when one of the cues stands
    # anywhere in the message ("pills", "die", "goodbye").
    weak: tuple[tuple[str, ...], ...] = ()
    cues: tuple[tuple[str, ...], ...] = ()
    unless: tuple[tuple[str, ...], ...] = ()
    # What it does goes on after it happened: an overdose of last night is an emergency now,
    # as a crisis of last night is (a seizure of last night is past).
    lasts: bool = False
    # Asking about it is the crisis: "what's the easiest way to die" is no general question,
    # so question frames ("what is", "how many") do not make it hypothetical.
    asked: bool = False
    # A call for help ("should i call 911", "we need an ambulance"): the learned reader, which
    # may overrule a medical alarm it is all but sure is ordinary (textmodel.py), never
    # overrules this one.
    sure: bool = False
    # The emergency reply's wording (one of WORDINGS) when the writer's own emergency is this one.
    wording: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    category: str
    direction: str


@dataclass(frozen=True, slots=True)
class PersonalFrames:
    """Personal advice is an owner (I, my son, someone like me) with a decision frame."""

    owners: tuple[tuple[str, ...], ...]
    frames: tuple[tuple[str, ...], ...]
    general: tuple[tuple[str, ...], ...]       # "my doctor said", "what should i ask": not personal
    symptoms: tuple[tuple[str, ...], ...]      # worrying, not an emergency ...
    after: tuple[tuple[str, ...], ...]         # ... when it follows a treatment
    complaints: tuple[tuple[str, ...], ...] = ()  # one's own body told as the question
    asides: tuple[tuple[str, ...], ...] = ()      # "can you tell me": its own words only are not personal
    usually: tuple[tuple[str, ...], ...] = ()     # "generally", "usually": a sentence naming no owner asks in general


@dataclass(frozen=True, slots=True)
class SafetyLexicon:
    concepts: tuple[Concept, ...]
    pseudo: tuple[tuple[str, ...], ...]       # look like a concept, name no emergency ("dying to know")
    triggers: tuple[Trigger, ...]
    end: tuple[tuple[str, ...], ...]          # scope-ending terms ("but", "now")
    end_near: tuple[tuple[str, ...], ...]     # ... and, for the short scopes, a new subject ("i", "he")
    present: tuple[tuple[str, ...], ...]      # a sentence told in the present ends a past story
    resolved: tuple[tuple[str, ...], ...]     # a past event told as over ("in a good place now")
    activities: tuple[tuple[str, ...], ...]   # what someone was doing ("watching tv"): no story told
    fillers: frozenset[str]                   # dropped before matching ("really", "the")
    lookalikes: frozenset[str]                # ordinary words never repaired into a concept word
    personal: PersonalFrames
    numbers: Ranges = ()
    # a unit word -> the ranges that admit it: a number with a unit after it reads only by those, so
    # "41F, Stargardt" (41, female) is no 41 degree fever
    units: Mapping[str, Ranges] = field(default_factory=lambda: MappingProxyType({}))
    counts: frozenset[str] = frozenset()      # number words that count things: a whole number only ("37,8" is no count)
    emoji: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "💊" -> "pills"
    unstemmed: frozenset[str] = frozenset()   # read as typed: their stem is another word ("gaping": "gap")
    homographs: frozenset[str] = frozenset()  # in a message in another language, that language's word ("od": from)
    english_before: tuple[tuple[str, ...], ...] = ()  # ... but after these, English ("wants to die")
    amounts: frozenset[str] = frozenset()     # "500 mg": a number before one is a dose, not a count of pills
    # A sign opening with one of these ("not moving") tells what is missing; after a denial it
    # is one more thing missing, not denied: "hes not crying not moving" denies nothing.
    missing: frozenset[str] = frozenset()
    panic: tuple[tuple[str, ...], ...] = ()   # "i am going to die": a crisis alone, the fear of a medical one beside it
    # "asking in general, no one is ill": said anywhere in a message, its medical signs are asked about
    disclaimers: tuple[tuple[str, ...], ...] = ()
    # "not hypothetically", "its not for a story": said anywhere, the imagining before it is taken back
    retractions: tuple[tuple[str, ...], ...] = ()
    # "that was a lie", "things have changed": said after a crisis the writer told someone they
    # denied ("i told my councillor i would never ..."), the denial is taken back
    recanted: tuple[tuple[str, ...], ...] = ()
    reporting: tuple[tuple[str, ...], ...] = ()  # "told", "said", "promised": a denial told to someone
    # "but i keep thinking about it": said after a crisis the writer denies, the denial gives way
    urges: tuple[tuple[str, ...], ...] = ()
    # "by mistake", "got mixed up with her meds": a whole bottle taken so, told in the same sentence,
    # is a poisoning for 911, not a crisis for 988
    accidents: tuple[tuple[str, ...], ...] = ()
    # a bare call for help: a clause of plea words only, one of them a call ("someone help us")
    plea_calls: frozenset[str] = frozenset()
    plea_words: frozenset[str] = frozenset()
    # ConText's pseudo-triggers: a trigger's word that says no time or denial inside these
    # ("took all the pills at once", "end it once and for all", "once everyone is asleep")
    pseudo_triggers: tuple[tuple[str, ...], ...] = ()
    lists: tuple[tuple[str, ...], ...] = ()   # open a list of signs asked about in general ("symptoms of")
    framing: tuple[tuple[str, ...], ...] = ()  # open a clause that sets the time of what follows ("during")
    # A joiner ("also", "by the way") then a question word ("what", "can") starts a question
    # in the middle of a sentence: "im on the bridge also what is gene therapy?"
    joiners: tuple[str, ...] = ()
    asking: frozenset[str] = frozenset()
    # laughter ("lol", "haha", "jaja"): the learned readers read a message without it
    laughter: frozenset[str] = frozenset()
    # greetings that open a message before its first mark ("hi genebot, quick question."): the
    # scan reads the message after them (safety.SafetyScanner._unopened)
    openers: tuple[tuple[str, ...], ...] = ()
    # question words a personal frame's "*" never stands for: a new question starts there
    question_words: frozenset[str] = frozenset()
    # The phrases of the other languages' files (lexiconlanguages.py), and the words only they
    # use: read as typed, never what an English typo is repaired into
    translated: frozenset[tuple[str, ...]] = frozenset()
    foreign: frozenset[str] = frozenset()
    # each language file's words, by its name ("es"): which language a message is in (languageid.py)
    vocabularies: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # each language file's signs that count together, by its name and concept id: a sign pairs
    # only with its own file's ("fr" "je" with "pendante", never Haitian "je", an eye)
    signs: Mapping[str, Mapping[str, tuple[tuple[tuple[str, ...], ...], ...]]] = field(
        default_factory=lambda: MappingProxyType({}))
    # each language file's own words that a trigger is also made of, by its name: in a message
    # told in that language no trigger of them counts ("vi": Vietnamese "nó", he, folds to "no")
    their_homographs: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # a language file's concept phrase with a gap -> its own file's one-word denials: only they
    # deny it from inside the gap (lexiconlanguages.py)
    gap_denials: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    def number_name(self, word: str) -> str | None:
        """The name of the first range that holds a number ("40.2", "104" -> "hightemp"), else
        None: how a message reads its numbers, and so how a phrase must file its own."""
        value = _value(word)
        return None if value is None else _named(self.numbers, value, self.counts)

    def read_number(self, word: str, after: str | None) -> str:
        """A number as the word after it says to read it: as typed before an amount ("took 500
        mg": a dose, not a count of pills); by that unit's ranges only before a unit ("104 f",
        not "41 f"; a measure is no count either); else by its range's name. The one reading
        for a message's numbers and a phrase's."""
        if after in self.amounts:
            return word
        if after in self.units:
            value = _value(word)
            return (None if value is None else _named(self.units[after], value)) or word
        return self.number_name(word) or word


def _named(ranges: Ranges, value: float, counts: frozenset[str] = frozenset()) -> str | None:
    """The name of the first range that holds the value (a count holds whole numbers only)."""
    return next((name for name, low, high in ranges
                 if low <= value <= high and (name not in counts or value.is_integer())), None)


def _value(word: str) -> float | None:
    if not word[:1].isdigit():
        return None
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return None

"""The safety scan: emergencies, crises and personal-advice requests, read in context.

Concepts (intents/lexicon/safety.yaml) are found by phrase lookup over the message's words
(phrasebook.py), misspellings repaired with rapidfuzz against the lexicon's own words
(wordreader.py). Each mention is then
qualified (mentions.py) the way ConText does it (Harkema et al., 2009): trigger terms mark the concepts in
their scope as negated ("no chest pain"), historical ("had a seizure last year"),
hypothetical or generic ("can gene therapy cause a stroke", "in the movie"), happening now
("right now", "again"), or about another person; a scope ends at punctuation, at a
scope-ending term ("but", "now") or, for negation, after a few words. A mention that is not
negated, and is either current or neither historical nor hypothetical, is an emergency.

The whole message is read (up to SAFETY_MAX_CHARS), in time linear in its length.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from .advicemodel import AdviceModel
from .catalog import ADVICE, EMERGENCY
from .context import Hit, Spans, category, impersonal, negated_before, own_resolutions, sentence_ids, undenied
from .glossary import Glossary
from .languageid import build_languages
from .lettermodel import TAILS, counts_nothing, letter_features, letters, other_language, speaks_in
from .lexicon import SUPPORT, SafetyLexicon
from .mentions import Mention, read_mentions
from .personal import owned, personal_request
from .phrasebook import PhraseBook
from .rereads import Rereader
from .safetytext import CLAUSE, SAFETY_MAX_CHARS, SENTENCE, AsideCut, mostly_in, script_runs, sentence_parts
from .textmodel import SafetyModel
from .weak import counted
from .wordreader import WordReader

__all__ = ["Mention", "SafetyScanner", "Verdict"]

# The readings a message without marks may have wrong (a date, a fear or a story reaching past
# the clause it was told in), and how near its danger words a trigger stands that no mark could
# have cut from them.
_JUDGING = frozenset({"historical", "recent", "hypothetical", "fiction"})
_BESIDE = 1


@dataclass(frozen=True, slots=True)
class Verdict:
    topic: str | None = None      # EMERGENCY, ADVICE or None (no safety concern)
    urgency: str | None = None    # "crisis", "medical", "soon" (see a provider today), "support" or None
    mentions: tuple[Mention, ...] = ()
    for_other: bool = False       # the person in danger is someone with the writer
    learned: bool = False         # called by a learned model (textmodel.py; for advice, advicemodel.py), not a phrase
    judged: bool = False          # the lexicon found danger words and judged them no emergency in context
    overruled: bool = False       # a medical alarm of the lexicon the learned model took away
    foreign: bool = False         # written, at least in part, in another language (other_language)
    language: str | None = None   # the language it is told in, when a file's signs or homographs asked
    told: bool = False            # they asked: `language` is languageid's answer, None included
    wording: str | None = None    # the emergency reply's wording the writer's own medical emergency asks for


class SafetyScanner:
    """Built once from the lexicon; ``scan(text)`` is pure and thread-safe."""

    def __init__(
        self, lexicon: SafetyLexicon, spellings: Mapping[str, str], known: Iterable[str],
        model: SafetyModel | None = None, letter_model: SafetyModel | None = None,
        cues: frozenset[str] = frozenset(), english: frozenset[str] = frozenset(), glossary: Glossary | None = None,
        advice_model: AdviceModel | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.wordings = {c.id: c.wording for c in lexicon.concepts if c.wording}
        self.model = model
        self.letter_model = letter_model
        self.advice_model = advice_model
        # common words of other languages and English stopwords: which reader a message is for
        self.cues = cues
        self.english = english
        self.book = PhraseBook(lexicon)
        self.reader = WordReader(lexicon, self.book, spellings, known)
        # every word the bot knows as English (its stopwords among them, with the tails of
        # "i've", "you'll", which the letter reader's words split off), and the words only the
        # language files use. A homograph is no English word here: German "die" had made "ich will
        # die pulsadern aufschneiden" English.
        self.ours = frozenset(self.reader.known | set(spellings) | TAILS) - lexicon.homographs
        self.theirs = lexicon.foreign - self.ours
        # which of its languages a message is in (languageid.py): a language file's signs pair
        # only in a message told in that language
        self.languages = build_languages(lexicon.vocabularies, glossary or Glossary(), self.ours)
        self.rereader = Rereader(self.reader, self.book, lexicon)
        self.after_aside = AsideCut.of(lexicon.personal.asides)  # "please can you tell me| ..."
        self.opening = _opening(lexicon.openers, lexicon.fillers)

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
        text = self._unopened(text)
        folded = letters(text)
        foreign = self._foreign(folded)  # once: both readers need it, and the classifier
        verdict = self._judged(text, folded, foreign)
        if verdict.topic != EMERGENCY and not verdict.judged and self._may_mix(text, folded):
            verdict = self._by_sentence(text, verdict)
        return replace(verdict, foreign=True) if foreign else verdict

    def _unopened(self, text: str) -> str:
        """The message after the greetings that open it (the lexicon's `openers`, each ending at a
        mark): they say nothing of danger, and the learned readers weigh a message as a whole.
        "hi genebot, quick question. how does an epipen actually work" had been a medical
        emergency (the word model leaned to one with the greeting, and no longer overruled the
        EpiPen's alarm), and "Good morning team, ich kann nicht mehr" read as English."""
        opened = self.opening.match(text, 0, SAFETY_MAX_CHARS) if self.opening is not None else None
        if opened is None or not text[opened.end():].strip():
            return text  # "hi genebot!" alone is all greeting: read as typed
        return text[opened.end():]

    def _by_sentence(self, text: str, verdict: Verdict) -> Verdict:
        """A sentence in another language among English ones, read alone: the learned readers
        weigh a message as a whole, so an English greeting before a crisis in another language
        ("hi genebot, quick question. 想死") outweighed it. Only the one sentence in another
        language: read alone, a sentence loses the others' denials and dates ("kann man daran
        sterben? lol" asks, after "ist gentherapie gefährlich?"), which the whole read keeps."""
        parts = sentence_parts(text, self.rereader.asked_after)
        alone = self._one_foreign(parts)
        if alone is None and not text.isascii():  # then the words of another script in a sentence
            runs = [run for part in parts for run in script_runs(part)]
            alone = self._one_foreign(runs) if len(runs) > len(parts) else None
        if alone is None:  # then what follows an English aside
            cut = [piece for part in parts for piece in self.after_aside(part)]
            alone = self._one_foreign(cut) if len(cut) > len(parts) else None
        return verdict if alone is None else alone

    def _may_mix(self, text: str, folded: list[str]) -> bool:
        """Whether a part of the message can be in another language: not in one typed in ASCII
        with no common word of another language and no word only the language files use, one of
        which ``other_language`` needs. Most messages are so, and reading their sentences again
        cost 5 µs a message."""
        return not (text.isascii() and counts_nothing(folded, self.cues, self.theirs))

    def _one_foreign(self, parts: list[str]) -> Verdict | None:
        """The emergency the one part in another language among English ones is, read alone."""
        if len(parts) < 2:
            return None
        read = [(part, folded) for part in parts for folded in (letters(part),) if self._foreign(folded)]
        if len(read) != 1:  # (of two parts or more: the rest is English)
            return None
        (part, folded), = read
        alone = self._judged(part, folded, True)
        return replace(alone, foreign=True) if alone.topic == EMERGENCY else None

    def _judged(self, text: str, folded: list[str], foreign: bool) -> Verdict:
        asked: list[bool] = []
        words = self.reader.words(text, asked, foreign)
        verdict = self._read(words, asked, foreign, text)
        if verdict.topic == EMERGENCY or verdict.judged:
            return verdict
        words, folded = self._unlaughed(words), self._unlaughed(folded)
        urgency, lean = self.model.leaning(words) if self.model is not None else (None, 0.0)
        if urgency is None and not foreign and self.model is not None:
            urgency = self.rereader.call(text, words, self.model, lean)
            if urgency is None and SENTENCE in words:
                urgency = self.rereader.after_scene(words, asked, self.model)
        if foreign or (urgency is not None and not mostly_in(words, self.ours)):
            urgency = self._in_letters(folded, urgency, foreign)
        if urgency is None:
            return verdict
        return Verdict(EMERGENCY, urgency, verdict.mentions, learned=True)

    def _run_on(self, words: list[str], verdict: Verdict, triggers: list[Hit]) -> Verdict:
        """A message with no mark that the lexicon judged past, imagined or a story, called an
        emergency where the word model is sure (rereads.py). Not where every reading stands on
        a trigger beside its danger words, which no mark could have cut from them ("i cant
        breathe when i think about the cost", "a track called goodbye forever tonight"); and
        never over a denial: the model reads no "not", and "he's not choking anymore the food
        came out and he's breathing normally" leans to an emergency as much as one does.
        ``triggers``: the lexicon's, as _read kept them."""
        if CLAUSE in words or SENTENCE in words or self.model is None or any(m.negated for m in verdict.mentions):
            return verdict  # the marks first: most messages have one, and the rest costs more
        if not mostly_in(words, self.ours):
            return verdict
        judged = [m for m in verdict.mentions if not m.affirmed]
        if judged:
            judging = [t for t in triggers if category(t) in _JUDGING]
            if all(any(_beside(m, t) for t in judging) for m in judged):
                return verdict
        urgency = self.rereader.run_on(self._unlaughed(words), self.model)
        return verdict if urgency is None else Verdict(EMERGENCY, urgency, verdict.mentions, learned=True)

    def _unlaughed(self, words: list[str]) -> list[str]:
        """The words without laughter ("lol"): the learned readers learned it from ordinary
        messages, and it outweighed a crisis told with it ("chce sie dzisiaj zabic lol")."""
        laughter = self.lexicon.laughter
        return [w for w in words if w not in laughter] if not laughter.isdisjoint(words) else words

    def _in_letters(self, folded: list[str], urgency: str | None, foreign: bool) -> str | None:
        """Where the word model, which learned English, may not speak alone, the letter
        reader's word (lettermodel.py): in another language the word model's call where the
        letter reader seconds it, else the letter reader's own; in a message told English but
        mostly not in words the bot knows (safetytext.mostly_in), the call only where seconded:
        the word model had read Czech "si" as danger ("Umyj si ruce mýdlem", wash your hands)."""
        letter = self.letter_model
        if letter is None or not speaks_in(folded, letter.scripts):
            return urgency
        return letter.seconded(letter_features(folded), urgency, alone=foreign)

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
        language, told = self._in_own_language(by_kind, words, text if foreign else None)
        if "pseudo-trigger" in by_kind:  # "at once" tells no past, for every reader of triggers
            pseudo = Spans(by_kind.pop("pseudo-trigger"))
            by_kind["trigger"] = [t for t in by_kind["trigger"] if not pseudo.holds(t)]
        if "resolved" in by_kind:  # "it is over" as the writer tells it (mentions._told_over), read while
            # the denials "undenied" drops below are still there ("hasn't gone away")
            by_kind["resolved"] = own_resolutions(by_kind["resolved"], by_kind.get("trigger", []),
                                                  by_kind.get("reporting", []))
        if "trigger" in by_kind:  # "hasn't gone away": no resolution
            by_kind["trigger"] = undenied(words, by_kind["trigger"], self.book.negations)
        weak, cues = by_kind.pop("weak", ()), by_kind.pop("cue", ())
        ordinary = by_kind["ordinary"]  # care words: they also tell a treatment from any "after"
        if weak:
            by_kind["concept"] += counted(weak, cues, ordinary, words)
        distress = by_kind.pop("distress", [])  # read apart: it never changes how an emergency is read
        if by_kind.keys() <= {"ordinary"} and not distress:  # care words alone say nothing
            return Verdict()
        mentions = read_mentions(words, by_kind, self.lexicon.missing) if by_kind["concept"] or by_kind["sign"] else ()
        if mentions and by_kind["retraction"]:  # "how many would it take ... not hypothetically"
            mentions = tuple(replace(m, hypothetical=False, fiction=False) for m in mentions)
        if mentions and by_kind["recanted"] and by_kind["reporting"]:  # "i told them i would never ... i lied"
            mentions = _recanted(mentions, by_kind["recanted"], by_kind["reporting"], words)
        if mentions and by_kind["urge"]:  # "i dont want to hurt myself but i keep thinking about it"
            mentions = _urged(mentions, by_kind["urge"], words)
        affirmed = [m for m in mentions if m.affirmed]
        if by_kind["panic"]:
            affirmed = _panic_yields(affirmed, by_kind["panic"])
        if by_kind["disclaimer"] and all(m.urgency == "medical" and not (m.sure or m.current) for m in affirmed):
            # "is 40 degrees a dangerous fever? asking in general, no one is ill"; not a sign told as
            # now ("nothing has happened since i called 911 and he is still not breathing")
            affirmed = []
        overruled = bool(affirmed) and self._overruled(words, affirmed, foreign, _danger(by_kind, cues), asked)
        if affirmed and not overruled:
            crisis = _intended(_not_someone_elses_sign(affirmed), by_kind["accident"], words, self.book.negations)
            # Someone else's crisis only when no crisis mention names the writer: "gave my
            # guitar to my brother, i wont need it where im going" is the writer's own.
            for_other = all(m.other and not m.writer for m in crisis) if crisis else any(m.other for m in affirmed)
            wording = None if crisis or for_other else next(
                (w for m in affirmed if (w := self.wordings.get(m.concept))), None)
            return Verdict(EMERGENCY, "crisis" if crisis else "medical", mentions, for_other, language=language,
                           told=told, wording=wording)
        topic, urgency = personal_request(words, by_kind, asked)
        learned = False
        if topic is None and distress and self._distressed(words, by_kind, distress):
            urgency = SUPPORT
        elif topic is None and self._own_case(words, by_kind, foreign):
            topic, learned = ADVICE, True
        # Danger words the lexicon knows, then read as denied, past, imagined, figurative or
        # ordinary: that reading stands, and the model, which cannot read context, keeps quiet.
        # Not a weak phrase that care words alone set aside ("not be around for the results"
        # beside "trial"): the care veto guards the lexicon's own reading, and the model, which
        # weighs the whole message, still speaks from its threshold ("... cancel my spot in the
        # trial and just not be around for the results. asking for me").
        judged = bool(mentions or by_kind["concept"] or by_kind["pseudo"])
        verdict = Verdict(topic, urgency, mentions, judged=judged, overruled=overruled, language=language, told=told,
                          learned=learned)
        # ... unless the message has no mark, where the scopes may have reached too far
        return self._run_on(words, verdict, by_kind["trigger"]) if judged and not foreign else verdict

    def _in_own_language(self, by_kind: dict[str, list[Hit]], words: list[str],
                         text: str | None) -> tuple[str | None, bool]:
        """Keeps safety.yaml's signs, and a language file's in a message told in its language
        (or in one of the languages it is told in, when they tie: romanised Hindi and Urdu share
        their words); in an English message (``text`` None) none, nor in one told no language
        ("laisse-moi te montrer": short words many files share). Pooled, the files' short words
        met in every language: Vietnamese "moi" (lips) with "te" (numb), Haitian "je" (eye) with
        French "pendante". Drops the triggers made only of the told language's own words
        (its `homographs`): Vietnamese "nó" (he, she) folds to "no", and "con tôi nó bị co giật"
        (my child is having a seizure) had been denied. Returns the language the message is told
        in, if one (the reply's line in it needs it too), and whether it was asked."""
        signs = by_kind.get("sign")
        theirs = signs is not None and any(hit.item[2] for hit in signs)  # type: ignore[index]
        if text is None or not (theirs or (by_kind.get("trigger") and self.lexicon.their_homographs)):
            if theirs:  # an English message: its own signs only
                by_kind["sign"] = [hit for hit in signs if not hit.item[2]]  # type: ignore[union-attr,index]
            language, told = None, False
        else:
            told = True
            language, maybe = self.languages.read(text)
            if theirs:
                by_kind["sign"] = [hit for hit in signs if not hit.item[2] or hit.item[2] in maybe]  # type: ignore
            own = frozenset().union(*(self.lexicon.their_homographs.get(m, ()) for m in maybe))
            if own and by_kind.get("trigger"):
                by_kind["trigger"] = [t for t in by_kind["trigger"] if not own.issuperset(words[t.start:t.end])]
        if signs is not None and not by_kind["sign"]:
            del by_kind["sign"]  # the key would stop the early return for care words alone
        return language, told

    def _overruled(
        self, words: list[str], affirmed: list[Mention], foreign: bool, danger: list[Hit], asked: list[bool]
    ) -> bool:
        """A medical alarm the learned reader is all but sure is ordinary ("can a gene therapy
        poison your liver?"): read on as a personal or ordinary message. Never a crisis, and never
        in another language: the word model learned English ("estoy en un estudio de terapia
        genica y no puedo respirar" had been overruled on the words it shares with English).
        It may still add an emergency there: code-mixed crises ("estoy parado en el puente, just
        wanted to say adios") are caught so, 15 on the tuning sets."""
        if foreign or self.model is None or any(m.urgency == "crisis" or m.sure for m in affirmed):
            return False
        if any(m.current for m in affirmed) and self._pleads(words):
            return False  # "what are the signs of a stroke? face drooping now, help"
        alarm = [w for m in affirmed for w in words[m.start:m.end]]
        if self.model.overrules(words, alarm):
            return True
        sentence = sentence_ids(words)
        return self.rereader.overrules_apart(words, {sentence[m.start] for m in affirmed},
                                             {sentence[h.start] for h in danger}, alarm, asked, self.model)

    def _pleads(self, words: list[str]) -> bool:
        """Whether a clause of the message is a bare call for help ("help", "someone help us"): said
        beside a danger told as happening now, the alarm stands whatever the learned reader thinks."""
        calls, plea = self.book.plea_calls, self.book.plea_words
        clause: list[str] = []
        for word in (*words, CLAUSE):
            if word in (CLAUSE, SENTENCE):
                if plea.issuperset(clause) and not calls.isdisjoint(clause):
                    return True
                clause = []
            else:
                clause.append(word)
        return False

    def _own_case(self, words: list[str], by_kind: Mapping[str, list[Hit]], foreign: bool) -> bool:
        """Whether the advice reader (advicemodel.py) calls a message about its writer's own case
        that no frame claimed: in English, with an owner the rules would count."""
        return (self.advice_model is not None and not foreign and owned(words, by_kind)
                and self.advice_model.personal(words))

    def _distressed(self, words: list[str], by_kind: Mapping[str, list[Hit]], distress: list[Hit]) -> bool:
        """Whether the message says a distress of now ("i feel so alone"), read in context as
        an emergency is: not "i was so depressed last year", not "can it cause depression"."""
        alone = defaultdict(list, by_kind)
        alone["concept"] = distress
        return any(m.affirmed for m in read_mentions(words, alone, self.lexicon.missing))


def _danger(by_kind: Mapping[str, list[Hit]], cues: Iterable[Hit]) -> list[Hit]:
    """The lexicon's danger words anywhere, a person's sign ("i", "he") aside: a sentence with
    one is never left out when the veto is read apart."""
    return [*by_kind["concept"], *impersonal(by_kind["sign"], by_kind), *cues]


def _opening(openers: tuple[tuple[str, ...], ...], fillers: frozenset[str]) -> re.Pattern[str] | None:
    """One or more greetings at the start of a message, each ended by a mark ("hi genebot,
    quick question. "), as one anchored pattern: a single match a message. A filler may stand
    before each word, as the lexicon reads phrases ("a quick question")."""
    if not openers:
        return None
    filler = "|".join(sorted(map(re.escape, fillers), key=len, reverse=True))
    skip = rf"(?:(?:{filler})\W+)*" if filler else ""
    phrase = "|".join(sorted((rf"\W+{skip}".join(map(re.escape, words)) for words in openers), key=len, reverse=True))
    one = rf"{skip}(?:{phrase})\b"
    return re.compile(rf"(?:\s*{one}(?:\W+{one})*\s*[,.!?:;\-–—…]+)+\s*", re.IGNORECASE)


def _beside(mention: Mention, trigger: Hit) -> bool:
    """A trigger at most ``_BESIDE`` words from a mention's danger words."""
    return max(trigger.start - mention.end, mention.start - trigger.end) <= _BESIDE


def _panic_yields(affirmed: list[Mention], panic: list[Hit]) -> list[Mention]:
    """A fear of dying ("i think i am going to die") said beside a medical emergency is the
    panic of that emergency, and 911 comes first; said alone it is read as the crisis it may be."""
    if not any(m.urgency == "medical" for m in affirmed):
        return affirmed
    fears = Spans(panic)
    return [m for m in affirmed if not (m.urgency == "crisis" and fears.holds(Hit("", m.start, m.end)))]


def _not_someone_elses_sign(affirmed: list[Mention]) -> list[Mention]:
    """The crisis mentions but those whose very words are a medical sign told of someone else:
    in "i shook him and he is not waking up" the sentence's "i" and "not wake up" make a wish
    not to wake, but the words tell that he is unresponsive, and 911 comes first. Not a sign
    that lasts after an act (an overdose: `lasts` in safety.yaml): taking one is the act a crisis
    is about ("he's taken an overdose because he can't face another biopsy"), and _intended
    tells it from an accident."""
    theirs = {(m.start, m.end) for m in affirmed
              if m.urgency == "medical" and m.other and not m.writer and not m.lasts}
    return [m for m in affirmed if m.urgency == "crisis" and (m.start, m.end) not in theirs]


def _intended(crisis: list[Mention], accidents: list[Hit], words: list[str],
              negations: frozenset[str]) -> list[Mention]:
    """The crisis mentions not told as an accident in their sentence: "my mother-in-law took a
    whole bottle of her paracetamol, she got mixed up with her meds" needs 911 (or poison
    control) first, not the crisis line. A mention in another sentence stays a crisis, and so
    does one beside an accident denied ("and it was not by accident")."""
    if not accidents or not crisis:
        return crisis
    sentence = sentence_ids(words)
    told = {sentence[h.start] for h in accidents if not negated_before(words, h, negations)}
    return [m for m in crisis if sentence[m.start] not in told]


def _urged(mentions: tuple[Mention, ...], urges: list[Hit], words: list[str]) -> tuple[Mention, ...]:
    """A crisis the writer denies and then says still presses on them, in the same sentence ("i
    dont want to hurt myself but i keep thinking about it and tonight its really loud"), is not
    denied: the denial names what they fear doing, the urge that it is there. A medical sign
    keeps its denial ("no chest pain but i keep thinking about it")."""
    sentence = sentence_ids(words)
    return _denial_lifted(mentions, lambda m: any(h.start >= m.end and sentence[h.start] == sentence[m.start]
                                                  for h in urges))


def _recanted(mentions: tuple[Mention, ...], recanted: list[Hit], reporting: list[Hit],
              words: list[str]) -> tuple[Mention, ...]:
    """A crisis the writer told someone they denied, and then took the denial back ("I told my
    councillor that I would never commit suicide, things have changed", "i promised my mum i
    would never hurt myself again. i cant keep that promise tonight") is not denied: a crisis
    mention before the last such phrase, with a reporting word before it in its sentence, loses
    its negation. A denial told to the bot ("im not suicidal, things have changed at work") and a
    medical sign keep theirs."""
    last = max(h.start for h in recanted)
    sentence = sentence_ids(words)
    told = [(sentence[h.start], h.start) for h in reporting]
    return _denial_lifted(mentions, lambda m: m.end <= last and any(s == sentence[m.start] and at < m.start
                                                                    for s, at in told))


def _denial_lifted(mentions: tuple[Mention, ...], lifted: Callable[[Mention], bool]) -> tuple[Mention, ...]:
    """The mentions, with the denial taken off each denied crisis ``lifted`` names (_urged,
    _recanted); a medical sign keeps its denial."""
    return tuple(replace(m, negated=False) if m.negated and m.urgency == "crisis" and lifted(m) else m
                 for m in mentions)

"""Deciding what a message is about: a pure function of (index, text).

Order matters and is the safety contract: the safety scan of the whole message (emergencies
and crises read in context, then personal frames), then the personal-advice rules, then
every other topic's rules, then fuzzy matching. Nothing later can overrule an emergency.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from .catalog import ADVICE, EMERGENCY, OUT_OF_SCOPE
from .glossary import tails
from .index import Index, content_words
from .lexicon import SUPPORT
from .normalise import MAX_CHARS, has_readable_text, normalise
from .ranking import Candidate, best_of, rank
from .repair import Repaired, repair
from .safety import Verdict
from .topicmodel import topic_features

__all__ = ["Candidate", "Classification", "MatchKind", "classify", "topic_features_of"]


MAX_QUESTIONS = 3


class MatchKind(enum.Enum):
    SAFETY = "safety"          # an emergency or personal-advice rule fired
    RULE = "rule"              # a topic's own pattern fired
    FUZZY = "fuzzy"            # the best fuzzy match was clear enough
    AMBIGUOUS = "ambiguous"    # two topics were too close to call
    NONE = "none"              # nothing fits: out of scope
    EMPTY = "empty"            # nothing was typed
    UNREADABLE = "unreadable"  # no letters or digits the content could match, or another language


@dataclass(frozen=True, slots=True)
class Classification:
    kind: MatchKind
    topic: str | None
    confidence: float
    candidates: tuple[Candidate, ...] = ()
    normalised: str = ""
    urgency: str | None = None  # "crisis" or "medical" for an emergency, "soon" for some advice, "support"
    for_other: bool = False     # the emergency is someone else's, with the writer
    also: str | None = None     # a second question in the message, about this topic
    uncovered: bool = False     # another question in the message asks what the sources do not cover
    tentative: bool = False     # the ranking doubted this topic; the learned model confirmed it
    glossed: bool = False       # asked in another language, read through the glossary (glossary.py)
    language: str | None = None  # the language of a message not in English, when told (languageid.py)
    wording: str | None = None  # the emergency reply's own wording the safety scan asked for ("overdose")


def classify(index: Index, text: str) -> Classification:
    verdict = index.safety.scan(text)  # the whole message, before anything else
    norm = _bare(index, normalise(text, index.spellings))
    if verdict.topic == EMERGENCY:
        return Classification(MatchKind.SAFETY, EMERGENCY, 1.0, normalised=norm, urgency=verdict.urgency,
                              for_other=verdict.for_other, language=_language(index, text, verdict),
                              wording=verdict.wording)
    if verdict.topic == ADVICE:  # read in any script: "우리 아들 유전자 치료 받아야 할까요?"
        return Classification(MatchKind.SAFETY, ADVICE, 1.0, normalised=norm, urgency=verdict.urgency,
                              language=_language(index, text, verdict))
    result = _understood(index, text, norm, verdict)
    if result.kind in (MatchKind.NONE, MatchKind.UNREADABLE) and result.urgency != SUPPORT:
        result = _glossed(index, text, verdict) or result
    if result.glossed or result.kind is MatchKind.UNREADABLE:
        return replace(result, language=_language(index, text, verdict, foreign=True))
    if result.topic == ADVICE:
        return replace(result, language=_language(index, text, verdict))
    return result


def _language(index: Index, text: str, verdict: Verdict, foreign: bool = False) -> str | None:
    """The language of a message the scan found is not English (or, ``foreign``, one read as
    another language's whatever the scan found: a gloss, an unreadable message), for a line in
    it (translations.py); the scan's own, when its signs or homographs asked (safety.py): asked
    once a message."""
    if verdict.told:  # the scan asked languageid: its answer, None included, stands
        return verdict.language
    return index.languages.identify(text) if foreign or verdict.foreign else None


def _glossed(index: Index, text: str, verdict: Verdict) -> Classification | None:
    """A question in another language, read through the glossary, when its gloss is answered
    as an English question would be: a topic of the pages, by a rule or a clear fuzzy match, or
    the personal-advice reply. Nothing else is taken from a gloss (a doubt, a fallback), so the
    reply stays "I can only read English". A message that cannot be read so whole is read from
    its last parts (glossary.tails): the question after a story told in words no file lists."""
    for part in (text, *tails(text)):
        result = _glossed_part(index, part, verdict)
        if result is not None:
            return result
    return None


def _glossed_part(index: Index, text: str, verdict: Verdict) -> Classification | None:
    english = index.glossary.gloss(text, index.settings.glossed_share, verdict.foreign, index.known,
                                   index.stopwords)
    norm = _bare(index, normalise(english, index.spellings)) if english else ""
    if not norm:
        return None
    # Personal frames read in the gloss too ("¿debo inscribir a mi hija?": "should my daughter"):
    # they decline kindly. A gloss never calls an emergency (the scan of the message as typed
    # has judged that); one that reads as one keeps "I can only read English", 911 and 988 first.
    personal = index.safety.scan(english)
    if personal.topic == EMERGENCY:
        return None
    if personal.topic == ADVICE and not personal.learned:  # the advice reader learned English as typed, not a gloss
        return Classification(MatchKind.SAFETY, ADVICE, 1.0, normalised=norm, urgency=personal.urgency, glossed=True)
    result = _understood(index, english, norm, verdict)
    if result.topic == ADVICE:  # the personal-advice rules
        return replace(result, glossed=True)
    if result.kind not in (MatchKind.FUZZY, MatchKind.RULE) or result.topic not in index.knowledge:
        return None
    return replace(result, glossed=True, also=None)


def _understood(index: Index, text: str, norm: str, verdict: Verdict) -> Classification:
    """What a message no safety concern claimed asks: rules, then the fuzzy ranking."""
    if not norm:
        kind = MatchKind.EMPTY if not text.strip() else MatchKind.UNREADABLE
        return Classification(kind, None, 0.0)
    if not has_readable_text(norm):
        return Classification(MatchKind.UNREADABLE, None, 0.0, normalised=norm)
    words = norm.split()
    whole = repair(index, words)
    texts = _rule_texts(words, whole.strict)
    if ADVICE in index.safety_rules.firing(texts):
        return Classification(MatchKind.SAFETY, ADVICE, 1.0, normalised=norm, urgency=verdict.urgency)
    asked_in = _questions(index, text)
    questions = [(asked, repair(index, asked)) for asked, _pointed in asked_in]
    # Two questions or more are each ranked on their own; the whole message adds nothing then
    # (no tuning set changed without it) but the cost of a third ranking.
    ranked = rank(index, whole) if len(questions) < 2 else []
    also: list[str] = []
    answerable: list[str] = []  # the well-supported tops of questions that, asked alone, are answered
    fired: dict[int, set[str]] = {}  # the rules firing on each question, found once and only if needed

    def fired_on(i: int) -> set[str]:
        if i not in fired:
            asked, question = questions[i]
            fired[i] = index.rules.firing(_rule_texts(asked, question.strict))
        return fired[i]

    for i, (_asked, question) in enumerate(questions):
        part = rank(index, question)
        if part and part[0].score >= index.settings.answer_at:
            also.append(part[0].topic)
            if part[0].topic in index.knowledge and _answers_alone(index, part, fired_on(i)):
                answerable.append(part[0].topic)
        ranked = best_of(ranked, part)
    hits = index.rules.firing(texts)
    # A question read with what it points to is the question asked: its rules count as the
    # message's ("... 'gene therapy'. what is that exactly" is "what is gene therapy exactly").
    for i, (_asked, pointed) in enumerate(asked_in):
        if pointed:
            hits |= fired_on(i)
    # Only what the message asks, not its story, may send it to the fallback: "my dad had a
    # heart attack in 2015 and recovered. how does gene therapy work?" names a recovery, which
    # the pages do not discuss, but asks what they do. Without this, a scene's film, homework,
    # food or recovery sent 20 answerable tuning questions to the fallback.
    if OUT_OF_SCOPE in hits and questions and not any(OUT_OF_SCOPE in fired_on(i) for i in range(len(questions))):
        hits.discard(OUT_OF_SCOPE)
    hits = sorted(hits)
    result = _decide(index, ranked, hits, norm)
    if OUT_OF_SCOPE in hits and answerable:  # "what is gene therapy? how much does it cost?"
        best = next(c for c in ranked if c.topic == answerable[0])
        return Classification(MatchKind.FUZZY, best.topic, best.score, tuple(ranked[:3]), norm, uncovered=True)
    if result.kind is MatchKind.AMBIGUOUS:
        result = _lead(result, also)
    if result.kind in (MatchKind.NONE, MatchKind.AMBIGUOUS) and OUT_OF_SCOPE not in hits:
        result = _confirmed(index, result, whole)
    second = next((t for t in also if t != result.topic and t not in (OUT_OF_SCOPE, None)), None)
    if result.kind in (MatchKind.FUZZY, MatchKind.RULE) and second:
        result = replace(result, also=second)
    if verdict.urgency == SUPPORT and result.topic == OUT_OF_SCOPE:
        result = replace(result, urgency=SUPPORT)  # "i feel so alone": a word of support, not "not covered"
    elif result.kind is MatchKind.NONE and OUT_OF_SCOPE not in hits and _other_language(index, words):
        return Classification(MatchKind.UNREADABLE, None, 0.0, normalised=norm)
    return result


def _other_language(index: Index, words: list[str]) -> bool:
    """A message in another language ("ya no quiero seguir", "pagod na ako") that nothing
    matched: "my sources do not cover that" would answer what the bot never read. Two or more
    common words of other languages, and more of them than English stopwords, tell it; then the
    unreadable reply says the bot reads only English and names 911 and 988 first."""
    cues = sum(1 for w in words if w in index.foreign)
    return cues >= 2 and cues > sum(1 for w in words if w in index.stopwords)


def topic_features_of(index: Index, text: str) -> list[str]:
    """What the learned topic model reads in a message, as classify reads it: for training it."""
    words = _words(index, text)
    return topic_features(index.concepts.apply(repair(index, words).loose), index.stopwords) if words else []


def _lead(result: Classification, asked: list[str]) -> Classification:
    """Two questions whose answers are both well supported are not a doubt to clarify: the one
    the message leads with is answered, and the other is offered as any second question is
    ("what is gene editing and how does it work" answers gene editing, offers how it works)."""
    pair = [c.topic for c in result.candidates]
    if not all(t in asked for t in pair):
        return result
    first = next(t for t in asked if t in pair)
    return replace(result, kind=MatchKind.FUZZY, topic=first)


def _confirmed(index: Index, result: Classification, whole: Repaired) -> Classification:
    """A doubted question is answered, as a best guess, when the learned model (topicmodel.py)
    reads it as the topic the ranking put first, or as one of the two it would ask between.
    The topic needs some support from the ranking too (``floor``): the model confirms, it
    never brings a topic of its own."""
    model = index.topic_model
    if model is None:
        return result
    pair = result.candidates[:2] if result.kind is MatchKind.AMBIGUOUS else result.candidates[:1]
    options = [c.topic for c in pair if c.topic in index.knowledge and c.score >= model.floor]
    if not options:
        return result
    words = index.concepts.apply(whole.loose)
    topic = model.confirms(topic_features(words, index.stopwords), options)
    if topic is None:
        return result
    score = next(c.score for c in pair if c.topic == topic)
    return Classification(MatchKind.FUZZY, topic, score, result.candidates, result.normalised, tentative=True)


def _rule_texts(words: list[str], strict: list[str]) -> tuple[str, ...]:
    """What the rules read: the words as typed, and with sure misspellings repaired."""
    typed, repaired = " ".join(words), " ".join(strict)
    return (typed,) if repaired == typed else (typed, repaired)


def _answers_alone(index: Index, ranked: list[Candidate], fired: set[str]) -> bool:
    """Whether one question of a message, asked alone, would get its best topic's answer."""
    alone = _decide(index, ranked, sorted(fired), "")
    return alone.kind in (MatchKind.FUZZY, MatchKind.RULE) and alone.topic == ranked[0].topic


def _questions(index: Index, text: str) -> list[tuple[list[str], bool]]:
    """The questions inside a message of several sentences, as words, each with whether it was
    read with what it points back to (pointers.py); else nothing.

    People tell the story first and ask last ("my son starts treatment next month ... what
    are the risks?"), or ask two things at once; the story's words dilute the question's, so
    each question (a sentence ending in "?", and the last sentence) is also scored on its own
    and each topic keeps its best score. At most MAX_QUESTIONS, so the cost stays bounded.
    """
    sentences = [m.group(0) for m in index.sentences.finditer(text[:MAX_CHARS]) if m.group(0).strip()]
    if len(sentences) < 2:
        return []
    marked = [i for i in range(len(sentences)) if _asks(sentences, i)]
    # the last sentence, and the last marked with a "?": "... is that true? im so tired of it"
    last = {len(sentences) - 1, *marked[-1:]}
    asked = marked[:MAX_QUESTIONS]
    if len(sentences) - 1 not in asked:
        asked = [*asked[: MAX_QUESTIONS - 1], len(sentences) - 1]
    read: dict[int, list[str]] = {}  # a sentence's words, each read once however many questions look back at it

    def words_of(j: int) -> list[str]:
        if j not in read:
            read[j] = _words(index, sentences[j])
        return read[j]

    found = []
    for i in asked:
        words = words_of(i)
        if not content_words(words, index.stopwords) and i and sentences[i - 1].rstrip().endswith((",", ":")) \
                and not index.pointers.ends_on_one(words_of(i - 1), index.concepts):
            words = _words(index, sentences[i - 1] + sentences[i])  # "correction or insertion, what is that"
        pointed = None
        if i:  # "... keeps saying 'gene therapy'. what does that word mean?" (pointers.py)
            before = (words_of(j) for j in reversed(range(i)))
            pointed = index.pointers.resolve(words, before, index.concepts)
            if pointed is None and i in last and index.pointers.checks_claim(words):
                pointed = words_of(i - 1)  # "... is that real?": the claim is what it asks
        if pointed is not None:
            found.append((pointed, True))
        elif content_words(words, index.stopwords):
            found.append((words, False))
    return found


def _asks(sentences: list[str], i: int) -> bool:
    """A sentence ending in "?" asks, and so does the first of two joined by "and" ("what is gene
    editing and how does it work?")."""
    if sentences[i].rstrip().endswith("?"):
        return True
    following = sentences[i + 1].lstrip().lower() if i + 1 < len(sentences) else ""
    return following.startswith("and ") and following.rstrip().endswith("?")


def _words(index: Index, sentence: str) -> list[str]:
    return _bare(index, normalise(sentence, index.spellings)).split()


def _bare(index: Index, norm: str) -> str:
    """The question without what only frames it: a polite opening that asks nothing ("please
    can you tell me who oversees the trials") and an ending that says how to answer, not what
    ("..., i know nothing about biology"). Their words only dilute the question's."""
    return _trimmed(_trimmed(norm, index.closers, at_end=True), index.openers, at_end=False)


def _trimmed(norm: str, affixes: tuple[str, ...], at_end: bool) -> str:
    """The message without up to three of the affixes at its start or end ("hi, quick question,
    can you tell me ..."); kept when too little would follow. Each affix carries its space
    (see Index.openers), so one C call, str.startswith/endswith with the tuple, tells most
    messages apart."""
    for _ in range(3):
        has = norm.endswith if at_end else norm.startswith
        if not has(affixes):
            break
        affix = next(a for a in affixes if has(a))
        rest = norm[: -len(affix)] if at_end else norm[len(affix):]
        if len(rest) < 7 or " " not in rest:  # one word left ("hello| everyone"): no question followed
            break
        norm = rest
    return norm


def _decide(index: Index, ranked: list[Candidate], hits: list[str], norm: str) -> Classification:
    s = index.settings
    scores = {c.topic: c.score for c in ranked}
    if OUT_OF_SCOPE in hits:
        return Classification(MatchKind.NONE, OUT_OF_SCOPE, 0.95, tuple(ranked[:3]), norm)
    # A keyword names what a question is about, not what it asks: "who has access to IRB
    # records" names the IRB, but the IRB answer does not answer it. A rule needs some
    # support from the wording as a whole.
    hits = [t for t in hits if t not in index.knowledge or scores.get(t, 0.0) >= s.rule_floor]
    if hits:
        ordered = sorted(dict.fromkeys(hits), key=lambda t: scores.get(t, 0.0), reverse=True)
        if len(ordered) > 1 and scores.get(ordered[0], 0) - scores.get(ordered[1], 0) < s.margin:
            pair = tuple(Candidate(t, scores.get(t, 0.0)) for t in ordered[:2])
            return Classification(MatchKind.AMBIGUOUS, None, pair[0].score, pair, norm)
        top = ordered[0]
        return Classification(MatchKind.RULE, top, scores.get(top, 0.0), tuple(ranked[:3]), norm)
    if not ranked:
        return Classification(MatchKind.NONE, OUT_OF_SCOPE, 0.5, (), norm)
    best = ranked[0]
    runner_up = ranked[1] if len(ranked) > 1 else Candidate("", 0.0)
    if best.topic == OUT_OF_SCOPE and best.score >= s.clarify_at:
        return Classification(MatchKind.NONE, OUT_OF_SCOPE, best.score, tuple(ranked[:3]), norm)
    if best.score < s.clarify_at:
        return Classification(MatchKind.NONE, OUT_OF_SCOPE, round(1 - best.score, 4), tuple(ranked[:3]), norm)
    close = best.score - runner_up.score < s.margin
    if close and runner_up.score >= s.clarify_at and runner_up.topic not in (OUT_OF_SCOPE, EMERGENCY):
        return Classification(MatchKind.AMBIGUOUS, None, best.score, (best, runner_up), norm)
    if close and runner_up.topic == OUT_OF_SCOPE:
        return Classification(MatchKind.NONE, OUT_OF_SCOPE, runner_up.score, tuple(ranked[:3]), norm)
    if best.score >= s.answer_at:
        kind = MatchKind.SAFETY if best.topic in (EMERGENCY, ADVICE) else MatchKind.FUZZY
        return Classification(kind, best.topic, best.score, tuple(ranked[:3]), norm)
    return Classification(MatchKind.NONE, OUT_OF_SCOPE, round(1 - best.score, 4), tuple(ranked[:3]), norm)

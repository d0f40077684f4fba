"""Deciding what a message is about: a pure function of (index, text).

Order matters and is the safety contract: the safety scan of the whole message (emergencies
and crises read in context, then personal frames), then the personal-advice rules, then
every other topic's rules, then fuzzy matching. Nothing later can overrule an emergency.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .catalog import ADVICE, EMERGENCY, OUT_OF_SCOPE
from .index import Index, Repairs, content_words, sort_key
from .memo import remember
from .normalise import MAX_CHARS, has_readable_text, normalise
from .stems import stem

__all__ = ["Candidate", "Classification", "MatchKind", "classify"]


MAX_QUESTIONS = 3
MAX_REPAIRS = 40
MAX_REMEMBERED = 20_000  # spelling repairs kept between messages


class MatchKind(enum.Enum):
    SAFETY = "safety"          # an emergency or personal-advice rule fired
    RULE = "rule"              # a topic's own pattern fired
    FUZZY = "fuzzy"            # the best fuzzy match was clear enough
    AMBIGUOUS = "ambiguous"    # two topics were too close to call
    NONE = "none"              # nothing fits: out of scope
    EMPTY = "empty"            # nothing was typed
    UNREADABLE = "unreadable"  # no letters or digits the content could match


class Candidate(NamedTuple):
    """A topic and its score. A named tuple, not a frozen dataclass: a reply ranks every
    topic once or twice and merges the rankings, and a tuple is built in a third of the time."""

    topic: str
    score: float


@dataclass(frozen=True, slots=True)
class Classification:
    kind: MatchKind
    topic: str | None
    confidence: float
    candidates: tuple[Candidate, ...] = ()
    normalised: str = ""
    urgency: str | None = None  # "crisis" or "medical" for an emergency, "soon" for some advice
    for_other: bool = False     # the emergency is someone else's, with the writer
    also: str | None = None     # a second question in the message, about this topic
    uncovered: bool = False     # another question in the message asks what the sources do not cover


def classify(index: Index, text: str) -> Classification:
    verdict = index.safety.scan(text)  # the whole message, before anything else
    norm = _without_opener(normalise(text, index.spellings), index.openers)
    if verdict.topic == EMERGENCY:
        return Classification(MatchKind.SAFETY, EMERGENCY, 1.0, normalised=norm, urgency=verdict.urgency,
                              for_other=verdict.for_other)
    if not norm:
        kind = MatchKind.EMPTY if not text.strip() else MatchKind.UNREADABLE
        return Classification(kind, None, 0.0)
    if not has_readable_text(norm):
        return Classification(MatchKind.UNREADABLE, None, 0.0, normalised=norm)
    words = norm.split()
    whole = _repair(index, words)
    texts = _rule_texts(words, whole.strict)
    if verdict.topic == ADVICE or ADVICE in index.safety_rules.firing(texts):
        return Classification(MatchKind.SAFETY, ADVICE, 1.0, normalised=norm, urgency=verdict.urgency)
    questions = [(asked, _repair(index, asked)) for asked in _questions(index, text)]
    # Two questions or more are each ranked on their own; the whole message adds nothing then
    # (no tuning set changed without it) but the cost of a third ranking.
    ranked = _rank(index, whole) if len(questions) < 2 else []
    also: list[str] = []
    answerable: list[str] = []  # the well-supported tops of questions that, asked alone, are answered
    fired: dict[int, set[str]] = {}  # the rules firing on each question, found once and only if needed

    def fired_on(i: int) -> set[str]:
        if i not in fired:
            asked, question = questions[i]
            fired[i] = index.rules.firing(_rule_texts(asked, question.strict))
        return fired[i]

    for i, (_asked, question) in enumerate(questions):
        part = _rank(index, question)
        if part and part[0].score >= index.settings.answer_at:
            also.append(part[0].topic)
            if part[0].topic in index.knowledge and _answers_alone(index, part, fired_on(i)):
                answerable.append(part[0].topic)
        ranked = _best_of(ranked, part)
    hits = index.rules.firing(texts)
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
    second = next((t for t in also if t != result.topic and t not in (OUT_OF_SCOPE, None)), None)
    if result.kind in (MatchKind.FUZZY, MatchKind.RULE) and second:
        result = replace(result, also=second)
    return result


def _lead(result: Classification, asked: list[str]) -> Classification:
    """Two questions whose answers are both well supported are not a doubt to clarify: the one
    the message leads with is answered, and the other is offered as any second question is
    ("what is gene editing and how does it work" answers gene editing, offers how it works)."""
    pair = [c.topic for c in result.candidates]
    if not all(t in asked for t in pair):
        return result
    first = next(t for t in asked if t in pair)
    return replace(result, kind=MatchKind.FUZZY, topic=first)


def _rule_texts(words: list[str], strict: list[str]) -> tuple[str, ...]:
    """What the rules read: the words as typed, and with sure misspellings repaired."""
    typed, repaired = " ".join(words), " ".join(strict)
    return (typed,) if repaired == typed else (typed, repaired)


def _answers_alone(index: Index, ranked: list[Candidate], fired: set[str]) -> bool:
    """Whether one question of a message, asked alone, would get its best topic's answer."""
    alone = _decide(index, ranked, sorted(fired), "")
    return alone.kind in (MatchKind.FUZZY, MatchKind.RULE) and alone.topic == ranked[0].topic


def _questions(index: Index, text: str) -> list[list[str]]:
    """The questions inside a message of several sentences, as words; else nothing.

    People tell the story first and ask last ("my son starts treatment next month ... what
    are the risks?"), or ask two things at once; the story's words dilute the question's, so
    each question (a sentence ending in "?", and the last sentence) is also scored on its own
    and each topic keeps its best score. At most MAX_QUESTIONS, so the cost stays bounded.
    """
    sentences = [m.group(0) for m in index.sentences.finditer(text[:MAX_CHARS]) if m.group(0).strip()]
    if len(sentences) < 2:
        return []
    asked = [i for i, sentence in enumerate(sentences) if _asks(sentences, i)][:MAX_QUESTIONS]
    if len(sentences) - 1 not in asked:
        asked = [*asked[: MAX_QUESTIONS - 1], len(sentences) - 1]
    found = []
    for i in asked:
        words = _words(index, sentences[i])
        if not content_words(words, index.stopwords) and i and sentences[i - 1].rstrip().endswith((",", ":")):
            words = _words(index, sentences[i - 1] + sentences[i])  # "correction or insertion, what is that"
        if content_words(words, index.stopwords):
            found.append(words)
    return found


def _asks(sentences: list[str], i: int) -> bool:
    """A sentence ending in "?" asks, and so does the first of two joined by "and" ("what is gene
    editing and how does it work?")."""
    if sentences[i].rstrip().endswith("?"):
        return True
    following = sentences[i + 1].lstrip().lower() if i + 1 < len(sentences) else ""
    return following.startswith("and ") and following.rstrip().endswith("?")


def _words(index: Index, sentence: str) -> list[str]:
    return _without_opener(normalise(sentence, index.spellings), index.openers).split()


def _without_opener(norm: str, openers: tuple[str, ...]) -> str:
    """The message without a polite opening that asks nothing ("please can you tell me who
    oversees the trials"): its words only dilute the question's. Kept when nothing follows."""
    for _ in range(3):  # "hi, quick question, can you tell me ..."
        opener = next((o for o in openers if norm.startswith(o + " ")), None)
        if opener is None or len(norm) - len(opener) < 8:
            break
        norm = norm[len(opener) + 1:]
    return norm


def _best_of(first: list[Candidate], second: list[Candidate]) -> list[Candidate]:
    best = {c.topic: c.score for c in first}
    for c in second:
        best[c.topic] = max(best.get(c.topic, 0.0), c.score)
    return sorted((Candidate(t, v) for t, v in best.items()), key=lambda c: c.score, reverse=True)


Near = Mapping[str, tuple[str, ...]]  # each word spelling repair looked up -> known words near it


class Repaired(NamedTuple):
    strict: list[str]  # for the rules
    loose: list[str]   # for fuzzy ranking
    near: Near


def _repair(index: Index, words: list[str]) -> Repaired:
    """Replace misspelt words with the closest word the content knows ('theraphy' -> 'therapy').

    Returns two versions: for the rules, inflections are left alone ("year" must not become
    "years" and so dodge a "last year" guard); for fuzzy ranking they help ("risk" -> "risks").
    And the known words near each word it looked up, for _candidates.
    A word's possible repairs depend only on the content, so they are looked up once and
    remembered (index.repairs, bounded): a message's sentences, and later messages, reuse them.
    Which one is meant depends on its neighbours: "geen therapy" is "gene", not "green".
    """
    fixes, known, shortest = index.repairs, index.known, index.settings.min_correctable
    strict: list[str] = []
    loose: list[str] = []
    near: dict[str, tuple[str, ...]] = {}
    budget = MAX_REPAIRS  # new words looked up per message: the cost stays that of a short message
    for i, word in enumerate(words):
        looked_up = fixes.get(word)
        if looked_up is None:
            if word in known or not budget or len(word) < shortest or word.isdigit():
                strict.append(word)
                loose.append(word)
                continue
            budget -= 1
            looked_up = remember(fixes, word, _repairs_of(index, word), MAX_REMEMBERED)
        near[word] = looked_up.near
        options = looked_up.options
        if len(options) > 1:
            after = words[i + 1] if i + 1 < len(words) else None
            fix = _in_context(index, options, loose[-1] if loose else None, after)
        else:
            fix = options[0] if options else word
        loose.append(fix)
        strict.append(word if fix.startswith(word) or word.startswith(fix) else fix)
    return Repaired(strict, loose, near)


def _repairs_of(index: Index, word: str) -> Repairs:
    """The known words `word` may be a misspelling of, likeliest first (the closest by ratio,
    then one vowel off, "theropy", then one slip of the keys, "waht", "reserch"), and the
    known words merely near it, from the same search."""
    s = index.settings
    near = process.extract(word, index.vocabulary.get(len(word), ()), scorer=fuzz.ratio, processor=None,
                           score_cutoff=s.near_at, limit=5)
    found = [c for c, score, _i in near if score >= s.correct_at][:3]
    if len(word) >= s.min_one_typo:
        found.append(_one_vowel_off(word, index.slips.words) or "")
    found.append(index.slips.undo(word) or "")
    return Repairs(tuple(w for w in dict.fromkeys(found) if w), tuple(c for c, _score, _i in near))


def _in_context(index: Index, options: tuple[str, ...], before: str | None, after: str | None) -> str:
    """Of a word's possible repairs, the first that stands next to its neighbour somewhere in
    the content ("gene therapy", "kinds of"), else the likeliest."""
    neighbours, nothing = index.neighbours, frozenset()
    return next((o for o in options if not neighbours.get(o, nothing).isdisjoint((before, after))), options[0])


_VOWELS = "aeiouy"


def _one_vowel_off(word: str, known: frozenset[str]) -> str | None:
    """A known word that differs from `word` in one vowel only ("theropy" -> "therapy").

    One wrong letter in a short word is under any ratio cutoff that does not also merge
    different words; a wrong vowel is the commonest such slip, and a wrong consonant is too
    often another real word ("project" is not "protect"). The few words one vowel away are
    looked up, the first in alphabetical order when several are known.
    """
    found = {word[:i] + v + word[i + 1:] for i, c in enumerate(word) if c in _VOWELS for v in _VOWELS if v != c}
    return min(found & known, default=None)


def _rank(index: Index, repaired: Repaired) -> list[Candidate]:
    """Score every topic in [0, 1] by blending three views of the same evidence."""
    s = index.settings
    words = index.concepts.apply(repaired.loose)
    blended = {
        topic: s.phrase_weight * phrase + s.words_weight * by_words + s.cover_weight * cover
        for topic, (phrase, by_words, cover) in signals(index, words, repaired.near).items()
    }
    answering = index.frames.answering(words)
    if answering is not None:  # the upsides are not the risks answer, however alike the words
        for topic in blended.keys() & index.knowledge - answering:
            blended[topic] *= s.frame_penalty
    for topic in blended.keys() & index.frames.unnamed(words):  # "a trial" names no phase
        blended[topic] *= s.frame_penalty
    ranked = [Candidate(t, round(min(v, 1.0), 4)) for t, v in blended.items()]
    ranked.sort(key=lambda c: c.score, reverse=True)
    return ranked


def signals(index: Index, words: list[str], near: Near) -> dict[str, tuple[float, float, float]]:
    """Per topic: best similarity of the whole phrase, best similarity of its content words,
    and how much of the message the topic's vocabulary covers.

    The phrase view keeps "what is" and "how does"; the content-word view (token-sorted,
    stopwords dropped) ignores word order and filler; coverage, weighted by how rare a word
    is, forgives the extra words of a long story but not words the content never uses.
    (token_set_ratio was tried and dropped: it scores 100 whenever one side's words are a
    subset of the other's, so short examples attract everything, and it cost 0.6 ms a call.)
    """
    # A number the content never uses ("like im 5", "im 61") says nothing about the topic.
    kept = [w for w in content_words(words, index.stopwords) if not w.isdigit() or w in index.known]
    if not kept:
        return {}
    s = index.settings
    ids = _candidates(index, kept, near)
    if ids is None:
        owners, phrases, keys = index.owners, index.phrases, index.keys
    else:
        owners, phrases, keys = _columns(ids, index.owners, index.phrases, index.keys)
    options = {"processor": None, "score_cutoff": s.fuzzy_floor, "limit": s.top_examples}
    phrase = _best_per_topic(owners, process.extract(" ".join(words), phrases, scorer=fuzz.ratio, **options))
    by_words = _best_per_topic(owners, process.extract(sort_key(kept), keys, scorer=fuzz.ratio, **options))
    cover = _coverage(index, kept)
    topics = phrase.keys() | by_words.keys() | cover.keys()
    return {t: (phrase.get(t, 0.0), by_words.get(t, 0.0), cover.get(t, 0.0)) for t in topics}


def _candidates(index: Index, kept: list[str], near: Near) -> list[int] | None:
    """The examples worth comparing: those sharing a content word with the message, or using a
    known word near one the content never uses (a misspelling no repair was sure of, a word run
    together: "invivo"). An example sharing none scores too low on every view to matter, and
    comparing with all of them was most of the cost of a reply. None (compare with all) in
    content small enough when no example shares anything: only spelling can tell then.

    Examples sharing the message's rarest words come first; when a word is so common that
    its examples overflow the budget (large content), those nearest the message in length are
    kept, since fuzz.ratio cannot score far-apart lengths highly anyway.
    """
    budget, postings = index.settings.max_candidates, index.postings
    shared = {w for w in kept if w in postings}
    for word in set(kept) - shared:
        shared.update(w for w in near.get(word, ()) if w in postings)
    key_length = len(sort_key(kept))
    lists = sorted((postings[w] for w in shared), key=lambda p: len(p[0]))
    chosen: set[int] = set()
    for ids, lengths in lists:
        room = budget - len(chosen)
        if room <= 0:
            break
        if len(ids) <= room:
            chosen.update(ids)
            continue
        middle = bisect.bisect_left(lengths, key_length)
        start = max(0, min(middle - room // 2, len(ids) - room))
        chosen.update(ids[start:start + room])
    if not chosen and len(index.keys) <= budget:
        return None  # no word in common at all: again only spelling can tell
    return sorted(chosen)


def _columns(ids: list[int], *columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The chosen rows of each column (itemgetter: one C call per column, not a Python loop)."""
    if len(ids) > 1:
        pick = itemgetter(*ids)
        return [pick(column) for column in columns]
    return [tuple(column[i] for i in ids) for column in columns]


def _best_per_topic(owners: tuple[str, ...], matches: list[tuple[str, float, int]]) -> dict[str, float]:
    best: dict[str, float] = {}
    for _choice, score, i in matches:  # sorted best first, so the first per topic is its best
        best.setdefault(owners[i], score / 100.0)
    return best


def _coverage(index: Index, words: list[str]) -> dict[str, float]:
    """The rarity-weighted share of the message's words that each topic's examples use."""
    unknown = index.unknown_idf * index.settings.unknown_weight
    total = 0.0
    covered: dict[str, float] = {}
    for word in words:
        idf, weights = index.idf, index.weights
        if word not in idf:  # another form of a word the content uses ("triggering")?
            word = stem(word)
            idf, weights = index.stem_idf, index.stem_weights
        total += idf.get(word, unknown)
        for tid, weight in weights.get(word, {}).items():
            covered[tid] = covered.get(tid, 0.0) + weight
    return {tid: value / total for tid, value in covered.items()}


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

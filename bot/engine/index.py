"""The search index: everything the classifier needs, derived from the content once at load.

Examples are normalised, stripped of stopwords and token-sorted here, so that at reply time
rapidfuzz compares plain strings with ``processor=None`` and no Python loop over scorers.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from .catalog import ADVICE, EMERGENCY
from .concepts import Concepts
from .content import Content
from .frames import Frames
from .glossary import Glossary
from .languageid import Languages
from .normalise import normalise
from .pointers import Pointers
from .rules import RuleSet, build_rules
from .safety import SafetyScanner
from .slips import Slips
from .stems import stem
from .topicmodel import TopicModel

__all__ = ["Index", "Repairs", "Settings", "build_index", "content_words", "sort_key"]

# Chat writers end a sentence with an emoji as often as with a stop: "my brother jokes it will give
# him superpowers 😂 what are the real side effects" sets a scene, then asks.
_EMOJI = "\u2600-\u27bf\U0001f300-\U0001faff\ufe0f\u200d"
_SENTENCES = re.compile(rf"[^.?!;\n{_EMOJI}]+[.?!;\n{_EMOJI}]*")  # without language.yaml's lists


@dataclass(frozen=True, slots=True)
class Settings:
    """The classifier's dials, calibrated on tests/eval/dev.yaml (see benchmarks/tune.py)."""

    answer_at: float = 0.694        # a topic this sure is answered
    clarify_at: float = 0.632       # two topics both this sure and close: ask which
    margin: float = 0.026           # "close" means within this of each other
    phrase_weight: float = 0.474   # blend: best similarity of the whole phrase,
    words_weight: float = 0.216    # of its content words,
    cover_weight: float = 0.31     # and word coverage (weights sum to 1)
    unknown_weight: float = 0.59   # how much a word the content never uses counts against a topic
    rule_floor: float = 0.3        # a topic rule answers only if the fuzzy evidence reaches this too
    correct_at: float = 86.0       # rapidfuzz ratio for fixing a misspelt word
    near_at: float = 70.0          # a word the content never uses brings in the examples of
                                   # known words this close to it (ratio), to compare with
    min_correctable: int = 4       # shorter words are never "corrected"
    min_one_typo: int = 6          # words this long may also be one edit from a known word
    fuzzy_floor: float = 40.0      # examples scoring below this are ignored
    top_examples: int = 64         # how many best examples per message feed the topic scores
    frame_penalty: float = 0.6     # a topic not answering what the question asks keeps this share
    max_candidates: int = 3000     # a message is compared with at most about this many examples
    repair_words: int = 5000       # spelling repair aims at the content's most used words
    glossed_share: float = 0.5     # a message in another language is read through the glossary
                                   # when at least this share of its words are listed or English


class Repairs(NamedTuple):
    """What a word the content never uses may be: its repairs, likeliest first, and the
    known words near it, whose examples are worth comparing with a message that uses it."""

    options: tuple[str, ...]
    near: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Index:
    spellings: Mapping[str, str]
    stopwords: frozenset[str]
    concepts: Concepts                 # synonyms to one name, before fuzzy ranking
    frames: Frames                     # what a question asks, and which topics answer that
    pointers: Pointers                 # "what is that?" after a story: the subject it points to
    glossary: Glossary                 # a question in another language, read in the matcher's English
    safety: SafetyScanner              # emergencies, crises and personal frames, read first
    safety_rules: RuleSet              # personal-advice patterns, checked next
    rules: RuleSet                     # every other topic's patterns
    phrases: tuple[str, ...]           # each example: all its words, in order
    keys: tuple[str, ...]              # each example: its content words, sorted
    owners: tuple[str, ...]            # the topic of each example
    vocabulary: Mapping[int, tuple[str, ...]]  # word length -> known words close enough in
                                               # length to be a repair of it (see _windows)
    known: frozenset[str]
    weights: Mapping[str, Mapping[str, float]] = field(repr=False)  # word -> topic -> idf
    idf: Mapping[str, float] = field(repr=False)
    # The same by stem, for a message word the content never uses in that form ("triggering").
    stem_weights: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    stem_idf: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    # Content word -> the examples that use it, so a message is compared with the examples
    # that share a word with it instead of with all of them (an example sharing none scores
    # too low to matter, and skipping them more than halves the cost of a reply).
    postings: Mapping[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False
    )
    unknown_idf: float = 0.0
    knowledge: frozenset[str] = frozenset()  # topics answered from the sources (rules need support)
    languages: Languages = field(default_factory=Languages)  # which one a message not in English is in
    foreign: frozenset[str] = frozenset()    # other languages' common words (intents/language.yaml)
    # Polite openings dropped before matching, each with the space after it, longest first; and
    # endings that say how to answer ("in simple terms"), dropped too, each with the space before it.
    # Spaced once here, so one C call (str.startswith/endswith with a tuple) tells most messages apart.
    openers: tuple[str, ...] = ()
    closers: tuple[str, ...] = ()
    sentences: re.Pattern[str] = _SENTENCES  # see sentence_pattern
    slips: Slips = field(default_factory=lambda: Slips.of((), 4), repr=False)  # one slip of the keys undone
    # Each word a repair may give -> the words beside it in the examples ("gene" -> "therapy",
    # "kinds" -> "of"): which repair a misspelt word needs depends on the word beside it ("geen
    # therapy" is "gene", not "green"). Kept for the repair targets only (Settings.repair_words),
    # so it stays bounded as content grows: about 20 MB at 100x content.
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    settings: Settings = Settings()
    topic_model: TopicModel | None = None  # confirms a doubted top topic (topicmodel.py)
    # Spelling repairs already looked up (word -> its Repairs): a cache, the one mutable part,
    # filled as messages arrive and bounded by the classifier.
    repairs: dict[str, Repairs] = field(default_factory=dict, init=False, compare=False, repr=False)


def sentence_pattern(askers: tuple[str, ...], joiners: tuple[str, ...] = (),
                     turns: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A sentence ends at . ? ! ; a new line or an emoji, and also at a comma or colon that opens a
    question or a request ("this homework is killing me, what is a vector?"): chat writers set
    the scene and ask in one sentence. It also ends before "and" that opens a second question
    ("what is gene editing and how does it work?"), and before a word that turns from the story
    to the question with no stop at all ("this homework is killing me anyway whats a vector").
    The lists are content (language.yaml)."""
    if not askers and not joiners and not turns:
        return _SENTENCES
    asking = _alternatives(askers)
    ends = [rf"\s+and\s+(?:{_alternatives(joiners)})\b"] if joiners else []
    if turns:
        ends.append(rf"\s+(?:{_alternatives(turns)})\b(?=[\s,:]+\w)")  # not "what is an ibc anyway?"
    plain = rf"(?:(?!{'|'.join(ends)})[^.?!;\n,:{_EMOJI}])+" if ends else rf"[^.?!;\n,:{_EMOJI}]+"
    return re.compile(rf"(?:{plain}|[,:](?!\s*(?:{asking})\b))+[.?!;\n,:{_EMOJI}]*", re.IGNORECASE)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in words) or "(?!)"


def content_words(words: list[str], stopwords: frozenset[str]) -> list[str]:
    return [w for w in words if w not in stopwords]


def sort_key(words: list[str]) -> str:
    """Token-sorted string: fuzz.ratio on these equals token_sort_ratio, without re-tokenising."""
    return " ".join(sorted(words))


def build_index(content: Content, settings: Settings | None = None) -> Index:
    settings = settings or Settings()
    lang = content.language
    seen: set[tuple[str, str]] = set()
    phrases: list[str] = []
    keys: list[str] = []
    owners: list[str] = []
    vocabulary: Counter[str] = Counter()
    texts: list[str] = []  # each example as normalised, for the neighbours of repair targets
    topic_words: dict[str, set[str]] = defaultdict(set)
    for topic in content.topics.values():
        if topic.id == EMERGENCY:  # only the safety scan, which reads context, decides an emergency
            continue
        for text in (*topic.examples, topic.question):
            raw = normalise(text, lang.spellings).split()
            vocabulary.update(raw)
            texts.append(" ".join(raw))
            words = content.concepts.apply(raw)
            phrase = " ".join(words)
            if not words or (phrase, topic.id) in seen:
                continue
            seen.add((phrase, topic.id))
            kept = content_words(words, lang.stopwords)
            topic_words[topic.id].update(kept)
            phrases.append(phrase)
            keys.append(sort_key(kept))
            owners.append(topic.id)
    _add_answer_words(content, topic_words)
    n_topics = max(len(content.topics), 1)
    idf, weights = _weighting(topic_words, n_topics)
    stem_idf, stem_weights = _weighting({t: set(map(stem, ws)) for t, ws in topic_words.items()}, n_topics)
    safety = build_rules({ADVICE: content.topics[ADVICE].patterns} if ADVICE in content.topics else {})
    rules = build_rules(
        {t.id: t.patterns for t in content.topics.values() if t.patterns and t.id not in (EMERGENCY, ADVICE)}
    )
    concept_words = content.concepts.words()  # content vocabulary too, never "misspellings"
    # Repairs aim at the content's most used words: in very large content a rare word is more
    # likely a typo itself than the word a typo meant.
    repairable = {w for w, _ in vocabulary.most_common(settings.repair_words)} | concept_words
    safety_scanner = SafetyScanner(content.safety, lang.spellings, set(vocabulary) | lang.stopwords,
                                   content.safety_model, content.letter_model, lang.foreign, lang.stopwords,
                                   content.glossary, content.advice_model)
    return Index(
        spellings=lang.spellings,
        openers=tuple(f"{o} " for o in lang.openers),
        closers=tuple(f" {c}" for c in lang.closers),
        sentences=sentence_pattern(lang.askers, lang.joiners, lang.turns),
        stopwords=lang.stopwords,
        concepts=content.concepts,
        frames=content.frames,
        pointers=content.pointers,
        glossary=content.glossary,
        safety=safety_scanner,
        safety_rules=safety,
        rules=rules,
        phrases=tuple(phrases),
        keys=tuple(keys),
        owners=tuple(owners),
        vocabulary=_windows(repairable, settings.correct_at),
        known=frozenset(vocabulary) | concept_words,
        slips=Slips.of(repairable, settings.min_correctable),
        neighbours=_neighbours(texts, repairable),
        weights=weights,
        idf=idf,
        stem_weights=stem_weights,
        stem_idf=stem_idf,
        postings=_postings(keys),
        unknown_idf=math.log(1 + n_topics),
        knowledge=frozenset(t.id for t in content.topics.values() if t.group == "knowledge"),
        languages=safety_scanner.languages,
        foreign=lang.foreign,
        settings=settings,
        topic_model=content.topic_model,
    )


def _weighting(
    topic_words: Mapping[str, set[str]], n_topics: int
) -> tuple[Mapping[str, float], Mapping[str, Mapping[str, float]]]:
    """Each word's rarity across topics (idf), and word -> topic -> that idf."""
    document_frequency: dict[str, int] = defaultdict(int)
    for words in topic_words.values():
        for word in words:
            document_frequency[word] += 1
    idf = {w: math.log(1 + n_topics / df) for w, df in document_frequency.items()}
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for tid, words in topic_words.items():
        for word in words:
            weights[word][tid] = idf[word]
    return MappingProxyType(idf), MappingProxyType({w: MappingProxyType(t) for w, t in weights.items()})


def _add_answer_words(content: Content, topic_words: dict[str, set[str]]) -> None:
    """The answer's own words count as evidence for its topic: a question in the source
    page's wording ("what does the Institutional Biosafety Committee approve") finds the
    answer that quotes it. Only coverage uses them (rarity-weighted overlap), not the
    phrase similarity, which compares with things people say."""
    lang = content.language
    for tid, answer in content.answers.items():
        if tid not in topic_words or content.topics[tid].group != "knowledge":
            continue
        for text in (answer.text, *(q.text for q in answer.quotes)):
            words = content.concepts.apply(normalise(text, lang.spellings).split())
            topic_words[tid].update(content_words(words, lang.stopwords))


def _neighbours(texts: list[str], targets: set[str]) -> Mapping[str, frozenset[str]]:
    """For each repair target, the words that stand right before or after it in the texts."""
    beside: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for first, second in itertools.pairwise(text.split()):
            if first in targets:
                beside[first].add(second)
            if second in targets:
                beside[second].add(first)
    return MappingProxyType({w: frozenset(ws) for w, ws in beside.items()})


def _windows(words: set[str], cutoff: float) -> Mapping[int, tuple[str, ...]]:
    """For each word length, the known words whose length allows fuzz.ratio >= cutoff.

    ratio = 2*matches/(len1+len2), so lengths further apart than this cannot reach the
    cutoff: searching only the window makes spelling repair several times cheaper.
    """
    share = cutoff / 100.0
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(words):
        by_length[len(word)].append(word)
    longest = max(by_length, default=0)
    windows = {}
    for n in range(1, int(longest * (2 - share) / share) + 2):
        low, high = n * share / (2 - share), n * (2 - share) / share
        windows[n] = tuple(w for k in range(max(1, int(low)), int(high) + 1) for w in by_length.get(k, ()))
    return MappingProxyType(windows)


def _postings(keys: list[str]) -> Mapping[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Content word -> (example numbers, their key lengths), shortest keys first."""
    lists: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        for word in set(key.split()):
            lists[word].append(i)
    result = {}
    for word, ids in lists.items():
        ids.sort(key=lambda i: len(keys[i]))
        result[word] = (tuple(ids), tuple(len(keys[i]) for i in ids))
    return MappingProxyType(result)

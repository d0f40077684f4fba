"""Loading and validating the content folder into immutable objects, once, at start-up.

Every problem is collected (not just the first) and reported as ``file:line: message``, so a
curator can fix a whole edit in one pass. Broken content never reaches a patient: the bot
refuses to start instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .advicemodel import AdviceModel
from .catalog import ADVICE, CATALOG, EMERGENCY, GROUPS, OUT_OF_SCOPE
from .concepts import EMPTY, Concepts, load_concepts
from .errors import ContentError, Problem
from .frames import EMPTY as NO_FRAMES
from .frames import Frames, load_frames
from .glossary import EMPTY as NO_GLOSSARY
from .glossary import Glossary, load_glossary
from .lettermodel import LETTER_MODEL
from .lexicon import SafetyLexicon
from .lexiconload import load_lexicon
from .modelload import load_advice_model, load_model
from .pointers import EMPTY as NO_POINTERS
from .pointers import Pointers, load_pointers
from .textmodel import SafetyModel
from .topicload import load_topic_model
from .topicmodel import TopicModel
from .translations import TRANSLATIONS, Lines, load_translations
from .validation import Collector, relative
from .yamlfile import Located, LocatedList, line_of, load_yaml

__all__ = [
    "Answer", "Content", "Language", "Messages", "Quote", "Source", "Topic",
    "default_content_dir", "load_content", "collapse_whitespace",
]

MIN_EXAMPLES = 8
# The wordings each safety answer must have besides its text (see Answer.variants).
VARIANTS = {"crisis": EMERGENCY, "crisis-other": EMERGENCY, "other": EMERGENCY, "overdose": EMERGENCY, "soon": ADVICE,
            "support": OUT_OF_SCOPE}


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str | None
    file: str
    text: str = field(repr=False)

    def citation(self) -> str:
        where = f", {self.url}" if self.url else ""
        return f"“{self.title}” ({self.publisher}{where})"


@dataclass(frozen=True, slots=True)
class Quote:
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    group: str
    question: str
    examples: tuple[str, ...]
    patterns: tuple[str, ...] = ()  # regex sources, checked to compile at load


@dataclass(frozen=True, slots=True)
class Answer:
    topic: str
    text: str
    quotes: tuple[Quote, ...] = ()
    related: tuple[str, ...] = ()
    # Other wordings of a safety answer, by situation: "crisis" and "other" (someone else in
    # danger) for the emergency, "soon" (symptoms after a treatment) for personal advice.
    variants: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.source for q in self.quotes))


@dataclass(frozen=True, slots=True)
class Messages:
    disclaimer: str
    emergency_disclaimer: str  # ends an emergency reply, where "call 911" was just said
    welcome: str
    empty: str
    unreadable: str
    unreadable_unknown: str  # after `unreadable` when the message's language is not told (in Spanish)
    clarify: str
    clarify_retry: str
    more_lead: str
    more_none: str
    error: str
    suggestions_lead: str
    also_lead: str      # before the suggestions when a message asked a second question
    uncovered_lead: str  # ... when its other question asks what the sources do not cover
    nearby_lead: str    # before the nearest topics, when the sources do not cover a question
    guess_lead: str     # before an answer the ranking doubted and the learned model confirmed
    glossed_lead: str   # before an answer to a question asked in another language, read through the glossary
    topics_lead: str    # before the list of every topic, in the help reply
    source_lead: str


@dataclass(frozen=True, slots=True)
class Language:
    spellings: Mapping[str, str]
    stopwords: frozenset[str]
    more: frozenset[str]
    yes: frozenset[str]
    no: frozenset[str]
    openers: tuple[str, ...] = ()  # polite openings that ask nothing ("can you tell me"), longest first
    closers: tuple[str, ...] = ()  # endings that say how to answer, not what ("in simple terms"), longest first
    askers: tuple[str, ...] = ()   # words that open a question after a comma ("..., what is")
    joiners: tuple[str, ...] = ()  # words that open a second question after "and" ("... and how")
    turns: tuple[str, ...] = ()    # words that turn from a story to a question ("... anyway what is")
    foreign: frozenset[str] = frozenset()  # common words of other languages, none of them English


@dataclass(frozen=True, slots=True)
class Content:
    root: Path
    topics: Mapping[str, Topic]
    answers: Mapping[str, Answer]
    sources: Mapping[str, Source]
    messages: Messages
    language: Language
    safety: SafetyLexicon
    concepts: Concepts = EMPTY
    frames: Frames = NO_FRAMES
    pointers: Pointers = NO_POINTERS
    glossary: Glossary = NO_GLOSSARY  # other languages' words for the English the matcher reads
    translations: Mapping[str, Lines] = field(default_factory=lambda: MappingProxyType({}))  # "es" -> its lines
    safety_model: SafetyModel | None = None  # a learned second reader (textmodel.py), if trained
    letter_model: SafetyModel | None = None  # ... and one for other languages (lettermodel.py)
    advice_model: AdviceModel | None = None  # a learned reader of personal questions (advicemodel.py)
    topic_model: TopicModel | None = None    # a learned second opinion on topics (topicmodel.py), if trained
    warnings: tuple[Problem, ...] = ()

    def question(self, topic_id: str) -> str:
        return self.topics[topic_id].question


def default_content_dir() -> Path:
    """The packaged content in an installed wheel, or the folders beside bot/ in a checkout."""
    packaged = Path(str(resources.files("bot") / "_content"))
    if (packaged / "intents").is_dir():
        return packaged
    return Path(__file__).resolve().parents[2]


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


# --------------------------------------------------------------------------- the parts


def _unread_languages(translations: Mapping[str, Lines], safety: SafetyLexicon | None, glossary: Glossary,
                      problems: list[Problem]) -> None:
    """A language's lines with no words of it in intents/lexicon: no message is ever read as it."""
    known = set(safety.vocabularies if safety else ()) | {
        language for readings in (*glossary.words.values(), *glossary.runs.values()) for language, _ in readings}
    for code in sorted(set(translations) - known):
        problems.append(Problem(str(TRANSLATIONS / f"{code}.yaml"), 1, f"no file of intents/lexicon/languages or "
                                f"intents/lexicon/glossary is in {code!r}, so no message is read as that language",
                                "warning"))


def _load_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    path = root / "sources" / "sources.yaml"
    c = Collector(root, path, problems)
    sources: dict[str, Source] = {}
    keys = {"id", "file", "title", "publisher", "url", "notes"}
    for line, item in c.items(_load(root, path, problems), "sources", {"version", "sources"}):
        if not c.mapping(item, line, "a source", keys):
            continue
        sid, file = c.text(item, "id", "a source"), c.text(item, "file", "a source")
        title, publisher = c.text(item, "title", "a source"), c.text(item, "publisher", "a source")
        url = c.text(item, "url", "a source", required=False)
        if not (sid and file and title and publisher):
            continue
        if sid in sources:
            c.error(line_of(item, "id"), f"duplicate source id {sid!r}")
            continue
        page = path.parent / file
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            c.error(line_of(item, "file"), f"source {sid!r}: cannot read page {file!r}")
            continue
        sources[sid] = Source(sid, title, publisher, url, file, text)
    return sources


def _load_language(root: Path, problems: list[Problem]) -> Language:
    path = root / "intents" / "language.yaml"
    c = Collector(root, path, problems)
    doc = _load(root, path, problems)
    empty = Language(MappingProxyType({}), frozenset(), frozenset(), frozenset(), frozenset())
    if not c.mapping(doc, 1, "the file", {"version", "spellings", "stopwords", "followups", "openers", "closers",
                                             "askers", "joiners", "turns", "other_languages"}):
        return empty
    c.version(doc)
    spellings: dict[str, str] = {}
    raw = doc.get("spellings", Located())
    if c.mapping(raw, line_of(doc, "spellings"), "'spellings'", set(raw) if isinstance(raw, dict) else set()):
        for word, full in raw.items():
            if not isinstance(full, str) or not full.strip() or " " in word.strip():
                c.error(line_of(raw, word), f"spelling {word!r} must map one word to non-empty text")
            else:
                spellings[word.strip().lower()] = full.strip().lower()
    stopwords = frozenset(w.lower() for w in c.texts(doc, "stopwords", "the file"))
    followups = doc.get("followups", Located())
    sets: dict[str, frozenset[str]] = {}
    if c.mapping(followups, line_of(doc, "followups"), "'followups'", {"more", "yes", "no"}):
        for key in ("more", "yes", "no"):
            sets[key] = frozenset(t.lower() for t in c.texts(followups, key, "'followups'"))
    def normalised(key: str) -> tuple[str, ...]:  # as a message is: chat spellings expanded
        texts = {" ".join(spellings.get(w, w) for w in t.lower().split())
                 for t in c.texts(doc, key, "the file", required=False)}
        return tuple(sorted(texts, key=len, reverse=True))

    return Language(
        MappingProxyType(spellings), stopwords,
        sets.get("more", frozenset()), sets.get("yes", frozenset()), sets.get("no", frozenset()),
        normalised("openers"), normalised("closers"),
        _longest_first(c.texts(doc, "askers", "the file", required=False)),
        _longest_first(c.texts(doc, "joiners", "the file", required=False)),
        _longest_first(c.texts(doc, "turns", "the file", required=False)),
        _foreign(c, doc, stopwords),
    )


def _foreign(c: Collector, doc: Any, stopwords: frozenset[str]) -> frozenset[str]:
    """Other languages' common words: an English stopword among them would make English read
    as another language, so it is an error, at the word's own line."""
    if "other_languages" not in doc:
        return frozenset()
    found = c.located_texts(doc["other_languages"], line_of(doc, "other_languages"), "'other_languages'")
    for line, word in found:
        if word.lower() in stopwords or " " in word.strip():
            c.error(line, f"'other_languages': {word!r} must be one word that is no English stopword")
    return frozenset(word.lower().strip() for _line, word in found)


def _longest_first(texts: list[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(t.lower().split()) for t in texts}, key=len, reverse=True))


def _entries(
    root: Path, folder: str, skip: str, key: str, id_key: str, allowed: set[str],
    seen: Mapping[str, object], problems: list[Problem],
) -> Iterator[tuple[Collector, Located, str]]:
    """Each well-formed entry of every YAML file in a folder, with its id, once per id."""
    singular = key[:-1]
    article = "an" if singular[0] in "aeiou" else "a"
    for path in _yaml_files(root / folder):
        if path.name == skip:
            continue
        c = Collector(root, path, problems)
        for line, item in c.items(_load(root, path, problems), key, {"version", key}):
            if not c.mapping(item, line, f"{article} {singular}", allowed):
                continue
            tid = c.text(item, id_key, f"{article} {singular}")
            if not tid:
                continue
            if tid in seen:
                what = "topic id" if key == "topics" else "answer for topic"
                c.error(line_of(item, id_key), f"duplicate {what} {tid!r}")
                continue
            yield c, item, tid


def _load_topics(root: Path, problems: list[Problem]) -> tuple[dict[str, Topic], dict[str, tuple[str, int | None]]]:
    """The topics, and where each is declared (file, line) for messages about it."""
    topics: dict[str, Topic] = {}
    places: dict[str, tuple[str, int | None]] = {}
    allowed = {"id", "group", "question", "examples", "patterns"}
    for c, item, tid in _entries(root, "intents", "language.yaml", "topics", "id", allowed, topics, problems):
        what = f"topic {tid!r}"
        group = c.text(item, "group", what)
        if group and group not in GROUPS:
            c.error(line_of(item, "group"), f"{what}: group must be one of {', '.join(GROUPS)}")
        if group and tid in CATALOG and CATALOG[tid] != group:
            c.error(line_of(item, "group"), f"{what}: the catalog puts it in group {CATALOG[tid]!r}")
        question = c.text(item, "question", what)
        examples = c.texts(item, "examples", what)
        if "examples" in item and isinstance(item["examples"], list) and not examples:
            c.error(line_of(item, "examples"), f"{what} has no examples")
        elif examples and len(examples) < MIN_EXAMPLES:
            c.warn(line_of(item, "examples"), f"{what} has {len(examples)} examples; aim for {MIN_EXAMPLES}+")
        patterns = _valid_patterns(c, item, what)
        if group and question and examples:
            topics[tid] = Topic(tid, group, question, tuple(examples), patterns)
            places[tid] = (c.label, line_of(item, "id"))
    return topics, places


def _valid_patterns(c: Collector, item: Located, what: str) -> tuple[str, ...]:
    valid = []
    if "patterns" not in item:
        return ()
    for where, pattern in c.located_texts(item["patterns"], line_of(item, "patterns"), f"{what}: 'patterns'"):
        try:
            re.compile(pattern)
            valid.append(pattern)
        except re.error as exc:
            c.error(where, f"{what}: pattern {pattern!r} is not a valid regex: {exc}")
    return tuple(valid)


def _load_answers(root: Path, problems: list[Problem], sources: Mapping[str, Source]) -> tuple[
    dict[str, Answer], dict[str, int], dict[str, Collector]
]:
    answers: dict[str, Answer] = {}
    lines: dict[str, int] = {}
    owners: dict[str, Collector] = {}
    pages = {sid: collapse_whitespace(s.text) for sid, s in sources.items()}
    allowed = {"topic", "text", "quotes", "related", "variants"}
    for c, item, tid in _entries(root, "answers", "messages.yaml", "answers", "topic", allowed, answers, problems):
        what = f"answer for {tid!r}"
        text = c.text(item, "text", what)
        quotes = _quotes(c, item, what, pages)
        related = c.texts(item, "related", what, required=False)
        variants = _variants(c, item, what)
        if text:
            answers[tid] = Answer(tid, text, quotes, tuple(related), MappingProxyType(variants))
            lines[tid] = line_of(item, "topic") or item.line
            owners[tid] = c
    return answers, lines, owners


def _variants(c: Collector, item: Located, what: str) -> dict[str, str]:
    raw = item.get("variants")
    if raw is None or not c.mapping(raw, line_of(item, "variants"), f"{what}: 'variants'", set(VARIANTS)):
        return {}
    return {name: text for name in raw if (text := c.text(raw, name, f"{what}: variant"))}


def _quotes(c: Collector, item: Located, what: str, pages: Mapping[str, str]) -> tuple[Quote, ...]:
    raw = item.get("quotes")
    if raw is None:
        return ()
    if not isinstance(raw, LocatedList):
        c.error(line_of(item, "quotes"), f"{what}: 'quotes' must be a list")
        return ()
    quotes = []
    for i, q in enumerate(raw):
        line = line_of(raw, i)
        if not c.mapping(q, line, f"{what}: a quote", {"source", "text"}):
            continue
        sid = c.text(q, "source", f"{what}: a quote")
        text = c.text(q, "text", f"{what}: a quote")
        if not (sid and text):
            continue
        if sid not in pages:
            c.error(line_of(q, "source"), f"{what}: unknown source {sid!r} (known: {', '.join(sorted(pages))})")
        elif collapse_whitespace(text) not in pages[sid]:
            c.error(line_of(q, "text"), f"{what}: quote not found in source {sid!r}: {text[:60]!r}")
        else:
            quotes.append(Quote(sid, collapse_whitespace(text)))
    return tuple(quotes)


def _load_messages(root: Path, problems: list[Problem]) -> Messages | None:
    path = root / "answers" / "messages.yaml"
    c = Collector(root, path, problems)
    doc = _load(root, path, problems)
    names = [f for f in Messages.__slots__]  # type: ignore[attr-defined]
    if not c.mapping(doc, 1, "the file", {"version", *names}):
        return None
    c.version(doc)
    values = {name: c.text(doc, name, "messages.yaml") for name in names}
    if any(v is None for v in values.values()):
        return None
    return Messages(**values)  # type: ignore[arg-type]


def _load(root: Path, path: Path, problems: list[Problem]) -> Any:
    if not path.is_file():
        problems.append(Problem(relative(root, path), None, "file is missing"))
        return None
    try:
        return load_yaml(path, relative(root, path))
    except ContentError as exc:
        problems.extend(exc.problems)
        return None


# --------------------------------------------------------------------------- cross-checks


def _cross_check(
    topics: Mapping[str, Topic],
    places: Mapping[str, tuple[str, int | None]],
    answers: Mapping[str, Answer],
    answer_lines: Mapping[str, int],
    answer_files: Mapping[str, Collector],
    problems: list[Problem],
) -> None:
    intents_label = "intents/"
    for tid in CATALOG:
        if tid not in topics:
            problems.append(Problem(intents_label, None, f"catalog topic {tid!r} is missing"))
    for tid in topics:
        if tid not in answers:
            file, line = places[tid]  # point the curator at the topic that needs an answer
            problems.append(Problem(file, line, f"topic {tid!r} has no answer"))
    for tid, answer in answers.items():
        c, line = answer_files[tid], answer_lines[tid]
        if tid not in topics:
            c.error(line, f"answer for unknown topic id {tid!r}")
            continue
        knowledge = topics[tid].group == "knowledge"
        if knowledge and not answer.quotes:
            c.error(line, f"answer for {tid!r} has no source quote (knowledge answers need one)")
        if knowledge and not 2 <= len(answer.related) <= 3:
            c.error(line, f"answer for {tid!r} must offer 2-3 related topics, has {len(answer.related)}")
        for name, owner in VARIANTS.items():
            if tid == owner and name not in answer.variants:
                c.error(line, f"answer for {tid!r} needs a {name!r} variant")
            elif tid != owner and name in answer.variants:
                c.error(line, f"answer for {tid!r}: the {name!r} variant belongs to {owner!r}")
        for rel in answer.related:
            if rel not in topics:
                c.error(line, f"answer for {tid!r}: unknown related topic id {rel!r}")
            elif rel == tid:
                c.error(line, f"answer for {tid!r} lists itself as related")


def load_content(root: Path | str | None = None) -> Content:
    """Load, validate and freeze a content folder; raise ContentError listing every problem."""
    base = Path(root) if root is not None else default_content_dir()
    if not base.is_dir():
        raise ContentError([Problem(str(base), None, "content folder not found")])
    problems: list[Problem] = []
    sources = _load_sources(base, problems)
    language = _load_language(base, problems)
    safety, lexicon_problems = load_lexicon(base, language.spellings)
    problems.extend(lexicon_problems)
    safety_model, model_problems = load_model(base)
    problems.extend(model_problems)
    letter_model, letter_problems = load_model(base, LETTER_MODEL)
    problems.extend(letter_problems)
    advice_model, advice_problems = load_advice_model(base)
    problems.extend(advice_problems)
    concepts, concept_problems = load_concepts(base, language.spellings)
    problems.extend(concept_problems)
    topics, places = _load_topics(base, problems)
    topic_model, topic_model_problems = load_topic_model(base, topics)
    problems.extend(topic_model_problems)
    frames, frame_problems = load_frames(base, language.spellings, topics)
    problems.extend(frame_problems)
    pointers, pointer_problems = load_pointers(base, language.spellings)
    problems.extend(pointer_problems)
    glossary, glossary_problems = load_glossary(base)
    problems.extend(glossary_problems)
    translations, translation_problems = load_translations(base)
    problems.extend(translation_problems)
    _unread_languages(translations, safety, glossary, problems)
    answers, answer_lines, answer_files = _load_answers(base, problems, sources)
    messages = _load_messages(base, problems)
    _cross_check(topics, places, answers, answer_lines, answer_files, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors or messages is None or safety is None:
        raise ContentError(errors or [Problem("answers/messages.yaml", None, "messages are missing")])
    return Content(
        root=base,
        topics=MappingProxyType(topics),
        answers=MappingProxyType(answers),
        sources=MappingProxyType(sources),
        messages=messages,
        language=language,
        safety=safety,
        concepts=concepts,
        frames=frames,
        pointers=pointers,
        glossary=glossary,
        translations=translations,
        safety_model=safety_model,
        letter_model=letter_model,
        advice_model=advice_model,
        topic_model=topic_model,
        warnings=tuple(p for p in problems if p.severity != "error"),
    )

"""The chatbot engine: load content once, then turn (message, state) into (reply, state).

Everything it holds is immutable, so one Bot can answer many threads at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .catalog import ADVICE, EMERGENCY, OUT_OF_SCOPE
from .classifier import Classification, MatchKind, classify
from .content import Content, load_content
from .conversation import MAX_OPTIONS, Followup, State, interpret
from .index import Index, Settings, build_index
from .lexicon import SUPPORT
from .normalise import strip_controls
from .replies import Reply, compose, kind_of

__all__ = ["Bot", "collector_paused", "load"]

NEARBY_AT = 0.5  # a topic this close to an unanswerable question is offered in the fallback
# the translated line (answers/languages) each medical wording of the emergency reply is told with
_LINES: dict[str | None, str] = {None: "medical", "other": "medical-other", "overdose": "medical"}


class Bot:
    """A loaded genebot: ``reply(message, state)`` is all an embedding needs."""

    def __init__(self, content: Content, settings: Settings | None = None) -> None:
        self.content = content
        self.index: Index = build_index(content, settings)

    def welcome(self) -> Reply:
        c = self.content
        starters = tuple(c.answers["help"].related) if "help" in c.answers else ()
        return compose(c, "chat", "greeting", 1.0, c.messages.welcome, suggestions=starters)

    def classify(self, message: str) -> Classification:
        return classify(self.index, strip_controls(_as_text(message)))

    def reply(self, message: str, state: State | None = None) -> tuple[Reply, State]:
        """Answer one message in the light of the previous reply; never raises on odd input."""
        state = state or State()
        expanded = False
        try:
            result = self.classify(message)
            followup = None
            if result.kind is not MatchKind.SAFETY:  # safety always wins over a follow-up
                followup = interpret(self.content.language, state, result.normalised)
            if followup is None:
                reply = self._respond(result)
            else:
                reply = self._followup(followup, state)
                expanded = followup.action == "more"
        except Exception:  # a bug must not show a patient a traceback
            import logging

            logging.getLogger("genebot").exception("reply failed")
            reply = compose(self.content, "fallback", None, 0.0, self.content.messages.error)
        return reply, _next_state(state, reply, expanded)

    def _respond(self, result: Classification) -> Reply:
        if result.kind is MatchKind.EMPTY:
            return compose(self.content, "fallback", None, 0.0, self.content.messages.empty)
        if result.kind is MatchKind.UNREADABLE:
            m = self.content.messages
            line = self._line(result, "unreadable")
            body = m.unreadable if line else f"{m.unreadable} {m.unreadable_unknown}"
            return compose(self.content, "fallback", None, 0.0, body, translation=line)
        if result.kind is MatchKind.AMBIGUOUS:
            return self._clarify([c.topic for c in result.candidates], result.confidence)
        if result.topic == EMERGENCY:
            if result.urgency == "crisis":
                variant: str | None = "crisis-other" if result.for_other else "crisis"
            else:
                variant = "other" if result.for_other else result.wording
            line = self._line(result, _LINES.get(variant, variant))
            return self._topic_reply(EMERGENCY, result.confidence, variant, result.urgency, translation=line)
        if result.topic == ADVICE and not result.glossed:
            soon = "soon" if result.urgency == "soon" else None
            return self._topic_reply(ADVICE, result.confidence, soon, soon, translation=self._line(result, "advice"))
        if result.glossed and result.topic:
            return self._topic_reply(result.topic, result.confidence, lead_in=self.content.messages.glossed_lead,
                                     translation=self._line(result, "glossed"))
        if result.tentative and result.topic:
            return self._topic_reply(result.topic, result.confidence, also=result.also,
                                     lead_in=self.content.messages.guess_lead)
        if result.uncovered and result.topic:
            return self._topic_reply(result.topic, result.confidence, lead=self.content.messages.uncovered_lead)
        if result.also:
            return self._topic_reply(result.topic or OUT_OF_SCOPE, result.confidence, also=result.also)
        if result.topic in (OUT_OF_SCOPE, None):
            return self._fallback(result)
        return self._topic_reply(result.topic, result.confidence)

    def _line(self, result: Classification, reply: str) -> tuple[str, str] | None:
        """The line of this reply in the message's language, if told and written (translations.py)."""
        lines = self.content.translations.get(result.language) if result.language else None
        return (lines.code, lines.line(reply)) if lines else None

    def _fallback(self, result: Classification) -> Reply:
        """The honest fallback, pointing at the knowledge topics nearest to what was asked; or,
        to someone who says they are struggling, a word of support and 988, with no topics."""
        c = self.content
        if result.urgency == SUPPORT:
            answer = c.answers[OUT_OF_SCOPE]
            return compose(c, "fallback", OUT_OF_SCOPE, result.confidence, answer.variants[SUPPORT], urgency=SUPPORT)
        nearby = [x.topic for x in result.candidates
                  if x.topic in c.topics and c.topics[x.topic].group == "knowledge" and x.score >= NEARBY_AT][:2]
        if not nearby:
            return self._topic_reply(OUT_OF_SCOPE, result.confidence)
        answer = c.answers[OUT_OF_SCOPE]
        suggestions = (*nearby, *(t for t in answer.related if t not in nearby))[:3]
        return compose(c, "fallback", OUT_OF_SCOPE, result.confidence, answer.text,
                       suggestions=suggestions, lead=c.messages.nearby_lead)

    def _topic_reply(self, topic: str, confidence: float, variant: str | None = None,
                     urgency: str | None = None, also: str | None = None, lead: str | None = None,
                     lead_in: str | None = None, translation: tuple[str, str] | None = None) -> Reply:
        c = self.content
        answer = c.answers[topic]
        body = answer.variants.get(variant, answer.text) if variant else answer.text
        if lead_in:  # a guess, or a reading of another language: say which question is answered
            body = f"{lead_in} “{c.question(topic)}”\n\n{body}"
        suggestions = answer.related
        if also:  # the message asked two things: offer the other one first
            suggestions = (also, *(t for t in answer.related if t != also))[:3]
            lead = c.messages.also_lead
        if topic == "help":  # every topic, as choices: a number (or a click in the widget) picks one
            suggestions = tuple(t.id for t in c.topics.values() if t.group == "knowledge")
            lead = c.messages.topics_lead
        return compose(
            c, kind_of(c, topic), topic, confidence, body,
            source_ids=answer.source_ids, suggestions=suggestions, quotes=answer.quotes, urgency=urgency,
            lead=lead, translation=translation,
        )

    def _clarify(self, topics: list[str], confidence: float) -> Reply:
        m = self.content.messages
        return compose(
            self.content, "clarify", None, confidence, m.clarify,
            candidates=topics, lead=m.clarify_retry,
        )

    def _followup(self, followup: Followup, state: State) -> Reply:
        c = self.content
        if followup.action == "choose" and followup.topic:
            return self._topic_reply(followup.topic, 1.0)
        if followup.action == "decline":
            return compose(c, "chat", None, 1.0, c.messages.clarify_retry)
        topic = followup.topic
        if not topic or topic not in c.answers or not c.answers[topic].quotes or state.more >= 1:
            if topic and topic in c.answers:
                return compose(c, "chat", topic, 1.0, c.messages.more_none, suggestions=c.answers[topic].related)
            return compose(c, "chat", None, 1.0, c.messages.more_none)
        answer = c.answers[topic]
        quoted = "\n".join(f"“{q.text}” ({c.sources[q.source].title})" for q in answer.quotes)
        return compose(
            c, "answer", topic, 1.0, f"{c.messages.more_lead}\n{quoted}",
            source_ids=answer.source_ids, suggestions=answer.related, quotes=answer.quotes,
        )


def _as_text(message: object) -> str:
    if isinstance(message, str):
        return message
    if isinstance(message, (bytes, bytearray)):
        return bytes(message).decode("utf-8", errors="replace")
    raise TypeError(f"message must be text, not {type(message).__name__}")


def _next_state(state: State, reply: Reply, expanded: bool) -> State:
    return State(
        topic=reply.topic if reply.topic else state.topic,
        kind=reply.kind,
        options=reply.suggestion_topics[:MAX_OPTIONS],
        more=state.more + 1 if expanded else 0,
        turns=state.turns + 1,
    )


def load(content_dir: Path | str | None = None, settings: Settings | None = None) -> Bot:
    """Load and validate the content (packaged by default) and build the index, once."""
    with collector_paused():
        return Bot(load_content(content_dir), settings)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a bot is built (or unpickled:
    botcache.py). A bot is made of hundreds of thousands of small containers (the phrase
    book's tree alone has 120,000 nodes), and the collector, run after every 700 new ones,
    walked those already made again and again: unpickling the tree took 600 ms, 90 without
    it. Nothing built here is garbage; the collector runs as before afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

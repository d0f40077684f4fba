"""Composing what the person sees: answer, source, follow-ups and, always last, the disclaimer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .catalog import ADVICE, EMERGENCY, OUT_OF_SCOPE
from .content import Content, Quote

__all__ = ["KINDS", "Reply", "SourceRef", "compose"]

KINDS = ("answer", "chat", "clarify", "fallback", "emergency", "advice")


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: str
    title: str
    publisher: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Reply:
    """One reply, immutable; ``text`` is exactly what a person would see."""

    kind: str
    topic: str | None
    confidence: float
    body: str
    disclaimer: str
    text: str
    urgency: str | None = None  # "crisis" (988 first), "medical" (911 first), "soon" (call the team today)
    sources: tuple[SourceRef, ...] = ()
    suggestions: tuple[str, ...] = ()          # follow-up questions, in the order shown
    suggestion_topics: tuple[str, ...] = ()    # the topic id behind each suggestion
    candidates: tuple[str, ...] = ()           # topic ids, for a clarification
    quotes: tuple[Quote, ...] = ()
    sections: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # (role, text) in order
    language: str | None = None  # the language of `translation` ("es"), for a message not in English
    translation: str = ""        # a line in that language, shown first (translations.py)

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "kind": self.kind,
            "confidence": self.confidence,
            "urgency": self.urgency,
            "text": self.text,
            "body": self.body,
            "disclaimer": self.disclaimer,
            "sources": [
                {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url}
                for s in self.sources
            ],
            "quotes": [{"source": q.source, "text": q.text} for q in self.quotes],
            "suggestions": list(self.suggestions),
            "suggestion_topics": list(self.suggestion_topics),
            "candidates": list(self.candidates),
            "language": self.language,
            "translation": self.translation,
        }


def kind_of(content: Content, topic: str) -> str:
    if topic == EMERGENCY:
        return "emergency"
    if topic == ADVICE:
        return "advice"
    if topic == OUT_OF_SCOPE:
        return "fallback"
    return "answer" if content.topics[topic].group == "knowledge" else "chat"


def compose(
    content: Content,
    kind: str,
    topic: str | None,
    confidence: float,
    body: str,
    *,
    source_ids: Sequence[str] = (),
    suggestions: Sequence[str] = (),
    candidates: Sequence[str] = (),
    quotes: Sequence[Quote] = (),
    lead: str | None = None,
    urgency: str | None = None,
    translation: tuple[str, str] | None = None,
) -> Reply:
    """Assemble the reply text in one fixed order, so the disclaimer is always last (and a line
    in the writer's language, ``translation`` as (language, line), first)."""
    m = content.messages
    refs = tuple(_ref(content, sid) for sid in source_ids)
    questions = tuple(content.question(t) for t in (candidates or suggestions))
    sections = [("translation", translation[1])] if translation else []
    sections.append(("emergency" if kind == "emergency" else "body", body))
    if refs:
        cites = "\n".join(f"{m.source_lead} {content.sources[r.id].citation()}" for r in refs)
        sections.append(("source", cites))
    if questions:
        head = lead if lead is not None else m.suggestions_lead
        numbered = "\n".join(f"  {i}) {q}" for i, q in enumerate(questions, 1))
        sections.append(("suggestion", f"{head}\n{numbered}"))
    disclaimer = m.emergency_disclaimer if kind == "emergency" else m.disclaimer
    sections.append(("disclaimer", disclaimer))
    return Reply(
        kind=kind,
        topic=topic,
        confidence=round(min(max(confidence, 0.0), 1.0), 3),
        body=body,
        disclaimer=disclaimer,
        urgency=urgency,
        text="\n\n".join(text for _role, text in sections),
        sources=refs,
        suggestions=questions,
        suggestion_topics=tuple(candidates or suggestions),
        candidates=tuple(candidates),
        quotes=tuple(quotes),
        sections=tuple(sections),
        language=translation[0] if translation else None,
        translation=translation[1] if translation else "",
    )


def _ref(content: Content, sid: str) -> SourceRef:
    s = content.sources[sid]
    return SourceRef(s.id, s.title, s.publisher, s.url)

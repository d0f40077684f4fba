"""The real content: complete, grounded in the source pages, and validated at load."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

import bot
from bot.engine.catalog import CATALOG
from bot.engine.content import collapse_whitespace, load_content

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="module")
def content() -> bot.Content:
    return load_content()


def test_every_catalog_topic_has_examples_and_an_answer(content: bot.Content) -> None:
    for tid in CATALOG:
        assert tid in content.topics, tid
        assert len(content.topics[tid].examples) >= 8, tid
        assert tid in content.answers, tid


DOCS = Path(__file__).resolve().parents[2] / "docs"
# SHA-256 of the two pages as captured in shared/sources/, so the copies are checked on any clone.
SOURCE_SHA256 = {
    "000_fb6569cbace57889.txt": "01c40fb5de36a113929691d881bb97080c1753cc6460f90fcd506760100a419e",
    "001_3ad48912b7dae7c6.txt": "db21a1bf94d1f57e10364c6e6613462388a219d723e4d73e69a88456818bde7f",
}


def test_catalog_ids_match_the_catalog_in_the_repository() -> None:
    ids = set(re.findall(r"^\| `([a-z0-9-]+)` \|", (DOCS / "topics.md").read_text(encoding="utf-8"), re.M))
    assert ids == set(CATALOG)


def test_the_repository_catalog_is_the_shared_one_where_that_is_beside_it() -> None:
    spec = SHARED / "spec" / "topics.md"
    if spec.exists():  # a steering checkout: docs/topics.md must not drift from it
        assert (DOCS / "topics.md").read_bytes() == spec.read_bytes()


def test_source_copies_are_byte_for_byte(content: bot.Content) -> None:
    for source in content.sources.values():
        data = (content.root / "sources" / source.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == SOURCE_SHA256[source.file], source.file


@pytest.mark.parametrize("topic", [t for t, g in CATALOG.items() if g == "knowledge"])
def test_knowledge_answers_quote_their_source_verbatim(content: bot.Content, topic: str) -> None:
    answer = content.answers[topic]
    assert answer.quotes, f"{topic} has no quote"
    for quote in answer.quotes:
        page = collapse_whitespace(content.sources[quote.source].text)
        assert collapse_whitespace(quote.text) in page
    assert 2 <= len(answer.related) <= 3
    assert all(r in content.topics and r != topic for r in answer.related)


def test_content_is_immutable(content: bot.Content) -> None:
    with pytest.raises(AttributeError):
        content.answers["risks"].text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.topics["risks"] = content.topics["goal"]  # type: ignore[index]


def test_every_question_label_leads_back_to_its_topic(genebot: bot.Bot) -> None:
    """Suggestions are shown as questions; asking one must answer that topic."""
    for topic in genebot.content.topics.values():
        if topic.group != "knowledge":
            continue
        reply, _ = genebot.reply(topic.question)
        assert reply.topic == topic.id, (topic.question, reply.topic, reply.kind)


def test_disclaimer_is_content(content: bot.Content) -> None:
    assert "health care provider" in content.messages.disclaimer


REFERRAL = "Contact a health care provider if you have questions about your health."


@pytest.mark.parametrize("topic", [t for t, g in CATALOG.items() if g == "knowledge"])
def test_a_referral_rests_on_the_page_that_makes_it(content: bot.Content, topic: str) -> None:
    answer = content.answers[topic]
    if "provider" in answer.text:
        assert REFERRAL in [q.text for q in answer.quotes], topic


@pytest.mark.parametrize("topic", [t for t, g in CATALOG.items() if g == "knowledge"])
def test_plain_words_keep_the_quotes_qualifiers(content: bot.Content, topic: str) -> None:
    """A risk the page calls potential or very serious is not stated flatly or softened."""
    answer, text = content.answers[topic], content.answers[topic].text.lower()
    quoted = " ".join(q.text.lower() for q in answer.quotes)
    if "potential risks" in quoted and "risk" in text:
        assert "potential" in text, topic
    if "very serious" in quoted and "early studies" in text.replace("earliest", "early"):
        assert "very serious" in text, topic
    if "some of these risks" in quoted:
        assert "some of these risks" in text, topic

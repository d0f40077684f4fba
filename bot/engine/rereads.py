"""The word model's second read of a message that already leans to an emergency.

The word model (textmodel.py) weighs a message whole, so words that say nothing of danger
outweighed the danger beside them: a polite opening, a question about gene therapy after a
crisis, a scene of care before it. Where the whole message leans to an emergency but stays
under the model's threshold, it is read again without them (docs/safety.md). And a message with
no mark at all, which the lexicon judged past or imagined, is the model's to call where it is
sure: the lexicon's scopes end at the marks, and without them they reach too far. A message
opened by statements that each lean away from danger is read again after them, whether or not
it leans: a scene set first outweighed the crisis after it.
"""

from __future__ import annotations

from .lexicon import SafetyLexicon
from .phrasebook import PhraseBook
from .safetytext import SENTENCE, asked_after, sentence_parts, split_at
from .textmodel import SafetyModel
from .wordreader import WordReader

__all__ = ["Rereader"]

# How far a whole message must lean to an emergency (the word model's probability) before it is
# read again without the words that say nothing of danger (its asides, what it says of care):
# chosen on the tuning files and their perturbations (benchmarks/perturb.py), where 0.6 raised
# false alarms with a greeting put first.
_LEANING = 0.7
# How far a message with no mark at all must lean before the word model's call stands over the
# lexicon's reading of its context: above the model's own threshold (0.8), since it overrules a
# reading. Chosen on the tuning files with their punctuation taken out (benchmarks/perturb.py).
_RUN_ON = 0.9
# How far, at most, a statement opening a message may lean to an emergency, read alone, to be
# read as a scene set before its point (``after_scene``): well under the midpoint, since what is
# left is then read without it. Chosen on the tuning files' perturbations (benchmarks/perturb.py,
# scenes put first); 0.5 gained fewer.
_SCENE = 0.2
# How far, at most, each sentence the veto leaves out may lean to an emergency, read alone
# (``overrules_apart``): below the midpoint, more likely ordinary than not. On the tuning files with
# scenes of my own put first, 0.2 and 0.4 differed (a nurse's scene: 47 and 27 false alarms) and
# nothing moved from 0.4 to 0.7; no emergency moved at any.
_QUIET = 0.5


class Rereader:
    """Built once with the scanner's reader and phrase book; ``call`` is pure."""

    def __init__(self, reader: WordReader, book: PhraseBook, lexicon: SafetyLexicon) -> None:
        self.reader = reader
        self.book = book
        self.lexicon = lexicon
        self.asked_after = asked_after(lexicon.joiners, lexicon.asking)  # where a question starts in a sentence

    def call(self, text: str, words: list[str], model: SafetyModel, lean: float) -> str | None:
        """The word model's call on the message without the words that say nothing of danger,
        where the whole message already leans to an emergency (``lean``, its probability read
        whole: SafetyModel.leaning): read whole, they outweighed it. Only where it leans: alone,
        a scene before a question reads as danger more often than it is ("my mum has beta thal
        and she's 45. is she too old for the gene therapy?")."""
        if lean < _LEANING:
            return self._afterthought_apart(text, model)
        return self._asides_apart(words, model) or self._care_apart(text, model)

    def run_on(self, words: list[str], model: SafetyModel) -> str | None:
        """The word model's call on a message with no mark at all (the caller's part), where it
        is sure (``_RUN_ON``): the lexicon's scopes end at the marks, and without them a date or a
        fear reaches every clause after it ("bleeding heavily since the birth 4 days ago soaking
        through pads every 10 min dizzy and cold" told the bleeding as 4 days old)."""
        urgency, lean = model.leaning(words)
        return urgency if lean >= _RUN_ON else None

    def after_scene(self, words: list[str], asked: list[bool], model: SafetyModel) -> str | None:
        """The word model's call on what follows the statements that open a message, where each
        of them, read alone, leans away from danger (``_SCENE``): read whole, a scene set first
        ("I teach biology and my class is doing genetics this term. yolo im done. jumping
        tonight") outweighed the crisis after it. Not a question, which is the point of a
        message as often as a scene is ("should I drop out of my trial? I've been in it 6
        months"), and never the last sentence. ``asked``: each sentence's "?" (tokens)."""
        parts = split_at(words, SENTENCE)
        lead = 0
        while lead < len(parts) - 1 and not (lead < len(asked) and asked[lead]) and model.quiet(parts[lead], _SCENE):
            lead += 1
        if not lead:
            return None
        return model.urgency([w for part in parts[lead:] for w in (*part, SENTENCE)])

    def overrules_apart(self, words: list[str], alarmed: set[int], told: set[int], alarm: list[str],
                        asked: list[bool], model: SafetyModel) -> bool:
        """The veto (SafetyModel.overrules) read on the alarm's own sentences (``alarmed``), then
        on them with the message's questions, where every sentence left out, read alone, leans
        away from danger: a scene told first ("my nephew has a rare condition and the family
        talks about it a lot. can a gene therapy poison your liver?"; "my sister is in a trial.
        My heart nearly stopped when I read the brochure. Is gene therapy safe?") outweighed the
        message's ordinariness read whole. A sentence with a danger word of the lexicon
        (``told``), too short to judge or in words the model never learned is never left out
        ("he took them all. can it poison your liver?")."""
        parts = split_at(words, SENTENCE)
        if len(parts) < 2:
            return False  # one sentence: read whole already
        questions = {n for n, question in enumerate(asked) if question}
        readings = [alarmed] if questions <= alarmed else [alarmed, alarmed | questions]
        return any(
            told <= own
            and model.overrules([w for n in sorted(own) for w in parts[n]], alarm)
            and all(model.quiet(part, _QUIET) for n, part in enumerate(parts) if n not in own)
            for own in readings
        )

    def _asides_apart(self, words: list[str], model: SafetyModel) -> str | None:
        """Without the lexicon's asides: "please can you tell me i'm coughing up a lot of bright
        red blood right now" asks politely, and politeness is what ordinary questions are made of."""
        spans = [(hit.start, hit.end) for hit in self.book.hits(words) if hit.kind == "aside"]
        if not spans:
            return None
        return model.urgency([w for i, w in enumerate(words) if not any(a <= i < b for a, b in spans)])

    def _care_apart(self, text: str, model: SafetyModel) -> str | None:
        """Without what the message says of care: "i'm sitting in my car with a hose through the
        window. also what is gene therapy?", "my nephew has a rare condition ... i'm sitting in
        my car with a hose through the window". First without its questions about care, then
        without every part that speaks of care: a crisis may speak of it ("post failed gene
        therapy. alone.")."""
        parts = sentence_parts(text, self.asked_after)
        if len(parts) < 2:
            return None
        care = [self._of_care(part) for part in parts]
        asks = {i for i, (question, _) in enumerate(care) if question}
        speaks = {i for i, (_, spoken) in enumerate(care) if spoken}
        return self._read_without(parts, asks, model) or self._read_without(parts, speaks, model)

    def _afterthought_apart(self, text: str, model: SafetyModel) -> str | None:
        """Without the questions about care put after a joiner ("i feel like jumping out the window
        right now also what is gene therapy?"), however little the whole leans: a question added as
        an afterthought says nothing of what came before it, and read whole its words outweighed
        a crisis 51 times on the tuning files' emergencies (benchmarks/perturb.py, "question
        after"). Only an afterthought: a question of its own ("Are seizures a listed risk?") or one
        put first is part of what the message says, and without it "My mum is Catholic and she's
        worried" read alone was an emergency."""
        if self.asked_after is None or self.asked_after.search(text) is None:
            return None  # most messages: no joiner before a question word
        parts = sentence_parts(text, self.asked_after)
        apart = {i for i, part in enumerate(parts) if i and self._asks_after(part) and self._of_care(part)[0]}
        return self._read_without(parts, apart, model)

    def _read_without(self, parts: list[str], apart: set[int], model: SafetyModel) -> str | None:
        """The word model's call on the message's parts but those ``apart``; None when none or all are."""
        kept = [part for i, part in enumerate(parts) if i not in apart]
        return model.urgency(self.reader.words(" ".join(kept))) if apart and kept else None

    def _asks_after(self, part: str) -> bool:
        """Whether a part starts with a joiner and asks: a "?", or a question word among its first
        words ("also what", "by the way how"). A joiner before "did", "is" or "can" also tells:
        "i dislocated my patella and did not do physical therapy as recommended" set apart its
        second part, and the first alone was an emergency."""
        assert self.asked_after is not None
        if self.asked_after.match(" " + part) is None:
            return False
        return "?" in part or not self.lexicon.question_words.isdisjoint(part.lower().split()[:4])

    def _of_care(self, part: str) -> tuple[bool, bool]:
        """Whether a part asks about care (a question, by its mark or its first words, with a care
        word of the lexicon: "also what is gene therapy?"), and whether it speaks of care at all."""
        asked: list[bool] = []
        words = self.reader.words(part, asked)
        if not any(hit.kind == "ordinary" for hit in self.book.hits(words)):
            return False, False
        question = any(asked) or (bool(words) and words[0] in self.lexicon.asking) or (
            self.asked_after is not None and self.asked_after.match(" " + part) is not None)
        return question, True

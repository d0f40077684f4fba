"""The letters, signs and punctuation of the scripts the bot reads, named once.

The safety scan (safetytext.py), language identification (languageid.py) and the glossary
(glossary.py) each cut messages into words and sentences; a mark or a range added for a new
script in one of them and not the others had one module read a message another did not.
"""

from __future__ import annotations

__all__ = ["CLAUSE_MARKS", "COMMAS", "FULL_STOPS", "FULL_WIDTH", "INDIC_SIGNS", "QUESTION_MARKS", "SENTENCE_MARKS",
           "SYLLABIC", "THAI", "THAI_LETTER", "THAI_WRITTEN", "UNSPACED"]

# A word's letters, and the vowel signs of the Indic and Thai scripts: re's \w has no marks, so
# "जीना" fell apart into "ज" and "न", and no lexicon phrase in Hindi could match.
INDIC_SIGNS = "\u0900-\u0963\u0966-\u0dff"
# Chinese, Japanese and Korean are read a character (a syllable) at a time: Chinese and Japanese
# put no space between words, and Korean joins its endings to the word or not as the writer
# likes ("죽고싶어", "죽고 싶어"), so a whole run was one word no lexicon phrase could meet.
# A phrase in those scripts is written a character at a time too, by the same reading; their
# "、" is a comma and "。" a full stop; so is the danda "।" (and "॥") of Hindi and Bengali,
# which the Indic range above had read as a letter: "আমি আর থাকব না।" ended in the word "না।",
# and no phrase ending in "না" could meet it.
SYLLABIC = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Thai puts no space between words either, so a run of it was one word no phrase could meet; it
# is read a letter at a time, each with the vowel signs written over it ("ตาย" is "ต", "า", "ย";
# "ที่" is one piece, "ที", once folding has dropped its tone mark), a Thai phrase the same way.
THAI = "\u0e01-\u0e5b"
THAI_LETTER = r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
THAI_WRITTEN = "\u0e01-\u0e4e"  # its letters and the signs over and under them
# Scripts written without spaces, as the glossary reads them (a run of letters is one token,
# its forms looked up inside it): 々 〆, Thai, Lao, Myanmar, Khmer, kana, Chinese characters
UNSPACED = ("\u3005\u3006\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff"
            "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff")
COMMAS = ",\n、،፣՝"  # a bare line break too: a comma
CLAUSE_MARKS = COMMAS + "()-–—"
# Arabic and Ethiopic script punctuate with their own marks, which NFKC leaves as they are:
# read as nothing, a trigger after "،" had reached back over it ("... درد ہے، ہارٹ اٹیک ہو
# سکتا ہے" had a question asked after the comma make the chest pain before it hypothetical).
FULL_STOPS = ".!。।॥۔።։"
QUESTION_MARKS = "?؟፧"
SENTENCE_MARKS = FULL_STOPS + QUESTION_MARKS + ";:؛፤"
# Text read before folding (glossary.tails) still has the full-width forms NFKC folds away.
FULL_WIDTH = "，？！：；．"

"""Is an article English? A share of English function words, measured, not a model.

timeline's rules and spaCy's English pipeline read English only; text in another language gets
an almost empty timeline, which must be said, not left silent. The test: of a text's words,
the share that are English function words (spaCy's English stop words: "the", "of", "said",
"was" ...). Measured (``docs/accuracy.md``, "Languages"): English news prose has 33 % or more
(Timeline17's 2,922 articles of 20 words or more: 1st percentile 0.333, median 0.460; the
news-dev articles: lowest 0.336), the spaCy example sentences of 18 other languages 0 % to
12.5 % (Danish, Norwegian; German 3 %, French 1 %). The only Timeline17 articles under the
threshold are five in Vietnamese and a football results table. Of TempEval-3's 624 English
texts (news and tweets), none of 30 words or more falls under it.
"""

from __future__ import annotations

import functools
import re

__all__ = ["ENGLISH_SHARE", "MIN_WORDS", "english_share", "function_words"]

#: Under this share of English function words a text does not read as English.
ENGLISH_SHARE = 0.15
#: Shorter texts (a headline, a caption, a tweet) say too little to tell: of TempEval-3's English
#: texts, 14 of the 337 tweets of 20 to 29 words fall under the share, none of 30 words or more.
MIN_WORDS = 30

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """spaCy's English stop words ("the", "of", "said", ...), loaded once."""
    from spacy.lang.en.stop_words import STOP_WORDS  # light: no model, no pipeline

    return frozenset(STOP_WORDS)


def english_share(text: str) -> tuple[float, int]:
    """The share of the text's words that are English function words, and how many words it has."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    known = function_words()
    return sum(w in known for w in words) / len(words), len(words)


def reads_as_english(text: str) -> tuple[bool, float, int]:
    """(True when the text reads as English or is too short to tell, share, words)."""
    share, words = english_share(text)
    return (words < MIN_WORDS or share >= ENGLISH_SHARE), share, words

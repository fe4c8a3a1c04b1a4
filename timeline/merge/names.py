"""Names: when two spellings denote one actor ("Paul" / "Sen. Rand Paul", "Kosachev" /
"Kosachyov"), and the keys that put such names in one block (:mod:`.blocking`)."""

from __future__ import annotations

import functools
import re
from itertools import combinations
from typing import Iterable

from rapidfuzz.distance import JaroWinkler

from ..lexicon import TITLES

__all__ = ["NAME_SIMILARITY", "acronym_of", "name_words", "names_match", "surname_groups", "surname_keys"]

#: Jaro-Winkler similarity (rapidfuzz) from which two spellings of a name are one: "kosachev" /
#: "kosachyov" is 0.93, "gorbachev" / "gorbachov" 0.96; "trump" / "truman" 0.89 and "paul" /
#: "saul" 0.83 are not.
NAME_SIMILARITY = 0.9


@functools.lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    words = [w for w in re.findall(r"[\w’'-]+", name.lower()) if w not in TITLES]
    return tuple(re.sub(r"['’]s$", "", w) for w in words)


@functools.lru_cache(maxsize=65536)
def names_match(first: str, second: str) -> bool:
    """Do two names denote the same actor? "Paul" / "Sen. Rand Paul", "Kosachev" / "Kosachyov".

    Names match when one's words are contained in the other's, when one is the other's
    acronym ("EU" / "European Union"), or when their last words (the surname) are
    near-identical spellings.
    """
    if acronym_of(first, second) or acronym_of(second, first):
        return True  # (before the titles are dropped: "DR" / "Democratic Republic")
    a, b = name_words(first), name_words(second)
    if not a or not b:
        return False
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    surnames = JaroWinkler.similarity(a[-1], b[-1]) >= NAME_SIMILARITY
    return surnames and (len(a) == 1 or len(b) == 1 or JaroWinkler.similarity(a[0], b[0]) >= NAME_SIMILARITY)


# Words an acronym skips: "Federal Bureau of Investigation" is the FBI.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def acronym_of(short: str, long: str) -> bool:
    """Is ``short`` the initials of ``long``'s words? "EU" / "European Union", "FBI" /
    "Federal Bureau of Investigation", "U.S." / "United States"; "US" / "Us Weekly" is not
    (an acronym is written in capitals, its expansion in capitalised words)."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in re.findall(r"[\w’'-]+", long) if w.lower() not in _ACRONYM_SKIPS]
    words = [w for w in words if w.lower() not in TITLES]
    if len(words) != len(letters) or not all(w[0].isupper() for w in words):
        return False
    return "".join(w[0] for w in words) == letters


@functools.lru_cache(maxsize=65536)
def surname_keys(surname: str) -> frozenset[str]:
    """The first three letters of a surname, also with any one of them deleted.

    Two spellings share a key when their first three letters agree up to one edit: Kosachev /
    Kosachyov ("kos"), Gaddafi / Qaddafi ("add"), Yeltsin / Eltsin ("elt"), Tchaikovsky /
    Chaikovsky ("cha").
    """
    return frozenset({surname[:3]} | {(surname[:k] + surname[k + 1 :])[:3] for k in range(min(3, len(surname)))})


def surname_groups(surnames: Iterable[str]) -> dict[str, str]:
    """Each surname -> its group: the surnames linked to it by near-identical spellings.

    Candidates are surnames sharing a ``surname_keys`` key; two of them are linked when their
    Jaro-Winkler similarity reaches ``NAME_SIMILARITY`` (as in ``names_match``); a group is a
    connected component of links, named by its first surname in alphabetical order. Only
    distinct surnames are compared, so this is cheap however many mentions name them.
    """
    parent = {word: word for word in surnames}

    def root(word: str) -> str:
        while parent[word] != word:
            parent[word] = parent[parent[word]]
            word = parent[word]
        return word

    candidates: dict[str, list[str]] = {}
    for word in sorted(parent):
        for key in surname_keys(word):
            candidates.setdefault(key, []).append(word)
    for words in candidates.values():
        for first, second in combinations(words, 2):
            a, b = root(first), root(second)
            if a != b and JaroWinkler.similarity(first, second) >= NAME_SIMILARITY:
                parent[max(a, b)] = min(a, b)
    return {word: root(word) for word in parent}

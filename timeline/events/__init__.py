"""Events: who did what to whom, when, and whether it happened — read off the dependency parse.

One module per step, each with one entry point:

- :mod:`.triggers` — which words name events (verbs, event nouns), through the verbs that only
  carry them, and which are part of another's clause (``find_triggers``);
- :mod:`.participants` — doer, object and others, pronouns and descriptions resolved
  (``participants_of``, ``Referents``);
- :mod:`.dates` — the event each time expression dates, one mention per date, dates from the
  discourse (``attach_times``, ``settle_nesting``, ``split_by_dates``, ``date_from_discourse``);
- :mod:`.summary` — each mention's clause and its readable text (``assign_clauses``);
- :mod:`.reader` — the per-article reader that runs them in order (``ArticleEvents``).

:mod:`.words` (event nouns, derivations) and :mod:`.parse` (helpers on the parse) serve them.
"""

from __future__ import annotations

from .parse import clean_name
from .reader import ArticleEvents
from .words import event_class, root

__all__ = ["ArticleEvents", "clean_name", "event_class", "root"]

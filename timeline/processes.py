"""Parsing in several processes: spaCy's pipeline run by a pool this module owns and always ends.

spaCy's own ``nlp.pipe(n_process=...)`` cannot be stopped from outside. Its forked workers keep
the read end of their own result pipes, so once the parent stops reading (Ctrl-C) a worker sending
a batch bigger than the pipe's buffer blocks for ever, and the parent waits for it; a SIGTERM kills
the parent and leaves the workers waiting for text. Here the parent ends the pool on every way out:

- an error, Ctrl-C or a reader that stops early leave the ``with`` of a ``multiprocessing.Pool``,
  which terminates it;
- SIGTERM, while parsing and only where nobody else handles it, first ends the workers, then lets
  the process die of the signal as it would have;
- workers ignore Ctrl-C (a terminal sends it to the whole group; their parent ends them) and exit
  by themselves once their parent is gone (even if it was killed outright).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, Any

from .nlp import batches, load_pipeline

if TYPE_CHECKING:
    from multiprocessing.pool import Pool
    from multiprocessing.process import BaseProcess

    from spacy.tokens import Doc

#: Batches handed out per worker before the first comes back: every worker stays busy, and only
#: this many batches of text and docs are held at once, however long the input.
BATCHES_AHEAD = 2

#: How often a worker checks that its parent is alive (seconds).
ORPHAN_CHECK_SECONDS = 1.0


def parse_in_processes(texts: Iterable[str], *, n_process: int, batch_size: int, disabled: Sequence[str]) -> Iterator[Doc]:
    """``nlp.pipe(texts, disable=disabled)`` in ``n_process`` worker processes, docs in input order.

    ``texts`` is read in this process, as the workers ask for more, so it may be a generator with
    side effects of its own. Whatever way the caller stops (an error, Ctrl-C, SIGTERM, closing this
    generator), the workers end with it.
    """
    nlp = load_pipeline()
    in_flight: deque[AsyncResult[list[bytes]]] = deque()
    context = multiprocessing.get_context()
    before = set(multiprocessing.active_children())
    with context.Pool(n_process, initializer=_start_worker, initargs=(os.getpid(), tuple(disabled))) as pool:
        with _ended_on_sigterm(pool, set(multiprocessing.active_children()) - before):
            for batch in batches(texts, batch_size):
                in_flight.append(pool.apply_async(_parse, (batch,)))
                if len(in_flight) >= BATCHES_AHEAD * n_process:
                    yield from _docs(nlp.vocab, in_flight.popleft().get())
            while in_flight:
                yield from _docs(nlp.vocab, in_flight.popleft().get())


def _docs(vocab: Any, parsed: list[bytes]) -> Iterator[Doc]:
    from spacy.tokens import Doc

    for data in parsed:
        yield Doc(vocab).from_bytes(data)


# --- in the workers ---------------------------------------------------------------------------

_disabled: tuple[str, ...] = ()


def _start_worker(parent: int, disabled: tuple[str, ...]) -> None:
    global _disabled
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (a forked worker inherits the parent's handler)
    _disabled = disabled
    load_pipeline()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _parse(batch: list[str]) -> list[bytes]:
    return [doc.to_bytes() for doc in load_pipeline().pipe(batch, batch_size=len(batch), disable=list(_disabled))]


# --- SIGTERM in the parent --------------------------------------------------------------------

#: The workers of every pool parsing now, by pool: the SIGTERM handler ends them all.
_live_workers: dict[int, set[BaseProcess]] = {}


def _end_workers_and_die(signum: int, frame: object) -> None:
    for workers in list(_live_workers.values()):
        for worker in workers:
            worker.kill()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


@contextmanager
def _ended_on_sigterm(pool: Pool, workers: set[BaseProcess]) -> Iterator[None]:
    """While the pool parses, SIGTERM ends its workers before the process dies. Only in the main
    thread (the only one that may set handlers) and only over the default action: a program that
    handles SIGTERM itself keeps its handler, and its ``with`` or ``finally`` ends the pool."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, _end_workers_and_die):
        yield
        return
    _live_workers[id(pool)] = workers
    signal.signal(signal.SIGTERM, _end_workers_and_die)
    try:
        yield
    finally:
        del _live_workers[id(pool)]
        if not _live_workers and signal.getsignal(signal.SIGTERM) is _end_workers_and_die:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)

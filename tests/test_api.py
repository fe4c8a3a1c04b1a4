"""The package surface: what `import timeline` offers and what it does not load."""

from __future__ import annotations

import subprocess
import sys

import timeline


def test_import_is_light_and_resolve_needs_no_spacy():
    code = (
        "import sys, timeline\n"
        "assert 'spacy' not in sys.modules, 'import timeline loaded spaCy'\n"
        "assert timeline.resolve('last week', '2018-08-06').value == '2018-W31'\n"
        "assert 'spacy' not in sys.modules, 'resolve loaded spaCy'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_public_names():
    for name in timeline.__all__:
        assert getattr(timeline, name) is not None
    assert callable(timeline.read) and callable(timeline.read_many) and callable(timeline.resolve)


def test_unknown_attribute_is_an_attribute_error():
    try:
        timeline.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")

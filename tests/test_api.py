"""The package surface: what `import timeline` offers and what it does not load."""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def test_articles_from_meta_reads_the_listed_files(tmp_path):
    (tmp_path / "a.txt").write_text("Paul met Kosachev on Monday.", encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text('{"articles": [{"file": "a.txt", "published": "2018-08-07", "source": "S", "url": "https://e.com/a"}]}', encoding="utf-8")
    (article,) = timeline.articles_from_meta(meta)
    assert (article.id, article.text, article.source, article.url, article.anchor.isoformat()) == (
        "a.txt", "Paul met Kosachev on Monday.", "S", "https://e.com/a", "2018-08-07",
    )  # fmt: skip


def test_articles_from_meta_names_what_is_wrong(tmp_path):
    meta = tmp_path / "meta.json"
    meta.write_text("not json", encoding="utf-8")
    with pytest.raises(timeline.InvalidArticleError, match="not a metadata file"):
        timeline.articles_from_meta(meta)
    meta.write_text('[{"file": "missing.txt", "published": "2018-08-07"}]', encoding="utf-8")
    with pytest.raises(timeline.InvalidArticleError, match="article missing.txt: cannot read"):
        timeline.articles_from_meta(meta)
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    meta.write_text('[{"file": "b.txt"}]', encoding="utf-8")
    # No date is no error: the article's date is unknown (and inferred from its text if it can be).
    assert [a.published for a in timeline.articles_from_meta(meta)] == [None]
    meta.write_text('[{"file": "b.txt", "published": "last week"}]', encoding="utf-8")
    with pytest.raises(timeline.InvalidDateError, match="article 'b.txt': publication date 'last week' is not an ISO 8601"):
        timeline.articles_from_meta(meta)


def test_articles_from_meta_refuses_an_unknown_key_and_reads_notes_as_notes(tmp_path):
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text('{"about": "two papers", "articles": [{"file": "b.txt", "kind": "wire", "published_note": "from the page", "published": "2018-08-07"}]}', encoding="utf-8")
    assert [a.published.isoformat() for a in timeline.articles_from_meta(meta)] == ["2018-08-07"]
    meta.write_text('[{"file": "b.txt", "sourse": "AP"}]', encoding="utf-8")
    with pytest.raises(timeline.InvalidArticleError, match=r"unknown key 'sourse' in the entry of 'b.txt' \(did you mean 'source'\?\)"):
        timeline.articles_from_meta(meta)
    meta.write_text('{"articles": [], "artcles": []}', encoding="utf-8")
    with pytest.raises(timeline.InvalidArticleError, match=r"unknown key 'artcles' in the file \(did you mean 'articles'\?\)"):
        timeline.articles_from_meta(meta)


def test_the_distribution_is_news_timeline_with_an_spdx_license_and_its_metadata():
    import importlib.metadata
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "news-timeline"  # "timeline" on the index is another project
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]  # SPDX, not the deprecated table
    assert (root / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "Typing :: Typed" in project["classifiers"] and "timeline summarization" in project["keywords"]
    assert importlib.metadata.version("news-timeline") == timeline.__version__


def test_every_public_function_and_method_has_a_docstring():
    import inspect

    missing = []
    for name in timeline.__all__:
        obj = getattr(timeline, name)
        members = vars(obj).items() if inspect.isclass(obj) else [("", obj)]
        for attr, value in members:
            if attr.startswith("_"):
                continue
            function = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value.fget if isinstance(value, property) else value
            if (inspect.isfunction(function) or inspect.isclass(obj) and callable(function)) and not (function.__doc__ or "").strip():
                missing.append(f"{name}.{attr}".rstrip("."))
    assert missing == []

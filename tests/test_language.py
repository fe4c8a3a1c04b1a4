"""Text that is not English is read, and said to be so: never an almost empty timeline in silence."""

from __future__ import annotations

import warnings

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import main
from timeline.language import ENGLISH_SHARE, english_share, reads_as_english

from conftest import seed_articles

GERMAN = (
    "Die Bundeskanzlerin hat am Montag in Berlin mit dem russischen Außenminister gesprochen. Das Treffen "
    "dauerte zwei Stunden, sagte ein Sprecher der Regierung am Dienstag. Weitere Gespräche sind für Juli geplant."
)
FRENCH = (
    "Le sénateur américain Rand Paul a rencontré lundi à Moscou des responsables russes. Il a invité une "
    "délégation de parlementaires à Washington, a-t-il déclaré mardi, et une nouvelle réunion est prévue en juillet."
)


def test_english_news_has_a_third_of_its_words_english_function_words_and_other_languages_almost_none():
    for article in seed_articles():
        share, words = english_share(article.text)
        assert share >= 0.33 and words > 300, (article.id, share)
    for text in (GERMAN, FRENCH):
        share, words = english_share(text)
        assert share < ENGLISH_SHARE and words >= 30
        assert reads_as_english(text)[0] is False
    assert reads_as_english("Brexit: Parlament stimmt zu")[0] is True  # too short to tell
    assert english_share("") == (0.0, 0)


def test_reading_text_that_is_not_english_warns_naming_the_article():
    with pytest.warns(timeline.NotEnglishWarning, match=r"article 'de': the text does not read as English \(\d+% of its 30 words"):
        read = timeline.read(timeline.Article(GERMAN, "2018-08-07", id="de"))
    assert read.article.id == "de"  # read all the same: nothing is dropped
    with warnings.catch_warnings():
        warnings.simplefilter("error", timeline.TimelineWarning)
        timeline.build(seed_articles())  # English: no warning


def test_the_cli_says_which_inputs_are_not_english(tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    for command in ("build", "timexes"):
        result = CliRunner().invoke(main, [command, "--published", "2018-08-07", str(tmp_path / "de.txt"), str(tmp_path / "fr.txt")])
        assert result.exit_code == 0
        for name in ("de.txt", "fr.txt"):
            assert f"warning: article '{name}': the text does not read as English (" in result.stderr, command

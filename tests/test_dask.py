"""timeline.dask: building from a Dask bag or dataframe gives what timeline.build gives.

Runs on Dask's local schedulers (synchronous, threaded, and one multi-process run); no
cluster is needed. The spaCy model is the slow part, so every test reuses the same articles.
"""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

import pytest

pytest.importorskip("dask")
import dask  # noqa: E402
import dask.bag as db  # noqa: E402

import timeline  # noqa: E402
import timeline.dask as tdask  # noqa: E402

from conftest import seed_articles  # noqa: E402

EXTRA = [
    # Reports the meeting both seeds report: merges with them across partitions.
    timeline.Article(
        "Sen. Rand Paul met with Konstantin Kosachev in Moscow on Monday. "
        "Paul said on Tuesday that he invited the Russian lawmakers to Washington.",
        "2018-08-08",
        source="Wire One",
        id="wire-1",
    ),
    timeline.Article(
        "Russian lawmakers will visit Washington in the fall, Kosachev said on Wednesday. "
        "Sen. Rand Paul traveled to Moscow last week.",
        "2018-08-10",
        source="Wire Two",
        url="https://example.org/wire-2",
    ),
    # No id, url or source; a datetime publication date.
    timeline.Article(
        "Apple unveiled a new iPhone on Wednesday in Cupertino. The company will start selling it on Sept. 21.",
        datetime(2018, 9, 14, 10, 30),
    ),
]


def _as_dict(article: timeline.Article) -> dict:
    return {
        "text": article.text,
        "published": article.published.isoformat(),
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "id": article.id,
    }


@pytest.fixture(scope="module")
def articles() -> list[timeline.Article]:
    return seed_articles() + EXTRA


@pytest.fixture(scope="module")
def expected(articles) -> timeline.Timeline:
    return timeline.build(articles)


def test_the_articles_merge_across_each_other(expected):
    # Otherwise the tests below would not show that partial timelines are merged right.
    assert any(len({m.article for m in entry.mentions}) == 3 for entry in expected)


@pytest.mark.parametrize(
    ("npartitions", "split_every"),
    [(1, None), (2, None), (2, False), (3, None), (3, 2), (3, False), (5, 2), (5, 3)],
)
def test_sync_scheduler_equals_build(articles, expected, npartitions, split_every):
    bag = db.from_sequence(articles, npartitions=npartitions)
    assert bag.npartitions == npartitions
    with dask.config.set(scheduler="synchronous"):
        result = tdask.build_bag(bag, split_every=split_every).compute()
    assert isinstance(result, timeline.Timeline)
    assert result == expected


@pytest.mark.parametrize(("npartitions", "split_every"), [(2, None), (3, 2), (5, 2)])
def test_threaded_scheduler_equals_build(articles, expected, npartitions, split_every):
    bag = db.from_sequence(articles, npartitions=npartitions)
    result = tdask.build_bag(bag, split_every=split_every).compute(scheduler="threads", num_workers=3)
    assert result == expected


@pytest.mark.slow
def test_processes_scheduler_ships_timelines_and_errors_between_processes(articles, expected):
    # Two worker processes, each loading spaCy: partial timelines and a bad record's error
    # travel back pickled, as they do to and from a distributed cluster's workers.
    bag = db.from_sequence(articles, npartitions=2)
    bad = db.from_sequence([{"text": "Paul met Kosachev on Monday.", "published": "soon", "id": "bad-7"}])
    # Spawned, not forked, processes (Dask's default): nothing is inherited from this one.
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert tdask.build_bag(bag).compute(scheduler="processes", pool=pool) == expected
        with pytest.raises(timeline.InvalidArticleError, match="bad-7"):
            tdask.build_bag(bad).compute(scheduler="processes", pool=pool)


def test_order_and_duplicates_do_not_matter(articles, expected):
    shuffled = list(reversed(articles)) + [articles[0], articles[3]]
    bag = db.from_sequence(shuffled, npartitions=3)
    assert tdask.build_bag(bag).compute(scheduler="sync") == expected


def test_dict_records(articles):
    records = [_as_dict(a) for a in articles]
    records[0]["lang"] = "en"  # other keys are ignored
    records[1]["title"] = None  # None is absent
    reference = timeline.build([timeline.Article(**_as_dict(a)) for a in articles])
    bag = db.from_sequence(records, npartitions=2)
    assert tdask.build_bag(bag, split_every=2).compute(scheduler="sync") == reference


def test_articles_and_dicts_mixed(articles, expected):
    mixed = [_as_dict(a) if i in (1, 3, 4) else a for i, a in enumerate(articles)]
    mixed[3]["published"] = articles[3].published  # a date object is fine too
    mixed[4]["published"] = articles[4].published  # and a datetime
    bag = db.from_sequence(mixed, npartitions=3)
    assert tdask.build_bag(bag).compute(scheduler="sync") == expected


def test_to_article_converts_a_dict():
    article = tdask.to_article({"text": "Paul met Kosachev.", "published": "2018-08-06", "id": "x", "extra": 1})
    assert article == timeline.Article("Paul met Kosachev.", "2018-08-06", id="x")
    assert tdask.to_article(article) is article
    assert tdask.to_article({"text": "t", "published": "2018-08-06", "url": float("nan")}).url is None


@pytest.mark.parametrize(
    ("record", "name", "problem"),
    [
        ({"text": "Paul met Kosachev.", "published": "next week", "id": "bad-1"}, "'bad-1'", "not an ISO 8601 date"),
        ({"text": "Paul met Kosachev.", "id": "bad-2"}, "'bad-2'", 'no "published"'),
        ({"published": "2018-08-06", "url": "https://example.org/bad-3"}, "https://example.org/bad-3", 'no "text"'),
        ({"text": "Paul met Kosachev.", "published": "2018-08-06", "title": 7, "source": "Wire"}, "'Wire'", "title must be a string"),
        ({"text": "Paul met Kosachev in Moscow.", "published": 20180806}, "text 'Paul met Kosachev in Moscow.'", "publication date must be"),
        ("just a string", "'just a string'", "expected a timeline.Article or a mapping"),
    ],
)
def test_a_bad_record_raises_the_library_error_naming_it(record, name, problem):
    good = {"text": "Paul met Kosachev on Monday.", "published": "2018-08-07", "id": "good"}
    bag = db.from_sequence([good, record], npartitions=2)
    with pytest.raises(tdask.InvalidRecordError) as raised:
        tdask.build_bag(bag).compute(scheduler="sync")
    error = raised.value
    assert isinstance(error, timeline.InvalidArticleError)
    assert isinstance(error, timeline.TimelineError)
    assert name in str(error)
    assert problem in str(error)


def test_record_error_pickles():
    error = tdask.InvalidRecordError("'bad-1'", "no \"text\"")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is tdask.InvalidRecordError
    assert (copy.article, copy.problem, str(copy)) == (error.article, error.problem, str(error))


def test_result_pickles_and_round_trips_through_json(articles, expected):
    result = tdask.build_bag(db.from_sequence(articles, npartitions=2)).compute(scheduler="sync")
    assert pickle.loads(pickle.dumps(result)) == expected
    assert timeline.Timeline.from_json(result.to_json()) == expected
    # A timeline read back from JSON merges like the one built.
    halves = [tdask.build_partition(articles[:2]), tdask.build_partition(articles[2:])]
    shipped = [timeline.Timeline.from_json(t.to_json(indent=None)) for t in halves]
    assert tdask.merge_timelines(shipped) == expected
    assert tdask.merge_timelines(halves) == halves[0].merge(halves[1]) == halves[1].merge(halves[0])


def test_partition_helpers_work_with_delayed(articles, expected):
    parts = [dask.delayed(tdask.build_partition)(articles[i::2]) for i in range(2)]
    assert dask.delayed(tdask.merge_timelines)(parts).compute(scheduler="sync") == expected


def test_load_model_loads_the_cached_pipeline():
    from timeline.nlp import load_pipeline

    assert tdask.load_model() is None  # what client.run sends back: nothing heavy
    assert load_pipeline.cache_info().currsize == 1


def test_empty_inputs():
    empty = timeline.Timeline(articles=(), entries=())
    assert tdask.merge_timelines([]) == empty
    assert tdask.build_partition([]) == empty == timeline.build([])
    assert tdask.build_bag(db.from_sequence([], npartitions=1)).compute(scheduler="sync") == empty


def test_wrong_arguments():
    with pytest.raises(tdask.InvalidCollectionError, match="dask.bag.Bag"):
        tdask.build_bag([{"text": "t", "published": "2018-08-06"}])
    bag = db.from_sequence([{"text": "t", "published": "2018-08-06"}])
    for bad in (1, 0, True, 2.0):
        with pytest.raises(tdask.InvalidCollectionError, match="split_every"):
            tdask.build_bag(bag, split_every=bad)


def test_missing_dask_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # as if it were not installed
    with pytest.raises(tdask.DaskNotInstalledError, match=r"timeline\[dask\]") as raised:
        tdask.build_bag(object())
    assert isinstance(raised.value, timeline.TimelineError)
    assert isinstance(raised.value, ImportError)


def test_importing_timeline_does_not_import_dask():
    code = (
        "import sys, timeline, timeline.dask; timeline.Timeline; "
        "assert not any(m == 'dask' or m.startswith('dask.') for m in sys.modules), 'dask imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------------------------------------
# dataframes (need dask[dataframe]: pandas and pyarrow, not in the test extra)


@pytest.fixture(scope="module")
def dd():
    return pytest.importorskip("dask.dataframe")


def test_dataframe_equals_build(dd, articles):
    import pandas as pd

    rows = [_as_dict(a) for a in articles]
    for row in rows:
        del row["title"]  # an optional column may be missing altogether
    rows[3]["source"] = float("nan")  # and a value in one may be missing
    frame = pd.DataFrame(rows)
    frame["words"] = frame["text"].str.split().str.len()  # other columns are ignored
    reference = timeline.build(
        [timeline.Article(**{k: (None if k == "source" and i == 3 else v) for k, v in r.items()}) for i, r in enumerate(rows)]
    )
    for npartitions in (1, 2, 3):
        df = dd.from_pandas(frame, npartitions=npartitions)
        assert tdask.build_dataframe(df, split_every=2).compute(scheduler="sync") == reference


def test_dataframe_datetime_column(dd, articles):
    import pandas as pd

    frame = pd.DataFrame({"text": [a.text for a in articles[:2]], "id": [a.id for a in articles[:2]]})
    frame["published"] = pd.to_datetime(["2018-08-03 09:00", "2018-08-06 14:30"])
    result = tdask.build_dataframe(dd.from_pandas(frame, npartitions=2)).compute(scheduler="sync")
    reference = timeline.build(
        [
            timeline.Article(articles[0].text, datetime(2018, 8, 3, 9, 0), id=articles[0].id),
            timeline.Article(articles[1].text, datetime(2018, 8, 6, 14, 30), id=articles[1].id),
        ]
    )
    assert result == reference


def test_dataframe_without_required_column(dd):
    import pandas as pd

    df = dd.from_pandas(pd.DataFrame({"text": ["Paul met Kosachev."], "date": ["2018-08-06"]}), npartitions=1)
    with pytest.raises(tdask.InvalidCollectionError, match="no 'published' column"):
        tdask.build_dataframe(df)
    with pytest.raises(tdask.InvalidCollectionError, match="dask.dataframe.DataFrame"):
        tdask.build_dataframe(df.to_bag(format="dict"))

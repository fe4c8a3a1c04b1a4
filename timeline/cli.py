"""The ``timeline`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .errors import TimelineError
from .model import Article

__all__ = ["main"]


def load_meta(path: Path) -> dict[str, dict]:
    """Per-file metadata from a JSON file shaped like ``seeds/seeds.json``, keyed by file name."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["articles"] if isinstance(data, dict) else data
        return {entry["file"]: entry for entry in entries}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise click.BadParameter(f"{path}: not a metadata file like seeds/seeds.json ({error})") from None


def articles_from_files(files: tuple[Path, ...], published: Optional[str], source: Optional[str], meta: Optional[Path]) -> list[Article]:
    """One Article per file; publication date and source from --meta, else from the options."""
    by_name = load_meta(meta) if meta else {}
    articles = []
    for path in files:
        entry = by_name.get(path.name, {})
        date_given = entry.get("published", published)
        if date_given is None:
            raise click.UsageError(f"{path}: no publication date (give --published or a --meta entry for it)")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise click.UsageError(f"{path}: cannot read ({error})") from None
        articles.append(
            Article(
                text=text,
                published=date_given,
                source=entry.get("source", source),
                url=entry.get("url"),
                title=entry.get("title"),
                id=path.name,
            )
        )
    return articles


@click.group()
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn news articles into one ordered, sourced timeline."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date (YYYY-MM-DD) of the file(s).")
@click.option("--source", help="Name of the source (publisher).")
@click.option("--meta", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="JSON metadata like seeds/seeds.json.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def timexes(files: tuple[Path, ...], published: Optional[str], source: Optional[str], meta: Optional[Path], fmt: str) -> None:
    """List the time expressions of FILES, resolved against each one's publication date."""
    from .pipeline import read_many

    try:
        read = read_many(articles_from_files(files, published, source, meta))
    except TimelineError as error:
        raise click.ClickException(str(error)) from None
    if fmt == "json":
        payload = [
            {
                "article": r.article.id,
                "source": r.article.source,
                "published": r.article.published.isoformat(),
                "time_expressions": [e.to_dict() for e in r.time_expressions],
            }
            for r in read
        ]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for r in read:
        header = f"{r.article.id}  ({r.article.source or 'unknown source'}, published {r.article.published.isoformat()})"
        click.echo(header)
        click.echo("-" * len(header))
        for e in r.time_expressions:
            mod = f" {e.value.mod}" if e.value.mod else ""
            click.echo(f"{e.start:>6}-{e.end:<6} {e.text!r:<30} {e.value.type!s:<9} {e.value.value}{mod}")
        click.echo()


@main.command()
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
def timeml(in_dir: Path, out_dir: Path) -> None:
    """Annotate the TimeML files of IN_DIR with timeline's TIMEX3 tags, written to OUT_DIR."""
    from .timeml import annotate_directory

    try:
        summary = annotate_directory(in_dir, out_dir)
    except TimelineError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{summary['files']} files, {summary['expressions']} time expressions written to {out_dir}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

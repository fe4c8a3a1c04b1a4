"""``python -m timeline``: the command line, as the ``timeline`` script."""

from .cli import main

main(prog_name="timeline")

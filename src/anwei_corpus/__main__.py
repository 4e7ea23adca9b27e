"""``python -m anwei_corpus`` runs the ``anwei`` command."""

from .cli import main

main()

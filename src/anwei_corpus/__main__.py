"""``python -m anwei_corpus`` runs the ``anwei`` command."""

from .entry import main

main()

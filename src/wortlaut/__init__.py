"""Wortlaut: who said what, about whom, where, when and with which numbers, in German news.

The public entry points are :func:`wortlaut.extract.extract` (pure: article in, extraction out)
and the ``wortlaut`` command line (:mod:`wortlaut.cli`).
"""

__version__ = "0.1.0"

"""spaCy components of Wortlaut, one per module, registered as versioned factories.

Importing this package registers the factories (``wortlaut_entities_v1``, ``wortlaut_quotes_v1``,
``wortlaut_amounts_v1``; spaCy allows no '.' in factory names) and the ``Doc._.wl_*`` extensions
they communicate through, so the components also run inside a user's own spaCy pipeline.
"""

from . import amounts, entities, extensions, quotes

__all__ = ["amounts", "entities", "extensions", "quotes"]

"""The archive in a web browser: Datasette over the SQLite archive, opened read-only, with
the metadata shipped beside this file (titles, column descriptions, facets by site, section
and month, a search that reads words as ``scrapy export --query`` does). ``server.py`` serves
it (``scrapy browse``, newscrawl.commands.browse); ``plugin.py`` is the Datasette plugin.

Datasette is an optional dependency (the ``datasette`` extra). Nothing is imported here:
installed with pip, Datasette imports the plugin (entry point) while it is itself still
loading, so this package must not import Datasette's application in turn."""

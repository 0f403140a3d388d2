"""Registry of site modules: one module per site holds everything site-specific."""

from . import elaph

SITES = {elaph.NAME: elaph}

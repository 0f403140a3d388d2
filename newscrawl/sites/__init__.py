"""Registry of sites: one module per site holds everything site-specific, as one
newscrawl.sites.spec.Site named SITE. Registering it here gives it a spider:
`scrapy crawl <name>`.
"""

from newscrawl.sites import alarabiya, elaph

SITES = {site.name: site for site in (elaph.SITE, alarabiya.SITE)}

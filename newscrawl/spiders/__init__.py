"""Spiders route requests; extraction and site knowledge live elsewhere."""

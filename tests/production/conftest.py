import pickle

from django.core.cache import cache


def cached_page_keys():
    """Page entries in the local-memory test cache (its keys carry a version prefix before ours)."""
    return [key for key in cache._cache if ":pagecache:" in key and not key.endswith(":pagecache:generation")]


def cached_pages():
    """(content, headers) of every cached page."""
    return [pickle.loads(cache._cache[key]) for key in cached_page_keys()]

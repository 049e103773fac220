"""Grave violations against children in the armed conflict in Mali.

Curated figures from five source documents, each carrying its source, locator
and verbatim quote, with loaders, reconciliation checks and figures.

>>> import mali_caac
>>> mali_caac.list_datasets()[:3]
['sources', 'parties', 'periods']
>>> gv = mali_caac.load("grave_violations")       # doctest: +SKIP

Importing the package is cheap: pandas and the plotting stack are imported
only when a function needs them.
"""
from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "list_datasets": "mali_caac.loader",
    "load": "mali_caac.loader",
    "describe": "mali_caac.loader",
    "sources": "mali_caac.loader",
    "cite": "mali_caac.citation",
    "cite_rows": "mali_caac.citation",
    "validate": "mali_caac.validation",
    "DataError": "mali_caac.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'mali_caac' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)

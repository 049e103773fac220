"""Grave violations against children in the armed conflict in Mali.

Curated figures from five source documents, each carrying its source, locator
and verbatim quote, with loaders, reconciliation checks and figures.

>>> import mali_caac
>>> mali_caac.list_datasets()[:3]
['sources', 'parties', 'periods']
>>> gv = mali_caac.load("grave_violations")       # a typed DataFrame, one row per stated figure

The figure tables are long: a stated total (``all``) stands beside its parts,
a percentage beside the count it describes (``unit``), a figure that
another document repeats is kept twice (``restates``), and a figure whose
detail the source states in words is kept again with that detail
(``refines``). A plain ``groupby`` adds them all up. For Mopti the report
states 376 children killed or maimed, "or 76 per cent" of them, and two boys
killed and three maimed in two incidents (rows that refine figures by
perpetrator):

>>> km = gv[gv["violation"] == "killing_and_maiming"]
>>> print(km.groupby("region", observed=True)["value"].sum()["Mopti"])    # wrong: 376 children + 76 per cent + 2 + 3
457.0

Select rows with ``select`` (restatements and refining rows left out; a
condition that matches nothing raises a ``DataError`` listing the values
there are) and filter by ``unit``; take the parts of a stated total with
``breakdown``, which keeps one unit and leaves out the total and the
overlapping subtotals:

>>> mopti = mali_caac.select("grave_violations", violation="killing_and_maiming", region="Mopti")
>>> mopti[["row_id", "value", "unit"]].to_string(index=False).splitlines()
['row_id  value     unit', 'gv-100  376.0 children', 'gv-106   76.0  percent']
>>> parts = mali_caac.breakdown("grave_violations", "region", violation="killing_and_maiming")
>>> [(r, int(v)) for r, v in zip(parts["region"], parts["value"])]
[('Mopti', 376), ('Gao', 69), ('Timbuktu', 23), ('Kidal', 17), ('Ménaka', 8), ('Ségou', 2)]
>>> parts.attrs["total"]["row_id"], parts.attrs["total"]["value"]             # the stated total they add up to
('gv-074', 495.0)

The other helpers respect the same structure: ``by_coalition`` and
``by_attribution`` group a perpetrator breakdown without counting a
coalition and its members twice, ``per_month`` compares periods of different
length, ``violations_by`` crosses the six violations with a dimension. Each
row cites its document: ``cite`` gives a reference (text, BibTeX, RIS,
CSL-JSON), ``cite_rows`` a figure's source line. On the command line:
``mali-caac show``, ``mali-caac cite``.

Importing the package is cheap: pandas and the plotting stack are imported
only when a function needs them.
"""
from importlib import import_module

__version__ = "0.2.0"

_EXPORTS = {
    "list_datasets": "mali_caac.loader",
    "load": "mali_caac.loader",
    "describe": "mali_caac.loader",
    "sources": "mali_caac.loader",
    "cite": "mali_caac.citation",
    "cite_rows": "mali_caac.citation",
    "validate": "mali_caac.validation",
    "select": "mali_caac.aggregate",
    "breakdown": "mali_caac.aggregate",
    "by_coalition": "mali_caac.aggregate",
    "by_attribution": "mali_caac.aggregate",
    "per_month": "mali_caac.aggregate",
    "violations_by": "mali_caac.aggregate",
    "DataError": "mali_caac.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'mali_caac' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)

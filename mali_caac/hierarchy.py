"""The hierarchies of the dimensions: which code is a part of which.

Perpetrators (``parties.parent``), periods (``periods.parent``), regions
(``regions.parent``) and categories (``categories.parent`` within a dimension)
form trees rooted at ``all``. A code without a parent, other than the root, is
a standalone figure (the previous report's period, 'recruited twice') that is
never a part of any total.
"""
from dataclasses import dataclass, field

from .domain import ROOT
from .package import open_package


@dataclass
class Hierarchy:
    """Parent links of one dimension; ``flat`` means every code is a child of 'all'."""

    name: str
    parents: dict = field(default_factory=dict)
    flat: bool = False
    fixed: bool = False
    residual: frozenset = frozenset()

    def parent(self, code):
        if self.fixed or code == ROOT:
            return None
        if self.flat:
            return ROOT
        return self.parents.get(code) or None

    def ancestors(self, code):
        """Codes above ``code``, nearest first (a cycle raises ValueError)."""
        out, seen = [], {code}
        node = self.parent(code)
        while node is not None:
            if node in seen:
                raise ValueError(f"cycle in the {self.name} hierarchy at {node!r}")
            out.append(node)
            seen.add(node)
            node = self.parent(node)
        return out

    def is_below(self, code, ancestor):
        return ancestor in self.ancestors(code)

    def additive(self, code):
        """True if ``code`` can be a part of a total (it is under the root)."""
        return code == ROOT or ROOT in self.ancestors(code)

    def topmost(self, codes, under):
        """The codes among ``codes`` strictly below ``under`` with no other such code above them."""
        below = [c for c in codes if self.is_below(c, under)]
        chosen = set(below)
        return [c for c in below if not any(a in chosen for a in self.ancestors(c) if a != under and self.is_below(a, under))]


def hierarchy(spec, data=None):
    """Build the hierarchy named by a dimension spec of ``datapackage.json``.

    ``parties``, ``periods``, ``regions``: the parent column of that table;
    ``categories:<dimension>``: the categories of that dimension;
    ``flat``: 'all' over every other code; ``fixed``: never aggregated.
    """
    if spec == "flat":
        return Hierarchy(spec, flat=True)
    if spec == "fixed":
        return Hierarchy(spec, fixed=True)
    table, _, dim = spec.partition(":")
    key = {"parties": "party", "periods": "period", "regions": "region", "categories": "code"}[table]
    records = open_package(data).records(table)
    if dim:
        records = [r for r in records if r["dimension"] == dim]
    residual = frozenset(r[key] for r in records if r.get("residual"))
    return Hierarchy(spec, {r[key]: r["parent"] for r in records}, residual=residual)

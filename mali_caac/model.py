"""The figure tables as a model of what the sources state: each table's stated figures indexed by their
dimensions (:class:`Figures`), the parts of a stated total along a dimension, and the figure a complete
breakdown implies where the sources state none (:class:`Derived`, with the rows it follows from).

Read by the sums (:mod:`mali_caac.aggregate`), the charts and the checks (:mod:`mali_caac.reconcile`), which
check the model against itself; it imports no check.
"""
from dataclasses import dataclass

from .domain import ROOT
from .hierarchy import hierarchy
from .package import open_package


class Figures:
    """The rows of one figure table, indexed by their dimensions."""

    def __init__(self, name, records, dims, pkg=None):
        self.name = name
        self.dims = list(dims)
        self.hier = {d: hierarchy(spec, pkg) for d, spec in dims.items()}
        # restatements and refining rows repeat a figure of another row: never summed nor indexed
        self.rows = [dict(r) for r in records if not r.get("restates") and not r.get("refines")]  # few: dicts read fastest
        self.restated = [r for r in records if r.get("restates")]
        self.refining = [r for r in records if r.get("refines")]
        self.by_id = {r["row_id"]: r for r in records}
        self.index = {}
        self.duplicates = []
        for r in self.rows:
            key = self.key(r, r["unit"])
            if key in self.index:
                self.duplicates.append((self.index[key], r))
            else:
                self.index[key] = r

    def key(self, dims, unit):
        return tuple(dims[d] for d in self.dims) + (unit,)

    def stated(self, dims, unit):
        return self.index.get(self.key(dims, unit))

    def parts(self, total, dim, unit=None):
        """Rows that break ``total`` down along ``dim``: equal elsewhere, topmost below it."""
        h = self.hier[dim]
        unit = unit or total["unit"]
        under = total[dim]
        cands = [r for r in self.rows
                 if r["unit"] == unit and r is not total and r[dim] != under
                 and all(r[d] == total[d] for d in self.dims if d != dim)
                 and h.is_below(r[dim], under)]
        top = set(h.topmost([r[dim] for r in cands], under))
        return [r for r in cands if r[dim] in top]

    def complete(self, parts, dim):
        return bool(parts) and not any(dim in (p.get("partial_in") or "").split(",") for p in parts)

    def effective(self, dims, unit, depth=0):
        """A figure the source states, or that follows from complete breakdowns it states."""
        found = self.derive(dims, unit, depth)
        return None if found is None else found.value

    def derive(self, dims, unit, depth=0):
        """:meth:`effective` with the rows it follows from: a :class:`Derived`, or None."""
        row = self.stated(dims, unit)
        if row is not None:
            return Derived(row["value"], (row["row_id"],))
        if depth > 3:
            return None
        # a code below the nearest stated total that is completely broken down along its dimension
        for d in self.dims:
            code, h = dims[d], self.hier[d]
            if code == ROOT or h.fixed or not h.additive(code):
                continue
            for anc in h.ancestors(code):
                total = self.stated({**dims, d: anc}, unit)
                if total is None:
                    continue
                parts = self.parts(total, d)
                listed = any(p[d] == code or h.is_below(p[d], code) for p in parts)
                hidden = not listed and any(p[d] in h.residual for p in parts)
                if self.complete(parts, d) and not hidden and not any(h.is_below(code, p[d]) for p in parts):
                    summed = [p for p in parts if p[d] == code or h.is_below(p[d], code)]
                    if summed:
                        return Derived(sum(p["value"] for p in summed), tuple(p["row_id"] for p in summed))
                    return Derived(0, (), (total["row_id"], *(p["row_id"] for p in parts)))
                break  # the nearest stated total does not break this code out
        # a total that is the sum of its subtypes, each of which is known
        for d in self.dims:
            if dims[d] != ROOT or self.hier[d].fixed:
                continue
            grand = self.stated({k: (dims[k] if k in ("violation", "period") else ROOT) for k in self.dims}, unit)
            if grand is None:
                continue
            parts = self.parts(grand, d)
            if not self.complete(parts, d):
                continue
            found = [self.derive({**dims, d: p[d]}, unit, depth + 1) for p in parts]
            if found and all(f is not None for f in found):
                return Derived(sum(f.value for f in found), tuple(i for f in found for i in f.summed),
                               tuple(i for f in found for i in f.zero_from))
        return None


@dataclass(frozen=True)
class Derived:
    """A figure and the rows it follows from: ``value`` is the sum of the values of the rows
    ``summed``; ``zero_from`` are the stated totals and complete lists that show a category
    counted as zero (absent from a complete list)."""

    value: float
    summed: tuple = ()
    zero_from: tuple = ()


def figure_tables(data=None):
    """{name: Figures} for every resource that declares dimensions."""
    pkg = open_package(data)
    return {res.name: Figures(res.name, pkg.records(res.name), res.dimensions, pkg)
            for res in pkg.tables() if res.kind == "figures" and res.dimensions}

"""validate(): the data package checked end to end, as a readable report."""
from collections import Counter
from dataclasses import dataclass, field

from . import package
from .errors import DataError
from .reconcile import Check, all_checks, apply_register
from .references import check_references


@dataclass
class Report:
    """The outcome of :func:`validate`: every check with its status.

    ``ok`` is True when no check failed (expected failures, each explained by
    the discrepancy register, do not count against it). ``str(report)`` is a
    summary followed by every failure, expected failure and unverifiable check;
    ``report.text(verbose=True)`` lists the passing checks too.
    """

    checks: list = field(default_factory=list)

    @property
    def ok(self):
        return not any(c.status == "failed" for c in self.checks)

    def counts(self):
        return Counter(c.status for c in self.checks)

    def by_status(self, status):
        return [c for c in self.checks if c.status == status]

    def text(self, verbose=False):
        counts = self.counts()
        kinds = Counter(c.kind for c in self.checks)
        lines = [
            f"mali-caac validate: {'OK' if self.ok else 'FAILED'}: {len(self.checks)} checks: "
            + ", ".join(f"{counts[s]} {s}" for s in ("ok", "failed", "expected", "unverifiable") if counts[s]),
            "by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
        ]
        order = ("failed", "expected", "unverifiable") + (("ok",) if verbose else ())
        for status in order:
            rows = self.by_status(status)
            if rows:
                lines.append("")
                lines.append(f"{status.upper()} ({len(rows)})")
                lines += [f"  {c.message}" + (f"  [{c.cites}]" if c.cites and c.cites not in c.message else "")
                          for c in rows]
        return "\n".join(lines)

    def __str__(self):
        return self.text()

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([c.__dict__ for c in self.checks])


def _frictionless_checks(data_dir):
    from frictionless import Package, system

    folder = package.data_dir(data_dir)
    with system.use_context(trusted=True):
        report = Package(str(folder / package.DESCRIPTOR)).validate()
    checks = []
    for task in report.tasks:
        if task.valid:
            checks.append(Check(f"frictionless:{task.name}", "frictionless", "ok",
                                f"{task.name}: valid against its Table Schema (frictionless)"))
        for err in task.errors:
            where = f"row {getattr(err, 'row_number', '?')}, field {getattr(err, 'field_name', '?')}"
            checks.append(Check(f"frictionless:{task.name}:{where}", "frictionless", "failed",
                                f"{task.name} ({task.place}): {where}: {err.message}"))
    return checks


def derived_checks(data_dir=None):
    """Derived files equal a rebuild from the originals; region polygons agree with Natural Earth."""
    import csv
    import io

    from .external import COLUMNS, RAW, us_aid_rows
    from .external import OUT as AID
    from .geography import load_regions_geometry, overlap_with_natural_earth
    from .loader import _checked_records

    folder = package.data_dir(data_dir)
    checks = []
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(us_aid_rows(folder / RAW))
    same = buf.getvalue() == (folder / AID).read_text(encoding="utf-8")
    checks.append(Check("derived:us_aid_series", "derived", "ok" if same else "failed",
                        f"us_aid_series.csv {'equals' if same else 'DIFFERS FROM'} a rebuild from {RAW} "
                        "(mali-caac make-derived rebuilds it)"))
    geo = load_regions_geometry(folder)
    vocab = {r["region"]: r["iso_3166_2"] for r in _checked_records("regions", data_dir)}
    want = sorted(r["region"] for r in _checked_records("cercles", data_dir))
    names_ok = sorted(geo["region"]) == sorted(set(want)) and all(vocab[r] == c for r, c in zip(geo["region"], geo["iso_3166_2"]))
    checks.append(Check("geometry:regions", "geometry", "ok" if names_ok else "failed",
                        f"regions_geometry: {len(geo)} regions ({', '.join(sorted(geo['region']))}), "
                        f"ISO 3166-2 codes {'as' if names_ok else 'NOT as'} in regions.csv"))
    for region, iou in sorted(overlap_with_natural_earth(geo, folder).items()):
        ok = iou >= 0.9 or region == "Bamako"
        checks.append(Check(f"geometry:natural_earth:{region}", "geometry", "ok" if ok else "failed",
                            f"regions_geometry {region}{' (with Ménaka)' if region == 'Gao' else ''}: intersection over union "
                            f"with Natural Earth {iou:.2f} ({'at least 0.90' if region != 'Bamako' else 'Bamako district is small; not held to 0.90'})"))
    return checks


def validate(data_dir=None, *, frictionless=True):
    """Check the whole data package and return a :class:`Report`.

    1. every file against the sha256 recorded in ``datapackage.json``;
    2. every table against its Table Schema, with foreign keys (our strict
       loader, and Frictionless' own validator unless ``frictionless=False``);
    3. every reconciliation (see :mod:`mali_caac.reconcile`): totals against
       parts, restatements, totals over violations, percentages, ratios,
       quotes against the source texts, ISO 3166-2 codes;
    4. the discrepancy register: each failure it explains becomes 'expected',
       and an entry whose check no longer fails is itself a failure.

    Bad data never raises here: each problem becomes a failed check.
    """
    from .loader import _checked_records

    checks = []
    broken = False
    for name in package.resource_names(data_dir):
        try:
            package.verify_hash(package.resource(name, data_dir), data_dir)
            checks.append(Check(f"hash:{name}", "hash", "ok", f"{name}: sha256 matches"))
        except DataError as exc:
            checks.append(Check(f"hash:{name}", "hash", "failed", str(exc)))
            broken = True
            continue
        if "schema" not in package.resource(name, data_dir):
            continue
        try:
            _checked_records(name, data_dir)
            checks.append(Check(f"schema:{name}", "schema", "ok", f"{name}: every cell matches the schema"))
        except DataError as exc:
            checks.append(Check(f"schema:{name}", "schema", "failed", str(exc)))
            broken = True
    if frictionless:
        checks += _frictionless_checks(data_dir)
    if not broken:
        checks += apply_register(all_checks(data_dir), data_dir)
        # references between rows (mali_caac.references): its input is every table's records and the descriptor
        checks += check_references({n: _checked_records(n, data_dir) for n in package.resource_names(data_dir)
                                    if "schema" in package.resource(n, data_dir)}, package.read_descriptor(data_dir))
        checks += derived_checks(data_dir)
    else:
        checks.append(Check("reconcile", "reconcile", "failed",
                            "reconciliation not run: fix the hash or schema failures above first"))
    return Report(checks)

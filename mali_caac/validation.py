"""validate(): the data package checked end to end, as a readable report."""
from collections import Counter
from dataclasses import dataclass, field

from .errors import DataError
from .package import open_package
from .reconcile import Check, all_checks, apply_register
from .references import check_references
from .release import correction_checks
from .register import check_register


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

        from dataclasses import asdict

        return pd.DataFrame([asdict(c) for c in self.checks])


def derived_checks(data=None):
    """Derived files equal a rebuild from the originals; region polygons are usable and agree with Natural Earth.

    Broken outside files and unusable polygons are failed checks naming the file, the feature and the problem."""
    from .external import OUT as AID
    from .external import RAW, us_aid_csv
    from .geography import NATURAL_EARTH, checked_features, overlap_with_natural_earth
    from .geography import OUT as GEO

    pkg = open_package(data)
    checks = []
    try:
        same = us_aid_csv(pkg) == pkg.path(AID).read_text(encoding="utf-8")
        checks.append(Check("derived:us_aid_series", "derived", "ok" if same else "failed",
                            f"us_aid_series.csv {'equals' if same else 'DIFFERS FROM'} a rebuild from {RAW} "
                            "(mali-caac make-derived rebuilds it)"))
    except (DataError, OSError, UnicodeDecodeError, ValueError) as exc:
        checks.append(Check("derived:us_aid_series", "derived", "failed",
                            f"us_aid_series.csv cannot be rebuilt from {RAW}: {exc}"))
    good, problems = checked_features(pkg.path(GEO))
    for key, label, problem in problems:
        checks.append(Check(f"geometry:valid:{key}", "geometry", "failed", f"{GEO}, {label}: {problem}"))
    for props, _ in good:
        checks.append(Check(f"geometry:valid:{props['region']}", "geometry", "ok",
                            f"{GEO}, {props['region']}: a valid, non-empty polygon"))
    _, ne_problems = checked_features(pkg.path(NATURAL_EARTH), "name")
    checks += [Check(f"geometry:natural_earth_file:{key}", "geometry", "failed", f"{NATURAL_EARTH}, {label}: {problem}")
               for key, label, problem in ne_problems]
    geo = {p["region"]: p.get("iso_3166_2") for p, _ in good}
    vocab = {r["region"]: r["iso_3166_2"] for r in pkg.records("regions")}
    want = {r["region"] for r in pkg.records("cercles")}
    names_ok = set(geo) == want and all(vocab.get(r) == c for r, c in geo.items())
    checks.append(Check("geometry:regions", "geometry", "ok" if names_ok else "failed",
                        f"regions_geometry: {len(geo)} usable regions ({', '.join(sorted(geo))}), "
                        f"{'as' if names_ok else 'NOT as'} the regions of cercles.csv with their ISO 3166-2 codes"
                        + ("" if names_ok else f" (missing: {', '.join(sorted(want - set(geo))) or 'none'})")))
    for region, iou in sorted(overlap_with_natural_earth(pkg, {p["region"]: g for p, g in good}).items()):
        # Bamako district is small next to Natural Earth's coarse outline: held to overlap it, not to 0.90
        floor = 0.9 if region != "Bamako" else 0.4
        ok = iou >= floor
        checks.append(Check(f"geometry:natural_earth:{region}", "geometry", "ok" if ok else "failed",
                            f"regions_geometry {region}{' (with Ménaka)' if region == 'Gao' else ''}: intersection over union "
                            f"with Natural Earth {iou:.2f} (at least {floor:.2f}"
                            f"{'; Bamako district is small' if region == 'Bamako' else ''})"))
    return checks


def validate(data=None):
    """Check the whole data package and return a :class:`Report`.

    1. the descriptor (well-formed, every path inside the package);
    2. every file against the sha256 recorded in ``datapackage.json``;
    3. every table against its Table Schema, with foreign keys (the strict
       loader of :mod:`mali_caac.schema`; the tests also run Frictionless'
       own validator on the package, as an outside client);
    4. every reconciliation (see :mod:`mali_caac.reconcile`): totals against
       parts, restatements, totals over violations, percentages, ratios,
       quotes against the source texts, ISO 3166-2 codes; derived files
       against a rebuild from the outside files;
    5. the discrepancy register: each failure it explains becomes 'expected',
       an entry whose check no longer fails is itself a failure, and so is an
       entry whose ``asserts`` about its rows no longer hold
       (:mod:`mali_caac.register`);
    6. the region polygons (valid, non-empty, every region, close to Natural
       Earth) and the outside files they and ``us_aid_series`` come from;
    7. the corrections log (:func:`mali_caac.release.correction_checks`): each
       entry names a row and column that exist, versions go forward and stay
       within the package's, and each cell's last correction is its value now.

    ``data`` is a :class:`~mali_caac.package.Package`, a folder or None (the
    default package). Bad data never raises here: each problem becomes a
    failed check.
    """
    try:
        pkg = open_package(data)
    except DataError as exc:
        return Report([Check("descriptor", "descriptor", "failed", str(exc))])
    checks = []
    broken = False
    for res in pkg.resources.values():
        try:
            pkg.verify(res.name)
            checks.append(Check(f"hash:{res.name}", "hash", "ok", f"{res.name}: sha256 matches"))
        except DataError as exc:
            checks.append(Check(f"hash:{res.name}", "hash", "failed", str(exc)))
            broken = True
            continue
        if not res.is_table:
            continue
        try:
            pkg.records(res.name)
            checks.append(Check(f"schema:{res.name}", "schema", "ok", f"{res.name}: every cell matches the schema"))
        except DataError as exc:
            checks.append(Check(f"schema:{res.name}", "schema", "failed", str(exc)))
            broken = True
    if not broken:
        checks += apply_register(all_checks(pkg), pkg)
        # references between rows (mali_caac.references): every table's records and the descriptor
        tables = {r.name: pkg.records(r.name) for r in pkg.tables()}
        checks += check_references(tables, pkg.descriptor)
        # each register entry's claim about its rows (mali_caac.register)
        checks += check_register(tables, pkg.descriptor)
        checks += derived_checks(pkg)
        checks += correction_checks(pkg)  # the corrections log against the rows (mali_caac.release)
    else:
        checks.append(Check("reconcile", "reconcile", "failed",
                            "reconciliation not run: fix the hash or schema failures above first"))
    return Report(checks)

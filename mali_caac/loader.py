"""Load the curated datasets as typed pandas DataFrames.

>>> from mali_caac import list_datasets, load
>>> "grave_violations" in list_datasets()
True
>>> gv = load("grave_violations")                  # doctest: +SKIP
"""
from functools import lru_cache

from . import package
from .errors import DataError
from .schema import read_rows

VIOLATIONS = (
    "recruitment_and_use",
    "killing_and_maiming",
    "sexual_violence",
    "attacks_on_schools_and_hospitals",
    "abduction",
    "denial_of_humanitarian_access",
)
"""The six grave violations, in the order of the report (section IV, A-F)."""

_ORDERED = {"violation", "period"}


def list_datasets(data_dir=None):
    """Names of the tables in the data package, in package order (plus ``regions_geometry``)."""
    return [r["name"] for r in package.read_descriptor(data_dir)["resources"] if package.is_dataset(r)]


def describe(name, data_dir=None):
    """Title, description and a table of the columns of dataset ``name``."""
    res = package.resource(name, data_dir)
    lines = [f"{res['name']}: {res.get('title', '')}", "", res.get("description", ""), ""]
    for field in res.get("schema", {}).get("fields", []):
        req = " (required)" if field.get("constraints", {}).get("required") else ""
        lines.append(f"  {field['name']:<24} {field.get('type', 'string'):<8}{req} {field.get('description', '')}")
    return "\n".join(lines)


@lru_cache(maxsize=64)
def _records(folder, name, digest):
    """Checked records of one resource (cached by file hash)."""
    res = package.resource(name, folder)
    file = package.data_dir(folder) / res["path"]
    records, problems = read_rows(file, res["schema"], name)
    if not problems:
        problems = _foreign_key_problems(folder, res, file, records)
    if problems:
        first = problems[0]
        raise DataError(file=file, line=first.line, row_id=first.row_id, field=first.field,
                        expected=first.expected, found=first.found,
                        problems=problems if len(problems) > 1 else None)
    return records


def _checked_records(name, folder):
    res = package.resource(name, folder)
    package.verify_hash(res, folder)
    digest = res["hash"]
    return _records(str(package.data_dir(folder)), name, digest)


def _foreign_key_problems(folder, res, file, records):
    problems = []
    for fk in res["schema"].get("foreignKeys", []):
        field = fk["fields"]
        ref = fk["reference"]
        target = ref["resource"] or res["name"]
        if target == res["name"]:
            allowed = {r[ref["fields"]] for r in records}
        else:
            allowed = {r[ref["fields"]] for r in _checked_records(target, folder)}
        for rec in records:
            value = rec.get(field)
            if value is not None and value not in allowed:
                problems.append(DataError(
                    file=file, line=rec["_line"], row_id=next(iter(rec.values())), field=field,
                    expected=f"a value of {target}.{ref['fields']}", found=value))
    return problems


def _category_order(name, field, folder):
    enum = field["constraints"]["enum"]
    if field["name"] == "violation":
        return [v for v in VIOLATIONS if v in enum] + [v for v in enum if v not in VIOLATIONS]
    if field["name"] == "period" and name != "periods":
        periods = _checked_records("periods", folder)
        # chronological by start then length; the whole reporting period last
        rank = sorted(periods, key=lambda p: (p["period"] == "all", p["start"], p["months"]))
        order = [p["period"] for p in rank]
        return [p for p in order if p in enum]
    return list(enum)


def load(name, data_dir=None):
    """Load dataset ``name`` as a pandas DataFrame with proper dtypes.

    The file's sha256 is checked against ``datapackage.json``, then every cell
    against the Table Schema (types, required values, vocabularies, unique
    keys, foreign keys). Numbers are floats (``value``) or nullable integers,
    vocabularies are categoricals (``period`` and ``violation`` ordered: the
    report's order of violations, periods chronologically with the whole
    reporting period last), empty cells are missing values.

    Raises
    ------
    DataError
        naming the file, line, row and field of the first problem (and listing
        the others), if the dataset does not match its schema. Nothing is
        returned for a table that fails: there are no half-parsed tables.
    """
    res = package.resource(name, data_dir)
    if "schema" not in res:
        if name == "regions_geometry":
            from .geography import load_regions_geometry

            return load_regions_geometry(data_dir)
        raise DataError(f"{name!r} is a file of the package ({res['path']}), not a table")
    _checked_records(name, data_dir)  # verifies the hash and every cell before the frame is built
    return _frame(str(package.data_dir(data_dir)), name, res["hash"]).copy()


@lru_cache(maxsize=64)
def _frame(folder, name, digest):
    """The typed DataFrame of a checked resource (cached by file hash; callers get copies)."""
    import pandas as pd

    res = package.resource(name, folder)
    records = _records(folder, name, digest)
    data_dir = folder
    fields = res["schema"]["fields"]
    columns = {}
    for field in fields:
        col = field["name"]
        values = [r.get(col) for r in records]
        kind = field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if enum and kind == "string":
            order = _category_order(name, field, data_dir)
            columns[col] = pd.Categorical(values, categories=order, ordered=col in _ORDERED)
        elif kind == "number":
            columns[col] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
        elif kind == "integer":
            columns[col] = pd.array(values, dtype="Int64")
        elif kind == "boolean":
            columns[col] = pd.array(values, dtype="boolean")
        elif kind == "date":
            columns[col] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            columns[col] = pd.array(values, dtype="string")
    frame = pd.DataFrame(columns)
    frame.attrs["dataset"] = name
    frame.attrs["title"] = res.get("title", name)
    return frame


def sources(data_dir=None):
    """The source documents (``sources`` dataset), indexed by ``source_id``."""
    return load("sources", data_dir).set_index("source_id", drop=False)

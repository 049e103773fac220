"""Load the curated datasets as typed pandas DataFrames.

>>> from mali_caac import list_datasets, load
>>> "grave_violations" in list_datasets()
True
>>> gv = load("grave_violations")                  # doctest: +SKIP

Every function takes ``data``: a :class:`~mali_caac.package.Package`, a folder,
or None for the default package (see :mod:`mali_caac.package`).
"""
from .domain import ORDERED_DIMENSIONS, VIOLATIONS
from .package import open_package
from .schema import column


def list_datasets(data=None):
    """Names of the datasets in the data package, in package order."""
    return open_package(data).datasets()


def describe(name, data=None):
    """Title, description and a table of the columns of dataset ``name``."""
    res = open_package(data).resource(name)
    lines = [f"{res.name}: {res.title}", "", res.description, ""]
    for field in (res.schema or {}).get("fields", []):
        req = " (required)" if field.get("constraints", {}).get("required") else ""
        lines.append(f"  {field['name']:<24} {field.get('type', 'string'):<8}{req} {field.get('description', '')}")
    return "\n".join(lines)


def _category_order(pkg, name, field):
    enum = field["constraints"]["enum"]
    if field["name"] == "violation":
        return [v for v in VIOLATIONS if v in enum] + [v for v in enum if v not in VIOLATIONS]
    if field["name"] == "period" and name != "periods":
        # chronological by start then length; the whole reporting period last
        rank = sorted(pkg.records("periods"), key=lambda p: (p["period"] == "all", p["start"], p["months"]))
        return [p["period"] for p in rank if p["period"] in enum]
    return list(enum)


def build_frame(pkg, name, records):
    """The typed DataFrame of checked ``records`` of table ``name``."""
    import pandas as pd

    res = pkg.resource(name)
    columns = {}
    for field in res.schema["fields"]:
        col = field["name"]
        values = column(records, col)
        kind = field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if enum and kind == "string":
            columns[col] = pd.Categorical(values, categories=_category_order(pkg, name, field),
                                          ordered=col in ORDERED_DIMENSIONS)
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
    frame.attrs["title"] = res.title or name
    return frame


def load(name, data=None):
    """Load dataset ``name`` as a pandas DataFrame with proper dtypes.

    The file's sha256 is checked against ``datapackage.json``, then every cell
    against the Table Schema (types, required values, vocabularies, unique
    keys, foreign keys). Numbers are floats (``value``) or nullable integers,
    vocabularies are categoricals (``period`` and ``violation`` ordered: the
    report's order of violations, periods chronologically with the whole
    reporting period last), empty cells are missing values.
    ``regions_geometry`` loads as a GeoDataFrame.

    Raises
    ------
    DataError
        naming the file, line, row and field of the first problem (and listing
        the others), if the dataset does not match its schema. Nothing is
        returned for a table that fails: there are no half-parsed tables.
    """
    pkg = open_package(data)
    res = pkg.resource(name)
    if name == "regions_geometry":
        from .geography import load_regions_geometry

        return load_regions_geometry(pkg)
    if not res.public:
        from .errors import DataError

        raise DataError(f"unknown dataset {name!r}; the datasets are: {', '.join(pkg.datasets())}")
    return pkg.frame(name)


def sources(data=None):
    """The source documents (``sources`` dataset), indexed by ``source_id``."""
    return load("sources", data).set_index("source_id", drop=False)

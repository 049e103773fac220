"""Load the curated datasets as typed pandas DataFrames.

>>> from mali_caac import list_datasets, load
>>> "grave_violations" in list_datasets()
True
>>> gv = load("grave_violations")                  # doctest: +SKIP

Every function takes ``data``: a :class:`~mali_caac.package.Package`, a folder,
or None for the default package (see :mod:`mali_caac.package`).
"""
from .frames import build_frame  # noqa: F401  (re-exported)
from .package import open_package


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

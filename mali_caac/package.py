"""The data package as one object: its descriptor, typed resources and checked contents.

>>> from mali_caac.package import open_package
>>> pkg = open_package()                        # data/ (or $MALI_CAAC_DATA)
>>> pkg.resource("grave_violations").title      # doctest: +SKIP
>>> rows = pkg.records("grave_violations")      # every cell checked, cached

:func:`open_package` reads ``datapackage.json`` once per folder and keeps the
:class:`Package` while the descriptor is unchanged; a package checks each
file's sha256 once per file state and parses each table once per hash, so that
every function handed the same object shares that work. Where the package is:

1. a folder given explicitly (``mali-caac --data DIR``, ``load(name, DIR)``);
2. else the folder named by the environment variable ``MALI_CAAC_DATA``
   (curators pointing an installed library at a working copy);
3. else the package that ships with the library: ``data/`` beside
   ``mali_caac/`` in a checkout, ``mali_caac/data/`` in an installed wheel.

Paths inside the descriptor must stay inside the package: absolute paths,
``..`` and URLs are refused by name. A malformed descriptor is a
:class:`~mali_caac.errors.DataError`, never a traceback.
"""
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import DataError

DESCRIPTOR = "datapackage.json"
ENV = "MALI_CAAC_DATA"
NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def default_folder():
    """The package folder used when none is given: $MALI_CAAC_DATA, else the shipped one."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):  # installed wheel, then checkout
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    return here.parent / "data"



def sha256(file):
    digest = hashlib.sha256()
    with open(file, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _state(path):
    """What identifies a file's content without reading it: inode, size and times."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def atomic_write(file, data):
    """Write bytes or text to ``file`` through a temporary file and a rename."""
    file = Path(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.tmp{os.getpid()}")
    mode = "wb" if isinstance(data, bytes) else "w"
    kwargs = {} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}
    try:
        with open(tmp, mode, **kwargs) as fh:
            fh.write(data)
        os.replace(tmp, file)
    finally:
        if tmp.exists():
            tmp.unlink()


@dataclass(frozen=True)
class Resource:
    """One resource of the descriptor: a table (with a Table Schema) or a plain file.

    ``meta`` is the resource's ``mali_caac`` block: its ``kind`` (vocabulary,
    figures, register, listing, ranking or file) and, for figure tables, the
    ``dimensions`` along which totals break down.
    """

    name: str
    path: str
    title: str = ""
    description: str = ""
    format: str = ""
    hash: str = ""
    schema: dict = None
    meta: dict = field(default_factory=dict)

    @property
    def is_table(self):
        return self.schema is not None

    @property
    def kind(self):
        return self.meta.get("kind", "table" if self.is_table else "file")

    @property
    def dimensions(self):
        return self.meta.get("dimensions") or {}

    @property
    def public(self):
        """Tables and the region polygons are datasets; the raw files and source texts are not."""
        return self.is_table or self.name == "regions_geometry"

    @property
    def field_names(self):
        return [f["name"] for f in self.schema["fields"]] if self.schema else []


def _where(index, key=None):
    return f"resources[{index}]" + (f".{key}" if key else "")


def _safe_path(path, file, where):
    """Refuse descriptor paths that leave the package: absolute, '..', URLs, backslashes."""
    if not isinstance(path, str) or not path:
        raise DataError(file=file, field=where, expected="a relative path inside the package (text)", found=path)
    if "://" in path or path.startswith("//"):
        raise DataError(file=file, field=where, expected="a relative path inside the package, not a URL", found=path)
    pure = PurePosixPath(path)
    if "\\" in path or pure.is_absolute() or re.match(r"^[A-Za-z]:", path) or ".." in pure.parts:
        raise DataError(file=file, field=where,
                        expected="a relative path inside the package (no absolute path, no '..')", found=path)
    return path


def parse_descriptor(text, file):
    """The typed resources of a descriptor's text; a DataError names what is malformed."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(file=file, line=exc.lineno, expected="valid JSON", found=exc.msg) from None
    if not isinstance(doc, dict):
        raise DataError(file=file, expected="a JSON object (a data package descriptor)", found=type(doc).__name__)
    items = doc.get("resources")
    if not isinstance(items, list) or not items:
        raise DataError(file=file, field="resources", expected="a non-empty list of resources",
                        found="nothing" if items is None else type(items).__name__)
    resources = {}
    for i, res in enumerate(items):
        if not isinstance(res, dict):
            raise DataError(file=file, field=_where(i), expected="an object", found=type(res).__name__)
        name = res.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            raise DataError(file=file, field=_where(i, "name"),
                            expected="a lower-case name (letters, digits, _ . -)", found=name)
        if name in resources:
            raise DataError(file=file, field=_where(i, "name"), expected="a name used once", found=name)
        path = _safe_path(res.get("path"), file, _where(i, "path") + f" ({name})")
        schema = res.get("schema")
        if schema is not None:
            fields = schema.get("fields") if isinstance(schema, dict) else None
            if not isinstance(fields, list) or not fields or not all(
                    isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
                raise DataError(file=file, field=_where(i, "schema.fields") + f" ({name})",
                                expected="a non-empty list of fields, each with a name", found=fields)
        for key in ("title", "description", "format", "hash"):
            if not isinstance(res.get(key, ""), str):
                raise DataError(file=file, field=_where(i, key) + f" ({name})", expected="text", found=res[key])
        meta = res.get("mali_caac", {})
        if not isinstance(meta, dict):
            raise DataError(file=file, field=_where(i, "mali_caac") + f" ({name})", expected="an object", found=meta)
        resources[name] = Resource(name, path, res.get("title", ""), res.get("description", ""),
                                   res.get("format", ""), res.get("hash", ""), schema, meta)
    return doc, resources


class Package:
    """A data package folder, read once: descriptor, typed resources, checked tables.

    Hand one ``Package`` to every function that reads data, instead of a folder
    path. Tables are returned as lists of typed records (``records``) or as
    pandas DataFrames (``frame``); both are cached by the file's hash and
    verified against ``datapackage.json`` before first use.
    """

    def __init__(self, folder):
        self.folder = Path(folder)
        self.descriptor_file = self.folder / DESCRIPTOR
        self._descriptor_state = _state(self.descriptor_file)
        try:
            text = self.descriptor_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DataError(file=self.descriptor_file, expected="a Frictionless data package descriptor",
                            found="no such file") from None
        except UnicodeDecodeError as exc:
            raise DataError(file=self.descriptor_file, expected="UTF-8 text", found=str(exc)) from None
        except OSError as exc:
            raise DataError(file=self.descriptor_file, expected="a readable file", found=exc.strerror) from None
        self.descriptor, self.resources = parse_descriptor(text, self.descriptor_file)
        self._hashes = {}    # name -> (file state, sha256) of the last verified state
        self._records = {}   # name -> (sha256, records)
        self._frames = {}    # name -> (sha256, DataFrame)

    def __repr__(self):
        return f"Package({str(self.folder)!r}, {len(self.resources)} resources)"

    @property
    def current(self):
        """False once ``datapackage.json`` changed on disk since this object read it."""
        return _state(self.descriptor_file) == self._descriptor_state

    # ------------------------------------------------------------------ resources
    def datasets(self):
        """Names of the public datasets (tables and the region polygons), in package order."""
        return [r.name for r in self.resources.values() if r.public]

    def tables(self):
        return [r for r in self.resources.values() if r.is_table]

    def resource(self, name):
        """The :class:`Resource` called ``name``; a DataError lists the datasets."""
        try:
            return self.resources[name]
        except KeyError:
            raise DataError(f"unknown dataset {name!r}; the datasets are: {', '.join(self.datasets())}") from None

    def path(self, name_or_relpath):
        """The absolute path of a resource (by name) or of a file inside the package."""
        res = self.resources.get(name_or_relpath)
        rel = res.path if res else _safe_path(name_or_relpath, self.descriptor_file, "path")
        return self.folder / rel

    # ------------------------------------------------------------------ integrity
    def verify(self, name):
        """Raise DataError unless the file of ``name`` matches its recorded sha256; returns the digest.

        A file is hashed once per state (inode, size, modification time)."""
        res = self.resource(name)
        file = self.folder / res.path
        if not res.hash.startswith("sha256:"):
            raise DataError(file=self.descriptor_file, field=f"{name}.hash",
                            expected="'sha256:<hex digest>'", found=res.hash)
        state = _state(file)
        if state is None:
            raise DataError(file=file, expected=f"the file of resource {name!r}", found="no such file")
        cached = self._hashes.get(name)
        found = cached[1] if cached and cached[0] == state else sha256(file)
        self._hashes[name] = (state, found)
        if found != res.hash[len("sha256:"):]:
            raise DataError(
                f"{file}: sha256 {found} does not match the hash recorded in {DESCRIPTOR} "
                f"({res.hash[7:]}); the file was changed without updating the package: check the change "
                "with `mali-caac validate`, then record it with `mali-caac rehash` (see data/CURATION.md)",
                file=file, field="hash", expected=res.hash, found=found)
        return found

    def content_hash(self):
        """One sha256 over the descriptor and every resource file (the package's content)."""
        digest = hashlib.sha256()
        digest.update(self.descriptor_file.read_bytes())
        for res in self.resources.values():
            file = self.folder / res.path
            digest.update(res.path.encode() + b"\0")
            digest.update(sha256(file).encode() if file.exists() else b"missing")
        return digest.hexdigest()

    # ------------------------------------------------------------------ contents
    def records(self, name):
        """The checked rows of table ``name`` as dicts of typed values (shared: do not modify).

        The file's hash is verified, then every cell against the Table Schema
        (types, required values, vocabularies, bounds, unique keys, foreign keys)."""
        from .schema import foreign_key_problems, read_rows

        res = self.resource(name)
        if not res.is_table:
            raise DataError(f"{name!r} is a file of the package ({res.path}), not a table")
        digest = self.verify(name)
        cached = self._records.get(name)
        if cached and cached[0] == digest:
            return cached[1]
        file = self.folder / res.path
        records, problems = read_rows(file, res.schema, name, res.meta.get("min_rows", 1))
        if not problems:
            problems = foreign_key_problems(self, res, file, records)
        if problems:
            first = problems[0]
            raise DataError(file=file, line=first.line, row_id=first.row_id, field=first.field,
                            expected=first.expected, found=first.found,
                            problems=problems if len(problems) > 1 else None)
        self._records[name] = (digest, records)
        return records

    def frame(self, name):
        """Table ``name`` as a typed pandas DataFrame (a fresh copy each call)."""
        global _COPY_ON_WRITE
        from .frames import build_frame

        if _COPY_ON_WRITE is None:
            _COPY_ON_WRITE = _copy_on_write()

        digest = self.verify(name)
        cached = self._frames.get(name)
        if not (cached and cached[0] == digest):
            cached = (digest, build_frame(self, name, self.records(name)))
            self._frames[name] = cached
        return cached[1].copy(deep=not _COPY_ON_WRITE)

    # ------------------------------------------------------------------ curation
    def update_hashes(self):
        """Record the current sha256 of every resource file in the descriptor (curators only).

        Returns the names of the resources whose hash changed. Run
        ``mali-caac validate`` afterwards: a new hash says the change was
        intended, not that it is right."""
        doc = json.loads(self.descriptor_file.read_text(encoding="utf-8"))
        changed = []
        for res in doc["resources"]:
            new = "sha256:" + sha256(self.path(res["name"]))
            if res.get("hash") != new:
                res["hash"] = new
                changed.append(res["name"])
        atomic_write(self.descriptor_file, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        _PACKAGES.pop(str(self.folder.resolve()), None)
        return changed


_PACKAGES = {}


def _copy_on_write():
    """pandas 3 copies on write: a shallow copy of a cached frame can be handed out safely."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        return False
    return int(pd.__version__.split(".")[0]) >= 3


_COPY_ON_WRITE = None


def open_package(data=None):
    """The :class:`Package` for ``data``: a Package (returned as is), a folder, or None for the default.

    Kept per folder while its descriptor is unchanged on disk, so that the
    descriptor is parsed once and hashes and tables are shared."""
    if isinstance(data, Package):
        return data
    folder = Path(data) if data is not None else default_folder()
    key = str(folder.resolve())
    pkg = _PACKAGES.get(key)
    if pkg is None or not pkg.current:
        pkg = _PACKAGES[key] = Package(folder)
    return pkg


def update_hashes(data=None):
    """Record the current sha256 of every resource file (see :meth:`Package.update_hashes`)."""
    return Package(Path(data) if data is not None else default_folder()).update_hashes()

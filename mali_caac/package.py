"""Where the data package lives, its descriptor, and the integrity of its files.

The package is the folder ``data/`` beside this library (or the folder named by
the environment variable ``MALI_CAAC_DATA``). Its ``datapackage.json`` holds a
Table Schema and a sha256 hash for every resource.
"""
import hashlib
import json
import os
from pathlib import Path

from .errors import DataError

DESCRIPTOR = "datapackage.json"


def data_dir(path=None):
    """The data package folder: ``path``, else $MALI_CAAC_DATA, else ``data/``."""
    if path is not None:
        return Path(path)
    env = os.environ.get("MALI_CAAC_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data"


def read_descriptor(path=None):
    """The parsed ``datapackage.json`` of the package at ``path``."""
    folder = data_dir(path)
    file = folder / DESCRIPTOR
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(file=file, expected="a Frictionless data package descriptor",
                        found="no such file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(file=file, line=exc.lineno, expected="valid JSON",
                        found=exc.msg) from None


def resource_names(path=None):
    return [r["name"] for r in read_descriptor(path)["resources"]]


def resource(name, path=None):
    """The descriptor of resource ``name``; a DataError lists the valid names."""
    descriptor = read_descriptor(path)
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in descriptor["resources"] if is_dataset(r))
    raise DataError(f"unknown dataset {name!r}; the datasets are: {names}")


def is_dataset(res):
    """True for the resources users load: the tables and the region polygons, not the raw files and texts."""
    return "schema" in res or res["name"] == "regions_geometry"


def sha256(file):
    digest = hashlib.sha256()
    with open(file, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_hash(res, path=None):
    """Raise DataError if the resource's file does not match its recorded hash."""
    file = data_dir(path) / res["path"]
    expected = res.get("hash", "")
    if not expected.startswith("sha256:"):
        raise DataError(file=data_dir(path) / DESCRIPTOR, field=f"{res['name']}.hash",
                        expected="'sha256:<hex digest>'", found=expected)
    if not file.exists():
        raise DataError(file=file, expected="the resource's CSV file", found="no such file")
    found = sha256(file)
    if found != expected[len("sha256:"):]:
        raise DataError(
            f"{file}: sha256 {found} does not match the hash recorded in "
            f"{DESCRIPTOR} ({expected[7:]}); the file was changed without updating "
            f"the package (maintainers: `mali-caac rehash` after checking the change)",
            file=file, field="hash", expected=expected, found=found)


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


def update_hashes(path=None):
    """Record the current sha256 of every resource file (maintainers only).

    Returns the names of the resources whose hash changed.
    """
    folder = data_dir(path)
    descriptor = read_descriptor(folder)
    changed = []
    for res in descriptor["resources"]:
        new = "sha256:" + sha256(folder / res["path"])
        if res.get("hash") != new:
            res["hash"] = new
            changed.append(res["name"])
    atomic_write(folder / DESCRIPTOR, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return changed

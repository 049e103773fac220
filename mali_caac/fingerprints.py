"""What a build run reads, fingerprinted: the sha256 of a folder's files (:func:`tree_hash`) and the size,
time and hash of a file recorded in a run's state (:func:`_record`, :func:`_same`), so that a run whose inputs
have not changed is skipped.
"""
import hashlib
import json
from pathlib import Path

from .package import sha256


def tree_hash(folder):
    """sha256 of the content of every file under ``folder``, taken in the order of their relative paths."""
    folder = Path(folder)
    digest = hashlib.sha256()
    files = sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    for rel, path in files:
        digest.update(f"{rel}\0{sha256(path)}\n".encode())
    return digest.hexdigest()


def _record(path):
    """What the state keeps of a file it wrote: its size and sha256."""
    return {"size": path.stat().st_size, "sha256": sha256(path)}


def _same(path, record):
    """True if ``path`` still holds the bytes ``record`` describes."""
    try:
        return bool(record) and path.stat().st_size == record["size"] and sha256(path) == record["sha256"]
    except OSError:
        return False


def _read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _show(path):
    """A path as the user typed it: relative to the working folder when it is inside it."""
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _stat(path):
    """A file's identity as the file system sees it (inode, modification time, size), or None if it is gone."""
    try:
        st = path.stat()
        return st.st_ino, st.st_mtime_ns, st.st_size
    except OSError:
        return None

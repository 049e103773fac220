"""Citations: a source document as a reference, and the rows behind a figure as a source line."""
import re

from .loader import _checked_records


def _sources(data_dir=None):
    return {s["source_id"]: s for s in _checked_records("sources", data_dir)}


def cite(source_id=None, data_dir=None):
    """A reference for one source document, or for all of them (one per line).

    >>> print(cite("S/2020/1105"))                                # doctest: +SKIP
    United Nations Security Council (2020-11-11). Children and armed conflict in Mali: ...
    """
    srcs = _sources(data_dir)
    if source_id is None:
        return "\n".join(cite(s, data_dir) for s in srcs)
    if source_id not in srcs:
        from .errors import DataError

        raise DataError(f"unknown source {source_id!r}; the sources are: {', '.join(srcs)}")
    s = srcs[source_id]
    symbol = f" {s['symbol']}." if s["symbol"] else ""
    return f"{s['publisher']} ({s['date']}). {s['title']}.{symbol} {s['url']}"


def _locator_key(loc):
    m = re.match(r"(annex )?para (\d+)(.*)", loc)
    return (0 if not m or not m.group(1) else 1, int(m.group(2)) if m else 10**6, loc)


def compact_locators(locators):
    """'para 14', 'para 15', 'para 17' -> 'paras 14-15, 17'; other locators kept as they are."""
    plain, other = [], []
    for loc in sorted(set(locators), key=_locator_key):
        m = re.fullmatch(r"para (\d+)", loc)
        (plain if m else other).append(int(m.group(1)) if m else loc)
    parts, run = [], []
    for n in plain:
        if run and n == run[-1] + 1:
            run.append(n)
        else:
            if run:
                parts.append(run)
            run = [n]
    if run:
        parts.append(run)
    text = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in parts]
    out = []
    if text:
        out.append(("paras " if len(plain) > 1 else "para ") + ", ".join(text))
    return ", ".join(out + other)


def cite_rows(rows, data_dir=None, prefix="Source: "):
    """A source line for the rows a figure draws: 'Source: S/2020/1105, paras 14-15'.

    ``rows`` is a DataFrame (or iterable of mappings) with ``source_id`` and
    ``locator`` columns. Documents are named by their ``short_name``.
    """
    srcs = _sources(data_dir)
    if hasattr(rows, "to_dict"):
        rows = rows.to_dict("records")
    by_source = {}
    for r in rows:
        by_source.setdefault(str(r["source_id"]), []).append(str(r["locator"]))
    parts = []
    for sid, locs in by_source.items():
        name = srcs[sid]["short_name"] if sid in srcs else sid
        parts.append(f"{name}, {compact_locators(locs)}")
    return prefix + "; ".join(parts)

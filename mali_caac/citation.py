"""Citations: a source document as a reference, and the rows behind a figure as a source line."""
import re

from .package import open_package


def _sources(data_dir=None):
    return {s["source_id"]: s for s in open_package(data_dir).records("sources")}


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


def _numbered(loc):
    """('para ', 14) for 'para 14', ('file.csv, line ', 17) for 'file.csv, line 17', else None."""
    m = re.fullmatch(r"(.*\b(?:para|line|page) )(\d+)", loc)
    return (m.group(1), int(m.group(2))) if m else None


def compact_locators(locators):
    """'para 14', 'para 15', 'para 17' -> 'paras 14-15, 17'; 'f.csv, line 2', 'f.csv, line 3' -> 'f.csv, lines 2-3';
    other locators are kept as they are, in order."""
    groups, other = {}, []
    for loc in dict.fromkeys(locators):
        num = _numbered(loc)
        if num:
            groups.setdefault(num[0], set()).add(num[1])
        elif loc not in other:
            other.append(loc)
    out = []
    for prefix, numbers in groups.items():
        runs, run = [], []
        for n in sorted(numbers):
            if run and n == run[-1] + 1:
                run.append(n)
            else:
                if run:
                    runs.append(run)
                run = [n]
        runs.append(run)
        text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
        if len(numbers) > 1:
            prefix = re.sub(r"(para|line|page) $", r"\1s ", prefix)
        out.append(prefix + text)
    return ", ".join(out + sorted(other, key=lambda x: (not x.startswith("annex"), x)))


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

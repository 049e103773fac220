"""Tables as text: shortened to fit a terminal, or whole as CSV, JSON or Markdown for scripts and documents.

The tables' quotes and notes run to hundreds of characters; a terminal shows
80 to 200. ``format_frame(frame, "table")`` fits the width by leaving out the
columns that hold one value on every row, shortening long cells with an
ellipsis and, last, leaving out columns on the right; it says what it left out
so that nothing is hidden silently. The other formats are never shortened.
"""
import json
import shutil
import textwrap

FORMATS = ("table", "csv", "json", "markdown")
"""The formats of ``format_frame``: ``table`` for reading, the others whole for scripts."""

ELLIPSIS = "…"
GAP = "  "
MIN_WIDTH = 8
"""A shortened column keeps at least this many characters (or its header's, if shorter)."""
NOTE_VALUE = 20
"""A value named in a note is shortened to this many characters."""


def cell_text(value):
    """One value as a table shows it: numbers without a trailing '.0', dates as YYYY-MM-DD, missing as ''."""
    import pandas as pd

    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return " ".join(str(value).split())  # one line: quotes and notes may hold line breaks


def _plain(frame):
    """A copy of ``frame`` that every writer can take: geometries as WKT, dates as YYYY-MM-DD."""
    import pandas as pd

    out = pd.DataFrame(frame).copy()
    for col in out.columns:
        if str(out[col].dtype) == "geometry":
            out[col] = frame[col].to_wkt()
        elif pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    return out


def _shorten(text, width):
    return text if len(text) <= width else text[:max(width - 1, 0)] + ELLIPSIS


def _fit(widths, floors, room):
    """Column widths within ``room`` characters: the widest columns give way first, none below its floor.

    Returns None if even the floors do not fit.
    """
    need = lambda ws: sum(ws) + len(GAP) * (len(ws) - 1)  # noqa: E731
    if need(floors) > room:
        return None
    for cap in range(max(widths, default=0), 0, -1):
        fitted = [max(f, min(w, cap)) for w, f in zip(widths, floors)]
        if need(fitted) <= room:
            return fitted
    return floors


def fit_table(frame, width, *, drop_constant=True):
    """``frame`` as an aligned text table no wider than ``width``, and notes on what was left out.

    Columns holding one value on every row (when there are several rows and
    ``drop_constant``) are left out first and named in a note with their
    value; then the widest cells are shortened with an ellipsis; then, if the
    columns still do not fit, the columns on the right are left out. Numbers
    are aligned right. Returns ``(text, notes)``, each note in parentheses and
    wrapped to ``width``.
    """
    import pandas as pd

    columns = [str(c) for c in frame.columns]
    cells = {c: [cell_text(v) for v in frame[col]] for c, col in zip(columns, frame.columns)}
    numeric = {c for c, col in zip(columns, frame.columns) if pd.api.types.is_numeric_dtype(frame[col])
               and not pd.api.types.is_bool_dtype(frame[col])}
    notes = []
    natural = {c: max([len(c)] + [len(v) for v in cells[c]]) for c in columns}
    if drop_constant and len(frame) > 1 and sum(natural.values()) + len(GAP) * (len(columns) - 1) > width:
        same = [c for c in columns if len(set(cells[c])) == 1]
        if same and len(same) < len(columns):
            columns = [c for c in columns if c not in same]
            notes.append("the same on every row: "
                         + ", ".join(f"{c}={_shorten(cells[c][0], NOTE_VALUE)!r}" for c in same))
    dropped = []
    while True:
        widths = _fit([natural[c] for c in columns], [min(natural[c], max(len(c), MIN_WIDTH)) for c in columns],
                      width)
        if widths is not None or len(columns) == 1:
            break
        dropped.insert(0, columns.pop())
    widths = widths or [width]
    if dropped:
        notes.append(f"{len(dropped)} column(s) left out to fit {width} characters: {', '.join(dropped)}")
    if any(natural[c] > w for c, w in zip(columns, widths)):
        notes.append("long cells are shortened (…)")

    def line(values):
        parts = [_shorten(v, w).rjust(w) if c in numeric else _shorten(v, w).ljust(w)
                 for c, v, w in zip(columns, values, widths)]
        return GAP.join(parts).rstrip()

    lines = [line(columns)] + [line([cells[c][i] for c in columns]) for i in range(len(frame))]
    return "\n".join(lines), [textwrap.fill(f"({note})", width, subsequent_indent=" ") for note in notes]


def format_frame(frame, fmt="table", *, width=None, full=False, drop_constant=True):
    """``frame`` as text in format ``fmt`` (one of ``FORMATS``), and notes on what a table left out.

    ``table`` fits ``width`` characters (default: the terminal's, from
    ``shutil.get_terminal_size``) unless ``full``; ``csv``, ``json`` (a list
    of records, missing values as null) and ``markdown`` hold every row and
    column whole. Returns ``(text, notes)``; the text ends without a newline.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    plain = _plain(frame)
    if fmt == "csv":
        return plain.to_csv(index=False).rstrip("\n"), []
    if fmt == "json":  # pandas writes the records (NaN as null), json lays them out without escaping '/'
        return json.dumps(json.loads(plain.to_json(orient="records")), ensure_ascii=False, indent=2), []
    if fmt == "markdown":
        escaped = plain.apply(lambda col: col.map(lambda v: cell_text(v).replace("|", "\\|")))
        return escaped.to_markdown(index=False), []
    if full:
        return fit_table(plain, float("inf"), drop_constant=False)[0], []
    if width is None:
        width = shutil.get_terminal_size().columns
    return fit_table(plain, width, drop_constant=drop_constant)


def wrap_lines(text, width=None, indent=4):
    """``text`` with each line longer than ``width`` (default: the terminal's) wrapped; an indented line
    (a column of ``describe``) continues under its indentation plus ``indent`` spaces, a paragraph flush left."""
    width = width or shutil.get_terminal_size().columns
    out = []
    for line in text.splitlines():
        lead = " " * (len(line) - len(line.lstrip(" ")))
        more = lead + " " * indent if lead else ""
        out.append(textwrap.fill(line, width, subsequent_indent=more) if len(line) > width else line)
    return "\n".join(out)

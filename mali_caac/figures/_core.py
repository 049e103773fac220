"""The machinery of the figures: each drawn from rows of ``data/``, titled, sourced and captioned.

Every figure is a function registered with :func:`figure`; :func:`render`
draws it in one language and returns a :class:`Rendered` that carries the
matplotlib figure, its title and caption, its source line and the exact rows it
draws (``rows``) with the values it draws (``drawn``), so that tests can read
the plotted values back and compare them with the data. :func:`save` writes
PNG, SVG and PDF (byte-identical across runs) and a caption file, each through
a temporary file and a rename.
"""
import io
import textwrap
from dataclasses import dataclass, field

from .. import aggregate, style
from ..citation import caption_table, cite_rows
from ..i18n import add_figure_text, label, number, t
from ..package import atomic_write
from ..parameters import DEFAULTS, PARAMETERS, check_parameters  # noqa: F401  (re-exported)

REGISTRY = {}
SECTIONS = ("overview", "recruitment", "killing", "sexual_violence", "attacks", "abduction_denial",
            "reintegration", "us_assistance", "civilian_harm")


@dataclass
class Rendered:
    id: str
    section: str
    lang: str
    figure: object
    title: str
    caption: str
    source_line: str
    rows: object
    drawn: list = field(default_factory=list)


def figure(fid, section, title_en, title_fr, caption_en, caption_fr):
    """Register a figure function ``f(ctx) -> (fig, rows, drawn)``."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    add_figure_text(fid, title_en, title_fr, caption_en, caption_fr)

    def wrap(func):
        REGISTRY[fid] = (section, func)
        return func
    return wrap


def figure_ids(section=None):
    return [f for f, (s, _) in REGISTRY.items() if section is None or s == section]


# ----------------------------------------------------------------------------- helpers
@dataclass
class Ctx:
    lang: str
    context: str

    def t(self, key):
        return t(key, self.lang)

    def n(self, value, decimals=None):
        return number(value, self.lang, decimals)


PROV = ["table", "row_id", "value", "unit", "qualifier", "source_id", "locator", "quote"]


def _prov(frame, table=None):
    out = frame.copy()
    out["table"] = table or frame.attrs.get("dataset", "")
    if "qualifier" not in out:
        out["qualifier"] = "exact"
    if "unit" not in out:
        out["unit"] = ""
    return out[PROV].reset_index(drop=True)


def _concat(*frames):
    import pandas as pd

    return pd.concat([f for f in frames if len(f)], ignore_index=True)


def _new(ctx, ratio=0.55, ncols=1, sharey=False):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, ncols, figsize=style.size(ctx.context, ratio), sharey=sharey)
    return fig, axes


def _qual(ctx, q):
    return ctx.t(f"word.qualifier.{q}") if q and q != "exact" else ""


def _wrap(text, width):
    """Wrap each line of a label on its own (textwrap alone would join the lines)."""
    return "\n".join(textwrap.fill(line, width) for line in str(text).split("\n"))


def _annotate(ax, bars, texts, horizontal, fontsize="small"):
    for bar, text in zip(bars, texts):
        if horizontal:
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                        textcoords="offset points", va="center", ha="left", fontsize=fontsize)
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 2),
                        textcoords="offset points", va="bottom", ha="center", fontsize=fontsize)


def _bars(ax, ctx, labels, values, colour, horizontal=False, texts=None, qualifiers=None, decimals=None):
    """Plain bars with their values printed on them; returns the values drawn."""
    values = [float(v) for v in values]
    qualifiers = qualifiers or [""] * len(values)
    if texts is None:
        texts = [_qual(ctx, q) + ctx.n(v, decimals) for v, q in zip(values, qualifiers)]
    pos = list(range(len(values)))
    labels = [_wrap(x, 30 if horizontal else 14) for x in labels]
    if horizontal:
        lines = max([lab.count("\n") + 1 for lab in labels] + [1])
        need = len(values) * (0.13 + 0.16 * lines) * style.CONTEXTS[getattr(ctx, "context", "paper")] + 1.7
        if ax.figure.get_figheight() < need and len(ax.figure.axes) == 1:
            ax.figure.set_figheight(round(need, 2))
        bars = ax.barh(pos, values, color=colour, height=0.7)
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, max(values + [1]) * 1.18)
    else:
        bars = ax.bar(pos, values, color=colour, width=0.7)
        ax.set_xticks(pos, labels)
        ax.grid(axis="x", visible=False)
        ax.set_ylim(0, max(values + [1]) * 1.15)
    _annotate(ax, bars, texts, horizontal)
    return values


def _grouped(ax, ctx, groups, series, colours, texts=None):
    """Side-by-side bars: ``series`` is {name: [value per group]} (None = no bar)."""
    k = len(series)
    width = 0.8 / k
    drawn = []
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (k - 1) / 2) * width for g in range(len(groups))]
        keep = [(x, v) for x, v in zip(xs, values) if v is not None]
        bars = ax.bar([x for x, _ in keep], [v for _, v in keep], width=width * 0.95, color=colours[i], label=name)
        labels = [ctx.n(v) for _, v in keep] if texts is None else texts[i]
        _annotate(ax, bars, labels, False, "small" if k < 4 else "xx-small")
        drawn += [float(v) for _, v in keep]
    ax.set_xticks(range(len(groups)), [_wrap(g, 13) for g in groups])
    ax.grid(axis="x", visible=False)
    top = max([v for vals in series.values() for v in vals if v is not None] + [1])
    ax.set_ylim(0, top * 1.15)
    _legend(ax, k)
    return drawn


def _legend(ax, n, fontsize="small"):
    """Legend above the plot, outside the axes, so that it never covers a bar."""
    ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(n, 3), fontsize=fontsize,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)


def _finish(fig, ctx, fid, rows, note=None):
    """Title, source line (and note) under the plot, fixed layout."""
    if len(rows) == 0:
        raise ValueError(f"figure {fid!r} draws no rows of data/: refusing to draw an empty figure")
    title = ctx.t(f"fig.{fid}.title")
    source = cite_rows(rows, lang=ctx.lang)
    width_chars = int(style.WIDTH[ctx.context] * 15 / style.CONTEXTS[ctx.context])
    lines = textwrap.wrap(source, width_chars)
    if note:
        lines += textwrap.wrap(note, width_chars)
    title_chars = int(style.WIDTH[ctx.context] * 8.5 / style.CONTEXTS[ctx.context])
    fig.suptitle(textwrap.fill(title, title_chars), x=0.01, ha="left", fontweight="bold",
                 fontsize="large")
    h = fig.get_figheight()
    line_h = 0.17 * style.CONTEXTS[ctx.context] / h
    bottom = line_h * (len(lines) + 0.6)
    fig.text(0.01, 0.012, "\n".join(lines), ha="left", va="bottom", fontsize="small", color=style.GREY)
    n_title = len(textwrap.wrap(title, title_chars))
    top = 1 - (0.24 * n_title * style.CONTEXTS[ctx.context] + 0.06) / h
    fig.tight_layout(rect=(0, bottom, 1, top))
    return source


def _gv_breakdown(dimension, violation, **fixed):
    return aggregate.breakdown("grave_violations", dimension, violation=violation, **fixed)


def _period_figure(ctx, fid, parts, colour, unit_axis, note_key="word.different_lengths"):
    """Counts by period beside rates per month: periods of different length."""
    parts = aggregate.per_month(parts.sort_values("period"))
    fig, (a1, a2) = _new(ctx, 0.5, ncols=2)
    labels = [label("period", p, ctx.lang) for p in parts["period"]]
    drawn = _bars(a1, ctx, labels, parts["value"], colour)
    a1.set_ylabel(ctx.t(unit_axis))
    drawn += _bars(a2, ctx, labels, parts["per_month"], colour, decimals=1)
    a2.set_ylabel(ctx.t("axis.per_month"))
    for ax in (a1, a2):
        ax.tick_params(axis="x", labelsize="small")
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t(note_key))
    return fig, rows, drawn


def _hbar_rows(ctx, fid, frame, labels, colour, axis_key, table, ratio=None, ytick=None):
    """Horizontal bars, one per row of ``frame`` (its values and qualifiers), titled and sourced."""
    fig, ax = _new(ctx, ratio or max(0.35, 0.06 * len(frame) + 0.15))
    drawn = _bars(ax, ctx, labels, frame["value"], colour, horizontal=True,
                  qualifiers=list(frame["qualifier"].astype(str)))
    ax.set_xlabel(ctx.t(axis_key))
    if ytick:
        ax.tick_params(axis="y", labelsize=ytick)
    rows = _prov(frame, table)
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _hbar_breakdown(ctx, fid, parts, dimension, colour, axis_key, sort=True, ratio=None, table="grave_violations"):
    """Horizontal bars of a breakdown, labelled with the codes of ``dimension``, largest first."""
    if sort:
        parts = parts.sort_values("value", ascending=False, kind="stable")
    labels = [label(dimension, c, ctx.lang) for c in parts[dimension]]
    return _hbar_rows(ctx, fid, parts, labels, colour, axis_key, table, ratio)


C = style.VIOLATION_COLOURS


# ----------------------------------------------------------------------------- beyond the five documents
def months_between(start, end):
    """Whole months from the first day of ``start`` to the last day of ``end`` (dates or ISO text)."""
    import pandas as pd

    a, b = pd.Timestamp(start), pd.Timestamp(end)
    return (b.year - a.year) * 12 + (b.month - a.month) + 1



# ----------------------------------------------------------------------------- render and save
def render(fid, lang="en", context="paper"):
    """Draw figure ``fid`` in ``lang``; returns a :class:`Rendered`."""
    import matplotlib

    matplotlib.use("agg", force=False)
    if fid not in REGISTRY:
        raise ValueError(f"unknown figure {fid!r}; the figures are: {', '.join(REGISTRY)}")
    check_parameters(lang=lang, context=context)
    style.apply(context)
    section, func = REGISTRY[fid]
    ctx = Ctx(lang, context)
    fig, rows, drawn = func(ctx)
    return Rendered(fid, section, lang, fig, ctx.t(f"fig.{fid}.title"), ctx.t(f"fig.{fid}.caption"),
                    cite_rows(rows, lang=ctx.lang), rows, drawn)


def caption_text(r):
    """The caption file: title, caption, source line and every row drawn."""
    lang = r.lang
    lines = [f"# {r.title}", "", r.caption, "", r.source_line, "", f"## {t('word.rows_drawn', lang)}", ""]
    lines += caption_table(r.rows, lang)  # headers, units, locators in the language; quotes marked verbatim
    return "\n".join(lines) + "\n"


def save(r, output_dir, formats=("png", "svg", "pdf"), dpi=200):
    """Write the figure in each format and its caption file; returns the paths written."""
    from pathlib import Path

    out = Path(output_dir)
    paths = []
    for fmt in formats:
        buf = io.BytesIO()
        r.figure.savefig(buf, format=fmt, dpi=dpi, metadata=style.SAVE_METADATA[fmt])
        path = out / f"{r.id}.{fmt}"
        atomic_write(path, buf.getvalue())
        paths.append(path)
    path = out / f"{r.id}.md"
    atomic_write(path, caption_text(r))
    paths.append(path)
    return paths


def close(r):
    import matplotlib.pyplot as plt

    plt.close(r.figure)

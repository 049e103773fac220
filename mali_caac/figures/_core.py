"""The machinery of the figures: each drawn from rows of ``data/``, titled, sourced and captioned.

Every figure is a function registered with :func:`figure`; :func:`render`
draws it in one language and returns a :class:`Rendered` that carries the
matplotlib figure, its title and caption, its source line and the exact rows it
draws (``rows``) with the values it draws (``drawn``) and, for each mark, its label,
value and the ids of the rows it comes from (``marks``, recorded by the drawing
helpers through :meth:`Ctx.mark`), so that tests can read the plotted values back
and compare them with the data. :func:`save` writes PNG, SVG and PDF
(byte-identical across runs), a caption file with the alt text, and the CSV of
the values drawn, each through a temporary file and a rename.
"""
import io
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from .. import acronyms, aggregate, style
from . import _drawn, captions, hedges
from ..citation import caption_table, cite_rows
from ..i18n import add_figure_text, date_span, label, number, t, typeset
from ..package import atomic_write, open_package
from ..parameters import DEFAULTS, PARAMETERS, check_parameters  # noqa: F401  (re-exported)
from ..release import data_line

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
    marks: list = field(default_factory=list)
    """One dict per drawn mark (see :data:`mali_caac.figures._drawn.COLUMNS`)."""
    alt: str = ""
    """The alt text: the finding and the values drawn, in ``lang``."""
    pixels: dict = field(default_factory=dict, repr=False)
    """{dpi: RGB image} of the rasters made so far (a file and the preview share one)."""
    colour_roles: dict = field(default_factory=dict)
    """{hex colour: role} of every colour role the figure drew (:mod:`mali_caac.colours`)."""


TEXTS = {}
"""{figure id: section} of every figure whose title and caption are described (:func:`describe`)."""


def describe(fid, section, title_en, title_fr, caption_en, caption_fr):
    """A figure's title and caption in both languages; its recipe is a cell of the section's notebook."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    add_figure_text(fid, title_en, title_fr, caption_en, caption_fr)
    TEXTS[fid] = section


def figure_ids(section=None):
    """The figures, section by section in the order of :data:`SECTIONS`, each section's in the order
    of its notebook's recipes (read without running them); an id that two notebooks publish is refused."""
    from .. import recipes

    return list(recipes.publishers()) if section is None else recipes.figure_ids(section)


def _figure_func(fid):
    """The function that draws ``fid``: its recipe in the section's notebook."""
    from .. import recipes

    found = recipes.charts(TEXTS[fid]) if fid in TEXTS else {}
    if fid not in found:
        raise ValueError(f"unknown figure {fid!r}; the figures are: {', '.join(figure_ids())}")
    chart = found[fid]
    return lambda ctx: chart.draw(ctx, fid)


# ----------------------------------------------------------------------------- titles
DATES = "{dates}"
"""Where a title template puts its dates: filled from the rows the figure draws, never typed."""

VERIFIED_TABLES = ("grave_violations",)
"""Tables of counts verified by the UN country task force: a figure drawing their rows says what
"verified" means in a subtitle."""


def rows_dates(rows, data=None):
    """(first day, last day) covered by ``rows`` (a provenance frame): their periods (from the periods
    table), years or as-of dates, read from ``data/``; None when no row carries a date."""
    import pandas as pd

    from ..loader import load

    periods = {p["period"]: (p["start"], p["end"]) for p in open_package(data).records("periods")}
    spans = []
    for table, ids in rows.groupby("table", sort=False)["row_id"]:
        full = load(table, data).set_index("row_id").loc[list(ids)]
        for _, row in full.iterrows():
            if "period" in full and str(row["period"]) in periods:
                spans.append(periods[str(row["period"])])
            elif "year" in full and pd.notna(row["year"]):
                spans.append((f"{int(row['year'])}-01-01", f"{int(row['year'])}-12-31"))
            elif "as_of" in full and pd.notna(row["as_of"]):
                first = pd.Period(str(row["as_of"]))  # '2020-03': the month; '2018': the year
                spans.append((first.start_time.date(), first.end_time.date()))
    if not spans:
        return None
    start = min(pd.Timestamp(a) for a, _ in spans)
    end = max(pd.Timestamp(b) for _, b in spans)
    return start, end


def title_text(fid, lang, rows=None):
    """The title of figure ``fid`` in ``lang``, its dates filled from ``rows`` (:func:`figure_text`)."""
    return figure_text(fid, "title", lang, rows=rows)


def draws_verified_counts(rows):
    """True if any row drawn is a count verified by the UN country task force."""
    return bool(set(rows["table"]) & set(VERIFIED_TABLES))


# ----------------------------------------------------------------------------- helpers
@dataclass
class Mark:
    """One mark a figure draws (a bar, a point, a cell, a map region's class), as recorded while drawing:
    ``value`` is the sum of the values of the rows ``row_ids``, divided by ``months`` for a rate per
    month and by ``scale`` (10**6 for millions); None for a mark that shows a figure is not stated."""

    ax: object
    category: str
    value: object
    row_ids: tuple
    drawn_as: str
    series: str = ""
    label: str = ""
    months: object = None
    scale: float = 1
    unit: str = ""          # the unit of the rows, when they carry none
    qualifier: str = ""     # 'about ', 'at least ' ... as printed before the number
    zero_from: tuple = ()   # a stated total and its complete list, where the value is a zero that follows from them


def _ids(ids):
    """A mark's row ids as a tuple, from one id or several."""
    if ids is None:
        return ()
    return (ids,) if isinstance(ids, str) else tuple(ids)


@dataclass
class Ctx:
    lang: str
    size: str = "double"
    bare: bool = False
    marks: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    """Numbers and words the figure computed from the data, filled into the ``{fields}`` of its title
    and caption (:func:`figure_text`)."""
    fid: str = ""
    roles: dict = field(default_factory=dict)
    """{hex colour: role} of the colour roles drawn (:meth:`fill`)."""

    def fill(self, role, parameter="colour"):
        """The colour of ``role`` (:mod:`mali_caac.colours`), recorded as drawn; a list of roles gives a list."""
        from .. import colours

        if isinstance(role, (list, tuple)):
            return [self.fill(r, parameter) for r in role]
        name = colours.role_name(role, self.fid, parameter)
        self.roles.setdefault(colours.ROLES[name].upper(), name)
        return colours.ROLES[name]

    def mark(self, ax, category, value, ids, drawn_as, **kw):
        """Record one drawn mark: its category label as drawn, its value, the ids of its rows of ``data/``."""
        value = None if value is None or value != value else float(value)
        self.marks.append(Mark(ax, " ".join(str(category).split()), value, _ids(ids), drawn_as, **kw))

    @property
    def sz(self):
        return style.SIZES[self.size]

    @property
    def small(self):
        """The small text size in points (value labels, ticks, legends): never under 6 pt."""
        return self.sz.small

    def t(self, key):
        return t(key, self.lang)

    def n(self, value, decimals=None):
        if decimals and float(value) == 0:  # a zero (a stated one) has no decimals: "0", not "0.0"
            decimals = 0
        return number(value, self.lang, decimals)

    def text(self, fid, part, rows=None):
        """The title or caption of figure ``fid`` with this render's facts (and the dates of ``rows``) filled in."""
        return figure_text(fid, part, self.lang, self.facts, rows)


COUNTRY_REPORTS = ["S/2014/267", "S/2018/136", "S/2020/1105", "S/2022/856", "SG-CAAC-Mali-5"]
"""The Secretary-General's country reports on children and armed conflict in Mali, in order (sources table)."""


def common_facts(lang):
    """Facts every title and caption may use, read from ``data/``: the report's period (periods
    table), the Foreign Aid Explorer file's fiscal years and the factsheet's year (sources table)."""
    from ..package import open_package

    pkg = open_package()
    periods = {p["period"]: p for p in pkg.records("periods")}
    report, previous = periods["all"], periods["2014-2017H1"]
    sources = {s["source_id"]: s for s in pkg.records("sources")}
    fae = sources["USAID-FAE"]
    reports = [sources[r] for r in COUNTRY_REPORTS]
    return {"report_period": date_span(report["start"], report["end"], lang),  # as the other titles write dates
            "report_months": report["months"],
            "since_previous_report": f"{previous['start'].year}–{report['end'].year}",
            "country_reports_years": f"{min(r['period_start'] for r in reports).year}–{max(r['period_end'] for r in reports).year}",
            "fae_years": f"{fae['period_start'].year}–{fae['period_end'].year}",
            "factsheet_year": str(sources["CHRHS-SAM-InterAction-2022"]["date"])[:4]}


def figure_text(fid, part, lang, facts=None, rows=None):
    """The ``part`` ('title' or 'caption') of figure ``fid`` in ``lang``, its ``{field}`` format
    fields filled from ``facts`` (and :func:`common_facts`): numbers in the language's formatting
    (:func:`mali_caac.i18n.number`), text as it is; ``{dates}`` is the span of the dates of the
    ``rows`` drawn (:func:`rows_dates`), left out without rows (lists of figures). A field without a
    fact is an error that names the figure and the field, so that no caption is printed with a hole
    or a stale number."""
    import string

    from ..i18n import typeset

    text = t(f"fig.{fid}.{part}", lang)
    if DATES in text:
        span = rows_dates(rows) if rows is not None else None
        if span is None:
            text = text.replace(", " + DATES, "").replace(" " + DATES, "").replace(DATES, "")
        else:
            facts = {**(facts or {}), "dates": date_span(span[0], span[1], lang)}
    fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    if not fields:
        return text
    known = {**common_facts(lang), **captions.drawn_facts(rows, lang), **captions.row_facts(fid, lang), **(facts or {})}
    missing = [name for name in fields if name not in known]
    if missing:
        raise ValueError(f"figure {fid!r}: its {part} has the field {{{missing[0]}}}, but no row fills it and "
                         f"the figure sets no fact {missing[0]!r} (fields available: {', '.join(sorted(known)) or 'none'})")
    values = {k: (v if isinstance(v, str) else number(v, lang)) for k, v in known.items()}
    return typeset(text.format_map(values), lang)


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


PLOT_HEIGHT = {"column": 1.35, "onehalf": 1.15, "double": 1.0, "slides": 0.62, "poster": 0.8}
"""The plot area's height as a share of width x the figure's aspect, per size: narrow figures need
relatively more height for the same labels, slides relatively less."""


def _new(ctx, ratio=0.55, ncols=1, sharey=False):
    """A figure of the size preset's width, its plot area ``ratio`` of that (title and source are added
    by :func:`_finish`). Panels side by side stack vertically in a single column."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    sz = ctx.sz
    nrows = 1
    if ncols > 1 and ctx.size == "column":
        nrows, ncols = ncols, 1
    height = sz.width * ratio * PLOT_HEIGHT[ctx.size] * nrows
    fig = Figure(figsize=(sz.width, round(height, 3)), layout="constrained", dpi=LAYOUT_DPI)
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, sharey=sharey and nrows == 1)
    return fig, (tuple(axes.ravel()) if nrows * ncols > 1 else axes)


def _qual(ctx, q):
    return ctx.t(f"word.qualifier.{q}") if q and q != "exact" else ""


def _fit(ctx, text, width_in):
    """A label wrapped to ``width_in`` inches at the small text size (measured, not counted)."""
    return "\n".join(line for part in str(text).split("\n")
                     for line in wrap_to_width(part, ctx.small, width_in * 72, balance=True))


def _annotate(ax, bars, texts, horizontal, fontsize=None, rotation=0, offsets=None):
    fontsize = fontsize or plt_rc("xtick.labelsize")
    offsets = offsets or [0] * len(texts)
    for bar, text, extra in zip(bars, texts, offsets):
        if horizontal:
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(2 + extra, 0),
                        textcoords="offset points", va="center", ha="left", fontsize=fontsize)
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 1.5 + extra),
                        textcoords="offset points", va="bottom", ha="center", fontsize=fontsize,
                        rotation=rotation)


def plt_rc(key):
    import matplotlib as mpl

    return mpl.rcParams[key]


def _bars(ax, ctx, labels, values, colour, horizontal=False, texts=None, qualifiers=None, decimals=None,
          ids=None, months=None, scale=1):
    """Plain bars with their values printed on them; returns the values drawn. ``ids`` gives each bar's
    row id(s) in ``data/``, ``months`` each bar's months where the bars are rates per month."""
    values = [float(v) for v in values]
    qualifiers = qualifiers or [""] * len(values)
    looks = [hedges.hedge_of(q, ctx.fid) for q in qualifiers]
    colour = ctx.fill(colour)
    if texts is None:
        texts = [_qual(ctx, q) + ctx.n(v, decimals) for v, q in zip(values, qualifiers)]
    ids = list(ids) if ids is not None else [()] * len(values)
    months = list(months) if months is not None else [None] * len(values)
    for lab, v, text, i, m, q, look in zip(labels, values, texts, ids, months, qualifiers, looks):
        ctx.mark(ax, lab, v, i, hedges.drawn_as("horizontal bar" if horizontal else "bar", look), label=text, months=m,
                 scale=scale, qualifier=_qual(ctx, q))
    pos = list(range(len(values)))
    if horizontal:
        labels = [_fit(ctx, x, ctx.sz.width * 0.36) for x in labels]
        lines = sum(max(1, lab.count("\n") + 1) for lab in labels)
        pitch = ctx.small * 1.3 / 72  # inches per line of label
        need = (lines * pitch * 1.1 + len(values) * 0.6 * pitch) + 4.2 * ctx.sz.body / 72
        if len(ax.figure.axes) == 1:
            ax.figure.set_figheight(round(max(need, ax.figure.get_figheight() * 0.5), 3))
        bars = ax.barh(pos, values, color=colour, height=0.7)
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, max(values + [1]) * 1.2)
    else:
        spec = ax.get_subplotspec()
        panels = spec.get_gridspec().ncols if spec is not None else 1
        per_bar = ctx.sz.width * 0.78 / panels / max(len(values), 1)  # the axes are narrower than the figure
        ax._mc_categories = list(labels)
        labels = [_fit(ctx, x, per_bar * 0.92) for x in labels]
        bars = ax.bar(pos, values, color=colour, width=0.7)
        ax.set_xticks(pos, labels)
        ax.grid(axis="x", visible=False)
        ax.set_ylim(0, max(values + [1]) * 1.18)
    for bar, look in zip(bars, looks):
        hedges.draw_bar(ax, bar, look, ctx.sz.line, horizontal)
    _annotate(ax, bars, texts, horizontal, ctx.small, offsets=[hedges.label_offset(look) for look in looks])
    _zero_marks(ax, ctx, bars, horizontal)
    _count_ticks(ax, values, horizontal)
    return values


def _zero_marks(ax, ctx, bars, horizontal=False):
    """A stated zero is drawn as its value label, a "0" on the baseline (written by :func:`_annotate`), and no
    stub: a stub of a bar's colour reads as a small value (issue 14, item 8). Kept as the one place that says so."""
    return None


def _unknown_mark(ax, ctx, x, width):
    """An unknown (a figure the sources do not state and that no complete breakdown implies) drawn as
    unknown: a short hatched bar in the neutral look of ``style.UNKNOWN``, labelled 'not stated'."""
    from matplotlib.patches import Rectangle

    height = ax.get_ylim()[1] * 0.08
    ctx.fill("unknown")
    ax.add_patch(Rectangle((x - width / 2, 0), width, height, gid="unknown", **style.UNKNOWN, lw=0.5 * ctx.sz.line))
    ax.annotate(ctx.t("word.unknown"), (x, height), xytext=(0, 1.5), textcoords="offset points", va="bottom",
                ha="center", rotation=90, fontsize=ctx.small, color=style.TEXT_MUTED)


def _count_ticks(ax, values, horizontal=False):
    """Whole-number ticks on the value axis when every value drawn is whole (counts): no '2.5 children'."""
    from matplotlib.ticker import MaxNLocator

    if all(float(v).is_integer() for v in values if v is not None):
        (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(nbins="auto", integer=True))


def _grouped(ax, ctx, groups, series, colours, texts=None, ids=None, months=None, zero_from=None):
    """Side-by-side bars: ``series`` is {name: [value per group]}; a zero gets a mark on the baseline,
    None (not stated) the hatched 'not stated' look. ``ids`` and ``months`` are lists like ``series``'
    values: each bar's row id(s) in ``data/`` and, for rates, its months; ``zero_from`` likewise, for a
    zero that follows from a stated total and its complete list."""
    k = len(series)
    width = 0.8 / k
    colours = ctx.fill(list(colours), "colours")
    drawn, unknown = [], []
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (k - 1) / 2) * width for g in range(len(groups))]
        keep = [(x, v) for x, v in zip(xs, values) if v is not None]
        unknown += [x for x, v in zip(xs, values) if v is None]
        bars = ax.bar([x for x, _ in keep], [v for _, v in keep], width=width * 0.95, color=colours[i], label=name)
        labels = [ctx.n(v) for _, v in keep] if texts is None else texts[i]
        row_ids = ids[i] if ids is not None else [()] * len(values)
        rates = months[i] if months is not None else [None] * len(values)
        zeros = zero_from[i] if zero_from is not None else [()] * len(values)
        shown = [(g, v, r, m, z) for g, v, r, m, z in zip(groups, values, row_ids, rates, zeros) if v is not None]
        for (g, v, r, m, z), text in zip(shown, labels):
            ctx.mark(ax, g, v, r, "bar", series=name, label=text, months=m, zero_from=tuple(z or ()))
        bar_pt = ctx.sz.width * 0.85 / max(len(groups), 1) * 0.8 / k * 72
        upright = max((text_width(x, ctx.small) for x in labels), default=0) > bar_pt * 1.1
        _annotate(ax, bars, labels, False, ctx.small, rotation=90 if upright else 0)
        _zero_marks(ax, ctx, bars)
        drawn += [float(v) for _, v in keep]
    per_group = ctx.sz.width * 0.78 / max(len(groups), 1)
    ax._mc_categories = list(groups)
    ax.set_xticks(range(len(groups)), [_fit(ctx, g, per_group * 0.92) for g in groups])
    ax.grid(axis="x", visible=False)
    top = max([v for vals in series.values() for v in vals if v is not None] + [1])
    ax.set_ylim(0, top * 1.18)
    for x in unknown:
        _unknown_mark(ax, ctx, x, width * 0.95)
    _count_ticks(ax, drawn)
    _legend(ax, k, ctx.small)
    return drawn


def _legend(ax, n, fontsize=None):
    """Legend above the plot, outside the axes, so that it never covers a bar; the layout engine
    makes room for it. Entries go in as many columns as fit the width."""
    fig = ax.figure
    handles, labels = ax.get_legend_handles_labels()
    width_pt = fig.get_figwidth() * 72 * 0.95
    size = fontsize or plt_rc("legend.fontsize")
    longest = max((len(lab) for lab in labels), default=1) * 0.5 * size + 2.5 * size
    ncols = max(1, min(n, int(width_pt // longest), 3))
    ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=ncols, fontsize=size,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)


_MEASURE = {}
LAYOUT_DPI = 300
"""Texts are measured and laid out at print resolution: at screen resolution, hinting makes small
text narrower than it prints, and a layout made there would clip labels in the files."""


def text_width(text, size, weight="normal"):
    """Width in points of one line of ``text`` in the house font at ``size`` points."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = _MEASURE.setdefault("renderer", RendererAgg(10, 10, LAYOUT_DPI))
    prop = FontProperties(family=plt_rc("font.sans-serif"), size=size, weight=weight)
    w, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
    return w * 72 / LAYOUT_DPI


def wrap_to_width(text, size, width_pt, weight="normal", balance=False):
    """Lines of ``text`` no wider than ``width_pt`` points, broken at ordinary spaces only, and not where a
    line must not break (:func:`mali_caac.typeset.keep_together`: a date, a number and its unit, a short name
    in parentheses, before a punctuation mark). ``balance``: as many lines, of even length (no lone last word)."""
    from ..typeset import KEEP, keep_together, unkeep

    def greedy(para, width):
        out, line = [], ""
        words = []
        for word in para.split(" "):  # a kept group wider than the line may still break, rather than overlap
            too_wide = KEEP in word and text_width(unkeep(word), size, weight) > width
            words += word.split(KEEP) if too_wide else [word]
        for word in words:
            trial = f"{line} {word}" if line else word
            if line and text_width(unkeep(trial), size, weight) > width:
                out.append(line)
                line = word
            else:
                line = trial
        return out + [line]

    lines = []
    for para in str(text).split("\n"):
        para = keep_together(para)
        found = greedy(para, width_pt)
        if balance and len(found) > 1:
            low, high = max(text_width(unkeep(w), size, weight) for w in para.split(" ")), width_pt
            while high - low > 1:  # the narrowest width that needs no more lines
                mid = (low + high) / 2
                if len(greedy(para, mid)) <= len(found):
                    high = mid
                else:
                    low = mid
            found = greedy(para, high)
        lines += [unkeep(line) for line in found]
    return lines


LINE_SPACING = 1.2


def _panel_letters(fig, ctx):
    """a, b ... on every panel of a multi-panel figure, before the panel's own title."""
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>" and ax.has_data()]
    if len(panels) < 2:
        return
    from matplotlib.transforms import ScaledTranslation

    for letter, ax in zip("abcdefghijklmnop", panels):
        ax._mc_letter = letter  # the panel of the marks drawn on it (figure data and alt text)
        legend = ax.get_legend()
        if legend is not None and not ax.get_title(loc="left"):  # the key goes on the letter's line, after it
            shift = ScaledTranslation(2.2 * ctx.sz.body / 72, 0, fig.dpi_scale_trans)
            legend.set_bbox_to_anchor((0, 1.0), transform=ax.transAxes + shift)
        title = ax.get_title(loc="left")
        ax.set_title(f"{letter}   {title}" if title else letter, loc="left", fontweight="bold",
                     fontsize=ax._left_title.get_fontsize() if title else ctx.sz.body)


def _number_ticks(fig, ctx):
    """Ticks of value axes written as the language writes numbers ('10,000' / '10 000', '2.5' / '2,5'), as the
    labels on the bars are; an axis of years (marked ``_mc_years``) keeps its digits ungrouped."""
    from matplotlib.ticker import ScalarFormatter

    from ..i18n import tick_formatter

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter and not getattr(axis, "_mc_years", False):
                axis.set_major_formatter(tick_formatter(ctx.lang))


def _wrap_axis_labels(fig, ctx):
    """Axis labels wrapped to the length of their axis, so that none runs off the figure."""
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is None:
            continue
        grid = spec.get_gridspec()
        if ax.get_xlabel():
            ax.set_xlabel(_wrap_pt(ax.get_xlabel(), ctx.sz.body, fig.get_figwidth() / grid.ncols * 0.8))
        if ax.get_ylabel():
            ax.set_ylabel(_wrap_pt(ax.get_ylabel(), ctx.sz.body, fig.get_figheight() / grid.nrows * 0.85))


def _wrap_pt(text, size, width_in):
    return "\n".join(line for part in str(text).split("\n") for line in wrap_to_width(part, size, width_in * 72))


def _finish(fig, ctx, fid, rows, note=None, key=None):
    """Title above, source line (and note) below, placed by measuring them; the plot area between
    them is laid out by matplotlib's constrained layout. Heights follow the content."""
    if len(rows) == 0:
        raise ValueError(f"figure {fid!r} draws no rows of data/: refusing to draw an empty figure")
    sz = ctx.sz
    source = cite_rows(rows, lang=ctx.lang, for_print=True)
    _number_ticks(fig, ctx)
    _panel_letters(fig, ctx)
    _wrap_axis_labels(fig, ctx)
    width = fig.get_figwidth()
    pad = 0.6 * sz.body / 72
    usable = (width - 2 * pad) * 72 * 0.98
    title, subtitle, footer = [], [], []
    if not ctx.bare:
        title = wrap_to_width(ctx.text(fid, "title", rows), sz.title, usable, "bold")
        if draws_verified_counts(rows):
            subtitle = wrap_to_width(ctx.t("word.verified_subtitle"), sz.small, usable)
        footer = wrap_to_width(source, sz.small, usable)
        if note:
            footer += wrap_to_width(note, sz.small, usable)
    title_h = len(title) * sz.title * LINE_SPACING / 72
    subtitle_h = (0.25 * pad + len(subtitle) * sz.small * LINE_SPACING / 72) if subtitle else 0.0
    header_h = (pad + title_h + subtitle_h + 0.5 * pad) if title else 0.5 * pad
    footer_h = (0.5 * pad + len(footer) * sz.small * LINE_SPACING / 72 + pad) if footer else 0.5 * pad
    legend, key_h = None, 0.0
    key = _with_hedge_key(fig, ctx, key)
    if key:  # a key (legend) of the whole figure, in the footer above the source line
        legend = fig.legend(**key, loc="lower left", frameon=False, fontsize=sz.small, title_fontsize=sz.small,
                            alignment="left", borderaxespad=0, borderpad=0)
        legend.set_in_layout(False)
        key_h = legend.get_window_extent(fig.canvas.get_renderer()).height / fig.dpi + 0.25 * pad
    plot_h = fig.get_figheight()
    height = min(header_h + plot_h + footer_h + key_h, sz.max_height)
    plot_h = height - header_h - footer_h - key_h
    fig.set_figheight(round(height, 3))
    if title:
        fig.text(pad / width, 1 - pad / height, "\n".join(title), ha="left", va="top", fontsize=sz.title,
                 fontweight="bold", linespacing=LINE_SPACING)
    if subtitle:
        fig.text(pad / width, 1 - (pad + title_h + 0.25 * pad) / height, "\n".join(subtitle), ha="left", va="top",
                 fontsize=sz.small, color=style.TEXT_MUTED, linespacing=LINE_SPACING)
    if footer:
        fig.text(pad / width, pad / height, "\n".join(footer), ha="left", va="bottom", fontsize=sz.small,
                 color=style.TEXT_MUTED, linespacing=LINE_SPACING)
    if legend is not None:
        legend.set_bbox_to_anchor((pad / width, (footer_h - 0.25 * pad) / height), transform=fig.transFigure)
    fig.get_layout_engine().set(rect=(0, (footer_h + key_h) / height, 1, plot_h / height), w_pad=pad / 2, h_pad=pad / 2,
                                hspace=0.08, wspace=0.06)
    _refit_categories(fig, ctx)
    fig.draw_without_rendering()  # lays out and measures as a draw does, without painting pixels nobody sees
    fig.set_layout_engine("none")  # freeze the layout: every format, at any dpi, draws the same geometry
    return source


def _with_hedge_key(fig, ctx, key):
    """The figure's key with an entry for each hedge look drawn (:func:`hedges.key_entries`) added after its own."""
    handles, labels, handler_map = hedges.key_entries(fig, ctx)
    if not handles:
        return key
    if not key:
        return dict(handles=handles, labels=labels, handler_map=handler_map, ncols=1)
    key = dict(key)
    own = list(key.get("handles", []))
    own_labels = list(key.get("labels", [h.get_label() for h in own]))
    key.update(handles=own + handles, labels=own_labels + labels, handler_map={**key.get("handler_map", {}), **handler_map})
    return key


def _refit_categories(fig, ctx):
    """Once laid out, wrap each category label to the width of its own slot on the axis, and each
    axis label to the length of its axis, so that neighbouring labels, the first label and the y-axis
    labels never meet and no axis label runs off the figure."""
    fig.draw_without_rendering()
    for ax in fig.axes:
        box = ax.get_window_extent()
        if ax.get_xlabel():
            ax.set_xlabel(_wrap_pt(ax.get_xlabel().replace("\n", " "), ctx.sz.body, box.width / fig.dpi * 0.98))
        if ax.get_ylabel():
            ax.set_ylabel(_wrap_pt(ax.get_ylabel().replace("\n", " "), ctx.sz.body, box.height / fig.dpi * 0.98))
        title = ax.get_title(loc="left")
        if title:  # a panel title no wider than its panel (maps keep their aspect and are narrower than their slot)
            ax.set_title(_wrap_pt(title.replace("\n", " "), ax._left_title.get_fontsize(), box.width / fig.dpi * 0.98),
                         loc="left", fontweight="bold", fontsize=ax._left_title.get_fontsize())
        labels = getattr(ax, "_mc_categories", None)
        if not labels:
            continue
        lo, hi = ax.get_xlim()
        lo, hi = min(lo, -0.55), max(hi, len(labels) - 0.45)  # every category has its slot, drawn or not
        ax.set_xlim(lo, hi)
        slot = box.width / fig.dpi * (1 / (hi - lo))  # inches per unit of x
        ax.set_xticks(range(len(labels)), [_fit(ctx, x, slot * 0.9) for x in labels])


def _implied(table, unit, **dims):
    """The figure the sources state for ``dims`` (others 'all'), or the one a complete breakdown they
    state implies (0 for a code a complete list leaves out), as a :class:`mali_caac.reconcile.Derived`
    with the rows it follows from; None when neither: unknown."""
    from ..domain import ROOT
    from ..reconcile import figure_tables

    fig = figure_tables()[table]
    return fig.derive({d: str(dims.get(d, ROOT)) for d in fig.dims}, unit)


def _gv_breakdown(dimension, violation, **fixed):
    return aggregate.breakdown("grave_violations", dimension, violation=violation, **fixed)


def _rate_axis(unit_axis):
    """The key of a rate axis that names its unit ('axis.children' -> 'axis.children_per_month')."""
    from ..i18n import TEXT

    key = f"{unit_axis}_per_month"
    if key not in TEXT:
        raise ValueError(f"no rate axis {key!r}: a rate per month must name its unit (add it to mali_caac/i18n.py)")
    return key


def _period_figure(ctx, fid, parts, colour, unit_axis, note_key="word.different_lengths", rate_axis="axis.per_month"):
    """Counts by period beside rates per month: periods of different length. ``unit_axis`` and
    ``rate_axis`` name what is counted (verified violations by default)."""
    parts = aggregate.per_month(parts.sort_values("period"))
    fig, (a1, a2) = _new(ctx, 0.5, ncols=2)
    labels = [label("period", p, ctx.lang) for p in parts["period"]]
    drawn = _bars(a1, ctx, labels, parts["value"], colour, ids=parts["row_id"])
    a1.set_ylabel(ctx.t(unit_axis))
    drawn += _bars(a2, ctx, labels, parts["per_month"], colour, decimals=1, ids=parts["row_id"], months=parts["months"])
    a2.set_ylabel(ctx.t(rate_axis))
    for ax in (a1, a2):
        ax.tick_params(axis="x", labelsize="small")
    rows = _prov(parts, parts.attrs.get("dataset") or "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t(note_key))
    return fig, rows, drawn


def _hbar_rows(ctx, fid, frame, labels, colour, axis_key, table, ratio=None, ytick=None):
    """Horizontal bars, one per row of ``frame`` (its values and qualifiers), titled and sourced."""
    fig, ax = _new(ctx, ratio or max(0.35, 0.06 * len(frame) + 0.15))
    drawn = _bars(ax, ctx, labels, frame["value"], colour, horizontal=True,
                  qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"])
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


def _dot_table(ctx, groups, colour, axis_label):
    """A dot table: the rows of each group (a monitor, a period) under the group's heading, one row per
    measure with a dot at its value and the value written beside it, on one scale. Groups are not
    ranked against each other. ``groups`` is [(heading, [(label, value, text, row ids[, scale]), ...]), ...];
    returns the figure and the values drawn, group by group (headings are texts with gid 'group')."""
    sz = ctx.sz
    colour = ctx.fill(colour)
    print_size = ctx.size in ("column", "onehalf", "double")
    size = sz.small if print_size else 0.8 * sz.small  # a slide holds fewer lines: text still at 12.8 pt or more
    label_width = sz.width * (0.42 if ctx.size == "column" else 0.36 if print_size else 0.55)
    plot_width = sz.width * 0.95 - label_width
    labelled = [(title, _wrap_pt(title, size, plot_width),
                 [(lab, _wrap_pt(lab, size, label_width), float(v), tx, *more) for lab, v, tx, *more in rows])
                for title, rows in groups]
    y, ticks, drawn = 0.0, [], []  # y in lines of text, downwards
    fig, ax = _new(ctx, 0.3)
    pitch = size * 1.35 / 72  # inches per line of text
    for heading, title, rows in labelled:
        head = title.count("\n") + 1
        if drawn:
            ax.axhline(y - 0.2, color=style.NEUTRAL, lw=sz.line * 0.5, zorder=0)
        ax.annotate(title, (0, y + head / 2), xytext=(0.4 * size, 0), textcoords="offset points",
                    fontsize=size, fontweight="bold", va="center", ha="left", gid="group")
        y += head + 0.3
        for name, lab, v, text, ids, *more in rows:
            look = hedges.hedge_of(more[1] if len(more) > 1 else "", ctx.fid)
            ctx.mark(ax, name, v, ids, hedges.drawn_as("point", look), series=heading, label=text,
                     scale=more[0] if more else 1, qualifier=_qual(ctx, more[1]) if len(more) > 1 else "")
            n = lab.count("\n") + 1
            row = y + (n + 0.5) / 2
            ax.hlines(row, 0, v, color=colour, lw=sz.line * 1.5)
            ax.scatter([v], [row], color=[hedges.point_face(colour, look)], edgecolors=colour, s=(size * 0.6) ** 2, zorder=3)
            hedges.draw_point(ax, (v, row), look, colour, sz.line)
            ax.annotate(text, (v, row), xytext=(0.6 * size + hedges.label_offset(look), 0), textcoords="offset points",
                        va="center", ha="left", fontsize=size)
            ticks.append((row, lab))
            drawn.append(v)
            y += n + 0.5
        y += 0.4
    ax.set_yticks([t for t, _ in ticks], [lab for _, lab in ticks])
    ax.set_ylim(y, -0.2)
    ax.tick_params(axis="y", length=0, labelsize=size)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, max(drawn) * 1.3)
    ax.set_xlabel(axis_label)
    fig.set_figheight(round((y + 0.2) * pitch + 3.5 * sz.body / 72, 3))
    return fig, drawn


C = style.VIOLATION_COLOURS


# ----------------------------------------------------------------------------- chart drawings (recipes: recruitment, killing)
def _summed_hbars(ctx, fid, groups, parts, vocabulary, colour, unit_axis, ratio=0.75):
    """Horizontal bars of sums (``group``, ``value``, ``row_ids``), largest first, citing the rows summed."""
    groups = groups.sort_values("value", ascending=False, kind="stable")
    labels = [label(vocabulary, g, ctx.lang) for g in groups["group"]]
    fig, ax = _new(ctx, ratio)
    drawn = _bars(ax, ctx, labels, groups["value"], colour, horizontal=True, ids=groups["row_ids"])
    ax.set_xlabel(ctx.t(unit_axis))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(parts, parts.attrs.get("dataset"))
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _panel_label(by, code, lang):
    """A category label under a bar panel: calendar years as printed; long labels are wrapped in balanced
    lines where they are drawn (no lone first word: « Remis / aux acteurs ... »)."""
    if by == "year":
        return str(code)
    return label(by, code, lang)


def _bar_panels(ctx, fid, panels, colour, unit_axis, ratio=0.4):
    """Vertical bars side by side, one panel per ``(table, by)``; a panel whose labels break gets smaller ones."""
    fig, axes = _new(ctx, ratio, ncols=len(panels))
    drawn, rows = [], []
    for ax, (table, by) in zip(axes, panels):
        labels = [_panel_label(by, c, ctx.lang) for c in table[by]]
        drawn += _bars(ax, ctx, labels, table["value"], colour, ids=table["row_id"])
        if any("\n" in tick.get_text() for tick in ax.get_xticklabels()):
            ax.tick_params(axis="x", labelsize=ctx.small)
        rows.append(_prov(table, table.attrs.get("dataset")))
    axes[0].set_ylabel(ctx.t(unit_axis))
    rows = _concat(*rows)
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _period_grouped(ctx, fid, series, vocabulary, colours, unit_axis):
    """Side-by-side bars of several series by period (a) and per month (b), one key under both panels."""
    parts = [aggregate.per_month(s.sort_values("period")) for s in series.values()]
    groups = [label("period", p, ctx.lang) for p in parts[0]["period"]]
    names = [ctx.t(f"word.{code}") if vocabulary == "word" else label(vocabulary, code, ctx.lang) for code in series]
    fig, (a1, a2) = _new(ctx, 0.44, ncols=2)
    ids = [p["row_id"] for p in parts]
    drawn = _grouped(a1, ctx, groups, dict(zip(names, [list(p["value"]) for p in parts])), colours, ids=ids)
    a1.set_ylabel(ctx.t(unit_axis))
    drawn += _grouped(a2, ctx, groups, dict(zip(names, [list(p["per_month"]) for p in parts])), colours,
                      texts=[[ctx.n(v, 1) for v in p["per_month"]] for p in parts],
                      ids=ids, months=[p["months"] for p in parts])
    a2.set_ylabel(ctx.t(_rate_axis(unit_axis)))
    handles, _ = a1.get_legend_handles_labels()
    for ax in (a1, a2):  # one key for both panels, under them
        ax.get_legend().remove()
        ax.tick_params(axis="x", labelsize=ctx.small)
    rows = _concat(*[_prov(p, p.attrs.get("dataset") or "grave_violations") for p in parts])
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"), key=dict(handles=handles, labels=names, ncols=1))
    return fig, rows, drawn


# ----------------------------------------------------------------------------- beyond the five documents
# ----------------------------------------------------------------------------- chart helpers: attacks, abduction and denial, reintegration
MARKERS = ("o", "s", "D", "^", "v")
"""The markers that tell the sources of a figure's points apart, in the order of their first dates."""


def _implied_part(parts, dimension, code):
    """What the sources state or imply for ``code`` of ``dimension`` among the parts of ``parts``'
    stated total (see :func:`_implied`); None when there is no stated total or nothing determines it."""
    from ..reconcile import figure_tables

    total = parts.attrs.get("total")
    if total is None:
        return None
    dims = {d: str(total[d]) for d in figure_tables()[parts.attrs["dataset"]].dims if d in total}
    dims[dimension] = code
    return _implied(parts.attrs["dataset"], str(total["unit"]), **dims)


def _total_row(parts):
    """The stated total that ``parts`` (a breakdown) break down, as a one-row frame."""
    from ..loader import load

    frame = load(parts.attrs["dataset"])
    return frame[frame["row_id"] == parts.attrs["total"]["row_id"]]


def _grouped_implied_figure(ctx, fid, series, by, colours, unit_axis, ratio):
    """Grouped bars of several breakdowns along ``by``; a code a series leaves out is drawn as the
    sources imply it (0 from a complete list, whose total is then cited; else hatched, unknown)."""
    codes = list(dict.fromkeys(c for t in series.values() for c in t[by].astype(str)))
    values, ids, zeros = [], [], []
    for t in series.values():  # a code a complete list leaves out is 0; one no list determines is unknown (None)
        found = [_implied_part(t, by, c) for c in codes]
        values.append([None if d is None else float(d.value) for d in found])
        ids.append([() if d is None else d.summed for d in found])
        zeros.append([() if d is None else d.zero_from for d in found])
    fig, ax = _new(ctx, ratio)
    drawn = _grouped(ax, ctx, [label(by, c, ctx.lang) for c in codes],
                     dict(zip([ctx.t(f"word.{k}") for k in series], values)), colours, ids=ids, zero_from=zeros)
    ax.set_ylabel(ctx.t(unit_axis))
    totals = [t for t in series.values() if len(t) < len(codes) and t.attrs.get("total")]  # the totals that imply zeros
    rows = _concat(*[_prov(t) for t in series.values()], *[_prov(_total_row(t)) for t in totals])
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _dated_points_figure(ctx, fid, table, source_colours, unit_axis):
    """A point per row at the middle of its month, with its month and value written above it; one
    colour and marker per source, named in the legend; a date axis in the figure's language."""
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.ticker import FuncFormatter

    from ..i18n import date_label, tick_formatter
    from ..loader import load

    source_colours = {sid: ctx.fill(role, "colours") for sid, role in source_colours.items()}
    pts = table.copy()
    pts["date"] = pd.to_datetime(pts["as_of"] + "-15")  # a month: drawn in its middle
    pts = pts.sort_values("date")
    fig, ax = _new(ctx, 0.45)
    names = load("sources").set_index("source_id")["short_name" if ctx.lang == "en" else "short_name_fr"]
    for (sid, grp), marker in zip(pts.groupby("source_id", sort=False), MARKERS):
        ax.plot(grp["date"], grp["value"], marker=marker, linestyle="none", color=source_colours[sid],
                markersize=8, label=names.loc[sid])
        for r in grp.to_dict("records"):
            ctx.mark(ax, r["as_of"], r["value"], r["row_id"], "point", series=names.loc[sid], label=ctx.n(r["value"]))
    for _, r in pts.iterrows():  # each point with its month and its number
        ax.annotate(f"{date_label(r['as_of'], ctx.lang)}\n{ctx.n(r['value'])}", (r["date"], r["value"]), xytext=(0, 7),
                    textcoords="offset points", ha="center", va="bottom", fontsize=ctx.small, linespacing=1.1)
    ax.set_ylim(0, pts["value"].max() * 1.45)
    ax.set_ylabel(ctx.t(unit_axis))
    # a date axis: a tick at each January (and July, where there is room), in the figure's language (Babel)
    first, last = pts["date"].min(), pts["date"].max()
    ax.set_xlim(first - pd.DateOffset(months=3), last + pd.DateOffset(months=3))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1,) if ctx.size == "column" else (1, 7)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, pos=None: date_label(mdates.num2date(x), ctx.lang)))
    ax.yaxis.set_major_formatter(tick_formatter(ctx.lang))
    _count_ticks(ax, pts["value"])
    _legend(ax, len(source_colours))
    rows = _prov(pts)
    _finish(fig, ctx, fid, rows)
    return fig, rows, [float(v) for v in pts["value"]]


def _region_period_figure(ctx, fid, by_region, by_period, colour, unit_axis):
    """Where and when: the count by region (a), by period (b) and per month (c)."""
    reg = by_region.sort_values("value", ascending=False, kind="stable")
    per = aggregate.per_month(by_period.sort_values("period"))
    # the regions on the left, the periods in counts over the periods per month on the right, so that
    # the period labels have half the width each (one column at column size)
    fig, axes = _new(ctx, 0.45 if ctx.size == "column" else 0.62, ncols=3)
    for ax in axes:
        ax.remove()
    layout = [["a"], ["b"], ["c"]] if ctx.size == "column" else [["a", "b"], ["a", "c"]]
    panels = fig.subplot_mosaic(layout)
    a1, a2, a3 = panels["a"], panels["b"], panels["c"]
    drawn = _bars(a1, ctx, [label("region", r, ctx.lang) for r in reg["region"]], reg["value"], colour, horizontal=True,
                  ids=reg["row_id"])
    a1.set_xlabel(ctx.t(unit_axis))
    periods = [label("period", p, ctx.lang) for p in per["period"]]
    drawn += _bars(a2, ctx, periods, per["value"], colour, ids=per["row_id"])
    a2.set_ylabel(ctx.t(unit_axis))
    drawn += _bars(a3, ctx, periods, per["per_month"], colour, decimals=1, ids=per["row_id"], months=per["months"])
    a3.set_ylabel(ctx.t(_rate_axis(unit_axis)))
    for ax in (a2, a3):
        ax.tick_params(axis="x", labelsize=ctx.small)
    rows = _concat(_prov(reg), _prov(per))
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


def months_between(start, end):
    """Whole months from the first day of ``start`` to the last day of ``end`` (dates or ISO text)."""
    import pandas as pd

    a, b = pd.Timestamp(start), pd.Timestamp(end)
    return (b.year - a.year) * 12 + (b.month - a.month) + 1



# ----------------------------------------------------------------------------- charts of the overview, US assistance and civilian harm
def _dots(ctx, fid, frame, labels, colour, axis_key, table, ratio=0.4):
    """One dot per row of ``frame`` on a line from zero, its value (with qualifier) beside it, in frame order."""
    fig, ax = _new(ctx, ratio)
    colour = ctx.fill(colour)
    y = list(range(len(frame)))
    ax.hlines(y, 0, frame["value"], color=colour, lw=1)
    quals = frame["qualifier"].astype(str)
    looks = [hedges.hedge_of(q, ctx.fid) for q in quals]
    ax.scatter(frame["value"], y, color=[hedges.point_face(colour, k) for k in looks], edgecolors=colour, s=70, zorder=3)
    for yy, v, q, look in zip(y, frame["value"], quals, looks):
        hedges.draw_point(ax, (v, yy), look, colour, ctx.sz.line)
        ax.annotate(_qual(ctx, q) + ctx.n(v), (v, yy), xytext=(8 + hedges.label_offset(look), 0), textcoords="offset points",
                    va="center", fontsize=ctx.small)
    for lab, v, q, i, look in zip(labels, frame["value"], quals, frame["row_id"], looks):
        ctx.mark(ax, lab, v, i, hedges.drawn_as("point", look), qualifier=_qual(ctx, q), label=_qual(ctx, q) + ctx.n(v))
    ax.set_yticks(y, [_fit(ctx, lab, ctx.sz.width * 0.36) for lab in labels])
    ax.invert_yaxis()
    ax.set_xlim(0, frame["value"].max() * 1.35)
    ax.set_xlabel(ctx.t(axis_key))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(frame, table)
    _finish(fig, ctx, fid, rows)
    return fig, rows, [float(v) for v in frame["value"]]


def _monitor_counts(ctx, fid, frame):
    """Civilian-harm counts as a dot table, one group per monitor in the order of ``MONITORS``."""
    import pandas as pd

    from .civilian_harm import MONITORS, harm_period

    unknown = sorted(set(frame["reported_by"].astype(str)) - set(MONITORS))
    if unknown:
        raise ValueError(f"{fid}: no panel for the monitor(s) {unknown}; add them to MONITORS")
    groups, frames = [], []
    for monitor in MONITORS:
        grp = frame[frame["reported_by"].astype(str) == monitor]
        if not len(grp):
            continue
        rows = []
        for r in grp.to_dict("records"):
            what = f"{ctx.t('harm.' + r['row_id'])} · {harm_period(r, ctx.lang)} · {ctx.t('unit.' + r['unit'])}"
            rows.append((what, r["value"], _qual(ctx, r["qualifier"]) + ctx.n(r["value"]), r["row_id"], 1, r["qualifier"]))
        groups.append((ctx.t(f"monitor.{monitor}"), rows))
        frames.append(grp)
    fig, drawn = _dot_table(ctx, groups, "context", ctx.t("axis.reported_people_or_cases"))
    rows = _prov(pd.concat(frames), "civilian_harm")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _usd_bars(ctx, fid, frame, labels, colour, ratio):
    """Horizontal bars of US dollar amounts, drawn in millions, each printed as the source prints it."""
    from ..i18n import money

    fig, ax = _new(ctx, ratio)
    drawn_m = _bars(ax, ctx, labels, frame["value"] / 1e6, colour, horizontal=True,
                    texts=[_qual(ctx, q) + money(v, ctx.lang) for v, q in zip(frame["value"], frame["qualifier"].astype(str))],
                    qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"], scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(frame, "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn_m


def _amounts_by_period(ctx, fid, frame):
    """US amounts as a dot table, one group per period as the factsheet words it, with its sections."""
    from ..citation import locator_text
    from ..i18n import money
    from .us_assistance import PRINTED_PERIOD, printed_period

    keep = frame.copy()
    keep["printed_period"] = [printed_period(r, ctx.lang) for r in keep.to_dict("records")]
    keep["kind"] = [PRINTED_PERIOD.get(i, "between") for i in keep["row_id"]]
    keep = keep.sort_values(["kind", "value"], key=lambda c: c.map({"between": 0, "past_years": 1, "since": 2})
                            if c.name == "kind" else -c, kind="stable")
    groups, frames = [], []
    for period, grp in keep.groupby("printed_period", sort=False):
        sections = ", ".join(dict.fromkeys(locator_text(loc, ctx.lang).split(" > ")[0] for loc in grp["locator"]))
        title = f"{period} · {ctx.t('word.factsheet')}, {sections}"
        groups.append((title, [(ctx.t(f"measure.{m}"), v / 1e6, _qual(ctx, q) + money(v, ctx.lang), i, 10 ** 6, q)
                               for m, v, q, i in zip(grp["measure"], grp["value"], grp["qualifier"].astype(str), grp["row_id"])]))
        frames.append(grp)
    fig, drawn = _dot_table(ctx, groups, "context", ctx.t("axis.usd_millions"))
    rows = _prov(_concat(*frames), "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _provider_role(provider, highlight):
    """A provider's colour role: its own where the registry has one (the US, the EU's mission), else context."""
    from .. import colours

    role = colours.ALIASES.get(f"provider.{provider}", f"provider.{provider}")
    return role if role in colours.ROLES else "context"


def _provider_bars(ctx, fid, frame, highlight, axis_key):
    """Horizontal bars labelled with provider and period; ``highlight``'s in the accent colour."""
    def period(r):
        a, b = r["period_start"], r["period_end"]
        if b is not None and b == b:
            return f"{int(a)}\u2013{int(b)}"  # a range of years: en dash
        return f"{ctx.t('word.since')} {int(a)}"
    labels = [f"{ctx.t('provider.' + p)}, {period(r)}" for p, r in zip(frame["provider"], frame.to_dict("records"))]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, frame["value"], [_provider_role(p, highlight) for p in frame["provider"]], horizontal=True,
                  qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"])
    ax.set_xlabel(ctx.t(axis_key))
    rows = _prov(frame, frame.attrs.get("dataset") or "military_training")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _ranks(ctx, fid, frame, by, prefix, highlight):
    """Dots at the positions of a stated order, ``highlight``'s in the accent colour; the caption may
    say ``{highlight_rank}`` (its position) and ``{ranked}`` (how many are ranked)."""
    ctx.facts.update(highlight_rank=int(frame.loc[frame[by] == highlight, "rank"].iloc[0]), ranked=len(frame))
    fig, ax = _new(ctx, 0.42)
    y = list(range(len(frame)))
    colours = ctx.fill([_provider_role(s, highlight) if s == highlight else "context" for s in frame[by]])
    ax.scatter([int(r) for r in frame["rank"]], y, color=colours, s=60, zorder=3)
    ax.set_yticks(y, [ctx.t(f"{prefix}.{s}") for s in frame[by]])
    for s, r, i in zip(frame[by], frame["rank"], frame["row_id"]):
        ctx.mark(ax, ctx.t(f"{prefix}.{s}"), r, i, "point", unit="rank")
    ax.invert_yaxis()
    ax.set_xticks(range(1, len(frame) + 1))
    ax.set_xlim(0.5, len(frame) + 0.5)
    ax.set_xlabel(ctx.t("axis.rank"))
    table = frame.attrs.get("dataset") or "arms_suppliers"
    rows = frame.assign(table=table, value=frame["rank"].astype(float), unit="rank", qualifier="exact")[PROV]
    _finish(fig, ctx, fid, rows)
    return fig, rows, [float(r) for r in frame["rank"]]


COUPS = ((2012.2, "coup.2012", "left"), (2020.6, "coup.2020", "right"), (2021.4, "coup.2021", "left"))
"""The coups in Mali as the factsheet (CHRHS-SAM-InterAction-2022) dates them, as fractional years, each with its
own label and its alignment (``ha``: "right" puts the label left of its line): March 2012 ("In March of the same year, a military coup"),
August 2020 ("control of the government on August 18, 2020") and the second, in 2021 ("after the second coup in
2021"; "between late 2020 and June 2021", so drawn before June); the label says only the year the source gives."""


def _constant_base_year(sel):
    """The fiscal year in which the constant and the current amounts of the file are equal for every series of
    ``sel`` (rows of ``us_aid_series`` in constant dollars): the base year of its constant dollars; None
    when the series do not agree on exactly one such year (the file itself does not state it)."""
    from ..loader import load

    every = load("us_aid_series")
    found = set()
    for ttype in sel["transaction_type"].astype(str).unique():
        rows = every[every["transaction_type"].astype(str) == ttype]
        current = dict(zip(rows.loc[rows["dollars"] == "current", "fiscal_year"], rows.loc[rows["dollars"] == "current", "value"]))
        constant = rows[rows["dollars"] == "constant"]
        found.add(tuple(y for y, v in zip(constant["fiscal_year"], constant["value"]) if current.get(y) == v))
    years = found.pop() if len(found) == 1 else ()
    return int(years[0]) if len(years) == 1 else None


def _aid_series(ctx, fid, sel):
    """Lines of yearly aid in millions, one per transaction type, incomplete years as open markers."""
    for ttype in ("obligations", "disbursements"):
        years = sel.loc[sel.transaction_type == ttype, "fiscal_year"].astype(int)
        ctx.facts[f"{ttype}_years"] = f"{years.min()}–{years.max()}"
    fig, ax = _new(ctx, 0.62)
    drawn, partial = [], set()
    styles = {"obligations": (ctx.fill("transaction.obligations"), "o"),
              "disbursements": (ctx.fill("transaction.disbursements"), "s")}
    for ttype, grp in sel.groupby("transaction_type", sort=False, observed=True):
        colour, marker = styles[str(ttype)]
        grp = grp.sort_values("fiscal_year")
        full = grp[grp["complete"]]
        part = grp[~grp["complete"]]
        ax.plot(full["fiscal_year"].astype(int), full["value"] / 1e6, color=colour, marker=marker, markersize=3,
                linewidth=1.2, label=ctx.t(f"aid.{ttype}"), gid="data")
        if len(part):
            ax.plot(part["fiscal_year"].astype(int), part["value"] / 1e6, linestyle="none", marker=marker, markersize=5,
                    markerfacecolor="white", color=colour, gid="data")
            partial.update(int(y) for y in part["fiscal_year"])
        drawn += [float(v) / 1e6 for v in grp["value"]]
        for r in grp.to_dict("records"):
            ctx.mark(ax, str(int(r["fiscal_year"])), r["value"] / 1e6, r["row_id"], "line" if r["complete"] else "point",
                     series=ctx.t(f"aid.{ttype}"), scale=10 ** 6)
    top = sel["value"].max() / 1e6
    ctx.fill("context")  # the coups' dashed lines: context
    for year, key, side in COUPS:
        ax.axvline(year, color=style.NEUTRAL, linewidth=0.8, linestyle="--")
        # beside its own line, on the side away from its neighbour, so that no line crosses it
        ax.annotate(ctx.t(key), (year, top * 1.08), xytext=((-0.3 if side == "right" else 0.3) * ctx.small, 0),
                    textcoords="offset points", rotation=90, fontsize=ctx.small, ha=side, va="top",
                    color=style.TEXT_MUTED, gid="coup_label")
    ax.set_ylim(0, top * 1.1)
    ax.set_xlabel(ctx.t("axis.fiscal_year"))
    ax.xaxis._mc_years = True  # 1961, not 1,961
    base = _constant_base_year(sel)
    ax.set_ylabel(ctx.t("axis.usd_millions_constant_of").format(year=base) if base else ctx.t("axis.usd_millions_constant"))
    if partial:  # the key explains the hollow markers too
        ax.plot([], [], linestyle="none", marker="o", markersize=5, markerfacecolor="white", color=style.TEXT,
                label=ctx.t("aid.partial_year").format(years=", ".join(str(y) for y in sorted(partial))))
    _legend(ax, 3)
    rows = _prov(sel, "us_aid_series")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _sectors_against_fae(ctx, fid, sectors, fae):
    """A bar for the factsheet's sectors summed, beside Foreign Aid Explorer's obligations and disbursements."""
    from ..i18n import money

    values = [float(sectors["value"].sum())] + [float(v) for v in fae["value"]]
    ctx.facts["sectors_total"] = round(values[0] / 1e6)
    quals = ["approximately"] + ["exact"] * len(fae)
    labels = [ctx.t("aid.factsheet_sectors")] + [ctx.t(f"aid.fae_{t_}") for t_ in fae["transaction_type"].astype(str)]
    fig, ax = _new(ctx, 0.32)
    roles = ["source.CHRHS-SAM-InterAction-2022"] + [f"transaction.{t_}" for t_ in fae["transaction_type"].astype(str)]
    drawn = _bars(ax, ctx, labels, [v / 1e6 for v in values], roles,
                  horizontal=True, texts=[_qual(ctx, q) + money(v, ctx.lang, decimals=0) for v, q in zip(values, quals)],
                  qualifiers=quals, ids=[tuple(sectors["row_id"])] + list(fae["row_id"]), scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    rows = _concat(_prov(sectors, "us_assistance"), _prov(fae, "us_aid_series"))
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _violation_totals(ctx, fid, parts):
    """Bars of the violations' totals in their colours, each labelled with its unit."""
    labels = [f"{label('violation', v, ctx.lang)}\n({ctx.t('unit.' + u)})" for v, u in zip(parts.violation, parts.unit)]
    fig, ax = _new(ctx, 0.5)
    drawn = _bars(ax, ctx, labels, parts["value"], [f"violation.{v}" for v in parts.violation], horizontal=True, ids=parts["row_id"])
    ax.set_xlabel(ctx.t("axis.count"))
    prov = _prov(parts, "grave_violations")
    _finish(fig, ctx, fid, prov, note=ctx.t("word.underreporting"))
    return fig, prov, drawn


def _rates_by_period(ctx, fid, table):
    """Grouped bars of each violation's rate per month by period; rows of one violation and period summed."""
    import pandas as pd

    frames, series, texts, ids, rates = [], {}, [], [], []
    periods = None
    keys = [k for k in ("violation", "subtype") if k in table.columns]
    for v, vrows in table.groupby("violation", sort=False, observed=True):
        parts = [aggregate.per_month(g).sort_values("period") for _, g in vrows.groupby(keys, sort=False, observed=True)]
        frames += parts
        values = [sum(vals) for vals in zip(*(p["value"].to_numpy() for p in parts))]
        months = list(parts[0]["months"])
        per = [a / m for a, m in zip(values, months)] if len(parts) > 1 else list(parts[0]["per_month"])
        ids.append(list(zip(*(p["row_id"] for p in parts))) if len(parts) > 1 else list(parts[0]["row_id"]))
        periods = periods or [p for p in (frames[-1]["period"])]
        unit = f" ({ctx.t('unit.' + str(vrows['unit'].iloc[0]))})" if "unit" in vrows else ""
        series[label("violation", v, ctx.lang) + unit] = per
        texts.append([ctx.n(x, 1) for x in per])  # the number a bar shows is its height: the rate
        rates.append(months)
    violations = list(dict.fromkeys(table["violation"].astype(str)))
    fig, ax = _new(ctx, 0.55)
    groups = [label("period", p, ctx.lang) for p in periods]
    drawn = _grouped(ax, ctx, groups, series, [f"violation.{v}" for v in violations], texts=texts, ids=ids, months=rates)
    ax.set_ylabel(ctx.t("axis.per_month_unit_in_key" if "unit" in table else "axis.per_month"))
    _legend(ax, len(violations), ctx.small)
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


def _share_role(by, code, colour):
    """A share's colour role: 'unattributed' for what no party is named for, a perpetrator type's own role, else ``colour``."""
    from .. import colours

    if str(code) == "unattributed":
        return "unattributed"
    if by == "perpetrator" and f"perpetrator.{code}" in colours.ROLES:
        return f"perpetrator.{code}"
    return colour


def _share_bars(ctx, fid, parts, by, colour, prefix=None, ratio=None):
    """Horizontal bars of percentages on a 0-100 axis, labelled with the codes of ``by`` (or the texts of
    the vocabulary ``prefix``); 'unattributed' in its own colour."""
    from ..i18n import percent

    labels = [ctx.t(f"{prefix}.{p}") if prefix else label(by, p, ctx.lang) for p in parts[by]]
    fig, ax = _new(ctx, ratio or 0.32)
    quals = parts["qualifier"].astype(str)
    drawn = _bars(ax, ctx, labels, parts["value"], [_share_role(by, p, colour) for p in parts[by]],
                  horizontal=True, qualifiers=list(quals), ids=parts["row_id"],
                  texts=[_qual(ctx, q) + percent(v, ctx.lang) for v, q in zip(parts["value"], quals)])
    ax.set_xlabel(ctx.t("axis.percent"))
    ax.set_xlim(0, 100)
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(parts, parts.attrs.get("dataset") or "grave_violations")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _report_of_period(period):
    """The country report whose period is ``period`` (periods table), by its dates in the sources table."""
    pkg = open_package()
    p = {r["period"]: r for r in pkg.records("periods")}[period]
    for src in pkg.records("sources"):
        if src["source_id"] in COUNTRY_REPORTS and str(src.get("period_start")) == str(p["start"]) \
                and str(src.get("period_end")) == str(p["end"]):
            return src["source_id"]
    raise ValueError(f"no country report in the sources table covers the period {period!r} ({p['start']} to {p['end']})")


def _reports_compared(ctx, fid, table, previous, current):
    """Per violation, the previous report's period beside this one's, per month of each (the periods differ in
    length): each bar prints the rate it draws; each report's total and the violation's unit are under its name;
    each report in its source's colour."""
    import pandas as pd

    months = {p["period"]: p["months"] for p in open_package().records("periods")}
    violations = list(dict.fromkeys(table["violation"].astype(str)))
    frames, before, now, units = [], [], [], []
    for v in violations:
        a = table[(table.violation == v) & (table.period == previous)]
        b = table[(table.violation == v) & (table.period == current)]
        frames += [a, b]
        before.append(float(a["value"].iloc[0]))
        now.append(float(b["value"].iloc[0]))
        units.append(str(b["unit"].iloc[0]))
    names = [ctx.t("word.previous_report"), ctx.t("word.this_report")]
    roles = [f"source.{_report_of_period(previous)}", f"source.{_report_of_period(current)}"]
    ids = [[f["row_id"].iloc[0] for f in frames[0::2]], [f["row_id"].iloc[0] for f in frames[1::2]]]
    rate_months = [[months[previous]] * len(before), [months[current]] * len(now)]
    # the totals go in the category label, the bars carry the rates they draw
    groups = [f"{label('violation', v, ctx.lang)}\n" + ctx.t("word.totals_pair").format(
              previous=ctx.n(x), current=ctx.n(y), unit=ctx.t("unit." + u))
              for v, u, x, y in zip(violations, units, before, now)]
    rates = [[x / months[previous] for x in before], [x / months[current] for x in now]]
    fig, ax = _new(ctx, 0.55)
    drawn = _grouped(ax, ctx, groups, dict(zip(names, rates)), roles,
                     texts=[[ctx.n(x, 1) for x in r] for r in rates], ids=ids, months=rate_months)
    # six labels of four or five lines in a column's width: the smallest size the house allows there
    ax.tick_params(axis="x", labelsize=6.0 if ctx.size == "column" else ctx.small)
    ax.set_ylabel(ctx.t("axis.per_month_each_unit"))
    rows = _prov(pd.concat(frames), "grave_violations")
    _finish(fig, ctx, fid, rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


def _scale():
    """The classed sequential scale of counts (style.SEQUENTIAL_BINS): colour map, norm and colours."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    colours = style.sequential_colours()
    bounds = list(style.SEQUENTIAL_BINS) + [float("inf")]
    return ListedColormap(colours), BoundaryNorm(bounds, len(colours)), colours


def _class_text(ctx, i, top):
    """The name of class ``i`` of the sequential scale, its upper end cut at ``top`` (the largest value drawn)."""
    bins = list(style.SEQUENTIAL_BINS)
    lo = bins[i]
    hi = min(bins[i + 1] - 1, top) if i + 1 < len(bins) else top
    return ctx.n(lo) if hi == lo else f"{ctx.n(lo)}–{ctx.n(hi)}"


def _zero_words(ctx, how):
    """The words of the white class: what the zeros drawn are, read from ``how`` (:func:`aggregate.violations_by`
    with ``derived=True``): stated by the source, or inferred from a complete list that leaves the region out."""
    from ..reconcile import Derived

    kinds = {"inferred" if d.zero_from else "stated" for _, row in how.iterrows() for d in row
             if isinstance(d, Derived) and float(d.value) == 0}
    if kinds == {"inferred"}:
        return ctx.t("map.zero_inferred")
    if kinds == {"stated"}:
        return ctx.t("map.zero_stated")
    return ctx.t("map.zero_either") if kinds else None


def _reading_order(handles, ncols):
    """``handles`` reordered so that a legend of ``ncols`` columns (which matplotlib fills column by column)
    reads row by row, left to right: '0, 1–9, 10–49, 50–199 / 200–376, not stated'."""
    n = len(handles)
    rows = -(-n // ncols)
    return [handles[r * ncols + c] for c in range(ncols) for r in range(rows) if r * ncols + c < n]


def _map_class(ctx, value, top):
    """The class of the scale a value is drawn in, named as the key names it."""
    if value != value:
        return ctx.t("word.not_stated")
    i = max(i for i, b in enumerate(style.SEQUENTIAL_BINS) if b <= value)
    return _class_text(ctx, i, top)


def _mark_table(ctx, ax, how, regions, drawn_as, text):
    """Record the cells of a violations-by-region table (:func:`aggregate.violations_by` with
    ``derived=True``): one mark per violation and region, a missing figure as 'not stated'."""
    from ..reconcile import Derived

    for v, found in how.iterrows():
        for r in regions:
            d = found[r] if isinstance(found[r], Derived) else None
            value = float("nan") if d is None else float(d.value)
            words = ctx.t("map.zero_inferred") if d is not None and d.zero_from and value == 0 else text(value)
            ctx.mark(ax, label("region", r, ctx.lang), value, d.summed if d else (), drawn_as,
                     series=label("violation", v, ctx.lang), label=words, zero_from=d.zero_from if d else ())


def _with_unit(ctx, v, units):
    """A violation's name with its unit, 'Abduction (children)', where the unit is known."""
    unit = units.get(str(v))
    return label("violation", v, ctx.lang) + (f" ({ctx.t('unit.' + unit)})" if unit else "")


def _region_heatmap(ctx, fid, table, how, used):
    """The violations-by-region table, its rows in groups of one unit each under a header row naming the
    unit, every group on its own classed scale with its own key in its header row (:mod:`.maps`): colours are
    never compared across units. Each cell prints its number; unknown cells hatched."""
    import matplotlib.patches
    import numpy as np
    import seaborn as sns

    from . import maps

    regions = list(table.columns)
    units = maps.violation_units(how, used)
    order = maps.panel_order(units, list(table.index))
    groups = []
    for v in order:
        if groups and units[str(groups[-1][-1])] == units[str(v)]:
            groups[-1].append(v)
        else:
            groups.append([v])
    tops = maps.unit_tops(units, {v: list(table.loc[v]) for v in order})
    lines = [None if i < 0 else g[i] for g in groups for i in range(-1, len(g))]  # None: a group's header row
    fig, ax = _new(ctx, 0.55)
    line = ctx.small * 1.3 / 72  # rows tall enough for two-line names and a key in a header row
    fig.set_figheight(round(max(fig.get_figheight(), 2.6 * len(lines) * line), 3))
    data = np.array([[np.nan] * len(regions) if v is None else table.loc[v].to_numpy(dtype=float) for v in lines])
    cmap, norm, colours = _scale()
    heads = [i for i, v in enumerate(lines) if v is None]
    names = [maps.unit_words(ctx, units[str(lines[i + 1])]).capitalize() if v is None
             else _fit(ctx, label("violation", v, ctx.lang), ctx.sz.width * 0.24) for i, v in enumerate(lines)]
    sns.heatmap(data, ax=ax, cmap=cmap, norm=norm, annot=False, linewidths=0.5, linecolor=style.NEUTRAL, cbar=False,
                mask=np.isnan(data), xticklabels=[label("region", r, ctx.lang) for r in regions], yticklabels=names)
    for i, j in zip(*np.where(~np.isnan(data))):  # each number in the colour of higher contrast on its cell
        fill = colours[int(norm(data[i, j]))]
        ax.text(j + 0.5, i + 0.5, ctx.n(data[i, j]), ha="center", va="center", fontsize=ctx.small,
                color=style.text_colour_on(fill))
    for i, j in zip(*np.where(np.isnan(data))):
        if i not in heads:
            ax.add_patch(matplotlib.patches.Rectangle((j, i), 1, 1, **style.UNKNOWN, lw=0.5))
    ax.tick_params(axis="x", rotation=90, labelsize=ctx.small)
    ax.tick_params(axis="y", labelsize=ctx.small, rotation=0)
    ax.grid(False)  # the header rows are empty of cells: no grid shows through them
    for i, (tick, mark) in enumerate(zip(ax.get_yticklabels(), ax.yaxis.get_major_ticks())):
        if i in heads:
            tick.set_fontweight("bold")
            mark.tick1line.set_visible(False)
    keys = []
    for head, group in zip(heads, groups):
        _mark_table(ctx, ax, how.loc[group], regions, "cell",
                    lambda x: ctx.n(x) if x == x else ctx.t("word.not_stated"))
        unit = units[str(group[0])]
        y = 1 - (head + 0.5) / len(lines)  # the header row's middle, in the axes' fraction (rows run downwards)
        keys.append(maps.unit_key(ctx, ax, unit, tops.get(unit, 0), where="row", at=y))
        keys[-1]._mc_serves = {units[str(v)] for v in group}  # the units of the rows the key serves
    for key in keys[:-1]:
        ax.add_artist(key)  # matplotlib keeps one legend per axes: the others are kept as artists
    rows = _prov(used, "grave_violations")
    _finish(fig, ctx, fid, rows, key=maps.shared_key(ctx, _zero_words(ctx, how)))
    return fig, rows, [float(x) for x in data[~np.isnan(data)]]


def _region_map(ctx, fid, table, how, totals, used):
    """Small maps of the regions, one per violation and one for all six, grouped by unit, each unit on its own
    classed scale with its own key under each of its panels (:mod:`.maps`): colours are never compared across units."""
    import numpy as np
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from ..citation import source_name
    from ..geography import load_regions_geometry
    from ..reconcile import Derived
    from . import maps

    geo = load_regions_geometry()
    regions = list(geo["region"])
    units = maps.violation_units(how, used)
    units["all"] = "violations"
    # units in the panel titles at print sizes; on slides and posters each panel's key is titled with its unit
    title_units = units if ctx.size in ("column", "double") else {}
    how = how.copy()
    total_map = dict(zip(totals["region"].astype(str), totals["value"]))
    values = {v: [table.loc[v, r] for r in regions] for v in table.index}
    values["all"] = [total_map.get(r, np.nan) for r in regions]
    for r, v, i in zip(totals["region"].astype(str), totals["value"], totals["row_id"]):
        how.loc["all", r] = Derived(v, (i,))
    panels = [(v, values[v]) for v in maps.panel_order(units, list(table.index))] + [("all", values["all"])]
    tops = maps.unit_tops(units, values)
    cmap, norm, _ = _scale()
    w = ctx.sz.width
    # one row on slides and posters, where a panel is too narrow for the names of the regions (print sizes have them)
    nrows, ncols = {"column": (4, 2), "double": (2, 4)}.get(ctx.size, (1, 7))
    shown = {k: u for k, u in title_units.items() if "/" not in u and u != "violations"}
    titles = {v: _fit(ctx, _with_unit(ctx, v, shown), w / ncols * 0.78) for v, _ in panels}
    # a single row: room for its longest title as the panel will wrap it (three lines, or four in French at some sizes)
    longest = max(_fit(ctx, "a   " + " ".join(t.split()), w / ncols * 0.9).count("\n") + 1 for t in titles.values())
    title_h = max(3, longest) * ctx.small * 1.3 / 72 if nrows == 1 else 0
    key_h = (4 if nrows > 1 else 5) * ctx.small * 1.3 / 72  # each panel's key of its unit, below it (one column in a single row)
    fig = Figure(figsize=(w, round(nrows * (w / ncols * 0.8 + key_h) + title_h, 3)), layout="constrained",
                 dpi=LAYOUT_DPI)
    # geopandas asks the canvas to redraw the whole figure after each layer it adds (canvas.draw_idle): a
    # canvas that draws nothing until the panels are complete (a third of the figure's time, drawing for nobody)
    FigureCanvasBase(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    drawn = []
    for ax, (v, vals) in zip(axes.flat, panels):
        g = geo.assign(value=[float(x) for x in vals])
        known = g[g["value"].notna()]
        unknown = g[g["value"].isna()]
        known.plot(ax=ax, column="value", cmap=cmap, norm=norm, edgecolor=style.NEUTRAL, linewidth=0.4)
        if len(unknown):
            unknown.plot(ax=ax, color=style.UNKNOWN["facecolor"], hatch=style.UNKNOWN["hatch"],
                         edgecolor=style.UNKNOWN["edgecolor"], linewidth=0.4)
        drawn += [float(x) for x in known["value"]]
        top = tops[units[str(v)]]
        _mark_table(ctx, ax, how.loc[[v]], regions, "class", lambda x, top=top: _map_class(ctx, x, top))
        ax.set_title(titles[v], fontsize=ctx.small, loc="left")
        ax.set_axis_off()
        maps.unit_key(ctx, ax, units[str(v)], top, ncols=1 if nrows == 1 else 2)
    names = axes.flat[len(panels)] if len(axes.flat) > len(panels) else None
    for extra in axes.flat[len(panels) + 1:]:
        extra.remove()  # the key goes below the maps, where the layout engine makes room for it
    if names is not None:
        maps.region_names(ctx, names, geo)
    FigureCanvasAgg(fig)
    key = maps.shared_key(ctx, _zero_words(ctx, how))
    rows = _concat(_prov(used, "grave_violations"), _prov(totals, "grave_violations"))
    boundaries = {s["source_id"]: s for s in open_package().records("sources")}["geoBoundaries-MLI-ADM2"]
    _finish(fig, ctx, fid, rows, note=ctx.t("map.boundaries") + source_name(boundaries, ctx.lang), key=key)
    for coll_ax in axes.flat:
        coll_ax.set_aspect("equal")
    return fig, rows, drawn


def _report_rates(ctx, fid, tot):
    """Bars of each country report's total per month of its period, each printing its rate; the total is
    in the report's label. A total read from a secondary page is starred and drawn hollow (with a key);
    a report without a total is marked as such."""
    from babel.lists import format_list
    from matplotlib.patches import Patch

    from ..loader import load

    src = load("sources").set_index("source_id")
    labels, rates, texts, secondary, ids, months, stated_months = [], [], [], [], [], [], []
    for rep in COUNTRY_REPORTS:
        s = src.loc[rep]
        m = months_between(s["period_start"], s["period_end"])
        name = s["short_name"].replace("Fifth country report (2024)", ctx.t("word.fifth_report"))
        head = f"{name}\n{s['period_start'].year}–{s['period_end'].year} ({m} {ctx.t('word.months_short')})"
        row = tot[tot.report == rep]
        ids.append(tuple(row["row_id"]))
        months.append(m)
        if len(row):
            stated_months.append(m)
            v = float(row["value"].iloc[0])
            star = " *" if bool(row["secondary"].iloc[0]) else ""
            rates.append(v / m)
            texts.append(ctx.n(v / m, 1) + star)
            secondary.append(bool(star))
            labels.append(f"{head}\n{ctx.t('word.total_in_report').format(total=ctx.n(v))}{star}")
        else:
            rates.append(0.0)
            texts.append(ctx.t("word.no_total"))
            secondary.append(False)
            labels.append(head)
    ctx.facts["months"] = format_list([ctx.n(m) for m in stated_months], locale=ctx.lang)
    fig, ax = _new(ctx, 0.62)
    black = ctx.fill("all_violations")
    keep = [i for i, tx in enumerate(texts) if tx != ctx.t("word.no_total")]
    bars = ax.bar(keep, [rates[i] for i in keep], color=black, width=0.7)
    for bar, i in zip(bars, keep):
        if secondary[i]:  # hollow: the same violations, a total read from a secondary page
            bar.set(facecolor="white", edgecolor=black, hatch="....", linewidth=ctx.sz.line * 1.5)
    _annotate(ax, bars, [texts[i] for i in keep], False, ctx.small)
    for i in range(len(labels)):
        ctx.mark(ax, labels[i], rates[i] if i in keep else None, ids[i], "bar" if i in keep else "text", label=texts[i],
                 months=months[i] if i in keep else None)
    for i in set(range(len(labels))) - set(keep):
        ax.annotate(_fit(ctx, texts[i], ctx.sz.width * 0.5 / len(labels)), (i, 0), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=ctx.small, color=style.TEXT_MUTED)
    ax._mc_categories = list(labels)
    ax.set_xticks(range(len(labels)), [_fit(ctx, x, ctx.sz.width * 0.72 / len(labels)) for x in labels])
    ax.tick_params(axis="x", labelsize=ctx.small)
    ax.grid(axis="x", visible=False)
    ax.set_ylim(0, max(rates) * 1.2)
    ax.set_ylabel(ctx.t("axis.violations_per_month"))
    rows = _prov(tot, "country_reports")
    handles = [Patch(facecolor=black, edgecolor=black), Patch(facecolor="white", edgecolor=black, hatch="....")]
    key = dict(handles=handles, labels=[ctx.t("colour.all_violations"), ctx.t("word.secondary_total") + " (*)"],
               ncols=1)
    _finish(fig, ctx, fid, rows, note=ctx.t("word.capacity_caveat"), key=key)
    return fig, rows, [rates[i] for i in keep]


# ----------------------------------------------------------------------------- render and save
def render(fid, lang="en", size="double", bare=False):
    """Draw figure ``fid`` in ``lang`` at the size preset ``size``; returns a :class:`Rendered`."""
    import matplotlib

    matplotlib.use("agg", force=False)
    func = _figure_func(fid)
    return _draw(fid, TEXTS[fid], func, lang, size, bare)


def render_chart(chart, fid, lang="en", size="double", bare=False):
    """Draw a :class:`mali_caac.charts.Chart` under figure id ``fid`` (its title and caption)."""
    if fid not in TEXTS:
        raise ValueError(f"figure {fid!r} has no title and caption: describe it in mali_caac/figures "
                         f"(the described figures are: {', '.join(TEXTS)})")
    return _draw(fid, TEXTS[fid], lambda ctx: chart.draw(ctx, fid), lang, size, bare)


def _draw(fid, section, func, lang, size, bare):
    check_parameters(lang=lang, size=size, bare=bare)
    style.apply(size)
    ctx = Ctx(lang, size, bare, fid=fid)
    fig, rows, drawn = func(ctx)
    source = cite_rows(rows, lang=ctx.lang, for_print=True)
    caption = ctx.text(fid, "caption", rows)
    spelled, _ = acronyms.note(figure_words(fig, source, lang), lang)  # the acronyms the figure shows, spelled out
    r = Rendered(fid, section, lang, fig, ctx.text(fid, "title", rows), typeset(f"{caption} {spelled}".strip(), lang),
                 source, rows, drawn, _drawn.resolve(fid, ctx.marks), colour_roles=ctx.roles)
    r.alt = _drawn.alt_text(r)
    return r


def figure_words(fig, source_line="", lang="en"):
    """The lines of text a figure shows, but its source lines (which name documents, publishers and licences
    as they name themselves: the source line, the map's boundaries line): titles, labels, ticks, legends, notes."""
    from matplotlib.text import Text

    source = " ".join(source_line.split())
    attribution = " ".join(t("map.boundaries", lang).split())
    out = []
    for text in fig.findobj(Text):
        if not text.get_visible():
            continue
        for line in text.get_text().split("\n"):
            words = " ".join(line.split())
            if words.startswith(attribution):  # the boundaries line closes the footer
                break
            if words and words not in source:
                out.append(words)
    return out


def caption_text(r):
    """The caption file: title, caption, source line, alt text and every row drawn."""
    lang = r.lang
    lines = [f"# {r.title}", "", r.caption, "", r.source_line, "", data_line(lang), "",
             f"## {t('alt.heading', lang)}", "", r.alt, "",
             t("alt.data_file", lang).format(file=f"[{r.id}.csv]({r.id}.csv)"), "",
             f"## {t('word.rows_drawn', lang)}", ""]
    lines += caption_table(r.rows, lang)  # headers, units, locators in the language; quotes marked verbatim
    return "\n".join(lines) + "\n"


def _pixels(r, dpi):
    """The figure's RGB pixels at ``dpi``, made once (matplotlib writes RGBA whatever the face colour says).

    They pass through an uncompressed TIFF: a copy of the pixels, not compressed and decompressed again."""
    from PIL import Image

    if dpi not in r.pixels:
        buf = io.BytesIO()
        r.figure.savefig(buf, format="tiff", dpi=dpi, pil_kwargs={"compression": None})
        r.pixels[dpi] = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return r.pixels[dpi]


def _raster(r, fmt, dpi):
    """PNG or TIFF bytes in RGB without alpha."""
    out = io.BytesIO()
    if fmt == "png":
        _pixels(r, dpi).save(out, format="PNG", dpi=(dpi, dpi), optimize=False)
    else:
        _pixels(r, dpi).save(out, format="TIFF", dpi=(dpi, dpi), compression="tiff_lzw")
    return out.getvalue()


def preview_bytes(r, dpi):
    """A PNG of the figure for a screen at ``dpi``: its print raster (:data:`LAYOUT_DPI`, the one the PNG file
    is made of) scaled down. Text keeps the widths it has in print, which hinting at screen resolution would
    narrow, and the figure is not drawn a second time."""
    from PIL import Image

    image = _pixels(r, LAYOUT_DPI)
    size = (round(image.width * dpi / LAYOUT_DPI), round(image.height * dpi / LAYOUT_DPI))
    out = io.BytesIO()
    image.resize(size, Image.LANCZOS).save(out, format="PNG", dpi=(dpi, dpi), optimize=False)
    return out.getvalue()


def _svg(fig, title, description):
    """SVG bytes whose text is text, with the title and the alt text as <title> and <desc>."""
    from xml.sax.saxutils import escape

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=style.SAVE_METADATA["svg"])
    text = buf.getvalue().decode("utf-8")
    text = _stable_clip_ids(text)
    head_end = text.index(">", text.index("<svg")) + 1
    meta = f"\n <title>{escape(title)}</title>\n <desc>{escape(description)}</desc>"
    return (text[:head_end] + meta + text[head_end:]).encode("utf-8")


def _stable_clip_ids(svg):
    """Number the SVG's clip paths in order of appearance: matplotlib names a clip path after the
    memory address of its path object, which changes from run to run."""
    import re

    ids = {}
    for found in re.findall(r'clipPath id="(p[0-9a-f]{10})"', svg):
        ids.setdefault(found, f"clip{len(ids) + 1}")
    return re.sub(r"\b(p[0-9a-f]{10})\b", lambda m: ids.get(m.group(1), m.group(1)), svg) if ids else svg


PDF_FONT_TABLES_LEFT_OUT = ("GSUB", "GPOS", "GDEF", "kern")
"""Tables of the house font that a PDF's embedded (Type 42) subset leaves out: substitution, positioning and
kerning are applied when matplotlib lays the text out (its glyphs and positions are in the PDF); a PDF
viewer never reads them. Reading them is most of the time fontTools takes to subset a font."""


@contextmanager
def _lean_pdf_fonts():
    """Within this block, matplotlib's font subsets (fontTools) leave out :data:`PDF_FONT_TABLES_LEFT_OUT`.

    matplotlib does not let one pass fontTools options, so this extends the tables fontTools drops by default
    for the time of one ``savefig``; with a fontTools that keeps that default elsewhere, nothing changes (the
    PDFs are only larger and slower to write; ``tests/test_formats.py`` says so)."""
    from fontTools import subset

    default = getattr(subset.Options, "_drop_tables_default", None)
    if not isinstance(default, list):
        yield
        return
    subset.Options._drop_tables_default = default + [t for t in PDF_FONT_TABLES_LEFT_OUT if t not in default]
    try:
        yield
    finally:
        subset.Options._drop_tables_default = default


def file_bytes(r, fmt, dpi):
    """The bytes of figure ``r`` in format ``fmt`` (one of the ``formats`` parameter's values)."""
    if fmt in ("png", "tiff"):
        return _raster(r, fmt, dpi)
    if fmt == "svg":
        return _svg(r.figure, r.title, r.alt)
    buf = io.BytesIO()
    with _lean_pdf_fonts() if fmt == "pdf" else nullcontext():
        r.figure.savefig(buf, format=fmt, metadata=style.SAVE_METADATA[fmt])
    return buf.getvalue()


def save(r, output_dir, formats=("png", "svg", "pdf"), dpi=300):
    """Write the figure in each format, its caption file and the CSV of the values it draws;
    returns the paths written."""
    from pathlib import Path

    out = Path(output_dir)
    paths = []
    for fmt in formats:
        path = out / f"{r.id}.{fmt}"
        atomic_write(path, file_bytes(r, fmt, dpi))
        paths.append(path)
    path = out / f"{r.id}.md"
    atomic_write(path, caption_text(r))
    paths.append(path)
    path = out / f"{r.id}.csv"
    atomic_write(path, _drawn.csv_text(r.marks))
    paths.append(path)
    return paths


def close(r):
    """Free the figure's memory (figures are not kept by pyplot)."""
    r.figure.clear()
    r.pixels.clear()

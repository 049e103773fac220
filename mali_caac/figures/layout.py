"""Layout and text fitting: the figure of a size preset (:func:`_new`), text measured in the house font
(:func:`text_width`) and wrapped to a width (:func:`wrap_to_width`, :func:`_fit`), legends and ticks, panel
letters, and :func:`_finish`, which places the title, subtitle, key and source line around the plot and
freezes the layout.
"""
from .. import style
from ..citation import cite_rows
from . import hedges
from .texts import draws_verified_counts


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


def _fit(ctx, text, width_in):
    """A label wrapped to ``width_in`` inches at the small text size (measured, not counted)."""
    return "\n".join(line for part in str(text).split("\n")
                     for line in wrap_to_width(part, ctx.small, width_in * 72, balance=True))


def plt_rc(key):
    import matplotlib as mpl

    return mpl.rcParams[key]


def _count_ticks(ax, values, horizontal=False):
    """Whole-number ticks on the value axis when every value drawn is whole (counts): no '2.5 children'."""
    from matplotlib.ticker import MaxNLocator

    if all(float(v).is_integer() for v in values if v is not None):
        (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(nbins="auto", integer=True))


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


def tick_formatter(lang, kind="number", decimals=None, scale="million"):
    """A matplotlib ``FuncFormatter`` that writes axis ticks as ``lang`` writes numbers (:mod:`mali_caac.i18n`).

    kind 'number': '10 000' (U+202F) / '10,000', up to two decimals unless ``decimals``;
    'percent': ticks in per cent ('20 %'); 'money': ticks in US dollars, shown at ``scale``
    ('20 M$' / '$20M')."""
    from matplotlib.ticker import FuncFormatter

    from ..i18n import _check_lang, _decimal, money, percent

    _check_lang(lang)
    if kind == "number":
        def fmt(x, pos=None):
            return _decimal(x, lang, decimals or 0, 2 if decimals is None else decimals)
    elif kind == "percent":
        def fmt(x, pos=None):
            return percent(x, lang, decimals or 0)
    elif kind == "money":
        def fmt(x, pos=None):
            return money(x, lang, scale, decimals)
    else:
        raise ValueError(f"kind must be 'number', 'percent' or 'money', got {kind!r}")
    return FuncFormatter(fmt)

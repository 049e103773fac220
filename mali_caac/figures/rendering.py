"""Draw a chart under a figure id (a figure by its id alone is drawn from its notebook's recipe by
:func:`mali_caac.recipes.render`): :func:`render_chart` sets the house style for the size preset, draws the
chart in a :class:`~mali_caac.figures.context.Ctx`, and returns a :class:`~mali_caac.figures.context.Rendered`
with its title, caption (acronyms spelled out), source line, rows, marks and alt text.
"""
from .. import acronyms, style
from ..citation import cite_rows
from ..i18n import typeset
from ..parameters import check_parameters
from ..sections import TEXTS
from . import _drawn
from .context import Ctx, Rendered
from .texts import figure_words


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

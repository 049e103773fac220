"""Colour roles: each meaning a figure can colour has one colour for the whole set, as OWID keeps an entity's colour.

A chart asks for a *role* ("violation.abduction", "transaction.obligations",
"source.S/2020/1105" ...), never a hex. :data:`ROLES` maps each role to one
colour and no two roles share one, so a colour means the same thing in every
figure of the set: the six violations in their colours (and nothing else in
them), one look for "not attributed" and one for "not stated", grey for context
(a figure that is not about a violation or a stated part of one) and a
colour-blind-safe set for the other roles a figure needs: sources, providers,
transaction types, perpetrator types, the two kinds of facility attacked and the
two causes of casualties. The hexes of that set were searched near hand-picked starts
(3:1 against white; the roles drawn in one figure at least ΔE 20 apart in CAM02-UCS under normal vision and
simulated deuteranopia, protanopia and tritanopia: ``python tools/role_colours.py`` measures them, smallest
20.1, S/2018/136 beside S/2020/1105 under deuteranopia). Across figures, roles that never meet may be closer.
"""
from . import style

ROLES = {
    # the six grave violations, and all six together
    **{f"violation.{code}": hexcode for code, hexcode in style.VIOLATION_COLOURS.items() if code != "all"},
    "all_violations": style.VIOLATION_COLOURS["all"],
    # fixed looks
    "unattributed": style.UNATTRIBUTED,
    "unknown": style.UNKNOWN["facecolor"],
    "context": style.NEUTRAL,
    # sources (a report, a monitor, a factsheet)
    "source.S/2018/136": "#4E4F12",
    "source.S/2020/1105": "#0F924D",
    "source.Watchlist-2021-06": "#AF2E78",
    "source.CHRHS-SAM-InterAction-2022": "#9A72AE",
    # providers of training and arms
    "provider.US": style.ACCENT,
    "provider.EUTM": "#2A5C9B",
    # transaction types of US aid
    "transaction.obligations": "#3E3A8D",
    "transaction.disbursements": "#C25A1A",
    # perpetrator types
    "perpetrator.armed_groups": "#432B20",
    "perpetrator.government_forces": "#2F6F94",
    # the facilities attacked (parts of attacks on schools and hospitals)
    "target.schools": "#7A4E00",
    "target.hospitals": "#5E7BCE",
    # causes of child casualties (parts of killing and maiming)
    "cause.crossfire_and_attacks": "#8C1C3C",
    "cause.explosive_devices": "#6A8C20",
}
"""{role: colour}: one colour per meaning, one meaning per colour, over the whole set of figures."""

def scale_colours():
    """The one sequential family of the classed scales of counts (maps and tables of violations by region):
    white, then :data:`style.SEQUENTIAL_CMAP`'s classes. These are not roles: a class colour means 'a count
    in this class of the unit the key beside it names', and each unit has its own key
    (:mod:`mali_caac.figures.maps`), so a class colour is never read across units. No role uses them."""
    return style.sequential_colours()


ALIASES = {"neutral": "context", "all": "all_violations", "violation.all": "all_violations",
           "provider.United States": "provider.US"}
"""Older names of roles that recipes may still use."""


def _check_unique():
    seen = {}
    for role, hexcode in ROLES.items():
        if hexcode.upper() in seen:
            raise AssertionError(f"roles {seen[hexcode.upper()]!r} and {role!r} share the colour {hexcode}")
        seen[hexcode.upper()] = role


_check_unique()
assert not {h.upper() for h in ROLES.values()} & {h.upper() for h in scale_colours()}, "a role has a class colour"


def role_name(role, figure=None, parameter="colour"):
    """The registered role ``role`` (a role, an alias such as 'neutral', or a bare violation code).

    Raises ValueError naming the figure (if given), the parameter and the roles allowed."""
    from .domain import VIOLATIONS

    if isinstance(role, str):
        role = ALIASES.get(role, role)
        if role in VIOLATIONS:
            role = f"violation.{role}"
        if role in ROLES:
            return role
    where = f"figure {figure!r}: " if figure else ""
    raise ValueError(f"{where}parameter {parameter!r}: no colour role {role!r}; the roles are: {', '.join(ROLES)} "
                     f"(or a violation code, or 'neutral' for 'context')")


def colour(role, figure=None, parameter="colour"):
    """The hex colour of ``role`` (see :func:`role_name`)."""
    return ROLES[role_name(role, figure, parameter)]


def role_of(hexcode):
    """The role whose colour is ``hexcode`` (None if no role has it)."""
    found = {h.upper(): r for r, h in ROLES.items()}
    return found.get(str(hexcode).upper())


def role_label(role, lang):
    """The words a key uses for ``role`` in ``lang``: a legend entry of that colour starts with them."""
    from .i18n import label, t

    kind, _, code = role.partition(".")
    if kind == "violation":
        return label("violation", code, lang)
    if kind == "source":
        from .package import open_package

        src = {s["source_id"]: s for s in open_package().records("sources")}[code]
        return src["short_name" if lang == "en" else "short_name_fr"] or src["short_name"]
    keys = {"provider": f"provider.{code}", "transaction": f"aid.{code}", "perpetrator": f"attribution.{code}",
            "target": f"word.{code}", "unattributed": "attribution.unattributed", "unknown": "word.not_stated",
            "all_violations": "colour.all_violations", "context": "colour.context"}
    if kind == "cause":
        return label("cause", code, lang)
    return t(keys[kind], lang)

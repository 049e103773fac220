"""The report's headline findings, in a few sentences whose every number is computed from the data.

The home page of the published report (``make site``) opens with them. Each finding selects its
rows with the library's own helpers (:func:`mali_caac.aggregate.select`, ``breakdown``), writes
the numbers as the page's language writes them (1,764 / 1 764) and ends with the document and
paragraph its rows cite; nothing is typed into the prose.
"""
from dataclasses import dataclass, field

ALL = dict(period="all", region="all", perpetrator="all", sex="all", subtype="all", cause="all", outcome="all")
"""The dimensions left whole: a total over the report's period, country, parties, sexes ..."""


@dataclass
class Finding:
    """One headline finding: its text in a language, and the rows (table, row_id) its numbers come from."""

    text: str
    source: str
    rows: list = field(default_factory=list)


def _one(frame, **where):
    for column, value in where.items():
        frame = frame[frame[column] == value]
    if len(frame) != 1:
        from .errors import DataError

        raise DataError(f"grave_violations: expected one row for {where}, found {len(frame)}", file="grave_violations")
    return frame.iloc[0]


SENTENCES = {
    "total": (
        "From {start} to {end}, the United Nations verified {violations} grave violations against {children} "
        "children in Mali: {girls} girls, {boys} boys and {unknown} children whose sex was not recorded.",
        "De {start} à {end}, les Nations Unies ont vérifié {violations} violations graves commises contre "
        "{children} enfants au Mali : {girls} filles, {boys} garçons et {unknown} enfants dont le sexe n'a pas "
        "été indiqué."),
    "attribution": (
        "{unattributed} of the verified violations could not be attributed to a party; {armed_groups} were "
        "attributed to armed groups and {government} to government security forces.",
        "{unattributed} des violations vérifiées n'ont pu être attribuées à aucune partie ; {armed_groups} ont "
        "été attribuées à des groupes armés et {government} aux forces de sécurité gouvernementales."),
    "killing": (
        "{casualties} children were killed or maimed; {top} of them in {region}, the region with most "
        "child casualties.",
        "{casualties} enfants ont été tués ou mutilés, dont {top} dans la région de {region}, la plus touchée."),
    "recruitment": (
        "The report counts {cases} cases of recruitment and use of {children} children by parties to the "
        "conflict, {attacks} attacks on schools and hospitals and {denials} incidents of denial of humanitarian "
        "access.",
        "Le rapport compte {cases} cas de recrutement et d'utilisation de {children} enfants par les parties "
        "au conflit, {attacks} attaques contre des écoles et des hôpitaux et {denials} incidents de refus "
        "d'accès humanitaire."),
}
"""Each finding's sentence in English and French, with its numbers as {fields}."""


def findings(lang="en", data_dir=None):
    """The headline findings in ``lang``: a list of :class:`Finding`, numbers computed from the data package."""
    from .aggregate import breakdown, select
    from .citation import cite_rows
    from .i18n import LANGS, date_label, label, number, percent, typeset
    from .package import open_package

    which = LANGS.index(lang)
    pkg = open_package(data_dir)
    gv = select("grave_violations", violation=["all", "recruitment_and_use", "killing_and_maiming",
                                               "attacks_on_schools_and_hospitals",
                                               "denial_of_humanitarian_access"], **ALL)
    total = {unit: _one(gv, violation="all", unit=unit) for unit in ("violations", "children")}
    sexes = breakdown("grave_violations", "sex", violation="all", unit="children")
    by_sex = {r["sex"]: r for _, r in sexes.iterrows()}
    source = {s["source_id"]: s for s in pkg.records("sources")}[total["violations"]["source_id"]]
    out = []

    def add(key, rows, **numbers):
        text = typeset(SENTENCES[key][which].format(**numbers), lang)
        out.append(Finding(text, cite_rows(rows, data_dir=data_dir, lang=lang, prefix=""),
                           [(r["table"] if "table" in r else "grave_violations", r["row_id"]) for r in rows]))

    add("total", [total["violations"], total["children"], *by_sex.values()],
        start=date_label(source["period_start"], lang, "MMMM y"), end=date_label(source["period_end"], lang, "MMMM y"),
        violations=number(total["violations"]["value"], lang), children=number(total["children"]["value"], lang),
        girls=number(by_sex["female"]["value"], lang), boys=number(by_sex["male"]["value"], lang),
        unknown=number(by_sex["unknown"]["value"], lang))

    shares = select("grave_violations", violation="all", unit="percent", period="all")
    share = {r["perpetrator"]: r for _, r in shares.iterrows()}
    add("attribution", [share[p] for p in ("unattributed", "armed_groups", "government_forces")],
        unattributed=percent(share["unattributed"]["value"], lang).capitalize(),
        armed_groups=percent(share["armed_groups"]["value"], lang),
        government=percent(share["government_forces"]["value"], lang))

    casualties = _one(gv, violation="killing_and_maiming", unit="children")
    regions = breakdown("grave_violations", "region", violation="killing_and_maiming")
    top = regions.sort_values("value", ascending=False).iloc[0]
    add("killing", [casualties, top], casualties=number(casualties["value"], lang), top=number(top["value"], lang),
        region=label("region", top["region"], lang))

    rec = {u: _one(gv, violation="recruitment_and_use", unit=u) for u in ("cases", "children")}
    attacks = _one(gv, violation="attacks_on_schools_and_hospitals", unit="attacks")
    denials = _one(gv, violation="denial_of_humanitarian_access", unit="incidents")
    add("recruitment", [rec["cases"], rec["children"], attacks, denials], cases=number(rec["cases"]["value"], lang),
        children=number(rec["children"]["value"], lang), attacks=number(attacks["value"], lang),
        denials=number(denials["value"], lang))
    return out

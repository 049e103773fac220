"""Figures of US assistance: the factsheet's figures and the Foreign Aid Explorer series."""
from .. import style
from ..citation import locator_text
from ..i18n import money
from ..loader import load
from ._core import PROV, _bars, _concat, _dot_table, _finish, _legend, _new, _prov, _qual, figure


# ----------------------------------------------------------------------------- US assistance
def _usd_bars(ctx, fid, frame, labels, colour, ratio):
    fig, ax = _new(ctx, ratio)
    drawn_m = _bars(ax, ctx, labels, frame["value"] / 1e6, colour, horizontal=True,
                    texts=[_qual(ctx, q) + money(v, ctx.lang) for v, q in zip(frame["value"], frame["qualifier"].astype(str))],
                    qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"], scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(frame, "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn_m


@figure("us_assistance_2020", "us_assistance",
        "US assistance to Mali in 2020, by sector, as the factsheet states it",
        "Aide des États-Unis au Mali en 2020, par secteur, selon la fiche",
        "US assistance to Mali in 2020, the most recent year with complete data when the factsheet was written: far more humanitarian and health assistance than peace and security assistance. "
        "The factsheet does not say whether these are fiscal or calendar years.",
        "Aide des États-Unis au Mali en 2020, dernière année aux données complètes lors de la rédaction de la fiche : bien plus d'aide humanitaire et de santé que d'aide à la paix et à la sécurité. "
        "La fiche ne précise pas s'il s'agit d'années budgétaires ou civiles.")
def _us_2020(ctx):
    ua = load("us_assistance")
    keep = ua[ua.measure.isin(["humanitarian_assistance", "health_assistance", "peace_and_security_assistance",
                               "democracy_human_rights_governance_assistance"]) & ua.restates.isna()]
    keep = keep.sort_values("value", ascending=False, kind="stable")
    return _usd_bars(ctx, "us_assistance_2020", keep, [ctx.t(f"measure.{m}") for m in keep["measure"]],
                     style.NEUTRAL, 0.35)


PRINTED_PERIOD = {"ua-003": "past_years", "ua-004": "past_years", "ua-005": "past_years",
                  "ua-013": "since", "ua-014": "since", "ua-015": "since"}
"""How the factsheet words the period of a row whose end year the data infers (each row's note says
so): 'Over the past 21 years' (the Partnership Overview sentence) and 'Since 2001' (Arms Sales and its
footnote 8). Other rows print both years ('Between 2001 and 2019')."""


def printed_period(row, lang):
    """The period of a row of us_assistance as the factsheet words it, with the years from the data."""
    from ..i18n import t

    start, end = row["period_start"], row["period_end"]
    kind = PRINTED_PERIOD.get(row["row_id"]) or ("since" if end is None or end != end else "between")
    years = int(end) - int(start) + 1 if kind == "past_years" else None
    return t(f"usperiod.{kind}", lang).format(start=int(start), end=int(end) if end == end and end is not None else "",
                                              years=years)


@figure("us_security_cooperation", "us_assistance",
        "US security aid and arms sales to Mali since 2001, as the factsheet states them",
        "Aide sécuritaire et ventes d'armes des États-Unis au Mali depuis 2001, selon la fiche",
        "Cumulative amounts the factsheet gives, one panel per period as the factsheet words it, with the section that gives them: "
        "amounts of different periods are not ranked against each other, and none is a part of another. "
        "The factsheet gives two figures for direct commercial arms sales ($19 million over the past 21 years, $13.73 million since 2001) "
        "and two for foreign military sales (about and less than $4 million): both are shown, each in its own period.",
        "Montants cumulés donnés par la fiche, un panneau par période telle que la fiche la formule, avec la section qui les donne : "
        "les montants de périodes différentes ne sont pas classés les uns par rapport aux autres, et aucun n'est une partie d'un autre. "
        "La fiche donne deux chiffres pour les ventes commerciales directes d'armes (19 millions de dollars sur les 21 dernières années, 13,73 millions depuis 2001) "
        "et deux pour les ventes militaires à l'étranger (environ et moins de 4 millions) : les deux sont représentés, chacun dans sa période.")
def _us_security(ctx):
    ua = load("us_assistance")
    order = ["peacekeeping_mission_support", "security_assistance", "direct_security_aid", "direct_commercial_sales",
             "foreign_military_sales", "sales_to_un_missions"]
    keep = ua[ua.measure.isin(order)].copy()
    keep["printed_period"] = [printed_period(r, ctx.lang) for r in keep.to_dict("records")]
    keep["kind"] = [PRINTED_PERIOD.get(i, "between") for i in keep["row_id"]]
    keep = keep.sort_values(["kind", "value"], key=lambda c: c.map({"between": 0, "past_years": 1, "since": 2})
                            if c.name == "kind" else -c, kind="stable")
    groups, frames = [], []
    for period, grp in keep.groupby("printed_period", sort=False):
        sections = ", ".join(dict.fromkeys(locator_text(loc, ctx.lang).split(" > ")[0] for loc in grp["locator"]))
        title = f"{period} · {ctx.t('word.factsheet')}, {sections}"
        groups.append((title, [(ctx.t(f"measure.{m}"), v / 1e6, _qual(ctx, q) + money(v, ctx.lang), i, 10 ** 6)
                               for m, v, q, i in zip(grp["measure"], grp["value"], grp["qualifier"].astype(str), grp["row_id"])]))
        frames.append(grp)
    fig, drawn = _dot_table(ctx, groups, style.NEUTRAL, ctx.t("axis.usd_millions"))
    rows = _prov(_concat(*frames), "us_assistance")
    _finish(fig, ctx, "us_security_cooperation", rows)
    return fig, rows, drawn


@figure("military_training", "us_assistance",
        "Malian military personnel trained by the United States and the European Union since 2001",
        "Personnel militaire malien formé par les États-Unis et l'Union européenne depuis 2001",
        "The EU Training Mission trained 13,000 FAMa members in 2013-2018, when the United States trained fewer than 1,500; since 2001 the United States trained 9,849 "
        "(the factsheet also rounds this to about 10,000).",
        "La mission de formation de l'UE a formé 13 000 membres des FAMa en 2013-2018, quand les États-Unis en formaient moins de 1 500 ; depuis 2001, les États-Unis en ont formé 9 849 "
        "(la fiche arrondit aussi à environ 10 000).")
def _training(ctx):
    mt = load("military_training")
    keep = mt[mt.row_id != "mt-001"].copy()  # 'approximately 10,000' is the rounded 9,849 (see caption)
    keep = keep.sort_values("value", ascending=False, kind="stable")

    def period(r):
        a, b = r["period_start"], r["period_end"]
        if b is not None and b == b:
            return f"{int(a)}-{int(b)}"
        return f"{ctx.t('word.since')} {int(a)}"
    labels = [f"{ctx.t('provider.' + p)}, {period(r)}" for p, r in zip(keep["provider"], keep.to_dict("records"))]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, keep["value"], [style.NEUTRAL if p == "EUTM" else style.ACCENT
                                                   for p in keep["provider"]], horizontal=True,
                  qualifiers=list(keep["qualifier"].astype(str)), ids=keep["row_id"])
    ax.set_xlabel(ctx.t("axis.persons"))
    rows = _prov(keep, "military_training")
    _finish(fig, ctx, "military_training", rows)
    return fig, rows, drawn


@figure("arms_suppliers", "us_assistance",
        "Mali's arms suppliers, in the order of the {factsheet_year} factsheet",
        "Fournisseurs d'armes du Mali, dans l'ordre de la fiche de {factsheet_year}",
        "The factsheet ranks Mali's arms suppliers (SIPRI data, arms donated as well as sold) without giving values: the United States is at rank {us_rank} of {suppliers}. "
        "Ranks are positions in the stated order, not amounts.",
        "La fiche classe les fournisseurs d'armes du Mali (données du SIPRI, armes données comme vendues) sans en donner les montants : les États-Unis sont au rang {us_rank} sur {suppliers}. "
        "Les rangs sont des positions dans l'ordre indiqué, non des montants.")
def _arms(ctx):
    ar = load("arms_suppliers").sort_values("rank")
    ctx.facts.update(us_rank=int(ar.loc[ar.supplier == "United States", "rank"].iloc[0]), suppliers=len(ar))
    fig, ax = _new(ctx, 0.42)
    y = list(range(len(ar)))
    colours = [style.ACCENT if s == "United States" else style.NEUTRAL for s in ar["supplier"]]
    ax.scatter([int(r) for r in ar["rank"]], y, color=colours, s=60, zorder=3)
    ax.set_yticks(y, [ctx.t(f"country.{s}") for s in ar["supplier"]])
    for s, r, i in zip(ar["supplier"], ar["rank"], ar["row_id"]):
        ctx.mark(ax, ctx.t(f"country.{s}"), r, i, "point", unit="rank")
    ax.invert_yaxis()
    ax.set_xticks(range(1, len(ar) + 1))
    ax.set_xlim(0.5, len(ar) + 0.5)
    ax.set_xlabel(ctx.t("axis.rank"))
    rows = ar.assign(table="arms_suppliers", value=ar["rank"].astype(float), unit="rank", qualifier="exact")[PROV]
    _finish(fig, ctx, "arms_suppliers", rows)
    return fig, rows, [float(r) for r in ar["rank"]]


@figure("us_aid_series", "us_assistance",
        "US foreign assistance to Mali by fiscal year, {fae_years}, in constant dollars",
        "Aide des États-Unis au Mali par exercice budgétaire, {fae_years}, en dollars constants",
        "Obligations ({obligations_years}) and disbursements ({disbursements_years}) of all US government foreign assistance to Mali, Foreign Aid Explorer, in constant dollars "
        "(constant equals current in fiscal year 2020, so they appear to be 2020 dollars; the file does not say). Vertical lines: the coups of March 2012, August 2020 and May 2021. "
        "Fiscal year 2022 was incomplete when the file was made (open markers); the 1976 transition quarter (three months) is left out of the annual series.",
        "Engagements ({obligations_years}) et décaissements ({disbursements_years}) de l'ensemble de l'aide étrangère du gouvernement des États-Unis au Mali, Foreign Aid Explorer, en dollars constants "
        "(constants et courants coïncident pour l'année budgétaire 2020 : il s'agirait de dollars de 2020 ; le fichier ne le précise pas). Traits verticaux : coups d'État de mars 2012, août 2020 et mai 2021. "
        "L'année budgétaire 2022 était incomplète lors de la création du fichier (marqueurs creux) ; le trimestre de transition de 1976 (trois mois) est exclu de la série annuelle.")
def _us_aid_series(ctx):
    us = load("us_aid_series")
    sel = us[(us.dollars == "constant") & (us.period_kind == "fiscal_year")
             & us.transaction_type.isin(["obligations", "disbursements"])]
    for ttype in ("obligations", "disbursements"):
        years = sel.loc[sel.transaction_type == ttype, "fiscal_year"].astype(int)
        ctx.facts[f"{ttype}_years"] = f"{years.min()}–{years.max()}"
    fig, ax = _new(ctx, 0.62)
    drawn = []
    styles = {"obligations": (style.NEUTRAL, "o"), "disbursements": (style.ACCENT, "s")}
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
        drawn += [float(v) / 1e6 for v in grp["value"]]
        for r in grp.to_dict("records"):
            ctx.mark(ax, str(int(r["fiscal_year"])), r["value"] / 1e6, r["row_id"], "line" if r["complete"] else "point",
                     series=ctx.t(f"aid.{ttype}"), scale=10 ** 6)
    top = sel["value"].max() / 1e6
    for years, key in (((2012.45,), "coup.2012"), ((2020.6, 2021.4), "coup.2020_2021")):
        for year in years:
            ax.axvline(year, color=style.NEUTRAL, linewidth=0.8, linestyle="--")
        # left of the first line of its group, so that none of the group's lines crosses it
        ax.annotate(ctx.t(key), (min(years), top * 1.08), xytext=(-0.3 * ctx.small, 0), textcoords="offset points",
                    rotation=90, fontsize=ctx.small, ha="right", va="top", color=style.TEXT_MUTED, gid="coup_label")
    ax.set_ylim(0, top * 1.1)
    ax.set_xlabel(ctx.t("axis.fiscal_year"))
    ax.set_ylabel(ctx.t("axis.usd_millions_constant"))
    _legend(ax, 2)
    rows = _prov(sel, "us_aid_series")
    _finish(fig, ctx, "us_aid_series", rows)
    return fig, rows, drawn


@figure("us_aid_2020_compared", "us_assistance",
        "US assistance to Mali in 2020: the factsheet's sectors against Foreign Aid Explorer",
        "Aide des États-Unis au Mali en 2020 : les secteurs de la fiche comparés à Foreign Aid Explorer",
        "The factsheet's four 2020 sectors add up to about ${sectors_total} million (humanitarian about $74 million, health $72 million, peace and security $16.56 million, democracy, human rights and governance $13.52 million; "
        "it states $146 million for humanitarian and health together). Foreign Aid Explorer gives $213 million of obligations and $189 million of disbursements for fiscal year 2020 (current dollars). "
        "The factsheet does not say which measure or which kind of year it uses, nor whether its sectors cover all assistance, so the gap cannot be explained from the documents.",
        "Les quatre secteurs 2020 de la fiche totalisent environ {sectors_total} millions de dollars (humanitaire environ 74 millions, santé 72 millions, paix et sécurité 16,56 millions, démocratie, droits humains et gouvernance 13,52 millions ; "
        "elle indique 146 millions pour l'humanitaire et la santé ensemble). Foreign Aid Explorer donne 213 millions d'engagements et 189 millions de décaissements pour l'année budgétaire 2020 (dollars courants). "
        "La fiche ne précise ni la mesure ni le type d'année, ni si ses secteurs couvrent toute l'aide : l'écart ne peut être expliqué à partir des documents.")
def _us_aid_2020(ctx):
    ua = load("us_assistance")
    sectors = ua[ua.measure.isin(["humanitarian_assistance", "health_assistance", "peace_and_security_assistance",
                                  "democracy_human_rights_governance_assistance"]) & ua.restates.isna()]
    us = load("us_aid_series")
    fae = us[(us.fiscal_year == 2020) & (us.dollars == "current") & us.transaction_type.isin(["obligations", "disbursements"])]
    fae = fae.sort_values("transaction_type", key=lambda s: s.map({"obligations": 0, "disbursements": 1}))
    values = [float(sectors["value"].sum())] + [float(v) for v in fae["value"]]
    ctx.facts["sectors_total"] = round(values[0] / 1e6)
    quals = ["approximately"] + ["exact"] * len(fae)
    labels = [ctx.t("aid.factsheet_sectors")] + [ctx.t(f"aid.fae_{t_}") for t_ in fae["transaction_type"].astype(str)]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, [v / 1e6 for v in values], [style.ACCENT, style.NEUTRAL, style.NEUTRAL],
                  horizontal=True, texts=[_qual(ctx, q) + money(v, ctx.lang, decimals=0) for v, q in zip(values, quals)],
                  qualifiers=quals, ids=[tuple(sectors["row_id"])] + list(fae["row_id"]), scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    rows = _concat(_prov(sectors, "us_assistance"), _prov(fae, "us_aid_series"))
    _finish(fig, ctx, "us_aid_2020_compared", rows)
    return fig, rows, drawn



"""Figures of US assistance: the factsheet's figures and the Foreign Aid Explorer series."""
from .. import style
from ..loader import load
from ._core import PROV, _bars, _concat, _finish, _legend, _new, _prov, _qual, figure


# ----------------------------------------------------------------------------- US assistance
def _usd_bars(ctx, fid, frame, labels, colour, ratio):
    fig, ax = _new(ctx, ratio)
    drawn_m = _bars(ax, ctx, labels, frame["value"] / 1e6, colour, horizontal=True,
                    texts=[_qual(ctx, q) + "$" + ctx.n(v / 1e6, 2 if not (v / 1e6).is_integer() else 0) + " M"
                           for v, q in zip(frame["value"], frame["qualifier"].astype(str))],
                    qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"], scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(frame, "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn_m


@figure("us_assistance_2020", "us_assistance",
        "US assistance to Mali in 2020, by sector",
        "Aide des États-Unis au Mali en 2020, par secteur",
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


@figure("us_security_cooperation", "us_assistance",
        "US security cooperation with Mali: the factsheet's totals",
        "Coopération sécuritaire des États-Unis avec le Mali : les totaux de la fiche",
        "Cumulative amounts the factsheet gives, each over its own period; they are separate measures, not parts of one total, and are not stacked. "
        "Support to UN peacekeeping dwarfs direct security aid. The factsheet gives two figures for direct commercial sales ($19 million and $13.73 million) "
        "and two for foreign military sales (about and less than $4 million): both are shown.",
        "Montants cumulés donnés par la fiche, chacun sur sa propre période ; ce sont des mesures distinctes, non les parties d'un total, et elles ne sont pas empilées. "
        "L'appui au maintien de la paix de l'ONU dépasse de loin l'aide sécuritaire directe. La fiche donne deux chiffres pour les ventes commerciales directes (19 et 13,73 millions de dollars) "
        "et deux pour les ventes militaires à l'étranger (environ et moins de 4 millions) : les deux sont représentés.")
def _us_security(ctx):
    ua = load("us_assistance")
    order = ["peacekeeping_mission_support", "security_assistance", "direct_security_aid", "direct_commercial_sales",
             "foreign_military_sales", "sales_to_un_missions"]
    keep = ua[ua.measure.isin(order)].copy()
    keep["o"] = keep["measure"].map(order.index)
    keep = keep.sort_values(["o", "value"], ascending=[True, False], kind="stable")

    def period(r):
        a, b = r["period_start"], r["period_end"]
        if a is not None and a == a and b is not None and b == b:
            return f"{int(a)}-{int(b)}"
        return (f"{ctx.t('word.since')} {int(a)}") if a == a and a is not None else ""
    labels = [f"{ctx.t('measure.' + m).split(' (')[0]} ({period(r)})" for m, r in zip(keep["measure"], keep.to_dict("records"))]
    return _usd_bars(ctx, "us_security_cooperation", keep, labels, style.NEUTRAL, 0.55)


@figure("military_training", "us_assistance",
        "Malian military personnel trained: United States and European Union",
        "Personnel militaire malien formé : États-Unis et Union européenne",
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
        "Mali's arms suppliers, in the factsheet's order",
        "Fournisseurs d'armes du Mali, dans l'ordre de la fiche",
        "The factsheet ranks Mali's arms suppliers (SIPRI data, arms donated as well as sold) without giving values: the United States comes ninth. "
        "Ranks are positions in the stated order, not amounts.",
        "La fiche classe les fournisseurs d'armes du Mali (données du SIPRI, armes données comme vendues) sans en donner les montants : les États-Unis viennent au neuvième rang. "
        "Les rangs sont des positions dans l'ordre indiqué, non des montants.")
def _arms(ctx):
    ar = load("arms_suppliers").sort_values("rank")
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
        "US foreign assistance to Mali by fiscal year, in constant dollars",
        "Aide des États-Unis au Mali par année budgétaire, en dollars constants",
        "Obligations (1961-2022) and disbursements (2001-2022) of all US government foreign assistance to Mali, Foreign Aid Explorer, in constant dollars "
        "(constant equals current in fiscal year 2020, so they appear to be 2020 dollars; the file does not say). Vertical lines: the coups of March 2012, August 2020 and May 2021. "
        "Fiscal year 2022 was incomplete when the file was made (open markers); the 1976 transition quarter (three months) is left out of the annual series.",
        "Engagements (1961-2022) et décaissements (2001-2022) de l'ensemble de l'aide étrangère du gouvernement des États-Unis au Mali, Foreign Aid Explorer, en dollars constants "
        "(constants et courants coïncident pour l'année budgétaire 2020 : il s'agirait de dollars de 2020 ; le fichier ne le précise pas). Traits verticaux : coups d'État de mars 2012, août 2020 et mai 2021. "
        "L'année budgétaire 2022 était incomplète lors de la création du fichier (marqueurs creux) ; le trimestre de transition de 1976 (trois mois) est exclu de la série annuelle.")
def _us_aid_series(ctx):
    us = load("us_aid_series")
    sel = us[(us.dollars == "constant") & (us.period_kind == "fiscal_year")
             & us.transaction_type.isin(["obligations", "disbursements"])]
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
    for year, key in ((2012.45, "coup.2012"), (2020.6, None), (2021.4, "coup.2020_2021")):
        ax.axvline(year, color=style.NEUTRAL, linewidth=0.8, linestyle="--")
        if key is None:
            continue
        ax.annotate(ctx.t(key), (year, top * 1.08), xytext=(-2, 0), textcoords="offset points", rotation=90,
                    fontsize=ctx.small, ha="right", va="top", color=style.TEXT_MUTED)
    ax.set_ylim(0, top * 1.1)
    ax.set_xlabel(ctx.t("axis.fiscal_year"))
    ax.set_ylabel(ctx.t("axis.usd_millions_constant"))
    _legend(ax, 2)
    rows = _prov(sel, "us_aid_series")
    _finish(fig, ctx, "us_aid_series", rows)
    return fig, rows, drawn


@figure("us_aid_2020_compared", "us_assistance",
        "2020: the factsheet's sectors against the Foreign Aid Explorer series",
        "2020 : les secteurs de la fiche comparés à la série de Foreign Aid Explorer",
        "The factsheet's four 2020 sectors add up to about $176 million (humanitarian about $74 million, health $72 million, peace and security $16.56 million, democracy, human rights and governance $13.52 million; "
        "it states $146 million for humanitarian and health together). Foreign Aid Explorer gives $213 million of obligations and $189 million of disbursements for fiscal year 2020 (current dollars). "
        "The factsheet does not say which measure or which kind of year it uses, nor whether its sectors cover all assistance, so the gap cannot be explained from the documents.",
        "Les quatre secteurs 2020 de la fiche totalisent environ 176 millions de dollars (humanitaire environ 74 millions, santé 72 millions, paix et sécurité 16,56 millions, démocratie, droits humains et gouvernance 13,52 millions ; "
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
    quals = ["approximately"] + ["exact"] * len(fae)
    labels = [ctx.t("aid.factsheet_sectors")] + [ctx.t(f"aid.fae_{t_}") for t_ in fae["transaction_type"].astype(str)]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, [v / 1e6 for v in values], [style.ACCENT, style.NEUTRAL, style.NEUTRAL],
                  horizontal=True, texts=[_qual(ctx, q) + "$" + ctx.n(v / 1e6, 0) + " M" for v, q in zip(values, quals)],
                  qualifiers=quals, ids=[tuple(sectors["row_id"])] + list(fae["row_id"]), scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    rows = _concat(_prov(sectors, "us_assistance"), _prov(fae, "us_aid_series"))
    _finish(fig, ctx, "us_aid_2020_compared", rows)
    return fig, rows, drawn



"""Figures of each grave violation: recruitment and deprivation of liberty, killing and maiming, sexual violence, attacks on schools and hospitals, abduction and denial of access."""
from .. import aggregate, style
from ..i18n import date_label, label, tick_formatter
from ..loader import load
from ._core import (
    C,
    _implied,
    _bars,
    _concat,
    _count_ticks,
    _finish,
    _grouped,
    _gv_breakdown,
    _hbar_breakdown,
    _legend,
    _new,
    _period_figure,
    _prov,
    describe,
    figure,
)


# ----------------------------------------------------------------------------- recruitment and deprivation of liberty
describe("recruitment_by_group", "recruitment",
         "Children recruited and used in Mali, by party and coalition, {dates}",
         "Enfants recrutés et utilisés au Mali, par partie et coalition, {dates}",
         "The 513 children whose recruitment and use was attributed, grouped by coalition: each party's children are counted once, under its coalition "
         "(CMA 202, Platform 151, JNIM 34, as the report states). Three boys were recruited twice, by GATIA and by MNLA: the report counts 516 cases.",
         "Les 513 enfants dont le recrutement et l'utilisation ont été attribués, regroupés par coalition : chaque enfant est compté une fois, sous sa coalition "
         "(CMA 202, Plateforme 151, JNIM 34, comme l'indique le rapport). Trois garçons ont été recrutés deux fois, par le GATIA et par le MNLA : le rapport compte 516 cas.")


describe("recruitment_by_period", "recruitment",
         "Children recruited and used in Mali, by period, {dates}",
         "Enfants recrutés et utilisés au Mali, par période, {dates}",
         "Children verified as recruited and used in each period (left) and per month (right). The report calls the first three figures cases; "
         "they add up, with the 159 children of 2020, to the 513 children.",
         "Enfants dont le recrutement et l'utilisation ont été vérifiés dans chaque période (à gauche) et par mois (à droite). Le rapport parle de cas pour les trois premiers chiffres ; "
         "avec les 159 enfants de 2020, ils totalisent les 513 enfants.")


describe("recruitment_by_region", "recruitment",
         "Children recruited and used in Mali, by region of recruitment, {dates}",
         "Enfants recrutés et utilisés au Mali, par région de recrutement, {dates}",
         "Where the 513 children were recruited; 10 were recruited in two neighbouring countries.",
         "Lieu de recrutement des 513 enfants ; 10 ont été recrutés dans deux pays voisins.")


describe("recruitment_by_sex", "recruitment",
         "Girls and boys recruited and used in Mali, {dates}",
         "Filles et garçons recrutés et utilisés au Mali, {dates}",
         "Of the 513 children, 60 were girls (aged 11 to 14, all recruited by armed groups; at least 29 were sexually abused during their association) "
         "and 453 boys, aged 9 to 17.",
         "Sur les 513 enfants, 60 étaient des filles (de 11 à 14 ans, toutes recrutées par des groupes armés ; au moins 29 ont subi des abus sexuels pendant leur association) "
         "et 453 des garçons, de 9 à 17 ans.")


describe("detention_captors", "recruitment",
         "Boys captured in Mali for alleged association with armed groups, by captor, {dates}",
         "Garçons capturés au Mali pour association présumée avec des groupes armés, par auteur de la capture, {dates}",
         "The 94 boys, aged 12 to 17, captured by national and international forces and armed groups between 2017 and 2019.",
         "Les 94 garçons de 12 à 17 ans capturés par des forces nationales et internationales et des groupes armés entre 2017 et 2019.")


describe("detention_years_outcomes", "recruitment",
         "Boys captured in Mali: year of capture and what became of them, {dates}",
         "Garçons capturés au Mali : année de capture et devenir, {dates}",
         "Year of capture of the 94 boys (left; the report prints calendar years) and their situation at the time of writing (right): "
         "79 handed over to child protection actors after up to one year of detention, 15 still detained because they are considered adults.",
         "Année de capture des 94 garçons (à gauche ; le rapport donne des années civiles) et leur situation au moment de la rédaction (à droite) : "
         "79 remis aux acteurs de la protection de l'enfance après jusqu'à un an de détention, 15 toujours détenus car considérés comme adultes.")


# ----------------------------------------------------------------------------- killing and maiming
describe("casualties_cause_period", "killing",
         "Children killed and maimed in Mali, by cause and period, {dates}",
         "Enfants tués et mutilés au Mali, par cause et par période, {dates}",
         "Children killed or maimed in attacks on civilians, direct hostilities and crossfire, and by improvised explosive devices and explosive remnants of war, "
         "in each period of the report (a) and per month (b): the periods differ in length (6, 12, 12 and 3 months), so compare the rates per month.",
         "Enfants tués ou mutilés lors d'attaques contre des civils, d'hostilités directes et de tirs croisés, et par des engins explosifs improvisés et des restes explosifs de guerre, "
         "dans chaque période du rapport (a) et par mois (b) : les périodes sont de durées différentes (6, 12, 12 et 3 mois), il faut donc comparer les moyennes mensuelles.")


describe("casualties_by_period", "killing",
         "Children killed and maimed in Mali, by period and per month, {dates}",
         "Enfants tués et mutilés au Mali, par période et par mois, {dates}",
         "Children killed or maimed in each period (left) and per month (right): the first quarter of 2020 was, per month, below 2019 but above 2018.",
         "Enfants tués ou mutilés dans chaque période (à gauche) et par mois (à droite) : au premier trimestre 2020, la moyenne mensuelle était inférieure à 2019 mais supérieure à 2018.")


describe("casualties_by_perpetrator", "killing",
         "Children killed and maimed in Mali, by perpetrator, {dates}",
         "Enfants tués et mutilés au Mali, par auteur, {dates}",
         "The 495 children killed or maimed, by the party the task force attributed them to; 238 could not be attributed "
         "(148 in crossfire and attacks, 90 by explosive devices).",
         "Les 495 enfants tués ou mutilés, selon la partie à laquelle l'équipe spéciale les a attribués ; 238 n'ont pu être attribués "
         "(148 dans des tirs croisés et des attaques, 90 par des engins explosifs).")


describe("casualties_killed_maimed", "killing",
         "Children killed and maimed in Mali, girls and boys, {dates}",
         "Enfants tués et mutilés au Mali, filles et garçons, {dates}",
         "Of the 495 child casualties, 306 were killed and 189 maimed (left); 135 were girls, 331 boys and 29 of unknown sex (right). Ages ranged from a few months to 17 years.",
         "Sur les 495 enfants victimes, 306 ont été tués et 189 mutilés (à gauche) ; 135 étaient des filles, 331 des garçons et 29 de sexe inconnu (à droite). Âges : de quelques mois à 17 ans.")


describe("casualties_by_region", "killing",
         "Children killed and maimed in Mali, by region, {dates}",
         "Enfants tués et mutilés au Mali, par région, {dates}",
         "Mopti Region accounted for 376 of the 495 child casualties (76 per cent), amid intercommunal violence between Dogon and Fulani communities.",
         "La région de Mopti compte 376 des 495 enfants victimes (76 pour cent), sur fond de violences intercommunautaires entre Dogons et Peuls.")


# ----------------------------------------------------------------------------- sexual violence
describe("sexual_violence_by_type", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by type, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par type, {dates}",
        "The 74 girls, aged 11 to 17, verified as subjected to sexual violence. Such violence is highly underreported: the actual number is believed to be much higher.",
        "Les 74 filles de 11 à 17 ans victimes de violences sexuelles vérifiées. Ces violences sont très peu signalées : le nombre réel serait bien plus élevé.")


describe("sexual_violence_by_region", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by region, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par région, {dates}",
        "Where the 74 verified cases occurred; 20 girls were sexually harassed during their association with GATIA, MNLA and MSA in Ménaka.",
        "Lieu des 74 cas vérifiés ; 20 filles ont subi un harcèlement sexuel pendant leur association avec le GATIA, le MNLA et le MSA à Ménaka.")


describe("sexual_violence_by_period", "sexual_violence",
        "Girls subjected to rape and other sexual violence in Mali, by period, {dates}",
        "Filles victimes de viols et d'autres formes de violence sexuelle au Mali, par période, {dates}",
        "Cases verified in each period (left) and per month (right): the first quarter of 2020, 25 cases in three months, stands out.",
        "Cas vérifiés dans chaque période (à gauche) et par mois (à droite) : le premier trimestre 2020, 25 cas en trois mois, se distingue.")


describe("crsv_2019", "sexual_violence",
        "Conflict-related sexual violence verified by MINUSMA in Mali, {dates}: women, girls and men",
        "Violences sexuelles liées aux conflits vérifiées par la MINUSMA au Mali, {dates} : femmes, filles et hommes",
        "MINUSMA verified 27 cases of conflict-related sexual violence in 2019 (S/2020/487), and 22 more that occurred in 2018 but were not reported then. "
        "This count follows different rules from the children and armed conflict count (19 girls in 2019): the two are not comparable.",
        "La MINUSMA a vérifié 27 cas de violences sexuelles liées aux conflits en 2019 (S/2020/487), et 22 autres survenus en 2018 mais signalés plus tard. "
        "Ce décompte suit d'autres règles que celui des enfants et des conflits armés (19 filles en 2019) : les deux ne sont pas comparables.")


# ----------------------------------------------------------------------------- attacks on schools and hospitals
@figure("attacks_by_period", "attacks",
        "Attacks on schools and hospitals in Mali, by period, {dates}",
        "Attaques contre des écoles et des hôpitaux au Mali, par période, {dates}",
        "Attacks on schools and on hospitals and protected personnel verified in each period (left) and per month (right): 216 in all, more than three times the previous report's 62.",
        "Attaques contre des écoles et contre des hôpitaux et du personnel protégé vérifiées dans chaque période (à gauche) et par mois (à droite) : 216 au total, plus du triple des 62 du rapport précédent.")
def _attacks_by_period(ctx):
    sch = aggregate.per_month(_gv_breakdown("period", "attacks_on_schools_and_hospitals", subtype="schools").sort_values("period"))
    hos = aggregate.per_month(_gv_breakdown("period", "attacks_on_schools_and_hospitals", subtype="hospitals").sort_values("period"))
    groups = [label("period", p, ctx.lang) for p in sch["period"]]
    fig, (a1, a2) = _new(ctx, 0.5, ncols=2)
    names = [ctx.t("word.schools"), ctx.t("word.hospitals")]
    colours = [C["attacks_on_schools_and_hospitals"], style.NEUTRAL]
    ids = [sch["row_id"], hos["row_id"]]
    drawn = _grouped(a1, ctx, groups, dict(zip(names, [list(sch["value"]), list(hos["value"])])), colours, ids=ids)
    a1.set_ylabel(ctx.t("axis.attacks"))
    drawn += _grouped(a2, ctx, groups, dict(zip(names, [list(sch["per_month"]), list(hos["per_month"])])), colours,
                      texts=[[ctx.n(v, 1) for v in sch["per_month"]], [ctx.n(v, 1) for v in hos["per_month"]]],
                      ids=ids, months=[sch["months"], hos["months"]])
    a2.set_ylabel(ctx.t("axis.per_month"))
    for ax in (a1, a2):
        ax.tick_params(axis="x", labelsize=ctx.small)
        _legend(ax, 2, ctx.small)
    rows = _concat(_prov(sch, "grave_violations"), _prov(hos, "grave_violations"))
    _finish(fig, ctx, "attacks_by_period", rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


@figure("attacks_by_region", "attacks",
        "Attacks on schools and hospitals in Mali, by region, {dates}",
        "Attaques contre des écoles et des hôpitaux au Mali, par région, {dates}",
        "Where the 169 attacks on schools and the 47 attacks on hospitals were verified. The report lists the regions of all of them: "
        "a region it leaves out had none of that kind (drawn as 0); a figure neither stated nor implied would be hatched, 'not stated'.",
        "Lieu des 169 attaques contre des écoles et des 47 attaques contre des hôpitaux. Le rapport donne la région de chacune : "
        "une région qu'il ne cite pas n'en a compté aucune de ce type (0) ; un chiffre ni indiqué ni déductible serait hachuré, « non indiqué ».")
def _attacks_by_region(ctx):
    kinds = ("schools", "hospitals")
    parts = {k: _gv_breakdown("region", "attacks_on_schools_and_hospitals", subtype=k) for k in kinds}
    regions = list(dict.fromkeys(r for k in kinds for r in parts[k]["region"].astype(str)))
    values, ids, zeros = {}, {}, {}
    for k in kinds:  # a region a complete list leaves out is 0; one no list determines is unknown (None)
        found = [_implied("grave_violations", "attacks", region=r, subtype=k, violation="attacks_on_schools_and_hospitals")
                 for r in regions]
        values[k] = [None if d is None else float(d.value) for d in found]
        ids[k] = [() if d is None else d.summed for d in found]
        zeros[k] = [() if d is None else d.zero_from for d in found]
    fig, ax = _new(ctx, 0.5)
    drawn = _grouped(ax, ctx, [label("region", r, ctx.lang) for r in regions],
                     {ctx.t("word.schools"): values["schools"], ctx.t("word.hospitals"): values["hospitals"]},
                     [C["attacks_on_schools_and_hospitals"], style.NEUTRAL], ids=[ids["schools"], ids["hospitals"]],
                     zero_from=[zeros["schools"], zeros["hospitals"]])
    ax.set_ylabel(ctx.t("axis.attacks"))
    totals = [k for k in kinds if len(parts[k]) < len(regions)]  # the stated totals that imply the zeros
    rows = _concat(*[_prov(parts[k], "grave_violations") for k in kinds],
                   *[_prov(_total_row(parts[k]), "grave_violations") for k in totals])
    _finish(fig, ctx, "attacks_by_region", rows)
    return fig, rows, drawn


def _total_row(parts):
    """The stated total that ``parts`` (a breakdown) break down, as a one-row frame."""
    gv = load("grave_violations")
    return gv[gv["row_id"] == parts.attrs["total"]["row_id"]]


@figure("school_attack_types", "attacks",
        "Attacks on schools in Mali, by kind (per cent), {dates}",
        "Attaques contre des écoles au Mali, par type (pour cent), {dates}",
        "Shares of the 169 attacks on schools by kind, as the report gives them (per cent; they add up to 100).",
        "Part des 169 attaques contre des écoles par type, telles que le rapport les donne (pour cent ; leur somme fait 100).")
def _school_attack_types(ctx):
    parts = _gv_breakdown("subtype", "attacks_on_schools_and_hospitals", unit="percent")
    parts = parts[parts["subtype"].astype(str) != "hospitals"]
    return _share_figure(ctx, "school_attack_types", parts, C["attacks_on_schools_and_hospitals"], 0.42)


def _share_figure(ctx, fid, parts, colour, ratio):
    """Horizontal bars of the shares (per cent) the report gives for the kinds of a violation."""
    fig, ax = _new(ctx, ratio)
    drawn = _bars(ax, ctx, [label("subtype", s, ctx.lang) for s in parts["subtype"]], parts["value"], colour,
                  horizontal=True, texts=[ctx.n(v) + " %" for v in parts["value"]], ids=parts["row_id"])
    ax.set_xlabel(ctx.t("axis.percent"))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(parts, "grave_violations")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


@figure("military_use_of_schools", "attacks",
        "Schools used for military purposes in Mali, by user, {dates}",
        "Écoles utilisées à des fins militaires au Mali, par utilisateur, {dates}",
        "The 20 schools verified as used for military purposes in 2017 (12) and 2019 (8), in Gao, Kidal, Timbuktu and Mopti Regions; one was still used by the Malian armed forces in Gao at the time of writing.",
        "Les 20 écoles dont l'utilisation à des fins militaires a été vérifiée en 2017 (12) et en 2019 (8), dans les régions de Gao, Kidal, Tombouctou et Mopti ; l'une était encore utilisée par les forces armées maliennes à Gao au moment de la rédaction.")
def _military_use(ctx):
    parts = aggregate.breakdown("military_use_of_schools", "perpetrator")
    return _hbar_breakdown(ctx, "military_use_of_schools", parts, "perpetrator", C["attacks_on_schools_and_hospitals"],
                           "axis.schools", table="military_use_of_schools")


@figure("schools_closed", "attacks",
        "Schools closed by insecurity in Mali, {dates}",
        "Écoles fermées en raison de l'insécurité au Mali, {dates}",
        "Schools reported closed by insecurity at three dates, from two sources: 500 at the end of 2017 and 1,261 in March 2020 in seven central and northern regions, "
        "affecting at least 378,300 children (S/2020/1105), and 1,230 in December 2020 (Watchlist). The areas covered may differ; the Government of Mali spoke of 25 per cent of schools closed "
        "and more than 115,000 children out of school (S/AC.51/2020/11, annex). All schools closed nationwide by mid-March 2020 because of COVID-19 (not shown).",
        "Écoles fermées en raison de l'insécurité à trois dates, selon deux sources : 500 fin 2017 et 1 261 en mars 2020 dans sept régions du centre et du nord, "
        "touchant au moins 378 300 enfants (S/2020/1105), et 1 230 en décembre 2020 (Watchlist). Les zones couvertes peuvent différer ; le Gouvernement malien a parlé de 25 pour cent d'écoles fermées "
        "et de plus de 115 000 enfants non scolarisés (S/AC.51/2020/11, annexe). Toutes les écoles ont fermé mi-mars 2020 en raison de la COVID-19 (non représenté).")
def _schools_closed(ctx):
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.ticker import FuncFormatter

    sc = load("schools_closed")
    pts = sc[(sc.measure == "schools_closed") & sc.as_of.str.len().eq(7)].copy()
    pts["date"] = pd.to_datetime(pts["as_of"] + "-15")  # a month: drawn in its middle
    pts = pts.sort_values("date")
    fig, ax = _new(ctx, 0.45)
    markers = {"S/2020/1105": "o", "Watchlist-2021-06": "s"}
    for sid, grp in pts.groupby("source_id", sort=False):
        short = load("sources").set_index("source_id").loc[sid, "short_name" if ctx.lang == "en" else "short_name_fr"]
        ax.plot(grp["date"], grp["value"], marker=markers.get(sid, "D"), linestyle="none",
                color=C["attacks_on_schools_and_hospitals"] if sid == "S/2020/1105" else style.NEUTRAL,
                markersize=8, label=short)
        for r in grp.to_dict("records"):
            ctx.mark(ax, r["as_of"], r["value"], r["row_id"], "point", series=short, label=ctx.n(r["value"]))
    for _, r in pts.iterrows():  # each point with its month and its number
        ax.annotate(f"{date_label(r['as_of'], ctx.lang)}\n{ctx.n(r['value'])}", (r["date"], r["value"]), xytext=(0, 7),
                    textcoords="offset points", ha="center", va="bottom", fontsize=ctx.small, linespacing=1.1)
    ax.set_ylim(0, pts["value"].max() * 1.45)
    ax.set_ylabel(ctx.t("axis.schools"))
    # a date axis: a tick at each January (and July, where there is room), in the figure's language (Babel)
    first, last = pts["date"].min(), pts["date"].max()
    ax.set_xlim(first - pd.DateOffset(months=3), last + pd.DateOffset(months=3))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1,) if ctx.size == "column" else (1, 7)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, pos=None: date_label(mdates.num2date(x), ctx.lang)))
    ax.yaxis.set_major_formatter(tick_formatter(ctx.lang))
    _count_ticks(ax, pts["value"])
    _legend(ax, 2)
    rows = _prov(pts, "schools_closed")
    _finish(fig, ctx, "schools_closed", rows)
    return fig, rows, [float(v) for v in pts["value"]]


# ----------------------------------------------------------------------------- abduction and denial of humanitarian access
@figure("abduction_outcomes", "abduction_denial",
        "Children abducted in Mali: what became of them, {dates}",
        "Enfants enlevés au Mali : ce qu'il est advenu d'eux, {dates}",
        "Of the 38 children abducted (10 girls, 27 boys, 1 of unknown sex, aged 6 to 17), 10 were released, 5 killed, and the whereabouts of 23 remain unknown.",
        "Sur les 38 enfants enlevés (10 filles, 27 garçons, 1 de sexe inconnu, de 6 à 17 ans), 10 ont été libérés, 5 tués, et le sort de 23 reste inconnu.")
def _abduction_outcomes(ctx):
    parts = _gv_breakdown("outcome", "abduction")
    return _hbar_breakdown(ctx, "abduction_outcomes", parts, "outcome", C["abduction"], "axis.children", ratio=0.3)


@figure("abduction_by_region_period", "abduction_denial",
        "Children abducted in Mali, by region and period, {dates}",
        "Enfants enlevés au Mali, par région et par période, {dates}",
        "Where the 38 abductions were verified (a), and when: in each period (b) and per month (c), the periods differing in length; "
        "none in July-December 2017 (a stated zero).",
        "Lieu des 38 enlèvements vérifiés (a) et période : dans chaque période (b) et par mois (c), les périodes étant de durées différentes ; "
        "aucun en juillet-décembre 2017 (zéro indiqué par le rapport).")
def _abduction_region_period(ctx):
    reg = _gv_breakdown("region", "abduction").sort_values("value", ascending=False, kind="stable")
    per = aggregate.per_month(_gv_breakdown("period", "abduction").sort_values("period"))
    # the regions on the left, the periods in counts over the periods per month on the right, so that
    # the period labels have half the width each (one column at column size)
    fig, axes = _new(ctx, 0.45 if ctx.size == "column" else 0.62, ncols=3)
    for ax in axes:
        ax.remove()
    layout = [["a"], ["b"], ["c"]] if ctx.size == "column" else [["a", "b"], ["a", "c"]]
    panels = fig.subplot_mosaic(layout)
    a1, a2, a3 = panels["a"], panels["b"], panels["c"]
    drawn = _bars(a1, ctx, [label("region", r, ctx.lang) for r in reg["region"]], reg["value"], C["abduction"], horizontal=True,
                  ids=reg["row_id"])
    a1.set_xlabel(ctx.t("axis.children"))
    periods = [label("period", p, ctx.lang) for p in per["period"]]
    drawn += _bars(a2, ctx, periods, per["value"], C["abduction"], ids=per["row_id"])
    a2.set_ylabel(ctx.t("axis.children"))
    drawn += _bars(a3, ctx, periods, per["per_month"], C["abduction"], decimals=1, ids=per["row_id"], months=per["months"])
    a3.set_ylabel(ctx.t("axis.per_month"))
    for ax in (a2, a3):
        ax.tick_params(axis="x", labelsize=ctx.small)
    rows = _concat(_prov(reg, "grave_violations"), _prov(per, "grave_violations"))
    _finish(fig, ctx, "abduction_by_region_period", rows, note=ctx.t("word.different_lengths"))
    return fig, rows, drawn


@figure("denial_by_region", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by region, {dates}",
        "Refus d'accès humanitaire au Mali : incidents par région, {dates}",
        "The 425 incidents verified, most attributed to unidentified armed perpetrators (415). 'Other regions' is the report's own residual category.",
        "Les 425 incidents vérifiés, pour la plupart attribués à des auteurs armés non identifiés (415). « Autres régions » est la catégorie résiduelle du rapport.")
def _denial_region(ctx):
    return _hbar_breakdown(ctx, "denial_by_region", _gv_breakdown("region", "denial_of_humanitarian_access"), "region",
                           C["denial_of_humanitarian_access"], "axis.incidents")


@figure("denial_by_period", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by period, {dates}",
        "Refus d'accès humanitaire au Mali : incidents par période, {dates}",
        "Incidents verified in each period (left) and per month (right).",
        "Incidents vérifiés dans chaque période (à gauche) et par mois (à droite).")
def _denial_period(ctx):
    return _period_figure(ctx, "denial_by_period", _gv_breakdown("period", "denial_of_humanitarian_access"),
                          C["denial_of_humanitarian_access"], "axis.incidents")


@figure("denial_by_type", "abduction_denial",
        "Denial of humanitarian access in Mali: incidents by kind (per cent), {dates}",
        "Refus d'accès humanitaire au Mali : incidents par type (pour cent), {dates}",
        "Shares of the 425 incidents by kind, as the report gives them (per cent; they add up to 100).",
        "Part des 425 incidents par type, telles que le rapport les donne (pour cent ; leur somme fait 100).")
def _denial_type(ctx):
    parts = _gv_breakdown("subtype", "denial_of_humanitarian_access", unit="percent")
    return _share_figure(ctx, "denial_by_type", parts, C["denial_of_humanitarian_access"], 0.5)



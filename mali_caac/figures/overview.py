"""Overview figures: all six violations, by period, region and party; the map; the trend across reports."""
from .texts import describe
from .captions import bind, row


# ----------------------------------------------------------------------------- overview
describe("overview_totals", "overview",
        "Verified grave violations against children in Mali, {report_period}",
        "Violations graves vérifiées contre des enfants au Mali, {report_period}",
        "The six grave violations verified by the UN country task force in the {report_months} months of the report, {violations} in all. "
        "Each is counted in the report's own unit: cases of recruitment, children killed or maimed, girls subjected to sexual violence, "
        "attacks, children abducted, incidents of denial of access.",
        "Les six violations graves vérifiées par l'équipe spéciale de pays des Nations Unies pendant les {report_months} mois du rapport, {violations} au total. "
        "Chacune est comptée dans l'unité du rapport : cas de recrutement, enfants tués ou mutilés, filles victimes de violences sexuelles, "
        "attaques, enfants enlevés, incidents de refus d'accès.")
bind("overview_totals", violations=row("gv-001"))


describe("overview_by_period", "overview",
        "Grave violations verified per month in Mali, by violation and period, {report_period}",
        "Violations graves vérifiées par mois au Mali, par violation et par période, {report_period}",
        "Monthly averages of the violations verified in each period of the report; the periods are {period_months} months long, "
        "so the averages, not the raw counts, are comparable. The number on each bar is the monthly average its height shows; "
        "the raw counts are in the rows drawn, listed with the caption.",
        "Moyennes mensuelles des violations vérifiées dans chaque période du rapport ; les périodes durent {period_months} mois : "
        "ce sont les moyennes, non les nombres bruts, qui se comparent. Le nombre inscrit sur chaque barre est la moyenne mensuelle que montre sa hauteur ; "
        "les nombres bruts figurent dans les lignes représentées, jointes à la légende.")


describe("overview_regions", "overview",
        "Verified grave violations by region of Mali and violation, {report_period}",
        "Violations graves vérifiées par région du Mali et par violation, {report_period}",
        "Counts the report states for each region, or that follow from its complete lists (a region absent from a complete list counts zero). "
        "Rows in groups by unit (children; attacks; incidents), each group coloured on its own scale with its own key: colours are not comparable across groups; each cell prints its number. "
        "Hatched cells: the report does not state the figure (denial of access in these regions is inside its 'other regions', {other_regions} incidents).",
        "Nombres que le rapport donne pour chaque région, ou qui découlent de ses listes complètes (une région absente d'une liste complète compte zéro). "
        "Lignes groupées par unité (enfants ; attaques ; incidents), chaque groupe coloré sur sa propre échelle avec sa propre légende : les couleurs ne se comparent pas d'un groupe à l'autre ; chaque cellule porte son nombre. "
        "Cases hachurées : le rapport ne donne pas le chiffre (les refus d'accès dans ces régions sont compris dans ses « autres régions », {other_regions} incidents).")
bind("overview_regions", other_regions=row("gv-235"))


describe("overview_attribution", "overview",
        "Who was responsible for the grave violations verified in Mali, {report_period}",
        "Responsables des violations graves vérifiées au Mali, {report_period}",
        "Shares of the {violations} verified violations as the report states them: more than half could not be attributed to a party. "
        "The shares follow from the counts by party (mali-caac validate checks them).",
        "Parts des {violations} violations vérifiées telles que le rapport les donne : plus de la moitié n'ont pu être attribuées. "
        "Ces parts découlent des nombres par partie (mali-caac validate les vérifie).")
bind("overview_attribution", violations=row("gv-001"))


describe("overview_previous_report", "overview",
        "Grave violations verified per month in Mali: this report against the previous one, {since_previous_report}",
        "Violations graves vérifiées par mois au Mali : ce rapport comparé au précédent, {since_previous_report}",
        "Violations verified per month in the previous report (S/2018/136, {previous_months} months) and in this one (S/2020/1105, {report_months} months), "
        "as S/2020/1105 quotes them: each bar prints the rate it draws; each report's total is under the violation's name. The previous report's figures are as quoted, and its per-violation figures add up to more than the total it quotes (see the discrepancy register, d-01).",
        "Violations vérifiées par mois dans le rapport précédent (S/2018/136, {previous_months} mois) et dans celui-ci (S/2020/1105, {report_months} mois), "
        "telles que S/2020/1105 les cite : chaque barre porte la moyenne mensuelle qu'elle représente ; le total de chaque rapport figure sous le nom de la violation. Les chiffres du rapport précédent sont ceux que cite S/2020/1105, dont la somme dépasse le total cité (voir le registre des divergences, d-01).")
bind("overview_previous_report", previous_months=row("period:2014-2017H1", "months"))


describe("overview_map", "overview",
        "Verified grave violations by region of Mali, {report_period}",
        "Violations graves vérifiées par région du Mali, {report_period}",
        "One map per violation and one for all six, grouped by unit, each unit on its own colour scale with its own key under each map: children (recruitment, killing and maiming, sexual violence, abduction), attacks, incidents of denial of access, and violations for all six; colours are not comparable across units. "
        "White: not listed (zero inferred): the region is absent from a complete list. Hatched grey: the report gives no figure for the region (for all six together it gives only the five most affected regions; "
        "denial of access elsewhere is in its 'other regions'). Children recruited abroad ({abroad}) and the {other_regions} incidents in 'other regions' cannot be mapped. Ménaka is shown as its own region, as in the report.",
        "Une carte par violation et une pour les six, groupées par unité, chaque unité sur sa propre échelle de couleurs avec sa propre légende sous chaque carte : enfants (recrutement, meurtres et mutilations, violences sexuelles, enlèvements), attaques, incidents de refus d'accès, et violations pour les six ; les couleurs ne se comparent pas d'une unité à l'autre. "
        "Blanc : non citée (zéro déduit) : la région est absente d'une liste complète. Gris hachuré : le rapport ne donne pas de chiffre pour la région (pour les six ensemble, il ne donne que les cinq régions les plus touchées ; "
        "les refus d'accès ailleurs sont dans ses « autres régions »). Les {abroad} enfants recrutés à l'étranger et les {other_regions} incidents des « autres régions » ne peuvent pas être cartographiés. Ménaka est une région à part entière, comme dans le rapport.")
bind("overview_map", abroad=row("gv-063"), other_regions=row("gv-235"))


describe("country_reports_trend", "overview",
        "Grave violations verified per month in Mali, across the Secretary-General's country reports, {country_reports_years}",
        "Violations graves vérifiées par mois au Mali, d'un rapport de pays du Secrétaire général à l'autre, {country_reports_years}",
        "Each report's total of verified grave violations divided by the months it covers ({months}); each bar prints its rate, and the total is under the report's name. "
        "The second report's total is as the third quotes it (its parts add up to more, see d-01); the fourth and fifth are as read from secondary web pages. "
        "No total was found for the first report (2012-2013).",
        "Total des violations graves vérifiées de chaque rapport divisé par le nombre de mois couverts ({months}) ; chaque barre porte sa moyenne mensuelle, et le total figure sous le nom du rapport. "
        "Le total du deuxième rapport est celui que cite le troisième (la somme de ses parties est plus élevée, voir d-01) ; ceux du quatrième et du cinquième proviennent de pages web secondaires. "
        "Aucun total n'a été trouvé pour le premier rapport (2012-2013).")

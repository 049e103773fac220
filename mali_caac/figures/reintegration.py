"""Figures of release, reintegration, trainings and dialogue (S/2020/1105 section V)."""
from .. import aggregate, style
from ..loader import load
from ._core import _hbar_breakdown, _hbar_rows, _period_figure, figure


# ----------------------------------------------------------------------------- release and reintegration
@figure("transit_centres_by_period", "reintegration",
        "Children given care in transit centres in Mali, by period, {report_period}",
        "Enfants pris en charge dans les centres de transit au Mali, par période, {report_period}",
        "The 593 children (49 girls, 544 boys) released from armed forces and groups who received care in transit centres, by period (left) and per month (right).",
        "Les 593 enfants (49 filles, 544 garçons) sortis des forces et groupes armés pris en charge dans des centres de transit, par période (à gauche) et par mois (à droite).")
def _transit(ctx):
    parts = aggregate.breakdown("release_and_reintegration", "period", measure="transit_care")
    fig_rows = _period_figure(ctx, "transit_centres_by_period", parts, style.NEUTRAL, "axis.children_in_care",
                              rate_axis="axis.children_in_care_per_month")
    fig_rows[1]["table"] = "release_and_reintegration"
    return fig_rows


@figure("reintegration_outcomes", "reintegration",
        "Reintegration support for children leaving transit centres in Mali, {report_period}",
        "Appui à la réintégration des enfants sortis des centres de transit au Mali, {report_period}",
        "Of the 593 children, 382 received socioeconomic reintegration support (education, vocational training, income-generating activities); "
        "211 could not, for lack of access to the areas where they rejoined their families.",
        "Sur les 593 enfants, 382 ont bénéficié d'un appui à la réintégration socioéconomique (éducation, formation professionnelle, activités génératrices de revenus) ; "
        "211 n'ont pu en bénéficier, faute d'accès aux zones où ils ont retrouvé leur famille.")
def _reintegration(ctx):
    parts = aggregate.breakdown("release_and_reintegration", "outcome", measure="transit_care")
    return _hbar_breakdown(ctx, "reintegration_outcomes", parts, "outcome", style.NEUTRAL,
                           "axis.children", ratio=0.3, table="release_and_reintegration")


@figure("trainings_and_dialogue", "reintegration",
        "Trainings, sensitization and dialogue by the UN country task force in Mali, {report_period}",
        "Formations, sensibilisation et dialogue menés par l'équipe spéciale de pays au Mali, {report_period}",
        "People reached by the task force's trainings, sensitization and dialogue workshops (S/2020/1105, section V). Each bar is one group as the report names it.",
        "Personnes touchées par les formations, la sensibilisation et les ateliers de dialogue de l'équipe spéciale (S/2020/1105, section V). Chaque barre est un groupe tel que le rapport le nomme.")
def _trainings(ctx):
    pa = load("programme_activities")
    keep = pa[(pa.unit == "persons") & pa.activity.isin(["training_child_protection", "sensitization", "dialogue_workshops",
                                                         "training_child_friendly_interviewing"])
              & pa.restates.isna() & (pa.source_id == "S/2020/1105")]
    keep = keep[~keep.participants.str.startswith("women")].sort_values("value", ascending=False, kind="stable")
    labels = [ctx.t(f"participants.{r}") for r in keep["row_id"]]
    return _hbar_rows(ctx, "trainings_and_dialogue", keep, labels, style.NEUTRAL, "axis.persons",
                      "programme_activities", ratio=0.6, ytick=ctx.small)



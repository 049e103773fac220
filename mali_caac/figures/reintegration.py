"""Figures of release, reintegration, trainings and dialogue (S/2020/1105 section V)."""
from .texts import describe
from .captions import bind, row


# ----------------------------------------------------------------------------- release and reintegration
describe("transit_centres_by_period", "reintegration",
        "Children given care in transit centres in Mali, by period, {report_period}",
        "Enfants pris en charge dans les centres de transit au Mali, par période, {report_period}",
        "The {children} children ({girls} girls, {boys} boys) released from armed forces and groups who received care in transit centres, by period (left) and per month (right).",
        "Les {children} enfants ({girls} filles, {boys} garçons) sortis des forces et groupes armés pris en charge dans des centres de transit, par période (à gauche) et par mois (à droite).")
bind("transit_centres_by_period", children=row("rr-001"), girls=row("rr-002"), boys=row("rr-003"))


describe("reintegration_outcomes", "reintegration",
        "Reintegration support for children leaving transit centres in Mali, {report_period}",
        "Appui à la réintégration des enfants sortis des centres de transit au Mali, {report_period}",
        "Of the {children} children, {supported} received socioeconomic reintegration support (education, vocational training, income-generating activities); "
        "{unsupported} could not, for lack of access to the areas where they rejoined their families.",
        "Sur les {children} enfants, {supported} ont bénéficié d'un appui à la réintégration socioéconomique (éducation, formation professionnelle, activités génératrices de revenus) ; "
        "{unsupported} n'ont pu en bénéficier, faute d'accès aux zones où ils ont retrouvé leur famille.")
bind("reintegration_outcomes", children=row("rr-001"), supported=row("rr-008"), unsupported=row("rr-009"))


describe("trainings_and_dialogue", "reintegration",
        "Trainings, sensitization and dialogue by the UN country task force in Mali, {report_period}",
        "Formations, sensibilisation et dialogue menés par l'équipe spéciale de pays au Mali, {report_period}",
        "People reached by the task force's trainings, sensitization and dialogue workshops (S/2020/1105, section V). Each bar is one group as the report names it.",
        "Personnes touchées par les formations, la sensibilisation et les ateliers de dialogue de l'équipe spéciale (S/2020/1105, section V). Chaque barre est un groupe tel que le rapport le nomme.")

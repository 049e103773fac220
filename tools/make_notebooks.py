"""Write the section notebooks (maintainers). Their text lives here; their logic in mali_caac.

Run `python tools/make_notebooks.py && mali-caac refresh-notebooks` after changing a
notebook's text or the list of figures of a section.
"""
import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from mali_caac.figures import DEFAULTS, PARAMETERS, SECTIONS, figure_ids

VERIFIED = (
    "**What the numbers mean.** Every figure here was *verified* by the United Nations country task force on "
    "monitoring and reporting in Mali (co-chaired by MINUSMA and UNICEF): the task force confirmed each incident "
    "from credible sources before counting it. Insecurity and access restrictions limited verification, so the "
    "figures are a floor, not the full scale of the violations (S/2020/1105, para 1). The report's periods differ "
    "in length: its '2017' is July-December (6 months) and its '2020' is January-March (3 months); figures by "
    "period are shown per month as well.\n\n"
    "Every number is a row of `data/` with its source, paragraph and quote; the table under each figure lists "
    "the rows it draws, and `mali-caac validate` checks them against every total they belong to."
)

INTRO = {
    "overview": ("Overview: grave violations against children in Mali, July 2017 to March 2020",
                 "The Security Council has named six *grave violations* against children in armed conflict: "
                 "recruitment and use of children, killing and maiming, rape and other forms of sexual violence, "
                 "attacks on schools and hospitals, abduction, and denial of humanitarian access. The third "
                 "report of the Secretary-General on children and armed conflict in Mali (S/2020/1105) counts "
                 "1,764 verified violations affecting 1,092 children over 33 months, more than twice the previous "
                 "report's count over a longer period. This notebook shows them by type, period and region (with a "
                 "map of the regions as the report counts them, Ménaka on its own), who was responsible, the change "
                 "against the previous report, and the trend across the Secretary-General's five country reports, "
                 "per month because their periods differ in length."),
    "recruitment": ("Recruitment and use of children; deprivation of liberty",
                    "*Recruitment and use* covers any child under 18 associated with an armed force or group, as a "
                    "fighter or in support roles (cooks, guards, couriers, domestic workers). The report verified "
                    "516 cases affecting 513 children aged 9 to 17, most by signatory armed groups and their "
                    "splinter groups; for the first time since 2014, 45 boys were verified as associated with the "
                    "Malian armed forces (a finding the Government rejects, see the discrepancy register). Children "
                    "captured for alleged association with armed groups should be treated primarily as victims and "
                    "handed over to child protection actors; the second part of this notebook shows the 94 boys "
                    "captured and what became of them."),
    "killing": ("Killing and maiming of children",
                "*Killing and maiming* counts children killed or injured by the conflict, whatever the weapon. "
                "The report verified 495 child casualties, most in Mopti Region amid intercommunal violence, and "
                "could not attribute almost half to a party. It distinguishes casualties in attacks on civilians, "
                "direct hostilities and crossfire from those caused by improvised explosive devices and explosive "
                "remnants of war."),
    "sexual_violence": ("Rape and other forms of sexual violence against children",
                        "The report verified 74 girls subjected to rape, sexual harassment, forced marriage and "
                        "attempted rape. Sexual violence is the most underreported violation: fear of reprisals, "
                        "stigma, lack of services and insecurity keep survivors from coming forward, and the actual "
                        "number is believed to be much higher (S/2020/1105, paras 26 and 28). The last figure comes "
                        "from a different reporting system, the Secretary-General's report on conflict-related "
                        "sexual violence (S/2020/487), which counts women and men as well."),
    "attacks": ("Attacks on schools and hospitals; schools closed",
                "*Attacks on schools and hospitals* include threats against and killing of teachers and health "
                "workers, burning and looting of buildings, and their use for military purposes. The report "
                "verified 216 attacks, more than three times the previous report's. Beyond the attacks, insecurity "
                "closed hundreds of schools: 1,261 by March 2020, affecting at least 378,300 children."),
    "abduction_denial": ("Abduction of children and denial of humanitarian access",
                         "*Abduction* is the unlawful removal or seizure of a child; the report verified 38, and the "
                         "whereabouts of 23 of those children remain unknown. *Denial of humanitarian access* covers "
                         "attacks on humanitarian workers and property and restrictions that keep aid from children: "
                         "425 incidents, most by unidentified armed perpetrators, often carjackings."),
    "reintegration": ("Release, care and reintegration; trainings and dialogue",
                      "Children released from armed forces and groups first pass through transit and orientation "
                      "centres for care and psychosocial support, then need help to return to school, training or "
                      "work. This notebook shows the children cared for, how many received reintegration support, "
                      "and the trainings and dialogue the country task force held with the armed forces and armed "
                      "groups (S/2020/1105, section V)."),
    "us_assistance": ("US assistance and security cooperation with Mali",
                      "These figures come from a 2022 factsheet by Brown University's Center for Human Rights and "
                      "Humanitarian Studies, the Security Assistance Monitor and InterAction. It stresses that the "
                      "United States gave Mali far more humanitarian than security assistance, and was a minor arms "
                      "supplier and trainer. The factsheet's charts did not survive; only figures stated in its text "
                      "are used, and where it gives two figures for the same thing both are shown. The last two "
                      "figures add the US government's own series (Foreign Aid Explorer, fiscal years 1961-2022) "
                      "and compare it with the factsheet's 2020 figures."),
    "civilian_harm": ("Civilian harm, 2021-2022",
                      "The factsheet reports civilian harm attributed to the Malian armed forces, the Wagner Group and "
                      "armed groups after the 2020 and 2021 coups. Counts of the same event disagree, sometimes by a "
                      "factor of three: each is shown with who made it, never merged. These are reported figures, not "
                      "verified by the UN country task force."),
}

PARAMS = (f'lang = {json.dumps(DEFAULTS["lang"])}  # {" or ".join(PARAMETERS["lang"])}\n'
          f'formats = {json.dumps(list(DEFAULTS["formats"]))}  # any of {", ".join(PARAMETERS["formats"])}\n'
          f'dpi = {DEFAULTS["dpi"]}\n'
          f'size = {json.dumps(DEFAULTS["size"])}  # {", ".join(PARAMETERS["size"][:-1])} or {PARAMETERS["size"][-1]}\n'
          f'bare = {DEFAULTS["bare"]}  # True leaves out titles and source lines (journals)\n'
          'output_dir = None  # a folder to write the figures to; None shows them only')


def make(section):
    title, intro = INTRO[section]
    cells = [new_markdown_cell(f"# {title}\n\n{intro}\n\n{VERIFIED}"),
             new_code_cell(PARAMS, metadata={"tags": ["parameters"]}),
             new_code_cell("from mali_caac.notebook import setup, show\n\n"
                           "params = setup(lang=lang, formats=formats, dpi=dpi, size=size, bare=bare, output_dir=output_dir)")]
    for fid in figure_ids(section):
        cells.append(new_code_cell(f'show("{fid}", params)'))
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    return nb


if __name__ == "__main__":
    folder = Path(__file__).resolve().parent.parent / "notebooks"
    for section in SECTIONS:
        nbformat.write(make(section), folder / f"{section}.ipynb")
        print(f"wrote notebooks/{section}.ipynb")

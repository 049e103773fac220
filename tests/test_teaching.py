"""The teaching pack: its answers equal what the data says, in English and in French, and stay hidden.

The exercises are executed here (English as committed, French through its catalogue), each glued value is read
back from the outputs and compared with a computation made straight from the CSV files of ``data/`` with the
csv module, not through the library functions the notebook calls. nbval also runs the English notebook
against its committed outputs.
"""
import csv
import re
from pathlib import Path

import nbformat
import pytest

from mali_caac import teaching
from mali_caac.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTEBOOK = ROOT / "notebooks" / "teaching" / "exercises.ipynb"
NOTE = ROOT / "notebooks" / "teaching" / "facilitator.md"
NNBSP = "\u202f"


def table(name):
    """The rows of a CSV of data/ as dicts of text; rows that restate or refine another are left out."""
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if not r.get("restates") and not r.get("refines")]


def values(name, **where):
    return [float(r["value"]) for r in table(name) if all(r[k] == v for k, v in where.items())]


def one(name, **where):
    [value] = values(name, **where)
    return value


ALL = dict(period="all", region="all", perpetrator="all", sex="all", subtype="all", cause="all", outcome="all")


def gv(**where):
    """The one grave_violations figure with these dimensions, 'all' for every dimension not given."""
    return one("grave_violations", **{**ALL, **where})


def months(start, end):
    (y0, m0), (y1, m1) = [(int(d[:4]), int(d[5:7])) for d in (start, end)]
    return (y1 - y0) * 12 + m1 - m0 + 1


def expected():
    """Every value the exercises glue, computed from the CSV files."""
    e = {"violations": gv(violation="all", unit="violations"), "children": gv(violation="all", unit="children"),
         "recruitment_cases": gv(violation="recruitment_and_use", unit="cases"),
         "recruitment_children": gv(violation="recruitment_and_use", unit="children"),
         "recruited_twice": gv(violation="recruitment_and_use", sex="male", subtype="recruited_twice")}
    headline = {"recruitment_and_use": "cases", "killing_and_maiming": "children", "sexual_violence": "children",
                "attacks_on_schools_and_hospitals": "attacks", "abduction": "children",
                "denial_of_humanitarian_access": "incidents"}
    e["six_headline_sum"] = sum(gv(violation=v, unit=u) for v, u in headline.items())
    # 2: recruitment by period, per month
    period_months = {r["period"]: int(r["months"]) for r in table("periods")}
    recruited = {p: gv(violation="recruitment_and_use", period=p, unit="children")
                 for p in ("2017H2", "2018", "2019", "2020Q1")}
    for p, value in recruited.items():
        e[f"per_month_{p}"] = value / period_months[p]
    for p in ("2019", "2020Q1"):
        e[f"recruited_{p}"], e[f"months_{p}"] = recruited[p], period_months[p]
    e["rate_ratio_2020_2019"] = e["per_month_2020Q1"] / e["per_month_2019"]
    e["recruited_all_periods"] = sum(recruited.values())
    # 3: unattributed and unknown
    parties = {r["party"]: r for r in table("parties")}
    km = [r for r in table("grave_violations") if r["violation"] == "killing_and_maiming" and r["unit"] == "children"
          and all(r[k] == "all" for k in ("period", "region", "sex", "subtype", "cause", "outcome"))]
    e["casualties"] = next(float(r["value"]) for r in km if r["perpetrator"] == "all")
    e["casualties_unattributed"] = next(float(r["value"]) for r in km if r["perpetrator"] == "unattributed")
    armed = sum(float(r["value"]) for r in km if parties[r["perpetrator"]]["attribution"] == "armed_groups"
                and parties[r["perpetrator"]]["type"] not in ("category", "coalition"))
    e["casualties_unattributed_share"] = 100 * e["casualties_unattributed"] / e["casualties"]
    e["armed_share_of_all"] = 100 * armed / e["casualties"]
    e["armed_share_of_attributed"] = 100 * armed / (e["casualties"] - e["casualties_unattributed"])
    e["violations_unattributed_share"] = gv(violation="all", perpetrator="unattributed", unit="percent")
    e["sex_unknown"] = gv(violation="all", sex="unknown", unit="children")
    e["girls_and_boys"] = gv(violation="all", sex="female", unit="children") + gv(violation="all", sex="male",
                                                                                    unit="children")
    # 4: the country reports, per month of the period each covers
    sources = {r["source_id"]: r for r in table("sources")}
    for report, key in [("S/2018/136", "second"), ("S/2020/1105", "third"), ("S/2022/856", "fourth"),
                        ("SG-CAAC-Mali-5", "fifth")]:
        total = one("country_reports", report=report, violation="all", sex="all", unit="violations")
        span = months(sources[report]["period_start"], sources[report]["period_end"])
        e[f"per_month_{key}"] = total / span
        if key in ("second", "third"):
            e[f"months_{key}"] = span
    e["secondary_reports"] = len([r for r in table("country_reports") if r["violation"] == "all" and r["sex"] == "all"
                                  and r["unit"] == "violations" and r["secondary"] == "true"])
    e["previous_total"] = one("country_reports", report="S/2018/136", violation="all", unit="violations")
    e["previous_parts"] = sum(float(r["value"]) for r in table("country_reports")
                              if r["report"] == "S/2018/136" and r["violation"] in headline)
    e["crsv_girls_2019"] = one("crsv", year="2019", victim_group="girls", measure="cases_verified")
    e["sexual_violence_2019"] = gv(violation="sexual_violence", period="2019", unit="children")
    # 5: claims about Moura, and the qualified figures
    with open(DATA / "civilian_harm.csv", encoding="utf-8", newline="") as f:
        moura = {r["row_id"]: r for r in csv.DictReader(f) if r["event"] == "moura_2022"}
    e.update(moura_ministry=float(moura["ch-012"]["value"]), moura_hrw=float(moura["ch-014"]["value"]),
             moura_witnesses=float(moura["ch-015"]["value"]), moura_factsheet=float(moura["ch-041"]["value"]),
             moura_claimants=len({r["reported_by"] for r in moura.values()}))
    with open(DATA / "grave_violations.csv", encoding="utf-8", newline="") as f:
        every = list(csv.DictReader(f))
    e["verified_rows_qualified"] = sum(r["qualifier"] != "exact" for r in every)
    # 6: late verification
    e["crsv_cases_2019"] = one("crsv", year="2019", victim_group="all", measure="cases_verified")
    e["crsv_late"] = one("crsv", measure="incidents_verified_late")
    e["recruitment_cases_verified"] = e["recruitment_cases"]
    # 7: small numbers
    small = 10
    incidents = table("incidents")
    e.update(small=small, incident_rows=len(incidents),
             incident_rows_small=sum(r["unit"] in ("children", "persons") and float(r["value"]) < small
                                     for r in incidents),
             incident_rows_ages=sum(r["unit"] == "years" for r in incidents),
             incident_rows_located=sum(bool(r["place"] or r["date"]) for r in incidents),
             figure_rows_small=sum(r["unit"] == "children" and 0 < float(r["value"]) < small for r in every))
    # 8: Mopti's panels: the headline figure of each violation there (attacks: schools plus hospitals)
    by_region = {**headline, "recruitment_and_use": "children"}  # the regions add up to children (d-02)
    panels = [gv(violation=v, region="Mopti", unit=u) for v, u in by_region.items()
              if v != "attacks_on_schools_and_hospitals"]
    panels += [gv(violation="attacks_on_schools_and_hospitals", region="Mopti", subtype=s, unit="attacks")
               for s in ("schools", "hospitals")]
    e["mopti_panels"] = sum(panels)
    e["mopti_stated"] = gv(violation="all", region="Mopti", unit="violations")
    e["mopti_casualties"] = gv(violation="killing_and_maiming", region="Mopti", unit="children")
    e["mopti_denial"] = gv(violation="denial_of_humanitarian_access", region="Mopti", unit="incidents")
    return e


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """{lang: the executed exercises notebook}: English as committed, French through its catalogue."""
    folder = tmp_path_factory.mktemp("teaching")
    out = {}
    for lang, nb in (("en", nbformat.read(NOTEBOOK, as_version=4)), ("fr", teaching.translate("exercises", "fr"))):
        out[lang] = nbformat.read(teaching.execute(nb, lang, folder / f"exercises_{lang}.ipynb"), as_version=4)
    return out


def written(value, lang, decimals=0, percent=False):
    """A number as the answers should write it, formatted here without the library."""
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text + (("\u00a0%" if lang == "fr" else "%") if percent else "")


SHARES = {"casualties_unattributed_share", "armed_share_of_all", "armed_share_of_attributed",
          "violations_unattributed_share"}
ONE_DECIMAL = re.compile(r"^(per_month_|rate_ratio_)")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_answer_is_what_the_data_says(executed, lang):
    glued = teaching.glued(executed[lang])
    want = expected()
    want["cells_not_stated"] = glued["cells_not_stated"][1]  # checked on its own below
    assert sorted(glued) == sorted(want)
    for name, (text, value) in glued.items():
        assert value == pytest.approx(want[name]), name
        decimals = 1 if ONE_DECIMAL.match(name) else 0
        assert text == written(want[name], lang, decimals, percent=name in SHARES), name


def test_blank_map_cells_are_the_regions_with_no_figure(executed):
    """The hatched cells of the map: regions in the map's columns for which a violation has no stated figure."""
    import mali_caac

    table_ = mali_caac.violations_by("region")
    text, value = teaching.glued(executed["en"])["cells_not_stated"]
    assert value == table_.isna().sum().sum() > 0


def test_what_the_answers_say_in_words_holds():
    """Sentences of the answers that compare numbers: each comparison, checked on the data."""
    e = expected()
    assert e["recruited_2020Q1"] < e["recruited_2019"] and e["per_month_2020Q1"] > e["per_month_2019"]
    assert e["per_month_second"] < e["per_month_third"] < e["per_month_fourth"]
    assert abs(e["per_month_fifth"] - e["per_month_fourth"]) / e["per_month_fourth"] < 0.05
    assert e["violations_unattributed_share"] > 50  # "the largest group"
    assert e["armed_share_of_attributed"] > e["armed_share_of_all"]
    assert e["previous_parts"] != e["previous_total"] and e["secondary_reports"] == 2
    assert e["six_headline_sum"] == e["violations"] and e["mopti_panels"] == e["mopti_stated"]
    assert e["recruitment_cases"] - e["recruitment_children"] == e["recruited_twice"]
    assert e["recruited_all_periods"] == e["recruitment_children"]


def _answers(nb):
    """The Markdown cells that hold answers: a dropdown admonition titled Answer."""
    return [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("```{admonition}")]


def test_answers_are_hidden_and_computed():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    answers = _answers(nb)
    assert len(answers) >= 6
    for cell in answers:
        assert cell.source.splitlines()[1] == ":class: dropdown" and cell.source.rstrip().endswith("```")
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "{glue" in cell.source:
            assert cell in answers, "a glued value outside a hidden answer"
        if cell.cell_type == "code" and "glue(" in cell.source and "import" not in cell.source:
            assert "hide-cell" in cell.metadata.get("tags", []), cell.source[:60]
    used = {m for c in answers for m in re.findall(r"\{glue:text\}`([^`]+)`", c.source)}
    assert used == set(teaching.glued(nb)), "a glued value not used in prose, or a role without its value"


# What may hold a digit in an answer's prose without being a typed number: a glued value, a document's
# symbol, a register entry or row id, a paragraph reference, a year naming a period, a figure id.
NOT_NUMBERS = re.compile(r"\{glue:text\}`[^`]+`|S/AC\.51/\d+/\d+|S/\d{4}/\d+|\bd-[\w-]+|\b[a-z]{2}-\d{3}\b"
                         r"|\bpara\.? \d+|\bpar\. \d+|\b(?:19|20)\d\d\b|`[^`]+`")


def test_no_number_is_typed_into_an_answer():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in _answers(nb):
        for line in cell.source.splitlines():
            assert not re.search(r"\d", NOT_NUMBERS.sub("", line)), line
    assert re.search(r"\d", NOT_NUMBERS.sub("", "The task force verified 1,764 violations"))  # the check bites


@pytest.mark.parametrize("name", ["exercises", "facilitator"])
def test_the_french_catalogue_translates_every_line_and_only_those(name):
    path = teaching.catalogue_path(name, "fr")
    table_ = teaching.read_catalogue(path)
    if name == "exercises":
        wanted = {m for _, m in teaching.notebook_messages(nbformat.read(NOTEBOOK, as_version=4))}
    else:
        wanted = set(teaching.messages(NOTE.read_text(encoding="utf-8")))
    assert not wanted - set(table_), f"{path.name}: no translation for {sorted(wanted - set(table_))[:3]}"
    assert not set(table_) - wanted, f"{path.name}: obsolete messages {sorted(set(table_) - wanted)[:3]}"
    for msgid, msgstr in table_.items():
        for markup in (r"\{glue:text\}`[^`]+`", r"`[^`]+`"):
            assert sorted(re.findall(markup, msgid)) == sorted(re.findall(markup, msgstr)) or "Answer" in msgid, msgid
        assert not re.search(r" [;:?!»]|« ", msgstr), f"French spacing (narrow no-break space): {msgstr[:60]}"


def test_french_pack_reads_in_french(executed):
    nb = executed["fr"]
    assert nb.cells[0].source.startswith("# Lire les chiffres")
    assert all(c.source.startswith("```{admonition} Réponse") for c in _answers(nb))
    assert "injected-parameters" in [t for c in nb.cells for t in c.metadata.get("tags", [])]
    note = teaching.translate("facilitator", "fr")
    assert note.startswith("# Note de l'animateur") and "## Ce qu'il ne faut pas conclure" in note


def test_a_missing_translation_is_refused_by_name():
    text = NOTE.read_text(encoding="utf-8") + "\nA paragraph added without its translation.\n"
    # one route (mali_caac.translation) for sections, exercises and pages: the same message names the gap
    with pytest.raises(DataError, match=r"teaching/facilitator\.md, line \d+: no translation for \u201cA paragraph added"):
        teaching.translate("facilitator", "fr", source=text)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    question = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## Exercise 1"))
    nb.cells[question].source += "\n\nAnother question?"
    with pytest.raises(DataError, match=rf"teaching/exercises\.ipynb, cell {question}: no translation for \u201cAnother question\?"):
        teaching.translate("exercises", "fr", source=nb)


def test_exercises_sections_and_pages_take_one_translation_route(monkeypatch):
    """teaching.translate is mali_caac.translation's route (it had a line-based parser of its own), which keeps
    French narrow no-break spaces as the catalogue writes them (the sections' route turned them into spaces)."""
    from mali_caac import translation

    called = []
    monkeypatch.setattr(translation, "translate_page", lambda text, name, lang, locales=None: called.append(name) or text)
    teaching.translate("facilitator", "fr")
    assert called == ["teaching/facilitator.md"]
    assert translation.translate_markdown("Why: here", {"Why: here": "Pourquoi\u202f: ici"}) == "Pourquoi\u202f: ici"
    assert translation.translate_markdown("A\nb", {"A\nb": "Un\n  b"}) == "Un b"  # soft line break: a space


def test_each_paragraph_is_one_line():
    """Sphinx's gettext makes one message of a paragraph: a paragraph spread over lines would not match the
    catalogue's one message per line (nor render as the paragraphs it was meant to be)."""
    item = re.compile(r"^\s*(?:[-*]|\d+\.|#{1,6})\s")
    texts = [c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "markdown"]
    for text in texts + [NOTE.read_text(encoding="utf-8")]:
        lines = text.splitlines()
        for before, line in zip(lines, lines[1:]):
            prose = [teaching.messages(x) and not x.lstrip().startswith(("```", ":")) for x in (before, line)]
            if all(prose):
                assert item.match(line), f"a paragraph on two lines: {before[:40]!r} / {line[:40]!r}"

"""Figure bundles (issue 15, item 5): every figure of every language as one zip, checked against its files.

Each bundle is opened: the figure's PNG, SVG, PDF, CSV and caption file are the bytes of ``figures/<lang>/``;
``metadata.json`` agrees with the caption (title, rows drawn, sources and their paragraphs) and with the CSV
(values drawn); the licence names outside data where the figure draws it; the same inputs give the same bytes.
"""
import csv
import hashlib
import io
import json
import zipfile

import pytest

from mali_caac import bundles, site
from mali_caac.build import ROOT, BuildError
from mali_caac.i18n import LANGS
from mali_caac.package import open_package

FIGURES = ROOT / "figures"
IDS = sorted(p.stem for p in (FIGURES / "en").glob("*.png"))


@pytest.fixture(scope="module")
def built():
    """{(lang, figure id): zip bytes} for every committed figure."""
    pkg = open_package()
    return {(lang, fid): bundles.bundle_bytes(FIGURES, lang, fid, pkg) for lang in LANGS for fid in IDS}


def test_every_figure_of_both_languages_has_a_bundle_with_its_files(built):
    assert len(IDS) > 40 and set(IDS) == {p.stem for p in (FIGURES / "fr").glob("*.png")}
    version = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["version"]
    for (lang, fid), data in built.items():
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        top = f"{fid}-{lang}/"
        assert names == sorted(names) and names == sorted(
            top + n for n in ("README.md", "metadata.json", *(f"{fid}.{ext}" for ext in bundles.FILES))), (lang, fid)
        assert {i.date_time for i in z.infolist()} == {bundles.ZIP_DATE}
        for ext in bundles.FILES:  # the same bytes as the committed figure files
            assert z.read(f"{top}{fid}.{ext}") == (FIGURES / lang / f"{fid}.{ext}").read_bytes(), (lang, fid, ext)
        meta = json.loads(z.read(top + "metadata.json"))
        title, paragraphs, _ = site.read_figure(FIGURES, lang, fid)
        caption = (FIGURES / lang / f"{fid}.md").read_text(encoding="utf-8")
        rows = [ln for ln in caption.split("\n## ")[-1].splitlines() if ln.startswith("| ")][1:]
        with open(FIGURES / lang / f"{fid}.csv", encoding="utf-8", newline="") as fh:
            values = list(csv.DictReader(fh))
        assert (meta["id"], meta["language"], meta["title"]) == (fid, lang, title)
        assert meta["source_line"] in paragraphs and meta["source_line"].startswith("Source")
        assert meta["caption"] == [p for p in paragraphs if p != meta["source_line"]]
        assert meta["rows_drawn"] == len(rows) > 0 and meta["values_drawn"] == len(values) > 0, (lang, fid)
        assert meta["data_version"]["version"] == version
        assert meta["licence"]["name"] == "CC-BY-4.0"
        assert meta["files"] == {f"{fid}.{ext}": hashlib.sha256((FIGURES / lang / f"{fid}.{ext}").read_bytes())
                                 .hexdigest() for ext in bundles.FILES}
        drawn = {bundles._split_row(r)[4] for r in rows}  # the caption's source column
        assert drawn <= {s["source_id"] for s in meta["sources"]}, (lang, fid)
        assert all(s["paragraphs"] for s in meta["sources"] if s["source_id"] in drawn), (lang, fid)
        assert title in meta["cite"]["figure"] and version in meta["cite"]["figure"] and fid in meta["cite"]["figure"]
        assert version in meta["cite"]["dataset"]
        readme = z.read(top + "README.md").decode("utf-8")
        assert readme.startswith(f"# {title}\n") and meta["cite"]["figure"] in readme
        assert f"{len(values)} " in readme and f"{len(rows)} " in readme


def test_outside_data_keeps_its_licence_and_paragraphs_are_written_in_the_language(built):
    def meta(lang, fid):
        z = zipfile.ZipFile(io.BytesIO(built[(lang, fid)]))
        return json.loads(z.read(f"{fid}-{lang}/metadata.json"))

    us = meta("en", "us_aid_series")
    assert us["licence"]["outside_data"] == [{"source_id": "USAID-FAE",
                                              "licence": "Public domain (work of the US government)"}]
    boundaries = meta("fr", "overview_map")  # the map's boundaries are geoBoundaries, CC BY 4.0
    assert {"source_id": "geoBoundaries-MLI-ADM2", "licence": "CC BY 4.0"} in boundaries["licence"]["outside_data"]
    attacks_en, attacks_fr = meta("en", "attacks_by_period"), meta("fr", "attacks_by_period")
    assert attacks_en["sources"][0]["paragraphs"] == ["paras 30, 34"]
    assert attacks_fr["sources"][0]["paragraphs"] == ["par.\u00a030, 34"]
    assert attacks_en["licence"]["outside_data"] == []
    readme = zipfile.ZipFile(io.BytesIO(built[("fr", "attacks_by_period")])).read(
        "attacks_by_period-fr/README.md").decode("utf-8")
    assert "## Comment citer" in readme and "Licence" in readme and "Fichiers" in readme


def test_the_same_inputs_give_the_same_bytes(built, tmp_path):
    pkg = open_package()
    for lang, fid in (("en", "overview_totals"), ("fr", "overview_map")):
        path = bundles.write_bundle(FIGURES, lang, fid, tmp_path, pkg)
        assert path.name == f"{fid}-{lang}.zip" and path.read_bytes() == built[(lang, fid)]


def test_a_figure_missing_a_file_has_no_bundle_and_is_named(tmp_path):
    for ext in ("png", "svg", "pdf", "md"):  # no CSV
        (tmp_path / "en").mkdir(exist_ok=True)
        (tmp_path / "en" / f"attacks_by_period.{ext}").write_bytes((FIGURES / "en" / f"attacks_by_period.{ext}")
                                                                   .read_bytes())
    with pytest.raises(BuildError, match=r"figure attacks_by_period \(en\) has no bundle: attacks_by_period.csv "
                                         r"missing from .*; run `make figures`"):
        bundles.write_bundle(tmp_path, "en", "attacks_by_period", tmp_path / "out", open_package())
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_built_page_whose_figure_has_no_bundle_fails_the_site_naming_it(tmp_path):
    page = tmp_path / "fr" / "attacks.html"
    page.parent.mkdir(parents=True)
    (tmp_path / "en").mkdir()
    (tmp_path / "fr" / "_downloads" / "x").mkdir(parents=True)
    (tmp_path / "fr" / "_downloads" / "x" / "attacks_by_period-fr.zip").write_bytes(b"zip")
    page.write_text('<figure class="align-default" id="fig-attacks-by-period"><a class="reference download" '
                    'href="_downloads/x/attacks_by_period-fr.zip">zip</a></figure>\n'
                    '<figure id="fig-school-attack-types"><img src="a.png"></figure>\n'
                    '<figure id="fig-attacks-by-region"><a href="_downloads/y/attacks_by_region-fr.zip">zip</a>'
                    "</figure>", encoding="utf-8")
    with pytest.raises(BuildError) as err:
        bundles.check_site(tmp_path, LANGS)
    assert str(err.value) == ("figures without a bundle:\n"
                              "    fr/attacks.html: figure school_attack_types has no bundle link\n"
                              "    fr/attacks.html: figure attacks_by_region's bundle "
                              "_downloads/y/attacks_by_region-fr.zip is missing")


def test_each_figure_on_a_page_links_its_bundle():
    glossary = site.read_glossary()
    for lang, label in (("en", "Download all (zip)"), ("fr", "Tout télécharger (zip)")):
        figure = site.figure_markdown(FIGURES, lang, "attacks_by_period", glossary)
        assert f"{{download}}`{label} <_bundles/attacks_by_period-{lang}.zip>`" in figure

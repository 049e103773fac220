"""An English paragraph in a French catalogue is refused by the French run and the site (issue 16, item 7)."""
import shutil

import nbformat
import pytest

from mali_caac import site
from mali_caac.build import ROOT
from mali_caac.translation import LOCALES, MissingTranslation, check_catalogue, translate_notebook

NOTEBOOKS = ROOT / "notebooks"
FIRST = "*Killing and maiming* counts children killed or injured by the conflict"


def broken_locales(tmp_path, new_msgstr):
    """A copy of the catalogues whose killing.po translates its first paragraph by ``new_msgstr(msgid)``."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    po = locales / "fr" / "LC_MESSAGES" / "killing.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith(f'msgid "{FIRST}'))
    lines[i + 1] = "msgstr " + new_msgstr(lines[i][len("msgid "):])
    po.write_text("\n".join(lines), encoding="utf-8")
    return locales, i + 1


def test_the_catalogues_pass():
    for po in sorted(LOCALES.rglob("*.po")):
        check_catalogue(po)


def test_a_msgstr_replaced_by_its_msgid_fails_the_french_run(tmp_path):
    locales, line = broken_locales(tmp_path, lambda msgid: msgid)
    nb = nbformat.read(NOTEBOOKS / "killing.ipynb", as_version=4)
    with pytest.raises(MissingTranslation) as err:  # went through to build/fr before
        translate_notebook(nb, "killing.ipynb", "fr", locales)
    msg = str(err.value)
    assert "killing.po" in msg and f"killing.po, line {line} (msgid \u201c*Killing and maiming* counts children" in msg
    assert "its translation is its English source" in msg


def test_english_that_is_not_the_msgid_reads_as_english(tmp_path):
    locales, line = broken_locales(tmp_path, lambda msgid: msgid.replace("The report verified", "The report counted"))
    with pytest.raises(MissingTranslation, match=rf"killing.po, line {line} .*reads as English"):
        check_catalogue(locales / "fr" / "LC_MESSAGES" / "killing.po")


@pytest.mark.parametrize("same", ['"S/2020/1105"', '"MINUSMA"', '"Human Rights Watch"', '"2017–2020"',
                                  '"[S/2020/1105](https://undocs.org/S/2020/1105)"'])
def test_names_symbols_and_numbers_may_stay_as_they_are(tmp_path, same):
    po = tmp_path / "x.po"
    po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid {same}\nmsgstr {same}\n',
                  encoding="utf-8")
    check_catalogue(po)


def test_the_site_refuses_the_catalogue_before_building(tmp_path, monkeypatch):
    locales, line = broken_locales(tmp_path, lambda msgid: msgid)
    monkeypatch.setattr(site, "LOCALES", locales)
    with pytest.raises(MissingTranslation, match=rf"killing.po, line {line} \(msgid"):  # published before
        site.build_site(out=tmp_path / "site", echo=lambda _: None)
    assert not (tmp_path / "site").exists()


def test_the_teaching_route_refuses_it_too(tmp_path):
    from mali_caac import teaching

    po = tmp_path / "exercises.po"
    source = (LOCALES / "fr" / "LC_MESSAGES" / "teaching" / "exercises.po").read_text(encoding="utf-8").split("\n")
    i = next(k for k, ln in enumerate(source) if ln.startswith('msgid "') and len(ln) > 60)
    source[i + 1] = "msgstr " + source[i][len("msgid "):]
    po.write_text("\n".join(source), encoding="utf-8")
    with pytest.raises(MissingTranslation, match=rf"exercises.po, line {i + 1} .*its English source"):
        teaching.read_catalogue(po)

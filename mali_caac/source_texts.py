"""The held texts of the source documents, split into the parts that locators name.

Every figure cites its source with a locator ("para 14", "para 5(o)", "annex
para 3", "footnote 3", "Arms Sales", "UN Action > listing table", ...). This
module reads each held text once, splits it by the layout of that document
(numbered paragraphs of a UN report, headings of a factsheet, rows of a table)
into addressable parts, and says whether a quote is inside the located part.

Quotes are compared as whitespace-normalised text: runs of whitespace (line
breaks and no-break spaces included) count as one space. The held texts were
extracted from PDF and carry spurious single spaces ("perpe trators", "15
-year-old", "( 22)"); a quote matches across such a space only inside a word,
before a hyphen or after an opening parenthesis, never between two digits, so
"5 2" does not match "52" nor the reverse. Everything here is a pure function
of the texts: reading files is the caller's business.
"""
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

WHITESPACE = re.compile(r"\s+")


def normalise(text):
    """``text`` with every run of whitespace as one space, trimmed."""
    return WHITESPACE.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _pattern(quote):
    q = normalise(quote)
    out = []
    for i, ch in enumerate(q):
        if ch == " ":
            out.append(" ")
            continue
        prev = q[i - 1] if i else " "
        if prev != " " and ((prev.isalpha() and ch.isalpha()) or ch == "-" or prev == "("):
            out.append(" ?")  # a word split by the PDF extraction
        out.append(re.escape(ch))
    return re.compile("".join(out))


def contains(text, quote):
    """Is ``quote`` in ``text`` (already normalised), up to the extraction's split words?"""
    q = normalise(quote)
    return bool(q) and (q in text or _pattern(quote).search(text) is not None)


class LocatorError(ValueError):
    """The locator has an addressable form, but the text has no such part."""


class Unaddressable(ValueError):
    """The locator's form is not one this text can be split by."""


@dataclass
class SourceText:
    """One held text: its whole normalised text and its parts by locator name."""

    name: str
    whole: str
    parts: dict = field(default_factory=dict)
    forms: tuple = ()
    """(regex, description) of the locator forms this layout addresses."""

    def locate(self, locator):
        """The names of the parts a locator designates ("paras 14, 21" designates two).

        Raises LocatorError if no such part exists, Unaddressable if the
        locator's form is not one of this text's forms.
        """
        names = [locator]
        m = re.fullmatch(r"((?:annex )?)paras (\d+(?:\(\w+\))?(?:, \d+(?:\(\w+\))?)+)", locator)
        if m:
            names = [f"{m.group(1)}para {n}" for n in m.group(2).split(", ")]
        missing = [n for n in names if n not in self.parts]
        if not missing:
            return names
        if self.forms and not any(re.fullmatch(rx, n) for n in missing for rx, _ in self.forms):
            raise Unaddressable(f"{locator!r} is not a locator form of {self.name} "
                                f"(its forms: {', '.join(d for _, d in self.forms)})")
        raise LocatorError(f"{self.name} has no part {missing[0]!r} ({self.summary()})")

    def has(self, quote):
        """Is ``quote`` anywhere in the text: in the whole, or inside one part (a part
        may run across a page break that the whole interrupts with footnotes)?"""
        return contains(self.whole, quote) or any(contains(p, quote) for p in self.parts.values())

    def summary(self):
        """The parts in short ("para 1-75, footnote 1-5, summary"), for error messages."""
        groups = {}
        for name in self.parts:
            if re.search(r"\d\([a-z]+\)$", name):
                groups.setdefault(re.sub(r"\d+\([a-z]+\)$", "N(x)", name), None)
                continue
            m = re.fullmatch(r"(.*?)(\d+)", name)
            if m:
                groups.setdefault(m.group(1), []).append(int(m.group(2)))
            else:
                groups.setdefault(name, None)
        shown = [f"{k}{min(v)}-{max(v)}" if v and len(v) > 1 else (f"{k}{v[0]}" if v else k)
                 for k, v in groups.items()]
        return "its parts: " + (", ".join(shown[:12]) + (", ..." if len(shown) > 12 else "") if shown else "none")


# --- layouts -------------------------------------------------------------------------------

PARA = re.compile(r"\s*(\d+)\.(?:\s|$)")
SUBPARA = re.compile(r"\s*\(([a-z]{1,2})\)\s")
FOOTNOTE_RULE = re.compile(r"\s*_{5,}\s*$")


def _letters():
    """Sub-paragraph labels in order: a..z, aa, bb, ..., zz."""
    single = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    return single + [c * 2 for c in single]


def _un_document(text):
    """A UN report or conclusions: numbered paragraphs ("14."), sub-paragraphs ("(a)"),
    footnote blocks after a rule of underscores, a summary, an annex numbered afresh."""
    parts, lines = {}, text.split("\n")
    current, sub, expected, prefix = None, None, 1, ""
    summary = []
    body = {}  # part name -> lines
    labels = _letters()
    i = 0
    while i < len(lines):
        line = lines[i]
        if FOOTNOTE_RULE.match(line):  # footnote markers, then their bodies, then the page goes on
            i += 1
            numbers = []
            while i < len(lines) and re.fullmatch(r"\s*(\d+)?\s*", lines[i]):
                if lines[i].strip():
                    numbers.append(lines[i].strip())
                i += 1
            note = []
            while i < len(lines) and (not note or not lines[i].startswith(" ")):
                note.append(lines[i])
                i += 1
            for n in numbers:
                body[f"footnote {n}"] = note
            continue
        if re.fullmatch(r"\s*Annex\s*", line) and current is not None:
            prefix, expected, current, sub = "annex ", 1, None, None
            i += 1
            continue
        m = PARA.match(line)
        if m and int(m.group(1)) == expected:
            current, sub = f"{prefix}para {expected}", None
            body[current] = []
            expected += 1
            line = line[m.end():]
        elif current is not None:
            m = SUBPARA.match(line)
            want = labels[labels.index(sub) + 1] if sub else "a"
            if m and m.group(1) == want:
                sub = want
                body[f"{current}({sub})"] = []
        if current is None:
            if line.strip() == "Summary" or summary:
                summary.append(line)
        else:
            body[current].append(line)
            if sub:
                body[f"{current}({sub})"].append(line)
        i += 1
    if summary:
        parts["summary"] = normalise("\n".join(summary[1:]))
    for name, ls in body.items():
        parts[name] = normalise("\n".join(ls))
    return parts


UN_FORMS = ((r"(annex )?para \d+(\([a-z]+\))?", "para N, para N(x), paras N, M, annex para N"),
            (r"footnote \d+", "footnote N (the footnote block that holds it)"),
            (r"summary", "summary"))


def _numbered_blocks(text, prefix, skip):
    """Paragraphs separated by blank lines, numbered from 1; blocks that start with one
    of ``skip`` (a web page's preface and trailer) are not numbered."""
    blocks = [normalise(b) for b in re.split(r"\n\s*\n", text) if b.strip()]
    blocks = [b for b in blocks if not b.startswith(skip)]
    return {f"{prefix}{n}": b for n, b in enumerate(blocks, start=1)}


FOOTNOTE_LINE = re.compile(r"(\d+) \S")
URL_LINE = re.compile(r"\s*https?://\S*\s*$")


def _outline(text, outline, footnotes=False):
    """Sections under headings. ``outline`` lists each section as a path
    ("Partnership Overview > Arms Sales") with the text its heading line starts
    with (None: the start of the text); a section runs to the next heading of
    its level or above. With ``footnotes``, numbered footnote lines ("3 There
    are ...", in sequence, after a blank line) and URL lines are taken out of
    the sections, and each footnote is a part of its own."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    parts = {}
    if footnotes:
        expected, i = 1, 0
        while i < len(lines):
            m = FOOTNOTE_LINE.match(lines[i])
            if m and int(m.group(1)) == expected and (i == 0 or not lines[i - 1].strip() or not keep[i - 1]):
                note, keep[i] = [lines[i][len(m.group(1)):]], False
                i += 1
                while i < len(lines) and lines[i].strip() and not (
                        FOOTNOTE_LINE.match(lines[i]) and int(FOOTNOTE_LINE.match(lines[i]).group(1)) == expected + 1):
                    note.append(lines[i])
                    keep[i] = False
                    i += 1
                parts[f"footnote {expected}"] = normalise("\n".join(note))
                expected += 1
                continue
            if URL_LINE.match(lines[i]):
                keep[i] = False
            i += 1
    starts, pos = [], 0
    for path, heading in outline:
        if heading is None:
            starts.append((path, pos))
            continue
        at = next((k for k in range(pos, len(lines))
                   if lines[k].strip().rstrip(":").strip() == heading or
                   (heading.endswith("…") and lines[k].strip().startswith(heading[:-1]))), None)
        if at is None:
            raise ValueError(f"heading {heading!r} of section {path!r} not found in order")
        starts.append((path, at))
        pos = at + 1
    sections = {}
    for n, (path, at) in enumerate(starts):
        level = path.count(" > ")
        end = next((s for p, s in starts[n + 1:] if p.count(" > ") <= level), len(lines))
        heading = outline[n][1]
        first = at if heading is None or heading.endswith("…") else at + 1  # a line that opens a part, not a heading
        sections[path] = normalise("\n".join(ln for k, ln in enumerate(lines[first:end], first) if keep[k]))
    leaves = {}
    for path in sections:
        leaves.setdefault(path.split(" > ")[-1], []).append(path)
    for path, body in sections.items():
        parts[path] = body
        leaf = path.split(" > ")[-1]
        if len(leaves[leaf]) == 1:
            parts.setdefault(leaf, body)
    return parts


def _table_rows(text):
    """A Markdown table: each row is the part "<first cell> row", the first cell's
    parenthetical dropped ("S/2022/856 (fourth)" is "S/2022/856 row")."""
    parts = {}
    rows = [ln for ln in text.split("\n") if ln.startswith("|")]
    for ln in rows[2:]:  # the header and the rule
        first = ln.strip("|").split("|")[0].strip()
        label = re.sub(r"\s*\(.*\)$", "", first)
        parts[f"{label} row"] = normalise(ln)
    return parts


def _csv_lines(text, name):
    """A CSV file: each physical line is the part "<file name>, line N"."""
    return {f"{name}, line {n}": normalise(ln) for n, ln in enumerate(text.split("\n"), start=1) if ln}


def _shapes(text):
    """A TopoJSON or GeoJSON file: each feature is the part "shapeName <its name>"."""
    data = json.loads(text)
    geoms = data.get("features") or [g for o in data.get("objects", {}).values() for g in o.get("geometries", [])]
    parts = {}
    for g in geoms:
        props = g.get("properties") or {}
        if "shapeName" in props:
            parts[f"shapeName {props['shapeName']}"] = normalise(" ".join(str(v) for v in props.values()))
    return parts


FACTSHEET_OUTLINE = [
    ("Summary", "Summary"),
    ("About the Factsheet", "About the Factsheet"),
    ("About the Contributing Organizations", "About the Contributing Organizations"),
    ("Partnership Overview", "Partnership Overview"),
    ("Partnership Overview > Objectives and Purpose of U.S. Security Partnership",
     "Objectives and Purpose of U.S. Security Partnership"),
    ("Partnership Overview > Type of Assistance Provided", "Type of Assistance Provided"),
    ("Partnership Overview > Security Assistance", "Security Assistance"),
    ("Partnership Overview > Arms Sales", "Arms Sales"),
    ("Partnership Overview > Foreign Military Training", "Foreign Military Training"),
    ("Protection of Civilians and Civilian Harm in Mali", "Protection of Civilians and Civilian Harm in Mali"),
    ("Protection of Civilians and Civilian Harm in Mali > Conflict Background", "Conflict Background"),
    ("Protection of Civilians and Civilian Harm in Mali > Civilian Harm Background", "Civilian Harm Background"),
    ("Protection of Civilians and Civilian Harm in Mali > Civilian Casualties", "Civilian Casualties"),
    ("Protection of Civilians and Civilian Harm in Mali > Enforced Disappearances and Summary Executions",
     "Enforced Disappearances and Summary Executions"),
    ("Protection of Civilians and Civilian Harm in Mali > Sexual and Gender-Based Violence (SGBV)",
     "Sexual and Gender-Based Violence (SGBV)"),
    ("Protection of Civilians and Civilian Harm in Mali > Violence Against Children", "Violence Against Children"),
    ("Protection of Civilians and Civilian Harm in Mali > Humanitarian Access Constraints",
     "Humanitarian Access Constraints"),
    ("Protection of Civilians and Civilian Harm in Mali > Peacekeeping Restrictions", "Peacekeeping Restrictions"),
    ("Protection of Civilians and Civilian Harm in Mali > Civilian Harm Mitigation Policy",
     "Civilian Harm Mitigation Policy"),
    ("Protection of Civilians and Civilian Harm in Mali > Transparency and Accountability",
     "Transparency and Accountability"),
    ("Protection of Civilians and Civilian Harm in Mali > Civil-Military Relations and Engagement with "
     "Humanitarian Actors", "Civil-Military Relations and Engagement with Humanitarian Actors"),
    ("Key issues in the security partnership", "Key issues in the security partnership"),
    ("Annex", "Annex"),
]
"""The factsheet's headings in the order printed, with the sections they open."""

WATCHLIST_OUTLINE = [
    ("summary", None),
    ("recommendations", "• …"),
    ("UN Action", "UN Action"),
    ("UN Action > listing table", "Perpetrators listed in the annexes…"),
]
"""The Watchlist update: a summary paragraph, bulleted recommendations, then its
UN Action box with the listing table (a heading ending in … matches a line that starts with it)."""

HEADING_FORM = ((r".+", "a section heading, or 'section > subsection'"),)

LAYOUTS = {
    "S-2020-1105.txt": (lambda t: _un_document(t), UN_FORMS),
    "S-AC.51-2020-11.txt": (lambda t: _un_document(t), UN_FORMS),
    "S-2020-487.txt": (lambda t: _numbered_blocks(
        t, "Mali section, para ", ("The information below is based on", "Where We Work:")),
        ((r"Mali section, para \d+", "Mali section, para N"),)),
    "factsheet-mali-2022.txt": (lambda t: _outline(t, FACTSHEET_OUTLINE, footnotes=True),
                                HEADING_FORM + ((r"footnote \d+", "footnote N"),)),
    "watchlist-2021-06.txt": (lambda t: _outline(t, WATCHLIST_OUTLINE), HEADING_FORM),
    "secondary-country-reports.md": (_table_rows, ((r".+ row", "<first cell of a table row> row"),)),
}
"""How each held text is split, by file name, and the locator forms it answers to."""


@lru_cache(maxsize=32)
def parse(name, text):
    """The :class:`SourceText` of the text held in file ``name`` (split by its layout).

    Files without a layout are split by their kind: ``.csv`` by lines,
    ``.topojson``/``.geojson`` by feature name; any other text is a whole
    with no addressable parts.
    """
    base = name.rsplit("/", 1)[-1]
    if base in LAYOUTS:
        split, forms = LAYOUTS[base]
        return SourceText(base, normalise(text), split(text), forms)
    if base.endswith(".csv"):
        return SourceText(base, normalise(text), _csv_lines(text, base), ((rf"{re.escape(base)}, line \d+",
                                                                           "<file>, line N"),))
    if base.endswith((".topojson", ".geojson")):
        return SourceText(base, normalise(text), _shapes(text), ((r"shapeName .+", "shapeName <name>"),))
    return SourceText(base, normalise(text), {}, ())


def merge(texts):
    """One :class:`SourceText` for a source held in several files (e.g. a CSV and a map)."""
    texts = list(texts)
    if len(texts) == 1:
        return texts[0]
    parts, forms = {}, ()
    for t in texts:
        parts.update(t.parts)
        forms += t.forms
    return SourceText(" + ".join(t.name for t in texts), " ".join(t.whole for t in texts), parts, forms)

"""The ``mali-caac`` command line."""
import sys

import click

from .citation import FORMATS as REFERENCE_FORMATS
from .display import FORMATS as TABLE_FORMATS
from .errors import DataError
from .export import FORMATS as EXPORT_FORMATS
from .parameters import DEFAULT_TIMEOUT, DEFAULTS, PARAMETERS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Data package folder (default: the project's data/, or $MALI_CAAC_DATA).")
@click.version_option(package_name="mali-caac")
@click.pass_context
def main(ctx, data_dir):
    """Grave violations against children in Mali: curated data, checks and figures."""
    ctx.obj = {"data": data_dir}


def _fail(exc, code=2):
    click.echo(f"error: {exc}", err=True)
    sys.exit(code)


def _echo_table(frame, fmt, full, drop_constant=True):
    """Print ``frame`` in ``fmt``; a table's notes on what it left out go to stderr."""
    from .display import format_frame

    text, notes = format_frame(frame, fmt, full=full, drop_constant=drop_constant)
    click.echo(text)
    for note in notes:
        click.echo(note, err=True)
    if notes:
        click.echo("(--full or --format csv|json|markdown show everything)", err=True)


FORMAT = click.option("--format", "-f", "fmt", type=click.Choice(TABLE_FORMATS),
                      default="table", show_default=True,
                      help="table fits the terminal (shortened with …); csv, json and markdown are whole.")
FULL = click.option("--full", is_flag=True, help="A table with every column and every character.")


@main.command()
@FORMAT
@FULL
@click.pass_obj
def datasets(obj, fmt, full):
    """List the datasets with their row counts and titles."""
    import pandas as pd

    from .package import open_package

    rows = []
    try:
        pkg = open_package(obj["data"])
        for name in pkg.datasets():
            res = pkg.resource(name)
            pkg.verify(name)
            size = len(pkg.records(name)) if res.is_table else None
            rows.append({"dataset": name, "rows": size, "format": res.format, "title": res.title})
    except DataError as exc:
        _fail(exc)
    _echo_table(pd.DataFrame(rows).astype({"rows": "Int64"}), fmt, full, drop_constant=False)


@main.command()
@click.argument("name")
@click.option("--where", "-w", multiple=True, metavar="COLUMN=VALUE",
              help="Keep rows where COLUMN equals VALUE, compared as the column's type (repeatable).")
@click.option("--columns", "-c", default=None, help="Comma-separated columns to show.")
@click.option("--limit", "-n", default=None, type=click.IntRange(min=0), help="Show at most N rows.")
@FORMAT
@FULL
@click.option("--csv", "as_csv", is_flag=True, help="The same as --format csv.")
@click.option("--schema", is_flag=True, help="Describe the columns instead of showing rows.")
@click.pass_obj
def show(obj, name, where, columns, limit, fmt, full, as_csv, schema):
    """Show dataset NAME (or its columns with --schema).

    The table fits the terminal: columns with one value on every row are
    left out, long cells end in …, and what was left out is said on stderr;
    --full or --format csv|json|markdown give everything. Repeat -w with one
    column for any of several values. Exits 1 if a --where condition matches no row (naming the
    values there are), 2 on a bad name, column or value.
    """
    from .aggregate import where as select_rows
    from .errors import NoMatch
    from .loader import describe, load

    try:
        if schema:
            from .display import wrap_lines

            click.echo(wrap_lines(describe(name, obj["data"])))
            return
        frame = load(name, obj["data"])
        conditions = {}
        for cond in where:
            col, sep, val = cond.partition("=")
            if not sep:
                raise DataError(f"--where expects COLUMN=VALUE; got {cond!r}")
            conditions.setdefault(col.strip(), []).append(val)
        frame = select_rows(frame, conditions, name)
    except NoMatch as exc:
        _fail(exc, code=1)
    except DataError as exc:
        _fail(exc)
    if columns:
        cols = [c.strip() for c in columns.split(",")]
        missing = [c for c in cols if c not in frame]
        if missing:
            _fail(f"--columns: {name} has no column(s) {missing}; its columns are {list(frame.columns)}")
        frame = frame[cols]
    if limit is not None:
        frame = frame.head(limit)
    _echo_table(frame, "csv" if as_csv else fmt, full, drop_constant=not columns)


@main.command()
@click.option("--verbose", "-v", is_flag=True, help="List the passing checks too.")
@click.option("--since", default=None, metavar="RELEASE",
              help="Also check against an earlier release (a folder, a git revision such as v0.1.0 or HEAD): every "
                   "value changed since is in the corrections log, and the version is bumped as data/CURATION.md says.")
@click.pass_obj
def validate(obj, verbose, since):
    """Validate the data package and reconcile every total with its parts.

    Exits 0 when no check failed, 1 otherwise.
    """
    from .validation import validate as run

    report = run(obj["data"])
    if since:
        from .diff import release_checks

        try:
            report.checks += release_checks(since, obj["data"], repo=obj["data"])
        except DataError as exc:
            _fail(exc)
    click.echo(report.text(verbose=verbose))
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("source_id", required=False)
@click.option("--format", "-f", "fmt", type=click.Choice(REFERENCE_FORMATS), default="text",
              show_default=True, help="Reference format.")
@click.option("--rows", default=None, metavar="TABLE:ROW_ID,...",
              help="Cite the rows of TABLE with these row ids as a figure's source line.")
@click.option("--dataset", is_flag=True, help="Cite the curated dataset itself, with its version and release date.")
@click.pass_obj
def cite(obj, source_id, fmt, rows, dataset):
    """Print a reference for SOURCE_ID (all sources without one), or a source line for rows.

    SOURCE_ID is matched without regard to case (s/2020/1105). --dataset cites the curated data
    itself (the version and date of datapackage.json, as CITATION.cff and .zenodo.json give them).
    """
    from .citation import cite as cite_source
    from .citation import cite_rows
    from .loader import load

    try:
        if dataset:
            from .release import dataset_citation

            if rows or source_id:
                raise click.UsageError("--dataset cites the data package: leave out SOURCE_ID and --rows")
            click.echo(dataset_citation(obj["data"], format=fmt))
        elif rows:
            if fmt != "text" or source_id:
                raise click.UsageError("--rows gives a source line as text: leave out SOURCE_ID and --format")
            table, _, ids = rows.partition(":")
            wanted = [i.strip() for i in ids.split(",") if i.strip()]
            frame = load(table, obj["data"])
            found = frame[frame["row_id"].isin(wanted)]
            missing = sorted(set(wanted) - set(found["row_id"]))
            if missing:
                _fail(f"{table} has no row(s) {missing}")
            click.echo(cite_rows(found, obj["data"]))
        else:
            click.echo(cite_source(source_id, obj["data"], format=fmt))
    except DataError as exc:
        _fail(exc)


@main.command()
@click.argument("version")
@click.option("--date", "released", default=None, metavar="YYYY-MM-DD", help="The release date (default: today).")
@click.pass_obj
def release(obj, version, released):
    """Number a new release of the data: VERSION (such as 0.2.1), or patch, minor or major for the next one
    by the rule of data/CURATION.md. Writes datapackage.json's version and release date and, for the
    project's own data/, CITATION.cff, .zenodo.json, pyproject.toml and mali_caac/__init__.py. A version that
    is not after the current one is refused."""
    from .release import set_release

    try:
        for file in set_release(version, released, obj["data"]):
            click.echo(f"wrote {file}")
    except DataError as exc:
        _fail(exc)


@main.command(name="diff")
@click.argument("old")
@click.argument("new", default="WORKTREE")
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "csv", "json", "markdown")), default="text",
              show_default=True, help="text and markdown for a reader; csv one row per change; json everything.")
@click.option("--draft-log", is_flag=True,
              help="Print instead, as CSV rows for data/corrections.csv, the changed values not yet logged "
                   "(the row's source, locator and quote; write the why).")
@click.option("--check", is_flag=True, help="Exit 1 if a changed value is not logged or the version is not bumped.")
@click.pass_obj
def diff_command(obj, old, new, fmt, draft_log, check):
    """Compare two releases of the data: per table, rows added, removed and changed, field by field.

    OLD and NEW are data package folders, revisions of this git repository (v0.1.0, HEAD~3, a commit)
    or WORKTREE, the checkout's data/ as it is on disk (NEW's default; with --data, revisions are read from the
    repository that holds that folder). Says whether each changed value is
    in NEW's corrections log and whether NEW's version is what the changes call for (data/CURATION.md).
    Exits 2 on an OLD or NEW that is not a package.
    """
    from .diff import compare, resolve

    try:
        with resolve(old, obj["data"]) as a, resolve(new, obj["data"]) as b:
            result = compare(a, b, old, new)
            if draft_log:
                from .package import open_package

                entries = open_package(b).records("corrections") if "corrections" in result.new.resources else []
                nums = [int(e["correction_id"].split("-")[1]) for e in entries]
                click.echo(result.draft_log(start=max(nums, default=0) + 1))
                return
            click.echo(result.render(fmt))
    except DataError as exc:
        _fail(exc)
    if check and (not result.all_logged or not result.version_check()["ok"]):
        sys.exit(1)


@main.command()
@click.option("--only", multiple=True, metavar="NOTEBOOK", help="Build only this notebook (repeatable): overview, recruitment, ...")
@click.option("--figure", "figure_id", default=None, metavar="ID",
              help="Draw just this figure (see `mali-caac figures`), without running a notebook, into "
                   "build/figures/figure-<ID>_<size>/ (or --figures-dir).")
@click.option("--lang", "langs", multiple=True, type=click.Choice(PARAMETERS["lang"]),
              help=f"Language (repeatable; default: all: {', '.join(PARAMETERS['lang'])}).")
@click.option("--formats", default=",".join(DEFAULTS["formats"]), show_default=True,
              help=f"Comma-separated output formats, any of {', '.join(PARAMETERS['formats'])}.")
@click.option("--dpi", default=DEFAULTS["dpi"], show_default=True,
              type=click.IntRange(PARAMETERS["dpi"].start, PARAMETERS["dpi"].stop - 1),
              help="Resolution of PNG and TIFF files.")
@click.option("--size", default=DEFAULTS["size"], show_default=True, type=click.Choice(PARAMETERS["size"]),
              help="column (89 mm), onehalf (120 mm), double (183 mm), slides (16:9) or poster.")
@click.option("--bare", is_flag=True, help="Leave out titles and source lines (journals print them in the legend).")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.IntRange(min=1),
              help="Seconds a cell may run before its notebook fails.")
@click.option("--jobs", "-j", default=None, type=click.IntRange(min=1),
              help="Notebooks run in parallel (default: the number of cores).")
@click.option("--force", is_flag=True, help="Run even the notebooks whose inputs have not changed.")
@click.option("--kernels", default="warm", show_default=True, type=click.Choice(["warm", "cold"]),
              help="warm: fork each run and its kernel from a worker that has already imported the libraries; "
                   "cold: start a new interpreter for each (the same figures, slower).")
@click.option("--figures-dir", default=None, type=click.Path(file_okay=False),
              help="Where to write figures (default: figures/ for the full default build, "
                   "build/figures/<variant>/ for any other).")
@click.option("--build-dir", default=None, type=click.Path(file_okay=False),
              help="Where to write executed notebooks and the build's state (default: build/).")
@click.option("--notebooks", default=None, type=click.Path(file_okay=False, exists=True),
              help="Folder of the section notebooks to run (default: notebooks/).")
@click.pass_obj
def build(obj, only, figure_id, langs, formats, dpi, size, bare, timeout, jobs, force, kernels, figures_dir, build_dir,
          notebooks):
    """Run the section notebooks with papermill and write every figure.

    Only the full default build (every notebook, every language, default
    formats, dpi and size, not bare) writes figures/ and figures/README.md; any other
    goes to build/figures/<variant>/ (or --figures-dir) with its own
    README.md. Runs whose inputs (notebook, every file of the data folder,
    library, parameters, output folder) and outputs are unchanged are
    skipped. Refuses data that fails `mali-caac validate`.

    Exits 1 if a notebook fails (naming the notebook and cell; the others still
    run), 2 if the build cannot start, 130 on Ctrl-C, 143 on SIGTERM and 129 on
    SIGHUP (finished outputs are kept, running notebooks and their kernels are
    stopped, nothing is written after it exits).
    """
    from .build import BuildError
    from .build import build as run

    if figure_id is not None:
        import os

        from .review import make_one

        if obj["data"]:
            os.environ["MALI_CAAC_DATA"] = str(obj["data"])
        try:
            paths = make_one(figure_id, langs=tuple(langs) or PARAMETERS["lang"], output_dir=figures_dir,
                             formats=[f.strip() for f in formats.split(",") if f.strip()], dpi=dpi, size=size,
                             bare=bare)
        except (ValueError, DataError) as exc:
            _fail(exc)
        for path in paths:
            click.echo(f"wrote {path}")
        return
    try:
        errors = run(only=list(only) or None, langs=tuple(langs) or None,
                     formats=tuple(f.strip() for f in formats.split(",") if f.strip()), dpi=dpi, size=size, bare=bare,
                     timeout=timeout, workers=jobs, force=force, figures_dir=figures_dir, build_dir=build_dir,
                     kernels=kernels, notebooks=notebooks, data_dir=obj["data"], echo=click.echo)
    except (BuildError, ValueError) as exc:
        _fail(exc)
    except OSError as exc:
        _fail(f"{exc.filename or ''}: {exc.strerror or exc}" if exc.filename else exc)
    except KeyboardInterrupt as exc:  # Ctrl-C, or build.Stopped (SIGTERM, SIGHUP): stopped; one more ends nothing
        import signal

        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        sys.exit(128 + getattr(exc, "signum", signal.SIGINT))
    sys.exit(1 if errors else 0)


@main.command()
@FORMAT
@click.option("--lang", default=DEFAULTS["lang"], show_default=True, type=click.Choice(PARAMETERS["lang"]),
              help="Language of the titles.")
@click.pass_obj
def figures(obj, fmt, lang):
    """List the figures: id, section and title."""
    import pandas as pd

    from .review import figure_list

    try:
        rows = pd.DataFrame(figure_list(lang), columns=["figure", "section", "title"])
    except DataError as exc:
        _fail(exc)
    _echo_table(rows, fmt, full=True, drop_constant=False)


@main.command(name="contact-sheet")
@click.option("--lang", default=DEFAULTS["lang"], show_default=True, type=click.Choice(PARAMETERS["lang"]))
@click.option("--size", default=DEFAULTS["size"], show_default=True, type=click.Choice(PARAMETERS["size"]))
@click.option("--output", default=None, type=click.Path(dir_okay=False),
              help="PDF to write (default: build/contact-sheets/<lang>-<size>.pdf).")
@click.pass_obj
def contact_sheet(obj, lang, size, output):
    """One PDF with every figure of a language and size, a page each, headed by its id."""
    import os

    from .review import contact_sheet as make

    if obj["data"]:
        os.environ["MALI_CAAC_DATA"] = str(obj["data"])
    try:
        click.echo(f"wrote {make(lang, size, output)}")
    except (ValueError, DataError) as exc:
        _fail(exc)


@main.command(name="refresh-notebooks", hidden=True)
def refresh_notebooks():
    """Maintainers: re-execute the notebooks in place so their stored outputs are current."""
    from .build import refresh_notebooks as run

    run(echo=click.echo)


@main.command(name="make-derived")
@click.pass_obj
def make_derived(obj):
    """Rebuild the derived resources from the original outside files in data/external/:
    us_aid_series.csv (Foreign Aid Explorer) and regions_geometry.geojson (cercles dissolved by region),
    then record their hashes."""
    from .external import write_us_aid
    from .geography import write_region_polygons
    from .package import update_hashes

    try:
        for path in (write_us_aid(obj["data"]), write_region_polygons(obj["data"])):
            click.echo(f"wrote {path}")
        changed = update_hashes(obj["data"])
        click.echo("hashes updated: " + (", ".join(changed) if changed else "none changed"))
    except DataError as exc:
        _fail(exc)


@main.command()
@click.pass_obj
def rehash(obj):
    """After correcting a data file: record the sha256 of every file in datapackage.json.

    A new hash says the change was intended, not that it is right: run
    `mali-caac validate` next (see "Correcting the data" in data/CURATION.md).
    """
    from .package import update_hashes

    try:
        changed = update_hashes(obj["data"])
    except DataError as exc:
        _fail(exc)
    click.echo("hashes recorded for: " + (", ".join(changed) if changed else "nothing (no file changed)"))
    if changed:
        click.echo("next: mali-caac validate, then make figures and make test")


@main.command()
@click.option("--force", is_flag=True, help="Build even if nothing changed since the last good site.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Where the site goes (default build/site).")
@click.pass_obj
def site(obj, force, out):
    """Build the published report in English and French (build/site/index.html), offline, from the notebooks
    that `make figures` executed; the last good site is replaced only when the build succeeds."""
    from .build import BuildError
    from .site import build_site

    try:
        build_site(out=out, data=obj["data"], force=force, echo=click.echo)
    except (BuildError, DataError) as exc:
        _fail(exc, 1)


@main.command()
@click.option("--lang", default="fr", show_default=True, help="The language of the catalogues.")
def translations(lang):
    """Maintainers: extract the notebooks' prose with Sphinx's gettext builder and merge it into
    locales/<lang>/LC_MESSAGES/<notebook>.po (sphinx-intl); then translate what is new or fuzzy."""
    from .translation import update_catalogues

    update_catalogues(lang, echo=click.echo)


@main.command()
@click.option("--format", "-f", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="hxl: one CSV per table with HXL hashtags in row 2; xlsx: one workbook per language.")
@click.option("--lang", "langs", multiple=True, type=click.Choice(PARAMETERS["lang"]),
              help=f"Workbook language (repeatable; default: all: {', '.join(PARAMETERS['lang'])}).")
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.pass_obj
def export(obj, fmt, langs, out_dir):
    """Export the data into folder OUT_DIR, with metadata.json and README.md (title, dates, geography,
    licences, caveats ...). The folder is written whole or not at all; a folder holding files the export
    did not write is refused (exit 2), and nothing is written."""
    from .export import export as run

    if langs and fmt != "xlsx":
        raise click.UsageError("--lang chooses the workbooks' language: it applies to --format xlsx only")
    try:
        paths = run(fmt, out_dir, langs=tuple(langs) or None, data=obj["data"])
    except DataError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(f"{exc.filename or out_dir}: {exc.strerror or exc}")
    for path in paths:
        click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()

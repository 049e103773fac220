"""The ``mali-caac`` command line."""
import sys

import click

from .build import DEFAULT_TIMEOUT
from .errors import DataError
from .parameters import DEFAULTS, PARAMETERS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Data package folder (default: the project's data/, or $MALI_CAAC_DATA).")
@click.version_option(package_name="mali-caac")
@click.pass_context
def main(ctx, data_dir):
    """Grave violations against children in Mali: curated data, checks and figures."""
    ctx.obj = {"data_dir": data_dir}


def _fail(exc):
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)


@main.command()
@click.pass_obj
def datasets(obj):
    """List the datasets with their row counts and titles."""
    from .loader import _checked_records, list_datasets
    from .package import resource

    try:
        for name in list_datasets(obj["data_dir"]):
            res = resource(name, obj["data_dir"])
            from .package import verify_hash
            verify_hash(res, obj["data_dir"])
            if "schema" in res:
                n = len(_checked_records(name, obj["data_dir"]))
                click.echo(f"{name:<28} {n:>5} rows  {res.get('title', '')}")
            else:
                click.echo(f"{name:<28} {res['format']:>10}  {res.get('title', '')}")
    except DataError as exc:
        _fail(exc)


@main.command()
@click.argument("name")
@click.option("--where", "-w", multiple=True, metavar="COLUMN=VALUE", help="Keep rows where COLUMN equals VALUE (repeatable).")
@click.option("--columns", "-c", default=None, help="Comma-separated columns to show.")
@click.option("--limit", "-n", default=None, type=int, help="Show at most N rows.")
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV instead of a table.")
@click.option("--schema", is_flag=True, help="Describe the columns instead of showing rows.")
@click.pass_obj
def show(obj, name, where, columns, limit, as_csv, schema):
    """Show dataset NAME (or its columns with --schema)."""
    from .loader import describe, load

    try:
        if schema:
            click.echo(describe(name, obj["data_dir"]))
            return
        frame = load(name, obj["data_dir"])
    except DataError as exc:
        _fail(exc)
    for cond in where:
        col, sep, val = cond.partition("=")
        if not sep or col not in frame:
            _fail(f"--where expects COLUMN=VALUE with a column of {name}: {list(frame.columns)}; got {cond!r}")
        frame = frame[frame[col].astype("string") == val]
    if columns:
        cols = [c.strip() for c in columns.split(",")]
        missing = [c for c in cols if c not in frame]
        if missing:
            _fail(f"--columns: {name} has no column(s) {missing}; its columns are {list(frame.columns)}")
        frame = frame[cols]
    if limit is not None:
        frame = frame.head(limit)
    if as_csv:
        click.echo(frame.to_csv(index=False), nl=False)
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 60):
            click.echo(frame.to_string(index=False))


@main.command()
@click.option("--verbose", "-v", is_flag=True, help="List the passing checks too.")
@click.option("--no-frictionless", is_flag=True, help="Skip Frictionless' own validator (faster).")
@click.pass_obj
def validate(obj, verbose, no_frictionless):
    """Validate the data package and reconcile every total with its parts.

    Exits 0 when no check failed, 1 otherwise.
    """
    from .validation import validate as run

    report = run(obj["data_dir"], frictionless=not no_frictionless)
    click.echo(report.text(verbose=verbose))
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("source_id", required=False)
@click.option("--rows", default=None, metavar="TABLE:ROW_ID,...",
              help="Cite the rows of TABLE with these row ids as a figure's source line.")
@click.pass_obj
def cite(obj, source_id, rows):
    """Print a reference for SOURCE_ID (all sources without one), or a source line for rows."""
    from .citation import cite as cite_source
    from .citation import cite_rows
    from .loader import load

    try:
        if rows:
            table, _, ids = rows.partition(":")
            wanted = [i.strip() for i in ids.split(",") if i.strip()]
            frame = load(table, obj["data_dir"])
            found = frame[frame["row_id"].isin(wanted)]
            missing = sorted(set(wanted) - set(found["row_id"]))
            if missing:
                _fail(f"{table} has no row(s) {missing}")
            click.echo(cite_rows(found, obj["data_dir"]))
        else:
            click.echo(cite_source(source_id, obj["data_dir"]))
    except DataError as exc:
        _fail(exc)


@main.command()
@click.option("--only", multiple=True, metavar="NOTEBOOK", help="Build only this notebook (repeatable): overview, recruitment, ...")
@click.option("--lang", "langs", multiple=True, type=click.Choice(PARAMETERS["lang"]),
              help=f"Language (repeatable; default: all: {', '.join(PARAMETERS['lang'])}).")
@click.option("--formats", default=",".join(DEFAULTS["formats"]), show_default=True,
              help=f"Comma-separated output formats, any of {', '.join(PARAMETERS['formats'])}.")
@click.option("--dpi", default=DEFAULTS["dpi"], show_default=True, type=int, help="Resolution of PNG files.")
@click.option("--context", default=DEFAULTS["context"], show_default=True, type=click.Choice(PARAMETERS["context"]),
              help="Size of text and figures.")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.IntRange(min=1),
              help="Seconds a cell may run before its notebook fails.")
@click.option("--jobs", "-j", default=None, type=int, help="Notebooks run in parallel (default: the number of cores).")
@click.option("--force", is_flag=True, help="Run even the notebooks whose inputs have not changed.")
@click.option("--figures-dir", default=None, type=click.Path(file_okay=False),
              help="Where to write figures (default: figures/ for the full default build, "
                   "build/figures/<variant>/ for any other).")
@click.option("--build-dir", default=None, type=click.Path(file_okay=False),
              help="Where to write executed notebooks and the build's state (default: build/).")
@click.option("--notebooks", default=None, type=click.Path(file_okay=False, exists=True),
              help="Folder of the section notebooks to run (default: notebooks/).")
@click.pass_obj
def build(obj, only, langs, formats, dpi, context, timeout, jobs, force, figures_dir, build_dir, notebooks):
    """Run the section notebooks with papermill and write every figure.

    Only the full default build (every notebook, every language, default
    formats, dpi and context) writes figures/ and figures/README.md; any other
    goes to build/figures/<variant>/ (or --figures-dir) with its own
    README.md. Runs whose inputs (notebook, every file of the data folder,
    library, parameters, output folder) and outputs are unchanged are
    skipped. Refuses data that fails `mali-caac validate`.

    Exits 1 if a notebook fails (naming the notebook and cell; the others still
    run), 2 if the build cannot start, 130 on Ctrl-C (finished outputs are
    kept, running notebooks and their kernels are stopped).
    """
    from .build import BuildError
    from .build import build as run

    try:
        errors = run(only=list(only) or None, langs=tuple(langs) or None,
                     formats=tuple(f.strip() for f in formats.split(",") if f.strip()), dpi=dpi, context=context,
                     timeout=timeout, workers=jobs, force=force, figures_dir=figures_dir, build_dir=build_dir,
                     notebooks=notebooks, data_dir=obj["data_dir"], echo=click.echo)
    except (BuildError, ValueError) as exc:
        _fail(exc)
    except OSError as exc:
        _fail(f"{exc.filename or ''}: {exc.strerror or exc}" if exc.filename else exc)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(1 if errors else 0)


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
        for path in (write_us_aid(obj["data_dir"]), write_region_polygons(obj["data_dir"])):
            click.echo(f"wrote {path}")
        changed = update_hashes(obj["data_dir"])
        click.echo("hashes updated: " + (", ".join(changed) if changed else "none changed"))
    except DataError as exc:
        _fail(exc)


@main.command(hidden=True)
@click.pass_obj
def rehash(obj):
    """Maintainers: record the sha256 of every data file in datapackage.json."""
    from .package import update_hashes

    changed = update_hashes(obj["data_dir"])
    click.echo("updated: " + (", ".join(changed) if changed else "nothing"))


if __name__ == "__main__":  # pragma: no cover
    main()

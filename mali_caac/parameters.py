"""The parameters of a figure run, defined once: their allowed values and their defaults.

A section notebook's ``parameters`` cell, :func:`mali_caac.notebook.setup`,
``mali-caac build``'s options and the build's choice of output folder all read
them from here, so that adding or replacing a parameter (as ``size`` replaced
``context``) is a change in this module, the notebooks' parameters cell and the
command line, not in the build's logic.
"""
from . import style
from .i18n import LANGS

PARAMETERS = {
    "lang": LANGS,
    "formats": tuple(style.SAVE_METADATA),
    "dpi": range(72, 1201),
    "size": tuple(style.SIZES),
    "bare": (False, True),
}
"""The allowed values of each parameter (``formats`` is a non-empty list of them)."""

DEFAULTS = {"lang": "en", "formats": ("png", "svg", "pdf"), "dpi": 300, "size": "double", "bare": False,
            "output_dir": None}
"""The value of each parameter when none is given; the committed ``figures/`` use these.

``size``: column (89 mm), onehalf (120 mm), double (183 mm), slides (16:9) or poster; ``bare``: leave out the
title and the source line (journals print them in the legend); ``dpi``: of PNG and TIFF files."""


def _one_of(name, value):
    if value not in PARAMETERS[name] or (name == "bare" and not isinstance(value, bool)):
        raise ValueError(f"parameter {name!r} must be one of {list(PARAMETERS[name])}, got {value!r}")


def check_parameters(lang=DEFAULTS["lang"], formats=DEFAULTS["formats"], dpi=DEFAULTS["dpi"],
                     size=DEFAULTS["size"], bare=DEFAULTS["bare"], output_dir=DEFAULTS["output_dir"]):
    """Refuse bad parameters at once, naming the parameter and the allowed values; return them as a dict."""
    _one_of("lang", lang)
    if isinstance(formats, str):
        formats = [f.strip() for f in formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in PARAMETERS["formats"]]
    if bad or not formats:
        raise ValueError(f"parameter 'formats' must be a non-empty list of {list(PARAMETERS['formats'])}, got {formats!r}")
    allowed = PARAMETERS["dpi"]
    if not isinstance(dpi, int) or isinstance(dpi, bool) or dpi not in allowed:
        raise ValueError(f"parameter 'dpi' must be a whole number from {allowed.start} to {allowed.stop - 1}, got {dpi!r}")
    _one_of("size", size)
    _one_of("bare", bare)
    if output_dir is not None and not isinstance(output_dir, str):
        raise ValueError(f"parameter 'output_dir' must be a folder path (text) or None, got {output_dir!r}")
    return dict(lang=lang, formats=list(formats), dpi=dpi, size=size, bare=bare, output_dir=output_dir)


DEFAULT_TIMEOUT = 300
"""Seconds a notebook cell may run in a build before its notebook fails (``mali-caac build --timeout``)."""

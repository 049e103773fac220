"""The parameters of a figure run, defined once: their allowed values and their defaults.

A section notebook's ``parameters`` cell, :func:`mali_caac.notebook.setup`,
``mali-caac build``'s options and the build's choice of output folder all read
them from here, so that adding or replacing a parameter (say ``size`` for
``context``) is a change in this module, the notebooks' parameters cell and the
command line, not in the build's logic.
"""
from . import style
from .i18n import LANGS

PARAMETERS = {
    "lang": LANGS,
    "formats": tuple(style.SAVE_METADATA),
    "dpi": range(50, 1201),
    "context": tuple(style.CONTEXTS),
}
"""The allowed values of each parameter (``formats`` is a non-empty list of them)."""

DEFAULTS = {"lang": "en", "formats": ("png", "svg", "pdf"), "dpi": 200, "context": "paper", "output_dir": None}
"""The value of each parameter when none is given; the committed ``figures/`` use these."""


def check_parameters(lang=DEFAULTS["lang"], formats=DEFAULTS["formats"], dpi=DEFAULTS["dpi"],
                     context=DEFAULTS["context"], output_dir=DEFAULTS["output_dir"]):
    """Refuse bad parameters at once, naming the parameter and the allowed values; return them as a dict."""
    if lang not in PARAMETERS["lang"]:
        raise ValueError(f"parameter 'lang' must be one of {list(PARAMETERS['lang'])}, got {lang!r}")
    if isinstance(formats, str):
        formats = [f.strip() for f in formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in PARAMETERS["formats"]]
    if bad or not formats:
        raise ValueError(f"parameter 'formats' must be a non-empty list of {list(PARAMETERS['formats'])}, got {formats!r}")
    allowed = PARAMETERS["dpi"]
    if not isinstance(dpi, int) or isinstance(dpi, bool) or dpi not in allowed:
        raise ValueError(f"parameter 'dpi' must be a whole number from {allowed.start} to {allowed.stop - 1}, got {dpi!r}")
    if context not in PARAMETERS["context"]:
        raise ValueError(f"parameter 'context' must be one of {list(PARAMETERS['context'])}, got {context!r}")
    if output_dir is not None and not isinstance(output_dir, str):
        raise ValueError(f"parameter 'output_dir' must be a folder path (text) or None, got {output_dir!r}")
    return dict(lang=lang, formats=list(formats), dpi=dpi, context=context, output_dir=output_dir)


DEFAULT_TIMEOUT = 300
"""Seconds a notebook cell may run in a build before its notebook fails (``mali-caac build --timeout``)."""

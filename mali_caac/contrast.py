"""The contrast of two colours (WCAG 2.x: relative luminance, (L1 + 0.05) / (L2 + 0.05)).

Below the house style (:mod:`mali_caac.style` picks the colour of a number written on a cell by it) and the
figure checks (:mod:`mali_caac.figure_checks` measures every text against its ground with it). The luminance
is computed by colorspacious, imported inside the functions so that the library runs without it.
"""


def _colorspacious():
    try:
        import colorspacious
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("the colour checks need colorspacious: pip install 'mali-caac[test]'") from e
    return colorspacious


def _rgb(colour):
    from matplotlib.colors import to_rgb

    return tuple(round(v, 6) for v in to_rgb(colour))


def relative_luminance(colour):
    """WCAG 2.x relative luminance (0 black to 1 white) of an opaque colour."""
    cs = _colorspacious()
    return float(cs.cspace_convert(_rgb(colour), "sRGB1", "XYZ100")[1]) / 100


def contrast_ratio(c1, c2):
    """WCAG 2.x contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    hi, lo = sorted((relative_luminance(c1), relative_luminance(c2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)

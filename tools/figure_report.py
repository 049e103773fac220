"""What an editor measures, for every figure in both languages at every size (prints figures; not a test).

    .venv/bin/python tools/figure_report.py [SIZE ...]

Per size: the smallest and largest text in points, the number of renders with a layout problem
(:func:`mali_caac.figure_checks.layout_problems`) or a colour problem
(:func:`mali_caac.figure_checks.colour_problems`), and the figure height range. Then the palette:
the smallest ΔE (CAM02-UCS) between any two violation colours under normal vision and simulated
deuteranopia, protanopia and tritanopia, and each colour's contrast against white.
"""
import itertools
import sys

from mali_caac import figure_checks as fc
from mali_caac import style
from mali_caac.figures import close, figure_ids, render
from mali_caac.parameters import PARAMETERS


def sizes_report(sizes):
    ids = figure_ids()
    print(f"{len(ids)} figures x {len(PARAMETERS['lang'])} languages per size")
    print(f"{'size':<8} {'smallest pt':>11} {'largest pt':>10} {'layout':>7} {'colour':>7} {'height mm':>12}")
    for size in sizes:
        small, large, layout, colour, heights, where = [], [], 0, 0, [], {}
        for fid in ids:
            for lang in PARAMETERS["lang"]:
                r = render(fid, lang, size)
                try:
                    lo, hi = fc.text_sizes(r.figure)
                    small.append(lo)
                    large.append(hi)
                    where.setdefault(lo, f"{fid} ({lang})")
                    layout += bool(fc.layout_problems(r.figure))
                    colour += bool(fc.colour_problems(r.figure))
                    heights.append(r.figure.get_figheight() * 25.4)
                finally:
                    close(r)
        print(f"{size:<8} {min(small):>11.1f} {max(large):>10.1f} {layout:>7} {colour:>7} "
              f"{min(heights):>5.0f}-{max(heights):<5.0f}  (smallest in {where[min(small)]})")


def palette_report():
    colours = dict(style.VIOLATION_COLOURS)
    pairs = list(itertools.combinations(colours, 2))
    print(f"\nviolation colours: smallest ΔE (CAM02-UCS) between any two, threshold {style.DELTA_E_MIN:g}")
    for cvd in fc.CVD_TYPES:
        worst = min(pairs, key=lambda p: fc.cvd_delta_e(colours[p[0]], colours[p[1]], cvd))
        d = fc.cvd_delta_e(colours[worst[0]], colours[worst[1]], cvd)
        print(f"  {cvd or 'normal vision':<14} {d:5.1f}  ({worst[0]} / {worst[1]})")
    print(f"contrast against white (graphics need {style.CONTRAST_GRAPHICS:g}:1, text {style.CONTRAST_TEXT:g}:1)")
    named = {**{f"violation {k}": v for k, v in colours.items()}, "neutral": style.NEUTRAL, "accent": style.ACCENT,
             "unattributed": style.UNATTRIBUTED, "muted text": style.TEXT_MUTED, "text": style.TEXT}
    for name, c in named.items():
        print(f"  {name:<48} {c}  {fc.contrast_ratio(c, '#ffffff'):5.2f}:1")


if __name__ == "__main__":
    palette_report()
    sizes_report(sys.argv[1:] or PARAMETERS["size"])

"""Search sRGB for the six violation colours (issue 7, item 5); prints candidates, writes nothing.

Each colour must have at least 3:1 contrast against white (WCAG 2.x relative
luminance <= 0.30). The score is the smallest CAM02-UCS distance between any
two colours under normal vision and under full deuteranopia, protanopia and
tritanopia (colorspacious, severity 100), with pairs drawn side by side in the
report's order held to a higher bar. Fixed colours (black for "all", the grey
for "unattributed") take part in the distances but do not move. Random starts
from Okabe-Ito, then a shrinking random walk. Usage:

    python tools/palette_search.py [--seed 1] [--starts 40] [--steps 1500] [--anchor 0.02]
    python tools/palette_search.py --report HEX HEX HEX HEX HEX HEX   # measure six colours

The committed palette came from `--starts 8 --steps 3000 --anchor 0.02 --seed 2` (35 s).
"""
import argparse
import itertools

import numpy as np
from colorspacious import cspace_convert

ORDER = ("recruitment_and_use", "killing_and_maiming", "sexual_violence",
         "attacks_on_schools_and_hospitals", "abduction", "denial_of_humanitarian_access")
START = ("#0072B2", "#D55E00", "#CC79A7", "#E69F00", "#009E73", "#56B4E9")  # Okabe-Ito as used today
FIXED = {"all": "#000000", "unattributed": "#949494"}
SIMS = (None, "deuteranomaly", "protanomaly", "tritanomaly")
MAX_LUMINANCE = 0.30 - 0.004  # 3:1 against white is L <= 0.30; keep a margin for rounding to hex
ADJACENT_MARGIN = 4.0         # side-by-side pairs are scored 4 units lower, so they end up better separated


def hex_to_rgb(h):
    return np.array([int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def to_hex(rgb):
    return "#" + "".join(f"{round(float(v) * 255):02X}" for v in np.clip(rgb, 0, 1))


def luminance(rgb):
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def ucs(rgb, sim):
    if sim is not None:
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": sim, "severity": 100}, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


N = len(ORDER)
PAIRS = list(itertools.combinations(range(N + len(FIXED)), 2))
ADJ = {(i, i + 1) for i in range(N - 1)}


def distances(colours):
    """ΔE for every pair (rows) under every simulation (columns)."""
    allc = np.vstack([colours, [hex_to_rgb(h) for h in FIXED.values()]])
    out = np.empty((len(PAIRS), len(SIMS)))
    for k, sim in enumerate(SIMS):
        u = ucs(allc, sim)
        for p, (i, j) in enumerate(PAIRS):
            out[p, k] = np.linalg.norm(u[i] - u[j])
    return out


TARGET = 21.0                 # ΔE every pair must reach (20 after rounding to hex, with a margin)
START_HUE = None
MIN_CHROMA = 20.0             # colourfulness M' in CAM02-UCS: a violation colour must not read as a grey


def score(colours, anchor=False):
    """Smallest ΔE (adjacent pairs counted 4 lower); with ``anchor`` > 0, ΔE above TARGET
    counts for nothing and each degree of hue drift from Okabe-Ito (normal vision) costs ``anchor``."""
    if np.any(luminance(colours) > MAX_LUMINANCE):
        return -np.inf
    u = ucs(colours, None)
    if np.any(np.hypot(u[:, 1], u[:, 2]) < MIN_CHROMA):
        return -np.inf
    d = distances(colours).min(axis=1)
    d = np.array([v - ADJACENT_MARGIN if pair in ADJ else v for v, pair in zip(d, PAIRS)])
    if not anchor:
        return d.min()
    hue = np.degrees(np.arctan2(u[:, 2], u[:, 1]))
    drift = np.abs((hue - START_HUE + 180) % 360 - 180)
    return min(d.min(), TARGET) - anchor * (drift.max() + 0.25 * drift.mean())


def darken_to_limit(rgb):
    while luminance(rgb) > MAX_LUMINANCE:
        rgb = rgb * 0.98
    return rgb


def search(rng, starts, steps, anchor=False, start=START):
    best, best_s = None, -np.inf
    for s in range(starts):
        x = np.array([darken_to_limit(hex_to_rgb(h)) for h in start])
        if s:
            x = np.array([darken_to_limit(np.clip(c + rng.normal(0, 0.25 if start is START else 0.03, 3), 0, 1)) for c in x])
        fx = score(x, anchor)
        for t in range(steps):
            sigma = (0.15 if start is START else 0.04) * (1 - t / steps) + 0.005
            y = x.copy()
            i = rng.integers(N)
            y[i] = np.clip(y[i] + rng.normal(0, sigma, 3), 0, 1)
            fy = score(y, anchor)
            if fy >= fx:
                x, fx = y, fy
        if fx > best_s:
            best, best_s = x, fx
            print(f"start {s}: score {fx:.2f}", [to_hex(c) for c in x], flush=True)
    return best


def report(hexes):
    cols = np.array([hex_to_rgb(h) for h in hexes])
    d = distances(cols)
    names = list(ORDER) + list(FIXED)
    u = ucs(cols, None)
    for h, name, c in zip(hexes, ORDER, u):
        print(f"{name:34s} {h}  contrast {1.05 / (luminance(hex_to_rgb(h)) + 0.05):.2f}:1"
              f"  J' {c[0]:.0f}  M' {np.hypot(c[1], c[2]):.0f}  h {np.degrees(np.arctan2(c[2], c[1])) % 360:.0f}")
    for k, sim in enumerate(SIMS):
        p = int(d[:, k].argmin())
        adj = min(d[q, k] for q, pair in enumerate(PAIRS) if pair in ADJ)
        six = min(d[q, k] for q, (i, j) in enumerate(PAIRS) if j < N)
        print(f"{str(sim):14s} min six {six:5.1f}  min adjacent {adj:5.1f}  min with fixed "
              f"{d[p, k]:5.1f} ({names[PAIRS[p][0]]} / {names[PAIRS[p][1]]})")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--starts", type=int, default=40)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--report", nargs=N, metavar="HEX")
    ap.add_argument("--start", nargs=N, metavar="HEX", default=START, help="start here (small perturbations)")
    ap.add_argument("--anchor", type=float, default=0.0,
                    help="ΔE units given up per degree of hue drift from Okabe-Ito, once pairs near TARGET")
    a = ap.parse_args()
    if a.report:
        report(a.report)
    else:
        u0 = ucs(np.array([hex_to_rgb(h) for h in START]), None)
        START_HUE = np.degrees(np.arctan2(u0[:, 2], u0[:, 1]))
        best = search(np.random.default_rng(a.seed), a.starts, a.steps, a.anchor, tuple(a.start))
        report([to_hex(c) for c in best])

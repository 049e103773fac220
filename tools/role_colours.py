"""Measure the colour roles drawn together in one figure (mali_caac.colours.ROLES); prints, writes nothing.

For each pair of roles that some figure draws side by side or in one key, the smallest CAM02-UCS
difference under normal vision and simulated deuteranopia, protanopia and tritanopia (severity 100,
colorspacious through mali_caac.figure_checks), and each role's contrast against white. Usage:

    python tools/role_colours.py
"""
from mali_caac.colours import ROLES
from mali_caac.figure_checks import contrast_ratio, min_delta_e

TOGETHER = [("source.S/2018/136", "source.S/2020/1105"),               # overview_previous_report
            ("source.S/2020/1105", "source.Watchlist-2021-06"),        # schools_closed
            ("transaction.obligations", "transaction.disbursements"),  # us_aid_series, us_aid_2020_compared
            ("source.CHRHS-SAM-InterAction-2022", "transaction.obligations"),
            ("source.CHRHS-SAM-InterAction-2022", "transaction.disbursements"),
            ("perpetrator.armed_groups", "perpetrator.government_forces"),  # overview_attribution
            ("perpetrator.armed_groups", "unattributed"), ("perpetrator.government_forces", "unattributed"),
            ("target.schools", "target.hospitals"),                    # attacks_by_period, attacks_by_region
            ("cause.crossfire_and_attacks", "cause.explosive_devices"),  # casualties_cause_period
            ("provider.EUTM", "provider.US"), ("provider.US", "context")]  # military_training, arms_suppliers

if __name__ == "__main__":
    for a, b in TOGETHER:
        d, cvd = min_delta_e(ROLES[a], ROLES[b])
        print(f"{a:38} {b:38} ΔE {d:5.1f} ({cvd or 'normal vision'})")
    for role, hexcode in ROLES.items():
        print(f"{role:38} {hexcode}  {contrast_ratio(hexcode, '#FFFFFF'):.2f}:1")

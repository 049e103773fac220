"""The domain model: the six grave violations, the units they are counted in, the periods.

Checks, sums and charts all import these definitions from here, so that the
order of the violations or the unit of a violation's headline count is stated
once.
"""

ROOT = "all"
"""The code that marks a total along a dimension (every table, every dimension)."""

VIOLATIONS = (
    "recruitment_and_use",
    "killing_and_maiming",
    "sexual_violence",
    "attacks_on_schools_and_hospitals",
    "abduction",
    "denial_of_humanitarian_access",
)
"""The six grave violations, in the order of the report (section IV, A-F)."""

HEADLINE_UNITS = {
    "recruitment_and_use": ("cases", "children"),
    "killing_and_maiming": ("children",),
    "sexual_violence": ("children",),
    "attacks_on_schools_and_hospitals": ("attacks",),
    "abduction": ("children",),
    "denial_of_humanitarian_access": ("incidents",),
}
"""The unit in which the report counts each violation towards its total of
violations (para 12: 516 cases + 495 children + 74 children + 216 attacks +
38 children + 425 incidents = 1,764), then the unit of its breakdowns."""

PREVIOUS_PERIOD = "2014-2017H1"
"""The period of the previous country report (S/2018/136), which S/2020/1105 quotes."""

ORDERED_DIMENSIONS = frozenset({"violation", "period"})
"""Dimensions whose codes have a meaningful order (loaded as ordered categoricals)."""

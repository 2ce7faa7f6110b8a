"""schemathesis hooks for tests/test_api_schema.py (loaded by the schemathesis CLI through SCHEMATHESIS_HOOKS).

One check, ``accepts_valid_data``: schemathesis' own positive_data_acceptance, except the rules between
parameters that OpenAPI cannot express; each answers 422 with exactly one of these messages."""

from __future__ import annotations

import re

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

CROSS_PARAMETER_RULES = [
    re.compile(r"^year_from must not be after year_to$"),  # network filters
    re.compile(r"^min_weight must be at least 1 and below it$"),  # more links of the network view
    re.compile(r"^name the white spot: a theme .*, an actor type .* or a challenge .*$"),  # consortium builder
]


@schemathesis.check
def accepts_valid_data(ctx, response, case):
    if response.status_code == 422:
        try:
            message = response.json().get("error", "")
        except ValueError:
            message = ""
        if any(rule.match(message) for rule in CROSS_PARAMETER_RULES):
            return None
    return positive_data_acceptance(ctx, response, case)

"""Pure domain logic: takes values, returns pydantic models, never prints.

Models are validated where data comes in from outside: the data files (the catalog's
strict models) and saved profiles read back from disk. Option values are checked by
the core's parsers (check_years, resolve_cert and the other resolve_*, parse_pay,
parse_percentile), which give the one-line messages; the Profile and Pay they return,
and every result, are made with ``Model.model_construct(...)``, which does not
validate again. Validating would make pydantic build a validator for every model a
run touches: more start-up time than the rest of `maplanner salary`. mypy, with
pydantic's plugin, checks every ``model_construct`` call's arguments, and
tests/test_results_are_valid.py validates every kind of result and profile.
"""

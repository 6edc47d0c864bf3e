"""Pure domain logic: takes values, returns pydantic models, never prints.

Results are made with ``Model.model_construct(...)``, which does not validate. Their
inputs were validated where they entered (the data files by the catalog's models, the
options and saved profiles by Profile, Pay and the parsers), and validating again would
make pydantic build a validator for every result model a run touches: more start-up
time than the rest of `maplanner salary`. mypy, with pydantic's plugin, checks every
``model_construct`` call's arguments, and tests/test_results_are_valid.py validates every
kind of result. Inputs (Profile, HeldCert, Pay) are still made with validation.
"""

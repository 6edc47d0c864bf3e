"""The answers a profile is made of, in detail: a saved profile whose answer this
catalog does not know is named with the command that mends it, and each answer
given on the command line is checked and put in canonical form."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.profile import HeldCert, Profile, normalized
from maplanner.errors import MaplannerError, StoreError

SAVED = {
    "years": 4.0,
    "certs": (),
    "setting": "family-practice",
    "specialty": None,
    "leads": "none",
    "pay": None,
    "education": None,
    "accredited": None,
    "place": None,
}
CHANGED = "(the data changed since it was saved, or the file was edited)"
FORGET = "or start again with 'maplanner profile forget'"


@pytest.mark.parametrize(
    ("answer", "what", "mend"),
    [
        ({"years": 99.0}, "years '99'", "'maplanner profile set years N', "),
        (
            {"setting": "spa"},
            "work setting 'spa'",
            "'maplanner profile set setting ID' (ID: one of family-practice, "
            "specialty-clinic, multispecialty-group, urgent-care, outpatient-center, "
            "ambulatory-surgery, hospital, chiropractic-optometry, podiatry-office, "
            "student), ",
        ),
        (
            {"specialty": "zoology"},
            "specialty 'zoology'",
            "'maplanner profile set specialty ID' (ID: one of none, ophthalmology, "
            "cardiology, podiatry, dermatology, orthopedics, ob-gyn, pediatrics, allergy), ",
        ),
        (
            {"leads": "boss"},
            "leadership level 'boss'",
            "'maplanner profile set leads ID' (ID: one of none, trains, lead, supervises), ",
        ),
        (
            {"certs": (HeldCert.model_construct(id="XYZ", earned=None, member_month=None),)},
            "certification 'XYZ'",
            "'maplanner profile remove-cert XYZ', ",
        ),
    ],
)
def test_a_saved_answer_this_catalog_does_not_know_is_named_with_its_mend(
    catalog: Catalog, answer: dict[str, object], what: str, mend: str
) -> None:
    with pytest.raises(MaplannerError) as refused:
        normalized(Profile.model_construct(**{**SAVED, **answer}), catalog)
    assert isinstance(refused.value, StoreError)
    assert (
        refused.value.message
        == f"the saved profile's {what} is not one this maplanner knows {CHANGED}"
    )
    assert refused.value.hint == f"mend it with {mend}{FORGET}"

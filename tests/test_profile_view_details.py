"""Details of core/profile_view.py: every saved answer `maplanner profile` shows, with
the catalog's name beside its id."""

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, PlaceAnswer, Profile
from maplanner.core.profile_view import HeldView, Named, ProfileView, SavedState, describe

PATH = "/home/someone/.local/share/maplanner/maplanner.db"


def saved(profile: Profile) -> SavedState:
    return SavedState(
        profile=profile, updated_on="2025-02-01", assessments=3, last_assessed="2025-01-30"
    )


def test_every_answer_is_shown_with_its_name(catalog: Catalog) -> None:
    profile = Profile(
        years=4,
        certs=(HeldCert(id="CMA", earned="2021-03"), HeldCert(id="CPC", member_month=7)),
        setting="family-practice",
        specialty="ophthalmology",
        leads="trains",
        pay=Pay(amount=21.5, per="hour"),
        education="associate",
        accredited=True,
        place=PlaceAnswer(kind="state", name="WA"),
    )
    assert describe(saved(profile), catalog, PATH) == ProfileView(
        saved=True,
        path=PATH,
        updated_on="2025-02-01",
        years=4,
        certs=(
            HeldView(id="CMA", name="Certified Medical Assistant (AAMA)", earned="2021-03"),
            HeldView(
                id="CPC", name="Certified Professional Coder (AAPC)", earned=None, member_month=7
            ),
        ),
        setting=Named(id="family-practice", name="Family or primary-care practice"),
        specialty=Named(id="ophthalmology", name="Ophthalmology"),
        leads=Named(id="trains", name="Trains or precepts others"),
        pay=Pay(amount=21.5, per="hour"),
        assessments=3,
        last_assessed="2025-01-30",
        education=Named(id="associate", name="Associate degree"),
        accredited=True,
        place="WA",
    )


def test_a_student_and_the_answers_left_out(catalog: Catalog) -> None:
    view = describe(saved(Profile(years=0, setting="student", accredited=False)), catalog, PATH)
    assert view.setting == Named(id="student", name="Student in an MA program, not working yet")
    assert view.leads == Named(id="none", name="No leadership duties")
    assert (view.specialty, view.education, view.accredited, view.place, view.pay) == (
        None,
        None,
        False,
        None,
        None,
    )


def test_nothing_saved_says_where_it_would_be(catalog: Catalog) -> None:
    view = describe(None, catalog, PATH)
    assert view == ProfileView(
        saved=False,
        path=PATH,
        updated_on=None,
        years=None,
        certs=(),
        setting=None,
        specialty=None,
        leads=None,
        pay=None,
        assessments=0,
        last_assessed=None,
    )

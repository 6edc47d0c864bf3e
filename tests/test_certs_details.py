"""Details of core/certs.py a user reads when `maplanner certs NAME` does not name one
credential outright: the empty answer, a mix-up with no credential to point to, and
the note for a name taken from part of what was typed."""

from types import SimpleNamespace
from typing import cast

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.certs import find_certification
from maplanner.core.matching import take_notes
from maplanner.errors import InputError


def test_an_empty_name_lists_every_credential(catalog: Catalog) -> None:
    with pytest.raises(InputError) as raised:
        find_certification(catalog, "  ")
    ids = ", ".join(cert.id for cert in catalog.certifications)
    assert str(raised.value) == f"certs needs a credential id or name; choose one of: {ids}"


def test_a_mix_up_with_nothing_to_look_at_instead_ends_at_the_explanation(
    catalog: Catalog,
) -> None:
    # Data (MAPLANNER_DATA) may explain a mix-up without naming credentials to see.
    certs = [
        cert
        if cert.not_this is None
        else cert.model_copy(update={"not_this": cert.not_this.model_copy(update={"see": []})})
        for cert in catalog.certifications
    ]
    edited = cast(Catalog, SimpleNamespace(certifications=certs))
    with pytest.raises(InputError) as raised:
        find_certification(edited, "CPT codes")
    assert str(raised.value).endswith("is the Certified Phlebotomy Technician.")


def test_a_name_taken_from_part_of_what_was_typed_is_noted(catalog: Catalog) -> None:
    take_notes()
    assert find_certification(catalog, " phlebot ") == "CPT"
    assert take_notes() == ["taking certs 'phlebot' as CPT"]

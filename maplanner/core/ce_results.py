"""What `maplanner ce` hands to its renderers and to JSON: credits and progress.

Kept apart from the logic in ce.py so that the renewal report can carry a
credential's progress without importing the code that computes it.
"""

from maplanner.core.result import Result as _Result


class NewCredit(_Result):
    """A checked credit, ready for the ledger."""

    cert: str
    units: float
    category: str | None
    from_issuer: bool
    date: str
    note: str


class Credit(NewCredit):
    """A recorded credit: `number` is what `ce remove` takes."""

    number: int
    added_on: str


class MinimumProgress(_Result):
    label: str
    required: float
    counted: float
    left: float
    met: bool


class CategoryTotal(_Result):
    category: str
    units: float


class CEProgress(_Result):
    """One held credential's continuing education toward its next due date.

    ``cycle_known`` is False when the cycle cannot be placed (no earned month, or a
    membership month missing); then nothing is counted and ``advice`` says what to add.
    """

    id: str
    name: str
    unit: str
    cycle_known: bool
    cycle_start: str | None
    cycle_end: str | None
    due: str | None
    due_by: str | None
    required: float
    prorated: bool
    counted: float
    still_needed: float
    met: bool
    minimums: tuple[MinimumProgress, ...]
    by_category: tuple[CategoryTotal, ...]
    issuer_share: str | None
    issuer_units: float
    credits_in_cycle: int
    outside_count: int
    outside_units: float
    note: str | None
    advice: str


class CEReport(_Result):
    """Progress for every held credential with a continuing-education rule."""

    today: str
    profile_saved: bool
    progress: tuple[CEProgress, ...]
    #: Credentials held whose CE rule is not verified (no ledger is kept for them).
    untracked: tuple[str, ...]
    #: Credits recorded for credentials no longer in the profile.
    not_held_count: int


class CreditList(_Result):
    today: str
    credits: tuple[Credit, ...]


class CreditRemoved(_Result):
    removed: Credit

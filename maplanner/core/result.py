"""The one base class of the models the core returns (and the store keeps).

Frozen, with no unknown fields; ``defer_build`` because the core builds its results with
``model_construct``, so pydantic makes no validator unless something validates one (the
tests do, and the store does when it reads a saved profile back).
"""

from pydantic import BaseModel, ConfigDict


class Result(BaseModel):
    """A value the core hands to a renderer, or the store to a command."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

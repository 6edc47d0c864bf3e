"""Advancement and alternative career paths, with the steps that lead to each.

A path is data, including the rules that say when a person has already done a step
or reached the whole path (`done_when`, `reached_when`): the planner only evaluates
them, so changing what counts as "already a lead MA" is a data edit, not a code edit.
Times (the path's usual experience, each step's years) are typical figures with a
named source; where the guides give none, the source is maplanner's own estimate.
"""

from typing import Literal, Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text, check_names_unique

Kind = Literal["advancement", "alternative"]
KINDS: tuple[Kind, ...] = ("advancement", "alternative")


class PayFigure(Strict):
    """A verified pay figure for the destination role; absent means none was verified."""

    median_annual: int = Field(gt=0)
    vintage: Text
    source: Id


class Condition(Strict):
    """A test on a person's answers. Every part given must hold; a list holds when
    any one of its entries does (any of these credentials, any of these levels)."""

    credentials: list[Id] = Field(
        default_factory=list, description="Holds (or will have earned) any of these."
    )
    leadership: list[Id] = Field(
        default_factory=list, description="Leadership level is any of these."
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not self.credentials and not self.leadership:
            raise ValueError("a condition needs credentials or leadership to test")
        return self


class PathStep(Strict):
    """One stage on the way: how many years it usually takes and what marks it done."""

    title: Text
    years: int = Field(ge=1, le=4, description="Whole years: the plan is year by year.")
    credentials: list[Id] = Field(default_factory=list)
    choose_one: bool = Field(
        default=False, description="The credentials are alternatives: earning one is enough."
    )
    skills: list[Text] = Field(default_factory=list)
    role: Text
    milestone: Text = Field(description="What marks the step (its last year) done.")
    midway: Text | None = Field(
        default=None, description="What marks each earlier year done, for longer steps."
    )
    done_when: Condition | None = Field(
        default=None, description="A person who meets this has this step behind them."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.years > 1 and self.midway is None:
            raise ValueError(f"a {self.years}-year step needs a midway milestone")
        if self.years == 1 and self.midway is not None:
            raise ValueError("a one-year step has no midway milestone")
        if self.choose_one and len(self.credentials) < 2:
            raise ValueError("choose_one needs at least two credentials to choose from")
        return self


class TimeBasis(Strict):
    """Where a path's times (its usual experience, each step's years) come from."""

    source: Id
    note: Text | None = None


class CareerPath(Strict):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list, description="Other names people type.")
    kind: Kind
    work: Text
    requires: Text = Field(description="Education, credential and licence it asks for.")
    time_to_get_there: Text
    carries_over: Text
    pay: PayFigure | None = None
    min_years: float = Field(ge=0, description="MA experience usually expected before starting.")
    credentials: list[Id] = Field(default_factory=list)
    steps: list[PathStep] = Field(min_length=1)
    destination: Text | None = Field(
        default=None,
        description="Where a plan ends, when the last step's role is not it (a licence "
        "earned at the end of a program); its words must appear in the last milestone.",
    )
    reached_when: Condition | None = Field(
        default=None, description="A person who meets this is already there."
    )
    next: list[Id] = Field(default_factory=list, description="Paths that could come after.")
    times: TimeBasis
    source: Id

    @model_validator(mode="after")
    def _ends_where_it_says(self) -> Self:
        if self.destination is not None and self.destination not in self.steps[-1].milestone:
            raise ValueError(
                f"destination {self.destination!r} is not named by the last step's milestone"
            )
        return self

    @property
    def goal(self) -> str:
        """What a plan toward this path ends with: the destination, else the last role."""
        return self.destination or self.steps[-1].role


class PathsFile(Strict):
    path: list[CareerPath] = Field(min_length=1)

    @model_validator(mode="after")
    def _next_paths_exist(self) -> Self:
        check_names_unique("paths", ((p.id, [p.name, *p.aliases]) for p in self.path))
        ids = {path.id for path in self.path}
        for path in self.path:
            for other in path.next:
                if other not in ids:
                    raise ValueError(f"path {path.id}: next names unknown path {other!r}")
                if other == path.id:
                    raise ValueError(f"path {path.id}: next names the path itself")
        return self

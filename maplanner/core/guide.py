"""The advice topics: the list, finding one from what someone typed, and showing it.

Finding a topic, in this order (case never matters):
1. an exact id, title or alias wins (``faq``, ``questions``);
2. otherwise a fragment of an id, title or alias: one topic matching is that topic
   (``mistake`` finds beginner-mistakes); several are an error that lists them;
3. otherwise an error with "did you mean" suggestions and every topic id.

Figures in the advice are placeholders filled here from the wage table and the
outlook, and each filled section cites those sources as well as its own.
"""

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.guide import PLACEHOLDERS, GuideSection, GuideTopic, placeholders_in
from maplanner.core.matching import key, note_taken, unknown_message
from maplanner.core.refs import SourceRef, source_ref
from maplanner.core.result import Result as _Result
from maplanner.core.text import dollars, hourly, ordinal
from maplanner.errors import InputError

OPTION = "topic"


class TopicSummary(_Result):
    id: str
    title: str
    summary: str


class TopicList(_Result):
    topics: list[TopicSummary]


class SectionView(_Result):
    heading: str
    points: list[str]
    sources: list[str]


class TopicView(_Result):
    id: str
    title: str
    summary: str
    sections: list[SectionView]


class TopicDetail(_Result):
    topic: TopicView
    sources: list[SourceRef]


def list_topics(catalog: Catalog) -> TopicList:
    return TopicList.model_construct(
        topics=[
            TopicSummary.model_construct(id=t.id, title=t.title, summary=t.summary)
            for t in catalog.guide
        ]
    )


def _names(topic: GuideTopic) -> list[str]:
    return [topic.id, topic.title, *topic.aliases]


def find_topic(catalog: Catalog, value: str) -> GuideTopic:
    """The topic named or hinted at by `value`, or InputError (exit 2) explaining why not."""
    wanted = key(value)
    for topic in catalog.guide:
        if wanted in {key(name) for name in _names(topic)}:
            return topic
    fits = [t for t in catalog.guide if wanted and any(wanted in key(n) for n in _names(t))]
    if len(fits) == 1:
        note_taken(OPTION, value, fits[0].id)
        return fits[0]
    if fits:
        listed = ", ".join(f"{t.id} ({t.title})" for t in fits)
        raise InputError(f"{OPTION} {value!r} fits several topics: {listed}; pick one id")
    choices = {topic.id: [topic.title, *topic.aliases] for topic in catalog.guide}
    raise InputError(unknown_message(value, choices, option=OPTION, what="guide topic"))


def topic_detail(catalog: Catalog, topic: GuideTopic) -> TopicDetail:
    """A topic with its figures filled in and every source it leans on spelled out."""
    figures = _figures(catalog)
    group_source = {"wages": catalog.wages.source, "outlook": catalog.outlook.source}
    sections: list[SectionView] = []
    used: list[str] = []
    for section in topic.sections:
        sources = [section.source, *_figure_sources(section, group_source)]
        sources = list(dict.fromkeys(sources))
        used.extend(sources)
        sections.append(
            SectionView.model_construct(
                heading=section.heading,
                points=[point.format_map(figures) for point in section.points],
                sources=sources,
            )
        )
    return TopicDetail.model_construct(
        topic=TopicView.model_construct(
            id=topic.id, title=topic.title, summary=topic.summary, sections=sections
        ),
        sources=[source_ref(catalog, source_id) for source_id in dict.fromkeys(used)],
    )


def _figure_sources(section: GuideSection, group_source: dict[str, str]) -> list[str]:
    return [
        group_source[PLACEHOLDERS[name]]
        for point in section.points
        for name in placeholders_in(point)
    ]


def _figures(catalog: Catalog) -> dict[str, str]:
    """Every placeholder's text, from the shipped (or overridden) wage and outlook files."""
    wages, outlook = catalog.wages, catalog.outlook
    points = wages.percentiles
    median = next(p for p in points if p.percentile == 50)
    low, high = points[0], points[-1]
    figures = {
        "median_annual": dollars(median.annual),
        "median_hourly": hourly(wages.median_hourly),
        "wage_vintage": wages.vintage,
        "low_point": f"{dollars(low.annual)} at the {ordinal(low.percentile)} percentile",
        "high_point": f"{dollars(high.annual)} at the {ordinal(high.percentile)} percentile",
        "oews_employment": f"{wages.employment:,}",
        "growth_percent": f"{outlook.growth_percent:g}%",
        "projection_span": f"{outlook.base_year} to {outlook.target_year}",
        "openings_per_year": f"{outlook.openings_per_year:,}",
        "projection_employment": f"{outlook.employment_base:,}",
        "projection_base_year": str(outlook.base_year),
        "entry_education": outlook.entry_education[:1].lower() + outlook.entry_education[1:],
    }
    assert set(figures) == set(PLACEHOLDERS), "every placeholder needs a figure"
    return figures

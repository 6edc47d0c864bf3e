"""How results point at things the catalog knows: a source to check, an id with its name.

Every view that cites a source or names a credential uses these, so a source reads
the same (publisher, title, period, URL) in every command's output and JSON.
"""

from maplanner.catalog.catalog import Catalog
from maplanner.core.result import Result as _Ref


class SourceRef(_Ref):
    """Where a fact comes from, spelled out so a reader can check it."""

    id: str
    publisher: str
    title: str
    period: str
    url: str | None


class Ref(_Ref):
    """Something the catalog knows by id, with the name to show people."""

    id: str
    name: str


def source_ref(catalog: Catalog, source_id: str) -> SourceRef:
    source = catalog.source(source_id)
    return SourceRef.model_construct(
        id=source.id,
        publisher=source.publisher,
        title=source.title,
        period=source.period,
        url=source.url,
    )

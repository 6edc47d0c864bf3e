"""Rows of a roster that reuse an earlier row's id.

An id names one person, so a repeat is almost always a mistake in the roster (the
same student entered twice, or two students given one number). Both rows are still
assessed, since each is a valid row; the repeat is reported so it can be fixed.

Memory stays bounded however long the roster is: the first ``limit`` different ids are
remembered (about 12 MB at the default), and rows after that are not checked.
"""

#: Different ids remembered; a class or a whole program is far smaller.
ID_LIMIT = 100_000


class RepeatedIds:
    """Remembers where each id was first seen and counts the rows that repeat one."""

    def __init__(self, limit: int | None = None) -> None:
        self._first_line: dict[str, int] = {}
        self.limit = ID_LIMIT if limit is None else limit
        self.repeats = 0
        #: True once more than `limit` different ids came, and checking stopped.
        self.stopped = False

    def first_line(self, line: int, row_id: str) -> int | None:
        """The line where `row_id` was first used, if this row repeats it; else None.

        A blank id is never a repeat (such a row is rejected for its blank id).
        """
        if not row_id or self.stopped:
            return None
        earlier = self._first_line.get(row_id)
        if earlier is not None:
            self.repeats += 1
            return earlier
        if len(self._first_line) >= self.limit:
            self.stopped = True
            self._first_line.clear()
            return None
        self._first_line[row_id] = line
        return None

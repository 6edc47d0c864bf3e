"""How big a data file may be: shared by the loader and tab completion.

Kept in a module of its own, importing nothing, so that completion (which runs on every
key press and never imports the loader or pydantic) checks files against the very same
limits as the loader instead of a copy of them.
"""

#: The environment variable naming a data override folder.
ENV_VAR = "MAPLANNER_DATA"
#: The largest data file read, in bytes.
MAX_FILE_BYTES = 1_000_000
#: Python's TOML parser takes time that grows with the square of a dotted key's length
#: (a.b.c...): one line of 20,000 parts takes seconds, a whole file of them hours. Keys
#: cannot span lines, so a line limit bounds that; the shipped lines are under 250.
MAX_LINE_CHARS = 1_000

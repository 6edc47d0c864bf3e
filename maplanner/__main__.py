"""Let `python -m maplanner` behave exactly like the `maplanner` script."""

from maplanner.edge import main

if __name__ == "__main__":
    main()

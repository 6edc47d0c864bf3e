"""Small wording helpers shared by the domain's explanations."""

from collections.abc import Iterable

# The one rule for showing a percentile (half up, ranges and changes from what is shown).
from maplanner.core.percentile_text import ordinal as ordinal


def dollars(amount: float) -> str:
    """Whole dollars with thousands separators: '$48,160'."""
    return f"${amount:,.0f}"


def hourly(amount: float) -> str:
    """Cents for hourly rates: '$21.25'."""
    return f"${amount:,.2f}"


def years_count(value: float) -> str:
    """'1 year', '2.5 years'."""
    return f"{value:g} year" + ("" if value == 1 else "s")


def months_count(value: int) -> str:
    """'1 month', '6 months'."""
    return f"{value} month" + ("" if value == 1 else "s")


def shown_gap(amount: float, other: float) -> int:
    """`amount` minus `other` in whole dollars as `dollars` prints them (both round half
    to even), so a wage $0.40 over a median reads as the same, never as "$0 above"."""
    return round(amount) - round(other)


def dollars_apart(amount: float, other: float) -> str | None:
    """'$1,220 above' or '$170 below': how far `amount` is from `other`, between the
    figures as printed (`shown_gap`); None when the two print the same."""
    gap = shown_gap(amount, other)
    if gap == 0:
        return None
    return f"{dollars(abs(gap))} {'above' if gap > 0 else 'below'}"


def cut(text: str, limit: int = 40) -> str:
    """`text` cut to at most `limit` characters, the last one "…" when anything was cut,
    so a value quoted in a message stays one readable line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 40) -> str:
    """`text` as typed (stripped), quoted, and cut to `limit` characters with "…", so an
    error message naming it stays one readable line."""
    return repr(cut(text.strip(), limit))


def join_words(items: Iterable[str], word: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (or with 'or')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def plain_decimal(text: str) -> float:
    """A decimal number written with ASCII digits ("4", "2.5", ".5"), else ValueError.

    float() also takes digits from other scripts ("٣", "𝟘"), "1_0", "1e1", "inf" and
    "nan": a person typing years never means those, and taking them silently would let
    a look-alike character pass as a number.
    """
    stripped = text.strip()
    body = stripped[1:] if stripped[:1] in "+-" else stripped
    whole, _, fraction = body.partition(".")
    if (
        not body.isascii()
        or not (whole or fraction)
        or not (whole.isdigit() or not whole)
        or not (fraction.isdigit() or not fraction)
    ):
        raise ValueError(f"{text!r} is not a decimal number")
    return float(stripped)

"""Small wording helpers shared by the domain's explanations."""


def ordinal(value: float) -> str:
    """'75th', '52nd', '10th'; non-integers are rounded to the nearest whole percentile."""
    number = round(value)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def dollars(amount: float) -> str:
    """Whole dollars with thousands separators: '$48,160'."""
    return f"${amount:,.0f}"


def hourly(amount: float) -> str:
    """Cents for hourly rates: '$21.25'."""
    return f"${amount:,.2f}"

"""Pure domain logic: takes values, returns models, never prints."""

"""Turn result models into Rich output for people (JSON is in `maplanner.render.jsonout`)."""

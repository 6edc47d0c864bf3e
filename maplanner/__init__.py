"""maplanner: a career planner for US Medical Assistants."""

__version__ = "0.1.0"

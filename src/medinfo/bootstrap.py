"""The one place that wires concrete classes together for the interfaces."""

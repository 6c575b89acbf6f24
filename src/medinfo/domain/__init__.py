"""The vocabulary shared by every layer: pure types with no I/O."""

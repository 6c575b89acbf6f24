"""medinfo: source-attributed medication monographs, safety checks, answers and reviews."""

__version__ = "0.1.0"

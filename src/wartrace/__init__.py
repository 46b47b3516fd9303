"""wartrace: turn war reporting into an evidence-grounded record of events and claims."""

__version__ = "0.1.0"

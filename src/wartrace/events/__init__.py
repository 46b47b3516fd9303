"""Events: dated, located events of eleven types read from war reporting, with evidence."""
from wartrace.events.stage import EventsStage, extract_events

__all__ = ["EventsStage", "extract_events"]

"""Segment stage: sentences and paragraphs of the cleaned text."""
from wartrace.segment.sentences import SegmentStage, split_sentences

__all__ = ["SegmentStage", "split_sentences"]

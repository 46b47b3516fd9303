"""Claims: every number a document puts on people or things (killed, displaced, shares held...).

`ClaimsStage` adds doc.claims; `extract_claims` is the same on plain inputs;
`find_quantities` reads number expressions on their own.
"""
from wartrace.claims.extract import extract_claims
from wartrace.claims.quantities import Quantity, find_quantities, parse_quantity
from wartrace.claims.stage import ClaimsStage

__all__ = ["ClaimsStage", "Quantity", "extract_claims", "find_quantities", "parse_quantity"]

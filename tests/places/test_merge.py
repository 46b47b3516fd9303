from wartrace.model import PlaceMention, PlaceRef
from wartrace.places.merge import merge_places


def _m(text, ref):
    return PlaceMention(0, len(text), text, ref)


def test_inferred_variants_merge_across_documents_and_into_known_places():
    city = PlaceRef("g:1", "Raqqa", "city", 35.9, 39.0)
    known = PlaceRef("raqqa:al-tayyar", "al-Tayyar", "neighbourhood", 35.96, 38.99, parent="g:1", gazetteer="raqqa@1")
    a = PlaceRef("inferred:g:1:tawasuaiya", "al-Tawaso'eiyah", "neighbourhood", 35.9, 39.0, parent="g:1", gazetteer="inferred")
    b = PlaceRef("inferred:g:1:tawasuiya", "Tawasoeiyah", "neighbourhood", 35.9, 39.0, parent="g:1", gazetteer="inferred")
    c = PlaceRef("inferred:g:1:tayar", "Tayar", "neighbourhood", 35.9, 39.0, parent="g:1", gazetteer="inferred")
    other = PlaceRef("inferred:g:2:tayar", "Tayar", "neighbourhood", 1.0, 1.0, parent="g:2", gazetteer="inferred")
    merged = merge_places([[_m("Raqqa", city), _m("al-Tayyar", known), _m("al-Tawaso'eiyah", a)],
                           [_m("Tawasoeiyah", b), _m("Tawasoeiyah", b), _m("Tayar", c), _m("Tayar", other)]])
    assert merged[a.id] == merged[b.id]
    assert merged[a.id].name == "Tawasoeiyah" and "al-Tawaso'eiyah" in merged[a.id].aliases
    assert merged[c.id].id == known.id and "Tayar" in merged[c.id].aliases
    assert merged[other.id].id == other.id  # same name, other parent: another place

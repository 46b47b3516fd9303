from wartrace.segment import split_sentences


def texts(text):
    return [(text[s.start : s.end], s.heading) for s in split_sentences(text)]


def test_basic_split_with_abbreviations_and_initials():
    text = "Lt. Gen. Smith arrived in the U.S. on Monday. Brett H. McGurk spoke. Troops left at 5 p.m. Then calm."
    got = [t for t, _ in texts(text)]
    assert got == ["Lt. Gen. Smith arrived in the U.S. on Monday.", "Brett H. McGurk spoke.",
                   "Troops left at 5 p.m. Then calm."]


def test_headings_paragraphs_and_bullets():
    text = "## Timeline\nOn 3 May the army attacked. It failed.\n\n * Item one\n * Item two\n"
    sents = split_sentences(text)
    assert [(text[s.start:s.end], s.heading) for s in sents] == [
        ("Timeline", True), ("On 3 May the army attacked.", False), ("It failed.", False),
        ("Item one", False), ("Item two", False)]
    assert sents[1].paragraph == sents[2].paragraph != sents[3].paragraph != sents[4].paragraph


def test_hard_wrapped_lines_are_joined():
    text = "Iraqi troops fought their way to the river on Sunday, taking the last\nstreets of the old city.\nNext line."
    assert [t for t, _ in texts(text)] == [
        "Iraqi troops fought their way to the river on Sunday, taking the last\nstreets of the old city.", "Next line."]


def test_quotes_close_sentences():
    text = 'He said "it is over." The next day they left.'
    assert [t for t, _ in texts(text)] == ['He said "it is over."', "The next day they left."]


def test_an_unpunctuated_run_is_cut_into_bounded_sentences():
    from wartrace.segment.sentences import MAX_SENTENCE_CHARS

    text = "troops advanced street by street, " * 400 + "and the line held"
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == text[s.start:s.end].strip() for s in sentences)
    assert text[sentences[0].start:sentences[0].end].endswith(",")  # cut after a clause mark
    assert sentences[-1].end == len(text)


def test_a_single_endless_token_is_cut_at_the_limit():
    from wartrace.segment.sentences import MAX_SENTENCE_CHARS

    sentences = split_sentences("x" * (3 * MAX_SENTENCE_CHARS + 5))
    assert [s.end - s.start for s in sentences] == [MAX_SENTENCE_CHARS] * 3 + [5]

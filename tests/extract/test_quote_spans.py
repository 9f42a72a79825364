"""Quoted spans in the house styles of the news: straight and typographic marks, single
quotes among apostrophes, quotes split by their attribution, quotes over paragraphs,
fragments; scare quotes are no quotes."""

from app.extraction.knowledge import NOTHING_KNOWN
from app.loader.verify import find_excerpt
from tests.extract.helpers import quotes, spans, speakers


def test_straight_and_typographic_double_quotes() -> None:
    text = 'Reed said "the talks were useful." “We will meet again,” Koval said.'
    assert spans(text) == ["the talks were useful.", "We will meet again,"]


def test_a_span_is_all_between_the_marks_and_a_record_leaves_out_a_trailing_comma() -> None:
    text = '"The line reopens on Monday." Berg said. "Trains run again," he added. Reed said "no".'
    assert spans(text) == ["The line reopens on Monday.", "Trains run again,", "no"]
    records = [q.record["text"] for q in quotes(text) if q.record]
    assert records == ["The line reopens on Monday.", "Trains run again", "no"]


def test_single_quotes_among_apostrophes_and_possessives() -> None:
    text = (
        "'It's the council's decision, and the voters' choice,' Lopez said. "
        "Springfield's mayor called the plan 'a workers' victory' on Monday."
    )
    assert spans(text) == [
        "It's the council's decision, and the voters' choice,",
        "a workers' victory",
    ]


def test_typographic_single_quotes_with_a_straight_closing_mark() -> None:
    assert spans("Berg said the line would reopen ‘in principle'.") == ["in principle"]


def test_a_quote_split_by_its_attribution_is_one_remark_of_two_parts() -> None:
    [remark] = quotes("“We will rebuild,” Lopez said, “and we will do it this year.”")
    assert [p.text for p in remark.parts] == ["We will rebuild,", "and we will do it this year."]
    assert remark.speaker is not None and remark.speaker.actor == "ana-lopez"


def test_a_quote_over_two_paragraphs_is_one_span() -> None:
    text = "“The first trains run on Monday.\n\n“The rest follow within a week,” Berg said."
    [remark] = quotes(text)
    [part] = remark.parts
    assert part.text.startswith("The first trains") and part.text.endswith("within a week,")


def test_a_sentence_of_quote_after_a_quote_goes_on_with_its_speaker() -> None:
    text = "“We are ready,” Koval told reporters. “The rest is up to them.”\n\nThe talks resumed."
    [remark] = quotes(text)
    assert [p.text for p in remark.parts] == ["We are ready,", "The rest is up to them."]


def test_fragments_are_quotes_and_scare_quotes_are_not() -> None:
    text = (
        'Reed called the strike "a disaster for commuters". '
        'The so-called "Grand Coalition" met on Monday.'
    )
    [remark] = quotes(text)
    assert remark.parts[0].text == "a disaster for commuters" and remark.fragment


def test_every_excerpt_is_verified_by_the_loaders_own_check() -> None:
    text = (
        "SPRINGFIELD — Lopez said on Tuesday the city would pay. "
        "“We will not wait for the state,” she said.\n\n"
        "“The money is there,” Lopez said. The money is there, officials said."
    )
    found = quotes(text)
    assert len(found) == 2
    for quote in found:
        excerpt = quote.excerpt
        assert excerpt.verified
        assert find_excerpt(text, excerpt.text, excerpt.start) == (excerpt.start, "")
        assert all(part.text in excerpt.text for part in quote.parts)


def test_a_quote_within_a_quote_is_part_of_it() -> None:
    text = "'I told them \"no\" twice,' Lopez said."
    assert spans(text) == ['I told them "no" twice,']


def test_titles_in_quotes_are_names_not_quotes() -> None:
    text = 'Reed said he had watched "Apocalypse Now" twice and called it "a great film".'
    assert spans(text) == ["a great film"]


def test_long_titles_and_words_named_as_names_are_not_quotes() -> None:
    text = (
        'Lopez said fans had set up a site called "The Springfield Rail 6 Countdown" in May. '
        'Koval said the so-called "super lanes" would open, and the suspect, known as "the '
        'Ghost", was held. Reed said the report, titled "A City in Decline", was wrong. '
        'Berg said the strike was "far from over".'
    )
    assert spans(text) == ["far from over"]


def test_short_phrases_a_speaker_is_said_to_use_are_quotes() -> None:
    text = (
        'The opposition called the plan "a farce". The charity labelled the cuts "cruel". '
        'Critics termed the decision "shameful". Lopez slammed the "reckless" decision. '
        'Reed praised the deal as "historic".'
    )
    assert spans(text) == ["a farce", "cruel", "shameful", "reckless", "historic"]


def test_odd_spacing_and_a_closing_mark_printed_the_wrong_way_round() -> None:
    text = (
        "“We will win the vote this year, whatever it takes“ Peter Novak said. He left early.\n\n"
        'Maria Santos said,"The rest is up to them."She left.\n\n'
        '" We always do , " said [Tom Pritchard] .'
    )
    assert spans(text) == [
        "We will win the vote this year, whatever it takes",
        "The rest is up to them.",
        "We always do ,",
    ]
    assert speakers(text, NOTHING_KNOWN) == [
        "new:Peter Novak",
        "new:Maria Santos",
        "new:Tom Pritchard",
    ]

"""Attributions news prose writes often: a participle phrase that opens the sentence ("Writing
in the Times, ..."), a named person after an office, unnamed posters and documents, "according
to", an apposition after the speaker."""

from app.extraction.knowledge import NOTHING_KNOWN
from tests.extract.helpers import quotes, speakers


def test_an_opening_participle_phrase_is_no_speaker() -> None:
    text = (
        'Writing on his blog, Peter Novak described the decision as "a betrayal". '
        'Writing in the Springfield Times, Maria Santos called the plan "unworkable".'
    )
    assert speakers(text) == ["new:Peter Novak", "new:Maria Santos"]
    assert [q.cue.text for q in quotes(text) if q.cue] == ["described", "called"]


def test_an_opening_participle_alone_gives_the_words_to_the_subject() -> None:
    text = 'Writing on his blog, Peter Novak was scathing: "Nobody in the council read the plan."'
    assert speakers(text) == ["new:Peter Novak"]


def test_a_person_named_after_an_office_is_no_known_holder_of_the_office() -> None:
    text = (
        "Reed met Koval in Geneva on Monday.\n\n"
        'US President Jair Alves tweeted that "the meeting was a failure for everyone". '
        '"Trains will run," spokesman Tomas Berg said. "No," the Ukrainian president said.'
    )
    assert speakers(text) == ["new:Jair Alves", "tomas-berg", "olena-koval"]
    assert speakers('"No," US President Jair Alves said.', NOTHING_KNOWN) == ["new:Jair Alves"]


def test_unnamed_posters_and_readers_are_speakers() -> None:
    text = (
        '"This is a sad day for the city and its people," one user wrote. '
        '"I cannot believe they did this to us after all these years," a poster said. '
        'Another commenter writes that the council "never listened to anyone".'
    )
    assert speakers(text, NOTHING_KNOWN) == ["new:one user", "new:poster", "new:Another commenter"]


def test_a_documents_words_go_to_its_author_or_else_the_document() -> None:
    text = (
        '"We will not negotiate under these conditions," a statement from the union said. '
        'The authority\'s statement said it was "ready to talk". '
        'The letter says "we call for an immediate end to the strike". '
        'A message on the website read: "The service is closed until further notice."'
    )
    assert speakers(text) == [
        "new:union",
        "nordic-rail",
        "new:letter",
        "new:message on the website",
    ]


def test_a_writer_named_with_the_outlet_is_the_speaker() -> None:
    text = (
        'Springfield Daily\'s Peter Novak wrote that the plan was "a betrayal of every voter". '
        'The Springfield Times, a local blog, quoted Maria Santos as saying "it is far too late".'
    )
    assert speakers(text, NOTHING_KNOWN) == ["new:Peter Novak", "new:Maria Santos"]


def test_common_news_attributions() -> None:
    text = (
        'The line will open "within weeks", according to Peter Novak, the project\'s director. '
        '"We are ready for a long strike," Maria Santos told Reuters. '
        '"Nothing is decided yet," said Tom Pritchard, a spokesman for the union. '
        '"There is nothing to add," officials said.'
    )
    assert speakers(text, NOTHING_KNOWN) == [
        "new:Peter Novak",
        "new:Maria Santos",
        "new:Tom Pritchard",
        "new:officials",
    ]


def test_a_persons_spokesman_is_not_the_person() -> None:
    found = speakers('Reed\'s spokesman said "the president has no comment at this time".')
    assert found == ["new:Reed's spokesman"]

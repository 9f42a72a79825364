"""Speakers resolved to known actors by name, alias, surname, near spelling and title; pronouns
carried from the last named speaker; unknown names proposed as new actors."""

from app.extraction.knowledge import NOTHING_KNOWN
from app.loader.records import ActorRecord
from tests.extract.helpers import KNOWN, quotes, read, speakers


def test_names_aliases_and_surnames() -> None:
    text = (
        '"Trains will run," Nordic Rail Authority spokesman Tomas Berg said. '
        '"We are close," Lopez said. "Talks go on," said Koval.'
    )
    assert speakers(text) == ["tomas-berg", "ana-lopez", "olena-koval"]
    found = quotes(text)
    assert [q.speaker.how for q in found if q.speaker] == ["name", "surname", "alias"]


def test_a_speaker_written_before_the_quote_past_an_aside() -> None:
    text = (
        "After the vote, Koval, who had spoken with 30 leaders in two days, said "
        '"pressure must be kept up". Reed, 79, told reporters "the deal is close".'
    )
    assert speakers(text) == ["olena-koval", "john-reed"]


def test_titles_name_known_actors() -> None:
    text = (
        'Reed and Koval met in Geneva. The Ukrainian president called the talks "frank". '
        '"We will see," the US president said. The authority said it was "ready to talk".'
    )
    assert speakers(text) == ["olena-koval", "john-reed", "nordic-rail"]
    assert all(q.speaker and q.speaker.how == "title" for q in quotes(text)[:2])


def test_pronouns_stand_for_the_last_named_speaker() -> None:
    text = (
        '"We are ready," Lopez said.\n\nThe council met on Monday.\n\n'
        '"The money is there," she added. Koval spoke next. "It is time," she said.'
    )
    assert speakers(text) == ["ana-lopez", "ana-lopez", "olena-koval"]
    assert [q.speaker.how for q in quotes(text) if q.speaker][1] == "pronoun"


def test_a_pronoun_stands_for_the_person_named_first_in_its_sentence() -> None:
    text = 'Berg spoke first. Although Reed doubted a deal, he expected "useful talks".'
    assert speakers(text) == ["john-reed"]


def test_a_second_verb_and_a_participle_share_the_speaker() -> None:
    text = (
        'Koval said the plan was "a start" but warned against "false hopes". '
        'The authority tempered hopes on Tuesday, calling the offer "a first step".'
    )
    assert speakers(text) == ["olena-koval", "olena-koval", "nordic-rail"]


def test_near_spellings_of_known_names() -> None:
    assert speakers('"No," said Olena Kovall.') == ["olena-koval"]


def test_unknown_speakers_are_new_actors_with_the_name_as_written() -> None:
    text = (
        '"The line is dead," said Peter Novak, a farmer. '
        'Maria Santos, 41, said "nobody asked us". "It hurts," a local official said.'
    )
    assert speakers(text) == ["new:Peter Novak", "new:Maria Santos", "new:local official"]
    found = quotes(text)
    assert all(q.speaker and q.speaker.new for q in found)
    assert found[0].record is not None and found[0].record["speaker"] == "peter-novak"


def test_according_to_and_a_group_of_speakers() -> None:
    text = (
        'The strike will end "within days", according to Berg. '
        '"The path is clear," leaders from Springfield and Shelbyville said in a statement.'
    )
    found = speakers(text)
    assert found[0] == "tomas-berg"
    assert found[1] is not None and found[1].startswith("new:leaders from Springfield")


def test_with_no_knowledge_every_speaker_is_new() -> None:
    assert speakers('"Yes," Tomas Berg said.', NOTHING_KNOWN) == ["new:Tomas Berg"]
    assert speakers('"Yes," Tomas Berg said.', KNOWN) == ["tomas-berg"]


def test_a_speaker_introduced_by_a_colon_speaks_the_next_paragraph() -> None:
    text = 'At the rally, Koval told the crowd:\n\n"We will not give up, not now and not ever."'
    assert speakers(text) == ["olena-koval"]


def test_honorifics_and_a_name_after_a_title_are_not_the_name() -> None:
    text = '"It is over," said Mr. Novak. "We start again," said the minister, Jane Roe.'
    assert speakers(text) == ["new:Novak", "new:Jane Roe"]


def test_a_long_quote_with_no_cue_is_the_last_named_speakers() -> None:
    text = (
        "Koval arrived in Geneva on Monday.\n\n"
        '"Nobody in this city has forgotten what the war has cost us all."'
    )
    [quote] = quotes(text)
    assert quote.speaker is not None and quote.speaker.actor == "olena-koval"
    assert quote.speaker.how == "continued"


def test_a_new_person_named_again_by_surname_is_one_new_actor() -> None:
    text = (
        '"We won," union leader Marieke de Vries told reporters.\n\n'
        'Economy Minister Piet Jansen welcomed the vote. "Good," he said.\n\n'
        'De Vries said the union would "watch closely".'
    )
    assert speakers(text, NOTHING_KNOWN) == [
        "new:Marieke de Vries",
        "new:Piet Jansen",
        "new:Marieke de Vries",
    ]


def test_a_body_is_no_antecedent_for_he() -> None:
    text = (
        'Port operator Havenbedrijf, in a statement on Friday, called the deal "fair" but '
        'warned of "heavy losses". Lars Eriksen, an analyst, was cautious. "Weeks," he said.'
    )
    assert speakers(text, NOTHING_KNOWN) == [
        "new:Havenbedrijf",
        "new:Havenbedrijf",
        "new:Lars Eriksen",
    ]


def test_a_title_abbreviation_and_a_place_after_the_name() -> None:
    text = (
        '"This is a betrayal," said Rep. Chip Roy of Texas. '
        'The so-called "Freedom Caucus" has vowed to vote no.'
    )
    assert speakers(text, NOTHING_KNOWN) == ["new:Chip Roy"]


def test_a_name_set_off_by_commas_after_an_office_is_the_speaker() -> None:
    text = (
        "Her neighbour, Tom Pritchard, was blunt. 'Nobody came,' he said. The council's leader, "
        'Councillor Rhian Evans, told the BBC the council had "done everything it could". '
        'A spokesperson for the agency said: "Our thoughts are with everyone affected."'
    )
    assert speakers(text, NOTHING_KNOWN) == [
        "new:Tom Pritchard",
        "new:Rhian Evans",
        "new:spokesperson for the agency",
    ]


def test_each_new_speaker_is_proposed_once_as_an_actor_record_citing_them() -> None:
    text = (
        '"The line is dead," said Peter Novak, a farmer. Novak added: "We wait." '
        'The port operator Havenbedrijf said "no ships". "Enough," farm leaders said.'
    )
    proposed = read(text).new_actors
    assert [(a.id, a.record["kind"]) for a in proposed] == [
        ("peter-novak", "person"),
        ("havenbedrijf", "organisation"),
        ("farm-leaders", "group"),
    ]
    for actor in proposed:
        ActorRecord.model_validate(actor.record)
        (citation,) = actor.record["citations"]
        assert citation["source"] == "src" and actor.name in citation["excerpt"]
        assert text[citation["start"] :].startswith(citation["excerpt"])


def test_he_and_she_skip_a_person_the_text_calls_by_the_other() -> None:
    text = (
        "Maria Santos, the mayor, met Peter Novak on Monday. Mr. Novak was blunt. "
        '"We are done," he said. Asked about the talks, she said "the door is open".'
    )
    assert speakers(text, NOTHING_KNOWN) == ["new:Novak", "new:Maria Santos"]
    text = (
        '"Fine," Reed said. "We are ready," he added. Koval spoke after him. '
        'While the mayor was not critical of Reed, she said "the talks must go on".'
    )
    assert speakers(text) == ["john-reed", "john-reed", "olena-koval"]

"""Erasure and pseudonymisation recognise the same spellings of a name (``core/person_names.py``).

Every spelling is written in a record of the person's own and in someone else's, pseudonymised
as an export does and then erased as ``erase-person`` does. Its tier says where it counts: a
*name* everywhere; a *part* ("Petra", "De Boer") in an export everywhere (a shared one becomes
"[persoon]") but in an erasure only in the person's own records, since elsewhere it may be
someone else; an *own* word ("Klaas" of "@klaas_v") only in their own records, in both. With
two matchers, before ``core/person_names.py``, 53 of these cells disagreed.

A lower-case ordinary Dutch word ("groot", "gemeente") is never a name on its own, and a surname
that is one ("Boer", "Groot") needs its particle, the first name or a title elsewhere ("De
Groot", "Sanne de Groot", "mevrouw De Groot"): written alone it is an *own* word.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.export.pseudonymize import SOMEONE, Pseudonymizer
from ambtenaar20.core.person_names import NAME_PARTICLES, TITLES, link_url, words
from ambtenaar20.core.privacy import ErasedName

NAME, PART, OWN, NONE = "name", "part", "own", None
OTHER = "Kees Bakker"

#: counterpart -> (spelling in a text, tier)
TEXTS = {
    "Petra de Boer": [
        ("Petra de Boer", NAME), ("PETRA DE BOER", NAME), ("petra  de boer", NAME),
        ("Petra de Böer", NAME), ("Petra-de-Boer", NAME), ("petra.de.boer", NAME),
        ("petra_de_boer", NAME), ("PetraDeBoer", NAME), ("@PetraDeBoer", NAME),
        ("petra.deboer", NAME), ("Petra DeBoer", NAME), ("Mevrouw De Boer", NAME),
        ("mevr. Boer", NAME), ("de heer De Boer", NAME), ("@Petra de Boer", NAME),
        ("zie https://gemeente.nl/klachten/petra-de-boer", NAME),
        ("RT@PetraDeBoer", NAME), ("petradeboer1975", NAME), ("P. de Boer", NAME),
        ("mevr. P. de Boer", NAME), ("De Boer", PART), ("deboer", PART), ("Petra", PART),
        ("Boer", OWN), ("boer", NONE), ("boerderij", NONE), ("Boeren", NONE), ("Pet", NONE)],
    "Ömer Çelik": [
        ("Omer Celik", NAME), ("OMER CELIK", NAME), ("dhr. Çelik", NAME), ("omer.celik", NAME),
        ("OmerCelik", NAME), ("O\u0308mer C\u0327elik", NAME), ("Çelik", PART), ("Omer", PART)],
    "@JanJansen": [
        ("@JanJansen", NAME), ("@janjansen", NAME), ("JanJansen", NAME), ("Jan Jansen", NAME),
        ("jan.jansen", NAME), ("Jansen", OWN), ("meneer Jansen", OWN), ("Jan", NONE)],
    "@mia@mastodon.nl": [
        ("@mia@mastodon.nl", NAME), ("mia@mastodon.nl", NAME), ("@mia", NAME), ("@MIA", NAME),
        ("https://mastodon.nl/@mia/112234", NAME), ("mastodon.nl/@mia", NAME),
        ("https://mastodon.nl/users/mia/statuses/1", NAME), ("mastodon.nl/@mia.rss", NAME),
        ("mastodon.social/@mia@mastodon.nl/1", NAME), ("cc:@mia", NAME), ("(@mia)", NAME),
        (".@mia", NAME), ("Mia", PART), ("mastodon", NONE),
        # "@mia" on another server is another account: as "Mia", maybe someone else
        ("https://mastodon.social/@mia/1234", PART), ("x.com/@mia", PART)],
    "Anne-Marie van der Berg-Jansen": [
        ("Anne-Marie van der Berg-Jansen", NAME), ("Anne Marie van der Berg Jansen", NAME),
        ("Mevrouw Van der Berg-Jansen", NAME), ("Berg-Jansen", PART), ("van der Berg", PART),
        ("Jansen", PART), ("Anne-Marie", PART), ("Marie", PART)],
    "Wei Li": [("Wei Li", NAME), ("WEI LI", NAME), ("mevrouw Li", NAME), ("WeiLi", NAME),
               ("Li", NONE), ("Wei", NONE), ("Lisa", NONE)],
    "jan.jansen": [("Jan Jansen", NAME), ("jan.jansen", NAME), ("@jan.jansen", NAME),
                   ("JanJansen", NAME), ("meneer Jansen", PART), ("Jansen", PART)],
    "@klaas_v": [("@klaas_v", NAME), ("klaas_v", NAME), ("klaas v", NAME), ("Klaas", OWN)],
    "Sanne van Dijk": [
        ("Sanne van Dijk", NAME), ("mevrouw Van Dijk", NAME), ("SanneVanDijk", NAME),
        ("Van Dijk", PART), ("vandijk", PART), ("Dijk", OWN), ("Sanne", PART),
        ("dijkgraaf", NONE), ("Van", NONE), ("de dijk", NONE)],
    "Li": [("Li", NAME), ("@Li", NAME), ("lindeboom", NONE)],
    "@GemeenteUtrecht": [("@GemeenteUtrecht", NAME), ("Gemeente Utrecht", NAME),
                         ("Utrecht", OWN), ("Gemeente", OWN), ("gemeente", NONE)],
    "Jan de Vries": [
        ("Jan de Vries", NAME), ("Dhr. J. de Vries", NAME), ("J. de Vries", NAME),
        ("j.devries", NAME), ("JanDeVries", NAME), ("De Vries", PART), ("Vries", OWN),
        ("vries", NONE), ("Jan", NONE)],
    "Zoë van der Berg-Jansen": [
        ("Zoë van der Berg-Jansen", NAME), ("Zoe van der Berg-Jansen", NAME),
        ("Zoë Berg-Jansen", NAME), ("Zoë van der Berg", NAME), ("mevrouw Van der Berg", NAME),
        ("mevrouw Berg-Jansen", NAME), ("Berg-Jansen", PART), ("Jansen", PART),
        ("Berg", OWN), ("de berg op", NONE), ("Zoë", NONE)],
    "Johannes van 't Hof": [
        ("Johannes van 't Hof", NAME), ("Johannes van \u2018t Hof", NAME),
        ("Johannes van \u2019t Hof", NAME), ("meneer Van \u2018t Hof", NAME),
        ("Johannes", PART), ("hof", NONE)],
    "Anne-Marie van den Heuvel": [
        ("Anne-Marie van den Heuvel", NAME), ("AnneMarieVdHeuvel", NAME),
        ("AnneMarie vd Heuvel", NAME), ("A.M. van den Heuvel", NAME),
        ("annemarievandenheuvel1975", NAME), ("Heuvel", OWN), ("de heuvel op", NONE)],
    "mevrouw Li": [("mevrouw Li", NAME), ("Mevrouw Li", NAME), ("mevrouw", NONE),
                   ("Mevrouw", NONE), ("Li", NONE)],
    "Sanne de Groot": [
        ("Sanne de Groot", NAME), ("mevrouw De Groot", NAME), ("SanneDeGroot", NAME),
        ("De Groot", PART), ("Sanne", PART), ("Groot", OWN), ("een groot succes", NONE),
        ("groot-onderhoud", NONE)],
    "@gemeente": [("@gemeente", NAME), ("@Gemeente", NAME), ("Gemeente", OWN),
                  ("de gemeente", NONE)],
    "@jan-willem.bsky.social": [
        ("@jan-willem.bsky.social", NAME), ("jan-willem.bsky.social", NAME),
        ("Jan-Willem", NAME), ("Willem", OWN), ("social", NONE)],
    "@zoë_b": [("@zoë_b", NAME), ("@zoe\u0308_b", NAME), ("zoë_b", NAME)],
}
#: counterpart -> (link in an entry's URL field, tier)
LINKS = {
    "Petra de Boer": [
        ("https://gemeente.nl/klachten/petra-de-boer", NAME),
        ("https://forum.gemeente.nl/t/petradeboer/5", NAME),
        ("https://gemeente.nl/zoek?q=Petra%20de%20Boer", NAME),
        ("https://gemeente.nl/p/pdeboer", NAME), ("https://gemeente.nl/afval", NONE)],
    "Ömer Çelik": [("https://forum.gemeente.nl/t/ömer-celik-vraag/55", NAME),
                   ("https://forum.gemeente.nl/t/%C3%96mer-%C3%87elik/55", NAME)],
    "@JanJansen": [("https://forum.gemeente.nl/t/JanJansen/5", NAME),
                   ("https://forum.gemeente.nl/t/janjansen123/5", NAME),
                   ("https://forum.gemeente.nl/t/jan-jansen/5", NAME)],
    "@mia@mastodon.nl": [("https://mastodon.nl/@mia/1111", NAME),
                         ("https://www.mastodon.nl/@mia", NAME),
                         ("https://mastodon.nl/users/mia/statuses/1111", NAME),
                         ("https://mastodon.nl/@mia.rss", NAME),
                         ("https://mastodon.social/@mia@mastodon.nl/1111", NAME),
                         ("https://mastodon.social/@mia/1234", PART),
                         ("https://mastodon.social/users/mia", PART),
                         ("https://gemeente.nl/mia", PART), ("https://x.com/@mia", PART)],
    "Sanne de Groot": [("https://www.rijksoverheid.nl/onderwerpen/groot-onderhoud", NONE),
                       ("https://forum.gemeente.nl/t/sanne-de-groot/5", NAME)],
    "@gemeente": [("https://www.utrecht.nl/gemeente/bestuur", NONE),
                  ("https://mastodon.nl/@gemeente/1", NAME)],
    "Li": [("https://gemeente.nl/wijk/li", NAME), ("https://gemeente.nl/nieuws/lindeboom", NONE),
           ("https://gemeente.nl/urn:li:activity:1", NONE)],
}
#: Where each tier counts: (path, own record?) -> tiers
COUNTS = {("export", True): {NAME, PART, OWN}, ("export", False): {NAME, PART},
          ("erasure", True): {NAME, PART, OWN}, ("erasure", False): {NAME}}


@pytest.fixture
def context(data_dir):
    made = create_app_context(data_dir, "nl")
    yield made
    made.close()


def name_words(counterpart: str) -> set[str]:
    """The words of the person's name that must not survive ("mia" of "@mia@mastodon.nl")."""
    local = counterpart.lstrip("@").split("@")[0]
    found = set(words(local)) | set(words(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local)))
    return found - NAME_PARTICLES - TITLES


def hidden(before: str, after: str, counterpart: str) -> bool:
    """Whether the spelling was recognised: changed, and none of the name's words is left."""
    return after != before and not name_words(counterpart) & set(words(after))


def run_both(context, counterpart: str, cases: list[tuple[str, str | None]], field: str):
    """{(path, own record?): the spellings recognised}, and the outputs to show on failure."""
    log = context.logbook
    entries = []
    for value, _tier in cases:
        text = value if field == "url" else f"Genoemd: {value} vandaag"
        made = [log.add(platform="Website", kind="reactie", counterpart=who, **{field: text})
                for who in (counterpart, OTHER)]
        entries.append((value, text, made))
    outputs: dict[tuple[str, bool, str], str] = {}
    for value, _text, made in entries:
        for own, entry in zip((True, False), made, strict=True):
            result = Pseudonymizer.for_entries([entry], [counterpart, OTHER]).apply(entry)
            outputs["export", own, value] = getattr(result, field)
    context.privacy.erase_counterpart(counterpart)
    for value, _text, made in entries:
        for own, entry in zip((True, False), made, strict=True):
            outputs["erasure", own, value] = getattr(log.get(entry.id), field)
    recognised = {
        where: {value for value, text, _made in entries
                if (outputs[(*where, value)] == "" if field == "url"
                    else hidden(text, outputs[(*where, value)], counterpart))}
        for where in COUNTS}
    return recognised, outputs


@pytest.mark.parametrize("counterpart", sorted(TEXTS))
def test_erasure_and_export_recognise_the_same_spellings_in_text(context, counterpart):
    cases = TEXTS[counterpart]
    recognised, outputs = run_both(context, counterpart, cases, "summary")
    parts = {value for value, tier in cases if tier == PART}
    shown = "\n".join(f"{path:7} {'own' if own else 'other'}: {value!r} -> {text!r}"
                      for (path, own, value), text in sorted(outputs.items()))
    # The consistency itself: the same spellings in the person's own records; elsewhere an
    # erasure leaves out only the parts ("Petra" may be another Petra).
    assert recognised["erasure", True] == recognised["export", True], shown
    assert recognised["erasure", False] == recognised["export", False] - parts, shown
    for where, tiers in COUNTS.items():
        assert recognised[where] == {value for value, tier in cases if tier in tiers}, \
            (where, shown)


@pytest.mark.parametrize("counterpart", sorted(LINKS))
def test_erasure_and_export_drop_the_same_links(context, counterpart):
    cases = LINKS[counterpart]
    recognised, outputs = run_both(context, counterpart, cases, "url")
    parts = {value for value, tier in cases if tier == PART}
    assert recognised["erasure", False] == recognised["export", False] - parts, outputs
    for own in (True, False):
        assert recognised["export", own] == {
            value for value, tier in cases if tier in COUNTS["export", own]}, outputs
    assert recognised["erasure", False] == {value for value, tier in cases if tier == NAME}
    # An erasure empties every link of the person's own entries, named or not.
    assert recognised["erasure", True] == {value for value, _tier in cases}


def test_a_handles_words_stay_ordinary_words_in_other_entries(context):
    logbook = context.logbook
    org = logbook.add(platform="X", kind="reactie", counterpart="@GemeenteUtrecht",
                      summary="Utrecht meldt: gemeente Utrecht neemt contact op")
    other = logbook.add(platform="X", kind="reactie", counterpart=OTHER,
                        summary="Verhuisd naar Utrecht; vraag aan Gemeente Utrecht")
    export = Pseudonymizer.for_entries([org, other])
    assert export.apply(org).summary == "Persoon 1 meldt: Persoon 1 neemt contact op"
    assert export.apply(other).summary == "Verhuisd naar Utrecht; vraag aan Persoon 1"


def test_a_shared_first_name_stays_unattributed_but_its_owner_keeps_it_in_their_entry(context):
    logbook = context.logbook
    klaas = logbook.add(platform="X", kind="reactie", counterpart="@klaas_v",
                        summary="Klaas belt terug")
    other = logbook.add(platform="X", kind="reactie", counterpart="Klaas Bakker",
                        summary="Klaas belt terug")
    third = logbook.add(platform="X", kind="reactie", counterpart="Klaas de Wit",
                        summary="Klaas belt terug")
    export = Pseudonymizer.for_entries([klaas, other, third])
    assert export.apply(klaas).summary == "Persoon 1 belt terug"
    assert export.apply(other).summary == f"{SOMEONE} belt terug"


SPELLINGS = ["Ömer Çelik", "OMER CELIK", "O\u0308mer C\u0327elik", "dhr. Çelik", "omer.celik",
             "OmerCelik", "@omercelik", "Çelik", "ÖMER", "ｏｍｅｒ ｃｅｌｉｋ", ""]


@given(st.text(alphabet="aeiouçÇöÖ\u0308\u0327 .-_@ﬁ'İ", max_size=30),
       st.sampled_from(SPELLINGS), st.text(alphabet="aeiouçöÖ .-@", max_size=30), st.booleans())
@example(before="", spelling="ｏｍｅｒ ｃｅｌｉｋ", after="", own=False)
def test_the_quick_check_before_an_erasure_never_skips_a_text_that_names_the_person(
        before, spelling, after, own):
    text = before + spelling + after
    person = ErasedName("Ömer Çelik")
    thorough = ErasedName("Ömer Çelik")
    thorough._anchors = {False: re.compile(""), True: re.compile("")}  # reads every text
    assert person.scrub(text, own) == thorough.scrub(text, own)


def test_a_counterpart_or_author_is_the_person_however_written():
    person = ErasedName("Petra de Boer")
    for value in ("petra de  boer", "@PetraDeBoer", "Mevrouw De Boer", "petra.deboer",
                  "PETRA-DE-BOER", "@petradeboer"):
        assert person.is_person(value), value
    for value in ("Petra", "Kees de Boer", "Petra de Boer en Kees", ""):
        assert not person.is_person(value), value
    mia = ErasedName("@mia@mastodon.nl")
    assert mia.is_person("@mia") and mia.is_person("mia@mastodon.nl")
    assert not mia.is_person("mastodon.nl")
    # The domain of an address is no mention of Mia.
    assert mia.scrub("mail info@mia.nl of @mia") == "mail info@mia.nl of [verwijderd]"


def test_a_short_name_inside_another_word_of_a_link_is_not_that_person():
    """Erasing "Anna" must not empty another entry's link to /savanna: the record would lose it."""
    from ambtenaar20.core.person_names import PersonNames

    names = PersonNames(["Anna", "Petra de Boer", "@JanJansen"])
    assert not names.in_link("https://example.nl/reizen/savanna")
    assert names.in_link("https://example.nl/wijk/anna")
    assert names.in_link("https://example.nl/u/pdeboer")
    assert names.in_link("https://x.com/janjansen123/status/5")


def test_a_handle_on_another_server_is_someone_else(context):
    """Erasing "@mia@mastodon.nl" keeps "@mia@mastodon.social", and an export tells them apart."""
    log = context.logbook
    own = log.add(platform="Mastodon", kind="reactie", counterpart="@mia@mastodon.nl",
                  summary="@mia en @mia@mastodon.social")
    other = log.add(platform="Mastodon", kind="reactie", counterpart=OTHER,
                    summary="@mia@mastodon.social en @mia@mastodon.nl vragen het")
    export = Pseudonymizer.for_entries([other], ["@mia@mastodon.nl"])
    assert export.apply(other).summary == "Persoon 2 en Persoon 3 vragen het"
    both = Pseudonymizer([OTHER], ["@mia@mastodon.nl", "@mia@mastodon.social"])
    assert both.text("@mia@mastodon.social, @mia@mastodon.nl, @mia") == \
        f"Persoon 2, Persoon 3, {SOMEONE}"
    mia = ErasedName("@mia@mastodon.nl")
    assert not mia.is_person("@mia@mastodon.social") and mia.is_person("@mia")
    context.privacy.erase_counterpart("@mia@mastodon.nl")
    assert log.get(other.id).summary == "@mia@mastodon.social en [verwijderd] vragen het"
    assert log.get(own.id).summary == "[verwijderd] en @mia@mastodon.social"


def test_links_in_running_text_that_carry_the_name_go_whole():
    mia = ErasedName("@mia@mastodon.nl")
    html = '<a href="https://mastodon.nl/@mia/1">@mia</a> via mastodon.nl/@mia, en x.com/@mia.'
    # "x.com/@mia" is another account (an X one), not Mia of mastodon.nl
    assert mia.scrub(html) == \
        '<a href="[verwijderd]">[verwijderd]</a> via [verwijderd], en x.com/@mia.'
    petra = ErasedName("Petra de Boer")
    assert petra.scrub("Zie https://www.gemeente.nl/klachten/petra-de-boer en gemeente.nl/afval") \
        == "Zie [verwijderd] en gemeente.nl/afval"


def test_a_link_to_the_same_name_on_another_server_is_someone_elses():
    """QA: erasing "@mia@mastodon.nl" dropped "https://mastodon.social/@mia/1234"."""
    mia = ErasedName("@mia@mastodon.nl")
    hers = ["https://mastodon.nl/@mia", "https://mastodon.nl/@mia/1234", "mastodon.nl/@mia",
            "https://www.mastodon.nl/@mia/with_replies", "https://mastodon.nl/@mia.rss",
            "https://mastodon.nl/users/mia", "https://mastodon.nl/users/mia/statuses/1234",
            "https://mastodon.nl/web/@mia/1234", "https://mastodon.social/@mia@mastodon.nl/1234",
            "https://deel.example/share/mia@mastodon.nl,x"]
    others = ["https://mastodon.social/@mia/1234", "https://mastodon.social/@mia",
              "https://mastodon.social/users/mia/statuses/1234", "https://mastodon.social/@mia.rss",
              "https://x.com/@mia", "https://mastodon.nl/@mia2/1"]
    for link in hers:
        assert mia.in_link(link_url(link)), link
        assert mia.scrub(f"zie {link} nu") == "zie [verwijderd] nu", link
    for link in others:
        assert not mia.in_link(link), link
        assert mia.scrub(f"zie {link} en @mia") == f"zie {link} en [verwijderd]", link
    # Typed without a server, "@mia" is hers on any site, as in text.
    assert ErasedName("@mia").in_link("https://mastodon.social/@mia/1234")


def test_the_erased_marker_is_nobody():
    from ambtenaar20.core.person_names import PersonNames

    assert len(PersonNames(["[verwijderd]", " [verwijderd] ", "Kees"])) == 1
    export = Pseudonymizer(["[verwijderd]", "Kees", "[verwijderd]"])
    assert export.pseudonym("[verwijderd]") == "[verwijderd]"
    assert export.pseudonym("Kees") == "Persoon 1"
    assert export.text("[verwijderd] belde; verwijderd; [verwijderd]@ziggo.nl") == \
        "[verwijderd] belde; verwijderd; [verwijderd]@ziggo.nl"


def test_a_decomposed_accent_does_not_split_a_handle():
    decomposed = "@zoe\u0308_b"
    assert Pseudonymizer([]).text(f"{decomposed} schreef") == "Persoon 1 schreef"
    assert Pseudonymizer(["@zoë_b"]).text(f"{decomposed} en @zoë_b") == "Persoon 1 en Persoon 1"
    assert ErasedName("@zoë_b").scrub(f"{decomposed} schreef") == "[verwijderd] schreef"


def test_title_words_and_ordinary_words_are_no_name_on_their_own():
    export = Pseudonymizer(["mevrouw Li", "Sanne de Groot", "@gemeente", "@politie"])
    assert export.text("Mevrouw belde: een groot succes, zegt de gemeente; de politie ook") == \
        "Mevrouw belde: een groot succes, zegt de gemeente; de politie ook"
    assert export.text("mevrouw Li, mevrouw De Groot, @gemeente en @Politie") == \
        "mevrouw Persoon 1, mevrouw Persoon 2, Persoon 3 en Persoon 4"
    link = "https://www.rijksoverheid.nl/onderwerpen/groot-onderhoud"
    assert export.text(f"zie {link}") == f"zie {link}"
    # A counterpart typed as a title alone is someone, but "mevrouw" in a text is nobody.
    assert Pseudonymizer(["Mevrouw"]).text("Mevrouw belde") == "Mevrouw belde"


def test_a_double_first_name_is_one_name_not_two(context):
    """QA: "draad van Anne-Marie" became "draad van Persoon 15-Persoon 15" in every format, and
    an erasure wrote "[verwijderd]-[verwijderd]"; "Jan-Willem" lost only "Willem"."""
    people = ["Anne-Marie van den Heuvel", "Jan-Willem Bakker", "Petra de Boer"]
    export = Pseudonymizer(people)
    for text, expected in [
            ("Reactie op draad van Anne-Marie over laadpalen",
             "Reactie op draad van Persoon 1 over laadpalen"),
            ("Anne Marie belde", "Persoon 1 belde"), ("Annemarie belde", "Persoon 1 belde"),
            ("Anne-Marie van den Heuvel belde", "Persoon 1 belde"),
            ("A.M. van den Heuvel belde", "Persoon 1 belde"),
            ("Van den Heuvel belde", "Persoon 1 belde"),
            ("Jan-Willem en Jan Willem", "Persoon 2 en Persoon 2"),
            # two people, and sentences and spaced dashes between one person's names, stay
            ("Anne-Marie-Petra; Petra. Petra - Petra", "Persoon 1-Persoon 3; Persoon 3. "
             "Persoon 3 - Persoon 3"),
            ("Noord-Holland per e-mail; de Anne-Marie-straat", "Noord-Holland per e-mail; "
             "de Persoon 1-straat")]:
        assert export.text(text) == expected, text
    # Typed with a space, "Anne" and "Marie" are two parts of her name: still one name.
    apart = Pseudonymizer(["Anne Marie Jansen"])
    assert apart.text("Anne-Marie en Anne Marie belden") == "Persoon 1 en Persoon 1 belden"
    log = context.logbook
    own = log.add(platform="X", kind="reactie", counterpart=people[0],
                  summary="Reactie op draad van Anne-Marie, ook Jan-Willem")
    other = log.add(platform="X", kind="reactie", counterpart=OTHER,
                    summary="Anne-Marie van den Heuvel en Anne-Marie")
    context.privacy.erase_counterpart(people[0])
    assert log.get(own.id).summary == "Reactie op draad van [verwijderd], ook Jan-Willem"
    # elsewhere a first name alone may be another Anne-Marie
    assert log.get(other.id).summary == "[verwijderd] en Anne-Marie"


def test_a_first_name_with_a_surname_that_is_not_theirs_names_someone_else(context):
    """Review: "Marie Jansen" became Anne-Marie van den Heuvel's pseudonym followed by "Jansen".
    A first name is theirs alone or with their surname; with another surname it is someone else,
    with a pseudonym of their own, and an erasure of Anne-Marie leaves them alone."""
    export = Pseudonymizer(["Anne-Marie van den Heuvel", "Kees de Vries"])
    for text, expected in [
            ("Marie Jansen belde, later Marie Jansen", "Persoon 3 belde, later Persoon 3"),
            ("MARIE JANSEN en Anne Jansen", "Persoon 3 en Persoon 4"),
            ("Kees Bakker en Kees B. schreven", "Persoon 5 en Persoon 6. schreven"),
            ("Marie de Boer, Marie van 't Hof", "Persoon 7, Persoon 8"),
            # hers: alone, with her surname, a mere word after it, or another line or sentence
            ("Marie belde; Marie van den Heuvel en Marie Heuvel", "Persoon 1 belde; Persoon 1 en "
             "Persoon 1"),
            ("Kees de Vries, Kees belde", "Persoon 2, Persoon 2 belde"),
            ("Marie in Utrecht, Marie GGD, Marie de gemeente", "Persoon 1 in Utrecht, "
             "Persoon 1 GGD, Persoon 1 de gemeente"),
            ("Marie. Jansen", "Persoon 1. Jansen"), ("Marie\nJansen", "Persoon 1\nJansen")]:
        assert export.text(text) == expected, text
    # A counterpart known by a first name only: "Kees Bakker" may be any Kees.
    assert Pseudonymizer(["Kees"]).text("Kees en Kees Bakker") == "Persoon 1 en Persoon 2"
    log = context.logbook
    own = log.add(platform="X", kind="reactie", counterpart="Anne-Marie van den Heuvel",
                  summary="Marie Jansen en Marie")
    context.privacy.erase_counterpart("Anne-Marie van den Heuvel")
    assert log.get(own.id).summary == "Marie Jansen en [verwijderd]"
    assert not ErasedName("Kees").is_person("Kees Bakker")

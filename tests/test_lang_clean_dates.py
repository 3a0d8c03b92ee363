"""Month and weekday names from CLDR (Babel) and the date and timestamp forms of European and
Malay news: made-up lines."""

from __future__ import annotations

from datetime import date

import pytest

from kliping.parse.dates import (
    cldr_names,
    find_dates,
    is_relative_time,
    month_names,
    timestamp_date,
    weekday_names,
)


def test_cldr_names_cover_the_seven_languages() -> None:
    months, weekdays = month_names(), weekday_names()
    for word, number in [
        ("julai", 7),
        ("märz", 3),
        ("marz", 3),
        ("février", 2),
        ("fevrier", 2),
        ("octubre", 10),
        ("outubro", 10),
        ("ottobre", 10),
        ("mrt", 3),
        ("ogos", 8),
    ]:
        assert months[word] == number
    for word, number in [
        ("khamis", 4),
        ("mittwoch", 3),
        ("jeudi", 4),
        ("miércoles", 3),
        ("sexta-feira", 5),
        ("giovedì", 4),
        ("giovedi", 4),
        ("zondag", 7),
    ]:
        assert weekdays[word] == number
    assert "di" not in weekdays  # two-letter CLDR forms are common words


def test_cldr_names_of_an_unlisted_or_unknown_locale() -> None:
    assert cldr_names("sv")[0]["oktober"] == 10
    assert cldr_names("xx-not-a-locale") == ({}, {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 7. März 2021 in der Stadt", date(2021, 3, 7)),
        ("le 1er juillet 2022", date(2022, 7, 1)),
        ("el 9 de mayo de 2020", date(2020, 5, 9)),
        ("em 3 de agosto del 2019", date(2019, 8, 3)),
        ("sabato 12 giugno 2021", date(2021, 6, 12)),
        ("op 4 mrt. 2024", date(2024, 3, 4)),
        ("Isnin, 8 Julai 2024", date(2024, 7, 8)),
    ],
)
def test_day_month_year_forms(text: str, expected: date) -> None:
    assert [d.value for d in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("7. März 2021, 09:15 Uhr", date(2021, 3, 7)),
        ("Stand: 07.03.2021 09:15 Uhr", date(2021, 3, 7)),
        ("Publié le 01/07/2022 à 08h05", date(2022, 7, 1)),
        ("mardi 1er juillet 2022 à 08h05", date(2022, 7, 1)),
        ("Actualizado el 9 de mayo de 2020 a las 18:40 h", date(2020, 5, 9)),
        ("sábado, 3 de agosto de 2019 às 7h30", date(2019, 8, 3)),
        ("Aggiornato il 12 giugno 2021 alle 11:20", date(2021, 6, 12)),
        ("Gepubliceerd op 4 maart 2024 om 16:02", date(2024, 3, 4)),
        ("Dikemaskini 8 Julai 2024, 3:10 PM", date(2024, 7, 8)),
    ],
)
def test_timestamp_lines(line: str, expected: date) -> None:
    assert timestamp_date(line) == expected


def test_a_sentence_with_a_date_is_no_timestamp() -> None:
    assert timestamp_date("Die Messe öffnet am 7. März 2021 ihre Tore.") is None


@pytest.mark.parametrize(
    "line", ["vor 3 Stunden", "il y a 20 minutes", "hace 2 días", "há 5 horas", "4 ore fa", "1 uur geleden"]
)
def test_relative_times(line: str) -> None:
    assert is_relative_time(line)

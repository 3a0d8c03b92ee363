"""Boilerplate lines of Malay, German, French, Spanish, Portuguese, Italian and Dutch news, one at a
time inside a plain article, against story sentences that share their words (made-up lines)."""

from __future__ import annotations

import pytest

import kliping

LEAD = (
    "HAMBURG (dpa) - Die Stadt will bis 2027 zwanzig neue Fährlinien auf der Elbe einrichten, wie die "
    "Verkehrsbehörde am Montag mitteilte, um den Busverkehr in den Vierteln am Hafen zu entlasten."
)
CLOSE = "Die ersten Schiffe sollen nach Angaben der Behörde im kommenden Frühjahr in Betrieb gehen."


def _kept(line: str) -> bool:
    article = kliping.clean("\n".join([LEAD, line, CLOSE]))
    assert CLOSE in article.body.split("\n")
    return line in article.body.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        # a police report ("Anzeige") opens a sentence; only a bare "Anzeige" marks an ad
        "Anzeige gegen den Fahrer der Fähre wurde am Abend erstattet, teilte die Polizei mit.",
        # a newsletter named inside a sentence, with a reporting verb
        "Die Reederei will ihre Fahrgäste per Newsletter und App über Verspätungen informieren, sagte ein Sprecher.",
        "El ayuntamiento enviará avisos por la aplicación a los vecinos afectados, según explicó la alcaldesa.",
        # a headline-shaped subheading of the story
        "Neue Anleger am Fischmarkt",
        # a caption-like end without a credit
        "Die Linie soll im Takt von zwanzig Minuten fahren.",
        "La concejala Ana Ruiz visitó las obras. Después habló con los vecinos.",
        # a related-link phrase that opens a sentence ("Leia" is a name, "Lees ook" an imperative of the story)
        "Leia também foi ouvida pela polícia na manhã desta segunda-feira.",
        "Lees ook de kleine lettertjes, waarschuwt de consumentenorganisatie.",
        "Te puede interesar saber que el plazo termina el viernes, recordó la consejera.",
        "Offre spéciale pour les familles : la mairie promet des tickets à moitié prix.",
        "Noch 40 % der Plätze sind frei, sagte ein Sprecher.",
    ],
)
def test_story_sentence_kept(line: str) -> None:
    assert _kept(line)


@pytest.mark.parametrize(
    "line",
    [
        # related links and their headers
        "Lesen Sie auch: Warum die Elbfähren so oft ausfallen",
        "Lire aussi : Les ferries du port reprennent du service",
        "Lea también: El puerto amplía su horario de verano",
        "Leia também: Balsas voltam a circular no litoral",
        "Leggi anche: Traghetti, nuove corse in estate",
        "Lees ook: Veerpont vaart weer na storing",
        "Berita berkaitan: Feri baharu mula beroperasi",
        "Lesen Sie auch Warum die Elbfähren so oft ausfallen",
        "À lire aussi Marseille : les ferries reprennent du service",
        "Il vous reste 64 % de cet article à lire.",
        # ads, share widgets, audio players
        "Anzeige",
        "Publicidade",
        "Passer la publicité",
        "Teilen Sie diesen Artikel",
        "Partager sur Facebook",
        "Compartir en WhatsApp",
        "Condividi su Facebook",
        "Artikel anhören",
        "Ouvir o texto",
        # newsletter, app and paywall prompts
        "Abonnez-vous à notre newsletter et recevez les actualités chaque matin",
        "Suscríbete a nuestro boletín y recibe las noticias del día",
        "Siga o nosso canal no WhatsApp e receba as principais notícias",
        "Iscriviti alla newsletter per ricevere le notizie della tua città",
        "Ontvang een melding bij nieuwe artikelen over de haven",
        "Ikuti kami di Telegram untuk berita terkini",
        "📲 Siga o canal do Jornal Exemplo no WhatsApp e receba notícias",
        "Cet article est réservé aux abonnés",
        "Jetzt kostenlos registrieren und weiterlesen",
        # reading time, copyright, comment policy, cookie notice
        "Lesezeit: 4 Min.",
        "Temps de lecture : 3 min",
        "5 minuti di lettura",
        "Leestijd 2 minuten",
        "© Riproduzione riservata",
        "Todos los derechos reservados.",
        "Los comentarios no representan la opinión del periódico",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "Cet article vous a-t-il été utile ?",
        "War dieser Artikel hilfreich?",
        "Réagir à cet article",
        "Zur Startseite",
        "Direkt aus dem dpa-Newskanal",
        # captions with their photo credits
        "Eine Fähre legt am Anleger an. Foto: Anna Beck/dpa",
        "Un ferry dans le port de Marseille. (JEAN DUPONT / MAXPPP)",
        "Un ferry atraca en el puerto de Vigo. EFE",
        "Een veerpont op het IJ. Beeld ANP",
        "Feri berlabuh di jeti Pulau Pinang semalam. - Foto NSTP/Ahmad Kamal",
        "Traghetti in porto a Napoli (Fotogramma)",
        "Balsa atravessa o rio em Porto Alegre Ana Lima/Agência Brasil",
    ],
)
def test_boilerplate_removed(line: str) -> None:
    assert not _kept(line)


def test_related_header_takes_its_headlines() -> None:
    text = "\n".join(
        [LEAD, "Mehr zum Thema", "Elbfähren fallen wegen Sturm aus", "Neue Tarife im Hafenverkehr", CLOSE]
    )
    body = kliping.clean(text).body.split("\n")
    assert "Elbfähren fallen wegen Sturm aus" not in body
    assert CLOSE in body


def test_headline_with_a_quotation_under_a_header() -> None:
    text = "\n".join([LEAD, "Lees ook", "Havenbaas: ‘Er varen te weinig ponten’", CLOSE])
    body = kliping.clean(text).body.split("\n")
    assert "Havenbaas: ‘Er varen te weinig ponten’" not in body
    assert CLOSE in body


def test_author_box_names_the_writer() -> None:
    text = "\n".join(
        [
            "Nuevas líneas de ferry para el puerto de Vigo",
            LEAD,
            CLOSE,
            "Sobre la firma",
            "Lucía Ferreira Campos",
            "Periodista de la sección Local. Cubre el puerto y la movilidad.",
        ]
    )
    article = kliping.clean(text)
    assert "Lucía Ferreira Campos" in article.authors
    assert article.body.split("\n")[-1] == CLOSE

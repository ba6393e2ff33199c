"""Every language's catalogue is complete, in step with the code and compiled; numbers and dates
are written as the CLDR (Babel) writes them for that language."""

from __future__ import annotations

import gettext
import re
from datetime import date, datetime

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

import maze.lang as lang
from maze.lang import catalogues


@pytest.fixture(autouse=True)
def _english_after():
    yield
    lang.use("en")


@pytest.fixture(scope="module")
def template():
    return catalogues.extract()


@pytest.mark.parametrize("code", catalogues.translated_languages())
def test_the_catalogue_is_complete_and_compiled(code, template):
    found = list(catalogues.problems(code, template))
    assert not found, f"{len(found)} problems, first: " + "\n".join(found[:20])


def test_the_check_finds_an_untranslated_word(tmp_path, monkeypatch, template):
    """The check itself can fail: a template word missing from a catalogue is named."""
    from babel.messages.catalog import Catalog
    extra = Catalog(locale="de")
    for m in template:
        if m.id:
            extra.add(m.id, m.string, context=m.context)
    extra.add("A word nobody translated", None)
    found = list(catalogues.problems("de", extra))
    assert any("A word nobody translated" in line and "not translated" in line for line in found)


@pytest.mark.parametrize("code", catalogues.translated_languages())
def test_plurals_follow_the_language(code):
    """The compiled catalogue carries the language's plural rule (a fuzzy header would drop it)."""
    words = lang.catalogue(code)
    assert isinstance(words, gettext.GNUTranslations)
    one_form_for_zero = code in ("fr", "pt_BR")
    assert (words.plural(0) == 0) == one_form_for_zero
    assert words.plural(1) == 0 and words.plural(2) != 0


@pytest.mark.parametrize("code", list(lang.LANGUAGES))
def test_numbers_and_dates_as_the_locale_writes_them(code):
    lang.use(code)
    for value in (0.0, 0.5, 7.25, 999.95, 1234.5, 12345.0, 1234567.75, -3.5):
        assert lang.number(value, 1) == format_decimal(value, format="#,##0.0", locale=code)
    for n in (0, 7, 1000, 25000, 1234567):
        assert lang.integer(n) == format_decimal(n, locale=code)
    for share in (0.0, 0.42, 0.055, 1.0):
        assert lang.percent(share) == format_percent(share, locale=code)
    day = date(2026, 11, 9)
    if code != "en":           # English keeps the ISO date (no month/day ambiguity in a room)
        assert lang.date(day) == format_date(day, format="dd/MM/yyyy", locale=code).replace(
            "/", {"de": ".", "nl": "-"}.get(code, "/"))
    assert lang.date_time(datetime(2026, 11, 9, 14, 5)).endswith("14:05")


@pytest.mark.parametrize(("written", "code"), [
    ("de_DE.UTF-8", "de"), ("fr_CA", "fr"), ("pt-BR", "pt_BR"), ("pt_PT", "pt_BR"),
    ("es_419", "es"), ("nl_BE.utf8", "nl"), ("EN", "en")])
def test_language_codes_as_people_and_locales_write_them(written, code):
    assert lang.choose(written) == code


def test_the_system_language_or_english():
    assert lang.from_environment({"LANG": "de_DE.UTF-8"}) == "de"
    assert lang.from_environment({"LANGUAGE": "ja:fr", "LANG": "ja_JP.UTF-8"}) == "fr"
    assert lang.from_environment({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}) == "en"
    assert lang.from_environment({"LANG": "ja_JP.UTF-8"}) == "en"
    assert lang.from_environment({}) == "en"
    with pytest.raises(lang.UnknownLanguage):
        lang.choose("klingon")


def test_an_unreadable_catalogue_leaves_english_with_one_line(tmp_path, monkeypatch, capsys):
    """A damaged install (the German .mo gone or broken) never stops the program."""
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "de" / "LC_MESSAGES" / "maze.mo").write_bytes(b"\xde\x12\x04\x95 broken")
    monkeypatch.setattr(lang, "CATALOGUES", tmp_path)
    assert lang.use("de") is False
    assert lang.current() == "en" and lang.number(1.5) == "1.5"
    from maze.cli import main
    assert main(["--lang", "de", "levels"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Deutsch catalogue cannot be read" in err


def test_french_puts_a_no_break_space_before_double_punctuation_and_units():
    """The glossary's rule for French: a no-break space before : ; ? ! and between a number and
    its unit, so a line never breaks there on the board or on paper."""
    from maze.lang.catalogues import po_path, read
    catalogue = read(po_path("fr"), "fr")
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if re.search(r" [:;?!](\s|$)", text) or re.search(r"\d s\b", text):
                wrong.append(text)
    assert wrong == []


@pytest.mark.parametrize("code", list(lang.LANGUAGES))
def test_times_written_in_bulk_read_as_each_written_alone(code):
    """The report's timeline writes the time of every beep at once (maze.analysis.text.tenths):
    the same text as lang.number(value, 1), in every language, across the point where numbers
    gain a group separator and for the values that round to it or to minus zero."""
    from maze.analysis.text import tenths
    lang.use(code)
    values = [0, 0.0, -0.0, -0.04, -0.05, 0.05, 0.25, 0.35, 7, 12.345, 99.95, 999.9, 999.94,
              999.95, 999.96, 1000, 1000.04, 9999.95, 12345.678, 1234567.75, -3.5, 1e20,
              *(i * 0.001 for i in range(0, 2_000_000, 997))]
    assert tenths(values) == [lang.number(value, 1) for value in values]


@pytest.mark.parametrize("code", list(lang.LANGUAGES))
def test_a_month_is_written_as_the_languages_dates_without_the_day(code):
    """The report's month filter: "11.2026" in German, as its dates "30.11.2026"."""
    import datetime
    lang.use(code)
    try:
        day = lang.date(datetime.date(2026, 11, 30))
        assert lang.month(2026, 11) in (day.replace("30.", "").replace("30/", "")
                                        .replace("30-", "").replace("-30", ""),)
        assert "30" not in lang.month(2026, 11) and "2026" in lang.month(2026, 11)
    finally:
        lang.use("en")

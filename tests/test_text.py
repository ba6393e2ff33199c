"""Names in any script render correctly; characters the font lacks become a neutral mark."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maze.ui.text import PLACEHOLDER, TextCache, _analysed_runs, visual_runs


@pytest.fixture
def text():
    pygame.display.init()
    pygame.font.init()
    yield TextCache()
    pygame.quit()


def _left(surface: pygame.Surface, width: int) -> bytes:
    part = pygame.Surface((width, surface.get_height()), pygame.SRCALPHA)
    part.blit(surface, (0, 0))
    return pygame.image.tobytes(part, "RGBA")


def test_hebrew_reads_right_to_left(text):
    word = text.render("דנה", 60, (255, 255, 255))
    last_letter = text.render("ה", 60, (255, 255, 255))
    first_letter = text.render("ד", 60, (255, 255, 255))
    w = last_letter.get_width() - 2
    assert _left(word, w) == _left(last_letter, w)            # the last letter is leftmost
    assert _left(word, first_letter.get_width() - 2) != _left(first_letter, first_letter.get_width() - 2)


def test_arabic_letters_are_joined(text):
    joined = text.render("سارة", 60, (255, 255, 255)).get_width()
    apart = sum(text.render(c, 60, (255, 255, 255)).get_width() for c in "سارة")
    assert joined < apart                                      # shaped into connected forms


def test_mixed_direction_runs_are_ordered():
    assert visual_runs("Dana דנה 2") == [("Dana ", False), ("דנה", True), (" 2", False)]
    assert visual_runs("דנה Dana") == [("Dana", False), ("דנה ", True)]


@pytest.mark.parametrize("name, shown", [
    ("Chen 🙂", f"Chen {PLACEHOLDER}"),
    ("👨‍👩‍👧 family", f"{PLACEHOLDER} family"),        # one mark for a joined emoji
    ("bell\x07nul\x00", f"bell{PLACEHOLDER}nul{PLACEHOLDER}"),
    ("Ωmega Дмитрий שלום مرحبا", "Ωmega Дмитрий שלום مرحبا"),
    ("<script>&\"'", "<script>&\"'"),
    ("Ana\u034f", "Ana\u034f"),          # a joiner of no width: drawn as nothing, no crash
    ("\u034f", "\u034f"),
])
def test_what_the_font_lacks_is_a_neutral_placeholder(text, name, shown):
    assert text.displayable(name) == shown
    assert text.render(name, 40, (255, 255, 255)).get_width() > 0


def test_a_long_name_is_cut_to_fit_its_end_fading_with_nothing_added(text):
    name = "x" * 300
    cut = text.fit(name, 30, False, 200)
    assert name.startswith(cut) and 0 < len(cut) < len(name) and text.width(cut, 30) <= 200
    image = text.render(name, 30, (255, 255, 255), max_width=200, user=True)
    whole = text.render(cut, 30, (255, 255, 255))
    assert image.get_size() == whole.get_size()
    alpha = pygame.surfarray.array_alpha(image)
    plain = pygame.surfarray.array_alpha(whole)
    w = image.get_width()
    assert (alpha[: w // 2] == plain[: w // 2]).all()         # the start as written
    assert alpha[-2:].max() < plain[-2:].max() // 4          # the end faded out


def test_hebrew_and_arabic_in_one_run_are_shaped_each_by_its_script():
    runs = visual_runs("בן محمد")
    assert runs == [("محمد", True), ("בן ", True)]


def test_a_list_of_names_keeps_its_order_whatever_the_scripts(text):
    names = ["Next: ", "בן", ", ", "محمد", ", ", "Ana"]
    line = text.render_parts(names, 40, (255, 255, 255))
    first = text.render("Next: ", 40, (255, 255, 255))
    hebrew = text.render("בן", 40, (255, 255, 255))
    # "בן" comes right after "Next: ", as typed: names never merge into one RTL run.
    part = pygame.Surface((hebrew.get_width(), line.get_height()), pygame.SRCALPHA)
    part.blit(line, (-first.get_width(), 0))
    alone = pygame.Surface(part.get_size(), pygame.SRCALPHA)
    alone.blit(hebrew, (0, 0))
    assert pygame.image.tobytes(part, "RGBA") == pygame.image.tobytes(alone, "RGBA")
    cut = text.render_parts(names * 20, 40, (255, 255, 255), max_width=300)
    assert cut.get_width() <= 300


def test_a_list_of_names_never_loses_its_first_name_nor_ends_on_a_comma():
    import pygame

    from maze.ui.text import TextAudit, TextCache
    pygame.display.init()
    pygame.font.init()
    text = TextCache()
    text.audit = TextAudit()
    long = "Bartholomew Fitzgerald-Smythe"                    # 29 characters
    parts = ["Next: ", long, ", ", "Ana", ", ", "Ben"]
    width = text.width("Next: " + long, 30) // 2
    image = text.render_parts(parts, 30, (255, 255, 255), max_width=width, more=", +{n}")
    assert image.get_width() <= width
    assert text.audit.cuts == []                             # a long name may be cut
    short = ["Next: ", "Ana", ", ", "Ben", ", ", "Chen"]
    fits = text.width("Next: Ana, +2", 30) + 2
    image = text.render_parts(short, 30, (255, 255, 255), max_width=fits, more=", +{n}")
    assert image.get_width() <= fits and text.audit.cuts == []
    pygame.quit()


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(max_codepoint=0x58F), max_size=30))
def test_the_quick_path_for_latin_text_gives_what_the_character_analysis_gives(words):
    """What the program draws in its six languages is measured without looking at each
    character: the same runs, and the same text shown, as the character-by-character analysis
    (below Hebrew, the first script written right to left)."""
    assert visual_runs(words) == _analysed_runs(words)
    pygame.font.init()
    try:
        cache = TextCache()
        assert cache.displayable(words) == cache._each_displayable(words)
    finally:
        pygame.font.quit()


def test_the_font_draws_every_printable_latin_character_the_quick_path_assumes(text):
    """The quick path takes Latin-1 and Latin Extended-A as drawable without asking the font:
    the font is asked here, character by character, as it is for any other script."""
    from maze.ui import text as module
    latin = [chr(c) for c in range(0x20, ord(module._LAST_LATIN) + 1) if chr(c).isprintable()]
    assert len(latin) > 300
    missing = []
    for ch in latin:
        text._glyphs.pop(ch, None)
        probe = text.font(24).render(module._MISSING_PROBE, True, (255, 255, 255))
        drawn = text.font(24).render(ch, True, (255, 255, 255))
        if drawn.get_size() == probe.get_size() and \
                pygame.image.tobytes(drawn, "RGBA") == pygame.image.tobytes(probe, "RGBA"):
            missing.append(ch)
    assert missing == []
    assert not text._has_glyph("\u4e2d")         # and beyond it the font is still asked


def test_a_measured_width_is_the_width_drawn_each_time_asked(text):
    for words in ("Runde 1 · Lernphase", "Ana", "שלום Ana", "Zoë", ""):
        for height in (20, 47, 48.6):
            first = text.width(words, height)
            assert text.width(words, height) == first
            if words:
                assert abs(first - text.render(words, height, (255, 255, 255)).get_width()) <= 2


def test_text_a_screen_covers_with_its_own_panel_is_a_problem_an_overlay_over_it_is_not(text):
    """A page's last lines under its own button bar cannot be read (the debrief's scores in
    German at 1024x768 once were); a menu drawn over the page, or a banner over the board for
    a moment, hides what it covers on purpose."""
    from maze.ui.text import TextAudit
    surface = pygame.Surface((400, 300))
    bar = pygame.Rect(0, 250, 400, 50)
    text.audit = TextAudit()
    text.draw(surface, "last line of the page", 20, (255, 255, 255), topleft=(10, 240))
    text.draw(surface, "well above the bar", 20, (255, 255, 255), topleft=(10, 100))
    text.cover(surface, bar)
    text.draw(surface, "a button", 20, (255, 255, 255), topleft=(10, 260))
    assert [p.text for p in text.audit.hidden] == ["last line of the page"]
    assert any("hidden under a panel" in line for line in text.audit.problems(300))

    text.audit = TextAudit()
    text.draw(surface, "the page", 20, (255, 255, 255), topleft=(10, 240))
    text.next_layer()                                   # an overlay scene over the page
    text.cover(surface, bar)
    assert text.audit.problems(300) == []
    text.draw(surface, "the board's label", 20, (255, 255, 255), topleft=(10, 240))
    text.cover(surface, bar, over=True)                 # a banner over the board
    assert text.audit.problems(300) == []


def test_wrap_never_parts_a_number_from_its_unit_nor_breaks_a_no_break_space(text):
    """"(14 s)" once ended a German line on "(14" and began the next with "s),"; the French
    no-break space before ':' once began a line with ':'. At every width a line can have, no
    line ends on a number and no line starts with ':' or '?'."""
    german = "Nach dem ersten unerwarteten Piepton dauerte es 3 Schritte (14 s), bis jemand ein " \
             "neues Feld versuchte: wer hat es zuerst gemerkt? Nach 12 min 30 % geschafft"
    french = "Après le premier bip inattendu, il a fallu 3\u00a0pas (14\u00a0s) avant que " \
             "quelqu'un essaie une case nouvelle\u00a0: qui l'a remarqué en premier\u00a0?"
    for message in (german, french):
        widest = max(text.width(w, 20) for w in message.replace("\u00a0", " ").split())
        for width in range(widest + 60, text.width(message, 20) + 1, 3):
            lines = text.wrap(message, 20, False, width)
            assert " ".join(lines) == message, width             # nothing lost or added
            assert all(text.width(line, 20) <= width for line in lines), width
            assert not any(line[-1].isdigit() for line in lines[:-1]), (width, lines)
            assert not any(line[0] in ":?" for line in lines), (width, lines)


def test_wrap_breaks_a_number_from_its_word_only_when_the_two_do_not_fit_a_line(text):
    width = text.width("12345", 20) + 2
    assert text.wrap("12345 minutes", 20, False, width) == ["12345", "minutes"]

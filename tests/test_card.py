"""The answer card: every square of the path numbered in order, names escaped."""

from __future__ import annotations

from maze.analysis.card import card_html
from maze.core.level import Curveball, Level


def test_the_card_numbers_the_path_and_the_alternate_and_escapes_the_name():
    level = Level("<script>x</script> & co", 4, 4, ("B1", "B2", "C3", "C4"), "classic", {},
                  Curveball(("B1", "A2", "A3", "B4"), 2))
    html = card_html(level)
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; co" in html
    assert "B1 → B2 → C3 → C4" in html and "B1 → A2 → A3 → B4" in html
    for n in range(1, 5):
        assert f'class="step">{n}</text>' in html
    assert "after execution crossing 2" in html

"""Text on screen: the fonts shipped with the program (DejaVu Sans) sized by pixel height, any
script in names (right-to-left runs shaped and ordered), a neutral placeholder for characters
the font lacks (emoji, CJK), and a bounded cache so nothing is rendered twice.

The text layer can audit a frame (``TextCache.audit``): every line drawn through ``draw`` is
recorded with its place, height and role, and every line the program had to cut is recorded
too, so a test can assert across every screen and size that nothing of the program's own text
is cut, overlaps other text, or falls off the screen, and that what the room reads is large."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import OrderedDict

import pygame

from maze.paths import assets_dir

_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
LINE_RATIO = 1.18              # DejaVu Sans: line height / point size
PLACEHOLDER = "\u2022"          # a bullet: neutral, and the font has it
_MISSING_PROBE = "\U0010fffd"   # a private-use code point no font we ship draws
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}   # emoji glue: vanish with what they join
# Below this code point no character is written right to left (Hebrew is the first script
# that is); up to the next, Latin-1 and Latin Extended-A, the shipped font draws every printable
# character (tests/test_text.py checks both).
_FIRST_RIGHT_TO_LEFT, _LAST_LATIN = "\u0590", "\u017f"
USER_CUT = 24                   # a name a user typed may be cut short past this many characters

# Roles of drawn text, for the projector rule: what the room must read (at least 4% of the
# window height), ordinary text (at least 2.5%), and board axis labels on big boards (exempt).
ROOM, DETAIL, AXIS = "room", "detail", "axis"
ROOM_SHARE, DETAIL_SHARE = 0.04, 0.025


class Placed:
    """One line of text drawn on a surface."""

    __slots__ = ("text", "rect", "height", "role", "surface", "bounds", "layer")

    def __init__(self, text: str, rect: pygame.Rect, height: int, role: str, surface: int,
                 bounds: pygame.Rect, layer: int = 0) -> None:
        self.text, self.rect, self.height, self.role = text, rect, height, role
        self.surface, self.bounds, self.layer = surface, bounds, layer

    def __repr__(self) -> str:
        return f"{self.text!r} at {tuple(self.rect)} ({self.height} px, {self.role})"


class TextAudit:
    """What one frame drew, and the problems in it (for tests and for a developer's eye)."""

    def __init__(self) -> None:
        self.placed: list[Placed] = []
        self.cuts: list[str] = []
        self.hidden: list[Placed] = []    # a screen's text under its own later panel
        self.layer = 0                    # each scene drawn over another is one more

    def clear(self) -> None:
        self.placed.clear()
        self.cuts.clear()
        self.hidden.clear()

    def cover(self, surface: pygame.Surface, rect: pygame.Rect, over: bool = False) -> None:
        """An opaque panel drawn over ``rect``. Text under it that an overlay hides (a scene
        drawn over another, or a panel ``over`` the screen for a moment: a banner, a warning)
        is hidden on purpose; text the same screen drew where its own panel goes (a page's
        button bar over its last lines) is a line nobody can read: a problem."""
        sid = id(surface)
        kept = []
        for p in self.placed:
            clip = p.rect.clip(rect) if p.surface == sid else pygame.Rect(0, 0, 0, 0)
            if clip.width <= 2 or clip.height <= 2:     # touching is not covering
                kept.append(p)
            elif not over and p.layer == self.layer:
                self.hidden.append(p)
        self.placed = kept

    def overlaps(self) -> list[tuple[Placed, Placed]]:
        out = []
        for i, a in enumerate(self.placed):
            for b in self.placed[i + 1:]:
                if a.surface != b.surface:
                    continue
                clip = a.rect.clip(b.rect)
                if clip.width > 2 and clip.height > 2:   # touching lines are not overlapping
                    out.append((a, b))
        return out

    def off_surface(self) -> list[Placed]:
        return [p for p in self.placed if not p.bounds.contains(p.rect)]

    def too_small(self, screen_height: int) -> list[Placed]:
        need = {ROOM: ROOM_SHARE * screen_height, DETAIL: DETAIL_SHARE * screen_height}
        return [p for p in self.placed
                if p.role in need and p.height + 0.5 < need[p.role]]

    def problems(self, screen_height: int) -> list[str]:
        """Every cut, overlap, line off its surface and line too small to read, one a line."""
        out = [f"cut: {c!r}" for c in self.cuts]
        out += [f"overlap: {a} / {b}" for a, b in self.overlaps()]
        out += [f"off the screen: {p}" for p in self.off_surface()]
        out += [f"hidden under a panel: {p}" for p in self.hidden]
        out += [f"too small: {p}" for p in self.too_small(screen_height)]
        return out


def _direction(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):
        return "L"
    return None


def _char_script(ch: str) -> str | None:
    if "\u0590" <= ch <= "\u05ff" or "\ufb1d" <= ch <= "\ufb4f":
        return "Hebr"
    if _direction(ch) == "R":
        return "Arab"
    return None


def _script(run: str) -> str:
    return next((s for c in run if (s := _char_script(c))), "Arab")


def _by_script(run: str) -> list[str]:
    """A right-to-left run cut where the script changes (Hebrew shaped as Arabic, or the
    reverse, would come out wrong), in the order to draw them left to right."""
    pieces: list[str] = []
    current: str | None = None
    for ch in run:
        script = _char_script(ch)
        if pieces and (script is None or script == current):
            pieces[-1] += ch
        else:
            pieces.append(ch)
            current = script or current
    return list(reversed(pieces))


def visual_runs(text: str) -> list[tuple[str, bool]]:
    """The text as (run, right_to_left) in the order to draw them left to right.

    A simplified bidirectional algorithm, enough for names: the first strong character sets the
    base direction; spaces and punctuation take the direction around them.

    >>> visual_runs("Ana")
    [('Ana', False)]
    >>> visual_runs("שלום Ana")
    [('Ana', False), ('שלום ', True)]
    """
    if not text:
        return []
    if text.isascii() or max(text) < _FIRST_RIGHT_TO_LEFT:   # one left-to-right run: nearly
        return [(text, False)]                              # everything drawn
    return _analysed_runs(text)


def _analysed_runs(text: str) -> list[tuple[str, bool]]:
    """visual_runs, character by character."""
    kinds = [_direction(c) for c in text]
    base = next((k for k in kinds if k), "L")
    resolved: list[str] = []
    for i, kind in enumerate(kinds):
        if kind is None:
            before = next((k for k in reversed(kinds[:i]) if k), base)
            after = next((k for k in kinds[i + 1:] if k), base)
            kind = before if before == after else base
        resolved.append(kind)
    runs: list[tuple[str, bool]] = []
    for ch, kind in zip(text, resolved, strict=True):
        if runs and runs[-1][1] == (kind == "R"):
            runs[-1] = (runs[-1][0] + ch, runs[-1][1])
        else:
            runs.append((ch, kind == "R"))
    ordered = list(reversed(runs)) if base == "R" else runs
    return [(piece, rtl) for run, rtl in ordered for piece in (_by_script(run) if rtl else [run])]


def side_by_side(images: list[pygame.Surface]) -> pygame.Surface:
    """Images laid left to right on one transparent surface."""
    out = pygame.Surface((max(1, sum(i.get_width() for i in images)),
                          max(i.get_height() for i in images)), pygame.SRCALPHA)
    x = 0
    for image in images:
        out.blit(image, (x, 0))
        x += image.get_width()
    return out


def _faded(image: pygame.Surface, height: int) -> pygame.Surface:
    """A cut line whose last character's width fades out: the eye sees that it goes on, and
    nothing is added to the words."""
    out = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    out.blit(image, (0, 0))
    w, h = out.get_size()
    span = min(w, max(4, height // 2))
    ramp = pygame.Surface((span, h), pygame.SRCALPHA)
    for x in range(span):
        ramp.fill((255, 255, 255, round(255 * (span - 1 - x) / span)), (x, 0, 1, h))
    out.blit(ramp, (w - span, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return out


_font_data: dict[bool, bytes] = {}


def _font_file(bold: bool) -> io.BytesIO:
    """The font file, read from disk once: each size reads its glyphs from memory (a start
    makes some fifteen sizes; reading them from the file took twice as long)."""
    data = _font_data.get(bold)
    if data is None:
        data = _font_data[bold] = (assets_dir() / "fonts" / _FONT_FILES[bold]).read_bytes()
    return io.BytesIO(data)


def _render(font: pygame.font.Font, text: str, color: tuple[int, ...]) -> pygame.Surface:
    """A run of text; one SDL_ttf cannot draw (a lone combining mark: "zero width") is an
    empty image of the line's height, never a crash."""
    try:
        return font.render(text, True, color)
    except pygame.error:
        return pygame.Surface((1, font.get_height()), pygame.SRCALPHA)


_BREAKS = re.compile(r"[ \t\r\n]+")   # where a line may break: not at a no-break space


def _pieces(message: str) -> list[str]:
    """The message's words, each number bound to the word after it (joined by a space): a
    line never ends on a number whose unit starts the next.

    >>> _pieces("took 3 steps (14 s), quick")
    ['took', '3 steps', '(14 s),', 'quick']
    """
    pieces: list[str] = []
    for word in _BREAKS.split(message.strip()):
        if pieces and pieces[-1][-1:].isdigit():
            pieces[-1] += " " + word
        elif word:
            pieces.append(word)
    return pieces


class TextCache:
    def __init__(self, limit: int = 512) -> None:
        self._fonts: dict[tuple[int, bool, str], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple[str, int, bool, tuple[int, ...], bool], pygame.Surface] = \
            OrderedDict()
        self._limit = limit
        self._glyphs: dict[str, bool] = {}
        self._widths: dict[tuple[str, int, bool], int] = {}   # measured: layouts ask often
        self._fitted: dict[tuple[str, int, bool, int], str] = {}
        self._heights: dict[tuple[str, int, bool, int, int], int] = {}
        self.audit: TextAudit | None = None     # set by tests (and a developer's checks)

    def font(self, height: int, bold: bool = False, script: str = "") -> pygame.font.Font:
        """A font whose line height is at most ``height`` pixels (and close to it); with a
        ``script`` it shapes right-to-left text (Hebrew, Arabic)."""
        height = max(6, int(height))
        key = (height, bold, script)
        font = self._fonts.get(key)
        if font is None:
            # DejaVu Sans's line height is 1.17 to 1.2 times its point size; start there and
            # step down only if the rounding made it too tall (one font made, usually).
            size = max(4, int(height / LINE_RATIO))
            font = pygame.font.Font(_font_file(bold), size)
            while font.get_linesize() > height and size > 4:
                size -= 1
                font = pygame.font.Font(_font_file(bold), size)
            if script:
                font.set_direction(pygame.DIRECTION_RTL)
                font.set_script(script)
            self._fonts[key] = font
        return font

    def _has_glyph(self, ch: str) -> bool:
        if " " <= ch <= _LAST_LATIN:  # the shipped font draws all of printable Latin (tested)
            return True
        known = self._glyphs.get(ch)
        if known is None:
            font = self.font(24)
            probe = font.render(_MISSING_PROBE, True, (255, 255, 255))
            try:
                drawn = font.render(ch, True, (255, 255, 255))
            except pygame.error:     # "zero width": a mark that takes no room (U+034F), drawn
                known = True         # as nothing with what it follows, never a crash
            else:
                known = not (drawn.get_size() == probe.get_size() and pygame.image.tobytes(
                    drawn, "RGBA") == pygame.image.tobytes(probe, "RGBA"))
            self._glyphs[ch] = known
        return known

    def displayable(self, text: str) -> str:
        """The text with control characters and glyphs the font lacks shown as one neutral
        placeholder each run (the text itself, in logs and reports, is never changed)."""
        if text.isprintable() and (text.isascii() or max(text) <= _LAST_LATIN):
            return text          # the font draws all of printable Latin: the languages we speak
        return self._each_displayable(text)

    def _each_displayable(self, text: str) -> str:
        """displayable, character by character."""
        out: list[str] = []
        for ch in text:
            category = unicodedata.category(ch)
            # Format characters take no room and change nothing a reader sees in a name
            # (U+200B zero width space, U+202E override, U+2066 isolate, U+00AD soft hyphen):
            # drawn alone they give SDL_ttf "Text has zero width", so they are dropped on
            # screen (the name is kept as typed in logs and reports).
            if category == "Cf" and ch not in _JOINERS:
                continue
            missing = category in ("Cc", "Cs", "Co", "Cn") or ch in _JOINERS or (
                category != "Zs" and not self._has_glyph(ch))
            if missing:
                if not out or out[-1] != PLACEHOLDER:
                    out.append(PLACEHOLDER)
            else:
                out.append(ch)
        return "".join(out)

    def width(self, text: str, height: int, bold: bool = False) -> int:
        key = (text, max(6, int(height)), bold)
        known = self._widths.get(key)
        if known is None:
            shown = self.displayable(text)
            known = sum(self.font(height, bold, _script(run) if rtl else "").size(run)[0]
                        for run, rtl in visual_runs(shown))
            if len(self._widths) >= self._limit * 8:
                self._widths.clear()
            self._widths[key] = known
        return known

    def render(self, text: str, height: int, color: tuple[int, ...], bold: bool = False,
               max_width: int | None = None, user: bool = False) -> pygame.Surface:
        """One line of text. With ``max_width``, a line that does not fit is cut there, its end
        fading out (no character is added to what was written): allowed only for a name a user
        typed (``user``) longer than any sensible name; anything else cut is a layout bug, and
        the audit reports it."""
        cut = False
        if max_width is not None:
            fitted = self.fit(text, height, bold, max_width)
            cut = fitted != text
            if cut and self.audit is not None and not (user and len(text) > USER_CUT):
                self.audit.cuts.append(text)
            text = fitted
        key = (text, int(height), bold, tuple(color), cut)
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self._compose(self.displayable(text), height, color, bold)
            if cut:
                surface = _faded(surface, height)
            self._surfaces[key] = surface
            if len(self._surfaces) > self._limit:
                self._surfaces.popitem(last=False)
        else:
            self._surfaces.move_to_end(key)
        return surface

    def render_parts(self, parts: list[str], height: int, color: tuple[int, ...],
                     bold: bool = False, max_width: int | None = None,
                     more: str = "") -> pygame.Surface:
        """Pieces laid out left to right, each on its own (a list of names in different
        scripts must not merge into one right-to-left run): a label, then names with
        separators ("Next: ", "Ana", ", ", "Ben"). Names that do not fit are left off whole, and
        ``more`` (with ``{n}``, the count left off) says so; the first name is always shown,
        cut only if it is longer than any sensible name."""
        images = [self.render(part, height, color, bold) for part in parts]
        if max_width is None or sum(i.get_width() for i in images) <= max_width:
            return side_by_side(images)

        def tail(count: int) -> list[pygame.Surface]:
            left_off = sum(1 for p in parts[count:] if p.strip(", "))
            return [self.render(more.format(n=left_off), height, color, bold)] if more and left_off \
                else []

        for count in range(len(images) - 1, 1, -1):
            if not parts[count - 1].strip(", "):
                continue                    # never end on a separator
            kept = images[:count] + tail(count)
            if sum(i.get_width() for i in kept) <= max_width:
                return side_by_side(kept)
        if len(parts) == 1:                 # one piece alone: cut (and said, unless a long name)
            return self.render(parts[0], height, color, bold, max_width, user=True)
        if more and len(parts[1]) <= USER_CUT:   # no name fits whole after the label: the count
            count_only = self.render(more.format(n=sum(1 for p in parts[1:] if p.strip(", ")))
                                     .lstrip(", "), height, color, bold)
            if images[0].get_width() + count_only.get_width() <= max_width:
                return side_by_side([images[0], count_only])
        end = tail(2)
        room = max_width - images[0].get_width() - sum(i.get_width() for i in end)
        name = self.render(parts[1], height, color, bold, max(1, room), user=True)
        return side_by_side([images[0], name] + end)

    def draw(self, surface: pygame.Surface, text: str, height: int, color: tuple[int, ...],
             bold: bool = False, max_width: int | None = None, user: bool = False,
             role: str = DETAIL, **anchor: object) -> pygame.Rect:
        """Render a line and blit it where ``anchor`` says (``topleft=``, ``center=``,
        ``midleft=`` or any other pygame.Rect position); returns where it went. Every line of
        the program goes through here so the audit sees it."""
        image = self.render(text, height, color, bold, max_width, user)
        return self.place(surface, image, text, height, role, **anchor)

    def place(self, surface: pygame.Surface, image: pygame.Surface, text: str, height: int,
              role: str = DETAIL, **anchor: object) -> pygame.Rect:
        """Blit an image of text made elsewhere (a list of names, a clock) and record it."""
        rect = image.get_rect(**anchor) if anchor else image.get_rect()
        surface.blit(image, rect)
        if self.audit is not None and text.strip():
            self.audit.placed.append(Placed(text, rect, int(height), role, id(surface),
                                            surface.get_rect(), self.audit.layer))
        return rect

    def cover(self, surface: pygame.Surface, rect: pygame.Rect, over: bool = False) -> None:
        """An opaque panel drawn over ``rect`` (``over``: over the screen for a moment, hiding
        on purpose what it covers): for the audit."""
        if self.audit is not None:
            self.audit.cover(surface, rect, over)

    def next_layer(self) -> None:
        """A scene is drawn over what was drawn so far (an overlay): what it covers of the
        scenes below is hidden on purpose (for the audit)."""
        if self.audit is not None:
            self.audit.layer += 1

    def wrap(self, message: str, height: int, bold: bool, width: int) -> list[str]:
        """Split a message into lines that fit ``width``, at spaces (a word longer than the
        width gets its own line, and is cut when drawn: the audit reports it). A no-break
        space never breaks (French puts one before ':' and '?'), and a number keeps the word
        after it on its line ("14 s", "30 %", "3 steps") unless the two do not fit a line."""
        lines: list[str] = []
        for piece in _pieces(message):
            words = [piece] if self.width(piece, height, bold) <= width else piece.split(" ")
            for word in words:
                if lines and self.width(lines[-1] + " " + word, height, bold) <= width:
                    lines[-1] += " " + word
                else:
                    lines.append(word)
        return lines or [""]

    def _compose(self, text: str, height: int, color: tuple[int, ...], bold: bool) -> pygame.Surface:
        if not text:           # nothing visible (SDL_ttf refuses to draw zero width)
            return pygame.Surface((1, self.font(height, bold).get_height()), pygame.SRCALPHA)
        runs = visual_runs(text)
        if len(runs) == 1 and not runs[0][1]:
            return _render(self.font(height, bold), text, color)
        images = [_render(self.font(height, bold, _script(run) if rtl else ""), run, color)
                  for run, rtl in runs]
        return side_by_side(images)

    def fitting_height(self, text: str, height: int, bold: bool, max_width: int,
                       smallest: int = 10) -> int:
        """The largest line height up to ``height`` at which ``text`` fits ``max_width``
        (remembered: the side panel asks for the same lines every frame)."""
        key = (text, height, bold, max_width, smallest)
        fitted = self._heights.get(key)
        if fitted is None:
            fitted = height
            while fitted > smallest and self.width(text, fitted, bold) > max_width:
                fitted = max(smallest, int(fitted * 0.9))
            if len(self._heights) > self._limit:
                self._heights.clear()
            self._heights[key] = fitted
        return fitted

    def fit(self, text: str, height: int, bold: bool, max_width: int) -> str:
        """The text, or its longest start that fits ``max_width`` (remembered: the same lines
        are fitted every frame)."""
        key = (text, height, bold, max_width)
        fitted = self._fitted.get(key)
        if fitted is None:
            fitted = self._fit(text, height, bold, max_width)
            if len(self._fitted) > self._limit:
                self._fitted.clear()
            self._fitted[key] = fitted
        return fitted

    def _fit(self, text: str, height: int, bold: bool, max_width: int) -> str:
        if self.width(text, height, bold) <= max_width:
            return text
        low, high = 0, len(text)
        while low < high:
            mid = (low + high + 1) // 2
            if self.width(text[:mid], height, bold) <= max_width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip()

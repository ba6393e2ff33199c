"""Drawing the board scene. The static board (grid, edges, names) is drawn once per window size
into a cached surface, with the memory aid's marks kept on it (MarksLayer: a changed square is
drawn again alone); each frame blits it where something changed and draws what moves over it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import pygame

from maze.core.board import Square
from maze.core.session import Session
from maze.core.state import Phase
from maze.host.host import Timed, clock_text
from maze.lang import N_, _, integer, n_, number, p_
from maze.storage.log import SessionLog
from maze.ui import theme
from maze.ui.layout import Layout
from maze.ui.text import AXIS, DETAIL, DETAIL_SHARE, ROOM, ROOM_SHARE, TextCache

if TYPE_CHECKING:
    from maze.analysis.scores import BoardFigures
    from maze.ui.app import App

PHASE_TEXT = {
    Phase.PLANNING: (N_("Planning"), N_("talk it over"), theme.PLANNING),
    Phase.LEARNING: (N_("Learning"), N_("find the path"), theme.LEARNING),
    Phase.EXECUTION: (N_("Execution"), N_("all across, no beeps"), theme.EXECUTION),
}


class BoardView(Protocol):
    """What the drawing reads of a board: the live board (maze.ui.scenes.board) or the
    replay's (maze.ui.scenes.replay)."""

    @property
    def app(self) -> App: ...
    @property
    def session(self) -> Session: ...
    @property
    def log(self) -> SessionLog: ...
    @property
    def flashes(self) -> dict[Square, float]: ...
    @property
    def border_until(self) -> float: ...
    @property
    def revealing(self) -> bool: ...
    @property
    def cursor(self) -> int: ...
    @property
    def announcement(self) -> Timed | None: ...
    @property
    def cue(self) -> Timed | None: ...
    @property
    def notice(self) -> Timed | None: ...
    def live_board(self) -> BoardFigures: ...
    def layout(self) -> Layout: ...


def draw_board_static(text: TextCache, layout: Layout, cols: int, room: bool = True,
                      onto: pygame.Surface | None = None) -> pygame.Surface:
    """The grid, its edges and its square names, on a new surface or ``onto`` one (the
    window, for the first frame). ``room``: the projector's board, whose square names the room
    reads; else a board inside another screen (debrief, editor)."""
    surface = onto if onto is not None else pygame.Surface((layout.width, layout.height))
    surface.fill(theme.BACKGROUND)
    pygame.draw.rect(surface, theme.PANEL, layout.hud)
    gap = max(1, layout.square // 16)
    radius = max(0, layout.square // 8)
    # Beside a board inside another screen the words are at its names' size (never below what
    # the room can read); on the projector's board a little smaller than the square names.
    word_height = max(8, round(layout.label_height * (0.75 if room else 1.0)))
    for strip, word in ((layout.start_strip, p_("board edge", "START")),
                        (layout.goal_strip, p_("board edge", "GOAL"))):
        pygame.draw.rect(surface, theme.STRIP, strip, border_radius=radius)
        pygame.draw.rect(surface, theme.SQUARE_EDGE, strip, width=max(1, gap // 2),
                         border_radius=radius)
        # The edge's name beside its strip (beside the strips there are no row numbers),
        # where the window leaves room for it.
        spot = pygame.Rect(0, 0, text.width(word, word_height, True), word_height)
        spot.midright = (strip.x - max(4, word_height // 3), strip.centery)
        if spot.left >= layout.region.left:
            text.draw(surface, word, word_height, theme.TEXT_DIM, bold=True,
                      role=AXIS if room else DETAIL, midright=spot.midright)
    tile = pygame.Surface((layout.square, layout.square), pygame.SRCALPHA)   # drawn once
    inner = tile.get_rect().inflate(-gap, -gap)
    pygame.draw.rect(tile, theme.SQUARE, inner, border_radius=radius)
    pygame.draw.rect(tile, theme.SQUARE_EDGE, inner, width=max(1, gap // 2), border_radius=radius)
    for row in range(layout.rows):
        for col in range(cols):
            surface.blit(tile, layout.square_rect(Square(col, row)))
    # Column letters in the start and goal strips; row numbers on both sides.
    # Square names are read by the room (4% of the height) unless the board is too big for
    # that: then they are axis labels, as small as the squares need.
    named = ROOM if room else DETAIL
    col_role = named if layout.col_label_height >= layout.label_height else AXIS
    row_role = named if layout.label_every == 1 else AXIS
    for col in range(cols):
        letter = chr(ord("A") + col)
        for strip in (layout.start_strip, layout.goal_strip):
            cell = pygame.Rect(layout.grid.x + col * layout.square, strip.y, layout.square,
                               strip.height)
            text.draw(surface, letter, layout.col_label_height, theme.TEXT, bold=True,
                      role=col_role, center=cell.center)
    for row in range(layout.rows):
        if (row + 1) % layout.label_every and row != 0:
            continue
        name = str(row + 1)
        rect = layout.square_rect(Square(0, row))
        half = text.width(name, layout.label_height, True) // 2 + max(4, layout.label_height // 4)
        for x in (layout.grid.x - half, layout.grid.right + half):
            text.draw(surface, name, layout.label_height, theme.TEXT, bold=True, role=row_role,
                      center=(x, rect.centery))
    return surface


def _cross(surface: pygame.Surface, rect: pygame.Rect, color: tuple[int, int, int]) -> None:
    inset = rect.inflate(-rect.width // 3, -rect.height // 3)
    width = max(2, rect.width // 10)
    pygame.draw.line(surface, color, inset.topleft, inset.bottomright, width)
    pygame.draw.line(surface, color, inset.topright, inset.bottomleft, width)


def _ring(surface: pygame.Surface, rect: pygame.Rect, color: tuple[int, int, int]) -> None:
    pygame.draw.circle(surface, color, rect.center, rect.width // 4, max(2, rect.width // 12))


def draw_token(surface: pygame.Surface, rect: pygame.Rect) -> None:
    radius = max(3, int(min(rect.width, rect.height) * 0.36))
    pygame.draw.circle(surface, theme.TOKEN_EDGE, rect.center, radius + max(2, radius // 6))
    pygame.draw.circle(surface, theme.TOKEN, rect.center, radius)


def draw_entry(surface: pygame.Surface, text: TextCache, layout: Layout, col: int) -> None:
    """The column the next player will enter by: the start cell lit (the cue under the start
    edge says what to do with it)."""
    cell = layout.start_cell(col).inflate(-2, -2)
    pygame.draw.rect(surface, theme.TOKEN, cell, border_radius=max(0, cell.height // 4))
    text.draw(surface, chr(ord("A") + col), layout.col_label_height, theme.BACKGROUND, bold=True,
              role=AXIS, center=cell.center)


def draw_mark(surface: pygame.Surface, layout: Layout, square: Square, beeped: bool) -> None:
    """The memory aid's mark on a tested square: a cross where it beeped, a ring where safe."""
    gap = max(1, layout.square // 16)
    rect = layout.square_rect(square).inflate(-gap, -gap)
    (_cross if beeped else _ring)(surface, rect, theme.BEEP if beeped else theme.SAFE)


def current_marks(state: Any) -> dict[Square, bool]:
    """The marks the memory aid shows now: each tested square, and whether it beeped."""
    if not state.memory_aid:
        return {}
    return {square: known.beeped for square, known in state.knowledge.items()}


class MarksLayer:
    """The static board with the memory aid's marks drawn on it, kept between frames: a frame
    blits it and draws only what moves over it. When knowledge changes, only the squares that
    changed are drawn again, each from a clean copy of one square (every square of the static
    board looks the same), so the layer costs no second full-window surface."""

    def __init__(self, static: pygame.Surface, layout: Layout) -> None:
        self.surface = static
        self.layout = layout
        first = layout.square_rect(Square(0, 0))
        self._clean: pygame.Surface | None = None
        self._pristine: pygame.Surface | None = None
        if static.get_rect().contains(first):
            self._clean = static.subsurface(first).copy()
        else:          # a window too small for its board: a copy of the whole (small) board
            self._pristine = static.copy()
        self.shown: dict[Square, bool] = {}

    def show(self, marks: dict[Square, bool]) -> list[pygame.Rect]:
        """Bring the layer up to ``marks``; return the squares' rectangles that changed."""
        if marks == self.shown:
            return []
        rects = []
        for square in self.shown.keys() | marks.keys():
            beeped = marks.get(square)
            if self.shown.get(square) == beeped:
                continue
            rect = self.layout.square_rect(square)
            if self._clean is not None:
                self.surface.blit(self._clean, rect)
            elif self._pristine is not None:
                self.surface.blit(self._pristine, rect, area=rect)
            if beeped is not None:
                draw_mark(self.surface, self.layout, square, beeped)
            rects.append(rect)
        self.shown = dict(marks)
        return rects


def merge_rects(rects: list[pygame.Rect], layout: Layout) -> list[pygame.Rect]:
    """Fewer rectangles to redraw, so each layer is drawn once a frame: everything that changed
    on the board's side as one rectangle, each side-panel line (and the border's edges) on its
    own; none inside another."""
    board = [r for r in rects if layout.region.contains(r)]
    rest = [r for r in rects if not layout.region.contains(r)]
    if board:
        rest.append(board[0].unionall(board[1:]))
    out: list[pygame.Rect] = []
    for rect in sorted(rest, key=lambda r: -r.width * r.height):
        if rect.width and rect.height and not any(kept.contains(rect) for kept in out):
            out.append(rect)
    return out


def draw_board_dynamic(scene: BoardView, surface: pygame.Surface, layout: Layout,
                       marks: bool = True) -> None:
    """What moves over the static board; ``marks`` False when the board's marks are already
    on the surface (a MarksLayer). Only what meets the surface's clip is drawn."""
    state = scene.session.state
    text = scene.app.text
    clip = surface.get_clip()
    gap = max(1, layout.square // 16)
    if marks and state.memory_aid and clip.colliderect(layout.grid):
        for square, beeped in current_marks(state).items():
            draw_mark(surface, layout, square, beeped)
    if scene.revealing and clip.colliderect(layout.grid):
        height = max(8, layout.square // 3)
        for i, square in enumerate(state.path, start=1):
            rect = layout.square_rect(square).inflate(-gap * 3, -gap * 3)
            pygame.draw.rect(surface, theme.PATH, rect, width=max(2, layout.square // 12),
                             border_radius=max(0, layout.square // 8))
            text.draw(surface, str(i), height, theme.PATH, bold=True, role=AXIS, center=rect.center)
    for square in scene.flashes:
        rect = layout.square_rect(square).inflate(-gap, -gap)
        pygame.draw.rect(surface, theme.BEEP, rect, border_radius=max(0, layout.square // 8))
        _cross(surface, rect, theme.TEXT)
    if state.position is not None:
        draw_token(surface, layout.square_rect(state.position))
    elif not state.ended and state.phase is not Phase.PLANNING:
        draw_entry(surface, text, layout, scene.cursor)
    if scene.border_until:
        thick = max(6, round(0.015 * min(layout.width, layout.height)))
        w, h = layout.width, layout.height
        for edge in ((0, 0, w, thick), (0, h - thick, w, thick), (0, 0, thick, h),
                     (w - thick, 0, thick, h)):
            surface.fill(getattr(scene, "border_color", theme.BEEP), edge)
    if clip.colliderect(layout.cue):
        draw_cue(scene, surface, layout)
    for banner in banners(scene, layout):
        if clip.colliderect(banner.band):
            _banner(surface, text, banner)


class Banner(NamedTuple):
    """Text across the board area on a dark band (PAUSED, an announcement, a disk error)."""
    message: str
    band: pygame.Rect          # where it goes (compared between frames: only it is redrawn)
    lines: tuple[str, ...]
    height: int                # the text's height
    line_h: int
    width: int                 # the widest a line may be
    color: tuple[int, int, int]


def banners(scene: BoardView, layout: Layout) -> list[Banner]:
    """The banners the board shows now, laid out."""
    state = scene.session.state
    text = scene.app.text
    area = layout.region
    band_h = max(layout.label_height, 12)
    out = []
    if state.paused:
        out.append(_laid_out(text, _("PAUSED: Ctrl+Space goes on"), area, area.centery,
                             round(band_h * 1.6), theme.WARNING))
    elif scene.announcement:
        out.append(_laid_out(text, scene.announcement.text, area, area.centery,
                             round(band_h * 1.4), theme.TONES[scene.announcement.tone]))
    if scene.log.error is not None:
        message = n_("Cannot write the session log ({reason}); {n} event kept in memory",
                     "Cannot write the session log ({reason}); {n} events kept in memory",
                     scene.log.backlog).format(reason=scene.log.error,
                                               n=integer(scene.log.backlog))
        out.append(_laid_out(text, message, area, area.top + band_h, band_h, theme.WARNING))
    return out


def _laid_out(text: TextCache, message: str, area: pygame.Rect, y: int, height: int,
              color: tuple[int, int, int]) -> Banner:
    """A banner wrapped to fit the board area, centred on ``y``, never into the side panel."""
    width = max(40, area.width - 2 * height)
    lines = tuple(text.wrap(message, height, True, width))
    line_h = text.font(height, True).get_height()
    band = pygame.Rect(0, 0, max(text.width(line, height, True) for line in lines) + height,
                       line_h * len(lines) + height // 2)
    band.center = (area.centerx, y)
    band.clamp_ip(area)
    return Banner(message, band, lines, height, line_h, width, color)


STEP_ON = (N_("Left, Right: choose a column"), N_("Up: step on (or tap row 1)"))


def cue_lines(scene: BoardView) -> tuple[str, ...]:
    """How to move, under the start edge, for a player who has never seen the game: large
    while the player at the board has not stepped on yet, a short reminder once they have."""
    state = scene.session.state
    if state.ended or state.phase is Phase.PLANNING or state.paused:
        return ()
    if state.retreat is not None:
        if scene.session.rules.retreat == "auto":
            return (_("Walking back the way they came"),)
        return (_("Walk back the way you came,"), _("one square at a time, off the start edge"))
    if state.position is None:
        return tuple(_(line) for line in STEP_ON)
    if state.board.diagonals:
        return (_("Arrows: one square at a time"), _("Q E Z C: diagonal steps"))
    return (_("Arrows: one square at a time (no diagonals)"),)


def draw_cue(scene: BoardView, surface: pygame.Surface, layout: Layout) -> None:
    lines = cue_lines(scene)
    area = layout.cue
    if not lines or area.height <= 0:
        return
    text = scene.app.text
    big = len(lines) == 2 and scene.session.state.position is None
    height = _cue_height(layout)
    color = theme.TOKEN if big else theme.TEXT_DIM
    bold = big and all(text.width(line, height, True) <= area.width for line in lines)
    if big and not bold:       # words too long for one line each: on more lines, at room size
        wrapped = [part for line in lines for part in _cue_wrap(text, line, height, area.width)]
        lines = tuple(wrapped) if len(wrapped) <= layout.cue_rows else lines
    y = area.y + (area.height - height * len(lines)) // 2
    for line in lines:
        size = text.fitting_height(line, height, bold, area.width, smallest=1)
        text.draw(surface, line, size, color, bold=bold, role=ROOM if big else DETAIL,
                  midtop=(area.centerx, y + (height - size) // 2))
        y += height


def _cue_height(layout: Layout) -> int:
    area = layout.cue
    return area.height // layout.cue_rows - max(1, area.height // 40)


def _cue_wrap(text: TextCache, line: str, height: int, width: int) -> list[str]:
    """A cue line on as many lines as it needs, broken before its aside in brackets if that does."""
    if text.width(line, height) <= width:
        return [line]
    before, paren, after = line.partition(" (")
    if paren and max(text.width(before, height), text.width("(" + after, height)) <= width:
        return [before, "(" + after]
    return text.wrap(line, height, False, width)


def cue_rows(text: TextCache, layout: Layout) -> int:
    """The lines the cue band needs for the first cue (the one the room reads, at its size) in
    the language in use: two, or more when its words wrap."""
    height = _cue_height(layout)
    lines = [_(line) for line in STEP_ON]
    if all(text.width(line, height, True) <= layout.cue.width for line in lines):
        return 2
    return max(2, sum(len(_cue_wrap(text, line, height, layout.cue.width)) for line in lines))


def _banner(surface: pygame.Surface, text: TextCache, banner: Banner) -> None:
    """A banner's text on its dark band, so it reads over anything."""
    band, height = banner.band, banner.height
    surface.fill(theme.BACKGROUND, band)
    text.cover(surface, band, over=True)
    pygame.draw.rect(surface, banner.color, band, width=max(2, height // 12))
    top = band.y + height // 4
    for line in banner.lines:
        text.draw(surface, line, height, banner.color, bold=True, max_width=banner.width,
                  role=ROOM, midtop=(band.centerx, top))
        top += banner.line_h


# ("text", message, color, bold) | ("clock", text, color) | ("talk",) | ("parts", parts, color)
HudLine = tuple[Any, ...]


def hud_content(scene: BoardView) -> dict[str, HudLine]:
    """What each line of the side panel shows now (compared between frames to redraw only the
    lines that changed)."""
    session = scene.session
    state = session.state
    shown = state.shown_phase or Phase.LEARNING
    title, detail, color = PHASE_TEXT[shown]
    out: dict[str, HudLine] = {
        "phase": ("text", _(title), color, True),
        "phase_detail": ("text", _(detail), theme.TEXT_DIM, False),
    }
    planning = session.planning_left()
    left = session.time_left() if planning is None else planning
    clock_color = theme.PLANNING if planning is not None else theme.TEXT
    if state.paused:
        clock_color = theme.TEXT_DIM
    elif planning is None and left <= 120:
        clock_color = theme.WARNING
    out["clock"] = ("clock", clock_text(left), clock_color)
    if state.phase is Phase.PLANNING:
        out["talk"] = ("text", _("Talking allowed"), theme.PLANNING, True)
    else:
        out["talk"] = ("talk",)
    if state.retreat is not None:
        out["player_label"] = ("text", _("Walking back:"), theme.BEEP, False)
    elif state.phase is Phase.PLANNING:
        out["player_label"] = ("text", _("First at the board:"), theme.TEXT_DIM, False)
    else:
        out["player_label"] = ("text", _("At the board:"), theme.TEXT_DIM, False)
    out["player"] = ("text", state.current_player, theme.TOKEN, True)
    out["next"] = ("parts", next_parts(scene), theme.TEXT_DIM)
    room = scene.live_board()
    across = execution_progress(scene)
    shorter = headline_lines(room, across, compact=True)
    for i, (role, words) in enumerate(zip(("score", "score2"), headline_lines(room, across),
                                          strict=True)):
        out[role] = ("text", words, theme.TEXT, role == "score", shorter[i])
    messages = [m for m in (scene.cue, scene.notice) if m is not None]
    for role, timed in zip(("message", "message2"), messages[:2], strict=False):
        out[role] = ("text", timed.text, theme.TONES[timed.tone], True)
    budget = state.budget_left
    # Translators: F1 is the key on the keyboard; the budget is what is left of the beeps
    hint = _("F1 help") if budget is None else _("F1 help   Budget: {budget}").format(
        budget=number(budget, len(f"{budget:g}".partition(".")[2])))
    out["hint"] = ("text", hint,
                   theme.TEXT_DIM, False)
    return out


def draw_hud(scene: BoardView, surface: pygame.Surface, layout: Layout,
             content: dict[str, HudLine] | None = None) -> None:
    text = scene.app.text
    clip = surface.get_clip()
    for role, spec in (content or hud_content(scene)).items():
        line = layout.line(role)
        if not clip.colliderect(line.rect):          # redrawing elsewhere: nothing to do here
            continue
        kind = DETAIL if role in ("hint", "message", "message2") else ROOM
        if spec[0] == "talk":
            _silence_icon(surface, line.rect, line.height)
            text.draw(surface, _("Silence"), line.height, theme.TEXT, bold=True, role=kind,
                      max_width=line.rect.width - line.height * 2,
                      midleft=(line.rect.x + round(line.height * 1.4), line.rect.centery))
        elif spec[0] == "parts":           # names: whole names only, "+3" for the rest
            size = text.fitting_height("".join(spec[1]), line.height, False, line.rect.width,
                                       smallest=_readable(kind, layout.height))
            image = text.render_parts(list(spec[1]), size, spec[2],
                                      max_width=line.rect.width, more=", +{n}")
            text.place(surface, image, "".join(spec[1]), line.height, kind,
                       midleft=line.rect.midleft)
        elif spec[0] == "clock":          # cached digits blitted in place: no new surface
            x = line.rect.x
            for ch in spec[1]:
                glyph = text.render(ch, line.height, spec[2], bold=True)
                surface.blit(glyph, glyph.get_rect(midleft=(x, line.rect.centery)))
                x += glyph.get_width()
            if text.audit is not None:
                text.audit.placed.append(_clock_placed(spec[1], line, x, surface))
        else:
            # A line the side panel cannot hold at its size is made smaller (never cut), as
            # long as it stays readable; then its shorter wording, if it has one; the audit
            # reports it if even that cannot.
            smallest = _readable(kind, layout.height)
            words = spec[1]
            if len(spec) > 4 and text.width(words, smallest, False) > line.rect.width:
                words = spec[4]
            bold = spec[3] and text.width(words, smallest, True) <= line.rect.width
            size = text.fitting_height(words, line.height, bold, line.rect.width,
                                       smallest=smallest)
            text.draw(surface, words, size, spec[2], bold=bold, max_width=line.rect.width,
                      role=kind, user=role == "player", midleft=line.rect.midleft)


def _readable(kind: str, height: int) -> int:
    return math.ceil((ROOM_SHARE if kind == ROOM else DETAIL_SHARE) * height)


def _clock_placed(shown: str, line: Any, right: int, surface: pygame.Surface) -> Any:
    from maze.ui.text import Placed
    rect = pygame.Rect(line.rect.x, line.rect.y, right - line.rect.x, line.height)
    return Placed(shown, rect, line.height, ROOM, id(surface), surface.get_rect())


def board_content(scene: BoardView) -> dict[str, Any]:
    """What the board side shows now, beyond the static board and its marks (a MarksLayer
    says which of those changed)."""
    state = scene.session.state
    entry = None
    if state.position is None and not state.ended and state.phase is not Phase.PLANNING:
        entry = scene.cursor
    return {
        "token": state.position, "entry": entry, "flashes": frozenset(scene.flashes),
        "border": (bool(scene.border_until), getattr(scene, "border_color", theme.BEEP)),
        "banners": tuple((b.message, tuple(b.band), b.color)
                         for b in banners(scene, scene.layout())),
        "reveal": scene.revealing,
        "cue": cue_lines(scene) if hasattr(scene, "session") else (),
    }


def dirty_rects(before: tuple[dict[str, Any], dict[str, HudLine]],
                after: tuple[dict[str, Any], dict[str, HudLine]], layout: Layout) -> list[pygame.Rect]:
    """The parts of the window that differ between two frames."""
    (board_a, hud_a), (board_b, hud_b) = before, after
    rects: list[pygame.Rect] = []

    def square(sq: Any) -> None:
        if sq is not None:
            rects.append(layout.square_rect(sq))

    if board_a["token"] != board_b["token"]:
        square(board_a["token"])
        square(board_b["token"])
    if board_a["entry"] != board_b["entry"]:
        for col in (board_a["entry"], board_b["entry"]):
            if col is not None:
                rects.append(layout.start_cell(col))
    for sq in board_a["flashes"] ^ board_b["flashes"]:
        square(sq)
    if board_a["reveal"] != board_b["reveal"]:
        rects.append(layout.grid)
    if board_a.get("cue") != board_b.get("cue"):
        rects.append(layout.cue)
    if board_a["border"] != board_b["border"]:      # shown, hidden, or another colour
        thick = max(6, round(0.015 * min(layout.width, layout.height)))
        w, h = layout.width, layout.height
        rects += [pygame.Rect(0, 0, w, thick), pygame.Rect(0, h - thick, w, thick),
                  pygame.Rect(0, 0, thick, h), pygame.Rect(w - thick, 0, thick, h)]
    if board_a["banners"] != board_b["banners"]:          # each band, where it was and is
        rects += [pygame.Rect(band) for _, band, _ in set(board_a["banners"]) ^ set(board_b["banners"])]
    for role in hud_a.keys() | hud_b.keys():
        if hud_a.get(role) != hud_b.get(role):
            rects.append(layout.line(role).rect)
    return rects


RATE_AFTER = 30.0     # seconds of learning before the board shows a rate per minute


def execution_progress(scene: BoardView) -> tuple[int, int] | None:
    """(players across, players to cross in all) while the room sees execution (the host's
    rule, for the board and the replay alike)."""
    from maze.host.host import execution_progress as progress
    return progress(scene.session.state)


_next_shown: dict[tuple[Any, ...], tuple[str, ...]] = {}
# The words of the line, as the language in use has them (marked where they are used).
_NEXT_WORDS = ("To cross: {names}", "Last to cross", "Everyone else is across", "Next: {names}",
               "Next: {name} again", ", ")


def next_parts(scene: BoardView) -> tuple[str, ...]:
    """Who comes next (in execution: who still owes a crossing), as pieces of one line, so
    names in different scripts are laid out each on its own. Never "nobody". Asked every
    frame; worked out again only when the turns, the phase or the language change."""
    state = scene.session.state
    key = (tuple(state.roster), state.turn, state.phase, state.shown_phase,
           state.current_player, frozenset(state.owes), *map(_, _NEXT_WORDS))
    shown = _next_shown.get(key)
    if shown is None:
        if len(_next_shown) > 64:
            _next_shown.clear()
        shown = _next_shown[key] = _next_parts(scene)
    return shown


def _next_parts(scene: BoardView) -> tuple[str, ...]:
    state = scene.session.state
    current = state.current_player
    if state.shown_phase is Phase.EXECUTION:
        owing = [p for p in scene.session.upcoming(len(state.roster)) if p in state.owes]
        others = list(dict.fromkeys(p for p in owing if p != current))
        # Translators: in execution, the players who still have to cross ({names}: a list)
        label = _("To cross: {names}").partition("{names}")[0]
        if not others:
            return ((_("Last to cross"),) if current in state.owes else (_("Everyone else is across"),))
    else:
        others = list(dict.fromkeys(p for p in scene.session.upcoming(len(state.roster))
                                    if p != current))
        # Translators: the players who come next ({names}: a list)
        label = _("Next: {names}").partition("{names}")[0]
        if not others:
            before, _name, after = _("Next: {name} again").partition("{name}")
            return (before, current, after)
    return (label,) + tuple(piece for i, name in enumerate(others)
                            # Translators: between two names in a list
                            for piece in ((_(", "), name) if i else (name,)))


def headline_lines(room: BoardFigures, across: tuple[int, int] | None = None,
                   compact: bool = False) -> tuple[str, str]:
    """The live headline for the phase the room sees (two short lines): in execution the
    error-free speed, then how many are across and how many beeps it cost (``compact``: "3/5
    across", for a side panel too narrow for the words in a long language)."""
    if room.phase == "execution":
        speed = room.error_free_speed
        beeps = room.errors or 0
        if across is None:
            progress = _("{n} across").format(n=integer(room.crossings or 0))
        elif compact:
            # Translators: how many players have crossed, of how many, as short as it can be
            progress = _("{n}/{total} across").format(n=integer(across[0]),
                                                      total=integer(across[1]))
        else:
            progress = _("{n} of {total} across").format(n=integer(across[0]),
                                                         total=integer(across[1]))
        return (_("Speed {speed} squares/min").format(
                    speed="-" if speed is None else number(speed, 1)),
                n_("{progress}, {n} beep", "{progress}, {n} beeps", beeps).format(
                    progress=progress, n=integer(beeps)))
    rate = room.discoveries_per_minute
    if rate and room.discoveries and 60.0 * room.discoveries / rate < RATE_AFTER:
        rate = None      # one beep in the first seconds is not a rate the room can use
    return (_("Discoveries: {n}").format(n=integer(room.discoveries)),
            _("Rate: after 0:30") if rate is None else _("{rate} a minute").format(
                rate=number(rate, 1)))


def _silence_icon(surface: pygame.Surface, rect: pygame.Rect, size: int) -> None:
    """A speech bubble struck through: drawn as shapes, never a font glyph."""
    r = size // 2 - 2
    center = (rect.x + r + 2, rect.centery)
    pygame.draw.circle(surface, theme.TEXT, center, r, max(2, size // 12))
    pygame.draw.line(surface, theme.BEEP, (center[0] - r, center[1] + r),
                     (center[0] + r, center[1] - r), max(3, size // 8))

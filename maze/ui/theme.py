"""Colours: Okabe-Ito hues (safe for the common colour-vision deficiencies) on a dark ground
with strong contrast, so a washed-out projector still shows them. Square states also differ by
shape (a cross for a beep, a ring for safe), never by colour alone."""

Color = tuple[int, int, int]

BACKGROUND: Color = (16, 20, 26)
PANEL: Color = (28, 34, 44)
SQUARE: Color = (70, 80, 96)
SQUARE_EDGE: Color = (140, 152, 170)
STRIP: Color = (38, 46, 58)
TEXT: Color = (245, 247, 250)
TEXT_DIM: Color = (190, 198, 210)
BEEP: Color = (230, 97, 0)          # vermillion: the alarm
SAFE: Color = (86, 180, 233)        # sky blue: tested safe
PATH: Color = (240, 228, 66)        # yellow: the revealed path
TOKEN: Color = (240, 228, 66)
TOKEN_EDGE: Color = (16, 20, 26)
EXECUTION: Color = (0, 158, 115)    # bluish green
LEARNING: Color = (86, 180, 233)
PLANNING: Color = (204, 121, 167)   # reddish purple
WARNING: Color = (230, 159, 0)      # orange

# The session host names a message's colour by its tone (it knows no theme): the board's
# colour for each.
TONES: dict[str, Color] = {
    "text": TEXT, "dim": TEXT_DIM, "token": TOKEN, "warning": WARNING, "beep": BEEP,
    "execution": EXECUTION, "learning": LEARNING, "planning": PLANNING,
}

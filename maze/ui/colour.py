"""Colour arithmetic for the palette checks: WCAG contrast, colour-vision-deficiency simulation
(Machado, Oliveira and Fernandes 2009, severity 1.0, in linear RGB) and CIE76 colour distance."""

from __future__ import annotations

Color = tuple[int, int, int]

# Machado et al. 2009, full severity: linear-RGB matrices.
DEFICIENCIES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return 255.0 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)


def luminance(color: Color) -> float:
    r, g, b = (_linear(v) for v in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(color: Color, deficiency: str) -> Color:
    m = DEFICIENCIES[deficiency]
    lin = [_linear(v) for v in color]
    out = [sum(m[i][j] * lin[j] for j in range(3)) for i in range(3)]
    return (round(_gamma(out[0])), round(_gamma(out[1])), round(_gamma(out[2])))


def to_lab(color: Color) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in color)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(a: Color, b: Color) -> float:
    """CIE76 Delta E: about 2.3 is just noticeable; above 20 is plainly different."""
    la, lb = to_lab(a), to_lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5

"""The figures in a facilitator's words: each headline's facts and each part of the switch score
as a plain sentence with its value, its unit and a verdict the room understands ("Hand-over
after the path was found: 12 s, quick"), so the debrief never shows a bare 0.48.

Pure: figures in, sentences out (the debrief screen and the report both read them)."""

from __future__ import annotations

from maze.analysis.scores import Figures
from maze.analysis.text import minutes
from maze.core.record import Record
from maze.lang import _, n_, number

__all__ = ["Part", "duration", "execution_facts", "learning_facts", "parts"]

GOOD, FAIR = 2 / 3, 0.4     # a part's value (0 to 1) from which it is good, fair


class Part(Record):
    """One part of the switch score, said plainly."""

    what: str            # "Hand-over after the path was found"
    value: str           # "12 s"
    verdict: str         # "quick"; "" when the value says it all ("never")
    score: float         # 0 to 1, as in `maze score --json` (switch.parts)


def duration(seconds: float | None) -> str:
    """12 s, 1:05 (minutes and seconds), or "never" when the moment never came."""
    if seconds is None:
        return _("never")
    whole = int(round(seconds))
    return _("{n} s").format(n=whole) if whole < 60 else minutes(whole)


def _verdict(score: float, good: str, fair: str, poor: str) -> str:
    return good if score >= GOOD else fair if score >= FAIR else poor


def parts(figures: Figures) -> list[Part]:
    """Every part the switch score was averaged from, in the order METRICS.md gives them."""
    switch = figures.switch
    scores: dict[str, float] = switch.parts
    out: list[Part] = []
    if "lag" in scores:
        s = scores["lag"]
        out.append(Part(_("Hand-over after the path was found"), duration(switch.lag_seconds),
                        _verdict(s, _("quick"), _("a pause"), _("slow")), s))
    if "pace" in scores:
        s = scores["pace"]
        ratio = switch.pace_ratio
        if ratio is None:
            value = verdict = _("not measured")
        else:      # said from the ratio itself: 1.00 is the same pace, whatever the part scores
            value = _("{ratio} times as long").format(ratio=number(ratio, 2))
            verdict = (_("much faster") if ratio <= 0.6 else _("faster") if ratio < 0.95
                       else _("the same pace") if ratio <= 1.05 else _("slower"))
        out.append(Part(_("Execution steps against learning steps"), value, verdict, s))
    if "off_path" in scores:
        s = scores["off_path"]
        n = switch.off_path_steps or 0
        out.append(Part(_("New squares tried once the path was known"),
                        n_("{n} step", "{n} steps", n).format(n=n),
                        _verdict(s, _("focused"), _("some testing"), _("still testing")), s))
    for i, curve in enumerate(switch.curveballs, start=1):
        one = len(switch.curveballs) == 1
        if f"curveball_{i}_detect" in scores:
            s = scores[f"curveball_{i}_detect"]
            what = _("Path change: noticed after") if one else _(
                "Path change {i}: noticed after").format(i=i)
            out.append(Part(what, duration(curve.detect_seconds),
                            _verdict(s, _("quick"), _("a while"), _("slow"))
                            if curve.detect_seconds is not None else "", s))
            s = scores[f"curveball_{i}_rigid"]
            n = curve.rigid_repeats
            what = _("Path change: beeps on the old path") if one else _(
                "Path change {i}: beeps on the old path").format(i=i)
            out.append(Part(what, n_("{n} beep", "{n} beeps", n).format(n=n),
                            _verdict(s, _("let go fast"), _("held on a while"), _("held on")), s))
            s = scores[f"curveball_{i}_relearn"]
            what = _("Path change: new path crossed after") if one else _(
                "Path change {i}: new path crossed after").format(i=i)
            out.append(Part(what, duration(curve.relearn_seconds),
                            _verdict(s, _("quick"), _("a while"), _("slow"))
                            if curve.relearn_seconds is not None else "", s))
    return out


def learning_facts(figures: Figures) -> list[str]:
    learning = figures.learning
    found_n, repeats = learning.discoveries or 0, learning.repeat_errors or 0
    facts = [_("{discoveries} (beeping squares found), {repeats} on known squares, in learning")
             .format(discoveries=n_("{n} discovery", "{n} discoveries", found_n).format(n=found_n),
                     repeats=n_("{n} repeat beep", "{n} repeat beeps", repeats).format(n=repeats))]
    found = learning.path_found_seconds
    facts.append(_("Path found after {time}").format(time=duration(found)) if found is not None
                 else _("The path was never found"))
    return facts


def execution_facts(figures: Figures) -> list[str]:
    execution = figures.execution
    if execution.crossings is None:
        return [_("No execution: nobody crossed")]
    crossings, beeps = execution.crossings, execution.errors or 0
    return [_("{crossings} of the known path, {beeps} in execution").format(
                crossings=n_("{n} crossing", "{n} crossings", crossings).format(n=crossings),
                beeps=n_("{n} beep", "{n} beeps", beeps).format(n=beeps)),
            _("Speed counts only squares crossed without a beep")]

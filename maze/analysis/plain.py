"""The figures in a facilitator's words: each headline's facts and each part of the switch score
as a plain sentence with its value, its unit and a verdict the room understands ("Hand-over
after the path was found: 12 s, quick"), so the debrief never shows a bare 0.48.

Pure: figures in, sentences out (the debrief screen and the report both read them)."""

from __future__ import annotations

from maze.analysis.scores import Figures
from maze.analysis.text import count
from maze.core.record import Record

GOOD, FAIR = 2 / 3, 0.4     # a part's value (0 to 1) from which it is good, fair


class Part(Record):
    """One part of the switch score, said plainly."""

    what: str            # "Hand-over after the path was found"
    value: str           # "12 s"
    verdict: str         # "quick"
    score: float         # 0 to 1, as in `maze score --json` (switch.parts)


def duration(seconds: float | None) -> str:
    """12 s, 1:05 (minutes and seconds), or "never" when the moment never came."""
    if seconds is None:
        return "never"
    whole = int(round(seconds))
    return f"{whole} s" if whole < 60 else f"{whole // 60}:{whole % 60:02d}"


def _verdict(score: float, good: str, fair: str, poor: str) -> str:
    return good if score >= GOOD else fair if score >= FAIR else poor


def parts(figures: Figures) -> list[Part]:
    """Every part the switch score was averaged from, in the order METRICS.md gives them."""
    switch = figures.switch
    scores: dict[str, float] = switch.parts
    out: list[Part] = []
    if "lag" in scores:
        s = scores["lag"]
        out.append(Part("Hand-over after the path was found", duration(switch.lag_seconds),
                        _verdict(s, "quick", "a pause", "slow"), s))
    if "pace" in scores:
        s = scores["pace"]
        ratio = switch.pace_ratio
        if ratio is None:
            value, verdict = "not measured", "not measured"
        else:      # said from the ratio itself: 1.00 is the same pace, whatever the part scores
            value = f"{ratio:.2f} times as long"
            verdict = ("much faster" if ratio <= 0.6 else "faster" if ratio < 0.95
                       else "the same pace" if ratio <= 1.05 else "slower")
        out.append(Part("Execution steps against learning steps", value, verdict, s))
    if "off_path" in scores:
        s = scores["off_path"]
        n = switch.off_path_steps or 0
        out.append(Part("New squares tried once the path was known", count(n, "step"),
                        _verdict(s, "focused", "some testing",
                                 "still testing"), s))
    for i, curve in enumerate(switch.curveballs, start=1):
        which = "" if len(switch.curveballs) == 1 else f" {i}"
        if f"curveball_{i}_detect" in scores:
            s = scores[f"curveball_{i}_detect"]
            out.append(Part(f"Path change{which}: noticed after", duration(curve.detect_seconds),
                            _verdict(s, "quick", "a while", "slow") if curve.detect_seconds
                            is not None else "not noticed", s))
            s = scores[f"curveball_{i}_rigid"]
            n = curve.rigid_repeats
            out.append(Part(f"Path change{which}: beeps on the old path", count(n, "beep"),
                            _verdict(s, "let go fast", "held on a while", "held on"), s))
            s = scores[f"curveball_{i}_relearn"]
            out.append(Part(f"Path change{which}: new path crossed after",
                            duration(curve.relearn_seconds),
                            _verdict(s, "quick", "a while", "slow")
                            if curve.relearn_seconds is not None else "never crossed", s))
    return out


def learning_facts(figures: Figures) -> list[str]:
    learning = figures.learning
    facts = [f"{count(learning.discoveries, 'discovery', 'discoveries')} (beeping squares "
             f"found), {count(learning.repeat_errors, 'repeat beep')} on known squares, "
             f"in learning"]
    found = learning.path_found_seconds
    facts.append("Path found after " + duration(found) if found is not None
                 else "The path was never found")
    return facts


def execution_facts(figures: Figures) -> list[str]:
    execution = figures.execution
    if execution.crossings is None:
        return ["No execution: nobody crossed"]
    return [f"{count(execution.crossings, 'crossing')} of the known path, "
            f"{count(execution.errors, 'beep')} in execution",
            "Speed counts only squares crossed without a beep"]

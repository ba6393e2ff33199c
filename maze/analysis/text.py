"""A readable summary of a session's figures, for `maze score` without --json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from maze.core.vocabulary import Currency, Outcome, UndoAction

if TYPE_CHECKING:
    from maze.analysis.scores import Figures, UndoneAction

OUTCOMES: dict[str, str] = {
    Outcome.COMPLETED: "everyone crossed", Outcome.TIME_UP: "time up",
    Outcome.ENDED_BY_FACILITATOR: "ended by the facilitator",
    Outcome.BUDGET_SPENT: "budget spent",
    "unfinished": "unfinished (no end recorded)"}     # the scorer's, for a log with no end


def num(value: Any, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def count(n: int | None, one: str, many: str | None = None) -> str:
    """ "1 discovery", "3 discoveries", "0 penalties": the plural chosen, never an "s" glued on
    to a word that does not take one."""
    n = n or 0
    return f"{n} {one if n == 1 else (many or one + 's')}"


def counted(n: int | None, one: str, many: str | None = None) -> str:
    """As ``count``, or "-" for a figure that does not exist (no execution, say)."""
    return "-" if n is None else count(n, one, many)


UNDONE_LABELS: dict[str, str] = {
    UndoAction.PENALTY: "penalty for {}", UndoAction.SKIP: "skip of {}",
    UndoAction.CURVEBALL: "curveball", UndoAction.MEMORY_AID: "memory aid switched {}"}


def undone_text(entry: UndoneAction) -> str:
    """One undone action, as the debrief and the report list it: "penalty for talking at 3:12,
    undone at 3:20"."""
    label = UNDONE_LABELS.get(entry.action, str(entry.action))
    label = label.format(str(entry.detail).replace("_", " "))
    return f"{label} at {minutes(entry.at)}, undone at {minutes(entry.undone_at)}"


def summary_text(figures: Figures) -> str:
    f = figures
    learn, exe, sw = f.learning, f.execution, f.switch
    lines = [
        f"{f.team} on {f.level}: {OUTCOMES.get(f.outcome, f.outcome)}, "
        f"{minutes(f.seconds)} of play",
        "",
        f"Learning   {num(learn.discoveries_per_minute, ' discoveries/min')}"
        f"   ({count(learn.discoveries, 'discovery', 'discoveries')}, "
        f"{count(learn.repeat_errors, 'repeat error')}, "
        f"{count(learn.failures, 'beep')} in {minutes(learn.seconds)}; path found after "
        f"{minutes(learn.path_found_seconds)}; exploring "
        f"{num(None if learn.exploration_share is None else 100 * learn.exploration_share, '%', 0)}"
        f" of steps; median pause before a new square {num(learn.median_dwell_new, ' s')})",
        f"Execution  {num(exe.error_free_speed, ' squares/min')} error-free speed"
        f"   ({counted(exe.crossings, 'crossing')}, {counted(exe.errors, 'error')} in "
        f"{counted(exe.attempts, 'attempt')} over {minutes(exe.seconds)})",
        f"Switching  {num(sw.score, '/100')}   (lag {num(sw.lag_seconds, ' s')}, pace ratio "
        f"{num(sw.pace_ratio, '', 2)}, {counted(sw.off_path_steps, 'off-path step')})",
    ]
    for i, c in enumerate(sw.curveballs, start=1):
        lines.append(f"  curveball {i} at {minutes(c.changed_at)}: noticed after "
                     f"{counted(c.detect_steps, 'step')} / {num(c.detect_seconds, ' s')}, "
                     f"{count(c.rigid_repeats, 'beep')} on the old path, relearned in "
                     f"{num(c.relearn_seconds, ' s')}")
    p = f.penalties
    unit = " s" if p.currency == Currency.SECONDS else " points"
    by_type = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in p.by_type.items())
    lines.append(f"Penalties  {p.count} ({p.cost:g}{unit})" + (f": {by_type}" if by_type else ""))
    if f.undone:
        lines.append("Undone (not counted)  " + "; ".join(undone_text(u) for u in f.undone))
    if f.memory_aid_used:
        lines.append("The memory aid was on.")
    if f.reveals:
        lines.append(f"The path was revealed {count(f.reveals, 'time')}.")
    lines += ["", f"{'player':<20} steps attempts crossings discoveries repeats exec-errors "
                  f"median-pause new-square-pause"]
    for name, s in f.players.items():
        lines.append(f"{name[:20]:<20} {s.steps:>5} {s.attempts:>8} {s.crossings:>9} "
                     f"{s.discoveries:>11} {s.repeat_errors:>7} {s.execution_errors:>11} "
                     f"{num(s.median_dwell, ' s'):>12} {num(s.median_dwell_new, ' s'):>16}")
    return "\n".join(lines)

"""A readable summary of a session's figures, for `maze score` without --json."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from maze.analysis.rules_text import amount
from maze.core.level import BUILTIN_WORDS
from maze.core.vocabulary import OUTCOME_WORDS, Currency, PenaltyKind, Phase, StepClass, UndoAction
from maze.lang import FORMATS, N_, _, builtin, current, n_, number, p_, percent

if TYPE_CHECKING:
    from maze.analysis.scores import Figures, UndoneAction

# Outcomes in words, marked to be translated where shown: outcome_text()


def outcome_text(outcome: str) -> str:
    """A session's outcome in words (an outcome this program does not know stays as written)."""
    return _(OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else outcome


# Translators: kinds of penalty, as in "penalty for talking" and "Penalties  3 (30 s): talking 2"
PENALTY_WORDS: dict[str, str] = {
    PenaltyKind.TALKING: N_("talking"), PenaltyKind.POINTING: N_("pointing"),
    PenaltyKind.TWO_ON_BOARD: N_("two on board"), PenaltyKind.MARKING: N_("marking"),
    PenaltyKind.RETREAT_ERROR: N_("retreat error"), PenaltyKind.REPEAT_BEEP: N_("repeat beep")}


# Translators: the phases of a session, as the report's timeline labels them
PHASE_WORDS: dict[str, str] = {Phase.PLANNING: N_("planning"), Phase.LEARNING: N_("learning"),
                               Phase.EXECUTION: N_("execution")}


def phase_word(phase: object) -> str:
    key = str(phase)
    return _(PHASE_WORDS[key]) if key in PHASE_WORDS else key


def beeps_of_kind(kind: object, n: int) -> str:
    """"3 repeat beeps", as a beep's kind and count are said in the report's timeline."""
    if kind == StepClass.NEW_BEEP:
        return n_("{n} new beep", "{n} new beeps", n).format(n=n)
    if kind == StepClass.REPEAT_BEEP:
        return n_("{n} repeat beep", "{n} repeat beeps", n).format(n=n)
    if kind == StepClass.SURPRISE_BEEP:
        return n_("{n} surprise beep", "{n} surprise beeps", n).format(n=n)
    return f"{n} {str(kind).replace('_', ' ')}"


def penalty_word(kind: object) -> str:
    """A kind of penalty in words (a kind this program does not know stays as written)."""
    key = str(kind)
    return _(PENALTY_WORDS[key]) if key in PENALTY_WORDS else key.replace("_", " ")


def cost_text(cost: float, currency: str) -> str:
    """A penalty's cost with its unit: "30 s", "2.5 points"."""
    return (_("{cost} s") if currency == Currency.SECONDS else _("{cost} points")).format(
        cost=amount(cost))


def num(value: Any, unit: str = "", digits: int = 1) -> str:
    """A figure a person reads, in the language's numbers: "2.5 s" / "2,5 s"; "-" for none.
    ``unit`` is already translated (" s", "%")."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{number(value, digits)}{unit}"
    return f"{value}{unit}"


def tenths(values: Sequence[float]) -> list[str]:
    """``number(value, 1)`` of each value, the same text made in bulk (the report writes the
    time of every beep): Python's own where it has at most three whole digits and no sign,
    with the language's decimal sign."""
    point = FORMATS[current()].decimal
    return [text.replace(".", point) if len(text) <= 5 and text[0] != "-" else number(value, 1)
            for text, value in zip(map("{:.1f}".format, values), values, strict=True)]


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def or_none(n: int | None, words: str) -> str:
    """A counted phrase (``words``, from n_, with a {n} placeholder), or "-" for a figure that
    does not exist (no execution, say)."""
    return "-" if n is None else words.format(n=n)


def _undone_label(action: str, detail: str) -> str:
    if action == UndoAction.PENALTY:
        return _("penalty for {what}").format(what=penalty_word(detail))
    if action == UndoAction.SKIP:
        return _("skip of {player}").format(player=detail.replace("_", " "))
    if action == UndoAction.CURVEBALL:
        return _("curveball")
    if action == UndoAction.MEMORY_AID:
        return _("memory aid switched on") if detail == "on" else _("memory aid switched off")
    return str(action)


def undone_text(entry: UndoneAction) -> str:
    """One undone action, as the debrief and the report list it: "penalty for talking at 3:12,
    undone at 3:20"."""
    label = _undone_label(entry.action, str(entry.detail))
    return _("{action} at {at}, undone at {undone_at}").format(
        action=label, at=minutes(entry.at), undone_at=minutes(entry.undone_at))


def _learning_line(f: Figures) -> str:
    learn = f.learning
    share = learn.exploration_share
    return _("{label}   {rate}   ({discoveries}, {repeats}, {beeps} in {time}; path found "
             "after {found}; exploring {share} of steps; median pause before a new square "
             "{pause})").format(
        label=_("Learning"),
        rate=num(learn.discoveries_per_minute, _(" discoveries/min")),
        discoveries=n_("{n} discovery", "{n} discoveries", learn.discoveries or 0).format(
            n=learn.discoveries or 0),
        repeats=n_("{n} repeat error", "{n} repeat errors", learn.repeat_errors or 0).format(
            n=learn.repeat_errors or 0),
        beeps=n_("{n} beep", "{n} beeps", learn.failures or 0).format(n=learn.failures or 0),
        time=minutes(learn.seconds), found=minutes(learn.path_found_seconds),
        share="-" if share is None else percent(share),
        pause=num(learn.median_dwell_new, _(" s")))


def _execution_line(f: Figures) -> str:
    exe = f.execution
    return _("{label}  {speed} error-free speed   ({crossings}, {errors} in {attempts} over "
             "{time})").format(
        label=_("Execution"), speed=num(exe.error_free_speed, _(" squares/min")),
        crossings=or_none(exe.crossings, n_("{n} crossing", "{n} crossings", exe.crossings or 0)),
        errors=or_none(exe.errors, n_("{n} error", "{n} errors", exe.errors or 0)),
        attempts=or_none(exe.attempts, n_("{n} attempt", "{n} attempts", exe.attempts or 0)),
        time=minutes(exe.seconds))


def _switch_lines(f: Figures) -> list[str]:
    sw = f.switch
    lines = [_("{label}  {score}   (lag {lag}, pace ratio {ratio}, {off_path})").format(
        label=_("Switching"), score=num(sw.score, "/100"), lag=num(sw.lag_seconds, _(" s")),
        ratio=num(sw.pace_ratio, "", 2),
        off_path=or_none(sw.off_path_steps, n_("{n} off-path step", "{n} off-path steps",
                                               sw.off_path_steps or 0)))]
    for i, c in enumerate(sw.curveballs, start=1):
        lines.append(_("  curveball {i} at {at}: noticed after {steps} / {seconds}, {beeps} on "
                       "the old path, relearned in {relearn}").format(
            i=i, at=minutes(c.changed_at),
            steps=or_none(c.detect_steps, n_("{n} step", "{n} steps", c.detect_steps or 0)),
            seconds=num(c.detect_seconds, _(" s")),
            beeps=n_("{n} beep", "{n} beeps", c.rigid_repeats or 0).format(n=c.rigid_repeats or 0),
            relearn=num(c.relearn_seconds, _(" s"))))
    return lines


def _player_table(f: Figures) -> list[str]:
    """The players' table, each column as wide as its (translated) header."""
    # Translators: column headers of `maze score`'s players' table; keep them one word each
    headers = [p_("score table", "player"), p_("score table", "steps"),
               p_("score table", "attempts"), p_("score table", "crossings"),
               p_("score table", "discoveries"), p_("score table", "repeats"),
               p_("score table", "exec-errors"), p_("score table", "median-pause"),
               p_("score table", "new-square-pause")]
    rows = [[name[:20], str(s.steps), str(s.attempts), str(s.crossings), str(s.discoveries),
             str(s.repeat_errors), str(s.execution_errors), num(s.median_dwell, _(" s")),
             num(s.median_dwell_new, _(" s"))] for name, s in f.players.items()]
    widths = [max(20, len(headers[0]))] + [
        max([len(h)] + [len(r[i + 1]) for r in rows]) for i, h in enumerate(headers[1:])]
    head = " ".join([headers[0].ljust(widths[0])] + [h.ljust(w) for h, w in
                                                      zip(headers[1:], widths[1:], strict=False)]).rstrip()
    body = [" ".join([r[0].ljust(widths[0])] + [v.rjust(w) for v, w in zip(r[1:], widths[1:], strict=False)])
            for r in rows]
    return [head, *body]


def summary_text(figures: Figures) -> str:
    f = figures
    lines = [_("{team} on {level}: {outcome}, {time} of play").format(
                 team=f.team, level=builtin(f.level, BUILTIN_WORDS), outcome=outcome_text(f.outcome),
                 time=minutes(f.seconds)),
             "", _learning_line(f), _execution_line(f), *_switch_lines(f)]
    p = f.penalties
    unit = cost_text(p.cost, p.currency)
    by_type = ", ".join(f"{penalty_word(k)} {v}" for k, v in p.by_type.items())
    lines.append((_("{label}  {n} ({cost}): {by_type}") if by_type else
                  _("{label}  {n} ({cost})")).format(label=_("Penalties"), n=p.count, cost=unit,
                                                      by_type=by_type))
    if f.undone:
        lines.append(_("Undone (not counted)  {actions}").format(
            actions="; ".join(undone_text(u) for u in f.undone)))
    if f.memory_aid_used:
        lines.append(_("The memory aid was on."))
    if f.reveals:
        lines.append(n_("The path was revealed {n} time.", "The path was revealed {n} times.",
                        f.reveals).format(n=f.reveals))
    return "\n".join([*lines, "", *_player_table(f)])

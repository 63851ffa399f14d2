"""How the agenda's timers read on screen."""

from __future__ import annotations


def clock(seconds: float) -> str:
    """ "mm:ss" (or "h:mm:ss"), with a minus sign once the time is up."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # 59.2 s left shows 01:00
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"

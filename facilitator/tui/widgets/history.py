"""Version history of an objective or key result: each version, its scores, the change since
the version before, the rules it resolved (by their titles, in the session's language, as the
minutes name them); restore (r) or mark final (f)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from facilitator.session import Versioned
from facilitator.tui.i18n import t
from facilitator.tui.widgets.table import Table
from facilitator.workshop.assessments import rule_title, score_delta


class HistoryTable(Table):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "restore", "wb.bind.restore", id="history.restore"),
        Binding("f", "final", "wb.bind.history_final", id="history.final"),
    ]

    class Restore(Message):
        def __init__(self, n: int) -> None:
            super().__init__()
            self.n = n

    class MarkFinal(Message):
        def __init__(self, n: int) -> None:
            super().__init__()
            self.n = n

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def show(self, item: Versioned | None, lang: str) -> None:
        """Show `item`'s versions, with headers in `lang` (the interface's)."""
        self.clear(columns=True)
        self.add_column(t(lang, "wb.col.v"), width=4, key="v")
        self.add_column(t(lang, "wb.col.overall"), width=7, key="overall")
        self.add_column(t(lang, "wb.col.delta"), width=4, key="delta")
        self.add_column(t(lang, "wb.col.text"), width=37, key="text")
        self.add_column(t(lang, "wb.col.resolved"), width=16, key="resolved")
        if item is None:
            return
        session = getattr(self.app, "session", None)
        rules_lang = getattr(session, "lang", None) or lang
        for version in reversed(item.versions):
            s = version.scores
            star = "★" if item.final_version == version.n else " "
            delta = score_delta(item, version.n)
            self.add_row(
                f"{star}v{version.n}",
                f"{s['overall']:.0f}" if "overall" in s else "",
                f"{delta:+.0f}" if delta else "",
                version.text,
                ", ".join(rule_title(r, rules_lang) for r in item.resolved(version.n)),
                key=str(version.n),
            )

    def _current(self) -> int | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def action_restore(self) -> None:
        n = self._current()
        if n is not None:
            self.post_message(self.Restore(n))

    def action_final(self) -> None:
        n = self._current()
        if n is not None:
            self.post_message(self.MarkFinal(n))

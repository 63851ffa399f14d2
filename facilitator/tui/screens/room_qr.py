"""The room's QR code on the whole terminal: at 80×24 it does not fit beside the lists of the
room's screen, so q shows it here, with the join code and address under it, until Escape, q or
Enter."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from facilitator.tui.i18n import t
from facilitator.web import launch


class QrDialog(ModalScreen[None]):
    """The QR code of `url`, the join `code` and `url` written under it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", show=False, id="room_qr.close"),
    ]

    def __init__(self, code: str, url: str, lang: str) -> None:
        super().__init__()
        self.code = code
        self.url = url
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="qr-box"):
            yield Static(launch.qr_text(self.url), id="qr-big", markup=False)
            line = f"{t(self.lang, 'web.tui.code', code=self.code)}   {self.url}"
            yield Label(line, id="qr-address", markup=False)
            yield Label(t(self.lang, "proj.back"), id="qr-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

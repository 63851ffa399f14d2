"""Where the editable data lives: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder holding `rules`, `lexicons` or `workshops`.

    An installed wheel carries them in `facilitator/_data/`; a source checkout (or an editable
    install) has them beside the package.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"facilitator data folder '{name}' not found next to {_PACKAGE}; reinstall the package"
    )

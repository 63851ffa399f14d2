"""The app's own settings (today: the interface language), apart from any session.

They live in `.settings.json` inside the sessions folder, so `--data-dir` and
`$FACILITATOR_DATA_DIR` move them with the sessions, and the store never lists the file (its
name starts with a dot). A missing, unreadable or damaged file means the defaults: settings are
a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.store import files

FILE_NAME = ".settings.json"
MAX_BYTES = 64 * 1024


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def load_settings(data_dir: Path) -> dict[str, Any]:
    """The saved settings, or {} when there are none that can be read."""
    path = settings_path(data_dir)
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(files.read_regular(path).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(data_dir: Path, name: str, value: Any) -> None:
    """Set one setting and write the file atomically (owner-only); raises OSError."""
    data = load_settings(data_dir)
    data[name] = value
    files.ensure_private_dir(Path(data_dir))
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    files.atomic_write_bytes(settings_path(data_dir), text.encode("utf-8"))

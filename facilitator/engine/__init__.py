"""The headless NLP engine: `Engine().assess(text, kind, lang)` → `Assessment`.

Never imports Textual (a test proves it); the TUI, the CLI and the exporters call this API.
"""

from facilitator.engine.config import (
    Config,
    ConfigError,
    RuleStatus,
    find_config,
    load_config,
    resolve_config,
)
from facilitator.engine.engine import KINDS, LANGS, Engine, Problem, normalize_kind
from facilitator.engine.model import Assessment, Finding, Flags, Rewrite, Scores

__all__ = [
    "KINDS",
    "LANGS",
    "Assessment",
    "Config",
    "ConfigError",
    "Engine",
    "Finding",
    "Flags",
    "Problem",
    "Rewrite",
    "RuleStatus",
    "Scores",
    "find_config",
    "load_config",
    "normalize_kind",
    "resolve_config",
]

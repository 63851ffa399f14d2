"""Moved to `facilitator.training.store` (issue 12: the store no longer depends on training).

Only the CLI and the TUI still import it from here; once they import
`facilitator.training.store`, delete this module: it is the last import of `training` by `store`.
"""

from facilitator.training.store import TrainingStore, default_training_dir, trainee_file_id

__all__ = ["TrainingStore", "default_training_dir", "trainee_file_id"]

"""The session store: the only code in facilitator that imports TinyDB.

    store = SessionStore()                      # $FACILITATOR_DATA_DIR or the user data folder
    session = store.create(Session(title="Cadrage 2026", kind="framing"))
    session = store.update(session.id, lambda s: s.add_participant("Anne", role="DG"))
    store.list()                                # summaries, damaged files included and marked

See `repository` for the file layout and the concurrency rules, `documents` for the generic
document file (one storage, one locked read–change–write, also used by the trainees' progress
in `facilitator.training.store`), `files` for the crash-safe primitives. The file format
itself (envelope, versions and migrations, the JSON codec, the errors) is
`facilitator.envelope`'s, shared with the minutes' JSON export; its names are re-exported here.
"""

from facilitator.envelope.errors import (
    BackupError,
    CorruptSessionError,
    ForeignFileError,
    InvalidSessionData,
    InvalidSessionId,
    SessionExists,
    SessionNotFound,
    SpecialFileError,
    StoreError,
    StoreLockTimeout,
    StoreWriteError,
    UnreadableSessionError,
    UnsupportedSchemaError,
)
from facilitator.envelope.schema import FORMAT, MIGRATIONS, export_session, import_session, migrate

from .documents import DocumentKind, SafeJSONStorage
from .repository import (
    ENV_VAR,
    SUFFIX,
    Imported,
    SessionStore,
    SessionSummary,
    default_data_dir,
)

__all__ = [
    "ENV_VAR",
    "FORMAT",
    "MIGRATIONS",
    "SUFFIX",
    "BackupError",
    "CorruptSessionError",
    "DocumentKind",
    "ForeignFileError",
    "Imported",
    "InvalidSessionData",
    "InvalidSessionId",
    "SafeJSONStorage",
    "SessionExists",
    "SessionNotFound",
    "SessionStore",
    "SessionSummary",
    "SpecialFileError",
    "StoreError",
    "StoreLockTimeout",
    "StoreWriteError",
    "UnreadableSessionError",
    "UnsupportedSchemaError",
    "default_data_dir",
    "export_session",
    "import_session",
    "migrate",
]

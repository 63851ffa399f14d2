"""The session's exchange format, below both the store and the minutes (no TinyDB, no I/O
beyond reading one file): what `facilitator export --format json` writes and `facilitator
import` and the store read.

- `schema`: the *envelope* ``{"format": "facilitator-session", "schema_version": …, "session":
  {…}}``, its migrations, `export_session` and `import_session`;
- `secrecy`: `public_export`, the envelope written to a file: votes aggregated, no room secret;
- `codec`: bytes ⇄ JSON, refusing damaged or hostile data with a `CorruptSessionError`;
- `regular`: reading a file only when it is a regular file;
- `errors`: the `StoreError` family, each naming the file and field at fault and what to do.
"""

from .codec import decode, encode, reading

# The whole error family is re-exported by `facilitator.store`, where callers look for it;
# here only the one the minutes' JSON export catches.
from .errors import StoreError
from .regular import read_regular
from .schema import (
    FORMAT,
    MIGRATIONS,
    Envelope,
    export_session,
    from_envelope,
    import_session,
    migrate,
    to_envelope,
)
from .secrecy import public_export

__all__ = [
    "FORMAT",
    "MIGRATIONS",
    "Envelope",
    "StoreError",
    "decode",
    "encode",
    "export_session",
    "from_envelope",
    "import_session",
    "migrate",
    "public_export",
    "read_regular",
    "reading",
    "to_envelope",
]

"""Red-team report (issue 16), exports: what `export -o` may replace, what a client template
may cost, and which CSV cells a spreadsheet would run as formulas.

No test touches a real device: a FIFO stands for "not a regular file", and the helper that
names file types is given made-up `st_mode` values.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitator.cli import main
from facilitator.demo import demo_session
from facilitator.minutes import ExistingFileError, ExportError, default_filename, docx, render
from facilitator.minutes.files import not_regular
from facilitator.session import Session


def export(*args: str) -> Result:
    return CliRunner().invoke(main, ["export", "--demo", *args])


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --------------------------------------------------------------------------------------------
# Item 1: `export -o` replaces only a regular file, and an existing one only with --force


def test_a_fifo_is_never_replaced_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = export("-o", str(fifo), "--force")
    assert result.exit_code == 1
    assert f"{fifo}: this is a named pipe (FIFO), not a regular file" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and names(tmp_path) == ["pipe.md"]


def test_a_symbolic_link_is_not_followed_and_its_target_is_named(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    for path, points_to in ((link, target), (dangling, tmp_path / "nowhere.md")):
        result = export("-o", str(path), "--force")
        assert result.exit_code == 1, result.output
        assert f"{path}: this is a symbolic link to {points_to}" in result.output
        assert path.is_symlink()
    assert target.read_text(encoding="utf-8") == "keep me"
    assert names(tmp_path) == ["dangling.md", "link.md", "real.md"]


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "cr.md"
    out.write_text("previous minutes", encoding="utf-8")
    os.chmod(out, 0o640)
    refused = export("-o", str(out))
    assert refused.exit_code == 1
    assert f"{out}: the file already exists" in refused.output and "--force" in refused.output
    assert out.read_text(encoding="utf-8") == "previous minutes"
    replaced = export("-o", str(out), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert out.read_text(encoding="utf-8").startswith("# Atelier")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # a replaced file keeps its permissions
    assert names(tmp_path) == ["cr.md"]


def test_the_default_output_name_is_not_overwritten_silently(tmp_path: Path) -> None:
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path) as folder:
        assert runner.invoke(main, ["export", "--demo", "--format", "md"]).exit_code == 0
        again = runner.invoke(main, ["export", "--demo", "--format", "md"])
        assert again.exit_code == 1 and "already exists" in again.output
        assert names(Path(folder)) == [default_filename(demo_session(), "md")]


def test_a_read_only_file_stays_read_only(tmp_path: Path) -> None:
    out = tmp_path / "cr.md"
    out.write_text("signed minutes", encoding="utf-8")
    os.chmod(out, 0o444)
    result = export("-o", str(out), "--force")
    assert result.exit_code == 1
    assert f"{out}: the file is read-only" in result.output
    assert out.read_text(encoding="utf-8") == "signed minutes"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_new_export_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        for fmt in ("md", "json", "csv", "docx"):
            assert export("-o", str(tmp_path / f"cr.{fmt}")).exit_code == 0
            assert stat.S_IMODE((tmp_path / f"cr.{fmt}").stat().st_mode) == 0o600, fmt
    finally:
        os.umask(previous)


def test_the_app_gets_an_export_error_it_can_show(tmp_path: Path) -> None:
    """The app's worker catches ExportError: the refusal is one, and says what to do."""
    from facilitator.minutes import export_session

    out = tmp_path / "cr.json"
    out.write_text("{}", encoding="utf-8")
    with pytest.raises(ExistingFileError, match=r"cr.json: the file already exists") as caught:
        export_session(demo_session(), out)
    assert isinstance(caught.value, ExportError) and caught.value.path == out
    assert out.read_text(encoding="utf-8") == "{}"
    export_session(demo_session(), out, overwrite=True)
    assert out.read_text(encoding="utf-8").startswith("{\n")


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (stat.S_IFCHR | 0o666, "a character device"),  # /dev/null, /dev/zero
        (stat.S_IFBLK | 0o660, "a block device"),
        (stat.S_IFIFO | 0o644, "a named pipe (FIFO)"),
        (stat.S_IFSOCK | 0o755, "a socket"),
        (stat.S_IFLNK | 0o777, "a symbolic link"),
        (stat.S_IFDIR | 0o755, "a folder"),
        (stat.S_IFREG | 0o644, None),
    ],
)
def test_file_types_are_named(mode: int, kind: str | None) -> None:
    assert not_regular(mode) == kind


# --------------------------------------------------------------------------------------------
# Item 4: a client template is a regular file of bounded size, checked before python-docx


@pytest.fixture
def no_python_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal must come before python-docx reads a single part."""

    def opened(*args: object) -> None:
        raise AssertionError("python-docx opened a template that should have been refused")

    monkeypatch.setattr(docx, "Document", opened)


def test_a_zip_bomb_template_is_refused_unopened(tmp_path: Path, no_python_docx: None) -> None:
    bomb = tmp_path / "client.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = bytes(1 << 20)
            for _ in range(docx.MAX_TEMPLATE_UNPACKED // len(chunk) + 1):
                part.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(ExportError, match=r"client.docx: the template unpacks to 10\d MB, over"):
        render(demo_session(), "docx", template=bomb)


def test_a_template_file_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_python_docx: None
) -> None:
    template = tmp_path / "client.docx"
    template.write_bytes(bytes(2_000_000))
    monkeypatch.setattr(docx, "MAX_TEMPLATE_BYTES", 1_000_000)
    with pytest.raises(ExportError, match=r"client.docx: the template is 2 MB, over the 1 MB"):
        render(demo_session(), "docx", template=template)


@pytest.fixture
def deadline() -> Iterator[None]:
    """A regression here would wait forever: fail after 20 s instead."""

    def expired(*args: object) -> None:
        pytest.fail("the template was waited for")  # not an OSError: nothing may swallow it

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_fifo_template_is_refused_without_waiting(tmp_path: Path, deadline: None) -> None:
    fifo = tmp_path / "client.docx"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match=r"client.docx: the template is a named pipe \(FIFO\)"):
        render(demo_session(), "docx", template=fifo)


# --------------------------------------------------------------------------------------------
# Item 5: every cell a spreadsheet would run as a formula is neutralised


def csv_text_cell(text: str) -> str:
    session = Session(lang="fr")
    session.add_objective(text)
    data = render(session, "csv").decode("utf-8-sig")
    return next(csv.DictReader(io.StringIO(data)))["text"]


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        " =1+1",
        "   @SUM(A1)",
        "\n=1+1",
        "\t=1+1",
        "\r=1+1",
        "\u00a0=1+1",
        "＝1+1",
        "＋cmd",
        "－cmd",
        "＠SUM(A1)",
        " ＋cmd",
        "+cmd",
        "-2+cmd",
    ],
)
def test_csv_neutralises_formulas(text: str) -> None:
    assert csv_text_cell(text).startswith("'")


@pytest.mark.parametrize("text", ["-20 %", "+3,5", "Réduire de 20 %", "a = b", "－５"])
def test_csv_keeps_plain_text_and_signed_numbers(text: str) -> None:
    assert csv_text_cell(text) == text

"""The trainer mode from the command line: `exercises` (the packs; `check`, `show`,
`progress`, the Word `report`) and `train` (the guided exercises in the app).
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any

import click

from facilitator.cli.common import (
    DATA_DIR_HELP,
    session_store,
    warn_problems,
)
from facilitator.locales import t
from facilitator.terminal import for_terminal, one_line_for_terminal


def _training_store(ctx: click.Context, data_dir: str | None) -> Any:
    """The trainees' progress files: `training/` inside the sessions folder."""
    from facilitator.training.store import TrainingStore

    return TrainingStore(session_store(ctx, data_dir).data_dir / "training")


_PACKS_DIR_HELP = (
    "A folder of your own packs, listed with the shipped ones (as are those in the data "
    "folder's packs/ folder)."
)


def _packs_folders(ctx: click.Context, data_dir: str | None = None) -> list[Any]:
    """The trainer's own packs folders: `packs/` in the data folder, then `--packs-dir`."""
    from facilitator.store import StoreError
    from facilitator.training import user_packs_dir

    folders = []
    # No usable data folder: the shipped packs and --packs-dir still count.
    with contextlib.suppress(StoreError, OSError):
        folders.append(user_packs_dir(session_store(ctx, data_dir).data_dir))
    extra: Any = None
    node: click.Context | None = ctx
    while node is not None and extra is None:  # `--packs-dir` of this command or its group
        extra, node = node.params.get("packs_dir"), node.parent
    if extra:
        folders.append(extra)
    return folders


def _load_packs(ctx: click.Context | None = None, data_dir: str | None = None) -> Any:
    """The packs that load (the shipped ones and the trainer's own); the others' problems go
    to stderr."""
    from facilitator.training import load_packs

    packs, problems = load_packs(extra=_packs_folders(ctx, data_dir) if ctx else ())
    for problem in problems:
        click.echo(for_terminal(problem), err=True)
    return packs, problems


@click.group("exercises", invoke_without_command=True)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None, help="One language.")
@click.option("--packs-dir", type=click.Path(file_okay=False), default=None, help=_PACKS_DIR_HELP)
@click.pass_context
def exercises_command(ctx: click.Context, lang: str | None, packs_dir: str | None) -> None:
    """List the exercise packs; `facilitator exercises check FILE` validates one.

    Packs are TOML files in workshops/exercises/ (format: workshops/exercises/README.md), in
    the data folder's packs/ folder, or in the folder given with --packs-dir.
    """
    if ctx.invoked_subcommand is not None:
        return
    packs, problems = _load_packs(ctx)
    shown = [p for p in packs if not lang or p.lang == lang]
    for pack in shown:
        click.echo(
            f"{one_line_for_terminal(pack.id):<24} {pack.lang}  level {pack.level}  "
            f"{len(pack.exercises):>3} exercises  {one_line_for_terminal(pack.title)}"
        )
    click.echo(f"{sum(len(p.exercises) for p in shown)} exercises in {len(shown)} packs")
    folders = ", ".join(for_terminal(f) for f in _packs_folders(ctx))
    click.echo(f"your own packs: {folders}")
    sys.exit(1 if problems else 0)


@exercises_command.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--no-engine",
    is_flag=True,
    help="Check the structure only (skip grading the drafts and model answers with the engine).",
)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None,
              help="The messages' language (default: the pack's).")  # fmt: skip
@click.pass_context
def exercises_check(ctx: click.Context, file: str, no_engine: bool, lang: str | None) -> None:
    """Validate an exercise pack: each problem with file, line and field.

    Then the engine grades each starting draft (it must fail its criteria) and each model answer
    (it must meet them).
    """
    from facilitator.training import check_pack, has_errors

    lang = lang or (ctx.parent.params.get("lang") if ctx.parent else None)

    engine = None
    if not no_engine:
        from facilitator.engine import Engine

        engine = Engine()
        warn_problems(engine)
    problems = check_pack(file, engine, lang)
    for p in problems:
        click.echo(for_terminal(p))
    if not has_errors(problems):
        from facilitator.training import load_pack

        pack = load_pack(file)
        lang = lang or pack.lang
        how = t(lang, "pack.check.ok.structure" if no_engine else "pack.check.ok.engine")
        click.echo(
            t(lang, "pack.check.ok", file=for_terminal(file), count=len(pack.exercises), how=how)
        )
    sys.exit(1 if has_errors(problems) else 0)


@exercises_command.command("show")
@click.argument("pack")
def exercises_show(pack: str) -> None:
    """The exercises of a pack (by id, or a pack file)."""
    from facilitator.training import PackError, load_pack, skill_label

    try:
        loaded = load_pack(pack)
    except PackError as error:
        raise click.ClickException(str(error)) from None
    title, pack_id = one_line_for_terminal(loaded.title), one_line_for_terminal(loaded.id)
    lang = loaded.lang  # the pack's own language, as `exercises check` answers it
    click.echo(t(lang, "training.show.head", title=title, id=pack_id, level=loaded.level))
    for ex in loaded.exercises:
        answer = (
            t(lang, "training.show.choice")
            if ex.is_choice
            else t(lang, "training.show.lines", count=ex.items)
            if ex.items > 1
            else t(lang, "training.show.rewrite")
        )
        kind = t(lang, "tr.kind.objective" if ex.kind == "objective" else "tr.kind.key_result")
        name, skill, title = (
            one_line_for_terminal(text)
            for text in (ex.id, skill_label(ex.skill, loaded.lang), ex.title)
        )
        click.echo(
            f"{ex.number:>3}. {name:<30} {kind:<12} L{ex.level} {answer:<11} {skill} — {title}"
        )


def _group_progress(
    ctx: click.Context,
    data_dir: str | None,
    group: str | None,
    pack_id: str | None,
    lang: str | None,
) -> tuple[Any, Any, Any, str]:
    """The store, the group's progress (damaged files reported, not fatal), the packs, and the
    report's language."""
    from facilitator.store import StoreError

    store = _training_store(ctx, data_dir)
    try:
        trainees, problems = store.trainees(group)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    for problem in problems:
        click.echo(f"warning: {for_terminal(problem)}", err=True)
    packs, _ = _load_packs(ctx, data_dir)
    return store, trainees, packs, lang or _report_lang(packs, trainees, pack_id)


@exercises_command.command("progress")
@click.option("--group", "-g", default=None, help="One group (default: every trainee).")
@click.option("--pack", "pack_id", default=None, help="One pack's exercises only.")
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
@click.pass_context
def exercises_progress(
    ctx: click.Context,
    group: str | None,
    pack_id: str | None,
    lang: str | None,
    data_dir: str | None,
) -> None:
    """The trainer's view: per trainee, exercises done, attempts and hints; the common mistakes."""
    from facilitator.training.summary import summarize

    store, trainees, packs, lang = _group_progress(ctx, data_dir, group, pack_id, lang)
    s = summarize(trainees, lang=lang, group=group, packs=packs, pack=pack_id)
    if not s.trainees:
        for_group = t(lang, "training.progress.for_group", group=group) if group else ""
        click.echo(
            t(lang, "training.progress.none", where=for_terminal(f"{store.root}{for_group}"))
        )
        return
    click.echo(t(lang, "training.progress.summary", **s.totals()))
    click.echo("")
    click.echo(t(lang, "training.progress.head"))
    for row in s.trainees:
        score = "—" if row.mean_overall is None else f"{row.mean_overall:.0f}"
        name, team = one_line_for_terminal(row.name)[:28], one_line_for_terminal(row.group)[:16]
        click.echo(
            f"{name:<28} {team:<16} {row.opened:>9} {row.done:>8} {row.after_reveal:>8} "
            f"{row.attempts:>10} {row.hints:>7} {row.revealed:>6} {score:>6}"
        )
    click.echo(t(lang, "training.progress.notes"))
    if s.mistakes:
        click.echo("")
        click.echo(t(lang, "training.progress.mistakes"))
        for m in s.mistakes[:10]:
            counts = {"attempts": m.attempts, "failed": m.failed, "trainees": m.trainees}
            click.echo(
                t(lang, "training.progress.mistake", **counts)
                + f"{one_line_for_terminal(m.rule)} — {one_line_for_terminal(m.title)}"
            )


def _report_lang(packs: Any, trainees: Any, pack_id: str | None) -> str:
    used = {e.pack for trainee in trainees for e in trainee.exercises.values()}
    if pack_id:
        used = {pack_id}
    langs = {p.lang for p in packs if p.id in used}
    return langs.pop() if len(langs) == 1 else "fr"


@exercises_command.command("report")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="The .docx to write (default: from the group and today's date).")  # fmt: skip
@click.option("--group", "-g", default=None, help="One group (default: every trainee).")
@click.option("--pack", "pack_id", default=None, help="One pack's exercises only.")
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None,
              help="Report language (default: the packs' language).")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace the report if the file already exists.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "csv"]),
    default="docx",
    show_default=True,
    help="docx: the Word report; csv: one row per trainee and exercise opened.",
)
@click.option("--csv-delimiter", type=click.Choice([",", ";"]), default=",", show_default=True,
              help="With --format csv: ';' for Excel set to French.")  # fmt: skip
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
@click.pass_context
def exercises_report(
    ctx: click.Context,
    output: str | None,
    group: str | None,
    pack_id: str | None,
    lang: str | None,
    force: bool,
    fmt: str,
    csv_delimiter: str,
    data_dir: str | None,
) -> None:
    """Write the Word training report (where the group struggled, trainee by trainee), or with
    --format csv the group's progress as a spreadsheet."""
    from pathlib import Path

    from facilitator.minutes import ExportError
    from facilitator.training.csv_export import export_csv
    from facilitator.training.report import default_report_name, export_report

    _, trainees, packs, lang = _group_progress(ctx, data_dir, group, pack_id, lang)
    name = default_report_name(group, lang)
    path = Path(output) if output else Path(name).with_suffix(f".{fmt}")
    try:
        if fmt == "csv":
            export_csv(
                path, trainees, packs, pack=pack_id, delimiter=csv_delimiter, overwrite=force
            )
        else:
            export_report(
                path, trainees, lang=lang, group=group, packs=packs, pack=pack_id, overwrite=force
            )
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    kib = -(-path.stat().st_size // 1024)  # rounded up: a written file is never "0 KB"
    click.echo(
        t(lang, "training.report.written", path=for_terminal(path), count=len(trainees), kib=kib)
    )


@click.command("train")
@click.option("--pack", "-p", "pack", multiple=True,
              help="A pack id, or a pack file, to open at once (with --room: repeat it to assign "
              "a sequence of packs).")  # fmt: skip
@click.option("--trainee", "-t", default=None, help="The trainee's name (asked if not given).")
@click.option("--group", "-g", default="", help="The group (course, cohort) the trainee is in.")
@click.option(
    "--reveal-after",
    type=click.IntRange(1, 50),
    default=None,
    help="Attempts before the model answer may be shown (default: each pack's, usually 3).",
)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None)
@click.option("--packs-dir", type=click.Path(file_okay=False), default=None, help=_PACKS_DIR_HELP)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
@click.option(
    "--room",
    is_flag=True,
    help="Open a training room: the group joins from their browsers with a code.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="With --room, the address to listen on: 0.0.0.0 opens it to the local network.",
)
@click.option("--port", default=8766, show_default=True, type=click.IntRange(1, 65535),
              help="With --room, the port to listen on.")  # fmt: skip
@click.pass_context
def train(
    ctx: click.Context,
    pack: tuple[str, ...],
    trainee: str | None,
    group: str,
    reveal_after: int | None,
    lang: str | None,
    packs_dir: str | None,
    data_dir: str | None,
    room: bool,
    host: str,
    port: int,
) -> None:
    """Guided OKR-writing exercises, graded live by the coach (the app's training screens).

    Progress is saved per trainee beside the sessions; `facilitator exercises progress` and
    `facilitator exercises report` give the trainer's view. With --room, the trainees work
    the packs from their own browsers and the trainer follows them on a live dashboard.
    """
    from facilitator.training import PackError, load_pack, load_packs

    known = load_packs(extra=_packs_folders(ctx, data_dir))[0]
    extra = []
    for ref in pack:
        if ref not in {p.id for p in known}:
            try:
                extra.append(load_pack(ref))
            except PackError as error:
                raise click.ClickException(str(error)) from None
    if room:
        _training_room(ctx, data_dir, [*known, *extra], pack, group, reveal_after, host, port)
        return
    if len(pack) > 1:
        raise click.UsageError("give one --pack to open in the app (several only with --room)")
    from facilitator.tui.training_app import run_training

    store = session_store(ctx, data_dir)
    run_training(
        store.data_dir,
        pack=pack[0] if pack else None,
        trainee=trainee,
        group=group,
        lang=lang,
        reveal_after=reveal_after,
        packs_dir=packs_dir,
    )


def _training_room(
    ctx: click.Context,
    data_dir: str | None,
    packs: list[Any],
    refs: tuple[str, ...],
    group: str,
    reveal_after: int | None,
    host: str,
    port: int,
) -> None:
    """`train --room`: serve the group's training room until ctrl+c."""
    from aiohttp import web

    from facilitator.web import launch, training_launch

    by_ref = {p.id: p for p in packs} | {str(p.path): p for p in packs}
    chosen = [by_ref[r].id for r in refs if r in by_ref]
    store = _training_store(ctx, data_dir)
    room = training_launch.prepare(store, group, chosen, default=[p.id for p in packs[:1]])
    server = training_launch.server(
        store, room, packs, host=host, port=port, reveal_after=reveal_after, warm_up=True
    )
    lang = server.lang
    join, board = training_launch.urls(host, port, room, server.trainer_key)
    click.echo(t(lang, "training.room.open", group=room.group or "—", code=room.code))
    click.echo(t(lang, "training.room.join", url=join))
    click.echo(launch.qr_text(join))
    click.echo(t(lang, "training.room.board", url=board))
    click.echo(t(lang, "training.room.packs", packs=", ".join(room.packs)))
    click.echo(t(lang, "training.room.stop"))
    web.run_app(server.app(), host=host, port=port, print=None)

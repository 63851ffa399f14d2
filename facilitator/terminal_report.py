"""Terminal output for the CLI (rich): an assessment with its spans highlighted, and rules.

A draft, and the findings, suggestions and rewrite made from it, are outside text: each goes
through `_plain` (or `for_terminal` in a Text) so that it can carry neither a terminal escape
sequence nor rich markup ("[/b]" would stop the output with a MarkupError).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from facilitator.engine import Assessment
from facilitator.engine.rules import Rule
from facilitator.locales import t
from facilitator.terminal import for_terminal, one_line_for_terminal
from facilitator.typography import NBSP, colon

_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}
# The catalogue keys (locales/*/report.toml) of the score dimensions' and proposal kinds' names.
_DIMENSIONS = (
    ("clarity", "report.clarity"),
    ("ambition", "report.ambition"),
    ("measurability", "report.measurability"),
    ("overall", "report.overall"),
)
_PROPOSAL_KINDS = {
    "outcome": "report.outcome",
    "leading": "report.leading",
    "counter": "report.counter",
}


def _plain(value: object) -> str:
    """Outside text for a markup string: shown as it is, never acted on by rich or the terminal."""
    return escape(for_terminal(value))


def _quoted(text: str, lang: str) -> str:
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else f"“{text}”"


def _bar(value: int) -> Text:
    filled = round(value / 10)
    style = "green" if value >= 75 else "yellow" if value >= 50 else "red"
    return Text("█" * filled + "░" * (10 - filled), style=style)


def render_assessment(a: Assessment, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    lang = a.lang
    sep = colon(a.lang)  # "Pourquoi : …" in French, "Why: …" in English
    ask, overall = t(lang, "report.ask"), t(lang, "report.overall")
    for notice in a.notices:
        console.print(f"[dim]note: {_plain(notice)}[/dim]")
    if not a.normalized.strip():
        console.print(t(lang, "report.empty"))
        return
    text = Text(for_terminal(a.text))
    for f in a.findings:
        # Offsets are into the draft: once escapes are removed they no longer fit, and the
        # spans go unmarked rather than mismarked.
        if f.end - f.start < len(a.text) and text.plain == a.text:
            text.stylize(f"underline {_LEVEL_STYLE[f.level]}", f.start, f.end)
    console.print(text)
    console.print()
    table = Table.grid(padding=(0, 2))
    for dim, key in _DIMENSIONS:
        value = getattr(a.scores, dim)
        table.add_row(t(lang, key), _bar(value), f"{value:>3}")
    console.print(table)
    parts = {k: v for k, v in a.parts.items() if v}
    if a.kind == "key_result" and parts:
        console.print(
            f"\n[bold]{t(lang, 'report.parts')}[/bold]{sep}"
            + ", ".join(f"{k}={_plain(v)}" for k, v in parts.items())
        )
    console.print()
    if not a.findings:
        console.print(f"[green]{t(lang, 'report.none')}[/green]")
    for f in a.findings:
        head = Text(f"● {f.rule}", style=_LEVEL_STYLE[f.level])
        head.append(f"  [{f.dimension}, {f.level}]", style="dim")
        if f.end - f.start < len(a.text):
            head.append(f"  {_quoted(for_terminal(f.text), a.lang)}")
        console.print(head)
        console.print(f"  {_plain(f.message)}")
        console.print(
            f"  [dim]{t(lang, 'report.why')}{sep}{_plain(f.rationale)} — {_plain(f.source)}[/dim]"
        )
        if f.suggestions:
            shown = [_plain(s) if s else t(lang, "report.remove") for s in f.suggestions[:4]]
            console.print(f"  → {t(lang, 'report.suggest')}{sep}" + " | ".join(shown))
    if a.key_result_proposals:
        console.print(f"\n[bold]{t(lang, 'report.kr_proposals')}[/bold]")
        for p in a.key_result_proposals:
            kind = _plain(t(lang, _PROPOSAL_KINDS[p.kind]) if p.kind in _PROPOSAL_KINDS else p.kind)
            console.print(f"  • {_plain(p.text)}  [cyan]({kind})[/cyan]")
            console.print(f"    [dim]{_plain(p.why)} — {_plain(p.source)}[/dim]")
    elif a.key_result_hint:
        console.print(f"\n[bold]{t(lang, 'report.kr_hint')}[/bold]{sep}{_plain(a.key_result_hint)}")
    if a.rewrite:
        s = a.rewrite.scores
        console.print(f"\n[bold]{t(lang, 'report.rewrite')}[/bold]{sep}{_plain(a.rewrite.text)}")
        detail = ", ".join(f"{t(lang, key)} {getattr(s, dim)}" for dim, key in _DIMENSIONS[:3])
        console.print(f"  {overall} {a.scores.overall} → {s.overall}  ({detail})")
        for question in a.rewrite.questions:
            console.print(f"  [yellow]? {ask}{sep}{_plain(question)}[/yellow]")
    others = [x for x in a.alternatives if not a.rewrite or x.text != a.rewrite.text]
    if others:
        console.print(f"\n[bold]{t(lang, 'report.alternatives')}[/bold]")
        for x in others:
            # A split: each part as it would be kept, with its own score.
            lines = x.parts or [(x.text, x.scores)]
            for n, (wording, sc) in enumerate(lines, 1):
                mark = "•" if n == 1 else " "
                part = f"{n}/{len(lines)} " if x.parts else ""
                console.print(
                    f"  {mark} {part}{_plain(wording)}  [cyan]({overall} {sc.overall})[/cyan]"
                )
            console.print(f"    [dim]{_plain(x.changed)} {_plain(x.why)}[/dim]")
            for question in x.questions:
                console.print(f"    [yellow]? {ask}{sep}{_plain(question)}[/yellow]")


def list_rules(rules: Sequence[Rule], console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    table = Table("id", "lang", "dimension", "level", "applies to", "title")
    for r in sorted(rules, key=lambda r: (r.lang, r.dimension, r.id)):
        cells = (r.id, r.lang, r.dimension, r.level, r.applies_to, r.title)
        table.add_row(*(escape(one_line_for_terminal(cell)) for cell in cells))
    console.print(table)
    console.print(f"{len(rules)} rules")


def explain_rule(rule: Rule, console: Console | None = None) -> None:
    """The ruff-style page: what it does, why it is bad, example, use instead."""
    console = console or Console(highlight=False)
    fr = rule.lang == "fr"
    heads = (
        ("Ce qu'elle détecte", "Pourquoi c'est un problème", "Exemple", "À la place", "Source")
        if fr
        else ("What it does", "Why is this bad?", "Example", "Use instead", "Source")
    )
    console.print(f"[bold]{_plain(rule.id)}[/bold] ({rule.lang}) — {_plain(rule.title)}")
    console.print(
        f"[dim]{rule.kind}, {rule.dimension}, {rule.level}, {rule.applies_to}, "
        f"−{rule.weight:g} points, {_plain(rule.path)}[/dim]\n"
    )
    console.print(f"[bold]{heads[0]}[/bold]\n  {_plain(rule.message)}\n")
    console.print(f"[bold]{heads[1]}[/bold]\n  {_plain(rule.rationale)}\n")
    console.print(f"[bold]{heads[2]}[/bold]")
    for ex in rule.bad:
        console.print(f"  ✗ {_plain(ex.text)}")
    console.print(f"\n[bold]{heads[3]}[/bold]")
    for ex in rule.good:
        console.print(f"  ✓ {_plain(ex.text)}")
    if rule.suggestions:
        console.print("  → " + " | ".join(_plain(s) for s in rule.suggestions))
    console.print(f"\n[bold]{heads[4]}[/bold]\n  {_plain(rule.source)}")

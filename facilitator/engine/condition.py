"""A tiny, safe condition language for rule files.

    when = "kind == key_result and measurable and not has_baseline"
    when = "words > 25 or ideas > 1"

Names are features computed by the engine (see `features.py`); values are numbers, true/false or
bare words. No Python is evaluated, so a rule file cannot run code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Predicate = Callable[[Mapping[str, Any]], bool]

_TOKEN = re.compile(r"\s*(==|!=|>=|<=|>|<|\(|\)|[A-Za-z_][\w.-]*|-?\d+(?:\.\d+)?)")
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a is not None and a > b,
    ">=": lambda a, b: a is not None and a >= b,
    "<": lambda a, b: a is not None and a < b,
    "<=": lambda a, b: a is not None and a <= b,
}


class ConditionError(ValueError):
    pass


def compile_condition(source: str, known: set[str]) -> Predicate:
    tokens = _tokenize(source)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise ConditionError(f"'{source}': unexpected end")
        pos += 1
        return tokens[pos - 1]

    def expr() -> Predicate:
        left = term()
        while peek() == "or":
            take()
            right = term()
            left = (lambda a, b: lambda f: a(f) or b(f))(left, right)
        return left

    def term() -> Predicate:
        left = factor()
        while peek() == "and":
            take()
            right = factor()
            left = (lambda a, b: lambda f: a(f) and b(f))(left, right)
        return left

    def factor() -> Predicate:
        tok = take()
        if tok == "not":
            inner = factor()
            return lambda f: not inner(f)
        if tok == "(":
            inner = expr()
            if take() != ")":
                raise ConditionError(f"'{source}': missing ')'")
            return inner
        if tok not in known:
            raise ConditionError(
                f"'{source}': unknown name '{tok}'; known names: {', '.join(sorted(known))}"
            )
        name = tok
        if peek() in _OPS:
            op = _OPS[take()]
            right = take()
            if right in known:  # "deadline_year < current_year": compare two features
                return lambda f: op(f.get(name), f.get(right))
            value = _literal(right)
            return lambda f: op(f.get(name), value)
        return lambda f: bool(f.get(name))

    result = expr()
    if pos != len(tokens):
        raise ConditionError(f"'{source}': unexpected '{tokens[pos]}'")
    return result


def _tokenize(source: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    source = source.strip()
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if not m:
            raise ConditionError(f"'{source}': cannot read '{source[pos:]}'")
        tokens.append(m.group(1))
        pos = m.end()
    if not tokens:
        raise ConditionError("empty condition")
    return tokens


def _literal(tok: str) -> Any:
    if tok in ("true", "false"):
        return tok == "true"
    try:
        return float(tok)
    except ValueError:
        return tok

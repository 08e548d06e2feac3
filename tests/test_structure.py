"""The package's shape: imports run one way down the layers, modules and functions stay short
and simple (lines, and ruff's C901 cyclomatic complexity).

The layers, bottom-up (ARCHITECTURE.md): a module may import from its own layer and the
ones below, never from a higher one (lazy imports inside functions included).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotes"

#: The layers, bottom-up; a module's layer is the first entry its dotted name starts with.
LAYERS = (
    ("quotes.types", "quotes.errors", "quotes.results", "quotes.lexicons", "quotes.progress"),
    ("quotes.inputs",),
    ("quotes.nlp",),
    ("quotes.extractors",),
    ("quotes.claims",),
    ("quotes.views",),
    ("quotes.store",),
    ("quotes.evaluation",),
    ("quotes.models",),
    ("quotes.web",),
    ("quotes.cli", "quotes.cli_parser", "quotes"),
)
#: Longest module allowed (lines).
MAX_MODULE_LINES = 400
#: Modules allowed to be longer than that: data tables only, each listed by path (none today).
LONG_MODULES: set[str] = set()
#: Longest function body allowed (lines, decorators and docstring included).
MAX_LINES = 60
#: Functions allowed to be longer than MAX_LINES ("path:function"): data tables only (none today).
LONG_FUNCTIONS: set[str] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(name: str) -> int:
    """The index in LAYERS of a dotted module name.

    >>> layer("quotes.nlp.casing"), layer("quotes.lexicons"), layer("quotes")
    (2, 0, 10)
    """
    for i, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes if p != "quotes"):
            return i
    return len(LAYERS) - 1


def imported_modules(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """``(line, module)`` of every ``quotes`` module imported anywhere in a module."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "quotes"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if base.split(".")[0] != "quotes":
                continue
            # "from quotes import lexicons" imports the submodule quotes.lexicons
            for a in node.names:
                sub = f"{base}.{a.name}"
                is_module = (PACKAGE.parent / Path(*sub.split("."))).with_suffix(".py").exists() or \
                    (PACKAGE.parent / Path(*sub.split("."))).is_dir()
                out.append((node.lineno, sub if is_module else base))
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


def _upward(path: Path) -> list[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    here = layer(name)
    return [f"{path.relative_to(PACKAGE.parent)}:{line} imports {mod} (layer {layer(mod)} > {here})"
            for line, mod in imported_modules(ast.parse(path.read_text(encoding="utf-8")), package)
            if layer(mod) > here]


def test_no_module_imports_upwards():
    bad = [msg for p in MODULES for msg in _upward(p)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("source, upward", [
    ("from quotes.types import Word\n", False),
    ("from quotes.claims.graph import source_node\n", True),
    ("def f():\n    from quotes.views import plot\n", True),
    ("import quotes.store.sqlite\n", True),
    ("from quotes import lexicons\n", False),
])
def test_the_import_check_sees_upward_imports(source, upward):
    """A module of the nlp layer with one import: flagged exactly when the import runs upwards."""
    mods = imported_modules(ast.parse(source), "quotes.nlp")
    assert any(layer(m) > layer("quotes.nlp.casing") for _, m in mods) is upward


def test_no_module_over_max_lines():
    found = {str(p.relative_to(PACKAGE.parent)): len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES}
    long = {k for k, n in found.items() if n > MAX_MODULE_LINES}
    assert not long - LONG_MODULES, f"modules over {MAX_MODULE_LINES} lines (split them): {sorted(long - LONG_MODULES)}"
    assert not LONG_MODULES - long, f"no longer over {MAX_MODULE_LINES} lines: remove from LONG_MODULES"


def long_functions(path: Path) -> list[tuple[str, int]]:
    """``(function, lines)`` of every function in a file longer than MAX_LINES."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            n = node.end_lineno - start + 1
            if n > MAX_LINES:
                out.append((node.name, n))
    return out


def test_no_function_over_max_lines():
    found = {f"{p.relative_to(PACKAGE.parent)}:{name}": n for p in MODULES for name, n in long_functions(p)}
    new = {k: n for k, n in found.items() if k not in LONG_FUNCTIONS}
    assert not new, f"functions over {MAX_LINES} lines (split them): {new}"
    fixed = LONG_FUNCTIONS - set(found)
    assert not fixed, f"no longer over {MAX_LINES} lines: remove from LONG_FUNCTIONS: {sorted(fixed)}"


def test_the_length_check_counts_lines(tmp_path):
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES))
    p = tmp_path / "m.py"
    p.write_text(f"def short():\n    pass\n\n\ndef long():\n{body}", encoding="utf-8")
    assert long_functions(p) == [("long", MAX_LINES + 1)]


#: Cyclomatic complexity allowed (ruff's C901, ``[tool.ruff.lint.mccabe]`` in pyproject.toml;
#: files still being split are listed under its per-file-ignores).
MAX_COMPLEXITY = 20


def too_complex(*paths: Path) -> list[str]:
    """``path:line: message`` of every function ruff's C901 finds above MAX_COMPLEXITY."""
    import shutil
    import subprocess
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (pip install -e '.[dev]')")
    out = subprocess.run([ruff, "check", "--select", "C901", "--output-format", "concise", "--no-cache",
                          "--config", f"lint.mccabe.max-complexity={MAX_COMPLEXITY}", *map(str, paths)],
                         cwd=PACKAGE.parent, capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if "C901" in line]


def test_no_function_over_max_complexity():
    bad = too_complex(PACKAGE)
    assert not bad, "functions too complex (split them into named rules):\n" + "\n".join(bad)


def test_the_complexity_check_sees_a_complex_function(tmp_path):
    body = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(MAX_COMPLEXITY))
    p = tmp_path / "m.py"
    p.write_text(f"def simple(x):\n    return x\n\n\ndef branchy(x):\n{body}    return -1\n", encoding="utf-8")
    assert [line.split("`")[1] for line in too_complex(p)] == ["branchy"]

"""The layers of docs/architecture.md hold: every import goes down, never up.

Every module under ``src/hrplan`` belongs to one component of :data:`LAYERS`;
it may import its own component and the components of lower layers. First-party
plugins (``plugins/*/src``) may import only hrplan's public names: ``hrplan``
and its public modules, never a private one (``hrplan.x._y``, ``from hrplan.x
import _y``). Imports under ``if TYPE_CHECKING:`` do not count (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

#: The layers, from the top down; each holds components (a module and what lies below it).
#: docs/architecture.md draws the same table.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("hrplan.__main__",),
    ("hrplan.cli",),
    ("hrplan", "hrplan.testing"),
    ("hrplan.api",),
    ("hrplan.plugins", "hrplan._dispatch"),
    ("hrplan.builtins",),
    ("hrplan.data", "hrplan.tabular", "hrplan.updates"),
    ("hrplan.monitoring", "hrplan.jsonio", "hrplan.treaties", "hrplan.plugins._guard"),
    (
        "hrplan.convert",
        "hrplan.deadlines",
        "hrplan.institutions",
        "hrplan.context",
        "hrplan.tables",
        "hrplan.plugins._hookspecs",
        "hrplan.plugins._protocols",
        "hrplan.plugins._problems",
    ),
    ("hrplan.labels",),
    ("hrplan.model",),
    ("hrplan.timelimits",),
    (
        "hrplan.cells",
        "hrplan.options",
        "hrplan.decoding",
        "hrplan.delimited",
        "hrplan.schema",
        "hrplan.limits",
        "hrplan.files",
        "hrplan.tally",
    ),
    ("hrplan.findings", "hrplan._version", "hrplan.countries", "hrplan.upr_sessions"),
    ("hrplan.errors",),
)

#: Imports against the layers that keep a first-release name importable from its first
#: home; each sits in a module ``__getattr__``, so it runs only when the old name is used.
ALIASES: frozenset[tuple[str, str]] = frozenset(
    {
        ("hrplan.monitoring", "hrplan.builtins.events_csv"),
        ("hrplan.timelimits", "hrplan.deadlines"),
    }
)


@attrs.frozen
class Import:
    """One import statement's target, resolved to the module that defines the name."""

    module: str
    target: str
    line: int
    in_getattr: bool


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _module_path(name: str, root: Path = SRC) -> Path | None:
    base = root.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _reexported_from(package: str, name: str) -> str | None:
    """The module a package's ``__init__`` imports ``name`` from, if it does."""
    path = _module_path(package)
    if path is None or path.name != "__init__.py":
        return None
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ImportFrom) or node.module is None or node.level:
            continue
        if any((alias.asname or alias.name) == name for alias in node.names):
            return node.module
    return None


def resolve(module: str, name: str) -> str:
    """What ``from module import name`` depends on: a submodule, the defining module, or ``module``.

    The facade ``hrplan`` is never seen through: ``from hrplan import Measure`` depends
    on the facade, ``from hrplan import jsonio`` on the module ``hrplan.jsonio``.
    """
    if _module_path(f"{module}.{name}") is not None:
        return f"{module}.{name}"
    if module == "hrplan":
        return module
    seen = {module}
    while (origin := _reexported_from(module, name)) is not None and origin not in seen:
        if not origin.startswith(module + "."):
            break  # re-exported from elsewhere: the package itself is the dependency
        seen.add(origin)
        module = origin
    return module


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(source: str, module: str, is_package: bool = False) -> Iterator[Import]:
    """Every hrplan import of ``source`` (the module ``module``), outside ``if TYPE_CHECKING:``."""

    def visit(node: ast.AST, in_getattr: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                yield from (x for orelse in child.orelse for x in visit(orelse, in_getattr))
                continue
            inside = in_getattr or (isinstance(child, ast.FunctionDef) and child.name == "__getattr__")
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name == "hrplan" or alias.name.startswith("hrplan."):
                        yield Import(module, alias.name, child.lineno, inside)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    package = module.split(".") if is_package else module.split(".")[:-1]
                    package = package[: len(package) - child.level + 1]
                    base = ".".join([*package, base] if base else package)
                if base == "hrplan" or base.startswith("hrplan."):
                    for alias in child.names:
                        yield Import(module, resolve(base, alias.name), child.lineno, inside)
            yield from visit(child, inside)

    yield from visit(ast.parse(source), False)


def component(module: str) -> tuple[int, str] | None:
    """The layer (0 at the top) and component ``module`` belongs to: the longest prefix."""
    found: tuple[int, str] | None = None
    for layer, names in enumerate(LAYERS):
        for name in names:
            matches = module == name or (name != "hrplan" and module.startswith(name + "."))
            if matches and (found is None or len(name) > len(found[1])):
                found = (layer, name)
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """What is wrong with the imports of ``source``, as the module ``module``."""
    own = component(module)
    if own is None:
        return [f"{module}: in no layer; add it to LAYERS in tests/test_layers.py and docs/architecture.md"]
    found: list[str] = []
    for imp in imports(source, module, is_package):
        theirs = component(imp.target)
        if theirs is None:
            found.append(f"{module}:{imp.line}: imports {imp.target}, which is in no layer")
        elif theirs[1] != own[1] and theirs[0] <= own[0]:
            alias = (own[1], theirs[1]) in ALIASES or (own[1], imp.target) in ALIASES
            if not (alias and imp.in_getattr):
                found.append(f"{module}:{imp.line}: {own[1]} (layer {own[0]}) imports {imp.target} "
                             f"(layer {theirs[0]}), which is not below it")  # fmt: skip
    return list(dict.fromkeys(found))


def plugin_violations(source: str, module: str) -> list[str]:
    """A first-party plugin's imports of hrplan's private modules or names."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            targets = [(node.module, alias.name) for alias in node.names]
        else:
            continue
        for target, name in targets:
            if not (target == "hrplan" or target.startswith("hrplan.")):
                continue
            if any(part.startswith("_") for part in target.split(".")) or name.startswith("_"):
                shown = f"{target}.{name}" if name else target
                found.append(f"{module}:{node.lineno}: imports hrplan's private {shown}")
    return found


def _sources() -> list[Path]:
    return sorted((SRC / "hrplan").rglob("*.py"))


def _plugin_sources() -> list[tuple[Path, Path]]:
    return [(src, path) for src in sorted(ROOT.glob("plugins/*/src")) for path in sorted(src.rglob("*.py"))]


def test_every_module_imports_downward_only() -> None:
    found = []
    for path in _sources():
        module = module_name(path, SRC)
        found += violations(path.read_text(encoding="utf-8"), module, path.name == "__init__.py")
    assert found == []


def test_plugins_import_only_public_names() -> None:
    found = []
    for src, path in _plugin_sources():
        found += plugin_violations(path.read_text(encoding="utf-8"), module_name(path, src))
    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import hrplan\n", "imports hrplan (layer 2)"),
        ("from hrplan import Measure\n", "imports hrplan (layer 2)"),
        ("from hrplan.api import read\n", "imports hrplan.api (layer 3)"),
        ("from hrplan.plugins import get_manager\n", "imports hrplan.plugins (layer 4)"),
        ("def f():\n    import hrplan\n", "imports hrplan (layer 2)"),
    ],
)
def test_a_builtin_that_reaches_up_is_reported(source: str, expected: str) -> None:
    (found,) = violations(source, "hrplan.builtins.fake")
    assert found.startswith("hrplan.builtins.fake:")
    assert expected in found


def test_what_a_builtin_may_import() -> None:
    source = (
        "from hrplan.plugins import ImportResult, hookimpl\n"
        "from hrplan.model import Measure\n"
        "from hrplan import jsonio\n"
        "from hrplan.builtins.csv_format import _table\n"
        "from . import _cells\n"
        "if TYPE_CHECKING:\n    import hrplan\n"
    )
    assert violations(source, "hrplan.builtins.fake", is_package=True) == []


def test_an_alias_is_allowed_only_inside_getattr() -> None:
    getattr_alias = "def __getattr__(name):\n    from hrplan.builtins import events_csv\n"
    assert violations(getattr_alias, "hrplan.monitoring", is_package=True) == []
    (found,) = violations("from hrplan.builtins import events_csv\n", "hrplan.monitoring", is_package=True)
    assert "imports hrplan.builtins.events_csv" in found


def test_a_module_in_no_layer_is_reported() -> None:
    assert violations("", "hrplan.newthing") == [
        "hrplan.newthing: in no layer; add it to LAYERS in tests/test_layers.py and docs/architecture.md"
    ]


def test_a_plugin_importing_a_private_module_is_reported() -> None:
    source = (
        "import hrplan\nfrom hrplan.monitoring import snapshot\nfrom hrplan.builtins.csv_format._table import Table\n"
    )
    assert plugin_violations(source, "hrplan_fake") == [
        "hrplan_fake:3: imports hrplan's private hrplan.builtins.csv_format._table.Table"
    ]
    assert plugin_violations("from hrplan.cells import _DANGEROUS\n", "hrplan_fake") == [
        "hrplan_fake:1: imports hrplan's private hrplan.cells._DANGEROUS"
    ]


def test_the_architecture_document_names_the_same_layers() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0].isdigit():
            table[int(cells[0])] = tuple(name.strip().strip("`") for name in cells[1].split(","))
    assert table == dict(enumerate(LAYERS))

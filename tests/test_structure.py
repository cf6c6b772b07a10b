"""The package's layout: imports flow one way, no import cycles, every subpackage shipped.

The import graph is read from the source (``ast``), so a cycle is found even when it
closes only through an import inside a function, which runs when that function is
first called and is invisible to a plain ``import``. Imports under
``if TYPE_CHECKING:`` are left out: they never run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pengampuan"

#: Cycles that close only through an import inside a function (so every module still
#: imports on its own), known and not yet broken. A new cycle, or one of these growing,
#: fails the test; when one is broken, remove it here. None is left.
KNOWN_LAZY_CYCLES: set[frozenset[str]] = set()

#: The ground floor (../DESIGN.md, "Where the layout is heading"): these import nothing
#: from the rest of the package (only each other).
GROUND_FLOOR = {"pengampuan._messages", "pengampuan.config", "pengampuan.errors",
                "pengampuan._textnorm", "pengampuan.palette",
                "pengampuan.geo"}

#: pengampuan.regions, lowest module first: each imports only modules before it.
REGIONS_LAYERS = ("_common", "kecamatan", "download", "simplify", "report", "bundled",
                  "match", "files", "load", "points")
#: pengampuan.export, lowest module first: the writers take the report's tables (to_excel and
#: to_geopackage compute them when not given), to_file picks a writer, the report uses all.
EXPORT_LAYERS = ("_atomic", "glossary", "tables", "geojson", "excel", "gpkg", "formats",
                 "figures", "report")
#: pengampuan.io, lowest module first: each imports only modules before it.
IO_LAYERS = ("contract", "problems", "names", "read", "values", "tables", "checks", "points",
             "report", "load")
#: Subpackages whose modules are layered, lowest first.
LAYERS = {"regions": REGIONS_LAYERS, "export": EXPORT_LAYERS, "io": IO_LAYERS}


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package ``__init__``)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return out


def _imports(tree: ast.AST, package: list[str], lazy: bool = False,
             ) -> list[tuple[str, str | None, bool]]:
    """(module, imported name or None, inside a function) for every import statement."""
    found: list[tuple[str, str | None, bool]] = []
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            for other in child.orelse:
                found += _imports(ast.Module(body=[other], type_ignores=[]), package, lazy)
            continue
        inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        if isinstance(child, ast.ImportFrom):
            if child.level:
                base = package[:len(package) - child.level + 1]
                target = ".".join(base + ([child.module] if child.module else []))
            else:
                target = child.module or ""
            found += [(target, alias.name, inner) for alias in child.names]
        elif isinstance(child, ast.Import):
            found += [(alias.name, None, inner) for alias in child.names]
        found += _imports(child, package, inner)
    return found


def import_graph() -> nx.DiGraph:
    """Module -> module imports within the package; edge attribute ``lazy``.

    ``lazy`` is True when every import of that edge is inside a function. Importing
    ``a.b.c`` from outside ``a.b`` also runs ``a/b/__init__.py``: that is an edge too.
    """
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, (path, is_pkg) in modules.items():
        package = name.split(".") if is_pkg else name.split(".")[:-1]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target, imported, lazy in _imports(tree, package):
            sub = f"{target}.{imported}"
            dst = sub if sub in modules else target
            parts = dst.split(".")
            parents = [".".join(parts[:k]) for k in range(2, len(parts))]
            for t in [dst, *(p for p in parents if not (name + ".").startswith(p + "."))]:
                if t == name or t not in modules:
                    continue
                if graph.has_edge(name, t):
                    graph[name][t]["lazy"] &= lazy
                else:
                    graph.add_edge(name, t, lazy=lazy)
    return graph


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return import_graph()


def _describe(graph: nx.DiGraph, cycle: frozenset[str]) -> str:
    edges = [f"{a} -> {b}{' (lazy)' if graph[a][b]['lazy'] else ''}"
             for a, b in sorted(graph.subgraph(cycle).edges)]
    return f"{sorted(cycle)}: " + "; ".join(edges)


def test_the_graph_sees_imports_of_every_kind(graph: nx.DiGraph) -> None:
    # a top-level relative import, a lazy one, and the package a submodule import runs
    assert graph.has_edge("pengampuan.regions.match", "pengampuan.regions.bundled")
    assert not graph["pengampuan.regions.match"]["pengampuan.regions.bundled"]["lazy"]
    assert graph["pengampuan.io.values"]["pengampuan.datasets"]["lazy"]
    assert graph.has_edge("pengampuan.demand", "pengampuan.regions")
    # a submodule does not depend on its own package's __init__ (that imports it)
    assert not graph.has_edge("pengampuan.regions.match", "pengampuan.regions")


def test_no_import_cycle_beyond_the_known_lazy_ones(graph: nx.DiGraph) -> None:
    cycles = {frozenset(c) for c in nx.strongly_connected_components(graph) if len(c) > 1}
    new = [_describe(graph, c) for c in cycles - KNOWN_LAZY_CYCLES]
    assert not new, "import cycles:\n" + "\n".join(new)
    gone = [sorted(c) for c in KNOWN_LAZY_CYCLES - cycles]
    assert not gone, f"no longer cycles (remove them from KNOWN_LAZY_CYCLES): {gone}"


def test_top_level_imports_have_no_cycle(graph: nx.DiGraph) -> None:
    top = nx.DiGraph([(a, b) for a, b, lazy in graph.edges(data="lazy") if not lazy])
    cycles = [c for c in nx.simple_cycles(top)]
    assert not cycles, f"cycles of module-level imports: {cycles}"


def test_ground_floor_imports_nothing_above_it(graph: nx.DiGraph) -> None:
    bad = [f"{a} -> {b}" for a in sorted(GROUND_FLOOR) for b in graph.successors(a)
           if b not in GROUND_FLOOR]
    assert not bad, bad


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_layered_modules_import_only_lower_ones(graph: nx.DiGraph, package: str) -> None:
    layers = LAYERS[package]
    prefix = f"pengampuan.{package}"
    inside = sorted(m.rsplit(".", 1)[1] for m in graph if m.startswith(prefix + "."))
    assert sorted(layers) == inside, f"place every module of {package}/ in its layers"
    rank = {f"{prefix}.{m}": i for i, m in enumerate(layers)}
    upward = [f"{a} -> {b}" for a, b in graph.edges
              if a in rank and b.startswith(prefix)
              and (b not in rank or rank[b] >= rank[a])]
    assert not upward, f"imports of a higher (or the same) level: {upward}"


def test_reading_checking_and_the_container_flow_one_way(graph: nx.DiGraph) -> None:
    # dataset (the container) reaches nothing of io or validate, even lazily (type hints
    # aside); io never imports validate, the public entry over io.checks
    io = {m for m in graph if m == "pengampuan.io" or m.startswith("pengampuan.io.")}
    reached = nx.descendants(graph, "pengampuan.dataset") & (io | {"pengampuan.validate"})
    assert not reached, reached
    assert not [m for m in io if graph.has_edge(m, "pengampuan.validate")]
    assert graph.has_edge("pengampuan.validate", "pengampuan.io.load")


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    # in a shuffled order (fixed seeds): each order starts from another module
    code = (
        "import importlib, random, sys\n"
        "names = sys.argv[2:]\n"
        "random.Random(int(sys.argv[1])).shuffle(names)\n"
        "for n in names:\n"
        "    importlib.import_module(n)\n"
        "print(names[0])\n"
    )
    names = sorted(n for n in _modules() if n != "pengampuan.__main__")  # that runs the CLI
    for seed in (18, 2025):
        done = subprocess.run([sys.executable, "-c", code, str(seed), *names], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]


def test_every_subpackage_is_in_the_wheel() -> None:
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    missing = sorted(packages - set(cfg["packages"]))
    assert not missing, f"packages not listed in pyproject.toml: {missing}"


# the public names of the former single-module pengampuan.regions, kept importable
REGIONS_PUBLIC = (
    "BUNDLED_FILES", "CODE_SCHEMES", "FUZZY_ACCEPT_SCORE", "FUZZY_LIST_SCORE",
    "GEOBOUNDARIES_API", "KM_PER_DEGREE", "LEVELS", "NEAREST_FALLBACK_KM", "ON_UNMATCHED",
    "OVERLAP_LIST_KM2", "PAPUA_SUCCESSORS", "PROVINCE_ALIASES", "REGION_ALIASES",
    "SLIVER_KM2", "SLIVER_THINNESS", "SLIVER_THIN_KM2", "CodeScheme", "Level", "MatchMethod",
    "MatchReport", "OnUnmatched", "assign_regions", "download_boundaries", "load_regions",
    "match_regions", "read_boundary_file", "region_list", "simplify_coverage",
)
KECAMATAN_PUBLIC = ("KECAMATAN_CSV", "KECAMATAN_POLYGONS", "bundled_kecamatan",
                    "kecamatan_key", "kecamatan_table", "match_kecamatan",
                    "normalise_kecamatan_code")


def test_regions_keeps_its_public_names() -> None:
    import importlib

    import pengampuan.regions as regions

    assert sorted(regions.__all__) == sorted(REGIONS_PUBLIC)
    for name in REGIONS_PUBLIC:
        obj = getattr(regions, name)
        home = getattr(obj, "__module__", "")
        if callable(obj) and home.startswith("pengampuan.regions."):
            assert getattr(importlib.import_module(home), name) is obj


# the public names of the former single-module pengampuan.io and of pengampuan.validate
IO_PUBLIC = (
    "CODE_SCHEMES", "FILES", "HEADER_SEARCH_ROWS", "JENIS_LINK", "KELAS",
    "MAX_CYCLES_PER_LAYANAN", "MAX_RECORD_CHARS", "MAX_RECORD_LINES", "OPTIONAL",
    "OPTIONAL_FILES", "PROBLEM_COLUMNS", "REQUIRED", "ROW", "SEVERITIES", "STATUS_VALUES",
    "TINGKAT_VALUES", "CodeScheme", "NearMiss", "bps_crosswalk", "load_dataset", "near_misses",
    "other_data_files", "read_fasilitas", "read_jejaring", "read_layanan", "read_rumah_sakit",
    "read_wilayah",
)


def test_io_and_validate_keep_their_public_names() -> None:
    import importlib

    import pengampuan as pg
    import pengampuan.io as io
    from pengampuan.validate import ValidationReport, validate

    assert sorted(io.__all__) == sorted(IO_PUBLIC)
    for name in IO_PUBLIC:
        obj = getattr(io, name)
        home = getattr(obj, "__module__", "")
        if callable(obj) and home.startswith("pengampuan.io."):
            assert getattr(importlib.import_module(home), name) is obj
    assert pg.validate is validate and pg.ValidationReport is ValidationReport
    assert pg.load_dataset is io.load_dataset
    assert isinstance(validate(), ValidationReport)


def test_kecamatan_module_keeps_its_public_names() -> None:
    import pengampuan.kecamatan as kecamatan
    from pengampuan.regions import kecamatan as data
    from pengampuan.regions import match

    assert sorted(kecamatan.__all__) == sorted(KECAMATAN_PUBLIC)
    for name in KECAMATAN_PUBLIC:
        assert getattr(kecamatan, name) is getattr(data if hasattr(data, name) else match, name)

"""Write docs/glossary.md from pengampuan/export/glossary.py (the column names of every export).

    .venv/bin/python scripts/make_glossary.py          # rewrite docs/glossary.md
    .venv/bin/python scripts/make_glossary.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "glossary.md"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from pengampuan.export.glossary import (
        COLUMNS,
        DECIMALS,
        PER_LAYANAN,
        TABLE_COLUMNS,
        short_names,
    )

    shorts = short_names(list(COLUMNS))
    lines = [
        "# Column glossary (glosarium kolom)",
        "",
        "Generated from `pengampuan/export/glossary.py` by `scripts/make_glossary.py`; "
        "do not edit.",
        "",
        "Every file `pengampuan` writes (GeoJSON, GeoPackage, Shapefile, CSV, Excel) uses the",
        "column names of the Python API: one scheme, code identifiers in English with the unit in",
        "the name (`distance_km`, `travel_min`, `share_kabkota`) and the domain words in Bahasa",
        "Indonesia (`kode_rs`, `penduduk`, `pengampu`, `layanan`, `strata`), so a column has the",
        "same name in a notebook, in QGIS and in a spreadsheet. The labels below are the headers",
        "of the Excel sheets and the field aliases in QGIS (`--lang`/`settings.language`).",
        "",
        "**Conventions.** A missing value is a null (empty cell in CSV and Excel, `null` in",
        "GeoJSON), never an empty string; `inf` (no capable hospital) is written as null and",
        "`n_capable = 0` says why. Codes are text. Numbers are rounded: "
        + ", ".join(f"{k} to {v} decimals" for k, v in DECIMALS.items())
        + " (km: 10 m; min: 6 s; share: 0.01 percentage point; coord: about 0.1 m);"
        " coordinates of geometries to 6 decimals. Counts and `penduduk` are integers.",
        "",
        "Per layanan (wilayah tables): `<layanan>_<column>` for "
        + ", ".join(f"`{c}`" for c in PER_LAYANAN)
        + "; hospitals: `strata_<layanan>` (current), `strata_target_<layanan>` and"
        " `bukti_<layanan>` (evidence grade). Reported services (RS Online) in wilayah tables:"
        " `<fasilitas>_<column>` (e.g. `hemodialisis_travel_min`)."
        " Shapefile short names: `<abbr>_<short>` with `knk` kanker, `jtg` jantung, `stk` stroke,"
        " `uro` uronefrologi (e.g. `stk_mnt` = `stroke_travel_min`); the `<name>_kolom.csv`"
        " written beside a Shapefile lists them all.",
        "",
        "| column | kind | label (id) | label (en) | Shapefile field |",
        "|---|---|---|---|---|",
    ]
    for name, info in COLUMNS.items():
        lines.append(f"| `{name}` | {info.kind} | {info.label_id} | {info.label_en} | "
                     f"`{shorts[name]}` |")
    lines += ["", "Labels that depend on the table (the same column means something else there):",
              "", "| table | column | label (id) | label (en) |", "|---|---|---|---|"]
    for table, cols in TABLE_COLUMNS.items():
        for name, info in cols.items():
            lines.append(f"| `{table}` | `{name}` | {info.label_id} | {info.label_en} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run scripts/make_glossary.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

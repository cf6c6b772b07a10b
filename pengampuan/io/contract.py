"""The data contract of a data folder: file names, required and optional columns per table.

Also the columns of a problems table and the private row-number column the
readers keep while the tables are checked. Imports nothing from the rest of
the package.
"""

from __future__ import annotations

from typing import Literal

CodeScheme = Literal["kemendagri", "bps"]
#: Region-code schemes accepted for ``kode_wilayah``.
CODE_SCHEMES: tuple[str, ...] = ("kemendagri", "bps")

#: Table name -> file name in a data folder.
FILES: dict[str, str] = {
    "rumah_sakit": "rumah_sakit.csv",
    "layanan": "layanan.csv",
    "jejaring": "jejaring.csv",
    "wilayah": "wilayah.csv",
}
#: Optional tables of a data folder (absent = empty table).
OPTIONAL_FILES: dict[str, str] = {"fasilitas": "fasilitas.csv"}
#: Required columns per table (DESIGN.md, data contract).
REQUIRED: dict[str, tuple[str, ...]] = {
    "rumah_sakit": ("kode_rs", "nama", "lat", "lon", "kode_wilayah"),
    "layanan": ("kode_rs", "layanan", "strata"),
    "jejaring": ("pengampu", "diampu", "layanan"),
    "wilayah": ("kode", "nama", "tingkat"),
    "fasilitas": ("kode_rs", "fasilitas"),
}
#: Optional columns of the data contract (others are kept as extra columns).
OPTIONAL: dict[str, tuple[str, ...]] = {
    "rumah_sakit": ("kelas", "kepemilikan", "tempat_tidur", "alias", "lokasi_presisi",
                    "pengampu_nasional", "sumber", "contoh", "kode_wilayah_sk", "kode_rsonline",
                    "jenis_rs"),
    "layanan": ("status", "tahun", "sumber", "contoh", "bukti"),
    "jejaring": ("mulai", "sumber", "jenis", "contoh", "bukti"),
    "wilayah": ("kode_induk", "penduduk", "tahun_penduduk", "sumber", "pasien_hd"),
    "fasilitas": ("tahun", "sumber", "bukti", "contoh"),
}
#: Values of the optional ``rumah_sakit`` column ``jenis_rs`` (hospital type: general or
#: the field of a specialist hospital; equal to :data:`pengampuan.coverage.JENIS_RS`).
JENIS_RS: tuple[str, ...] = (
    "umum", "kanker", "jantung", "otak", "ginjal", "ibu_anak", "paru", "infeksi", "jiwa", "mata",
    "gigi_mulut", "ortopedi", "tht", "kusta", "kulit", "bedah", "khusus",
)
#: RS Online ``JenisRS`` values (upper case, every run of other characters one space) and
#: the ``jenis_rs`` value each is read as (RSKO: RS Ketergantungan Obat, a mental-health
#: hospital; RSK GM: gigi dan mulut; RSK THT-KL: telinga hidung tenggorok).
JENIS_RS_RSONLINE: dict[str, str] = {
    "RSU": "umum", "RSIA": "ibu_anak", "RSK JIWA": "jiwa", "RSKO": "jiwa", "RSK MATA": "mata",
    "RSK BEDAH": "bedah", "RSK GM": "gigi_mulut", "RSK PARU": "paru", "RSK THT KL": "tht",
    "RSK JANTUNG": "jantung", "RSK KANKER": "kanker", "RSK KUSTA": "kusta",
    "RSK ORTHOPEDI": "ortopedi", "RSK GINJAL": "ginjal", "RSK STROKE": "otak",
    "RSK OTAK": "otak", "RSK INFEKSI": "infeksi",
}
#: Columns of a problems table.
PROBLEM_COLUMNS: tuple[str, ...] = ("file", "row", "column", "value", "problem", "severity")
SEVERITIES: tuple[str, ...] = ("error", "warning", "note")


#: Private column with the spreadsheet row number while tables are checked.
ROW = "__row"

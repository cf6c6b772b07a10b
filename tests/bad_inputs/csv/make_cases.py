"""Write the CSV part of the bad-input corpus: one folder per case.

Each case is a complete small dataset (the four files of the data contract)
with ONE defect or spreadsheet quirk, and ``expected.txt`` holding a fragment
of the line ``pengampuan validate`` must print for it, starting with its
severity (``[error]``, ``[warning]`` or ``[note]``): cases whose fragment is an
error must fail (exit 1), the others must pass (exit 0). An optional
``options.txt`` holds extra command-line options (``--code-scheme bps``).

The base dataset uses real Kemendagri codes and region names with synthetic
hospitals (``sumber`` = "contoh uji (sintetis)"). Run from the repository root:

    python tests/bad_inputs/csv/make_cases.py
"""

# ruff: noqa: E501  (a table of cases and the exact messages they give)
from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = "contoh uji (sintetis)"
SRC_WIL = "Kepmendagri No 300.2.2-2138 Tahun 2025 (via cahyadsn/wilayah)"

BASE: dict[str, str] = {
    "rumah_sakit.csv": f"""\
kode_rs,nama,lat,lon,kode_wilayah,kelas,kepemilikan,tempat_tidur,alias,lokasi_presisi,pengampu_nasional,sumber
RS0001,RS Uji Pusat Jakarta,-6.1969,106.8464,31.71,A,Kemenkes,900,RSUP,sumber,jantung;kanker,{SRC}
RS0002,RSUD Uji Kota Bengkulu,-3.8206,102.3003,17.71,B,Pemprov,350,,sumber,,{SRC}
RS0003,RSUD Uji Curup,-3.4700,102.5200,17.02,C,Pemkab,150,,kabkota,,{SRC}
RS0004,RSUD Uji Merauke,-8.4900,140.4000,93.01,C,Pemkab,200,,kemenkes2019,,{SRC}
RS0005,RSUD Uji Dumai,1.6700,101.4500,14.72,C,Pemkot,180,,kabkota,,{SRC}
""",
    "layanan.csv": f"""\
kode_rs,layanan,strata,status,tahun,sumber
RS0001,jantung,paripurna,ada,2024,{SRC}
RS0001,kanker,paripurna,ada,2024,{SRC}
RS0002,jantung,utama,ada,2024,{SRC}
RS0002,kanker,utama,ada,2024,{SRC}
RS0003,jantung,madya,ada,2024,{SRC}
RS0004,kanker,madya,target,2026,{SRC}
RS0005,jantung,madya,ada,2024,{SRC}
""",
    "jejaring.csv": f"""\
pengampu,diampu,layanan,mulai,sumber
RS0001,RS0002,jantung,2023-03-08,{SRC}
RS0002,RS0003,jantung,2024-01-15,{SRC}
RS0001,RS0002,kanker,2023-03-08,{SRC}
RS0001,RS0004,kanker,2024-04-04,{SRC}
RS0001,RS0005,jantung,2024-04-04,{SRC}
""",
    "wilayah.csv": f"""\
kode,nama,tingkat,kode_induk,penduduk,tahun_penduduk,sumber
14,Riau,provinsi,,,,{SRC_WIL}
14.72,Kota Dumai,kabkota,14,355256,2025,{SRC_WIL}
17,Bengkulu,provinsi,,,,{SRC_WIL}
17.02,Kabupaten Rejang Lebong,kabkota,17,288582,2025,{SRC_WIL}
17.71,Kota Bengkulu,kabkota,17,400533,2025,{SRC_WIL}
31,Daerah Khusus Ibukota Jakarta,provinsi,,,,{SRC_WIL}
31.71,Kota Administrasi Jakarta Pusat,kabkota,31,1057270,2025,{SRC_WIL}
93,Papua Selatan,provinsi,,,,{SRC_WIL}
93.01,Kabupaten Merauke,kabkota,93,255168,2025,{SRC_WIL}
""",
}

Files = dict[str, str | bytes | None]  # None = file absent
Edit = Callable[[Files], None]


def _edit_text(name: str, change: Callable[[str], str | bytes]) -> Edit:
    """An edit that rewrites the text of file ``name`` (still text) with ``change``."""
    def edit(files: Files) -> None:
        text = files[name]
        assert isinstance(text, str), name
        files[name] = change(text)
    return edit


def _sub(name: str, old: str, new: str, count: int = 1) -> Edit:
    def change(text: str) -> str:
        assert old in text, (name, old)
        return text.replace(old, new, count)
    return _edit_text(name, change)


def _semicolons(name: str, *, decimal_comma: bool = False) -> Edit:
    """';'-separated, optionally with decimal commas in lat and lon (columns 3 and 4)."""
    def change(text: str) -> str:
        lines = []
        for i, line in enumerate(text.splitlines()):
            cells = line.split(",")
            if decimal_comma and i > 0:
                cells[2:4] = [c.replace(".", ",") for c in cells[2:4]]
            lines.append(";".join(f'"{c}"' if ";" in c else c for c in cells))
        return "\n".join(lines) + "\n"
    return _edit_text(name, change)


def _encode(name: str, encoding: str, *, bom: bytes = b"") -> Edit:
    return _edit_text(name, lambda text: bom + text.encode(encoding))


def _set(name: str, content: str | bytes | None) -> Edit:
    def edit(files: Files) -> None:
        files[name] = content
    return edit


def _append(name: str, line: str) -> Edit:
    return _edit_text(name, lambda text: text + line + "\n")


def _tab_utf16(name: str) -> Edit:
    return _edit_text(name, lambda text: text.replace(",", "\t").replace("\n", "\r\n")
                      .encode("utf-16"))


def _xlsx_bytes() -> bytes:
    """A minimal Excel workbook (.xlsx: a zip with [Content_Types].xml and xl/workbook.xml)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                     "xl/worksheets/sheet1.xml"):
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), "<x/>")
    return buf.getvalue()


#: The first bytes of an Excel 97-2003 workbook (an OLE2 compound file) and some padding.
XLS_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
#: A PNG image's signature and header chunk.
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
#: Bytes of no known format (NUL and control bytes throughout).
GARBAGE_BYTES = bytes((i * 37 + 11) % 256 for i in range(2048))


def _rename(name: str, new: str, content: str | bytes | None = None) -> Edit:
    """Save ``name`` as ``new`` (optionally with other content); ``name`` is then absent."""
    def edit(files: Files) -> None:
        files[new] = files[name] if content is None else content
        files[name] = None
    return edit


def _then(*edits: Edit) -> Edit:
    def edit(files: Files) -> None:
        for e in edits:
            e(files)
    return edit


RS, LAY, JEJ, WIL = "rumah_sakit.csv", "layanan.csv", "jejaring.csv", "wilayah.csv"
RS_HEADER = BASE[RS].splitlines()[0]

#: case -> (edit, expected fragment, extra options)
CASES: dict[str, tuple[Edit, str, str]] = {
    # --- accepted with a note ---------------------------------------------------------------
    "semicolon_separator": (_semicolons(RS), "[note] rumah_sakit.csv: semicolon ';' separator "
                            "detected", ""),
    "decimal_comma": (_semicolons(RS, decimal_comma=True), "[note] rumah_sakit.csv, column 'lat': "
                      "decimal comma in 5 value(s) read as a decimal point (e.g. '-6,1969' in row 2)",
                      ""),
    "utf8_bom": (_encode(RS, "utf-8", bom=b"\xef\xbb\xbf"), "[note] rumah_sakit.csv: UTF-8 "
                 "byte-order mark (BOM) detected", ""),
    "latin1_encoding": (_then(_sub(RS, "RSUD Uji Curup", "RSUD Uji Curup Selatan Séléna"),
                              _encode(RS, "cp1252")),
                        "[note] rumah_sakit.csv: is not valid UTF-8 (byte 0xe9", ""),
    "utf16_tab_separated": (_tab_utf16(LAY), "[note] layanan.csv: UTF-16 text (Excel 'Unicode "
                            "text') detected", ""),
    "mulai_ddmmyyyy": (_sub(JEJ, "2024-01-15", "15/01/2024"), "[note] jejaring.csv, column "
                       "'mulai': 1 date(s) written dd/mm/yyyy read day-first (e.g. '15/01/2024' in "
                       "row 3 = 2024-01-15)", ""),
    "mulai_d_m_yyyy": (_sub(JEJ, "2023-03-08", "8-3-2023"), "[note] jejaring.csv, column 'mulai': "
                       "1 date(s) written dd/mm/yyyy read day-first (e.g. '8-3-2023' in row 2 = "
                       "2023-03-08)", ""),
    "mulai_excel_serial": (_sub(JEJ, "2024-04-04", "45386"), "[note] jejaring.csv, column "
                           "'mulai': 1 Excel date number(s) (days since 1899-12-30) read as dates "
                           "(first in row 5)", ""),
    "trailing_spaces": (_sub(RS, "RS0003,RSUD Uji Curup,", "RS0003  ,RSUD Uji Curup ,"),
                        "[note] rumah_sakit.csv, column 'kode_rs': spaces at the start or end of 1 "
                        "cell(s) removed (first in row 4)", ""),
    "layanan_alias": (_sub(LAY, "RS0005,jantung", "RS0005,Kardiovaskular"),
                      "[note] layanan.csv, column 'layanan': value 'Kardiovaskular' read as "
                      "'jantung'", ""),
    "strata_alias_and_case": (_sub(LAY, "RS0003,jantung,madya", "RS0003,jantung,Madia"),
                              "[note] layanan.csv, column 'strata': value 'Madia' read as 'madya'",
                              ""),
    "status_upper_case": (_sub(LAY, "RS0004,kanker,madya,target", "RS0004,kanker,madya,TARGET"),
                          "[note] layanan.csv, column 'status': value 'TARGET' read as 'target'",
                          ""),
    "column_names_upper_case": (_sub(RS, "kode_rs,nama,lat,lon", "KODE_RS,Nama,LAT,Lon"),
                                "[note] rumah_sakit.csv, row 1: column(s) read by their contract "
                                "name: 'KODE_RS' -> 'kode_rs', 'Nama' -> 'nama', 'LAT' -> 'lat', "
                                "'Lon' -> 'lon'", ""),
    "latitude_longitude_names": (_sub(RS, "kode_rs,nama,lat,lon", "kode_rs,nama,latitude,longitude"),
                                 "[note] rumah_sakit.csv, row 1: column(s) read by their contract "
                                 "name: 'latitude' -> 'lat', 'longitude' -> 'lon'", ""),
    # headers and class values as an analyst's spreadsheet (or an RS Online export) has them
    "column_names_of_a_spreadsheet": (
        _then(_sub(RS, "kode_rs,nama,lat,lon,kode_wilayah,kelas,kepemilikan,tempat_tidur",
                   "Kode RS,Nama Rumah Sakit,Lintang,Bujur,Kode Kab/Kota,Kelas RS,Pemilik,Jumlah TT"),
              _sub(RS, ",B,Pemprov,", ",Tipe B,Pemprov,"), _sub(RS, ",C,Pemkab,150", ",Kelas C,Pemkab,150"),
              _sub(LAY, "kode_rs,layanan,strata", "Kode Rumah Sakit,Jenis Layanan,Strata"),
              _sub(JEJ, "pengampu,diampu", "RS Pengampu,RS Diampu")),
        "[note] rumah_sakit.csv, row 1: column(s) read by their contract name: 'Kode RS' -> "
        "'kode_rs', 'Nama Rumah Sakit' -> 'nama', 'Lintang' -> 'lat', 'Bujur' -> 'lon', 'Kode "
        "Kab/Kota' -> 'kode_wilayah', 'Kelas RS' -> 'kelas', 'Pemilik' -> 'kepemilikan', 'Jumlah "
        "TT' -> 'tempat_tidur'", ""),
    "kelas_in_jenis_rs_column": (
        _then(_sub(RS, "kode_wilayah,kelas,", "kode_wilayah,Jenis RS,"),
              _sub(RS, ",B,Pemprov,", ",Tipe B,Pemprov,")),
        "[note] rumah_sakit.csv, row 1, column 'jenis_rs': no column 'kelas', and column 'jenis_rs' "
        "holds nothing but hospital classes: read as 'kelas'", ""),
    "kelas_unknown": (_sub(RS, ",B,Pemprov,", ",Tipe E,Pemprov,"),
                      "[warning] rumah_sakit.csv, row 3, column 'kelas': value 'Tipe E' is not known; "
                      "expected a hospital class, one of ['A', 'B', 'C', 'D'] (also read: 'Tipe B', "
                      "'Kelas B')", ""),
    "kode_wilayah_without_dot": (_sub(RS, "-3.4700,102.5200,17.02", "-3.4700,102.5200,1702"),
                                 "[note] rumah_sakit.csv, column 'kode_wilayah': 1 code(s) not "
                                 "written 'PP.KK' read as Kemendagri codes (e.g. '1702' -> '17.02' "
                                 "in row 4)", ""),
    "kode_wilayah_with_space": (_sub(RS, "-3.4700,102.5200,17.02", "-3.4700,102.5200,17 02"),
                                "[note] rumah_sakit.csv, column 'kode_wilayah': 1 code(s) not "
                                "written 'PP.KK' read as Kemendagri codes (e.g. '17 02' -> '17.02'",
                                ""),
    "extra_columns": (_then(_sub(RS, RS_HEADER, RS_HEADER + ",catatan"),
                            _sub(RS, f"Kemenkes,900,RSUP,sumber,jantung;kanker,{SRC}",
                                 f"Kemenkes,900,RSUP,sumber,jantung;kanker,{SRC},rujukan nasional")),
                      "[note] rumah_sakit.csv, row 1: extra column(s) kept as they are: "
                      "['catatan']", ""),
    "trailing_empty_rows": (_append(RS, ",,,,,,,,,,,\n,,,,,,,,,,,"),
                            "[note] rumah_sakit.csv: 2 empty row(s) ignored", ""),
    "jejaring_header_only": (_set(JEJ, "pengampu,diampu,layanan,mulai,sumber\n"),
                             "[note] jejaring.csv, row 1: has a header but no data rows", ""),
    "jejaring_file_absent": (_set(JEJ, None), "[note] jejaring.csv: no jejaring.csv in", ""),
    "bps_codes_with_scheme": (_then(*(_sub(RS, f",{k},", f",{b},") for k, b in [
        ("31.71", "3173"), ("17.71", "1771"), ("17.02", "1702"), ("93.01", "9401"),
        ("14.72", "1473")])),
        "[note] rumah_sakit.csv, column 'kode_wilayah': 3 BPS code(s) converted to Kemendagri "
        "(e.g. '3173' -> '31.71' in row 2)", "--code-scheme bps"),
    "duplicate_link_skipped": (_append(JEJ, f"RS0001,RS0005,jantung,2024-04-04,{SRC}"),
                               "[warning] jejaring.csv, row 7, column 'pengampu': value 'RS0001' "
                               "link RS0001 -> RS0005 (jantung) appears in rows 6 and 7; row(s) 7 "
                               "skipped", ""),
    "strata_inversion": (_sub(JEJ, "RS0002,RS0003,jantung", "RS0003,RS0002,jantung"),
                         "[warning] jejaring.csv, row 3, column 'pengampu': value 'RS0003' "
                         "pengampu 'RS0003' has strata 'madya' (current) for 'jantung', below "
                         "diampu 'RS0002' ('utama', current)", ""),
    "strata_equal": (_sub(LAY, "RS0003,jantung,madya", "RS0003,jantung,utama"),
                     "[warning] jejaring.csv, row 3, column 'pengampu': value 'RS0002' pengampu "
                     "'RS0002' has strata 'utama' (current) for 'jantung', the same as diampu "
                     "'RS0003' ('utama', current)", ""),
    "wilayah_file_absent": (_set(WIL, None), "[note] wilayah.csv: no wilayah.csv in", ""),
    "pengampu_without_layanan": (_sub(JEJ, "RS0001,RS0005,jantung", "RS0005,RS0004,kanker"),
                                 "[warning] jejaring.csv, row 6, column 'pengampu': value 'RS0005' "
                                 "pengampu 'RS0005' has no strata for layanan 'kanker'", ""),
    "line_break_in_value": (_sub(RS, "RS0003,RSUD Uji Curup,", 'RS0003,"RSUD Uji\nCurup",'),
                            "[warning] rumah_sakit.csv, row 4: a quoted value spans lines 4-5 of "
                            "the file (a line break inside the value)", ""),
    "zero_width_in_code": (_sub(RS, "RS0003,RSUD Uji Curup", "RS0003\u200b,RSUD Uji Curup"),
                           "[warning] rumah_sakit.csv, column 'kode_rs': 1 cell(s) hold invisible "
                           "character(s) U+200B (ZERO WIDTH SPACE) (first in row 4: "
                           "'RS0003<U+200B>')", ""),
    "nbsp_in_code": (_sub(RS, "-3.4700,102.5200,17.02", "-3.4700,102.5200,17\u00a002"),
                     "[note] rumah_sakit.csv, column 'kode_wilayah': 1 cell(s) hold non-breaking "
                     "space(s) U+00A0 (NO-BREAK SPACE) (first in row 4: '17<U+00A0>02')", ""),
    "utf16_without_bom": (_encode(LAY, "utf-16-le"), "[note] layanan.csv: UTF-16 text without a "
                          "byte-order mark detected (UTF-16 LE)", ""),
    "thousands_separator_beds": (_sub(RS, ",900,", ',"1.200",'),
                                 "[note] rumah_sakit.csv, column 'tempat_tidur': thousands "
                                 "separators in 1 value(s) removed (e.g. '1.200' in row 2)", ""),
    "jejaring_named_csv_csv": (_rename(JEJ, "jejaring.csv.csv"),
                               "[warning] jejaring.csv: found 'jejaring.csv.csv' instead of "
                               "'jejaring.csv' (the name ends in '.csv.csv'", ""),
    "wilayah_capitalised": (_rename(WIL, "Wilayah.csv"),
                            "[warning] wilayah.csv: found 'Wilayah.csv' instead of 'wilayah.csv' "
                            "(the name differs in upper/lower case", ""),
    "layanan_as_txt": (_rename(LAY, "layanan.txt"),
                       "[warning] layanan.csv: found 'layanan.txt' instead of 'layanan.csv' (a "
                       "text file with the extension '.txt'", ""),
    # the point of RSUD Uji Kota Bengkulu (17.71) moved east into Kab. Seluma (17.05)
    "point_near_kabkota_border": (_sub(RS, "-3.8206,102.3003", "-3.8738,102.3709"),
                                  "[note] rumah_sakit.csv, row 3, column 'lat': value '-3.8738, "
                                  "102.3709' the point lies in 17.05 Kabupaten Seluma, 1.0 km "
                                  "outside 17.71 Kota Bengkulu (its kode_wilayah): within 2 km, read "
                                  "as the generalisation of the boundaries", ""),
    "coordinates_of_neighbouring_kabkota": (_sub(RS, "-3.8206,102.3003", "-3.8738,102.4009"),
                                            "[warning] rumah_sakit.csv, row 3, column 'lat': value "
                                            "'-3.8738, 102.4009' the point lies in 17.05 Kabupaten "
                                            "Seluma, 3.8 km outside 17.71 Kota Bengkulu (its "
                                            "kode_wilayah); expected inside it or at most 2 km "
                                            "outside (up to 10 km a warning, beyond an error)", ""),
    "point_at_sea_near_coast": (_sub(RS, "-3.8206,102.3003", "-3.8206,102.1903"),
                                "[warning] rumah_sakit.csv, row 3, column 'lat': value '-3.8206, "
                                "102.1903' the point lies outside every kab/kota (at sea?)", ""),
    "same_hospital_two_codes": (_append(RS, f"RS0006,Rumah Sakit Umum Daerah Uji Kota Bengkulu,"
                                            f"-3.8207,102.3004,17.71,B,Pemprov,350,,sumber,,{SRC}"),
                                "[warning] rumah_sakit.csv, row 7, column 'kode_rs': value 'RS0006' "
                                "rows 3 and 7 have the same name ('RSUD Uji Kota Bengkulu') and "
                                "points 0.02 km apart under two codes (RS0002 and RS0006)", ""),
    # --- errors -------------------------------------------------------------------------------
    "latitude_wrong_hemisphere": (_sub(RS, "-6.1969,106.8464", "6.1969,106.8464"),
                                  "[error] rumah_sakit.csv, row 2, column 'lat': value '6.1969, "
                                  "106.8464' the point lies outside every kab/kota (at sea?), "
                                  "1371.5 km from 31.71 Kota Administrasi Jakarta Pusat (its "
                                  "kode_wilayah); expected inside it or at most 5 km off its coast (up to "
                                  "25 km a warning, beyond an error); with latitude -6.1969 it would "
                                  "lie in 31.71", ""),
    "coordinates_of_nonneighbouring_kabkota": (_sub(RS, "RS0003,RSUD Uji Curup,-3.4700,102.5200",
                                                    "RS0003,RSUD Uji Curup,-3.7900,102.2700"),
                                               "[error] rumah_sakit.csv, row 4, column 'lat': value "
                                               "'-3.79, 102.27' the point lies in 17.71 Kota "
                                               "Bengkulu, 34.", ""),
    "coordinates_of_another_province": (_sub(RS, "1.6700,101.4500", "-3.8000,102.2800"),
                                        "[error] rumah_sakit.csv, row 6, column 'lat': value "
                                        "'-3.8, 102.28' the point lies in 17.71 Kota Bengkulu", ""),
    "point_at_sea": (_sub(RS, "-3.8206,102.3003", "-3.8206,101.8003"),
                     "[error] rumah_sakit.csv, row 3, column 'lat': value '-3.8206, 101.8003' the "
                     "point lies outside every kab/kota (at sea?)", ""),
    "rumah_sakit_as_xlsx": (_rename(RS, "Rumah_Sakit.xlsx", _xlsx_bytes()),
                            "[error] rumah_sakit.csv: found 'Rumah_Sakit.xlsx' instead of "
                            "'rumah_sakit.csv' (a spreadsheet (.xlsx), not a CSV file)", ""),
    "jejaring_as_xlsx": (_rename(JEJ, "jejaring.xlsx", _xlsx_bytes()),
                         "[error] jejaring.csv: found 'jejaring.xlsx' instead of 'jejaring.csv'",
                         ""),
    "jejaring_two_candidates": (_then(_rename(JEJ, "Jejaring.csv"),
                                      lambda f: f.__setitem__("jejaring.txt", f["Jejaring.csv"])),
                                "[error] jejaring.csv: found several files that could be "
                                "'jejaring.csv': ['Jejaring.csv', 'jejaring.txt']", ""),
    "quote_unclosed": (_sub(RS, "RS0002,RSUD Uji Kota Bengkulu,", 'RS0002,"RSUD Uji Kota Bengkulu,'),
                       "[error] rumah_sakit.csv, row 3, column 'nama': value 'RSUD Uji Kota "
                       "Bengkulu,-3.8206,102.3003,17.71,B,Pemprov,350,,sumber,,contoh uji ' "
                       "a quote (\") opens the value of column 'nama' and is not closed on this "
                       "line (line 3 of the file), so a CSV reader takes every line up to the end "
                       "of the file (3 line(s)) into that one value", ""),
    "quote_unclosed_closed_later": (
        _then(_sub(RS, "RS0002,RSUD Uji Kota Bengkulu,", 'RS0002,"RSUD Uji Kota Bengkulu,'),
              _sub(RS, "RS0004,RSUD Uji Merauke,", 'RS0004,RSUD Uji Merauke",')),
        "[error] rumah_sakit.csv, row 3, column 'nama'", ""),
    "quote_unclosed_in_layanan": (_sub(LAY, "RS0002,kanker,utama", 'RS0002,"kanker,utama'),
                                  "[error] layanan.csv, row 5, column 'layanan': value "
                                  "'kanker,utama,ada,2024,contoh uji (sintetis)' a quote (\") "
                                  "opens the value", ""),
    "only_semicolons": (_set(LAY, ";;;;;\n;;;;;\n"), "[error] layanan.csv: holds only separators "
                        "(';') and no values", ""),
    "only_separators": (_set(RS, ",,,,,\n,,,,,\n,,\n"), "[error] rumah_sakit.csv: holds only "
                        "separators (',') and no values", ""),
    "only_quotes": (_set(RS, '""""\n"""\n"\n'), "[error] rumah_sakit.csv: holds only quote "
                    "characters and separators, no values", ""),
    "excel_workbook_as_csv": (_set(RS, _xlsx_bytes()), "[error] rumah_sakit.csv: is an Excel "
                              "workbook (.xlsx) with a .csv name, not CSV text", ""),
    "excel_97_workbook_as_csv": (_set(LAY, XLS_BYTES), "[error] layanan.csv: is an old Excel "
                                 "workbook (.xls, OLE2 format) with a .csv name", ""),
    "image_as_csv": (_set(JEJ, PNG_BYTES), "[error] jejaring.csv: is a PNG image file, not CSV "
                     "text", ""),
    "binary_garbage": (_set(WIL, GARBAGE_BYTES), "[error] wilayah.csv: is a binary file", ""),
    "title_rows_above_header": (_sub(RS, RS_HEADER, "Daftar Rumah Sakit Uji,,,\nPer 31 Desember "
                                     "2024,,,\n,,,\n" + RS_HEADER),
                                "[error] rumah_sakit.csv, row 1: the header seems to be on row 4",
                                ""),
    "thousands_separator_year": (_sub(LAY, "target,2026", "target,2.026"),
                                 "[error] layanan.csv, row 7, column 'tahun': value '2.026' is not "
                                 "a whole number; it looks like 2026 written with a thousands "
                                 "separator '.'", ""),
    "pipe_separator": (_sub(RS, ",", "|", count=-1),
                       "the separator looks like '|'", ""),
    "decimal_comma_in_comma_file": (_sub(RS, "-3.8206,102.3003", "-3,8206,102,3003"),
                                    "[error] rumah_sakit.csv, row 3: value 'RS0002,RSUD Uji Kota "
                                    "Bengkulu,-3,8206,102,3003,17.71,B,Pemprov,350,,sumber,,contoh "
                                    "uji (sintetis)' has 14 fields but the header has 12 (a decimal "
                                    "comma in a comma-separated file?", ""),
    "lat_lon_swapped": (_sub(RS, "-3.8206,102.3003", "102.3003,-3.8206"),
                        "[error] rumah_sakit.csv, row 3, column 'lat': value '102.3003' is outside "
                        "-11.5..6.5; expected latitude in decimal degrees (are lat and lon "
                        "swapped?)", ""),
    "coordinates_zero": (_sub(RS, "-3.4700,102.5200", "0,0"),
                         "[error] rumah_sakit.csv, row 4, column 'lat': value '0' lat and lon are "
                         "both 0", ""),
    "outside_indonesia": (_sub(RS, "1.6700,101.4500", "1.6700,10.1450"),
                          "[error] rumah_sakit.csv, row 6, column 'lon': value '10.1450' is "
                          "outside 94.5..141.5; expected longitude in decimal degrees east", ""),
    "negative_longitude": (_sub(RS, "-8.4900,140.4000", "-8.4900,-140.4000"),
                           "[error] rumah_sakit.csv, row 5, column 'lon': value '-140.4000' is "
                           "outside 94.5..141.5; expected longitude in decimal degrees east "
                           "(negative sign?", ""),
    "lat_not_a_number": (_sub(RS, "-3.8206", "3°49 LS"),
                         "[error] rumah_sakit.csv, row 3, column 'lat': value '3°49 LS' is not a "
                         "number; expected latitude in decimal degrees", ""),
    "kode_rs_duplicate": (_append(RS, f"RS0002,RSUD Uji Lain,-3.80,102.31,17.71,C,Swasta,90,,"
                                      f"sumber,,{SRC}"),
                          "[error] rumah_sakit.csv, row 7, column 'kode_rs': value 'RS0002' appears "
                          "in rows 3 and 7; kode_rs must be unique", ""),
    "kode_rs_mixed_case": (_append(RS, f"rs0002,RSUD Uji Lain,-3.80,102.31,17.71,C,Swasta,90,,"
                                       f"sumber,,{SRC}"),
                           "[error] rumah_sakit.csv, row 7, column 'kode_rs': value 'RS0002' "
                           "appears in rows 3 and 7 as 'RS0002' and 'rs0002': codes that differ "
                           "only in upper/lower case", ""),
    "kode_rs_missing": (_then(_sub(RS, "RS0004,RSUD Uji Merauke", ",RSUD Uji Merauke"),
                              _sub(LAY, "RS0004,kanker", "RS0005,kanker"),
                              _sub(JEJ, "RS0001,RS0004", "RS0001,RS0003")),
                        "[error] rumah_sakit.csv, row 5, column 'kode_rs': is empty; expected a "
                        "hospital code", ""),
    "nama_empty": (_sub(RS, "RS0003,RSUD Uji Curup,", "RS0003,,"),
                   "[error] rumah_sakit.csv, row 4, column 'nama': is empty; expected the "
                   "hospital name", ""),
    "column_missing": (_set(RS, "\n".join(",".join(c for i, c in enumerate(line.split(","))
                                                   if i != 3)
                                          for line in BASE[RS].splitlines()) + "\n"),
                       "[error] rumah_sakit.csv, row 1: missing required column 'lon'; columns "
                       "found: ['kode_rs', 'nama', 'lat', 'kode_wilayah'", ""),
    "duplicate_column_name": (_sub(RS, "alias,lokasi_presisi", "nama,lokasi_presisi"),
                              "[error] rumah_sakit.csv, row 1, column 'nama': column 'nama' "
                              "appears twice in the header", ""),
    "rumah_sakit_empty_file": (_set(RS, ""), "[error] rumah_sakit.csv: file is empty", ""),
    "rumah_sakit_header_only": (_set(RS, RS_HEADER + "\n"), "[error] rumah_sakit.csv, row 1: has "
                                "a header but no data rows", ""),
    "rumah_sakit_file_absent": (_set(RS, None), "[error] rumah_sakit.csv: file not found at", ""),
    "tempat_tidur_negative": (_sub(RS, ",350,", ",-350,"), "[error] rumah_sakit.csv, row 3, "
                              "column 'tempat_tidur': value '-350' is out of range", ""),
    "lokasi_presisi_unknown": (_sub(RS, ",kemenkes2019,", ",perkiraan,"),
                               "[error] rumah_sakit.csv, row 5, column 'lokasi_presisi': value "
                               "'perkiraan' is not known; expected one of ['sumber', "
                               "'rsonline2021', 'kemenkes2019', 'desa', 'kecamatan', "
                               "'kabkota']", ""),
    "kode_wilayah_unknown": (_sub(RS, "-3.4700,102.5200,17.02", "-3.4700,102.5200,17.99"),
                             "[error] rumah_sakit.csv, row 4, column 'kode_wilayah': value '17.99' "
                             "is not a kab/kota in wilayah.csv", ""),
    "kode_wilayah_province_only": (_sub(RS, "-3.4700,102.5200,17.02", "-3.4700,102.5200,17"),
                                   "[error] rumah_sakit.csv, row 4, column 'kode_wilayah': value "
                                   "'17' is a province code", ""),
    "kode_wilayah_papua_pre2022": (_sub(RS, ",93.01,", ",91.01,"),
                                   "[error] rumah_sakit.csv, row 5, column 'kode_wilayah': value "
                                   "'91.01' is not a current kab/kota code: Papua was split in 2022",
                                   ""),
    "kode_wilayah_bps_without_scheme": (_sub(RS, ",14.72,", ",1473,"),
                                        "[error] rumah_sakit.csv, row 6, column 'kode_wilayah': "
                                        "value '1473' is not a Kemendagri kab/kota code but is the "
                                        "BPS code of 14.72 Kota Dumai", ""),
    "layanan_unknown": (_sub(LAY, "RS0005,jantung", "RS0005,gigi"),
                        "[error] layanan.csv, row 8, column 'layanan': value 'gigi' is not known; "
                        "expected one of ['jantung', 'kanker', 'kia', 'manajemen', 'pie', 'sdm', "
                        "'stroke', 'tb', 'uronefrologi']", ""),
    "strata_unknown": (_sub(LAY, "RS0003,jantung,madya", "RS0003,jantung,sedang"),
                       "[error] layanan.csv, row 6, column 'strata': value 'sedang' is not known; "
                       "expected one of ['dasar', 'madya', 'utama', 'paripurna']", ""),
    "status_unknown": (_sub(LAY, "RS0004,kanker,madya,target", "RS0004,kanker,madya,rencana"),
                       "[error] layanan.csv, row 7, column 'status': value 'rencana' is not known; "
                       "expected one of ['ada', 'target']", ""),
    "tahun_not_a_year": (_sub(LAY, "target,2026", "target,26/27"),
                         "[error] layanan.csv, row 7, column 'tahun': value '26/27' is not a whole "
                         "number; expected a year such as 2025", ""),
    "layanan_unknown_hospital": (_sub(LAY, "RS0005,jantung", "RS0009,jantung"),
                                 "[error] layanan.csv, row 8, column 'kode_rs': value 'RS0009' is "
                                 "not a kode_rs in rumah_sakit.csv", ""),
    "layanan_hospital_case": (_sub(LAY, "RS0005,jantung", "rs0005,jantung"),
                              "[error] layanan.csv, row 8, column 'kode_rs': value 'rs0005' is not "
                              "a kode_rs in rumah_sakit.csv; did you mean 'RS0005'?", ""),
    "link_unknown_hospital": (_sub(JEJ, "RS0001,RS0005", "RS0001,RS0050"),
                              "[error] jejaring.csv, row 6, column 'diampu': value 'RS0050' is not "
                              "a kode_rs in rumah_sakit.csv", ""),
    "link_self": (_sub(JEJ, "RS0001,RS0005", "RS0005,RS0005"),
                  "[error] jejaring.csv, row 6, column 'diampu': value 'RS0005' is both pengampu "
                  "and diampu", ""),
    "link_cycle": (_append(JEJ, f"RS0003,RS0001,jantung,2024-05-01,{SRC}"),
                   "[error] jejaring.csv, row 2, column 'pengampu': value 'RS0001' links of "
                   "layanan 'jantung' form a cycle RS0001 -> RS0002 -> RS0003 -> RS0001 (rows 2, 3 "
                   "and 7)", ""),
    "link_layanan_unknown": (_sub(JEJ, "RS0001,RS0005,jantung", "RS0001,RS0005,jiwa"),
                             "[error] jejaring.csv, row 6, column 'layanan': value 'jiwa' is not "
                             "known", ""),
    "mulai_not_a_date": (_sub(JEJ, "2024-01-15", "awal 2024"),
                         "[error] jejaring.csv, row 3, column 'mulai': value 'awal 2024' is not a "
                         "date", ""),
    "mulai_month_first": (_then(_sub(JEJ, "2024-01-15", "01/15/2024"),
                                _sub(JEJ, "2023-03-08", "03/08/2023")),
                          "[error] jejaring.csv, row 2, column 'mulai': value '03/08/2023' is "
                          "ambiguous", ""),
    "mulai_two_digit_year": (_sub(JEJ, "2024-01-15", "15/01/24"),
                             "[error] jejaring.csv, row 3, column 'mulai': value '15/01/24' has a "
                             "two-digit year", ""),
    "wilayah_duplicate_kode": (_append(WIL, f"17.02,Kabupaten Rejang Lebong,kabkota,17,288582,"
                                       f"2025,{SRC_WIL}"),
                               "[error] wilayah.csv, row 11, column 'kode': value '17.02' appears "
                               "in rows 5 and 11", ""),
    "wilayah_bad_tingkat": (_sub(WIL, "Kota Bengkulu,kabkota", "Kota Bengkulu,kecamatan"),
                            "[error] wilayah.csv, row 6, column 'tingkat': value 'kecamatan' is "
                            "not known; expected one of ['provinsi', 'kabkota']", ""),
    "wilayah_unknown_induk": (_append(WIL, f"18.71,Kota Bandar Lampung,kabkota,18,,,{SRC_WIL}"),
                              "[error] wilayah.csv, row 11, column 'kode_induk': value '18' is not a "
                              "province (tingkat 'provinsi') in this file", ""),
    "wilayah_penduduk_negative": (_sub(WIL, "288582", "-288582"),
                                  "[error] wilayah.csv, row 5, column 'penduduk': value '-288582' "
                                  "is out of range", ""),
    "wilayah_penduduk_text": (_sub(WIL, "288582", "± 290 ribu"),
                              "[error] wilayah.csv, row 5, column 'penduduk': value '± 290 ribu' is "
                              "not a whole number", ""),
}


def write_case(name: str) -> Path:
    """Write one case folder (replacing it)."""
    edit, fragment, options = CASES[name]
    files: Files = dict(BASE)
    edit(files)
    folder = HERE / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for fname, content in files.items():
        if content is None:
            continue
        path = folder / fname
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    (folder / "expected.txt").write_text(fragment + "\n", encoding="utf-8")
    if options:
        (folder / "options.txt").write_text(options + "\n", encoding="utf-8")
    return folder


def main() -> None:
    """Write every case."""
    for name in CASES:
        write_case(name)
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()

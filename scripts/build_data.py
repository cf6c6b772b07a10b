#!/usr/bin/env python
"""Build the bundled tables in ``data/`` from the reference data and the news texts.

Run from the repository root::

    .venv/bin/python scripts/build_data.py [--shared ../shared/data] [--seeds ../shared/seeds]

Inputs (read only): the reference files described in ``<shared>/README.md``
(Kemendagri codes, Dukcapil population, the BPS-Kemendagri crosswalk, the
kab/kota polygons, the kecamatan names and polygons (only to read addresses), the
Kemenkes 2019 hospital list, the 76 reference hospitals,
the KMK HK.01.07/MENKES/1277/2024 strata and the news facts) and the news
texts in ``<seeds>``. Outputs: ``wilayah.csv``, ``kode_bps_kemendagri.csv``,
``rumah_sakit.csv``, ``layanan.csv``, ``jejaring.csv`` and the match report
``pencocokan_rs.csv`` in ``data/``. The output is deterministic; the script
prints a summary and exits with status 1 when an invariant fails.

How hospitals are identified, coded and placed is described in
``data/README.md``; the alias tables below are part of that description.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pengampuan._textnorm import fold, hospital_key, region_key  # noqa: E402
from pengampuan.config import APPROX_LOKASI  # noqa: E402
from pengampuan.geo import great_circle_km  # noqa: E402
from pengampuan.io.contract import JENIS_RS_RSONLINE  # noqa: E402

KJSU = ("kanker", "jantung", "stroke", "uronefrologi")
STRATA = ("dasar", "madya", "utama", "paripurna")
COORD_DECIMALS = 5  # ~1 m, as in the reference files

# --------------------------------------------------------------------------------------
# Short citations (the keys are explained in data/README.md)
# --------------------------------------------------------------------------------------
SRC_KMK = "KMK HK.01.07/MENKES/1277/2024"
SRC_KMK_EXTRACT = "ekstraksi icalitulaci/supplydemanddokterindo@ed43e62"
SRC_WILAYAH = (
    "Kepmendagri 300.2.2-2138/2025 (kode, nama; penduduk Dukcapil) via "
    "cahyadsn/wilayah@b7ad440 (MIT)"
)
SRC_BPS = (
    "BPS bridging kode wilayah 2020 S2 (sig.bps.go.id) via "
    "zakiego/Kode-Wilayah-Administrasi-Indonesia-Relasi-BPS-Kemendagri@8d5e83e"
)
SRC_KEMENKES = "Kemenkes BPPSDMK 2019 via akirawisnu/faskes-indonesia-2019-scrapper@3e1c544"
SRC_HND = "daftar RS rujukan COVID-19 2020 via hndryno/covid-mobile-app@f4f1840"
SRC_WD = "Wikidata (CC0) via fititnt/sdm-test-data@c64bd08"
SRC_ADM2 = "titik di dalam poligon kab/kota (idn_adm2, cahyadsn/wilayah_boundaries@3c5a796)"
SRC_BANTEN = "BantenGate.id, MoU Pemprov Banten dengan 7 RS pengampu, Rakerkesda 8 Mar 2023"
SRC_JABAR = (
    "Diskominfosantik Kab. Bekasi, 'Pemkab Bekasi Tandatangani Perjanjian Kerjasama "
    "Program Pengampuan RSHS Bandung', 4 Apr 2024"
)
SRC_CURUP = (
    "Curup Ekspres (curupekspress.bacakoran.co), RSUD Rejang Lebong target RS rujukan "
    "regional KJSU 2025"
)
SRC_LEBONG = (
    "Harian Bengkulu Ekspres (harianbengkuluekspress.id), 'Pemkab Lebong Evaluasi Pelayanan "
    "Kesehatan, Mulai dari Cuci Darah hingga Obat Kosong', rapat 19 Jun 2024"
)
#: A fact with no place in the data contract (fasilitas holds services reported to exist):
#: kept in the hospital's catatan and in data/README.md.
NOTE_LEBONG_HD = (
    "Juni 2024: belum ada layanan cuci darah (hemodialisis) di Kab. Lebong; Sekda Lebong "
    "(rapat 19 Jun 2024): 'tempat pelayanan cuci darah di Kabupaten Lebong akan dilaunching "
    f"secepatnya' ({SRC_LEBONG})"
)
SRC_RADAR = "Radarkoran.com, RSUD Rejang Lebong: 92 pasien HD rutin, rata-rata 2x/minggu"
SRC_RSAB_ADDR = (
    "https://www.dwipanews.com/2018/08/yayasan-harapan-kita-mewujudkan-indonesia-sehat/3"
    " (Jl. S. Parman, Slipi, Jakarta Barat)"
)

# --------------------------------------------------------------------------------------
# Alias tables
# --------------------------------------------------------------------------------------
#: Province names as written in the sources -> Kemendagri province code.
PROVINCE_ALIASES: dict[str, str] = {
    "daerahkhususjakarta": "31",
    "dkijakarta": "31",
    "jakarta": "31",
    "babel": "19",
    "ntb": "52",
    "ntt": "53",
}

#: Kab/kota names as written in the sources (province code, text) -> Kemendagri code.
REGION_ALIASES: dict[tuple[str, str], tuple[str, str | None]] = {
    ("12", "Toba Samosir"): ("12.12", "Toba Samosir = Kab. Toba (nama baru)"),
    ("12", "Kota Padang Sidempuan"): ("12.77", "ejaan Padangsidimpuan"),
    ("61", "Mempawah (Pontianak)"): ("61.02", "Mempawah, dahulu Kab. Pontianak"),
    ("64", "IKN"): (
        "64.09",
        (
            "kawasan IKN (Sepaku) berada di Kab. Penajam Paser Utara; IKN bukan kab/kota dalam "
            "Kepmendagri 2025"
        ),
    ),
    ("81", "Maluku Tenggara Barat (Kep. Tanimbar)"): (
        "81.03",
        "Maluku Tenggara Barat = Kab. Kepulauan Tanimbar (nama baru)",
    ),
    ("74", "Kendari"): ("74.71", "RS Jantung Oputa Yi Koo di Kota Kendari"),
    ("19", "Bangka"): ("19.01", None),
    ("64", "Mahakam Hulu"): ("64.11", "ejaan Mahakam Ulu"),
}

#: Extra names of hospitals, keyed by (province code, words of the decree name). Renamed
#: hospitals (old name in the decree or the 2019 list, new name in later sources) and short
#: forms used in news texts. Sources: the reference hospital list, the news rows, and the
#: rename notes of the decree extraction (data/kmk_match_notes.csv of the same repository).
#: Each key must pick exactly one decree row (checked).
HOSPITAL_ALIASES: dict[tuple[str, str], list[str]] = {
    ("31", "Cipto Mangunkusumo"): [
        "RSCM",
        "RSUPN Dr. Cipto Mangunkusumo",
        "Rumah Sakit Dr Cipto Mangunkusumo (RSCM)",
        "Rumah Sakit Cipto Mangunkusumo (RSCM)",
        "Rumah Sakit Umum Pusat Nasional Dr Cipto Mangunkusumo (RSCM)",
    ],
    ("31", "Persahabatan"): ["Persahabatan"],
    ("31", "Kanker Dharmais"): [
        "RSKD",
        "Dharmais",
        "Pusat Kanker Nasional",
        "RS Kanker Dharmais",
        "RS Darmais",
        "Rumah Sakit Darmais Pusat Kanker Nasional",
    ],
    ("31", "Jantung Dan Pembuluh Darah Harapan Kita"): [
        "RSJPDHK",
        "PJNHK",
        "Harapan Kita",
        "Pusat Jantung Nasional Harapan Kita",
        "RS Jantung Harapan Kita",
        "RS Jantung Harapan Kita Jakarta",
        "Pusat Jantung Nasional Harapan Kita (RSJPDHK)",
        "Rumah Sakit Jantung dan Pembuluh Darah Harapan Kita (RSJPDHK)",
    ],
    ("31", "Pusat Otak Nasional"): [
        "RS PON",
        "RSPON",
        "RS PON Prof. Dr. Mahar Mardjono",
        "RS Pusat Otak Nasional (PON) Mahar Mardjono",
        "Rumah Sakit Pusat Otak Nasional (PON)",
        "RSK Pusat Otak Nasional",
    ],
    ("51", "Ngoerah"): [
        "RSUP Sanglah",
        "Sanglah",
        "RSUP Ngoerah Bali",
        "RSUP Prof. dr. I.G.N.G. Ngoerah",
    ],
    ("32", "Hasan Sadikin"): [
        "RSHS",
        "Hasan Sadikin",
        "RSUP Dr. Hasan Sadikin (RSHS)",
        "RSUP DR. Hasan Sadikin",
        "Rumah Sakit Hasan Sadikin",
    ],
    ("32", "Syamsudin"): ["RS Syamsudin", "RS Bunut"],
    ("32", "Al Ihsan"): [
        "RSUD Welas Asih",
        "Welas Asih",
        "RS Umum Daerah Al Ihsan Provinsi Jawa Barat",
    ],
    ("32", "Cibinong"): ["RSUD Bakti Pajajaran"],
    ("32", "Sumedang"): ["RSUD Umar Wirahadikusumah"],
    ("32", "Bandung Kiwari"): ["RSUD Kota Bandung", "RS Umum Daerah Kota Bandung"],
    ("32", "Khidmat Sehat Afiat"): ["RSUD Kota Depok", "RS Umum Daerah Kota Depok"],
    ("17", "Rejang Lebong"): [
        "RSUD Rejang Lebong",
        "RSUD Curup",
        "RS Umum Daerah Curup",
        "RSUD Kabupaten Rejang Lebong",
    ],
    ("36", "Rumah Sakit Umum Daerah Banten"): ["RSUD Banten", "RSUD Provinsi Banten"],
    ("53", "Ben Mboi"): ["RSUP Ben Mboi", "RSUP Kupang", "RSUP Dr. Ben Mboi"],
    ("16", "Mohammad Hoesin"): [
        "RSMH",
        "Rumah Sakit Moehammad Hoesin (RSMH) Palembang",
        "RSUP Dr. Mohammad Hoesin (RSMH)",
    ],
    ("18", "Abdul Moeloek"): ["RSUDAM", "RSUD Dr H Abdul Moeloek Lampung"],
    ("36", "Sitanala"): ["RSUP Dr Sitanala Tangerang", "Sitanala"],
    ("61", "Soedarso"): ["RSUD Dr Soedarso Pontianak"],
    ("63", "Ulin"): ["RSUD Ulin Banjarmasin"],
    ("72", "Undata"): ["RSUD Undata"],
    ("64", "Kanujoso Djatiwibowo"): [
        "RSKD Balikpapan",
        "RSUD Kanujoso Djatiwibowo (RSKD) Balikpapan",
    ],
    ("74", "Oputa Yi Koo"): ["RS Jantung Oputa Yi Koo", "Oputa Yi Koo"],
    ("52", "Provinsi NTB"): ["RSUDP NTB"],
    ("19", "Soekarno"): [
        "RSUP Dr. (H.C.) Ir. Soekarno",
        "RSUD Dr. (H.C) Ir. Soekarno",
        "RSUP Ir. Soekarno",
    ],
    ("91", "Rumah Sakit Umum Daerah Jayapura"): ["RSUD Jayapura (Dok II)", "RSUD Dok II"],
    ("81", "Leimena"): ["RSUP Dr. J. Leimena", "RSUP Leimena"],
    # the provincial RSUD of Kalimantan Utara in Kota Tarakan, renamed on 6 Dec 2021
    # (kaltara.prokal.co, 'Gubernur Kaltara Resmikan Nama RSUD dr. H. Jusuf SK'); not the
    # city's RSU Kota Tarakan of the same decree
    ("65", "Jusuf SK"): ["RSUD Tarakan", "RS Umum Daerah Tarakan"],
    # the general RSUD of Kab. Kuningan (2019 list: "RS Umum Daerah 45 Kuningan")
    ("32", "Rumah Sakit Umum Daerah Kuningan"): ["RSUD 45 Kuningan", "RS Umum Daerah 45 Kuningan"],
}

#: Names of the reference hospital list that are a former name: the decree's name is kept
#: as the hospital's name (province code, reference name) -> why.
FORMER_REFERENCE_NAMES: dict[tuple[str, str], str] = {
    ("65", "RSUD Tarakan"): "berganti nama RSUD dr. H. Jusuf SK pada 6 Des 2021",
}

#: The seven national pengampu: (province, words of the decree or reference name) ->
#: (display name, pengampu_nasional). Source: DESIGN.md domain notes and the Banten MoU news.
NATIONAL: dict[tuple[str, str], tuple[str, str]] = {
    ("31", "Cipto Mangunkusumo"): ("RSUPN Dr. Cipto Mangunkusumo", "uronefrologi;kia"),
    ("31", "Kanker Dharmais"): ("RS Kanker Dharmais", "kanker"),
    ("31", "Jantung Dan Pembuluh Darah Harapan Kita"): (
        "RS Jantung dan Pembuluh Darah Harapan Kita",
        "jantung",
    ),
    ("31", "Pusat Otak Nasional"): (
        "RS Pusat Otak Nasional (RS PON) Prof. Dr. dr. Mahar Mardjono",
        "stroke",
    ),
    ("31", "Persahabatan"): ("RSUP Persahabatan", "tb"),
    ("31", "RSAB Harapan Kita"): ("RSAB Harapan Kita", "kia"),
    ("31", "Sulianti Saroso"): ("RSPI Prof. Dr. Sulianti Saroso", "pie"),
}

#: Decree rows without any KJSU tier (KIA only, listed in kjsu_targets_reference.md); the
#: extraction rows carry no KJSU column, so their number is the one missing in the province.
#: Two are bundled (a source gives their kab/kota), two are reported as not bundled.
KIA_ONLY: dict[str, dict[str, str]] = {
    "31": {
        "nama": "RSAB Harapan Kita",
        "kode_wilayah": "31.73",
        "sumber_wilayah": SRC_RSAB_ADDR,
        "alias": ("RS Anak dan Bunda Harapan Kita;RS Anak Bunda Harapan Kita;RSABHK"),
    },
    "33": {"nama": "RSUD Prof. Dr. Margono Soekarjo", "kemenkes": "R3302026", "alias": "RSMS"},
    "13": {"nama": "RSUD Serambi Madinah Kota Solok"},
    "91": {"nama": "RSUD Ramela Muara Tami"},
}

GENERIC_WORDS = {
    "rs",
    "rsu",
    "rsud",
    "rsup",
    "rsupn",
    "rsk",
    "rsia",
    "rsab",
    "rsd",
    "rumah",
    "sakit",
    "umum",
    "daerah",
    "pusat",
    "nasional",
    "kabupaten",
    "kab",
    "kota",
    "provinsi",
    "prov",
    "dr",
    "drs",
    "prof",
    "h",
    "hj",
    "ir",
    "dan",
    "sh",
    "the",
    "hc",
    "tk",
    "i",
    "ii",
    "iii",
    "iv",
    "mgr",
    "svd",
}


def _name_tokens(name: str) -> list[str]:
    s = hospital_key(name)
    s = re.sub(r"\brs umum daerah\b", "rsud", s)
    s = re.sub(r"\brs umum pusat\b", "rsup", s)
    s = re.sub(r"\bkab\b", "kabupaten", s)
    return s.split()


def name_core(name: str, places: tuple[str, ...] = ()) -> str:
    """Distinctive words of a hospital name: type words, titles and (when something
    else is left) the name of its own kab/kota or province removed."""
    words = [w for w in _name_tokens(name) if w not in GENERIC_WORDS]
    for place in places:
        target = place.replace(" ", "")
        spans = [
            (i, j)
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
            if "".join(words[i:j]) == target and j - i < len(words)
        ]
        if spans:
            i, j = spans[0]
            words = words[:i] + words[j:]
    return " ".join(words)


_MILITARY = {
    "tk",
    "tingkat",
    "bhayangkara",
    "rsad",
    "rsal",
    "rsau",
    "tni",
    "polri",
    "kesdam",
    "lanud",
    "lantamal",
}


def name_type(name: str) -> str:
    """Coarse type of a hospital from its name: militer, rsup, rsud or rs."""
    t = _name_tokens(name)
    if _MILITARY & set(t):
        return "militer"
    if "rsup" in t or "rsupn" in t:
        return "rsup"
    if "rsud" in t or "rsd" in t or " ".join(t).startswith("rs daerah"):
        return "rsud"
    return "rs"


def _polarity(name: str) -> str:
    t = set(_name_tokens(name))
    return "kota" if "kota" in t else "kabupaten" if "kabupaten" in t else ""


def name_score(
    a: str, b: str, places_a: tuple[str, ...] = (), places_b: tuple[str, ...] = ()
) -> float:
    """Similarity 0-100 of two hospital names on their distinctive words.

    0 when the names say different types (RSUP vs RSUD, military vs civil; a plain
    "RS"/"RSU" name may match an RSUD) or one says "Kota" and
    the other "Kabupaten" (RSUD Kota Tangerang is not RSUD Kabupaten Tangerang).
    """
    ta, tb = name_type(a), name_type(b)
    if ta != tb and {ta, tb} != {"rs", "rsud"}:
        return 0.0
    pa, pb = _polarity(a), _polarity(b)
    if pa and pb and pa != pb:
        return 0.0
    ca, cb = name_core(a, places_a), name_core(b, places_b)
    if not ca or not cb:
        return 0.0
    return max(fuzz.token_sort_ratio(ca, cb), fuzz.ratio(ca.replace(" ", ""), cb.replace(" ", "")))


def abbreviate(name: str) -> str:
    """Usual short form of an official hospital name ("Rumah Sakit Umum Daerah" -> "RSUD")."""
    s = " ".join(str(name).split())
    for long, short in (
        ("Rumah Sakit Umum Pusat Nasional", "RSUPN"),
        ("Rumah Sakit Umum Pusat", "RSUP"),
        ("Rumah Sakit Umum Daerah", "RSUD"),
        ("Rumah Sakit Umum", "RSU"),
        ("Rumah Sakit Daerah", "RSD"),
        ("Rumah Sakit", "RS"),
        ("RS Umum Daerah", "RSUD"),
    ):
        s = re.sub(rf"\b{long}\b", short, s, flags=re.IGNORECASE)
    return s


def kepemilikan_from_name(name: str) -> str:
    s = hospital_key(name)
    s = re.sub(r"\brs umum daerah\b", "rsud", s)
    if re.search(r"\brsupn?\b|\brs umum pusat\b", s):
        return "Kemenkes"
    if re.search(r"\b(rsud|rsd|rs daerah)\b", s):
        return "Pemda"
    if "bhayangkara" in s:
        return "Polri"
    return ""


class BuildError(Exception):
    """A problem that stops the build (message says what to fix)."""


# --------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------
@dataclass
class Regions:
    provinces: pd.DataFrame
    kab: pd.DataFrame
    adm2: gpd.GeoDataFrame
    bps_to_kemendagri: dict[str, str]
    prov_by_key: dict[str, str] = field(default_factory=dict)
    kab_by_key: dict[tuple[str, str, str], str] = field(default_factory=dict)
    anchor: dict[str, tuple[float, float]] = field(default_factory=dict)
    place_cache: dict[str, str] = field(default_factory=dict)
    #: folded kecamatan names per kab/kota (to read addresses; never used as points)
    kecamatan: dict[str, set[str]] = field(default_factory=dict)
    kab_names: dict[str, str] = field(default_factory=dict)
    #: kecamatan polygons per kab/kota, by folded name (to test what an address says about a
    #: point; never used as points)
    kecamatan_geom: dict[str, dict[str, shapely.Geometry]] = field(default_factory=dict)
    #: kecamatan per kab/kota: kode PP.KK.CC -> folded name (to read addresses)
    kecamatan_kode: dict[str, dict[str, str]] = field(default_factory=dict)
    #: a point inside each kecamatan (point_on_surface of its largest part), by kode
    kecamatan_anchor: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: kecamatan polygons by kode PP.KK.CC
    kecamatan_shape: dict[str, shapely.Geometry] = field(default_factory=dict)
    #: desa/kelurahan per kab/kota: (kode PP.KK.CC.DDDD, folded name, lat, lon of its centroid)
    desa: dict[str, list[tuple[str, str, float, float]]] = field(default_factory=dict)
    #: per kab/kota, the pattern of the other kab/kota of its province (_other_kabkota)
    other_kabkota: dict[str, re.Pattern[str] | None] = field(default_factory=dict)

    def province_code(self, text: str) -> str | None:
        key = region_key(text)
        return PROVINCE_ALIASES.get(key) or self.prov_by_key.get(key)

    def kab_code(self, prov: str, text: str) -> tuple[str | None, str, str]:
        """(code, method, note) for a kab/kota name inside province ``prov``."""
        if (prov, text) in REGION_ALIASES:
            alias_code, note = REGION_ALIASES[(prov, text)]
            return alias_code, "alias", note or ""
        t = str(text).strip()
        kind = "kota" if re.match(r"(?i)^kota\b", t) else "kabupaten"
        keys = [region_key(t), region_key(re.sub(r"(?i)^kep\.\s*", "Kepulauan ", t))]
        for k in (kind, "kota" if kind == "kabupaten" else "kabupaten"):
            for key in keys:
                code = self.kab_by_key.get((prov, k, key))
                if code:
                    return code, "nama" if k == kind else "nama (jenis lain)", ""
        return None, "tidak cocok", f"kab/kota {text!r} tidak ditemukan di provinsi {prov}"

    def locate(self, lat: float, lon: float) -> str | None:
        pt = shapely.Point(lon, lat)
        hits = self.adm2.index[self.adm2.geometry.contains(pt)]
        return str(self.adm2.loc[hits[0], "kode_kab"]) if len(hits) else None


def load_regions(shared: Path) -> Regions:
    prov = pd.read_csv(shared / "idn_kemendagri_provinces.csv", dtype=str)
    kab = pd.read_csv(shared / "idn_kemendagri_codes.csv", dtype=str)
    adm2 = gpd.read_file(shared / "idn_adm2.geojson")[["kode_kab", "nama_kab", "geometry"]]
    adm2 = adm2.set_index(adm2["kode_kab"].astype(str), drop=False)
    cw = pd.read_csv(shared / "idn_kode_bps_kemendagri.csv", dtype=str)
    reg = Regions(prov, kab, adm2, dict(zip(cw["kode_kab_bps_resmi"], cw["kode_kab"], strict=True)))
    reg.prov_by_key = {
        region_key(n): c for c, n in zip(prov["kode_prov"], prov["nama_prov"], strict=True)
    }
    for c, p, n, j in zip(
        kab["kode_kab"], kab["kode_prov"], kab["nama_kab"], kab["jenis"], strict=True
    ):
        reg.kab_by_key[(p, "kota" if j == "Kota" else "kabupaten", region_key(n))] = c
    # a point inside each kab/kota: point_on_surface of its largest part (never a centroid)
    for code, geom in zip(adm2["kode_kab"], adm2.geometry, strict=True):
        parts = list(getattr(geom, "geoms", [geom]))
        largest = max(parts, key=lambda g: g.area)
        p = largest.point_on_surface()
        reg.anchor[str(code)] = (round(p.y, COORD_DECIMALS), round(p.x, COORD_DECIMALS))
    reg.kab_names = dict(zip(kab["kode_kab"], kab["nama_kab"], strict=True))
    kec = pd.read_csv(shared / "idn_kecamatan_penduduk.csv", dtype=str,
                      usecols=["nama", "kode_kab"])
    for kode, nama in zip(kec["kode_kab"], kec["nama"], strict=True):
        reg.kecamatan.setdefault(kode, set()).add(fold(nama))
    shapes = gpd.read_file(shared / "idn_kecamatan.geojson")
    for kode, nama, geom in zip(shapes["kode"], shapes["nama"], shapes.geometry, strict=True):
        by_name = reg.kecamatan_geom.setdefault(str(kode)[:5], {})
        key = fold(nama)
        by_name[key] = geom if key not in by_name else by_name[key].union(geom)
        reg.kecamatan_kode.setdefault(str(kode)[:5], {})[str(kode)] = key
        reg.kecamatan_shape[str(kode)] = geom
        p = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area).point_on_surface()
        reg.kecamatan_anchor[str(kode)] = (round(p.y, COORD_DECIMALS), round(p.x, COORD_DECIMALS))
    desa = pd.read_csv(shared / "idn_desa_titik.csv", dtype={"kode": str, "nama": str})
    for kode, nama, lat, lon in zip(desa["kode"], desa["nama"], desa["lat"], desa["lng"],
                                    strict=True):
        reg.desa.setdefault(kode[:5], []).append(
            (kode, fold(nama), round(float(lat), COORD_DECIMALS),
             round(float(lon), COORD_DECIMALS)))
    return reg


def kemenkes_kab(code: str, reg: Regions, source_prov: str | None = None) -> tuple[str | None, str]:
    """Kemendagri kab/kota of a Kemenkes RS code (BPS code in digits 2-5).

    ``source_prov`` is the province code the 2019 list gives for the row (BPS 2020
    numbering); a code starting with 92 is read as Papua (BPS 94) only when the
    row is in Papua, since 92 is no BPS 2020 province.
    """
    bps = code[1:5]
    how = "bps"
    if bps[:2] == "20":  # Kepulauan Riau is 20 in Kemenkes RS codes, 21 at BPS
        bps, how = "21" + bps[2:], "kemenkes_20_ke_bps_21"
    elif bps[:2] == "92":  # Papua is 92 in Kemenkes RS codes, 94 at BPS 2020
        if source_prov not in (None, "94"):
            return None, "tidak_ada"
        bps, how = "94" + bps[2:], "kemenkes_92_ke_bps_94"
    return reg.bps_to_kemendagri.get(bps), how


# --------------------------------------------------------------------------------------
# RS Online (Kemenkes SIRS): every hospital, its points (2021), class, owner, services (2020)
# --------------------------------------------------------------------------------------
SRC_RSO21 = "RS Online 2021 (API Satgas COVID-19) via zakiego/data-pusdatin-kemenkes@6365fac"
SRC_RSO20 = "RS Online 2020 (layanan) via anarusdiati/PetaLayananBaru@4799580"
#: Short names of the two RS Online lists in the tables (full citation in data/README.md).
RSO21 = "RS Online 2021"
RSO20 = "RS Online 2020"
#: The point SIRS gives a hospital that never entered its own (lat, lon; 4 decimals).
SIRS_DEFAULT = (-2.4186, 108.4919)
#: A point may lie this far outside the polygon of the kab/kota where the hospital stands
#: (generalised coasts and borders of idn_adm2.geojson).
TOLERANCE_KM = 2.0

#: The 14 service flags of RS Online 2020 -> the 11 fasilitas names of the data contract.
#: Three pairs are merged: the two heart-surgery flags, the two acute neurology flags (a
#: stroke unit or neuro-intensive care), and the two kidney-medicine flags.
FASILITAS_FLAGS: dict[str, str] = {
    "Dialisis/ CAPD": "hemodialisis",
    "Jantung Intervensi": "cathlab",
    "Bedah jantung dewasa": "bedah_jantung",
    "Bedah thorax kardiak dan vaskuler": "bedah_jantung",
    "Radioterapi/Onkologi Radiasi": "radioterapi",
    "Bedah onkologi": "bedah_onkologi",
    "Hemato-Onkologi Penyakit Dalam": "kemoterapi",
    "Kedokteran Nuklir": "kedokteran_nuklir",
    "Stroke dan Cerebro Vaskuler": "stroke_unit",
    "Neuro emergency / intensive": "stroke_unit",
    "Bedah Saraf": "bedah_saraf",
    "Ginjal dan Hipertensi": "nefrologi",
    "Nefrologi": "nefrologi",
    "Urologi": "urologi",
}
FASILITAS = (
    "hemodialisis", "cathlab", "bedah_jantung", "radioterapi", "bedah_onkologi", "kemoterapi",
    "kedokteran_nuklir", "stroke_unit", "bedah_saraf", "nefrologi", "urologi",
)

#: RS Online 2020 owner group (PenyelenggaraKat) -> kepemilikan.
KEPEMILIKAN: dict[str, str] = {
    "Kemkes": "Kemenkes", "Kementerian Lain": "Kementerian lain", "Pemprop": "Pemprov",
    "Pemkab": "Pemkab", "Pemkot": "Pemkot", "TNI": "TNI", "POLRI": "Polri", "BUMN": "BUMN",
    "Swasta": "Swasta", "Swasta Non Profit": "Swasta nirlaba",
}

#: Where a decree hospital stands when that differs from the kab/kota under which the decree
#: lists it: decree row (province, words of the name) -> (kab/kota, source). Checked against
#: the RS Online 2020 registration (KabKota) and the RS Online 2021 point.
LOCATION_FACTS: dict[tuple[str, str], tuple[str, str]] = {
    ("11", "Cut Meutia"): (
        "11.73",
        "RSU Cut Meutia (milik Kab. Aceh Utara) berdiri di Kota Lhokseumawe (../shared/data "
        "README, 'placement facts'; RS Online 2020: KabKota Kota Lhokseumawe)",
    ),
    ("12", "Thomsen"): (
        "12.78",
        "RSUD dr. M. Thomsen (milik Kab. Nias) berdiri di Kota Gunungsitoli (../shared/data "
        "README, 'placement facts'; RS Online 2020: KabKota Kota Gunungsitoli)",
    ),
}

#: The 24 rename hints of idn_hospitals_satgas2021_alias_unverified.csv, each checked by hand:
#: decree kode_rs -> (verdict, reason). "ya" = the RS Online record is the decree hospital.
#: What was checked for each: the RS Online record is the public RSUD (owner Pemkab/Pemkot/
#: Pemprov, 2020) registered in the decree's kab/kota (or, for the two hospitals listed under
#: the owning kabupaten, where it stands), no other RS Online record of that kab/kota is a
#: closer name, and the rename is the hospital's known new/old name.
RENAME_VERDICTS: dict[str, tuple[str, str]] = {
    "KMK-12-003": ("ya", "RSUD dr. M. Thomsen adalah RSUD Kab. Nias di Gunungsitoli"),
    "KMK-12-012": ("ya", "RSUD Kabanjahe adalah RSUD Kab. Karo (di Kabanjahe)"),
    "KMK-12-013": ("ya", "RSUD Deli Serdang (Lubuk Pakam) bernama Drs. H. Amri Tambunan"),
    "KMK-12-026": ("ya", "RSUD Lukas Hilisimaetano (Teluk Dalam) adalah RSUD Kab. Nias Selatan"),
    "KMK-13-002": ("ya", "RS Stroke Nasional Bukittinggi berganti nama RS Otak M. Hatta"),
    "KMK-13-009": ("ya", "RSUD Lubuk Sikaping adalah RSUD Tuanku Imam Bonjol (Kab. Pasaman)"),
    "KMK-13-018": ("ya", "RSUD Kab. Sijunjung bernama RSUD Ahmad Syafi'i Ma'arif"),
    "KMK-19-005": ("ya", "RSUD Bangka Tengah bernama RSUD Drs. H. Abu Hanifah"),
    "KMK-19-008": ("ya", "RSUD Belitung Timur (Manggar) bernama RSUD Muhammad Zein"),
    "KMK-21-001": ("ya", "RSUD Provinsi Kepri di Tanjungpinang bernama RSUD Raja Ahmad Tabib"),
    "KMK-33-019": ("ya", "RSUD Ambarawa (Kab. Semarang) bernama RSUD dr. Gunawan Mangunkusumo"),
    "KMK-33-038": ("ya", "RSUD Bung Karno Surakarta berganti nama RSUD Ibu Fatmawati Soekarno"),
    "KMK-61-010": ("ya", "RSUD Bengkayang bernama RSUD Drs. Jacobus Luna"),
    "KMK-63-004": ("ya", "RSUD Kotabaru bernama RSUD Pangeran Jaya Sumitra"),
    "KMK-63-013": ("ya", "RSUD Balangan bernama RSUD Datu Kandang Haji"),
    "KMK-65-002": ("ya", "RSUD Tanjung Selor adalah RSUD dr. H. Soemarno Sosroatmodjo (Bulungan)"),
    "KMK-71-011": (
        "ya",
        "RS Bergerak Sitaro beralamat Kampung Sawang, satu-satunya RSUD di Kab. Kep. Siau "
        "Tagulandang Biaro selain RSUD Tagulandang; menjadi RSUD Lapangan Sawang",
    ),
    "KMK-73-009": ("ya", "RSUD Salewangang Maros bernama RSUD dr. La Palaloi"),
    "KMK-73-022": ("ya", "RSUD Barru bernama RSUD La Patarai"),
    "KMK-74-003": ("ya", "RSUD Raha (Kab. Muna) bernama RSUD dr. L.M. Baharuddin"),
    "KMK-76-002": ("ya", "RSUD Polewali (Kab. Polewali Mandar) bernama RSUD Hajjah Andi Depu"),
    "KMK-76-003": ("ya", "Kab. Mamuju Utara berganti nama Kab. Pasangkayu; RSUD yang sama"),
    "KMK-92-006": ("ya", "RSUD Teluk Wondama (Wasior) bernama RSUD Dr. Alberth H. Torey"),
    "KMK-93-003": ("ya", "RSUD Agats (Kab. Asmat) bernama RSUD Perpetua J. Safanpo"),
    "KMK-94-006": ("ya", "RSUD Pratama Dogiyai adalah RSUD Kab. Dogiyai"),
}

#: Further renames checked by hand (decree kode_rs -> RS Online code, reason), with the same
#: checks as the hints; each is the RS Online record of the kab/kota's public RSUD under its
#: former name (the later entries name the source of the rename).
KNOWN_RENAMES: dict[str, tuple[str, str]] = {
    "KMK-11-018": ("1114011", "RSUD Tamiang (Kuala Simpang) bernama RSUD Muda Sedia"),
    "KMK-35-004": ("3515015", "RSUD Sidoarjo berganti nama RSUD R.T. Notopuro"),
    "KMK-35-033": ("3527012", "RSUD Kab. Sampang bernama RSUD dr. Mohammad Zyn"),
    "KMK-53-013": ("5313015", "RSUD Ruteng (Kab. Manggarai) bernama RSUD dr. Ben Mboi"),
    "KMK-72-013": ("7207013", "RSUD Buol bernama RSUD Mokoyurli"),
    "KMK-81-011": ("8109018", "RSUD Namrole (Kab. Buru Selatan) bernama RSUD dr. Salim Alkatiri"),
    "KMK-82-006": ("8205032", "RSUD Kab. Pulau Morotai bernama RSUD Ir. Soekarno"),
    "KMK-81-012": ("8172002", "RSUD Maren Kota Tual = RSUD Maren Hi. Noho Renuat"),
    "KMK-65-001": (
        "6473016",
        "RSUD Tarakan (Pemprov Kaltara, Jl. Pulau Irian, Skip) berganti nama RSUD dr. H. Jusuf "
        "SK, 6 Des 2021 (https://kaltara.prokal.co/read/news/39772-gubernur-kaltara-resmikan-"
        "nama-rsud-dr-h-jusuf-sk.html)",
    ),
    "KMK-33-003": (
        "3372201",
        "RSUP Surakarta adalah bekas BBKPM Surakarta (Permenkes 61/2019, 33/2020; "
        "https://www.rsupsurakarta.co.id/halaman/detail/profil); RS Online 2021: 'RSU "
        "Surakarta BKPM'",
    ),
    "KMK-71-003": (
        "7171103",
        "RSUD ODSK bernama pertama RSUD Provinsi Sulut, Jl. Bethesda, Manado "
        "(https://jelajahsulut.com/terungkap-arti-nama-rsud-odsk-saat-soft-opening-begini-"
        "kata-olly-dondokambey/)",
    ),
    "KMK-33-031": (
        "3313011",
        "RSUD Kabupaten Karanganyar, bermula dari RS Kartini dan disebut masyarakat 'Kartini' "
        "(http://rsud.karanganyarkab.go.id/index.php/profil/; "
        "https://joglosemarnews.com/2021/02/460224)",
    ),
    "KMK-62-015": (
        "6271026",
        "RS Online 2021 'RS Umum Kelas D Kota Palangka Raya' (milik Pemkot, satu-satunya RS "
        "Pemkot Palangka Raya) = RSUD Kota Palangka Raya; nama sama tanpa kelasnya",
    ),
}

_UPPER_WORDS = {
    "rs", "rsu", "rsud", "rsup", "rsupn", "rsia", "rsab", "rsk", "rsd", "rsb", "rsi", "rsj",
    "rskia", "rsau", "rsal", "rsad", "tni", "polri", "pku", "pmi", "ii", "iii", "iv", "vi",
    "tk", "ibu", "kia", "bumn", "ptpn", "pt", "dkt", "gmim", "kristen",
}


def title_name(name: str) -> str:
    """A readable name from an upper-case RS Online name ("RS UMUM DAERAH X" -> "RSUD X")."""
    words = []
    for w in " ".join(str(name).split()).split(" "):
        bare = re.sub(r"[^a-z]", "", w.lower())
        if bare in _UPPER_WORDS and bare not in ("ibu", "kristen"):
            words.append(w.upper())
        elif w.isupper() or w.islower():
            words.append(w[:1].upper() + w[1:].lower())
        else:
            words.append(w)
    return abbreviate(" ".join(words))


#: Provinces whose RS Online codes carry Kemendagri kab/kota digits, not BPS: in Sulawesi
#: Selatan the codes agree with the registered kab/kota names only when read as Kemendagri
#: (7308041 RSUD Tenriawaru Bone: Kemendagri 73.08 Bone, BPS 7308 = Maros).
PREFIX_KEMENDAGRI = frozenset({"73"})


def rsonline_kab(code: str, reg: Regions) -> str | None:
    """Kemendagri kab/kota of a 7-digit RS Online code (BPS prefix; Kepri 20, Papua 92)."""
    if not re.fullmatch(r"\d{7}", code) or code.startswith("00"):
        return None
    if code[:2] in PREFIX_KEMENDAGRI:
        kode = f"{code[:2]}.{code[2:4]}"
        return kode if kode in reg.adm2.index else None
    return kemenkes_kab("R" + code, reg)[0]


def _match_norm(name: str) -> str:
    s = " ".join(str(name).split())
    s = re.sub(r"(?i)\bkep\.?\s+", "Kepulauan ", s)
    s = re.sub(r"(?i)\bmay\s*jen(d)?\.?\b", "Mayjend", s)
    return s


def match_score(
    a: str, b: str, places_a: tuple[str, ...] = (), places_b: tuple[str, ...] = ()
) -> float:
    """Similarity 0-100 of two hospital names, for tying a hospital to its RS Online record.

    Like :func:`name_score` (types and Kota/Kabupaten must agree; a plain "RS" may also be an
    RSUP, which several hospitals became after 2021), plus: "Kep." = "Kepulauan"; a name cut
    short (RS Online cuts names at 40 characters) scores by its overlap with the longer name
    (partial ratio x 0.95); names sharing two or more words score by token-set ratio x 0.95.
    """
    a, b = _match_norm(a), _match_norm(b)
    ta, tb = name_type(a), name_type(b)
    if ta != tb and {ta, tb} not in ({"rs", "rsud"}, {"rs", "rsup"}):
        return 0.0
    pa, pb = _polarity(a), _polarity(b)
    if pa and pb and pa != pb:
        return 0.0
    ca, cb = name_core(a, places_a), name_core(b, places_b)
    if not ca or not cb:
        return 0.0
    score = max(fuzz.token_sort_ratio(ca, cb), fuzz.ratio(ca.replace(" ", ""), cb.replace(" ", "")))
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= 8:
        score = max(score, 0.95 * fuzz.partial_ratio(short, long_))
    if len(set(ca.split()) & set(cb.split())) >= 2:
        score = max(score, 0.95 * fuzz.token_set_ratio(ca, cb))
    return float(score)


#: RS Online 2020 kab/kota names that differ from the Kemendagri name.
RSO_KAB_NAMES: dict[str, str] = {
    "kotabaru": "Kabupaten Kotabaru", "pangkajenekepulauan": "Pangkajene dan Kepulauan",
    "kepulauansiautagulandangbiaro": "Kabupaten Kep. Siau Tagulandang Biaro",
    "mamujuutara": "Pasangkayu", "malukutenggarabarat": "Kepulauan Tanimbar",
}


def rsonline_provinces(prov: str) -> list[str]:
    """Kemendagri provinces of an RS Online province code.

    RS Online numbers provinces like the Kemenkes RS codes: 20 = Kepulauan Riau, 91 = Papua
    Barat and 92 = Papua before the 2022 splits (all six Papua provinces).
    """
    prov = {"20": "21"}.get(prov.strip(), prov.strip())
    return ["91", "92", "93", "94", "95", "96"] if prov in ("91", "92") else [prov]


def rsonline_kab_by_name(reg: Regions, prov: str, name: str) -> str | None:
    """Kemendagri kab/kota of an RS Online (province code, kab/kota name) pair."""
    name = RSO_KAB_NAMES.get(re.sub(r"[^a-z]", "", name.lower()), name)
    for p in rsonline_provinces(prov):
        code = reg.kab_code(p, name)[0]
        if code:
            return code
    return None


def km_outside(reg: Regions, kode: str, lat: float, lon: float) -> float:
    """Great-circle km from a point to the polygon of kab/kota ``kode`` (0 inside)."""
    return km_to_shape(reg.adm2.geometry.get(kode), lat, lon)


def km_to_shape(geom: shapely.Geometry | None, lat: float, lon: float) -> float:
    """Great-circle km from a point to a (multi)polygon (0 inside, inf without one)."""
    if geom is None:
        return float("inf")
    pt = shapely.Point(lon, lat)
    if geom.contains(pt):
        return 0.0
    near = shapely.ops.nearest_points(geom, pt)[0]
    return float(great_circle_km(lat, lon, near.y, near.x))


def locate_many(reg: Regions, lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Kab/kota polygon holding each point ('' outside every polygon or no point)."""
    ok = lat.notna() & lon.notna()
    out = pd.Series("", index=lat.index, dtype=object)
    if not ok.any():
        return out
    pts = gpd.GeoDataFrame(
        geometry=gpd.points_from_xy(lon[ok], lat[ok]), index=lat.index[ok], crs=4326
    )
    poly = reg.adm2[["kode_kab", "geometry"]].reset_index(drop=True)
    j = gpd.sjoin(pts, poly, how="left", predicate="within")
    j = j[~j.index.duplicated(keep="first")]
    out.loc[j.index] = j["kode_kab"].fillna("").astype(str)
    return out


def load_rsonline(shared: Path, reg: Regions, note: Callable[..., None]) -> pd.DataFrame:
    """The RS Online hospitals (2021 list + 2020 services), one row per 7-digit code.

    Columns: nama, nama20, nama21, kab (where it stands: 2020 registration, else the code,
    else the 2021 region text), kab_how, kab_kode (kab/kota in the code), lat, lon,
    titik_masalah (why the 2021 point is unusable, '' if usable), titik_kab (polygon holding
    the point), tempat_tidur, kelas, kepemilikan, alamat, and the 14 service flags.
    """
    s = pd.read_csv(shared / "idn_hospitals_satgas2021.csv", dtype=str, keep_default_na=False)
    r = pd.read_csv(shared / "idn_rs_layanan_rsonline2020.csv", dtype=str, keep_default_na=False)
    s["row"] = s.index + 2
    s["kode_rs"] = s["kode_rs"].str.strip()
    valid = s["kode_rs"].map(lambda c: rsonline_kab(c, reg) is not None or bool(
        re.fullmatch(r"\d{7}", c) and not c.startswith("00")))
    for _, x in s[~valid].iterrows():
        note(sumber_data="rsonline2021", id_sumber=f"baris {x['row']}: {x['kode_rs']}",
             nama_sumber=x["nama"], provinsi="", kab_kota=x["wilayah"], kode_wilayah="", h=None,
             metode="tidak dibundel", skor=None,
             catatan="kode RS Online tidak sah (bukan 7 angka dengan kode kab/kota BPS)")
    s = s[valid]
    dup = s["kode_rs"].duplicated(keep="first")
    for _, x in s[dup].iterrows():
        first = s[(s["kode_rs"] == x["kode_rs"]) & ~dup].iloc[0]
        same = (x["nama"], x["lokasi.lat"], x["lokasi.lon"]) == (
            first["nama"], first["lokasi.lat"], first["lokasi.lon"])
        note(sumber_data="rsonline2021", id_sumber=f"baris {x['row']}: {x['kode_rs']}",
             nama_sumber=x["nama"], provinsi="", kab_kota=x["wilayah"], kode_wilayah="", h=None,
             metode="baris ganda dilewati",
             catatan=f"kode sama dengan baris {first['row']}"
             + ("" if same else f" ({first['nama']}; nama/titik berbeda, baris pertama dipakai)"))
    s = s[~dup].set_index("kode_rs")
    r = r.set_index("NoRegistrasi")
    codes = sorted(set(s.index) | set(r.index))
    out = pd.DataFrame(index=pd.Index(codes, name="kode"))
    out["nama21"] = s["nama"].reindex(codes).fillna("")
    out["nama20"] = r["NamaRS"].reindex(codes).fillna("")
    out["nama"] = [
        abbreviate(" ".join(n20.split())) if n20 else title_name(n21)
        for n20, n21 in zip(out["nama20"], out["nama21"], strict=True)
    ]
    out["kab_kode"] = [rsonline_kab(c, reg) or "" for c in codes]
    # the kab/kota where RS Online 2020 registers the hospital: by its name within the
    # province (the code of that field is BPS in most provinces but Kemendagri-numbered in
    # Sulawesi Selatan), else by the code read as BPS when that lies in the registered
    # province (RSUD Tarakan and RSUD Nunukan are registered as "Kalimantan Utara, 6401
    # Paser": no kab/kota of their province, so not used)
    def kab20_of(prov: str, name: str, code: str) -> str:
        by_code = reg.bps_to_kemendagri.get(re.sub(r"^92", "94", code.strip()), "")
        return rsonline_kab_by_name(reg, prov, name) or (
            by_code if by_code[:2] in rsonline_provinces(prov) else "")

    kab20 = pd.Series([
        kab20_of(p, n, c)
        for p, n, c in zip(r["Provinsi_code"], r["KabKota"], r["KabKota_code"], strict=True)
    ], index=r.index).reindex(codes).fillna("")
    wil21 = []
    for text in s["wilayah"].reindex(codes).fillna(""):
        kab_text, _, prov_text = text.rpartition(",")
        prov = reg.province_code(prov_text) if prov_text else None
        wil21.append((reg.kab_code(prov, kab_text.strip())[0] or "") if prov else "")
    out["kab_wilayah21"] = wil21
    out["kab"] = np.where(kab20 != "", kab20, np.where(out["kab_kode"] != "", out["kab_kode"],
                                                        out["kab_wilayah21"]))
    out["kab_how"] = np.where(kab20 != "", "KabKota RS Online 2020", np.where(
        out["kab_kode"] != "", "kode RS Online", "teks wilayah RS Online 2021"))
    lat = pd.to_numeric(s["lokasi.lat"], errors="coerce").reindex(codes)
    lon = pd.to_numeric(s["lokasi.lon"], errors="coerce").reindex(codes)
    problem = pd.Series("", index=out.index, dtype=object)
    problem[~out.index.isin(s.index)] = "tidak ada di daftar 2021"
    empty = (lat.isna() | lon.isna() | ((lat == 0) & (lon == 0))) & (problem == "")
    problem[empty] = "titik kosong atau 0,0"
    default = ((lat.round(4) == SIRS_DEFAULT[0]) & (lon.round(4) == SIRS_DEFAULT[1]))
    problem[default & (problem == "")] = "titik default SIRS (-2.41856, 108.49191)"
    key = lat.round(COORD_DECIMALS).astype(str) + "," + lon.round(COORD_DECIMALS).astype(str)
    usable = problem == ""
    groups = pd.Series(out.index[usable], index=key[usable]).groupby(level=0).agg(list)
    for k in out.index[usable]:
        others = [c for c in groups[key[k]] if c != k]
        if others:
            problem[k] = f"titik sama dengan RS lain ({';'.join(others[:3])})"
    out["lat"] = lat.round(COORD_DECIMALS)
    out["lon"] = lon.round(COORD_DECIMALS)
    out["titik_masalah"] = problem
    out["titik_kab"] = locate_many(reg, out["lat"].where(problem == ""),
                                   out["lon"].where(problem == ""))
    beds = pd.to_numeric(s["tempat_tidur"].str.strip(), errors="coerce").reindex(codes)
    out["tempat_tidur"] = beds.map(lambda b: "" if pd.isna(b) or b <= 0 else str(int(b)))
    kelas = r["KelasRS"].reindex(codes).fillna("").str.strip()
    out["kelas"] = kelas.map(lambda k: k[:1] if k in ("A", "B", "C", "D", "D PRATAMA") else "")
    out["kelas_rso"] = kelas
    # hospital type registered in RS Online 2020, recoded to jenis_rs ('' if not listed)
    jenis = r["JenisRS"].map(lambda v: " ".join(re.sub(r"[^A-Z0-9]+", " ", v.upper()).split()))
    unknown = sorted(set(jenis[~jenis.isin(JENIS_RS_RSONLINE)]))
    if unknown:
        raise BuildError(f"idn_rs_layanan_rsonline2020.csv: JenisRS {unknown} not in "
                         f"JENIS_RS_RSONLINE (pengampuan/io/contract.py); add their jenis_rs")
    out["jenis_rs"] = jenis.map(JENIS_RS_RSONLINE).reindex(codes).fillna("")
    out["kepemilikan"] = r["PenyelenggaraKat"].reindex(codes).fillna("").map(
        lambda k: KEPEMILIKAN.get(k, ""))
    out["alamat"] = s["alamat"].reindex(codes).fillna("")
    for flag in FASILITAS_FLAGS:
        out[flag] = r[flag].reindex(codes).fillna("0")
    out["di2020"] = out.index.isin(r.index)
    return out


# --------------------------------------------------------------------------------------
# Facts taken from the news texts: each quote must be found in one of the texts
# --------------------------------------------------------------------------------------
SEED_QUOTES: dict[str, str] = {
    "pasien_hd 17.02": "menangani sebanyak 92 pasien rutin yang menjalani HD",
    "Banten: tanggal MoU": "Rabu (8/3/2023)",
    "Banten: jantung": (
        "Jejaring Pengampu Pelayanan Kardiovaskuler dengan Rumah Sakit Jantung "
        "dan Pembuluh Darah Harapan Kita"
    ),
    "Banten: kanker": "Jejaring Pengampu Pelayanan Kanker dengan RS Kanker Dharmais",
    "Banten: uronefrologi": (
        "Jejaring Pengampu Pelayanan Uronefrologi dengan Rumah Sakit Umum "
        "Pusat Nasional Dr. Cipto Mangunkusumo"
    ),
    "Banten: tb": (
        "Jejaring Pengampu Pelayanan Tuberkulosis dengan Rumah Sakit Umum Pusat (RSUP) Persahabatan"
    ),
    "Banten: pie": (
        "Jejaring Pengampu Pelayanan Penyakit Infeksi Emerging (PIE) dengan RSPI "
        "Prof. dr. Sulianti Saroso"
    ),
    "Banten: stroke": "Jejaring Pengampu Pelayanan Stroke dengan RS Pusat Otak Nasional (RS PON)",
    "Banten: kia": (
        "dengan RS Anak Bunda Harapan Kita dan Rumah Sakit Umum Pusat Nasional Dr. "
        "Cipto Mangunkusumo"
    ),
    "Banten: RSUD Banten": "Rumah Sakit Umum Daerah Provinsi Banten (RSUD Banten)",
    "Jabar: 27 kab/kota": "bersama 27 Kabupaten/Kota di Jawa Barat",
    "Jabar: tanggal": "Kamis (4/4/2024)",
    "Jabar: layanan": "kanker, stroke, ginjal, dan jantung",
    "Rejang Lebong: target": "tahun 2025 sudah bisa menjadi rumah sakit rujukan regional",
    "Rejang Lebong: KJSU": (
        "rujukan regional untuk pelayanan kanker, jantung, stroke, dan uronefrologi (KJSU)"
    ),
    "Rejang Lebong: RS PON": (
        "saya sudah menjalin komunikasi dengan Rumah Sakit Pusat Otak Nasional (PON)"
    ),
    "Rejang Lebong: Dharmais": (
        "menjalin komunikasi dengan Rumah Sakit Darmais Pusat Kanker Nasional"
    ),
    "Rejang Lebong: Syamsudin": (
        "menjalin komunikasi mengenai manajemen rumah sakit dengan RS Syamsudin (RS Bunut)"
    ),
    "Rejang Lebong: MoU manajemen": "MoU nya sudah ada",
    "Banten: SDM": "Pelatihan Pendidikan Sumber Daya Manusia",
    "Jabar: SDM": "pengembangan kompetensi sumber daya manusia di rumah sakit daerah",
    "Jabar: Bekasi": "Pemerintah Kabupaten Bekasi bersama 27 Kabupaten/Kota di Jawa Barat",
    "Lebong: tanggal": "Rabu, 19 Juni 2024",
    "Lebong: cuci darah": (
        "tempat pelayanan cuci darah di Kabupaten Lebong akan dilaunching secepatnya"
    ),
}


#: Hospitals named in the news texts, as written there (province code, name).
SEED_HOSPITALS: list[tuple[str, str]] = [
    ("17", "RSUD Rejang Lebong"),
    ("17", "RSUD Lebong"),
    ("31", "Rumah Sakit Pusat Otak Nasional (PON)"),
    ("31", "Rumah Sakit Darmais Pusat Kanker Nasional"),
    ("32", "RS Syamsudin"),
    ("32", "RS Bunut"),
    ("32", "Rumah Sakit Hasan Sadikin"),
    ("36", "RSUD Banten"),
    ("31", "Rumah Sakit Jantung dan Pembuluh Darah Harapan Kita"),
    ("31", "RS Kanker Dharmais"),
    ("31", "Rumah Sakit Umum Pusat Nasional Dr. Cipto Mangunkusumo (RSCM)"),
    ("31", "RSPI Prof. dr. Sulianti Saroso"),
    ("31", "RS Pusat Otak Nasional (RS PON)"),
    ("31", "RS Anak Bunda Harapan Kita"),
]


def seed_texts(seeds: Path) -> dict[str, str]:
    """News texts by file name, whitespace normalised."""
    return {
        p.name: " ".join(p.read_text(encoding="utf-8").split()) for p in sorted(seeds.glob("*.txt"))
    }


def check_seed_quotes(seeds: Path) -> list[str]:
    texts = " ".join(
        " ".join(p.read_text(encoding="utf-8").split()) for p in sorted(seeds.glob("*.txt"))
    )
    return [
        f"news text quote for {k!r} not found in {seeds}: {q!r}"
        for k, q in SEED_QUOTES.items()
        if " ".join(q.split()) not in texts
    ]


# --------------------------------------------------------------------------------------
# Hospitals
# --------------------------------------------------------------------------------------
_PLACE_PREFIX = re.compile(
    r"^(kabupaten administrasi|kota administrasi|kabupaten|kota|daerah khusus ibukota|"
    r"daerah istimewa|kep)\s+"
)


def place_words(reg: Regions, kode: str) -> tuple[str, ...]:
    """Folded names of a kab/kota and its province, for stripping from hospital names."""
    if not reg.place_cache:
        names = dict(zip(reg.kab["kode_kab"], reg.kab["nama_kab"], strict=True)) | dict(
            zip(reg.provinces["kode_prov"], reg.provinces["nama_prov"], strict=True)
        )
        reg.place_cache = {k: _PLACE_PREFIX.sub("", fold(v)) for k, v in names.items()}
    return tuple(x for x in (reg.place_cache.get(kode, ""), reg.place_cache.get(kode[:2], "")) if x)


@dataclass
class Hospital:
    nama: str
    kode_wilayah: str
    places: tuple[str, ...] = ()
    kmk: tuple[str, int] | None = None  # decree row (province code, number)
    kmk_nama: str = ""
    ref: dict | None = None
    kemenkes: str = ""  # Kemenkes RS code
    kemenkes_how: str = ""
    alias: list[str] = field(default_factory=list)
    sumber: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    pengampu_nasional: str = ""
    kode_rs: str = ""
    lat: float = float("nan")
    lon: float = float("nan")
    lokasi_presisi: str = ""
    sumber_lokasi: str = ""
    rsonline: str = ""  # 7-digit RS Online code
    rsonline_how: str = ""
    kode_wilayah_sk: str = ""  # kab/kota of the decree listing, when not where it stands
    kemenkes_titik: str = ""  # Kemenkes 2019 code matched only for its point
    #: the first candidate point refused only because the typed address puts the hospital
    #: elsewhere (address_contradiction): kept to measure the address reading honestly
    refuted_point: tuple[float, float] | None = None
    #: the place its typed addresses name (address_place), read once by place()
    address: AddressPlace | None = None
    ditolak: list[str] = field(default_factory=list)  # point candidates rejected (source:code)

    def names(self) -> list[str]:
        out = [self.nama, self.kmk_nama, *self.alias, self.ref["nama"] if self.ref else ""]
        return [n for n in dict.fromkeys(out) if n]


def best_match(
    name: str,
    pool: list[Hospital],
    *,
    min_score: float,
    places: tuple[str, ...] = (),
) -> tuple[Hospital | None, str, float]:
    """Best hospital in ``pool`` for ``name``: exact, alias, normalised, then fuzzy.

    Returns (hospital or None, method, score). A fuzzy tie between two hospitals is
    no match ("ambigu").
    """
    f = fold(name)
    for h in pool:
        if f in (fold(h.nama), fold(h.kmk_nama)):
            return h, "exact", 100.0
    for h in pool:
        if any(f == fold(a) for a in h.alias):
            return h, "alias", 100.0
    core = name_core(name, places)
    for h in pool:
        if core and any(
            core == name_core(n, h.places) and name_score(name, n, places, h.places) > 0
            for n in h.names()
        ):
            return h, "normalised", 100.0
    scored = sorted(
        (
            (max(name_score(name, n, places, h.places) for n in h.names()), -i)
            for i, h in enumerate(pool)
        ),
        reverse=True,
    )
    if scored and scored[0][0] >= min_score:
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None, "ambigu", round(scored[0][0], 1)
        return pool[-scored[0][1]], "fuzzy (rapidfuzz)", round(scored[0][0], 1)
    return None, "tidak cocok", round(scored[0][0], 1) if scored else 0.0


def page_of(sumber: str) -> str:
    m = re.search(r"halaman PDF (\d+)", sumber)
    return m.group(1) if m else ""


def build_wilayah(
    shared: Path, reg: Regions, problems: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """wilayah.csv and kode_bps_kemendagri.csv."""
    # ---------------- wilayah ----------------
    pop = pd.read_csv(shared / "idn_population_kab_kepmendagri2025.csv", dtype=str)
    pop["penduduk_total"] = pop["penduduk_total"].astype(int)
    kab = reg.kab.merge(
        pop[["kode_kab", "penduduk_total"]], on="kode_kab", how="left", validate="one_to_one"
    )
    if kab["penduduk_total"].isna().any():
        problems.append("population missing for some kab/kota")
    prov_pop = kab.groupby("kode_prov")["penduduk_total"].sum()
    wil = pd.concat(
        [
            pd.DataFrame(
                {
                    "kode": reg.provinces["kode_prov"],
                    "nama": reg.provinces["nama_prov"],
                    "tingkat": "provinsi",
                    "kode_induk": "",
                    "penduduk": reg.provinces["kode_prov"].map(prov_pop),
                }
            ),
            pd.DataFrame(
                {
                    "kode": kab["kode_kab"],
                    "nama": kab["nama_kab"],
                    "tingkat": "kabkota",
                    "kode_induk": kab["kode_prov"],
                    "penduduk": kab["penduduk_total"],
                }
            ),
        ],
        ignore_index=True,
    )
    wil["penduduk"] = wil["penduduk"].astype(int)
    wil["tahun_penduduk"] = 2025
    wil["sumber"] = SRC_WILAYAH
    wil["pasien_hd"] = ""
    wil["sumber_pasien_hd"] = ""
    rl = wil["kode"] == "17.02"
    wil.loc[rl, "pasien_hd"] = "92"
    wil.loc[rl, "sumber_pasien_hd"] = SRC_RADAR

    # ---------------- crosswalk ----------------
    cw = pd.read_csv(shared / "idn_kode_bps_kemendagri.csv", dtype=str)
    cross = pd.DataFrame(
        {
            "kode_bps": cw["kode_kab_bps_resmi"],
            "kode": cw["kode_kab"],
            "nama_bps": cw["nama_bps"],
            "sumber": SRC_BPS,
        }
    )

    return wil, cross


def assign_kemenkes(
    hospitals: list[Hospital],
    shared: Path,
    reg: Regions,
    note: Callable[..., None],
    problems: list[str],
) -> pd.DataFrame:
    """Give hospitals their Kemenkes 2019 code (by name within the kab/kota); return that list."""
    h: Hospital | None
    # ---------------- Kemenkes 2019 codes and points ----------------
    km = pd.read_csv(shared / "idn_hospitals_kemenkes2019.csv", dtype=str, keep_default_na=False)
    km = km[km["kode_faskes"].str.startswith("R")].copy()
    km["kab"] = [
        kemenkes_kab(c, reg, p)[0] or ""
        for c, p in zip(km["kode_faskes"], km["kode_prov"], strict=True)
    ]
    differ = km["kab"] != km["kode_kab_kemendagri"]
    if differ.any():
        problems.append(
            "own BPS->Kemendagri mapping differs from the reference file in "
            f"{int(differ.sum())} rows"
        )
    km["lat_f"], km["lon_f"] = km["lat"].astype(float), km["lon"].astype(float)
    km["titik_bersama"] = km.groupby(["lat", "lon"])["kode_faskes"].transform("size") > 1
    km_by_code = km.set_index("kode_faskes")
    taken = {h.kemenkes for h in hospitals if h.kemenkes}
    for h in hospitals:
        if h.kemenkes:
            continue
        cands = km[
            ((km["kab"] == h.kode_wilayah) | (km["kode_kab_titik"] == h.kode_wilayah))
            & ~km["kode_faskes"].isin(taken)
        ]
        if cands.empty:
            continue
        places_c = [place_words(reg, k or h.kode_wilayah) for k in cands["kab"]]
        scores = [
            max(name_score(n, nm, h.places, pc) for n in h.names())
            for nm, pc in zip(cands["nama_faskes"], places_c, strict=True)
        ]
        order = sorted(zip(scores, cands["kode_faskes"], strict=True), key=lambda t: (-t[0], t[1]))
        best, code = order[0]
        if best < 90:
            continue
        if len(order) > 1 and order[1][0] == best:
            note(
                sumber_data="kemenkes2019",
                id_sumber=f"{code};{order[1][1]}",
                nama_sumber="",
                provinsi="",
                kab_kota="",
                kode_wilayah=h.kode_wilayah,
                h=None,
                metode="ambigu",
                skor=best,
                catatan=f"dua RS Kemenkes 2019 sama cocok untuk {h.nama}; tidak dipakai",
            )
            continue
        h.kemenkes, h.kemenkes_how = (
            code,
            "fuzzy (rapidfuzz; kab/kota kode RS/titik, jenis RS sama)",
        )
        taken.add(code)
        note(
            sumber_data="kemenkes2019",
            id_sumber=code,
            nama_sumber=km_by_code.loc[code, "nama_faskes"],
            provinsi=km_by_code.loc[code, "nama_prov"],
            kab_kota=km_by_code.loc[code, "kab"],
            kode_wilayah=h.kode_wilayah,
            h=h,
            metode=h.kemenkes_how,
            skor=best,
            catatan="kode_rs (dan titik, bila lolos cek) dari daftar Kemenkes 2019",
        )
    for h in hospitals:
        if h.kemenkes and h.kemenkes not in km_by_code.index:
            problems.append(f"{h.nama}: Kemenkes code {h.kemenkes} not in the 2019 list")
            h.kemenkes = ""
            continue
        if not h.kemenkes:
            continue
        k = km_by_code.loc[h.kemenkes]
        if (
            h.kemenkes_how.endswith("(nama sama)")
            and fuzz.token_set_ratio(name_core(h.nama), name_core(k["nama_faskes"])) < 90
        ):
            problems.append(
                f"{h.nama}: name differs from Kemenkes 2019 {h.kemenkes} {k['nama_faskes']!r}"
            )
        if h.kemenkes_how.startswith("kode"):
            note(
                sumber_data="kemenkes2019",
                id_sumber=h.kemenkes,
                nama_sumber=k["nama_faskes"],
                provinsi=k["nama_prov"],
                kab_kota=k["kab"],
                kode_wilayah=h.kode_wilayah,
                h=h,
                metode=h.kemenkes_how,
                skor=None,
                catatan="",
            )
        if not k["kab"]:
            h.catatan.append(
                f"kode RS {h.kemenkes} memuat kode BPS {h.kemenkes[1:5]} yang tidak ada di "
                "daftar BPS 2020"
            )
        elif k["kab"] != h.kode_wilayah:
            h.catatan.append(
                f"kode RS {h.kemenkes} memuat kab/kota {k['kab']} (kode sebelum pemekaran atau "
                "kode lain)"
            )

    return km_by_code


def assign_kode_rs(hospitals: list[Hospital], problems: list[str]) -> None:
    """kode_rs of the hospitals of the decree, the reference list and the news.

    Unchanged since the first release (users' files reference these codes): the Kemenkes
    2019 code where the name match of :func:`assign_kemenkes` found one, else the decree
    row (``KMK-PP-NNN``), else a digest of the name (``RSX-PPKK-XXXX``).
    """
    for h in hospitals:
        if h.kemenkes:
            h.kode_rs = h.kemenkes
        elif h.kmk:
            h.kode_rs = f"KMK-{h.kmk[0]}-{h.kmk[1]:03d}"
        else:
            digest = hashlib.sha1(fold(h.nama).encode()).hexdigest()[:4].upper()
            h.kode_rs = f"RSX-{h.kode_wilayah.replace('.', '')}-{digest}"
    dup = [k for k, v in Counter(h.kode_rs for h in hospitals).items() if v > 1]
    if dup:
        problems.append(f"duplicate kode_rs: {dup}")


def location_fact(h: Hospital) -> tuple[str, str] | None:
    """A LOCATION_FACTS entry for a decree hospital, or None."""
    if not h.kmk:
        return None
    for (prov, words), fact in LOCATION_FACTS.items():
        if h.kmk[0] == prov and fold(words) in fold(" ".join(h.names())):
            return fact
    return None


def block_places(h: Hospital) -> set[str]:
    """The kab/kota a hospital's name is compared in: listed, known location, sourced point."""
    fact = location_fact(h)
    return {h.kode_wilayah, *([fact[0]] if fact else []), *([h.ref["kode_kab"]] if h.ref else [])}


def best_candidate(
    h: Hospital,
    cands: list[str],
    score: Callable[[str], float],
    note: Callable[..., None],
    what: str,
) -> tuple[str, float] | None:
    """The best candidate code: score >= 90, or >= 75 with a lead of 25 over the next one.

    Two candidates with the same best score are no match (noted as ``ambigu``).
    """
    scored = sorted(((score(c), c) for c in cands), key=lambda t: (-t[0], t[1]))
    if not scored:
        return None
    best, code = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best < 90 and not (best >= 75 and best - runner_up >= 25):
        return None
    if runner_up == best:
        note(sumber_data=what, id_sumber=f"{code};{scored[1][1]}", nama_sumber="", provinsi="",
             kab_kota="", kode_wilayah=h.kode_wilayah, h=None, metode="ambigu",
             skor=round(best, 1), catatan=f"dua calon sama cocok untuk {h.nama}; tidak dipakai")
        return None
    return code, best


def tie_rsonline(
    hospitals: list[Hospital],
    rso: pd.DataFrame,
    reg: Regions,
    km_by_code: pd.DataFrame,
    shared: Path,
    note: Callable[..., None],
) -> dict[str, Hospital]:
    """Tie hospitals to their 7-digit RS Online code; return code -> hospital.

    In this order: (1) the Kemenkes 2019 code is ``R`` + the RS Online code; (2) the
    checked rename hints (RENAME_VERDICTS); (3) rapidfuzz on the names, blocked by the
    kab/kota (where the decree lists the hospital, where RS Online registers it or where its
    point lies; score >= 90), then by the province (score >= 95). A tie between two equally
    good candidates is no match.
    """
    taken: dict[str, Hospital] = {}
    by_kode = {h.kode_rs: h for h in hospitals}

    def rnames(code: str) -> list[str]:
        r = rso.loc[code]
        return [n for n in dict.fromkeys([r["nama"], title_name(r["nama21"]) if r["nama21"]
                                          else ""]) if n]

    def score(h: Hospital, code: str) -> float:
        places = place_words(reg, rso.at[code, "kab"] or h.kode_wilayah)
        return max(match_score(n, m, h.places, places) for n in h.names() for m in rnames(code))

    def tie(h: Hospital, code: str, how: str, sc: float | None, catatan: str = "") -> None:
        h.rsonline, h.rsonline_how = code, how
        taken[code] = h
        r = rso.loc[code]
        note(sumber_data="rsonline", id_sumber=code, nama_sumber=r["nama21"] or r["nama20"],
             provinsi="", kab_kota=r["kab"], kode_wilayah=h.kode_wilayah, h=h, metode=how,
             skor=sc, catatan=catatan)

    # (1) Kemenkes 2019 code
    for h in hospitals:
        code = h.kemenkes[1:] if h.kemenkes else ""
        if code not in rso.index:
            continue
        sc = score(h, code)
        same_place = h.kode_wilayah in (rso.at[code, "kab"], rso.at[code, "kab_kode"])
        if sc >= 60 or (same_place and sc > 0):
            tie(h, code, "kode Kemenkes 2019 = kode RS Online", round(sc, 1))
        else:
            note(sumber_data="rsonline", id_sumber=code, nama_sumber=rso.at[code, "nama21"],
                 provinsi="", kab_kota=rso.at[code, "kab"], kode_wilayah=h.kode_wilayah, h=None,
                 metode="kode sama, nama lain: tidak dipakai", skor=round(sc, 1),
                 catatan=f"kode Kemenkes 2019 {h.kemenkes} dari {h.nama}; nama RS Online berbeda")
    # (2) renames, each checked: the 24 hints of the reference folder and KNOWN_RENAMES
    def check_rename(h: Hospital | None, code: str) -> list[str]:
        if h is None:
            return ["kode_rs tidak ada"]
        if not code:
            return ["tidak ada satu RS Online dengan nama itu di provinsi ini"]
        r = rso.loc[code]
        fact = location_fact(h)
        places = {h.kode_wilayah, *([fact[0]] if fact else [])}
        checks = []
        if not places & {r["kab"], r["kab_kode"]}:
            checks.append(f"RS Online di {r['kab']}, KMK di {h.kode_wilayah}")
        if name_type(h.kmk_nama or h.nama) == "rsud" and r["kepemilikan"] not in (
                "Pemkab", "Pemkot", "Pemprov", ""):
            checks.append(f"RSUD, tetapi pemilik di RS Online {r['kepemilikan']}")
        if code in taken and taken[code] is not h:
            checks.append(f"kode {code} sudah milik {taken[code].nama}")
        if h.rsonline and h.rsonline != code:
            checks.append(f"{h.nama} sudah cocok dengan {h.rsonline}")
        return checks

    hints = pd.read_csv(shared / "idn_hospitals_satgas2021_alias_unverified.csv", dtype=str,
                        keep_default_na=False)
    key21 = rso["nama21"].map(fold)
    renames = [
        (f"idn_hospitals_satgas2021_alias_unverified.csv baris {row}", x.kode_rs, x.src_name,
         "", *RENAME_VERDICTS.get(x.kode_rs, ("", "belum diperiksa")))
        for row, x in zip(hints.index + 2, hints.itertuples(index=False), strict=True)
    ] + [(f"KNOWN_RENAMES {k}", k, "", code, "ya", why)
         for k, (code, why) in KNOWN_RENAMES.items()]
    for id_sumber, kode_rs, src_name, code, verdict, why in renames:
        h = by_kode.get(kode_rs)
        if not code and h is not None:
            hits = rso.index[(key21 == fold(src_name)).to_numpy()
                             & ((rso["kab"].str[:2] == h.kode_wilayah[:2])
                                | (rso["kab_kode"].str[:2] == h.kode_wilayah[:2])).to_numpy()]
            code = hits[0] if len(hits) == 1 else ""
        checks = check_rename(h, code)
        ok = verdict == "ya" and not checks
        if ok and h is not None and h.rsonline != code:
            tie(h, code, "ganti nama (diperiksa)", None, "alasan: baris 'ganti nama'")
        note(sumber_data="ganti nama", id_sumber=id_sumber,
             nama_sumber=src_name or (rso.at[code, "nama21"] if code in rso.index else ""),
             provinsi="", kab_kota="", kode_wilayah="", h=h if ok else None,
             metode="diterima" if ok else "ditolak", skor=None,
             catatan=f"{code}: {why}" + (f"; pemeriksaan gagal: {'; '.join(checks)}"
                                         if checks else ""))
    # (3) the same name (normalised) within the province, one candidate only
    key = rso["nama"].map(hospital_key)
    for h in hospitals:
        if h.rsonline:
            continue
        wanted = {hospital_key(n) for n in h.names()}
        hits = [c for c in rso.index[key.isin(wanted).to_numpy()]
                if c not in taken and h.kode_wilayah[:2] in (rso.at[c, "kab"][:2],
                                                              rso.at[c, "kab_kode"][:2])]
        if len(hits) == 1:
            tie(h, hits[0], "nama sama (provinsi)", 100.0)
    # (4) names within the kab/kota (where the decree lists it, where RS Online registers it
    # or where its point lies): score >= 90, or >= 75 and 25 ahead of the next candidate
    pairs: list[tuple[float, int, str]] = []
    for i, h in enumerate(hospitals):
        if h.rsonline:
            continue
        places = block_places(h)
        sel = rso["kab"].isin(places) | rso["kab_kode"].isin(places) | rso["titik_kab"].isin(places)
        pick = best_candidate(h, [c for c in rso.index[sel.to_numpy()] if c not in taken],
                              lambda c, h=h: score(h, c), note, "RS Online")
        if pick:
            pairs.append((pick[1], i, pick[0]))
    for sc, i, code in sorted(pairs, key=lambda t: (-t[0], t[1])):
        h = hospitals[i]
        if code not in taken and not h.rsonline:
            tie(h, code, "fuzzy (rapidfuzz; blok kab/kota)", round(sc, 1))
    # (5) hospitals without an RS Online record: the Kemenkes 2019 list, same rule (a point)
    used = {h.kemenkes for h in hospitals if h.kemenkes} | {f"R{c}" for c in taken}
    for h in hospitals:
        if h.rsonline or h.kemenkes:
            continue
        places = block_places(h)
        sel = km_by_code["kab"].isin(places) | km_by_code["kode_kab_titik"].isin(places)
        cands = [c for c in km_by_code.index[sel.to_numpy()] if c not in used]

        def km_score(c: str, h: Hospital = h) -> float:
            pl = place_words(reg, km_by_code.at[c, "kab"] or h.kode_wilayah)
            return max(match_score(n, km_by_code.at[c, "nama_faskes"], h.places, pl)
                       for n in h.names())

        pick = best_candidate(h, cands, km_score, note, "Kemenkes 2019")
        if pick:
            h.kemenkes_titik = pick[0]
            used.add(pick[0])
            note(sumber_data="kemenkes2019", id_sumber=pick[0],
                 nama_sumber=km_by_code.at[pick[0], "nama_faskes"], provinsi="",
                 kab_kota=km_by_code.at[pick[0], "kab"], kode_wilayah=h.kode_wilayah, h=h,
                 metode="fuzzy (rapidfuzz; blok kab/kota; untuk titik)", skor=round(pick[1], 1),
                 catatan="RS ini tidak ada di RS Online; titik Kemenkes 2019 diperiksa")
    return taken


#: A point in a neighbouring kab/kota is accepted (the hospital stands there) only within this
#: distance of the kab/kota where the hospital is listed, and only with the evidence of
#: :func:`stands_in_evidence`.
NEIGHBOUR_KM = 25.0
_KAB_WORD = r"(?:kab|kabupaten)"


def kabkota_pattern(reg: Regions, kode: str) -> str:
    """Regex (folded text) of kab/kota ``kode`` named with its kind: "kota bima" for Kota
    Bima, "kab bima" / "kabupaten bima" for Kabupaten Bima ('' without a name)."""
    kind, _, bare = fold(reg.kab_names[kode]).partition(" ")
    bare = re.sub(r"^administrasi ", "", bare).replace(" ", r"\s*")
    return rf"{'kota' if kind == 'kota' else _KAB_WORD}\s+{bare}" if bare else ""


def names_of(reg: Regions, text: str, kode: str) -> list[tuple[str, str]]:
    """Where ``text`` names kab/kota ``kode``: ("kabkota", words) for "Kota X" / "Kab. X" /
    "Kabupaten X" (with its kind: "Kota Bima" is not Kabupaten Bima), ("kecamatan", name) for
    one of its kecamatan after "Kec." / "Kecamatan" / "Distrik"."""
    t = fold(text)
    if not t:
        return []
    out = [("kabkota", m.group(0)) for m in re.finditer(rf"\b{kabkota_pattern(reg, kode)}\b", t)]
    for kec in sorted(reg.kecamatan.get(kode, ())):
        if re.search(rf"\b(?:kec|kecamatan|distrik)\s+{re.escape(kec)}\b", t):
            out.append(("kecamatan", kec))
    return out


def stands_in_evidence(
    reg: Regions, texts: list[tuple[str, str]], listed: str, there: str
) -> tuple[str, str]:
    """(evidence, contradiction) that a hospital listed in ``listed`` stands in ``there``.

    ``texts`` are (label, text) pairs: the hospital's names and the addresses of its records.
    Evidence: a text names ``there`` (the kab/kota or one of its kecamatan) and not
    ``listed``; contradiction: a text names ``listed`` and not ``there``. A kecamatan name
    that both kab/kota have counts for neither.
    """
    both = reg.kecamatan.get(listed, set()) & reg.kecamatan.get(there, set())

    def named(text: str, kode: str) -> list[str]:
        return [f"{'kec. ' if k == 'kecamatan' else ''}{w}" for k, w in names_of(reg, text, kode)
                if not (k == "kecamatan" and w in both)]

    ev, contra = [], []
    for label, text in texts:
        a, b = named(text, there), named(text, listed)
        quoted = " ".join(str(text).split())
        if a and not b:
            ev.append(f"{label} '{quoted}' menyebut {there} ({a[0]})")
        elif b and not a:
            contra.append(f"{label} '{quoted}' menyebut {listed} ({b[0]})")
    return "; ".join(ev), "; ".join(contra)


def candidate_rejected(
    note: Callable[..., None], h: Hospital, source: str, code: str, nama: str, where: str,
    why: str,
) -> None:
    note(sumber_data="titik", id_sumber=f"{source}:{code}", nama_sumber=nama, provinsi="",
         kab_kota=where, kode_wilayah=h.kode_wilayah, h=h, metode="titik ditolak", skor=None,
         catatan=why)


#: An address in the form a map service gives for a point ("..., KEC. OEBOBO, KOTA KUPANG,
#: NUSA TENGGARA TIM." or "..., RIAU 28826"): it may have been derived from the point it
#: should confirm, so it is no evidence of where the hospital stands.
_GEOCODED_ADDRESS = re.compile(
    r"(?:\b\d{5}\s*$|,\s*(?:aceh|sumatera|sumatra|riau|kepulauan riau|jambi|bengkulu|lampung|"
    r"kepulauan bangka|bangka belitung|dki|daerah khusus|jakarta|jawa|banten|daerah istimewa|"
    r"yogyakarta|bali|nusa tenggara|kalimantan|sulawesi|gorontalo|maluku|papua|west|east|north|"
    r"south|central)\b[^,]*$)")


def record_texts(
    h: Hospital, r: pd.Series | None, km_by_code: pd.DataFrame
) -> list[tuple[str, str]]:
    """The names of a hospital and the typed addresses of its RS Online 2021 (``r``, None
    without one) and Kemenkes 2019 records, as (label, text) pairs for
    :func:`stands_in_evidence` and :func:`far_kecamatan_contradiction` (addresses in
    map-service form are left out: see ``_GEOCODED_ADDRESS``)."""
    texts = [("nama", n) for n in h.names()]
    if r is not None:
        texts.append(("alamat RS Online 2021", r["alamat"]))
    kcode = h.kemenkes or h.kemenkes_titik or f"R{h.rsonline}"
    if kcode in km_by_code.index:
        texts.append(("alamat Kemenkes 2019", km_by_code.at[kcode, "alamat_faskes"]))
    return [(label, text) for label, text in texts
            if not (label.startswith("alamat")
                     and _GEOCODED_ADDRESS.search(" ".join(str(text).lower().split())))]


#: A kecamatan named in a hospital's address is "far" from a point beyond this distance.
FAR_KECAMATAN_KM = 10.0


def kecamatan_named(reg: Regions, text: str, stand: str, there: str) -> list[str]:
    """Kecamatan of ``stand`` that an address names: after "Kec." / "Kecamatan" / "Distrik"
    (:func:`names_of`), or as a bare name of at least 4 letters. Left out: names that ``there``
    has too, and bare names that are the name of ``stand`` or ``there`` itself ("BANTUL" in an
    address is the kabupaten, not kecamatan Bantul)."""
    t = fold(text)
    other = reg.kecamatan.get(there, set())
    region = {_PLACE_PREFIX.sub("", fold(reg.kab_names.get(k, ""))) for k in (stand, there)}
    out = [w for k, w in names_of(reg, text, stand) if k == "kecamatan" and w not in other]
    for kec in sorted(reg.kecamatan.get(stand, ())):
        if (kec not in out and kec not in other and kec not in region
                and len(kec.replace(" ", "")) >= 4 and re.search(rf"\b{re.escape(kec)}\b", t)):
            out.append(kec)
    return out


def far_kecamatan_contradiction(
    reg: Regions, texts: list[tuple[str, str]], stand: str, there: str, lat: float, lon: float
) -> str:
    """Why a point in kab/kota ``there``, accepted for ``stand`` only by TOLERANCE_KM, is not
    the hospital's ('' when nothing contradicts it).

    The typed addresses among ``texts`` (see :func:`record_texts`) name kecamatan of
    ``stand`` (:func:`kecamatan_named`), and every one of them lies more than
    FAR_KECAMATAN_KM from the point: RSUD Banda (Kab. Maluku Tengah), "JL.KUJALI ... BANDA",
    has a 2021 point in Kota Ambon, 1.5 km from the Maluku Tengah polygon but 185 km from
    kecamatan Banda. A kecamatan named X also stands for the kecamatan of ``stand`` later split
    from it ("X Barat", ...), since the addresses predate the 2025 list.
    """
    named: list[tuple[str, str, str, float]] = []
    shapes = reg.kecamatan_geom.get(stand, {})
    for label, text in texts:
        if not label.startswith("alamat"):
            continue
        for kec in kecamatan_named(reg, text, stand, there):
            family = [g for n, g in shapes.items() if n == kec or n.startswith(kec + " ")]
            if not family:
                continue
            km = min(km_to_shape(g, lat, lon) for g in family)
            named.append((label, " ".join(str(text).split()), kec, km))
    if not named or min(km for *_, km in named) <= FAR_KECAMATAN_KM:
        return ""
    label, quoted, kec, km = min(named, key=lambda x: x[3])
    return (f"{label} '{quoted}' menyebut kec. {kec} ({stand}), {km:.0f} km dari titik "
            f"(lebih dari {FAR_KECAMATAN_KM:.0f} km)")


def address_contradiction(reg: Regions, at: AddressPlace | None, lat: float, lon: float) -> str:
    """Why a candidate point is not the hospital's because its own typed address puts it
    elsewhere ('' when it does not): the desa or kecamatan the address names (``at``, from
    :func:`address_place`) lies in a kecamatan more than FAR_KECAMATAN_KM from the point.
    RSUD Majenang, "JL. DR. SOETOMO NO. 54 MAJENANG", has a 2021 point inside Kab. Cilacap but
    50 km from kecamatan Majenang."""
    if at is None:
        return ""
    km = km_to_shape(reg.kecamatan_shape.get(at.kode[:8]), lat, lon)
    if not math.isfinite(km) or km <= FAR_KECAMATAN_KM:
        return ""
    return (f"{at.why}, {km:.0f} km dari titik (lebih dari {FAR_KECAMATAN_KM:.0f} km dari "
            f"kecamatan itu)")


def near_point_problem(
    h: Hospital, reg: Regions, texts: list[tuple[str, str]], at: AddressPlace | None,
    stand: str, lat: float, lon: float, dist: float,
) -> str:
    """Why a candidate point within TOLERANCE_KM of ``stand`` (``dist`` km outside it) is
    refused, '' when accepted: :func:`tolerance_problem`, else :func:`address_contradiction`
    (the first point the address refutes is kept in ``h.refuted_point``)."""
    problem = tolerance_problem(reg, texts, stand, lat, lon, dist)
    if not problem:
        problem = address_contradiction(reg, at, lat, lon)
        if problem and h.refuted_point is None:
            h.refuted_point = (float(lat), float(lon))
    return problem


def tolerance_problem(
    reg: Regions, texts: list[tuple[str, str]], stand: str, lat: float, lon: float, dist: float
) -> str:
    """Why a candidate point within TOLERANCE_KM of ``stand`` but outside it is rejected: it
    lies inside another kab/kota (not merely at sea) and :func:`far_kecamatan_contradiction`
    finds the address against it ('' when accepted)."""
    if not 0 < dist <= TOLERANCE_KM:
        return ""
    there = reg.locate(lat, lon)
    if there is None or there == stand:
        return ""
    why = far_kecamatan_contradiction(reg, texts, stand, there, lat, lon)
    return (f"titik di {there}, {dist:.1f} km dari {stand} (dalam toleransi {TOLERANCE_KM:.0f} "
            f"km), tetapi {why}") if why else ""


# ---- where a typed address puts a hospital (desa/kelurahan or kecamatan)
#: words in front of the name of a desa/kelurahan in an address
_DESA_MARK = (r"(?:desa|ds|kel|kelurahan|keluarahan|kelurhan|kampung|kp|kampong|gampong|gp|"
              r"nagari|pekon|negeri)")
#: words in front of the name of a kecamatan (distrik in Papua)
_KEC_MARK = r"(?:kec|kecamatan|kecamtan|distrik)"
#: the start of a street name: everything from it up to a number, a km post, RT/RW or a
#: place marker is the street, not a place (streets carry town names: "JL. RAYA SENTANI -
#: DEPAPRE")
_STREET = re.compile(
    r"\b(?:jl|jln|jalan|gg|gang|komplek|kompleks|komp|perum|perumahan|blok|lr|lorong)\b.*?"
    rf"(?=\b(?:no|nomor|km|rt|rw|{_DESA_MARK[3:-1]}|{_KEC_MARK[3:-1]}|dusun|dk|dsn)\b|$)")
_NUMBERED = re.compile(r"\b(?:no|nomor|km|rt|rw|kav|blok)\s*\d\w*(?:\s+\d\w*)*|\b\w*\d\w*\b")
#: names of desa/kecamatan too common as words to be read bare from an address
_COMMON_WORDS = frozenset(
    "kota baru pasar raya jaya tengah utara selatan timur barat kampung desa lama indah "
    "makmur mulya mulia sari asri permai sentosa".split())


def address_parts(text: str) -> str:
    """A typed address reduced to its place words, one part per comma: street names,
    numbers, RT/RW and km posts dropped (a hyphen does not end a street: "JL. RAYA SENTANI -
    DEPAPRE" is one road). Parts are joined by " , " so that no name is read
    across two parts.

    >>> address_parts("JL. BRIGJEN KATAMSO NO. 37 CIERENG, KEC. SUBANG")
    'ciereng , kec subang'
    >>> address_parts("Dk. Tegalarum, Ds. Kateguhan, Kec. Sawit, Kab. Boyolali")
    'dk tegalarum , ds kateguhan , kec sawit , kab boyolali'
    """
    out = []
    for part in re.split(r"[,;()]", str(text)):
        t = fold(part)
        t = _STREET.sub(" ", t)
        t = _NUMBERED.sub(" ", t)
        t = " ".join(t.split())
        if t:
            out.append(t)
    return " , ".join(out)


@functools.cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """Whole words of a folded place name, with or without the spaces ("suka maju" =
    "sukamaju")."""
    return re.compile(r"\b" + r"\s?".join(re.escape(w) for w in name.split()) + r"\b")


@dataclass(frozen=True)
class PlaceHit:
    kind: str  # "desa" | "kecamatan"
    kode: str
    name: str
    start: int
    end: int
    marked: bool


def _other_kabkota(reg: Regions, stand: str) -> re.Pattern[str] | None:
    """One pattern for the other kab/kota of the province of ``stand``, each with its kind
    (:func:`kabkota_pattern`, as :func:`names_of` reads them; None without any)."""
    if stand not in reg.other_kabkota:
        alts = [p for k in reg.kab_names if k[:2] == stand[:2] and k != stand
                if (p := kabkota_pattern(reg, k))]
        reg.other_kabkota[stand] = re.compile(rf"\b(?:{'|'.join(alts)})\b") if alts else None
    return reg.other_kabkota[stand]


def without_own_names(reg: Regions, t: str, stand: str) -> str:
    """Folded text ``t`` without the name of kab/kota ``stand`` (with its kind) and of its
    province: "Kab. Kubu Raya" is the kab/kota, not desa Kubu, and "KOTA TANGERANG SELATAN"
    does not name Kota Tangerang."""
    region = _PLACE_PREFIX.sub("", fold(reg.kab_names.get(stand, "")))
    if region:
        t = re.sub(rf"\b(?:{_KAB_WORD}|kota)\s+{re.escape(region)}\b", " ", t)
    prov = fold(reg.provinces.set_index("kode_prov")["nama_prov"].get(stand[:2], ""))
    if prov:
        t = re.sub(rf"\b(?:provinsi|prov|propinsi)?\s*{re.escape(prov)}\b", " ", t)
    return " ".join(t.split())


def place_hits(reg: Regions, text: str, stand: str) -> list[PlaceHit]:
    """The desa/kelurahan and kecamatan of kab/kota ``stand`` that the address ``text``
    names (:func:`address_parts`). A name is read when it follows its marker ("Desa",
    "Kel.", "Kec.", "Distrik", ...) or, bare, when it has at least 4 letters, is not a common
    word and is not the name of the kab/kota itself ("WONOSOBO" in an address is the
    kabupaten). A name inside a longer name that is read too is dropped ("Landasan Ulin"
    within "Landasan Ulin Timur")."""
    t = without_own_names(reg, address_parts(text), stand)
    region = _PLACE_PREFIX.sub("", fold(reg.kab_names.get(stand, "")))
    if not t.strip(" ,"):
        return []
    hits: list[PlaceHit] = []
    names = [("kecamatan", k, n, _KEC_MARK) for k, n in reg.kecamatan_kode.get(stand, {}).items()]
    names += [("desa", k, n, _DESA_MARK) for k, n, _, _ in reg.desa.get(stand, ())]
    for kind, kode, name, mark in names:
        if not name or name.split()[-1] not in t:
            continue
        for m in _name_pattern(name).finditer(t):
            marked = re.search(rf"\b{mark}\s*$", t[: m.start()]) is not None
            bare_ok = (len(name.replace(" ", "")) >= 4 and name not in _COMMON_WORDS
                       and name != region)
            if marked or bare_ok:
                hits.append(PlaceHit(kind, kode, name, m.start(), m.end(), marked))
    hits = [h for h in hits
            if not any(o.start <= h.start and h.end <= o.end
                       and (o.end - o.start) > (h.end - h.start) for o in hits)]
    # one name read as a kecamatan and as a desa: a desa only when marked as one ("Desa
    # Pagelaran, Kec. Pagelaran"); bare or after "Kec." it is the kecamatan ("SLOGOHIMO
    # WONOGIRI", "DISTRIK MINDIPTANA")
    kec_spans = {(h.start, h.end) for h in hits if h.kind == "kecamatan"}
    desa_marked = {(h.start, h.end) for h in hits if h.kind == "desa" and h.marked}
    return [h for h in hits
            if not (h.kind == "desa" and not h.marked and (h.start, h.end) in kec_spans)
            and not (h.kind == "kecamatan" and not h.marked and (h.start, h.end) in desa_marked)]


class AddressPlace(NamedTuple):
    """The place a hospital's typed address names (:func:`address_place`)."""

    presisi: str  # "desa" | "kecamatan"
    kode: str
    lat: float
    lon: float
    why: str  # which address named it
    nama: str  # folded name of the desa or kecamatan


def address_place(
    reg: Regions, texts: list[tuple[str, str]], stand: str
) -> AddressPlace | None:
    """The place the typed addresses among ``texts`` name inside kab/kota ``stand``, or None.

    ``desa``: one desa/kelurahan is named (within the kecamatan named, when one is), and its
    centroid lies in (or within TOLERANCE_KM of) ``stand``. ``kecamatan``: else one
    kecamatan is named; its point is inside it. Two different places named (two desa of the
    same name, two kecamatan, a desa outside the kecamatan named) read as nothing more precise
    than what they agree on. An address that names another kab/kota of the province with its
    kind ("KOTA PASURUAN" for a hospital of Kabupaten Pasuruan) is not read. Addresses are read
    in order; the first that gives a desa wins, else the first kecamatan.
    """
    found: list[AddressPlace] = []
    others = _other_kabkota(reg, stand)
    for label, text in texts:
        if not label.startswith("alamat"):
            continue
        if others is not None and others.search(without_own_names(reg, fold(text), stand)):
            continue  # "... GADING REJO KOTA PASURUAN" for a hospital of Kab. Pasuruan
        hits = place_hits(reg, text, stand)
        if not hits:
            continue
        quoted = " ".join(str(text).split())
        kec = {h.kode for h in hits if h.kind == "kecamatan"}
        if len(kec) > 1:
            marked = {h.kode for h in hits if h.kind == "kecamatan" and h.marked}
            kec = marked if len(marked) == 1 else set()
        desa = {h.kode: h for h in hits if h.kind == "desa"}
        if kec:
            (k,) = kec
            desa = {c: h for c, h in desa.items() if c.startswith(k + ".")}
        if len(desa) > 1:
            # several desa: the one marked as a desa, when the others lie in its kecamatan
            # ("SUKAMAJU, DESA CIBODAS"); in different kecamatan they contradict each other
            marked = {c: h for c, h in desa.items() if h.marked}
            desa = marked if len(marked) == 1 and len({c[:8] for c in desa}) == 1 else {}
        if len(desa) == 1:
            (code, hit), = desa.items()
            lat, lon = next((la, lo) for c, _, la, lo in reg.desa[stand] if c == code)
            if km_outside(reg, stand, lat, lon) <= TOLERANCE_KM:
                found.append(AddressPlace(
                    "desa", code, lat, lon,
                    f"{label} '{quoted}' menyebut desa/kelurahan {hit.name} ({code})", hit.name))
                continue
        if len(kec) == 1:
            (k,) = kec
            lat, lon = reg.kecamatan_anchor[k]
            nama = reg.kecamatan_kode[stand][k]
            found.append(AddressPlace("kecamatan", k, lat, lon,
                                      f"{label} '{quoted}' menyebut kecamatan {nama} ({k})", nama))
    for presisi in ("desa", "kecamatan"):
        for f in found:
            if f.presisi == presisi:
                return f
    return None


def place(
    hospitals: list[Hospital],
    rso: pd.DataFrame,
    reg: Regions,
    km_by_code: pd.DataFrame,
    note: Callable[..., None],
) -> None:
    """Where each hospital stands (kode_wilayah, kode_wilayah_sk) and its point.

    The kab/kota where a hospital stands is, in this order: a LOCATION_FACTS entry; the
    polygon of its sourced point (reference list); the kab/kota where RS Online registers
    it, when the RS Online 2021 point lies there too; the kab/kota of the RS Online 2021
    point when it is a neighbour (within NEIGHBOUR_KM) and the hospital's names or typed
    addresses name it and not the listed one (:func:`stands_in_evidence`); else the
    kab/kota of the decree (or, for hospitals only in RS Online, of its registration). The
    point is the first candidate that lies in (or within TOLERANCE_KM of) that kab/kota, is
    not the SIRS default point, is not shared with another hospital, when it passes only
    thanks to TOLERANCE_KM inside another kab/kota is not contradicted by the address
    (:func:`tolerance_problem`), and is not refuted by the place the typed address names
    (:func:`address_contradiction`): sumber, rsonline2021, kemenkes2019; else the desa or
    kecamatan the typed address names (:func:`address_place`; desa, kecamatan); else a point
    inside the kab/kota (kabkota). Every rejected candidate is noted, and every approximate
    point with its reason (:func:`placeholder_reason`).
    """
    for h in hospitals:
        listed = h.kode_wilayah
        r = rso.loc[h.rsonline] if h.rsonline else None
        stand, why, contra = listed, "", ""
        fact = location_fact(h)
        if fact:
            stand, why = fact
        elif h.ref:
            stand = h.ref["kode_kab"]
            why = "titik bersumber (daftar RS referensi) terletak di sini"
        elif (r is not None and r["kab"] and r["kab"] != listed and r["titik_masalah"] == ""
              and km_outside(reg, r["kab"], r["lat"], r["lon"]) <= TOLERANCE_KM):
            stand = r["kab"]
            why = f"RS Online: terdaftar di {r['kab']} ({r['kab_how']}) dan titik 2021 di sana"
        elif (r is not None and r["titik_masalah"] == "" and r["titik_kab"] not in ("", listed)
              and TOLERANCE_KM < (dist := km_outside(reg, listed, r["lat"], r["lon"]))
              <= NEIGHBOUR_KM):
            # the 2021 point lies in a neighbouring kab/kota, too far to pass for the listed
            # one: the hospital stands there when its names or the typed addresses of its
            # records say so, and none says the listed one
            ev, contra = stands_in_evidence(reg, record_texts(h, r, km_by_code), listed,
                                            r["titik_kab"])
            if ev and not contra:
                stand = r["titik_kab"]
                why = (f"titik RS Online 2021 di {stand}, {dist:.1f} km dari {listed}, dan {ev}")
                note(sumber_data="titik", id_sumber=f"rsonline2021:{h.rsonline}",
                     nama_sumber=r["nama21"], provinsi="", kab_kota=stand, kode_wilayah=stand,
                     h=h, metode="titik di kab/kota tetangga diterima", skor=None, catatan=why)
        if stand != listed:
            h.kode_wilayah = stand
            if h.kmk:
                h.kode_wilayah_sk = listed
                h.catatan.append(f"berdiri di {stand}, KMK 1277/2024 mencantumkan di {listed}: "
                                 f"{why}")
            else:
                h.catatan.append(f"berdiri di {stand} ({why}); sumber lain menyebut {listed}")
        # ---- the point
        texts = record_texts(h, r, km_by_code)
        h.address = address_place(reg, texts, stand)
        if h.ref:
            h.lat, h.lon = float(h.ref["lat"]), float(h.ref["lon"])
            h.lokasi_presisi = "sumber"
            verif = re.search(r"verif=\w+", h.ref["catatan"])
            h.sumber_lokasi = (
                f"{short_ref_source(h.ref['sumber'])}; {verif.group(0) if verif else ''}"
            ).strip("; ")
            continue
        if r is not None:
            problem = r["titik_masalah"]
            if not problem:
                dist = km_outside(reg, stand, r["lat"], r["lon"])
                if dist > TOLERANCE_KM:
                    problem = (f"titik di {r['titik_kab'] or 'luar poligon'}, {dist:.1f} km dari "
                               f"{stand}")
                    problem += f"; {contra}" if contra else ""
                else:
                    problem = near_point_problem(h, reg, texts, h.address, stand, r["lat"],
                                                 r["lon"], dist)
            if not problem:
                h.lat, h.lon = float(r["lat"]), float(r["lon"])
                h.lokasi_presisi = "rsonline2021"
                h.sumber_lokasi = f"{RSO21} ({h.rsonline})"
                continue
            if problem != "tidak ada di daftar 2021":
                candidate_rejected(note, h, "rsonline2021", h.rsonline, r["nama21"],
                                   r["titik_kab"], problem)
                h.ditolak.append(f"rsonline2021:{h.rsonline}")
        kcode = h.kemenkes or h.kemenkes_titik or (
            f"R{h.rsonline}" if f"R{h.rsonline}" in km_by_code.index else "")
        if kcode:
            k = km_by_code.loc[kcode]
            problem = ""
            if k["titik_bersama"]:
                problem = "titik sama dengan RS lain (titik generik)"
            elif (round(k["lat_f"], 4), round(k["lon_f"], 4)) == SIRS_DEFAULT:
                problem = "titik default SIRS"
            else:
                dist = km_outside(reg, stand, k["lat_f"], k["lon_f"])
                if dist > TOLERANCE_KM:
                    problem = (f"titik di {k['kode_kab_titik'] or 'luar poligon'}, {dist:.1f} km "
                               f"dari {stand}")
                else:
                    problem = near_point_problem(h, reg, texts, h.address, stand, k["lat_f"],
                                                 k["lon_f"], dist)
            if not problem:
                h.lat = round(float(k["lat_f"]), COORD_DECIMALS)
                h.lon = round(float(k["lon_f"]), COORD_DECIMALS)
                h.lokasi_presisi = "kemenkes2019"
                h.sumber_lokasi = f"Kemenkes 2019 ({kcode})"
                continue
            if (r is not None and pd.notna(r["lat"]) and (r["lat"], r["lon"]) != (0, 0)
                    and great_circle_km(r["lat"], r["lon"], k["lat_f"], k["lon_f"])
                    < SAME_POINT_KM):
                problem += "; = titik RS Online 2021 (dibulatkan): satu titik, bukan dua sumber"
            candidate_rejected(note, h, "kemenkes2019", kcode, k["nama_faskes"],
                               k["kode_kab_titik"], problem)
            h.ditolak.append(f"kemenkes2019:{kcode}")
        at = h.address
        if at is not None:
            h.lat, h.lon, h.lokasi_presisi = at.lat, at.lon, at.presisi
            what = "pusat desa/kelurahan" if at.presisi == "desa" else "titik di dalam kecamatan"
            h.sumber_lokasi = (f"{what} {at.nama.title()} ({at.kode}) menurut alamat RS; bukan "
                               f"lokasi RS")
            note(sumber_data="titik", id_sumber=f"alamat:{at.kode}", nama_sumber="", provinsi="",
                 kab_kota=stand, kode_wilayah=stand, h=h, metode=ADDRESS_METODE[at.presisi],
                 skor=None, catatan=f"{at.why}; {placeholder_reason(h, r)}")
            continue
        h.lat, h.lon = reg.anchor[stand]
        h.lokasi_presisi = "kabkota"
        h.sumber_lokasi = f"titik di dalam poligon {stand}; bukan lokasi RS"
        note(sumber_data="titik", id_sumber="kabkota", nama_sumber="", provinsi="",
             kab_kota=stand, kode_wilayah=stand, h=h, metode=PLACEHOLDER_METODE,
             skor=None, catatan=placeholder_reason(h, r))


#: The address reading must keep, on the hospitals whose point is known, at most this median
#: error (km) per precision: a regression of the reading fails the build.
ADDRESS_MAX_MEDIAN_KM = {"desa": 2.0, "kecamatan": 5.0}


def address_accuracy(hospitals: list[Hospital], reg: Regions) -> pd.DataFrame:
    """The address reading (:func:`address_place`, as :func:`place` read it) tried on every
    hospital whose point is
    known (sumber, RS Online 2021, Kemenkes 2019), as if it had none — including the points
    refused only because the address disagrees (``refuted``; leaving them out would measure
    the reading on the points that agree with it): one row per hospital with the precision
    read and ``error_km``, the great-circle distance from the point read to the known point;
    and, for comparison, ``kabkota_km``, the distance from the kab/kota placeholder to it."""
    rows = []
    for h in hospitals:
        if h.lokasi_presisi in ("sumber", "rsonline2021", "kemenkes2019"):
            lat, lon, refuted = h.lat, h.lon, False
        elif h.refuted_point is not None:
            (lat, lon), refuted = h.refuted_point, True
        else:
            continue
        at = h.address
        alat, alon = reg.anchor[h.kode_wilayah]
        rows.append({
            "kode_rs": h.kode_rs, "presisi": at.presisi if at else "", "refuted": refuted,
            "error_km": float(great_circle_km(lat, lon, at.lat, at.lon)) if at else np.nan,
            "kabkota_km": float(great_circle_km(lat, lon, alat, alon)),
        })
    return pd.DataFrame(rows, columns=["kode_rs", "presisi", "refuted", "error_km",
                                       "kabkota_km"])


def report_address_accuracy(hospitals: list[Hospital], reg: Regions) -> list[str]:
    """Print how far the address reading lands from known points (:func:`address_accuracy`)
    and return the problems (a median beyond ADDRESS_MAX_MEDIAN_KM)."""
    acc = address_accuracy(hospitals, reg)
    problems = []
    print(f"  Titik dari alamat, diuji pada {len(acc)} RS yang titiknya diketahui (termasuk "
          f"{int(acc['refuted'].sum())} titik yang ditolak karena alamatnya):")
    for presisi in ("desa", "kecamatan"):
        e = acc.loc[acc["presisi"] == presisi, "error_km"]
        if e.empty:
            continue
        print(f"    {presisi:9s} n={len(e):4d}  median {e.median():.1f} km, p90 "
              f"{e.quantile(0.9):.1f} km, <= 5 km {(e <= 5).mean():.0%}")
        if e.median() > ADDRESS_MAX_MEDIAN_KM[presisi]:
            problems.append(f"address reading '{presisi}': median error {e.median():.1f} km, more "
                            f"than {ADDRESS_MAX_MEDIAN_KM[presisi]:.0f} km")
    k = acc["kabkota_km"]
    print(f"    kabkota   n={len(k):4d}  median {k.median():.1f} km, p90 {k.quantile(0.9):.1f} km,"
          f" <= 5 km {(k <= 5).mean():.0%} (titik kab/kota, pembanding)")
    return problems


#: metode of the match-report row that says why a hospital has only a placeholder point.
PLACEHOLDER_METODE = "titik kab/kota (bukan lokasi RS)"
#: metode of the match-report row of a hospital placed by the place its address names.
ADDRESS_METODE = {"desa": "titik desa/kelurahan dari alamat (bukan lokasi RS)",
                  "kecamatan": "titik kecamatan dari alamat (bukan lokasi RS)"}
#: The 2021 and the 2019 point of a hospital closer than this are one point (the 2021 list
#: repeats the 2019 coordinates, rounded), not two sources that agree.
SAME_POINT_KM = 0.2

#: Decree hospitals left on a placeholder although a record might be theirs: why the record
#: is not used (kode_rs -> note).
UNCONFIRMED: dict[str, str] = {
    "KMK-12-028": (
        "calon RS Online 1224002 'RS Pratama Kabupaten Nias Utara' (Lotu, Pemkab, kelas D) "
        "tidak dipakai: RSUD Tafaeri juga di Lotu dan kelas D (berita 2025), tetapi tidak ada "
        "sumber bahwa keduanya satu RS"
    ),
}


def placeholder_reason(h: Hospital, r: pd.Series | None) -> str:
    """Why a hospital has no better point than its kab/kota placeholder."""
    if h.ditolak:
        why = f"hanya calon yang ditolak: {', '.join(h.ditolak)} (alasan: baris 'titik ditolak')"
    elif r is not None:
        why = "hanya di RS Online 2020 (tanpa titik); tidak ada di RS Online 2021 dan Kemenkes 2019"
    else:
        why = ("tidak ada di RS Online 2021/2020 maupun Kemenkes 2019 (RS baru atau berganti "
               "nama setelah 2021, atau namanya tidak dikenali)")
    return "; ".join([why, *([UNCONFIRMED[h.kode_rs]] if h.kode_rs in UNCONFIRMED else [])])


def build_layanan(
    kmk: pd.DataFrame,
    news: pd.DataFrame,
    by_kmk: dict[tuple[str, int], Hospital],
    news_h: dict[int, Hospital],
    nat: dict[str, Hospital],
    rejang: Hospital,
) -> pd.DataFrame:
    """layanan.csv: decree tiers, news strata, national tb/pie/kia, Rejang Lebong target."""
    h: Hospital | None
    rscm = nat["uronefrologi"]
    # ---------------- layanan ----------------
    lay_rows: list[dict] = []
    kmk_src = f"{SRC_KMK} lampiran hlm. {{}}"
    for _, r in kmk.iterrows():
        h = by_kmk.get((r["prov"], int(r["no"])))
        if h is not None and r["strata"]:
            lay_rows.append(
                {
                    "kode_rs": h.kode_rs,
                    "layanan": r["layanan"],
                    "strata": r["strata"],
                    "status": "target",
                    "tahun": 2024,
                    "sumber": kmk_src.format(page_of(r["sumber"])),
                    "bukti": "regulasi",
                    "catatan": "",
                }
            )
    for _, r in kmk.drop_duplicates(["prov", "no"]).iterrows():
        h = by_kmk.get((r["prov"], int(r["no"])))
        if h is not None and r["kia"] in STRATA:
            lay_rows.append(
                {
                    "kode_rs": h.kode_rs,
                    "layanan": "kia",
                    "strata": r["kia"],
                    "status": "target",
                    "tahun": 2024,
                    "sumber": kmk_src.format(page_of(r["sumber"])),
                    "bukti": "regulasi",
                    "catatan": "kolom KIA lampiran",
                }
            )
    for _, r in news[news["strata"] != ""].iterrows():
        h = news_h.get(int(r["baris"]))
        if h is not None:
            lay_rows.append(
                {
                    "kode_rs": h.kode_rs,
                    "layanan": r["layanan"],
                    "strata": r["strata"],
                    "status": r["status"],
                    "tahun": int(r["tahun"]) if r["tahun"] else "",
                    "sumber": short_url(r["sumber"]),
                    "bukti": news_bukti(r["sumber"]),
                    "catatan": r["catatan"],
                }
            )
    for lay, label in (
        ("tb", "Tuberkulosis"),
        ("pie", "Penyakit Infeksi Emerging (PIE)"),
        ("kia", "KIA"),
    ):
        for h in [nat[lay], *([rscm] if lay == "kia" else [])]:
            lay_rows.append(
                {
                    "kode_rs": h.kode_rs,
                    "layanan": lay,
                    "strata": "paripurna",
                    "status": "ada",
                    "tahun": 2023,
                    "sumber": SRC_BANTEN,
                    "bukti": "inferensi",
                    "catatan": "sumber: RS ini pengampu nasional 'Jejaring Pengampu Pelayanan "
                    f"{label}'; strata paripurna disimpulkan dari peran itu (tidak disebut sumber)",
                }
            )
    for lay in KJSU:
        lay_rows.append(
            {
                "kode_rs": rejang.kode_rs,
                "layanan": lay,
                "strata": "utama",
                "status": "target",
                "tahun": 2025,
                "sumber": SRC_CURUP,
                "bukti": "inferensi",
                "catatan": "sumber: target menjadi 'rumah sakit rujukan regional' KJSU pada "
                "2025 (Plt Direktur); strata utama adalah tafsiran "
                "(sumber tidak menyebut nama strata)",
            }
        )
    layanan = pd.DataFrame(lay_rows)

    return layanan


def build_jejaring(
    hospitals: list[Hospital],
    news: pd.DataFrame,
    news_h: dict[int, Hospital],
    nat: dict[str, Hospital],
    rshs: Hospital,
    banten: Hospital,
    rejang: Hospital,
    syamsudin: Hospital,
    note: Callable[..., None],
    problems: list[str],
) -> pd.DataFrame:
    """jejaring.csv: the Banten, Jawa Barat and Bengkulu MoUs and the news links."""
    rscm = nat["uronefrologi"]
    # ---------------- jejaring ----------------
    links: list[dict] = []

    def link(p: Hospital, d: Hospital, lay: str, mulai: str, sumber: str, catatan: str,
             bukti: str) -> None:
        links.append(
            {
                "pengampu": p.kode_rs,
                "diampu": d.kode_rs,
                "layanan": lay,
                "mulai": mulai,
                "sumber": sumber,
                "jenis": "sumber",
                "bukti": bukti,
                "catatan": catatan,
            }
        )

    note_banten = (
        "MoU ditandatangani Pemprov Banten dengan 7 RS pengampu; RSUD Banten (RSUD milik provinsi, "
        "disebut dalam berita) mewakili provinsi"
    )
    for lay in ("jantung", "kanker", "uronefrologi", "tb", "pie", "stroke", "kia"):
        link(
            nat[lay],
            banten,
            lay,
            "2023-03-08",
            SRC_BANTEN,
            note_banten + ("; KIA bersama RSCM" if lay == "kia" else ""),
            "berita",
        )
    link(
        rscm,
        banten,
        "kia",
        "2023-03-08",
        SRC_BANTEN,
        note_banten + "; KIA bersama RSAB Harapan Kita",
        "berita",
    )
    for p in (nat["kia"], rscm):  # RSAB Harapan Kita and RSCM
        link(p, banten, "sdm", "2023-03-08", SRC_BANTEN,
             note_banten + "; 'Pelatihan Pendidikan Sumber Daya Manusia' bersama RSAB Harapan "
             "Kita dan RSCM", "berita")
    jabar = [
        h
        for h in hospitals
        if h.kmk
        and h.kmk[0] == "32"
        and h is not rshs
        and "provinsi" not in fold(h.kmk_nama)
        and name_type(h.kmk_nama) != "rsup"
    ]
    per_kab = Counter(h.kode_wilayah for h in jabar)
    if len(per_kab) != 27 or max(per_kab.values()) != 1:
        problems.append(
            f"Jawa Barat: expected one decree RSUD in each of 27 kab/kota, got {dict(per_kab)}"
        )
    for h in sorted(jabar, key=lambda x: x.kode_wilayah):
        # the article (Pemkab Bekasi's newsroom) names Kab. Bekasi; the other 26 kab/kota
        # rest on its general statement "bersama 27 Kabupaten/Kota di Jawa Barat"
        named = h.kode_wilayah == JABAR_NAMED
        bukti = "berita" if named else "inferensi"
        why = ("berita menyebut Kab. Bekasi" if named else
               "berita hanya menyebut '27 Kabupaten/Kota di Jawa Barat' (pernyataan umum); "
               "tautan ini disimpulkan")
        for lay in ("kanker", "stroke", "uronefrologi", "jantung", "sdm"):
            link(
                rshs,
                h,
                lay,
                "2024-04-04",
                SRC_JABAR,
                "MoU program pengampuan ditandatangani pemerintah 27 kab/kota dengan Pemprov "
                "Jawa Barat/RSHS; RSUD ini (RSUD kab/kota dalam KMK 1277/2024) mewakili "
                f"kab/kotanya; {why}"
                + ("; 'ginjal' = uronefrologi" if lay == "uronefrologi" else "")
                + ("; 'pengembangan kompetensi sumber daya manusia'" if lay == "sdm" else ""),
                bukti,
            )
    note_curup = (
        "komunikasi dan rencana pelatihan tenaga kesehatan menuju kerja sama 'sister hospital' "
        "(pernyataan Plt Direktur RSUD); belum disebut perjanjian resmi; tanggal tidak tertera"
    )
    # "menjalin komunikasi": no agreement yet, the link is this project's reading
    link(nat["stroke"], rejang, "stroke", "", SRC_CURUP, note_curup, "inferensi")
    link(
        nat["kanker"],
        rejang,
        "kanker",
        "",
        SRC_CURUP,
        note_curup + "; juga instalasi ruang kanker dan racik obat kanker",
        "inferensi",
    )
    link(
        syamsudin,
        rejang,
        "manajemen",
        "",
        SRC_CURUP,
        "komunikasi mengenai manajemen rumah sakit dengan RS Syamsudin (RS Bunut), pemateri "
        "Bimtek manajemen RSUD; Plt Direktur: 'MoU nya sudah ada' (dokumen MoU tidak dilihat; "
        "tanggal tidak tertera)",
        "berita",
    )
    months = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
    for _, r in news[news["peran"].isin(["diampu", "both"]) & (news["pengampu"] != "")].iterrows():
        d = news_h.get(int(r["baris"]))
        for p in [x.strip() for x in r["pengampu"].split(";") if x.strip()]:
            pname = re.sub(r"\s*\((nasional|regional)\)\s*$", "", p)
            hp, m, s = best_match(pname, hospitals, min_score=101)
            note(
                sumber_data="berita (pengampu)",
                id_sumber=f"kjsu_strata_reference.csv baris {r['baris']}",
                nama_sumber=pname,
                provinsi="",
                kab_kota="",
                kode_wilayah=hp.kode_wilayah if hp else "",
                h=hp,
                metode=m,
                skor=s,
                catatan=short_url(r["sumber"]) if hp else "pengampu tidak dikenali (tabel alias)",
            )
            if hp is None or d is None:
                problems.append(f"news link not resolved: {pname!r} -> {r['nama_rs']!r}")
                continue
            mt = re.search(r"(\d{1,2}) (" + "|".join(months) + r")\w* (\d{4})", r["catatan"])
            mulai = ""
            if mt and "perjanjian" in r["catatan"]:
                mulai = f"{mt.group(3)}-{months.index(mt.group(2)) + 1:02d}-{int(mt.group(1)):02d}"
            cat = "; ".join(
                x
                for x in (r["catatan"], f"tahun di sumber {r['tahun']}" if r["tahun"] else "")
                if x
            )
            link(hp, d, r["layanan"], mulai, short_url(r["sumber"]), cat,
                 news_bukti(r["sumber"]))
    jej = pd.DataFrame(links)
    dups = jej.duplicated(["pengampu", "diampu", "layanan"], keep="first")
    for _, r in jej[dups].iterrows():
        first = jej[
            (jej["pengampu"] == r["pengampu"])
            & (jej["diampu"] == r["diampu"])
            & (jej["layanan"] == r["layanan"])
        ].index[0]
        jej.loc[first, "catatan"] = f"{jej.loc[first, 'catatan']}; juga: {r['sumber']}"
        if BUKTI.index(r["bukti"]) < BUKTI.index(jej.loc[first, "bukti"]):
            jej.loc[first, "bukti"] = r["bukti"]
    jej = jej[~dups].reset_index(drop=True)
    if (jej["pengampu"] == jej["diampu"]).any():
        problems.append("self-link in jejaring")
    for lay, g in jej.groupby("layanan"):
        cyc = list(nx.simple_cycles(nx.DiGraph(list(zip(g["pengampu"], g["diampu"], strict=True)))))
        if cyc:
            problems.append(f"cycle in jejaring ({lay}): {cyc[:3]}")

    return jej


def rs_sources(h: Hospital, rso: pd.DataFrame) -> list[str]:
    """The sources of a hospital row: its own, plus the RS Online lists that hold it."""
    out = list(h.sumber)
    if h.rsonline:
        r = rso.loc[h.rsonline]
        out.append(" + ".join(x for x, has in ((RSO21, r["nama21"] != ""), (RSO20, r["di2020"]))
                              if has) + f" ({h.rsonline})")
    return out


def build_fasilitas(hospitals: list[Hospital], rso: pd.DataFrame) -> pd.DataFrame:
    """fasilitas.csv: the services each hospital reported to RS Online in 2020.

    One row per hospital and fasilitas name (FASILITAS_FLAGS maps the 14 flags to the 11
    names); ``sumber`` names the flag(s) that were set. Reported services, not strata.
    """
    rows: list[dict] = []
    merged = {n: [f for f, m in FASILITAS_FLAGS.items() if m == n] for n in FASILITAS}
    for h in hospitals:
        if not h.rsonline or not rso.at[h.rsonline, "di2020"]:
            continue
        r = rso.loc[h.rsonline]
        for name in FASILITAS:
            flags = [f for f, n in FASILITAS_FLAGS.items() if n == name and r[f] == "1"]
            if flags:
                rows.append({
                    "kode_rs": h.kode_rs,
                    "fasilitas": name,
                    "tahun": 2020,
                    # the flag is named only where two flags share one fasilitas name
                    "sumber": RSO20 if len(merged[name]) == 1 else f"{RSO20}: {' + '.join(flags)}",
                    "bukti": "dokumen",
                })
    fas = pd.DataFrame(rows, columns=["kode_rs", "fasilitas", "tahun", "sumber", "bukti"])
    order = {n: i for i, n in enumerate(FASILITAS)}
    return fas.sort_values(["kode_rs", "fasilitas"], key=lambda c: c.map(order)
                           if c.name == "fasilitas" else c, kind="stable").reset_index(drop=True)


def check_fasilitas(fas: pd.DataFrame, rs: pd.DataFrame) -> list[str]:
    p: list[str] = []
    if not set(fas["kode_rs"]) <= set(rs["kode_rs"]):
        p.append("fasilitas: kode_rs not in rumah_sakit")
    if fas.duplicated(["kode_rs", "fasilitas"]).any():
        p.append("fasilitas: repeated (kode_rs, fasilitas)")
    if not set(fas["fasilitas"]) <= set(FASILITAS):
        p.append(f"fasilitas: unknown names {sorted(set(fas['fasilitas']) - set(FASILITAS))}")
    return p


def tables(
    hospitals: list[Hospital], report: list[dict], layanan: pd.DataFrame, rso: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """rumah_sakit.csv, pencocokan_rs.csv and the sorted layanan table."""
    # ---------------- tables ----------------

    def rso_value(h: Hospital, col: str) -> str:
        return str(rso.at[h.rsonline, col]) if h.rsonline else ""

    rs = (
        pd.DataFrame(
            [
                {
                    "kode_rs": h.kode_rs,
                    "nama": h.nama,
                    "lat": f"{h.lat:.{COORD_DECIMALS}f}",
                    "lon": f"{h.lon:.{COORD_DECIMALS}f}",
                    "kode_wilayah": h.kode_wilayah,
                    "kode_wilayah_sk": h.kode_wilayah_sk,
                    "kode_rsonline": h.rsonline,
                    "kelas": rso_value(h, "kelas"),
                    "jenis_rs": rso_value(h, "jenis_rs"),
                    "kepemilikan": rso_value(h, "kepemilikan")
                    or ("Kemenkes" if h.pengampu_nasional
                        else kepemilikan_from_name(h.kmk_nama or h.nama)),
                    "tempat_tidur": rso_value(h, "tempat_tidur"),
                    "alias": ";".join(
                        dict.fromkeys(a for a in h.alias if a and fold(a) != fold(h.nama))
                    ),
                    "lokasi_presisi": h.lokasi_presisi,
                    "sumber_lokasi": h.sumber_lokasi,
                    "pengampu_nasional": h.pengampu_nasional,
                    "sumber": "; ".join(dict.fromkeys(rs_sources(h, rso))),
                    "catatan": "; ".join(dict.fromkeys(h.catatan)),
                }
                for h in hospitals
            ]
        )
        .sort_values("kode_rs", kind="stable")
        .reset_index(drop=True)
    )
    mrep = pd.DataFrame(
        [
            {k: v for k, v in row.items() if k != "h"}
            | {
                "kode_rs": row["h"].kode_rs if row["h"] else "",
                "nama_rs": row["h"].nama if row["h"] else "",
            }
            for row in report
        ]
    )
    mrep["skor"] = mrep["skor"].map(lambda s: "" if s is None or pd.isna(s) else f"{float(s):.1f}")
    mrep = mrep[
        [
            "sumber_data",
            "id_sumber",
            "nama_sumber",
            "provinsi",
            "kab_kota",
            "kode_wilayah",
            "kode_rs",
            "nama_rs",
            "metode",
            "skor",
            "catatan",
        ]
    ]
    layanan = layanan.sort_values(
        ["kode_rs", "layanan", "status", "sumber"], kind="stable"
    ).reset_index(drop=True)

    return rs, mrep, layanan


def write_and_summarise(files: dict[str, pd.DataFrame], out: Path, problems: list[str]) -> int:
    """Write the tables, print the summary; return the exit status."""
    out.mkdir(parents=True, exist_ok=True)
    rs, mrep = files["rumah_sakit.csv"], files["pencocokan_rs.csv"]
    layanan, jej = files["layanan.csv"], files["jejaring.csv"]
    for name, df in files.items():
        df.to_csv(out / name, index=False, lineterminator="\n")
    print("Bundled data written to", out)
    total = 0
    for name, df in files.items():
        size = (out / name).stat().st_size
        total += size
        print(f"  {name:26s} {len(df):5d} rows  {size / 1024:7.1f} KiB")
    print(f"  {'total':26s}        {total / 1024:7.1f} KiB")
    print("  rumah_sakit per lokasi_presisi:", dict(sorted(Counter(rs["lokasi_presisi"]).items())))
    print("  rumah_sakit per jenis_rs:", dict(Counter(rs["jenis_rs"].replace("", "(kosong)"))
                                             .most_common()))
    print(
        "  kode_rs: Kemenkes",
        int(rs["kode_rs"].str.match(r"^R\d{7}$").sum()),
        "| KMK-",
        int(rs["kode_rs"].str.startswith("KMK-").sum()),
        "| RSX-",
        int(rs["kode_rs"].str.startswith("RSX-").sum()),
    )
    matched = mrep["kode_rs"].ne("").map({True: "cocok", False: "tidak cocok"})
    print("  pencocokan:", dict(sorted(Counter(mrep["sumber_data"] + ": " + matched).items())))
    print(
        "  pencocokan per metode:",
        dict(sorted(Counter(mrep["metode"].str.split(r" \(| \d", regex=True).str[0]).items())),
    )
    print(
        "  layanan (layanan/status):",
        dict(sorted(Counter(layanan["layanan"] + "/" + layanan["status"]).items())),
    )
    print("  jejaring per layanan:", dict(sorted(Counter(jej["layanan"]).items())))
    if total > MAX_CSV_BYTES:
        problems.append(f"bundled CSVs total {total / 1024:.0f} KiB, more than "
                        f"{MAX_CSV_BYTES / 1024:.0f} KiB")
    if problems:
        print(f"\n{len(problems)} invariant(s) failed:", file=sys.stderr)
        for p in problems:
            print("  -", p, file=sys.stderr)
        return 1
    print("All invariants hold.")
    return 0


def build(shared: Path, seeds: Path, out: Path) -> int:
    """Build all tables into ``out``; return the exit status (0 ok, 1 invariant failed)."""
    h: Hospital | None
    score: float | None
    problems: list[str] = check_seed_quotes(seeds)
    reg = load_regions(shared)
    report: list[dict] = []
    prov_name = dict(zip(reg.provinces["kode_prov"], reg.provinces["nama_prov"], strict=True))

    def note(**kw: object) -> None:
        report.append(kw)

    wil, cross = build_wilayah(shared, reg, problems)

    # ---------------- decree hospitals ----------------
    strata_ref = pd.read_csv(shared / "kjsu_strata_reference.csv", dtype=str, keep_default_na=False)
    is_kmk = strata_ref["sumber"].str.contains("icalitulaci")
    kmk = strata_ref[is_kmk].copy()
    news = strata_ref[~is_kmk].copy()
    news["baris"] = news.index + 2
    kmk["no"] = kmk["catatan"].str.extract(r"no\. [^;/]+/(\d+)")[0].astype(int)
    kmk["prov"] = kmk["provinsi"].map(reg.province_code)
    if kmk["prov"].isna().any():
        problems.append(
            "decree provinces not matched: "
            f"{sorted(kmk.loc[kmk['prov'].isna(), 'provinsi'].unique())}"
        )
    kmk["kia"] = kmk["catatan"].str.extract(r"KIA=(\w+)")[0].str.lower()
    # the decree's spelling of province names
    prov_name |= dict(zip(kmk["prov"], kmk["provinsi"], strict=True))
    hospitals: list[Hospital] = []
    by_kmk: dict[tuple[str, int], Hospital] = {}
    for (prov, n), g in kmk.groupby(["prov", "no"], sort=True):
        r = g.iloc[0]
        code, how, why = reg.kab_code(prov, r["kab_kota"])
        if code is None:
            problems.append(f"decree {r['provinsi']}/{n}: {why}")
            continue
        h = Hospital(
            nama=abbreviate(r["nama_rs"]),
            kode_wilayah=code,
            places=place_words(reg, code),
            kmk=(prov, int(n)),
            kmk_nama=r["nama_rs"],
        )
        h.sumber.append(f"{SRC_KMK} {r['provinsi']} no. {n}")
        if how == "alias" and why:
            h.catatan.append(f"kab/kota di KMK '{r['kab_kota']}': {why}")
        hospitals.append(h)
        by_kmk[(prov, int(n))] = h
        note(
            sumber_data="kmk1277",
            id_sumber=f"{r['provinsi']}/{n}",
            nama_sumber=r["nama_rs"],
            provinsi=r["provinsi"],
            kab_kota=r["kab_kota"],
            kode_wilayah=code,
            h=h,
            metode=f"baris KMK; kab/kota: {how}",
            skor=None,
            catatan="",
        )
    # KIA-only rows: the number missing in the province
    for prov, info in KIA_ONLY.items():
        nums = set(kmk.loc[kmk["prov"] == prov, "no"])
        gaps = sorted(set(range(1, max(nums) + 1)) - nums)
        if len(gaps) != 1:
            problems.append(
                f"KIA-only row of province {prov}: expected one missing number, got {gaps}"
            )
            continue
        n = gaps[0]
        label = f"{prov_name[prov]}/{n}"
        code = info.get("kode_wilayah") or (
            kemenkes_kab(info["kemenkes"], reg)[0] if info.get("kemenkes") else None
        )
        if not code:
            note(
                sumber_data="kmk1277",
                id_sumber=label,
                nama_sumber=info["nama"],
                provinsi=prov_name[prov],
                kab_kota="",
                kode_wilayah="",
                h=None,
                metode="tidak dibundel",
                skor=None,
                catatan=(
                    "hanya KIA (tanpa tingkat KJSU); kab/kota dan tingkat KIA tidak ada di sumber"
                ),
            )
            continue
        h = Hospital(
            nama=info["nama"],
            kode_wilayah=code,
            places=place_words(reg, code),
            kmk=(prov, n),
            kmk_nama=info["nama"],
            alias=[a for a in info.get("alias", "").split(";") if a],
        )
        h.sumber.append(f"{SRC_KMK} {prov_name[prov]} no. {n} (hanya KIA)")
        if info.get("sumber_wilayah"):
            h.catatan.append(f"kab/kota dari alamat: {info['sumber_wilayah']}")
        if info.get("kemenkes"):
            h.kemenkes, h.kemenkes_how = info["kemenkes"], "kode Kemenkes 2019 (nama sama)"
        hospitals.append(h)
        by_kmk[(prov, n)] = h
        note(
            sumber_data="kmk1277",
            id_sumber=label,
            nama_sumber=info["nama"],
            provinsi=prov_name[prov],
            kab_kota="",
            kode_wilayah=code,
            h=h,
            metode="baris KMK hanya KIA",
            skor=None,
            catatan="tanpa tingkat KJSU; tingkat KIA tidak tertera di sumber",
        )

    def decree(prov: str, words: str) -> Hospital:
        hits = [
            h
            for (p, _), h in by_kmk.items()
            if p == prov and fold(words) in fold(" ".join(h.names()))
        ]
        if len(hits) != 1:
            raise BuildError(
                f"decree lookup ({prov}, {words!r}) gives {len(hits)} hospitals, expected 1; "
                "fix the alias tables of this script"
            )
        return hits[0]

    for (prov, words), names in HOSPITAL_ALIASES.items():
        hd = decree(prov, words)
        hd.alias += [a for a in names if a not in hd.alias]

    # ---------------- reference hospitals ----------------
    ref = pd.read_csv(shared / "idn_hospitals_reference.csv", dtype=str, keep_default_na=False)
    for row_no, (_, r) in enumerate(ref.iterrows(), start=2):
        tag = re.match(r"\[([^\]]+)\]", r["catatan"])
        if tag is None:
            raise BuildError(
                f"idn_hospitals_reference.csv row {row_no}: catatan lacks a [group] tag"
            )
        group = tag.group(1)
        prov = r["kode_kab"][:2]
        places = place_words(reg, r["kode_kab"])
        codes_id = re.findall(r"(?:KMK|kode|Kemenkes) (R\d{7})", r["sumber"] + " " + r["catatan"])
        pool = [h for h in hospitals if h.kode_wilayah[:2] == prov and h.ref is None]
        h, method, score = best_match(
            r["nama"],
            [h for h in pool if h.kode_wilayah == r["kode_kab"]],
            min_score=85,
            places=places,
        )
        if h is None:
            h, method, score = best_match(r["nama"], pool, min_score=90, places=places)
        if h is None:
            for a in [x for x in r["alias"].split(";") if x]:
                h2, m2, s2 = best_match(a, pool, min_score=101)
                if h2 is not None:
                    h, method, score = h2, f"alias ({a})", s2
                    break
        if h is None:
            h = Hospital(nama=abbreviate(r["nama"]), kode_wilayah=r["kode_kab"], places=places)
            hospitals.append(h)
            method, score = "baru (tidak ada di KMK 1277)", None
            h.sumber.append(f"referensi RS: {short_ref_source(r['sumber'])}")
        h.ref = dict(r) | {"row": row_no, "group": group}
        h.alias += [a for a in [*r["alias"].split(";"), r["nama"]] if a and a not in h.alias]
        if (group == "nasional" or group.startswith("provinsi")) and (
                prov, r["nama"]) not in FORMER_REFERENCE_NAMES:
            h.alias.append(h.nama)
            h.nama = r["nama"]  # reviewed current name (e.g. RSUP Prof. Ngoerah, formerly Sanglah)
        elif (prov, r["nama"]) in FORMER_REFERENCE_NAMES:
            h.catatan.append(f"'{r['nama']}' (daftar RS referensi) adalah nama lama: "
                             f"{FORMER_REFERENCE_NAMES[(prov, r['nama'])]}")
        if codes_id and not h.kemenkes:
            h.kemenkes, h.kemenkes_how = codes_id[0], "kode Kemenkes 2019 di referensi RS"
        note(
            sumber_data="referensi",
            id_sumber=f"idn_hospitals_reference.csv baris {row_no}",
            nama_sumber=r["nama"],
            provinsi=prov_name.get(prov, prov),
            kab_kota=r["kode_kab"],
            kode_wilayah=h.kode_wilayah,
            h=h,
            metode=method,
            skor=score,
            catatan=f"[{group}]",
        )

    # ---------------- news rows ----------------
    news_h: dict[int, Hospital] = {}
    for _, r in news.iterrows():
        prov = reg.province_code(r["provinsi"])
        code, _, why = (
            reg.kab_code(prov, r["kab_kota"]) if prov else (None, "", "provinsi tidak dikenal")
        )
        places = place_words(reg, code) if code else ()
        pool = [h for h in hospitals if h.kode_wilayah[:2] == prov]
        h, method, score = best_match(
            r["nama_rs"], [x for x in pool if x.kode_wilayah == code], min_score=85, places=places
        )
        if h is None:
            h, method, score = best_match(r["nama_rs"], pool, min_score=90, places=places)
        if h is None and code is not None:
            h = Hospital(nama=r["nama_rs"], kode_wilayah=code, places=places)
            h.sumber.append(short_url(r["sumber"]))
            hospitals.append(h)
            method, score = "baru (tidak ada di KMK 1277)", None
        elif h is not None and fold(r["nama_rs"]) not in {fold(a) for a in h.names()}:
            h.alias.append(r["nama_rs"])
        if h is not None:
            news_h[int(r["baris"])] = h
        note(
            sumber_data="berita",
            id_sumber=f"kjsu_strata_reference.csv baris {r['baris']}",
            nama_sumber=r["nama_rs"],
            provinsi=r["provinsi"],
            kab_kota=r["kab_kota"],
            kode_wilayah=code or "",
            h=h,
            metode=method,
            skor=score,
            catatan=short_url(r["sumber"]) if h else why,
        )

    # ---------------- hospitals named in the news texts ----------------
    texts = seed_texts(seeds)
    for prov, nama in SEED_HOSPITALS:
        where = [f for f, t in texts.items() if nama in t]
        pool = [x for x in hospitals if x.kode_wilayah[:2] == prov]
        h, method, score = best_match(nama, pool, min_score=101)
        if not where:
            problems.append(f"news text hospital {nama!r} not found in {seeds}")
        note(
            sumber_data="teks berita",
            id_sumber=";".join(where),
            nama_sumber=nama,
            provinsi=prov_name[prov],
            kab_kota="",
            kode_wilayah=h.kode_wilayah if h else "",
            h=h,
            metode=method,
            skor=score,
            catatan="" if h else "tidak cocok; tambahkan ke tabel alias",
        )
        if h is None:
            problems.append(f"news text hospital {nama!r} not matched")

    # ---------------- national pengampu ----------------
    nat: dict[str, Hospital] = {}
    for (prov, words), (nama, lays) in NATIONAL.items():
        hits = [
            h
            for h in hospitals
            if h.kode_wilayah[:2] == prov and fold(words) in fold(" ".join(h.names()))
        ]
        if len(hits) != 1:
            raise BuildError(f"national pengampu {nama}: {len(hits)} candidates, expected 1")
        h = hits[0]
        if h.nama != nama:
            h.alias.insert(0, h.nama)
        h.nama, h.pengampu_nasional = nama, lays
        for lay in lays.split(";"):
            nat[lay] = h
    banten = decree("36", "Rumah Sakit Umum Daerah Banten")
    rshs, rejang = decree("32", "Hasan Sadikin"), decree("17", "Rejang Lebong")

    lebong = best_match("RSUD Lebong", [x for x in hospitals if x.kode_wilayah == "17.07"],
                        min_score=101)[0]
    if lebong is None:
        problems.append("RSUD Lebong (17.07) not found for the dialysis note")
    else:
        lebong.catatan.append(NOTE_LEBONG_HD)
    km_by_code = assign_kemenkes(hospitals, shared, reg, note, problems)
    assign_kode_rs(hospitals, problems)
    core = list(hospitals)  # decree, reference list and news: the hospitals the links name
    rso = load_rsonline(shared, reg, note)
    taken = tie_rsonline(hospitals, rso, reg, km_by_code, shared, note)
    for code in rso.index:
        if code in taken:
            continue
        r = rso.loc[code]
        if not r["kab"]:
            note(sumber_data="rsonline", id_sumber=code, nama_sumber=r["nama21"] or r["nama20"],
                 provinsi="", kab_kota="", kode_wilayah="", h=None, metode="tidak dibundel",
                 skor=None, catatan="kab/kota tidak diketahui (kode, KabKota 2020 dan teks "
                 "wilayah 2021 tidak dikenal)")
            continue
        h = Hospital(nama=r["nama"], kode_wilayah=r["kab"], rsonline=code, kode_rs=code,
                     rsonline_how="RS Online")
        if r["nama21"] and fold(title_name(r["nama21"])) != fold(h.nama):
            h.alias.append(title_name(r["nama21"]))
        hospitals.append(h)
    place(hospitals, rso, reg, km_by_code, note)
    problems += report_address_accuracy(hospitals, reg)
    layanan = build_layanan(kmk, news, by_kmk, news_h, nat, rejang)
    syamsudin = decree("32", "Syamsudin")
    jej = build_jejaring(core, news, news_h, nat, rshs, banten, rejang, syamsudin, note, problems)
    fas = build_fasilitas(hospitals, rso)
    rs, mrep, layanan = tables(hospitals, report, layanan, rso)
    problems += check_invariants(rs, layanan, jej, wil, reg, kmk, mrep)
    problems += check_fasilitas(fas, rs)
    files = {
        "wilayah.csv": wil,
        "kode_bps_kemendagri.csv": cross,
        "rumah_sakit.csv": rs,
        "layanan.csv": layanan,
        "jejaring.csv": jej,
        "fasilitas.csv": fas,
        "pencocokan_rs.csv": mrep,
    }
    return write_and_summarise(files, out, problems)


def short_ref_source(s: str) -> str:
    """Short citation of a reference-hospital source string."""
    if "wikidata" in s.lower():
        q = re.search(r"Q\d+", s)
        return f"Wikidata {q.group(0) if q else ''} ({SRC_WD})"
    if "akirawisnu" in s:
        r = re.search(r"R\d{7}", s)
        return f"{SRC_KEMENKES} ({r.group(0) if r else ''})"
    if "hndryno" in s:
        return SRC_HND
    return s[:120]


#: Largest size of the bundled CSV tables together (1.6 MiB; the match report grows with
#: every rejected point and every placeholder it explains).
MAX_CSV_BYTES = int(1.6 * 1024 * 1024)
#: Largest share of decree hospitals left on a kab/kota placeholder (see check_invariants).
MAX_PLACEHOLDER_SHARE = 0.10
#: Evidence grades, strongest first (config.BUKTI of the library).
BUKTI = ("regulasi", "dokumen", "berita", "inferensi")
#: The kab/kota named in the Jawa Barat article (Kab. Bekasi).
JABAR_NAMED = "32.16"


def news_bukti(sumber: str) -> str:
    """Grade of a fact from a web source: a decree (even as a copy) is ``regulasi``, the rest
    (news outlets, ministry and hospital web articles) ``berita``."""
    return "regulasi" if re.search(r"\bKMK[- ]No|KMK HK\.", sumber) else "berita"


def short_url(s: str) -> str:
    """The URL of a news citation ("URL | title | outlet | date" -> URL)."""
    return s.split("|")[0].strip()


def check_invariants(
    rs: pd.DataFrame,
    lay: pd.DataFrame,
    jej: pd.DataFrame,
    wil: pd.DataFrame,
    reg: Regions,
    kmk: pd.DataFrame,
    mrep: pd.DataFrame,
) -> list[str]:
    p: list[str] = []
    if rs["kode_rs"].duplicated().any():
        p.append("duplicate kode_rs in rumah_sakit")
    codes = set(wil["kode"])
    if not set(rs["kode_wilayah"]) <= codes:
        p.append(f"unknown kode_wilayah: {sorted(set(rs['kode_wilayah']) - codes)}")
    for name, df in (("rumah_sakit", rs), ("layanan", lay), ("jejaring", jej), ("wilayah", wil)):
        if (df["sumber"].fillna("").str.strip() == "").any():
            p.append(f"{name}: rows without sumber")
    known = set(rs["kode_rs"])
    for col, df in (("kode_rs", lay), ("pengampu", jej), ("diampu", jej)):
        bad = set(df[col]) - known
        if bad:
            p.append(f"{col} not in rumah_sakit: {sorted(bad)[:5]}")
    if (wil["tingkat"] == "provinsi").sum() != 38 or (wil["tingkat"] == "kabkota").sum() != 514:
        p.append("wilayah must have 38 provinces and 514 kab/kota")
    if int(wil.loc[wil["tingkat"] == "kabkota", "penduduk"].sum()) != 284_973_643:
        p.append("population total differs from 284,973,643")
    kab = rs[rs["lokasi_presisi"] != "sumber"]
    for _, r in kab.iterrows():
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["lokasi_presisi"] == "kabkota":
            bad = reg.locate(lat, lon) != r["kode_wilayah"]
        else:
            bad = km_outside(reg, r["kode_wilayah"], lat, lon) > TOLERANCE_KM
        if bad:
            p.append(f"{r['kode_rs']} ({r['lokasi_presisi']}) lies outside {r['kode_wilayah']}")
    placed = rs[~rs["lokasi_presisi"].isin(APPROX_LOKASI)]
    shared_pt = placed[placed.duplicated(["lat", "lon"], keep=False)]
    if len(shared_pt):
        p.append(f"hospitals share a point: {shared_pt['kode_rs'].tolist()[:10]}")
    dec = rs[rs["sumber"].str.contains(SRC_KMK, regex=False)]
    share = (dec["lokasi_presisi"] == "kabkota").mean()
    # 73 of the 576 decree hospitals have no point that passes the checks (21 are in none of
    # the lists, opened or renamed after 2021; 52 have only points shared by different
    # hospitals, in another kab/kota, at sea, at the SIRS default or refuted by their own
    # address). 32 of them are placed by the desa or kecamatan their typed address names
    # (address_place), which leaves 41 (7.1 %) on a kab/kota placeholder; each has its reason
    # in the match report.
    if share > MAX_PLACEHOLDER_SHARE:
        p.append(f"{share:.1%} of the decree hospitals on a kab/kota placeholder "
                 f"(at most {MAX_PLACEHOLDER_SHARE:.1%} expected)")
    reasons = set(mrep.loc[mrep["metode"].isin([PLACEHOLDER_METODE, *ADDRESS_METODE.values()]),
                           "kode_rs"])
    missing = sorted(set(rs.loc[rs["lokasi_presisi"].isin(APPROX_LOKASI), "kode_rs"]) - reasons)
    if missing:
        p.append(f"placeholders without a reason in the match report: {missing[:5]}")
    tgt = lay[(lay["status"] == "target") & (lay["sumber"].str.startswith(SRC_KMK))]
    got = tgt[tgt["layanan"].isin(KJSU)].groupby(["layanan", "strata"]).size()
    want = kmk[kmk["strata"] != ""].groupby(["layanan", "strata"]).size()
    if not got.equals(want):
        p.append(f"decree counts differ: {got.to_dict()} vs {want.to_dict()}")
    return p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--shared", type=Path, default=REPO.parent / "shared" / "data", help="reference data folder"
    )
    ap.add_argument(
        "--seeds", type=Path, default=None, help="news texts (default: <shared>/../seeds)"
    )
    ap.add_argument(
        "--out", type=Path, default=REPO / "data", help="output folder (default: data/)"
    )
    a = ap.parse_args(argv)
    seeds = a.seeds or a.shared.parent / "seeds"
    for p in (a.shared, seeds):
        if not p.is_dir():
            print(f"error: folder {p} not found", file=sys.stderr)
            return 3
    try:
        return build(a.shared, seeds, a.out)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

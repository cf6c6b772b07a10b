#!/usr/bin/env python
"""Build the bundled tables in ``data/`` from the reference data and the news texts.

Run from the repository root::

    .venv/bin/python scripts/build_data.py [--shared ../shared/data] [--seeds ../shared/seeds]

Inputs (read only): the reference files described in ``<shared>/README.md``
(Kemendagri codes, Dukcapil population, the BPS-Kemendagri crosswalk, the
kab/kota polygons, the Kemenkes 2019 hospital list, the 76 reference hospitals,
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
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import networkx as nx
import pandas as pd
import shapely
from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pengampuan._textnorm import fold, hospital_key, region_key  # noqa: E402

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
    # the general RSUD of Kab. Kuningan (2019 list: "RS Umum Daerah 45 Kuningan")
    ("32", "Rumah Sakit Umum Daerah Kuningan"): ["RSUD 45 Kuningan", "RS Umum Daerah 45 Kuningan"],
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
            "fuzzy (rapidfuzz; kab/kota dari kode RS atau titik sama, jenis RS sama)",
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


def assign_codes_and_points(
    hospitals: list[Hospital], reg: Regions, km_by_code: pd.DataFrame, problems: list[str]
) -> None:
    """Set kode_rs, lat/lon, lokasi_presisi and sumber_lokasi of every hospital."""
    # ---------------- kode_rs ----------------
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

    # ---------------- locations ----------------
    for h in hospitals:
        if h.ref:
            h.lat, h.lon = float(h.ref["lat"]), float(h.ref["lon"])
            h.lokasi_presisi = "sumber"
            verif = re.search(r"verif=\w+", h.ref["catatan"])
            h.sumber_lokasi = (
                f"{short_ref_source(h.ref['sumber'])}; {verif.group(0) if verif else ''}".strip(
                    "; "
                )
            )
            if h.ref["kode_kab"] != h.kode_wilayah:
                h.catatan.append(
                    f"titik bersumber terletak di {h.ref['kode_kab']}; kab/kota menurut KMK "
                    f"{h.kode_wilayah}"
                )
            continue
        if h.kemenkes:
            k = km_by_code.loc[h.kemenkes]
            inside = reg.locate(k["lat_f"], k["lon_f"])
            if inside == h.kode_wilayah and not k["titik_bersama"]:
                h.lat, h.lon = round(k["lat_f"], COORD_DECIMALS), round(k["lon_f"], COORD_DECIMALS)
                h.lokasi_presisi = "kemenkes2019"
                h.sumber_lokasi = f"{SRC_KEMENKES} ({h.kemenkes})"
                continue
            why = (
                "titik sama dengan RS lain (titik generik)"
                if k["titik_bersama"]
                else f"titik jatuh di {inside or 'luar poligon'}"
            )
            h.catatan.append(f"titik Kemenkes 2019 tidak dipakai: {why}")
        h.lat, h.lon = reg.anchor[h.kode_wilayah]
        h.lokasi_presisi = "kabkota"
        h.sumber_lokasi = f"{SRC_ADM2} {h.kode_wilayah}; bukan lokasi RS"


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
    kmk_src = f"{SRC_KMK}, lampiran hlm. {{}} ({SRC_KMK_EXTRACT})"
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
    note: Callable[..., None],
    problems: list[str],
) -> pd.DataFrame:
    """jejaring.csv: the Banten, Jawa Barat and Bengkulu MoUs and the news links."""
    rscm = nat["uronefrologi"]
    # ---------------- jejaring ----------------
    links: list[dict] = []

    def link(p: Hospital, d: Hospital, lay: str, mulai: str, sumber: str, catatan: str) -> None:
        links.append(
            {
                "pengampu": p.kode_rs,
                "diampu": d.kode_rs,
                "layanan": lay,
                "mulai": mulai,
                "sumber": sumber,
                "jenis": "sumber",
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
        )
    link(
        rscm,
        banten,
        "kia",
        "2023-03-08",
        SRC_BANTEN,
        note_banten + "; KIA bersama RSAB Harapan Kita",
    )
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
        for lay in ("kanker", "stroke", "uronefrologi", "jantung"):
            link(
                rshs,
                h,
                lay,
                "2024-04-04",
                SRC_JABAR,
                "MoU program pengampuan ditandatangani pemerintah 27 kab/kota dengan Pemprov "
                "Jawa Barat/RSHS; RSUD ini (RSUD kab/kota dalam KMK 1277/2024) mewakili "
                "kab/kotanya; 'ginjal' = uronefrologi",
            )
    note_curup = (
        "komunikasi dan rencana pelatihan tenaga kesehatan menuju kerja sama 'sister hospital' "
        "(pernyataan Plt Direktur RSUD); belum disebut perjanjian resmi; tanggal tidak tertera"
    )
    link(nat["stroke"], rejang, "stroke", "", SRC_CURUP, note_curup)
    link(
        nat["kanker"],
        rejang,
        "kanker",
        "",
        SRC_CURUP,
        note_curup + "; juga instalasi ruang kanker dan racik obat kanker",
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
            link(hp, d, r["layanan"], mulai, short_url(r["sumber"]), cat)
    jej = pd.DataFrame(links)
    dups = jej.duplicated(["pengampu", "diampu", "layanan"], keep="first")
    for _, r in jej[dups].iterrows():
        first = jej[
            (jej["pengampu"] == r["pengampu"])
            & (jej["diampu"] == r["diampu"])
            & (jej["layanan"] == r["layanan"])
        ].index[0]
        jej.loc[first, "catatan"] = f"{jej.loc[first, 'catatan']}; juga: {r['sumber']}"
    jej = jej[~dups].reset_index(drop=True)
    if (jej["pengampu"] == jej["diampu"]).any():
        problems.append("self-link in jejaring")
    for lay, g in jej.groupby("layanan"):
        cyc = list(nx.simple_cycles(nx.DiGraph(list(zip(g["pengampu"], g["diampu"], strict=True)))))
        if cyc:
            problems.append(f"cycle in jejaring ({lay}): {cyc[:3]}")

    return jej


def tables(
    hospitals: list[Hospital], report: list[dict], layanan: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """rumah_sakit.csv, pencocokan_rs.csv and the sorted layanan table."""
    # ---------------- tables ----------------
    rs = (
        pd.DataFrame(
            [
                {
                    "kode_rs": h.kode_rs,
                    "nama": h.nama,
                    "lat": f"{h.lat:.{COORD_DECIMALS}f}",
                    "lon": f"{h.lon:.{COORD_DECIMALS}f}",
                    "kode_wilayah": h.kode_wilayah,
                    "kelas": "",
                    "kepemilikan": "Kemenkes"
                    if h.pengampu_nasional
                    else kepemilikan_from_name(h.kmk_nama or h.nama),
                    "tempat_tidur": "",
                    "alias": ";".join(
                        dict.fromkeys(a for a in h.alias if a and fold(a) != fold(h.nama))
                    ),
                    "lokasi_presisi": h.lokasi_presisi,
                    "sumber_lokasi": h.sumber_lokasi,
                    "pengampu_nasional": h.pengampu_nasional,
                    "sumber": "; ".join(dict.fromkeys(h.sumber)),
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
    if total > 1.5 * 1024 * 1024:
        problems.append(f"bundled CSVs total {total / 1024:.0f} KiB, more than 1.5 MiB")
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
        if group == "nasional" or group.startswith("provinsi"):
            h.alias.append(h.nama)
            h.nama = r["nama"]  # reviewed current name (e.g. RSUP Prof. Ngoerah, formerly Sanglah)
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

    km_by_code = assign_kemenkes(hospitals, shared, reg, note, problems)
    assign_codes_and_points(hospitals, reg, km_by_code, problems)
    layanan = build_layanan(kmk, news, by_kmk, news_h, nat, rejang)
    jej = build_jejaring(hospitals, news, news_h, nat, rshs, banten, rejang, note, problems)
    rs, mrep, layanan = tables(hospitals, report, layanan)
    problems += check_invariants(rs, layanan, jej, wil, reg, kmk)
    files = {
        "wilayah.csv": wil,
        "kode_bps_kemendagri.csv": cross,
        "rumah_sakit.csv": rs,
        "layanan.csv": layanan,
        "jejaring.csv": jej,
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
        if reg.locate(float(r["lat"]), float(r["lon"])) != r["kode_wilayah"]:
            p.append(f"{r['kode_rs']} ({r['lokasi_presisi']}) lies outside {r['kode_wilayah']}")
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

"""The point rules of scripts/build_data.py on tiny synthetic kab/kota (no reference data).

Map (lon, lat in degrees; 0.01 degree is about 1.1 km at the equator)::

    99.01 Kabupaten Pulau: the square 0..0.2 x 0..0.2 around the enclave 99.71, plus the
          island 2.0..2.1 x 0..0.1 (about 200 km east): kecamatan Banda
    99.71 Kota Teluk: the enclave 0.05..0.15 x 0.05..0.15 (kecamatan Nusaniwe)
    99.02 Kabupaten Darat: the square 0.2..0.4 x 0..0.2, sharing a land border with 99.01
"""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import pandas as pd
import pytest
import shapely


@pytest.fixture(scope="module")
def reg(build_script):  # type: ignore[no-untyped-def]
    box = shapely.box
    enclave = box(0.05, 0.05, 0.15, 0.15)
    mainland = box(0.0, 0.0, 0.2, 0.2).difference(enclave)
    island = box(2.0, 0.0, 2.1, 0.1)
    darat = box(0.2, 0.0, 0.4, 0.2)
    names = {"99.01": "Kabupaten Pulau", "99.71": "Kota Teluk", "99.02": "Kabupaten Darat"}
    adm2 = gpd.GeoDataFrame(
        {"kode_kab": list(names), "nama_kab": list(names.values())},
        geometry=[shapely.MultiPolygon([mainland, island]), enclave, darat],
        crs=4326,
    )
    adm2 = adm2.set_index(adm2["kode_kab"], drop=False)
    r = build_script.Regions(
        provinces=pd.DataFrame({"kode_prov": ["99"], "nama_prov": ["Uji"]}),
        kab=pd.DataFrame({"kode_kab": list(names), "nama_kab": list(names.values())}),
        adm2=adm2,
        bps_to_kemendagri={},
    )
    r.kab_names = names
    kec = {
        "99.01": {"leitimur": mainland, "banda": island},
        "99.71": {"nusaniwe": enclave},
        "99.02": {"hilir": box(0.2, 0.0, 0.3, 0.2), "hulu": box(0.3, 0.0, 0.4, 0.2)},
    }
    r.kecamatan = {k: set(v) for k, v in kec.items()}
    r.kecamatan_geom = kec
    r.anchor = {"99.01": (0.18, 0.02), "99.71": (0.1, 0.1), "99.02": (0.1, 0.3)}
    codes = {"99.01.01": "leitimur", "99.01.02": "banda", "99.71.01": "nusaniwe",
             "99.02.01": "hilir", "99.02.02": "hulu"}
    r.kecamatan_kode = {}
    for kode, nama in codes.items():
        r.kecamatan_kode.setdefault(kode[:5], {})[kode] = nama
    r.kecamatan_shape = {kode: kec[kode[:5]][nama] for kode, nama in codes.items()}
    r.kecamatan_anchor = {"99.01.01": (0.02, 0.02), "99.01.02": (0.05, 2.05),
                          "99.71.01": (0.1, 0.1), "99.02.01": (0.1, 0.25),
                          "99.02.02": (0.1, 0.35)}
    # desa centres (lat, lon): two "Sukamaju" in Kabupaten Darat, and a desa "Hilir" in
    # kecamatan Hulu (a name that is also a kecamatan)
    r.desa = {
        "99.01": [("99.01.02.2001", "neira", 0.05, 2.05),
                  ("99.01.02.2002", "lonthoir", 0.02, 2.08),
                  ("99.01.01.2001", "soya", 0.18, 0.03)],
        "99.02": [("99.02.01.2001", "sukamaju", 0.1, 0.25),
                  ("99.02.02.2001", "sukamaju", 0.1, 0.35),
                  ("99.02.02.2002", "hilir", 0.15, 0.38)],
    }
    return r


def _place(build_script, reg, kode: str, lat: float, lon: float, alamat: str):  # type: ignore[no-untyped-def]
    """Run place() for one hospital with one RS Online 2021 candidate; (hospital, notes)."""
    h = build_script.Hospital(nama="RSUD Uji", kode_wilayah=kode, rsonline="9901001")
    rso = pd.DataFrame(
        [{"kab": kode, "kab_how": "kode", "titik_masalah": "", "lat": lat, "lon": lon,
          "titik_kab": reg.locate(lat, lon) or "", "nama21": "RSUD UJI", "alamat": alamat}],
        index=["9901001"],
    )
    notes: list[dict] = []
    km = pd.DataFrame(columns=["alamat_faskes"])
    build_script.place([h], rso, reg, km, lambda **k: notes.append(k))
    return h, notes


def test_enclave_point_contradicted_by_a_far_kecamatan(build_script, reg) -> None:  # type: ignore[no-untyped-def]
    # inside the enclave, 1.1 km from the own polygon: the 2 km tolerance alone would take it
    lat, lon = 0.10, 0.06
    assert reg.locate(lat, lon) == "99.71"
    assert 1.0 < build_script.km_outside(reg, "99.01", lat, lon) < 1.2
    h, notes = _place(build_script, reg, "99.01", lat, lon,
                      "JL. KUJALI NO.163A BANDA, KABUPATEN PULAU")
    rejected = [n for n in notes if n["metode"] == "titik ditolak"]
    assert len(rejected) == 1 and rejected[0]["id_sumber"] == "rsonline2021:9901001"
    why = rejected[0]["catatan"]
    assert "titik di 99.71" in why and "kec. banda (99.01)" in why
    # the address that refutes the point places the hospital in its kecamatan, on the island
    assert h.lokasi_presisi == "kecamatan" and (h.lat, h.lon) == reg.kecamatan_anchor["99.01.02"]
    assert h.sumber_lokasi == ("titik di dalam kecamatan Banda (99.01.02) menurut alamat RS; "
                               "bukan lokasi RS")
    last = notes[-1]
    assert last["metode"] == build_script.ADDRESS_METODE["kecamatan"]
    assert "menyebut kecamatan banda (99.01.02)" in last["catatan"]
    assert "hanya calon yang ditolak: rsonline2021:9901001" in last["catatan"]
    # a point 5.5 km inside the enclave, and an address that names nothing of the kab/kota:
    # the placeholder
    h, notes = _place(build_script, reg, "99.01", 0.10, 0.10, "JL. KUJALI NO.163A")
    assert (h.lokasi_presisi, h.lat, h.lon) == ("kabkota", *reg.anchor["99.01"])
    assert [n["metode"] for n in notes][-1] == build_script.PLACEHOLDER_METODE
    # the same address with "Kec." in front, and the kecamatan of the own kab/kota next to
    # the point named too: consistent, accepted
    h, _ = _place(build_script, reg, "99.01", lat, lon, "JL. KUJALI, KEC. LEITIMUR")
    assert h.lokasi_presisi == "rsonline2021"
    h, _ = _place(build_script, reg, "99.01", lat, lon, "JL. KUJALI KECAMATAN BANDA")
    assert h.lokasi_presisi == "kecamatan"
    # a desa the address names, in that kecamatan: its centre
    h, _ = _place(build_script, reg, "99.01", lat, lon, "JL. KUJALI, DESA NEIRA, KEC. BANDA")
    assert (h.lokasi_presisi, h.lat, h.lon) == ("desa", 0.05, 2.05)


def test_point_over_a_land_border_accepted(build_script, reg) -> None:  # type: ignore[no-untyped-def]
    # 1.1 km over the border of Kabupaten Darat, in Kabupaten Pulau
    lat, lon = 0.10, 0.19
    assert reg.locate(lat, lon) == "99.01"
    for alamat in ("JL. RAYA NO. 5", "JL. RAYA NO. 5 KEC. HILIR KABUPATEN DARAT",
                   "JL. RAYA DARAT"):  # "DARAT" is the kabupaten, not a kecamatan
        h, notes = _place(build_script, reg, "99.02", lat, lon, alamat)
        assert h.lokasi_presisi == "rsonline2021", alamat
        assert (h.lat, h.lon) == (lat, lon)
        assert not [n for n in notes if n["metode"] == "titik ditolak"]
    # a kecamatan of the own kab/kota beyond 10 km contradicts even over a land border
    text = [("alamat RS Online 2021", "JL. RAYA NO. 5, HULU")]
    dist = build_script.km_outside(reg, "99.02", lat, lon)
    assert build_script.far_kecamatan_contradiction(reg, text, "99.02", "99.01", lat, lon) \
        .startswith("alamat RS Online 2021")
    assert "99.01" in build_script.tolerance_problem(reg, text, "99.02", lat, lon, dist)
    # at sea (inside no polygon) the rule does not apply: the tolerance is for coasts
    assert build_script.tolerance_problem(reg, text, "99.02", 0.1, 0.41, 1.1) == ""


def _read(build_script, reg, text: str, kode: str):  # type: ignore[no-untyped-def]
    at = build_script.address_place(reg, [("alamat RS Online 2021", text)], kode)
    return None if at is None else at[:4]


@pytest.mark.parametrize(("text", "kode", "want"), [
    # a desa named after its marker, or bare
    ("JL. RAYA NO. 5, DESA NEIRA", "99.01", ("desa", "99.01.02.2001", 0.05, 2.05)),
    ("LONTHOIR", "99.01", ("desa", "99.01.02.2002", 0.02, 2.08)),
    # two desa of one name: only the kecamatan named tells which
    ("DESA SUKAMAJU", "99.02", None),
    ("DESA SUKAMAJU KEC. HULU", "99.02", ("desa", "99.02.02.2001", 0.1, 0.35)),
    ("DS. SUKAMAJU, KECAMATAN HILIR", "99.02", ("desa", "99.02.01.2001", 0.1, 0.25)),
    # a desa outside the kecamatan named: the kecamatan, nothing finer
    ("DESA NEIRA, KEC. LEITIMUR", "99.01", ("kecamatan", "99.01.01", 0.02, 0.02)),
    # one name, a kecamatan and a desa: bare or after "Kec." the kecamatan, after "Desa" the desa
    ("HILIR", "99.02", ("kecamatan", "99.02.01", 0.1, 0.25)),
    ("KEC. HILIR", "99.02", ("kecamatan", "99.02.01", 0.1, 0.25)),
    ("DESA HILIR", "99.02", ("desa", "99.02.02.2002", 0.15, 0.38)),
    # streets carry place names ("JL. RAYA SUKAMAJU - NEIRA" is a road), and so does the
    # kab/kota's own name: neither is a place inside it
    ("JL. NEIRA NO. 5", "99.01", None),
    ("JL. RAYA LONTHOIR - NEIRA", "99.01", None),
    ("JL. RAYA, KABUPATEN DARAT", "99.02", None),
    # only the kab/kota where the hospital stands is read
    ("DESA NEIRA", "99.02", None),
    # two kecamatan named, neither marked: nothing
    ("HILIR HULU", "99.02", None),
])
def test_address_place(build_script, reg, text: str, kode: str, want) -> None:  # type: ignore[no-untyped-def]
    assert _read(build_script, reg, text, kode) == want


def test_address_place_prefers_a_desa_over_a_kecamatan(build_script, reg) -> None:  # type: ignore[no-untyped-def]
    texts = [("alamat Kemenkes 2019", "KEC. BANDA"), ("alamat RS Online 2021", "DESA LONTHOIR"),
             ("nama", "DESA NEIRA")]  # names are not addresses
    at = build_script.address_place(reg, texts, "99.01")
    assert at[:2] == ("desa", "99.01.02.2002")
    assert at[4] == "alamat RS Online 2021 'DESA LONTHOIR' menyebut desa/kelurahan lonthoir " \
                    "(99.01.02.2002)"
    # a desa centre outside the kab/kota (beyond the 2 km tolerance) is not taken
    far = dataclasses.replace(reg, desa={"99.01": [("99.01.02.2001", "neira", 0.05, 3.0)]})
    assert build_script.address_place(far, [("alamat x", "DESA NEIRA")], "99.01") is None


def test_point_refuted_by_its_own_address(build_script, reg) -> None:  # type: ignore[no-untyped-def]
    # a point inside the own kab/kota (mainland of 99.01), but the address names a desa on the
    # island 200 km away: the point is refused, the desa centre taken
    lat, lon = 0.02, 0.18
    assert reg.locate(lat, lon) == "99.01"
    h, notes = _place(build_script, reg, "99.01", lat, lon, "JL. RAYA NO. 1, DESA NEIRA")
    assert (h.lokasi_presisi, h.lat, h.lon) == ("desa", 0.05, 2.05)
    assert h.refuted_point == (lat, lon)
    (why,) = [n["catatan"] for n in notes if n["metode"] == "titik ditolak"]
    assert why.startswith("alamat RS Online 2021 'JL. RAYA NO. 1, DESA NEIRA' menyebut "
                          "desa/kelurahan neira (99.01.02.2001), ")
    assert why.endswith("km dari titik (lebih dari 10 km dari kecamatan itu)")
    # the same point with an address of its own kecamatan, or naming nothing: accepted
    for alamat in ("JL. RAYA NO. 1, DESA SOYA", "JL. RAYA NO. 1"):
        h, _ = _place(build_script, reg, "99.01", lat, lon, alamat)
        assert h.lokasi_presisi == "rsonline2021" and h.refuted_point is None, alamat


def test_address_naming_another_kabkota_is_not_read(build_script, reg) -> None:  # type: ignore[no-untyped-def]
    # "Kota Teluk" is another kab/kota of the province: the address is not read for 99.01
    assert _read(build_script, reg, "DESA NEIRA, KOTA TELUK", "99.01") is None
    # the own kab/kota's name is no other kab/kota, even when it contains one
    assert _read(build_script, reg, "DESA NEIRA, KABUPATEN PULAU", "99.01")[:2] == (
        "desa", "99.01.02.2001")

"""The point rules of scripts/build_data.py on tiny synthetic kab/kota (no reference data).

Map (lon, lat in degrees; 0.01 degree is about 1.1 km at the equator)::

    99.01 Kabupaten Pulau: the square 0..0.2 x 0..0.2 around the enclave 99.71, plus the
          island 2.0..2.1 x 0..0.1 (about 200 km east): kecamatan Banda
    99.71 Kota Teluk: the enclave 0.05..0.15 x 0.05..0.15 (kecamatan Nusaniwe)
    99.02 Kabupaten Darat: the square 0.2..0.4 x 0..0.2, sharing a land border with 99.01
"""

from __future__ import annotations

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
    assert h.lokasi_presisi == "kabkota" and (h.lat, h.lon) == reg.anchor["99.01"]
    rejected = [n for n in notes if n["metode"] == "titik ditolak"]
    assert len(rejected) == 1 and rejected[0]["id_sumber"] == "rsonline2021:9901001"
    why = rejected[0]["catatan"]
    assert "titik di 99.71" in why and "kec. banda (99.01)" in why
    assert [n["metode"] for n in notes][-1] == build_script.PLACEHOLDER_METODE
    # the same address with "Kec." in front, and the kecamatan of the own kab/kota next to
    # the point named too: consistent, accepted
    h, _ = _place(build_script, reg, "99.01", lat, lon, "JL. KUJALI, KEC. LEITIMUR")
    assert h.lokasi_presisi == "rsonline2021"
    h, _ = _place(build_script, reg, "99.01", lat, lon, "JL. KUJALI KECAMATAN BANDA")
    assert h.lokasi_presisi == "kabkota"


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

"""Write the tutorial notebooks in notebooks/ (without outputs) and their example data.

The notebooks are generated from this script so that they stay small, reviewable
and free of outputs: edit the cells here, then run

    .venv/bin/python scripts/make_notebooks.py          # notebooks/*.ipynb, notebooks/data/
    .venv/bin/python scripts/make_notebooks.py --check  # exit 1 if anything is out of date

The example data of notebook 05 (``notebooks/data/bengkulu_analis/``) is the
bundled Bengkulu data exported as an analyst's spreadsheet would be, with
typical mistakes put in on purpose; it is rebuilt from ``data/`` here.

The prose is in Bahasa Indonesia (the notebooks are written for provincial
health analysts); the code uses the public API (``import pengampuan as pg``).
``tests/test_notebooks.py`` executes every notebook on the bundled data.
"""

from __future__ import annotations

import argparse
import tempfile
import textwrap
from pathlib import Path

import geopandas as gpd
import nbformat
import pandas as pd
import shapely
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUNDLED = ROOT / "data"
EXAMPLE = NOTEBOOKS / "data" / "bengkulu_analis"

Cell = nbformat.NotebookNode


def md(text: str) -> Cell:
    return new_markdown_cell(textwrap.dedent(text).strip("\n"))


def code(text: str) -> Cell:
    return new_code_cell(textwrap.dedent(text).strip("\n"))


SETUP = code(
    """
    import math
    import tempfile
    import warnings
    from pathlib import Path

    import pandas as pd

    import pengampuan as pg

    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 140)

    # peringatan ditampilkan singkat: jenis dan pesannya, tanpa jalur berkas sumber
    warnings.formatwarning = lambda message, category, *args, **kwargs: (
        f"{category.__name__}: {message}\\n")


    def angka(x, desimal=1):
        # angka gaya Indonesia: 1.234.567 dan 1.439,1 (bukan 1.439116e+03)
        if pd.isna(x):
            return "-"
        if math.isinf(x):
            return "∞" if x > 0 else "-∞"
        teks = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.{desimal}f}"
        return teks.translate(str.maketrans(",.", ".,"))


    def tabel(df, desimal=1):
        # tabel dengan bilangan pecahan gaya Indonesia, tanpa notasi ilmiah
        kolom = df.select_dtypes("float").columns
        return df.style.format(lambda x: angka(x, desimal), subset=kolom)


    # berkas keluaran (peta HTML, GeoJSON, CSV) ditulis ke folder sementara, tidak ke folder
    # buku catatan; ganti dengan folder pilihan Anda, mis. KELUARAN = Path("hasil_saya")
    KELUARAN = Path(tempfile.mkdtemp(prefix="pengampuan_"))
    print("berkas keluaran ditulis ke", KELUARAN)
    pg.__version__
    """
)

# ---------------------------------------------------------------------------
# 01 mulai cepat
# ---------------------------------------------------------------------------
NB01 = [
    md(
        """
        # 01 · Mulai cepat

        Buku catatan ini memperlihatkan alur kerja dasar `pengampuan` pada **data bawaan**
        (tanpa internet):

        1. memuat data rumah sakit, layanan, jejaring pengampuan dan wilayah;
        2. memeriksa (memvalidasi) data;
        3. menghitung jarak setiap kabupaten/kota ke rumah sakit terdekat yang mampu
           menangani **stroke** (strata minimal *madya*);
        4. membuat peta pertama.

        Data bawaan dirangkum dari sumber terbuka yang disebut pada setiap baris (kolom
        `sumber`); lihat `data/README.md`. Strata dari KMK HK.01.07/MENKES/1277/2024 adalah
        **target** (status `target`), bukan kemampuan yang sudah tentu ada hari ini.
        """
    ),
    SETUP,
    md(
        """
        ## 1. Memuat data

        `pg.load_dataset()` tanpa argumen memuat data bawaan; `pg.load_dataset("folder_saya/")`
        memuat berkas CSV Anda sendiri (lihat buku catatan 05). Hasilnya sebuah `Dataset`
        dengan empat tabel.
        """
    ),
    code(
        """
        ds = pg.load_dataset()
        ds
        """
    ),
    code(
        """
        ds.rumah_sakit[["kode_rs", "nama", "kode_wilayah", "kepemilikan", "lokasi_presisi"]].head()
        """
    ),
    md(
        """
        Kolom `lokasi_presisi` menyatakan seberapa tepat titik rumah sakit:
        `sumber` (koordinat bersumber), `rsonline2021` (titik RS Online 2021),
        `kemenkes2019` (titik peta Kemenkes 2019), lalu tiga titik **perkiraan** untuk rumah
        sakit tanpa titik yang lolos pemeriksaan: `desa` (pusat desa/kelurahan yang disebut
        alamatnya), `kecamatan` (titik di dalam kecamatan yang disebut alamatnya) dan
        `kabkota` (titik di dalam kab/kotanya).
        """
    ),
    code(
        """
        ds.rumah_sakit["lokasi_presisi"].value_counts()
        """
    ),
    code(
        """
        # strata per layanan dan status (ada = sudah ada, target = ditargetkan)
        pd.crosstab(ds.layanan["layanan"], [ds.layanan["status"], ds.layanan["strata"]])
        """
    ),
    md(
        """
        ## 2. Validasi

        `pg.validate()` memeriksa semua berkas sekaligus dan mengembalikan laporan:
        `.ok` (tidak ada galat), `.problems` (tabel: berkas, baris, kolom, nilai, masalah,
        tingkat) dan `.counts` (jumlah baris dsb.). Nomor baris mengikuti lembar kerja
        (baris judul = baris 1).
        """
    ),
    code(
        """
        rep = pg.validate()
        print(rep)
        """
    ),
    code(
        """
        rep.ok, rep.counts
        """
    ),
    md(
        """
        ## 3. Akses stroke per kabupaten/kota

        `pg.load_regions()` memuat batas 514 kab/kota (kode Kemendagri `PP.KK`).
        `pg.district_access()` mencari, untuk setiap kab/kota, rumah sakit terdekat dengan
        layanan stroke strata *madya* atau lebih tinggi, beserta jarak garis lurus
        (lingkaran besar, km) dan **perkiraan** waktu tempuh (menit).

        `status="target"` memakai strata target (keadaan bila target KMK tercapai);
        `status="ada"` hanya strata yang sudah ada.
        """
    ),
    code(
        """
        reg = pg.load_regions(level="kabkota")
        len(reg), reg.crs.to_string()
        """
    ),
    code(
        """
        acc = pg.district_access(ds, reg, layanan="stroke", min_strata="madya", status="target")
        kolom = ["kode", "nama", "nama_rs", "distance_km", "travel_min", "within_threshold"]
        acc.sort_values("distance_km", ascending=False)[kolom].head(10)
        """
    ),
    md(
        """
        Jarak diukur dari tempat penduduk tinggal: titik setiap **kecamatan** (7.285 titik,
        dengan jumlah penduduk 2025) menuju rumah sakit terdekatnya, lalu dirata-rata per
        kab/kota dengan bobot penduduk (`distance_km`, `travel_min`); `distance_km_max` adalah
        kecamatan berpenduduk yang terjauh. `share_nearest_approx` = bagian penduduk yang
        rumah sakit terdekatnya hanya bertitik perkiraan (`lokasi_presisi` `desa`,
        `kecamatan` atau `kabkota`).
        Batasnya: satu kecamatan tetap satu titik.
        """
    ),
    code(
        """
        kolom = ["kode", "nama", "distance_km", "distance_km_max", "share_within_threshold",
                 "share_nearest_approx", "n_demand"]
        acc[acc["kode_induk"] == "17"][kolom].round(2)   # Bengkulu
        """
    ),
    md(
        """
        ### Per kecamatan di satu provinsi

        `level="kecamatan"` memberi satu baris per kecamatan (dengan poligonnya), misalnya
        untuk Bengkulu (`17`): kecamatan mana yang paling jauh dari rumah sakit stroke?
        """
    ),
    code(
        """
        kec = pg.district_access(ds, reg[reg["kode_induk"] == "17"], layanan="stroke",
                                 min_strata="madya", status="target", level="kecamatan")
        kolom = ["kode", "nama", "penduduk", "nama_rs", "lokasi_presisi", "distance_km",
                 "travel_min"]
        kec.sort_values("distance_km", ascending=False)[kolom].head(10).round(1)
        """
    ),
    code(
        """
        # berapa kab/kota di dalam ambang waktu stroke (Config.travel_threshold_min)?
        print("ambang stroke (menit):", ds.config.threshold_min("stroke"))
        acc["within_threshold"].value_counts()
        """
    ),
    md(
        """
        ## 4. Peta pertama

        `pg.map_access()` mengembalikan peta `folium`: pilihan warna menurut waktu tempuh,
        penanda rumah sakit menurut strata, dan keterangan. Tampilkan dengan menuliskan
        nama variabelnya di akhir sel, atau simpan sebagai HTML untuk dibagikan.
        """
    ),
    code(
        """
        m = pg.map_access(acc, ds, title="Akses stroke (strata madya, target)")
        m.save(KELUARAN / "peta_akses_stroke.html")
        m
        """
    ),
    md(
        """
        **Selanjutnya:** 02 (jejaring satu provinsi), 03 (akses dan target), 04 (skenario
        peningkatan), 05 (memakai data sendiri).
        """
    ),
]

# ---------------------------------------------------------------------------
# 02 jejaring provinsi
# ---------------------------------------------------------------------------
NB02 = [
    md(
        """
        # 02 · Jejaring pengampuan satu provinsi: Jawa Barat

        Siapa mengampu siapa, per layanan, di Jawa Barat (kode `32`), dan bagaimana
        mengekspornya ke GeoJSON untuk dibuka di QGIS. Ganti `KODE_PROV` untuk provinsi lain
        (misalnya `"36"` Banten).

        Jejaring pengampuan **bukan pohon**: satu rumah sakit dapat memiliki beberapa pengampu
        untuk satu layanan, dan pengampu dapat berada di provinsi lain (misalnya pengampu
        nasional di Jakarta). Tautan bawaan hanya yang disebut sumber (berita MoU, siaran
        Kemenkes); kolom `sumber` menyebut asalnya.
        """
    ),
    SETUP,
    code(
        """
        KODE_PROV = "32"  # Jawa Barat; "36" = Banten
        ds = pg.load_dataset()
        net = pg.build_network(ds)  # simpul = kode_rs, sisi = pengampu -> diampu
        print(net)
        rs_prov = ds.rumah_sakit[ds.rumah_sakit["kode_prov"] == KODE_PROV]
        print(len(rs_prov), "rumah sakit jejaring di provinsi", KODE_PROV)
        """
    ),
    md(
        """
        ## 1. Siapa mengampu siapa, per layanan

        `pg.links_geodataframe()` memberi satu baris per tautan (nama pengampu dan diampu,
        layanan, jarak lingkaran besar dalam km, sumber) beserta garisnya. Ambil tautan yang
        menyentuh rumah sakit di provinsi ini.
        """
    ),
    code(
        """
        garis = pg.links_geodataframe(net)
        kode_prov_rs = set(rs_prov["kode_rs"])
        tautan = garis[garis["pengampu"].isin(kode_prov_rs) | garis["diampu"].isin(kode_prov_rs)]
        # jumlah rumah sakit diampu per pengampu dan layanan
        pd.crosstab(tautan["nama_pengampu"], tautan["layanan"], margins=True, margins_name="total")
        """
    ),
    code(
        """
        kolom = ["nama_pengampu", "nama_diampu", "layanan", "distance_km", "sumber"]
        tautan.loc[tautan["layanan"] == "stroke", kolom].sort_values("distance_km").round(1)
        """
    ),
    md(
        """
        ## 2. Beban pengampu dan rumah sakit tanpa pengampu

        `pg.network_summary()` memberi satu baris per rumah sakit untuk satu layanan: jumlah
        diampu (`n_diampu`), kab/kota dan penduduk yang dijangkau lewat diampu, jarak rata-rata
        dan terjauh ke diampu, jumlah pengampu (`n_pengampu`) dan jarak ke pengampu.
        """
    ),
    code(
        """
        ringkas = pg.network_summary(net, layanan="stroke")
        ringkas_prov = ringkas[ringkas["kode_prov"] == KODE_PROV]
        kolom = ["nama", "strata", "n_diampu", "n_kabkota_diampu", "penduduk_diampu",
                 "mean_distance_km", "max_distance_km"]
        ringkas_prov.loc[ringkas_prov["n_diampu"] > 0, kolom].round(1)
        """
    ),
    code(
        """
        tanpa_pengampu = ringkas_prov[ringkas_prov["n_pengampu"] == 0]
        tanpa_pengampu[["kode_rs", "nama", "strata"]]
        """
    ),
    md(
        """
        ## 3. Rantai sampai pengampu nasional

        `pg.province_network()` menjawab: bagaimana pengampu nasional (untuk stroke: RS Pusat
        Otak Nasional) menjangkau setiap rumah sakit di provinsi — langsung, melalui rumah sakit
        perantara (biasanya RS rujukan provinsi), atau tidak terhubung.
        """
    ),
    code(
        """
        rantai = pg.province_network(net, KODE_PROV, layanan="stroke")
        rantai["Jalur"].value_counts()
        """
    ),
    code(
        """
        rantai.drop(columns=["Sumber"]).head(8)
        """
    ),
    md(
        """
        ## 4. Pemeriksaan jejaring

        `pg.network_checks()` mendaftar kejanggalan: siklus, strata terbalik (pengampu berstrata
        tidak lebih tinggi dari diampu), diampu tanpa layanan itu, rumah sakit berlayanan tanpa
        pengampu (`orphan`), kab/kota yang tidak terhubung ke pengampu nasional.
        """
    ),
    code(
        """
        cek = pg.network_checks(net, layanan="stroke")
        cek_prov = cek[cek["kode_wilayah"].fillna("").str.startswith(KODE_PROV + ".")
                       | cek["kode_rs"].isin(kode_prov_rs)]
        print(cek_prov["check"].value_counts().to_string())
        cek_prov[["check", "severity", "detail"]].head(5)
        """
    ),
    md(
        """
        ## 5. Usulan pengampu untuk rumah sakit tanpa pengampu

        `pg.propose_network()` mengusulkan, untuk setiap rumah sakit berlayanan tanpa
        pengampu, pengampu terdekat dengan strata lebih tinggi. Usulan diberi
        `jenis = "usulan"` dan tidak dicampur dengan tautan bersumber; peta dan ekspor
        membedakannya.
        """
    ),
    code(
        """
        usulan = pg.propose_network(ds, layanan="stroke")
        usulan_prov = usulan[usulan["diampu"].isin(kode_prov_rs)]
        usulan_prov
        """
    ),
    code(
        """
        net_usulan = pg.build_network(ds, proposed=usulan_prov)
        print(net_usulan)
        """
    ),
    md(
        """
        ## 6. Ekspor untuk QGIS dan Gephi

        `pg.to_geojson()` menulis GeoJSON RFC 7946 (EPSG:4326, urutan lon/lat, koordinat
        dibulatkan). Di QGIS: *Layer → Add Layer → Add Vector Layer*, lalu beri gaya menurut
        kolom `layanan` atau `strata`. `pg.write_graphml()` menulis seluruh jejaring untuk Gephi,
        yEd atau networkx.
        """
    ),
    code(
        """
        pg.to_geojson(tautan, KELUARAN / f"jejaring_{KODE_PROV}.geojson")
        kolom_rs = ["kode_rs", "nama", "kode_wilayah", "lokasi_presisi", "sumber", "geometry"]
        pg.to_geojson(rs_prov[kolom_rs], KELUARAN / f"rumah_sakit_{KODE_PROV}.geojson")
        pg.write_graphml(net, KELUARAN / "jejaring.graphml")
        """
    ),
    code(
        """
        # periksa: baca kembali dengan geopandas
        import geopandas as gpd

        cek_baca = gpd.read_file(KELUARAN / f"jejaring_{KODE_PROV}.geojson")
        len(cek_baca), cek_baca.crs.to_string(), cek_baca.geom_type.unique().tolist()
        """
    ),
    md(
        """
        ## 7. Peta jejaring Jawa Barat

        `provinsi=KODE_PROV` membuat peta satu provinsi: rumah sakit di provinsi ini menurut
        strata (status `target`, strata KMK 1277/2024), garis pengampu → diampu yang menyentuh
        provinsi ini, pengampu di luar provinsi (misalnya pengampu nasional di Jakarta) di
        tempatnya sendiri dan ditandai "di luar provinsi", serta provinsi tetangga sebagai latar
        abu-abu. Klik rumah sakit untuk melihat strata, pengampu, dan siapa yang diampunya.

        Peta bekerja tanpa internet (semua skrip ada di dalam berkas); peta latar
        OpenStreetMap hanya dimuat bila dinyalakan di kontrol lapisan. Berkas HTML yang
        disimpan dapat dibagikan apa adanya.
        """
    ),
    code(
        """
        m = pg.map_network(net, ds=ds, layanan=["stroke", "jantung"], provinsi=KODE_PROV)
        m.save(KELUARAN / f"peta_jejaring_{KODE_PROV}.html")
        m
        """
    ),
]

# ---------------------------------------------------------------------------
# 03 akses dan target
# ---------------------------------------------------------------------------
NB03 = [
    md(
        """
        # 03 · Akses dan target: stroke dan kanker

        Pertanyaan perencanaan:

        * Berapa jauh (km) dan berapa lama (menit, **perkiraan**) dari setiap kab/kota ke rumah
          sakit terdekat yang mampu?
        * Berapa kab/kota belum memenuhi target (setiap kab/kota memiliki rumah sakit strata
          *madya*; setiap provinsi memiliki strata *utama*)?
        * Berapa persen penduduk tinggal di kab/kota yang memenuhi target?

        Waktu tempuh adalah perkiraan: model sederhana (jarak garis lurus × faktor kelokan ÷
        kecepatan jalan) atau model yang memperhitungkan **penyeberangan laut** antarpulau
        (kecepatan kapal dan waktu tunggu di pelabuhan). Angka-angka asumsi ada di
        `pg.Config` beserta sumbernya.
        """
    ),
    SETUP,
    code(
        """
        ds = pg.load_dataset()
        reg = pg.load_regions(level="kabkota")
        cfg = ds.config
        print("faktor kelokan:", cfg.circuity_factor, "| jalan (km/jam):", cfg.road_speed_kmh,
              "| laut (km/jam):", cfg.sea_speed_kmh,
              "| tunggu kapal (menit):", cfg.boarding_penalty_min)
        """
    ),
    md(
        """
        ## 1. Jarak dan waktu tempuh ke rumah sakit stroke dan kanker terdekat

        Model sederhana (`travel="simple"`) lebih dahulu: satu baris per kab/kota, jarak dari
        titik wakil kab/kota ke rumah sakit terdekat dengan layanan itu pada strata *madya*
        atau lebih tinggi.
        """
    ),
    code(
        """
        akses = {lay: pg.district_access(ds, reg, layanan=lay, min_strata="madya", status="target")
                 for lay in ["stroke", "kanker"]}
        pd.concat({lay: a[["distance_km", "travel_min"]].describe() for lay, a in akses.items()},
                  axis=1).round(1)
        """
    ),
    code(
        """
        # persentase penduduk (per kecamatan) dalam ambang waktu tempuh, dan bagian yang
        # bertumpu pada titik rumah sakit perkiraan (lokasi_presisi desa/kecamatan/kabkota)
        pd.DataFrame({
            lay: {
                "ambang_menit": ds.config.threshold_min(lay),
                "kabkota_dalam_ambang": int(a["within_threshold"].sum()),
                "persen_penduduk": round(
                    100 * a["penduduk_within_threshold"].sum() / a["penduduk"].sum(), 2),
                "persen_dari_itu_titik_perkiraan": round(
                    100 * a["penduduk_within_threshold_approx"].sum()
                    / a["penduduk_within_threshold"].sum(), 2),
                "titik_permintaan": int(a["n_demand"].sum()),
            }
            for lay, a in akses.items()
        })
        """
    ),
    code(
        """
        # kab/kota terjauh dari rumah sakit kanker madya
        kolom = ["kode", "nama", "nama_rs", "lokasi_presisi", "distance_km", "travel_min"]
        akses["kanker"].sort_values("distance_km", ascending=False)[kolom].head(8).round(1)
        """
    ),
    md(
        """
        Jarak di atas dihitung dari 7.285 titik kecamatan, dibobot penduduknya. Rumah sakit
        bertitik perkiraan (`lokasi_presisi` `desa`, `kecamatan` atau `kabkota`) hanya
        diketahui berada di desa, kecamatan atau kab/kotanya: `sensitivity=True` memberi rentang
        jarak seandainya rumah sakit itu berada di mana saja di kab/kotanya
        (`distance_km_if_moved_min` .. `_max`).

        ## 2. Waktu tempuh antarpulau (model sadar laut)

        Di negara kepulauan, garis lurus sering melintasi laut. Model sadar laut
        (`travel="sea"`) menghitung jalur termurah pada grid heksagonal H3: di darat dengan
        kecepatan jalan, di laut dengan kecepatan kapal, ditambah waktu tunggu setiap kali naik
        kapal. Contoh: waktu ke rumah sakit stroke strata **utama** (rujukan provinsi) dari
        kab/kota di tiga provinsi kepulauan: Kepulauan Riau, Nusa Tenggara Timur dan Maluku.

        Asal perjalanan ada di tiga provinsi itu, tetapi rumah sakit tujuan boleh berada di
        provinsi mana saja (dari Kepulauan Aru, misalnya, RS terdekat bisa di Papua). Jadi
        **graf perjalanan dibangun untuk seluruh wilayah yang dicakup analisis**: semua
        kab/kota, ditambah titik semua rumah sakit (`pg.build_travel_graph`), sekali saja, lalu
        dipakai ulang dengan `graph=`. Graf yang hanya memuat tiga provinsi tidak mengenal
        daratan di luarnya, sehingga perjalanan ke RS di provinsi lain dihitung seolah-olah
        melintasi laut (`pg.district_access` memperingatkan hal itu).
        """
    ),
    code(
        """
        graf = pg.build_travel_graph(reg, extra_points=(ds.rumah_sakit["lon"],
                                                        ds.rumah_sakit["lat"]))
        graf
        """
    ),
    code(
        """
        PROV_KEPULAUAN = ["21", "53", "81"]  # Kepulauan Riau, NTT, Maluku
        reg_kep = reg[reg["kode_induk"].isin(PROV_KEPULAUAN)]
        opsi = {"layanan": "stroke", "min_strata": "utama", "status": "target"}
        darat = pg.district_access(ds, reg_kep, **opsi)
        laut = pg.district_access(ds, reg_kep, **opsi, travel="sea", graph=graf)
        banding = pd.DataFrame({
            "nama": darat["nama"].to_numpy(),
            "rs_sederhana": darat["nama_rs"].to_numpy(),
            "travel_min_sederhana": darat["travel_min"].to_numpy(),
            "rs_laut": laut["nama_rs"].to_numpy(),
            "travel_min_laut": laut["travel_min"].to_numpy(),
            "sea_crossings": laut["sea_crossings"].to_numpy(),
        }, index=darat["kode"].to_numpy())
        banding.sort_values("travel_min_laut", ascending=False).round(0).head(10)
        """
    ),
    md(
        """
        Model sadar laut memberi waktu yang lebih panjang untuk kab/kota kepulauan dan kadang
        memilih rumah sakit lain: yang terdekat menurut garis lurus belum tentu yang tercepat
        dicapai dengan kapal. Keduanya tetap **perkiraan** (tanpa jadwal kapal, cuaca, atau
        jaringan jalan).

        ### Kecamatan di satu provinsi kepulauan

        Per kecamatan di Maluku (`81`), model sadar laut: kecamatan mana yang harus
        menyeberang, dan berapa lama? Grid H3 provinsi itu (`pg.province_access_grid`) dapat
        disimpan sebagai GeoJSON untuk QGIS.
        """
    ),
    code(
        """
        kec_maluku = pg.district_access(ds, reg_kep[reg_kep["kode_induk"] == "81"], **opsi,
                                        travel="sea", graph=graf, level="kecamatan")
        kolom = ["kode", "nama", "penduduk", "nama_rs", "travel_min", "sea_crossings"]
        kec_maluku.sort_values("travel_min", ascending=False)[kolom].head(10).round(0)
        """
    ),
    code(
        """
        rentang = pg.district_access(ds, reg[reg["kode_induk"] == "81"], layanan="stroke",
                                     min_strata="madya", status="target", sensitivity=True)
        kolom = ["nama", "distance_km_if_moved_min", "distance_km", "distance_km_if_moved_max",
                 "share_nearest_approx"]
        rentang[kolom].round(1)
        """
    ),
    code(
        """
        grid = pg.province_access_grid(ds, reg, "81", layanan="stroke", status="target",
                                       resolution=6)
        pg.to_geojson(grid, KELUARAN / "grid_akses_stroke_maluku.geojson")
        len(grid), grid["within_threshold"].mean().round(3)
        """
    ),
    md(
        """
        ## 3. Target: kab/kota tanpa rumah sakit stroke dan kanker strata madya

        `pg.target_gaps()` membandingkan setiap provinsi dan kab/kota dengan target di
        `Config` (`target_strata_provinsi`, `target_strata_kabkota`). Bandingkan keadaan
        `ada` (strata yang dilaporkan sudah ada) dan `target` (strata KMK 1277/2024).
        """
    ),
    code(
        """
        gaps_target = pg.target_gaps(ds, reg, layanan=["stroke", "kanker"], status="target")
        kab = gaps_target[(gaps_target["tingkat"] == "kabkota") & ~gaps_target["meets_target"]]
        kab.groupby("layanan").size()
        """
    ),
    code(
        """
        kolom = ["kode", "nama", "layanan", "nearest_nama", "distance_km", "penduduk"]
        kab.sort_values("distance_km", ascending=False)[kolom].head(15)
        """
    ),
    code(
        """
        # provinsi tanpa rumah sakit strata utama
        prov = gaps_target[(gaps_target["tingkat"] == "provinsi") & ~gaps_target["meets_target"]]
        prov[["kode", "nama", "layanan", "nearest_nama", "distance_km"]]
        """
    ),
    md(
        """
        ## 4. Persentase penduduk

        `pg.target_summary()` meringkas per provinsi dan nasional: jumlah dan persentase kab/kota
        yang memenuhi target, dan persentase penduduk yang tinggal di kab/kota tersebut.
        """
    ),
    code(
        """
        ringkas = pg.target_summary(gaps_target)
        ringkas.head(12)
        """
    ),
    code(
        """
        # keadaan 'ada' (strata yang sudah dilaporkan ada) untuk perbandingan
        gaps_ada = pg.target_gaps(ds, reg, layanan=["stroke", "kanker"], status="ada")
        pg.target_summary(gaps_ada).head(3)
        """
    ),
    md(
        """
        ## 5. Layanan yang dilaporkan rumah sakit pada 2020: hemodialisis

        Selain strata KMK (target), data bawaan memuat layanan yang **dilaporkan** rumah sakit
        ke RS Online pada 2020 (`ds.fasilitas`: hemodialisis, cathlab, radioterapi, ...). Itu
        bukan strata dan bukan target: `fasilitas="hemodialisis"` menggantikan
        `layanan`/`min_strata` untuk melihat akses ke cuci darah seperti yang dilaporkan.
        """
    ),
    code(
        """
        akses_hd = pg.district_access(ds, reg, fasilitas="hemodialisis")
        ambang = akses_hd["threshold_min"].iloc[0]  # ambang uronefrologi
        persen = 100 * akses_hd["penduduk_within_threshold"].sum() / akses_hd["penduduk"].sum()
        print(f"{len(ds.capable(fasilitas='hemodialisis'))} RS melaporkan hemodialisis; "
              f"{persen:.0f}% penduduk dalam {ambang:.0f} menit")
        kolom = ["nama", "penduduk", "nama_rs", "distance_km", "travel_min", "share_nearest_approx"]
        akses_hd.sort_values("travel_min", ascending=False)[kolom].head(8).round(2)
        """
    ),
    md(
        """
        ## 6. Peta

        `pg.map_access()` menerima beberapa hasil sekaligus (satu lapisan per layanan, dapat
        dipilih di kontrol lapisan); layanan yang dilaporkan menjadi lapisan tersendiri,
        berlabel "dilaporkan 2020", di samping target KMK. `pg.map_coverage()` mewarnai
        kab/kota yang memenuhi / belum memenuhi target.
        """
    ),
    code(
        """
        m_akses = pg.map_access({**akses, "hemodialisis": akses_hd}, ds,
                                title="Akses stroke, kanker (madya, target) dan hemodialisis")
        m_akses.save(KELUARAN / "peta_akses_stroke_kanker.html")
        """
    ),
    code(
        """
        m = pg.map_coverage(gaps_target, reg, layanan="kanker")
        m.save(KELUARAN / "peta_cakupan_kanker.html")
        m
        """
    ),
]

# ---------------------------------------------------------------------------
# 04 skenario peningkatan
# ---------------------------------------------------------------------------
NB04 = [
    md(
        """
        # 04 · Skenario peningkatan RSUD

        Jika anggaran hanya cukup untuk menaikkan strata beberapa RSUD, rumah sakit mana yang
        menutup kesenjangan paling banyak?

        * `pg.recommend_upgrades()` memilih `k` rumah sakit secara rakus (*greedy*): setiap
          langkah memilih peningkatan yang menambah paling banyak kab/kota yang memenuhi target
          (`objective="kabkota"`) atau penduduk dalam ambang waktu tempuh
          (`objective="penduduk"`).
        * `pg.upgrade_scenario()` menghitung keadaan sebelum dan sesudah untuk daftar
          peningkatan pilihan Anda sendiri.

        Titik awal `status="ada"` memakai strata yang dilaporkan **sudah ada**. Dalam data
        bawaan hampir semua strata berasal dari KMK 1277/2024, yang berupa **target**; jadi
        keadaan `ada` untuk stroke masih kosong. Ganti `layanan.csv` dengan data dinas Anda
        (baris `status = ada`) agar titik awalnya nyata.

        Tabel hasil ditampilkan dengan `tabel()` (dari sel pertama): angka gaya Indonesia
        (`4.248.609`, `1.439,1`), bukan notasi ilmiah (`4.248609e+06`).
        """
    ),
    SETUP,
    code(
        """
        ds = pg.load_dataset()
        reg = pg.load_regions(level="kabkota")
        for status in ["ada", "target"]:
            gaps = pg.target_gaps(ds, reg, layanan="stroke", status=status)
            kab = gaps[gaps["tingkat"] == "kabkota"]
            print(f"status={status!r}: {(~kab['meets_target']).sum()} dari {len(kab)} kab/kota "
                  "belum memiliki RS stroke strata madya")
        """
    ),
    md(
        """
        ## 1. Provinsi Bengkulu: tiga RSUD mana lebih dahulu?

        Batasi kandidat pada rumah sakit di provinsi (`candidates=`) dan maksimalkan penduduk
        yang tinggal dalam ambang waktu stroke (270 menit, `Config.travel_threshold_min`).
        """
    ),
    code(
        """
        KODE_PROV = "17"  # Bengkulu
        rs = ds.rumah_sakit
        kandidat = rs.loc[rs["kode_prov"] == KODE_PROV, "kode_rs"]
        rek = pg.recommend_upgrades(ds, reg, layanan="stroke", k=3, objective="penduduk",
                                    status="ada", candidates=kandidat)
        tabel(rek[["step", "nama", "kode_wilayah", "strata_after", "gain", "cumulative",
                   "gain_kabkota"]])
        """
    ),
    md(
        """
        Perolehan (`gain`) tidak pernah naik dari langkah ke langkah (cakupan bersifat
        submodular): langkah pertama selalu paling bernilai.

        ## 2. Nasional: lima peningkatan terbaik
        """
    ),
    code(
        """
        rek_nas = pg.recommend_upgrades(ds, reg, layanan="stroke", k=5, objective="kabkota",
                                        status="ada")
        tabel(rek_nas[["step", "nama", "kode_wilayah", "gain", "gain_penduduk"]])
        """
    ),
    md(
        """
        ## 3. Skenario pilihan sendiri: RSUD Rejang Lebong dan RSUD Dr. M. Yunus

        Berita (Curup Ekspres) menyebut RSUD Rejang Lebong menargetkan menjadi rumah sakit
        rujukan regional KJSU; RSUD Dr. M. Yunus adalah rumah sakit rujukan provinsi.
        Naikkan keduanya ke strata *utama* untuk stroke dan bandingkan.
        """
    ),
    code(
        """
        nama_pilihan = ["RSUD Kabupaten Rejang Lebong", "RSUD Dr. M. Yunus Bengkulu"]
        pilihan = rs.loc[rs["nama"].isin(nama_pilihan), ["kode_rs", "nama", "kode_wilayah"]]
        pilihan
        """
    ),
    code(
        """
        hasil = pg.upgrade_scenario(ds, reg, layanan="stroke",
                                    upgrades={kode: "utama" for kode in pilihan["kode_rs"]},
                                    status="ada")
        tabel(hasil.summary)
        """
    ),
    code(
        """
        # kab/kota Bengkulu yang berubah
        ubah = hasil.changes[hasil.changes["kode_induk"] == KODE_PROV]
        tabel(ubah[["kode", "nama", "meets_target_before", "meets_target_after",
                    "travel_min_after", "within_threshold_after"]], desimal=0)
        """
    ),
    md(
        """
        ## 4. Target provinsi: empat provinsi Papua tanpa RS strata utama

        Dengan strata target KMK 1277/2024 (`status="target"`), empat provinsi hasil pemekaran
        Papua belum memiliki rumah sakit stroke strata *utama*. Skenario: naikkan, di setiap
        provinsi itu, RS stroke di kab/kota berpenduduk terbanyak.
        """
    ),
    code(
        """
        gaps_t = pg.target_gaps(ds, reg, layanan="stroke", status="target")
        kurang = (gaps_t["tingkat"] == "provinsi") & ~gaps_t["meets_target"]
        prov_kurang = gaps_t.loc[kurang, ["kode", "nama"]]
        prov_kurang
        """
    ),
    code(
        """
        mampu = ds.capable(layanan="stroke", min_strata="madya", status="target")
        mampu = mampu[mampu["kode_prov"].isin(prov_kurang["kode"])]
        penduduk = ds.wilayah.set_index("kode")["penduduk"]
        mampu = mampu.assign(penduduk_kabkota=mampu["kode_wilayah"].map(penduduk))
        terpilih = (mampu.sort_values("penduduk_kabkota", ascending=False)
                    .drop_duplicates("kode_prov"))
        terpilih[["kode_prov", "kode_rs", "nama", "kode_wilayah", "penduduk_kabkota"]]
        """
    ),
    code(
        """
        hasil_papua = pg.upgrade_scenario(ds, reg, layanan="stroke",
                                          upgrades={k: "utama" for k in terpilih["kode_rs"]},
                                          status="target")
        tabel(hasil_papua.summary)
        """
    ),
    md(
        """
        ## 5. Peta sesudah skenario

        `hasil.after` memuat akses per kab/kota sesudah peningkatan; petakan seperti hasil
        `district_access`. Agar peta juga **menggambar kedua RSUD yang dinaikkan**, beri peta
        dataset yang sudah memuat peningkatan itu: salinan `ds` dengan baris layanan baru
        (stroke, *utama*, status `ada`, sumber "skenario"). Data asli tidak berubah.

        Peta dibatasi pada Provinsi Bengkulu (`provinsi=KODE_PROV`): kab/kotanya, rumah
        sakitnya, provinsi tetangga sebagai latar abu-abu, ringkasan dan tabel kab/kota
        provinsi ini. Klik sebuah kab/kota untuk melihat waktu tempuh, RS terdekat dan target.
        """
    ),
    code(
        """
        import dataclasses

        baris_baru = pd.DataFrame({"kode_rs": pilihan["kode_rs"].to_numpy(), "layanan": "stroke",
                                   "strata": "utama", "status": "ada", "tahun": 2025,
                                   "sumber": "skenario buku catatan 04 (bukan data resmi)"})
        if "contoh" in ds.layanan:
            baris_baru["contoh"] = False
        ds_skenario = dataclasses.replace(
            ds, layanan=pd.concat([ds.layanan, baris_baru], ignore_index=True))
        ds_skenario.capable(layanan="stroke", min_strata="madya", status="ada")[["kode_rs", "nama",
                                                                                "strata"]]
        """
    ),
    code(
        """
        m = pg.map_access(hasil.after, ds_skenario, layanan="stroke", status="ada",
                          provinsi=KODE_PROV,
                          title="Akses stroke sesudah skenario: 2 RSUD Bengkulu naik ke utama")
        m.save(KELUARAN / "peta_skenario_stroke.html")
        m
        """
    ),
    md(
        """
        **Tentang angka penduduk.** `penduduk_within_threshold` pada `hasil.summary` (dan
        `gain` dengan `objective="penduduk"`) menjumlahkan **seluruh penduduk setiap kab/kota**
        (Dukcapil 2025) yang titik wakilnya berada dalam ambang waktu tempuh stroke (270 menit,
        perkiraan). Satu kab/kota dihitung utuh atau tidak sama sekali: angkanya menunjukkan
        arah perubahan, bukan jumlah orang yang tepat. Di kab/kota yang luas (misalnya di
        Papua) sebagian penduduk dapat tinggal jauh lebih jauh dari titik wakilnya.
        """
    ),
]

# ---------------------------------------------------------------------------
# 05 data sendiri
# ---------------------------------------------------------------------------
NB05 = [
    md(
        """
        # 05 · Memakai data sendiri

        Seorang analis dinas kesehatan Provinsi Bengkulu menyiapkan daftar rumah sakit,
        layanan dan jejaringnya di lembar kerja, lalu mengekspornya sebagai CSV. Folder
        `data/bengkulu_analis/` berisi ekspor seperti itu. Isinya baris-baris Bengkulu dari data
        bawaan (dengan kolom `sumber`-nya), tetapi **dengan kesalahan yang umum, sengaja
        dibuat** (`scripts/make_notebooks.py` menuliskannya):

        * pemisah `;` dan koma desimal (ekspor Excel berbahasa Indonesia);
        * lintang dan bujur tertukar pada satu baris;
        * ejaan layanan yang tidak dikenal (dan satu ejaan lain yang dikenal);
        * tautan jejaring ke pengampu nasional yang tidak ada di daftar rumah sakit;
        * tanpa `wilayah.csv` (daftar wilayah Kemendagri bawaan dipakai);
        * berkas batas wilayah sendiri yang hanya berisi nama kab/kota, tanpa kode, dengan
          Pulau Enggano sebagai fitur tersendiri.

        Langkahnya: validasi → baca laporan → perbaiki dengan pandas → validasi lagi →
        analisis.
        """
    ),
    SETUP,
    code(
        """
        from pathlib import Path

        import geopandas as gpd

        ASAL = Path("data/bengkulu_analis")
        sorted(p.name for p in ASAL.iterdir())
        """
    ),
    code(
        """
        print("\\n".join((ASAL / "rumah_sakit.csv").read_text(encoding="utf-8").splitlines()[:4]))
        """
    ),
    md(
        """
        ## 1. Validasi: semua masalah sekaligus

        `pg.validate()` tidak berhenti pada masalah pertama: laporan memuat setiap masalah
        dengan berkas, baris (seperti di lembar kerja: baris judul = baris 1), kolom, nilai dan
        apa yang diharapkan. Pemisah `;`, koma desimal dan ejaan yang dikenal diterima dan
        dicatat sebagai *note*, bukan galat.
        """
    ),
    code(
        """
        rep = pg.validate(ASAL)
        print(rep)
        """
    ),
    code(
        """
        # laporan yang sama sebagai tabel, untuk disaring atau disimpan
        rep.problems[rep.problems["severity"] == "error"]
        """
    ),
    md(
        """
        `pg.load_dataset()` menolak data yang tidak sah dengan `DataFileError` (sebuah
        `ValueError`) yang membawa tabel yang sama di `.problems`.
        """
    ),
    code(
        """
        try:
            pg.load_dataset(ASAL)
        except pg.DataFileError as err:
            n_galat = int((err.problems["severity"] == "error").sum())
            print(type(err).__name__, "-", n_galat, "galat")
        """
    ),
    md(
        """
        ## 2. Perbaikan dengan pandas

        Baca berkas apa adanya: pemisah `;`, semua kolom sebagai teks (`dtype=str`) agar kode
        seperti `17.02` tidak berubah menjadi angka. Perbaiki, lalu tulis ke folder baru;
        berkas asli tidak diubah.
        """
    ),
    code(
        """
        BERSIH = KELUARAN / "bengkulu_bersih"
        BERSIH.mkdir(exist_ok=True)


        def baca(nama: str) -> pd.DataFrame:
            return pd.read_csv(ASAL / nama, sep=";", dtype=str, keep_default_na=False)


        rs = baca("rumah_sakit.csv")
        lay = baca("layanan.csv")
        jej = baca("jejaring.csv")
        rs.head(3)
        """
    ),
    code(
        """
        # (a) koma desimal -> bilangan
        for kol in ["lat", "lon"]:
            rs[kol] = pd.to_numeric(rs[kol].str.replace(",", ".", regex=False))

        # (b) lintang/bujur tertukar: lintang Indonesia antara -11,5 dan 6,5, bujur 94,5..141,5
        tertukar = ~rs["lat"].between(-11.5, 6.5) & rs["lon"].between(-11.5, 6.5)
        print("baris (lembar kerja) tertukar:", (rs.index[tertukar] + 2).tolist())
        rs.loc[tertukar, ["lat", "lon"]] = rs.loc[tertukar, ["lon", "lat"]].to_numpy()
        rs.loc[tertukar, ["kode_rs", "nama", "lat", "lon"]]
        """
    ),
    code(
        """
        # (c) ejaan layanan: daftar nilai yang tidak dikenal, lalu petakan ke kode baku
        cfg = pg.Config()
        tidak_dikenal = sorted({v for v in lay["layanan"] if cfg.normalise_layanan(v) is None})
        print("tidak dikenal:", tidak_dikenal)
        lay["layanan"] = lay["layanan"].replace({"Jantung & Pembuluh Darah": "jantung"})
        assert all(cfg.normalise_layanan(v) for v in lay["layanan"])
        """
    ),
    code(
        """
        # (d) tautan ke rumah sakit yang tidak ada di daftar: pengampu nasional di Jakarta
        hilang = sorted(set(jej["pengampu"]) - set(rs["kode_rs"]))
        print("kode tidak ada di rumah_sakit.csv:", hilang)

        # ambil baris mereka (dan strata layanannya) dari data bawaan
        bawaan = pg.load_dataset()
        rs_bawaan, lay_bawaan = bawaan.rumah_sakit, bawaan.layanan
        rs_tambah = rs_bawaan.loc[rs_bawaan["kode_rs"].isin(hilang), list(rs.columns)]
        lay_tambah = lay_bawaan.loc[lay_bawaan["kode_rs"].isin(hilang), list(lay.columns)]
        rs_tambah[["kode_rs", "nama", "kode_wilayah"]]
        """
    ),
    code(
        """
        rs = pd.concat([rs, rs_tambah], ignore_index=True)
        lay = pd.concat([lay, lay_tambah.astype(str)], ignore_index=True)
        assert set(jej["pengampu"]) | set(jej["diampu"]) <= set(rs["kode_rs"])

        for nama, tabel in [("rumah_sakit.csv", rs), ("layanan.csv", lay), ("jejaring.csv", jej)]:
            tabel.to_csv(BERSIH / nama, index=False)
        sorted(p.name for p in BERSIH.iterdir())
        """
    ),
    md(
        """
        ## 3. Validasi ulang dan muat

        Sekarang tidak ada galat; catatan yang tersisa hanya memberi tahu apa yang diasumsikan
        (misalnya daftar wilayah bawaan dipakai karena tidak ada `wilayah.csv`).
        """
    ),
    code(
        """
        rep2 = pg.validate(BERSIH)
        print(rep2)
        assert rep2.ok
        ds = pg.load_dataset(BERSIH)
        ds
        """
    ),
    md(
        """
        ## 4. Berkas batas wilayah sendiri (hanya nama)

        Berkas batas dari instansi lain sering hanya berisi nama, dengan ejaan bermacam-macam
        (`MUKO MUKO`, huruf besar, tanpa awalan Kabupaten/Kota). `pg.match_regions()`
        mencocokkan dengan kode Kemendagri: menurut kode bila ada, lalu menurut nama yang
        dinormalkan, tabel alias, dan terakhir kemiripan ejaan (yang selalu dilaporkan). Nama
        yang tidak cocok **dilaporkan, tidak pernah dibuang diam-diam**.
        """
    ),
    code(
        """
        batas = gpd.read_file(ASAL / "batas_kabkota.geojson")
        batas.drop(columns="geometry")
        """
    ),
    code(
        """
        try:
            pg.match_regions(batas, level="kabkota", name_col="WADMKK", province_col="WADMPR")
        except pg.RegionMatchError as err:
            print(err)
        """
    ),
    md(
        """
        Pulau Enggano adalah bagian dari Kabupaten Bengkulu Utara. Perbaikannya: beri nama
        kab/kotanya, lalu gabungkan (`dissolve`) kedua fitur menjadi satu.
        """
    ),
    code(
        """
        batas["WADMKK"] = batas["WADMKK"].replace({"PULAU ENGGANO": "BENGKULU UTARA"})
        batas = batas.dissolve(by="WADMKK", as_index=False)
        cocok, laporan = pg.match_regions(batas, level="kabkota", name_col="WADMKK",
                                          province_col="WADMPR")
        print(laporan)
        cocok[["WADMKK", "kode", "nama", "kode_induk"]]
        """
    ),
    md(
        """
        ## 5. Analisis dengan data dan batas sendiri

        Data analis berisi strata target (KMK 1277/2024), jadi pakai `status="target"`.
        """
    ),
    code(
        """
        akses = pg.district_access(ds, cocok, layanan="stroke", min_strata="madya", status="target")
        akses[["kode", "nama", "nama_rs", "distance_km", "travel_min", "within_threshold"]].round(1)
        """
    ),
    code(
        """
        m = pg.map_access(akses, ds, title="Akses stroke - data analis Bengkulu")
        m.save(KELUARAN / "peta_bengkulu.html")
        m
        """
    ),
]

NOTEBOOK_CELLS: dict[str, list[Cell]] = {
    "01_mulai_cepat.ipynb": NB01,
    "02_jejaring_provinsi.ipynb": NB02,
    "03_akses_dan_target.ipynb": NB03,
    "04_skenario_peningkatan.ipynb": NB04,
    "05_data_sendiri.ipynb": NB05,
}


# ---------------------------------------------------------------------------
# example data of notebook 05: the bundled Bengkulu rows, exported the way an
# analyst's spreadsheet would, with typical mistakes put in on purpose
# ---------------------------------------------------------------------------
PROV = "17"  # Bengkulu
SWAPPED_RS = "R1771014"  # RSUD Dr. M. Yunus: lat and lon swapped
UNKNOWN_SPELLING = ("R1708010", "Jantung & Pembuluh Darah")  # RSUD Kepahiang: not an alias
ALIAS_SPELLING = ("R1707026", "Kardiovaskuler")  # RSUD Lebong: a known alias (accepted)
#: Boundary names as a provincial boundary file writes them (no codes); Enggano
#: island, part of Kab. Bengkulu Utara, is a separate feature.
BOUNDARY_NAMES = {
    "17.01": "BENGKULU SELATAN", "17.02": "REJANG LEBONG", "17.03": "BENGKULU UTARA",
    "17.04": "KAUR", "17.05": "SELUMA", "17.06": "MUKO MUKO", "17.07": "LEBONG",
    "17.08": "KEPAHIANG", "17.09": "BENGKULU TENGAH", "17.71": "KOTA BENGKULU",
}
ENGGANO = "PULAU ENGGANO"


def _read_bundled(name: str) -> pd.DataFrame:
    return pd.read_csv(BUNDLED / name, dtype=str, keep_default_na=False)


def _semicolon_csv(df: pd.DataFrame, path: Path, *, decimal_comma: tuple[str, ...] = ()) -> None:
    out = df.copy()
    for col in decimal_comma:
        out[col] = out[col].str.replace(".", ",", regex=False)
    out.to_csv(path, sep=";", index=False, lineterminator="\r\n", encoding="utf-8")


def write_example_data(folder: Path = EXAMPLE) -> None:
    """Write notebooks/data/bengkulu_analis/ from the bundled data (deterministic)."""
    folder.mkdir(parents=True, exist_ok=True)
    rs = _read_bundled("rumah_sakit.csv")
    rs = rs[rs["kode_wilayah"].str.startswith(PROV + ".")]
    rs = rs[["kode_rs", "nama", "lat", "lon", "kode_wilayah", "kepemilikan", "lokasi_presisi",
             "sumber"]].sort_values("kode_rs").reset_index(drop=True)
    swap = rs["kode_rs"] == SWAPPED_RS
    rs.loc[swap, ["lat", "lon"]] = rs.loc[swap, ["lon", "lat"]].to_numpy()
    _semicolon_csv(rs, folder / "rumah_sakit.csv", decimal_comma=("lat", "lon"))

    lay = _read_bundled("layanan.csv")
    lay = lay[lay["kode_rs"].isin(rs["kode_rs"])]
    lay = lay[["kode_rs", "layanan", "strata", "status", "tahun", "sumber"]].reset_index(drop=True)
    lay["strata"] = lay["strata"].str.capitalize()
    for kode, spelling in (UNKNOWN_SPELLING, ALIAS_SPELLING):
        lay.loc[(lay["kode_rs"] == kode) & (lay["layanan"] == "jantung"), "layanan"] = spelling
    _semicolon_csv(lay, folder / "layanan.csv")

    # The links to RSUD Rejang Lebong name national pengampu that the analyst's
    # hospital list does not contain: dangling codes.
    jej = _read_bundled("jejaring.csv")
    jej = jej[jej["diampu"].isin(rs["kode_rs"])]
    jej = jej[["pengampu", "diampu", "layanan", "mulai", "sumber"]].reset_index(drop=True)
    _semicolon_csv(jej, folder / "jejaring.csv")

    regions = gpd.read_file(BUNDLED / "batas_kabkota.geojson")
    regions = regions[regions["kode_induk"] == PROV].sort_values("kode")
    rows = []
    for kode, geom in zip(regions["kode"], regions.geometry, strict=True):
        parts = sorted(shapely.get_parts(geom), key=lambda g: -g.area)
        rows.append({"WADMKK": BOUNDARY_NAMES[kode], "WADMPR": "BENGKULU",
                     "geometry": shapely.multipolygons(parts[:1]) if kode == "17.03"
                     else geom})
        if kode == "17.03":  # Enggano island as its own feature
            rows.append({"WADMKK": ENGGANO, "WADMPR": "BENGKULU",
                         "geometry": shapely.multipolygons(parts[1:])})
    batas = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    path = folder / "batas_kabkota.geojson"
    path.unlink(missing_ok=True)
    batas.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=5, RFC7946="YES",
                  WRITE_NAME="NO")


def build(name: str) -> nbformat.NotebookNode:
    nb = new_notebook(cells=[nbformat.from_dict(c) for c in NOTEBOOK_CELLS[name]])
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{Path(name).stem[:2]}-{i:02d}"
    nbformat.validate(nb)
    return nb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a notebook or the example data differs from what "
                             "this script writes")
    args = parser.parse_args()
    NOTEBOOKS.mkdir(exist_ok=True)
    stale = []
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            write_example_data(Path(tmp))
            for path in sorted(Path(tmp).iterdir()):
                committed = EXAMPLE / path.name
                if not committed.is_file() or committed.read_bytes() != path.read_bytes():
                    stale.append(str(committed.relative_to(ROOT)))
    else:
        write_example_data()
        print(f"wrote {EXAMPLE.relative_to(ROOT)}/")
    for name in NOTEBOOK_CELLS:
        text = nbformat.writes(build(name)) + "\n"
        path = NOTEBOOKS / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        raise SystemExit(f"out of date (run scripts/make_notebooks.py): {', '.join(stale)}")


if __name__ == "__main__":
    main()

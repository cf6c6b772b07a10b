"""Write the tutorial notebooks in notebooks/ (without outputs).

The notebooks are generated from this script so that they stay small, reviewable
and free of outputs: edit the cells here, then run

    .venv/bin/python scripts/make_notebooks.py

The prose is in Bahasa Indonesia (the notebooks are written for provincial
health analysts); the code uses the public API (``import pengampuan as pg``).
``tests/test_notebooks.py`` executes every notebook on the bundled data.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

Cell = nbformat.NotebookNode


def md(text: str) -> Cell:
    return new_markdown_cell(textwrap.dedent(text).strip("\n"))


def code(text: str) -> Cell:
    return new_code_cell(textwrap.dedent(text).strip("\n"))


SETUP = code(
    """
    import warnings

    import pandas as pd

    import pengampuan as pg

    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 140)
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
        ds.rumah_sakit[["kode_rs", "nama", "kode_wilayah", "kelas", "lokasi_presisi"]].head()
        """
    ),
    md(
        """
        Kolom `lokasi_presisi` menyatakan seberapa tepat titik rumah sakit:
        `sumber` (koordinat bersumber), `kemenkes2019` (titik peta Kemenkes 2019) atau
        `kabkota` (tidak ada titik bersumber: rumah sakit diletakkan di dalam kab/kotanya).
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
        m.save("peta_akses_stroke.html")
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
        nasional di Jakarta).
        """
    ),
    SETUP,
    code(
        """
        KODE_PROV = "32"  # Jawa Barat; "36" = Banten
        ds = pg.load_dataset()
        net = pg.build_network(ds)
        print(net)
        """
    ),
    md(
        """
        ## 1. Rumah sakit dan tautan di provinsi

        `pg.province_network()` mengembalikan satu baris per tautan pengampu → diampu yang
        menyentuh provinsi ini (termasuk tautan dari luar provinsi).
        """
    ),
    code(
        """
        tautan = pg.province_network(net, KODE_PROV)
        tautan.head(10)
        """
    ),
    code(
        """
        # jumlah tautan per layanan
        tautan["layanan"].value_counts()
        """
    ),
    md(
        """
        ## 2. Siapa mengampu siapa, per layanan

        Untuk setiap layanan KJSU: daftar rumah sakit diampu per pengampu.
        """
    ),
    code(
        """
        for layanan in pg.KJSU:
            sub = pg.province_network(net, KODE_PROV, layanan=layanan)
            print(f"== {layanan}: {len(sub)} tautan")
            if len(sub):
                print(sub.to_string(max_rows=15))
        """
    ),
    md(
        """
        ## 3. Ringkasan per rumah sakit dan pemeriksaan jejaring

        `pg.network_summary()` memberi satu baris per rumah sakit: beban pengampu (jumlah
        diampu), jumlah pengampu, rantai sampai pengampu nasional, dsb.
        `pg.network_checks()` mendaftar kejanggalan: siklus, tautan ke diri sendiri, strata
        terbalik (pengampu berstrata lebih rendah dari diampu), rumah sakit tanpa layanan itu.
        """
    ),
    code(
        """
        ringkas = pg.network_summary(net, layanan="kanker")
        ringkas[ringkas["kode_prov"] == KODE_PROV].head(10)
        """
    ),
    code(
        """
        cek = pg.network_checks(net)
        cek["check"].value_counts()
        """
    ),
    md(
        """
        ## 4. Usulan jejaring untuk rumah sakit tanpa pengampu

        Sumber berita hanya menyebut sebagian tautan. `pg.propose_network()` mengusulkan,
        untuk setiap rumah sakit berlayanan tanpa pengampu, pengampu terdekat dengan strata
        lebih tinggi. Usulan diberi `jenis = "usulan"` dan tidak pernah dicampur dengan tautan
        bersumber.
        """
    ),
    code(
        """
        usulan = pg.propose_network(ds, layanan="stroke")
        usulan.head()
        """
    ),
    md(
        """
        ## 5. Ekspor ke GeoJSON untuk QGIS

        `pg.links_geodataframe()` mengubah tautan menjadi garis (LineString mengikuti
        lingkaran besar) dengan atribut layanan, jarak (km) dan sumber. `pg.to_geojson()`
        menulis GeoJSON RFC 7946 (EPSG:4326, urutan lon/lat). Di QGIS: *Layer → Add Layer →
        Add Vector Layer*.
        """
    ),
    code(
        """
        garis = pg.links_geodataframe(net)
        rs_prov = ds.rumah_sakit[ds.rumah_sakit["kode_prov"] == KODE_PROV]
        kode_rs_prov = set(rs_prov["kode_rs"])
        garis_prov = garis[garis["pengampu"].isin(kode_rs_prov) | garis["diampu"].isin(kode_rs_prov)]
        print(len(garis_prov), "garis")
        pg.to_geojson(garis_prov, f"jejaring_{KODE_PROV}.geojson")
        pg.to_geojson(rs_prov, f"rumah_sakit_{KODE_PROV}.geojson")
        """
    ),
    code(
        """
        # jejaring lengkap sebagai GraphML (Gephi, yEd, networkx)
        pg.write_graphml(net, "jejaring.graphml")
        """
    ),
    md(
        """
        ## 6. Peta jejaring

        Peta interaktif satu layanan: rumah sakit menurut strata, garis pengampu → diampu.
        """
    ),
    code(
        """
        m = pg.map_network(net, ds=ds, layanan="kanker")
        m.save(f"peta_jejaring_kanker_{KODE_PROV}.html")
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
              "| laut (km/jam):", cfg.sea_speed_kmh, "| tunggu kapal (menit):", cfg.boarding_penalty_min)
        """
    ),
    md(
        """
        ## 1. Jarak dan waktu tempuh ke rumah sakit stroke terdekat

        Model sederhana (`travel="simple"`) lebih dahulu.
        """
    ),
    code(
        """
        stroke = pg.district_access(ds, reg, layanan="stroke", min_strata="madya", status="target")
        stroke[["distance_km", "travel_min"]].describe().round(1)
        """
    ),
    md(
        """
        ## 2. Waktu tempuh antarpulau (model sadar laut)

        Di negara kepulauan, garis lurus sering melintasi laut. Model sadar laut menghitung
        jalur termurah pada grid heksagonal H3: di darat dengan kecepatan jalan, di laut dengan
        kecepatan kapal, ditambah waktu tunggu setiap kali naik kapal. Contoh: Kepulauan Riau,
        Maluku dan Nusa Tenggara Timur (provinsi kepulauan).
        """
    ),
    code(
        """
        PROV_KEPULAUAN = ["21", "53", "81"]  # Kepulauan Riau, NTT, Maluku
        reg_kep = reg[reg["kode_induk"].isin(PROV_KEPULAUAN)]
        laut = pg.district_access(ds, reg_kep, layanan="stroke", min_strata="madya",
                                  status="target", travel="sea")
        banding = stroke.set_index("kode").loc[laut["kode"], ["nama", "travel_min"]]
        banding["travel_min_laut"] = laut.set_index("kode")["travel_min"]
        banding.sort_values("travel_min_laut", ascending=False).round(0).head(10)
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
        ## 5. Peta cakupan

        Kab/kota yang memenuhi / belum memenuhi target untuk satu layanan.
        """
    ),
    code(
        """
        m = pg.map_coverage(gaps_target, reg, layanan="kanker")
        m.save("peta_cakupan_kanker.html")
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
          langkah memilih peningkatan yang menambah kab/kota (atau penduduk) terpenuhi
          paling banyak.
        * `pg.upgrade_scenario()` menghitung keadaan sebelum dan sesudah untuk daftar
          peningkatan pilihan Anda sendiri.

        Contoh ini memakai layanan **stroke** dan keadaan `ada` (strata yang dilaporkan
        sudah ada) sebagai titik awal.
        """
    ),
    SETUP,
    code(
        """
        ds = pg.load_dataset()
        reg = pg.load_regions(level="kabkota")
        sebelum = pg.target_gaps(ds, reg, layanan="stroke", status="ada")
        kab = sebelum[sebelum["tingkat"] == "kabkota"]
        print(f"{(~kab['meets_target']).sum()} dari {len(kab)} kab/kota belum memenuhi target stroke")
        """
    ),
    md(
        """
        ## 1. Rekomendasi: lima peningkatan terbaik

        `objective="kabkota"` memaksimalkan jumlah kab/kota yang memenuhi target;
        `objective="penduduk"` memaksimalkan jumlah penduduk.
        """
    ),
    code(
        """
        rek = pg.recommend_upgrades(ds, reg, layanan="stroke", k=5, objective="kabkota")
        rek
        """
    ),
    code(
        """
        rek_pend = pg.recommend_upgrades(ds, reg, layanan="stroke", k=5, objective="penduduk")
        rek_pend
        """
    ),
    md(
        """
        ## 2. Skenario pilihan sendiri

        Misalnya dinas kesehatan provinsi Bengkulu ingin menaikkan RSUD Rejang Lebong
        (berita: menargetkan menjadi rumah sakit rujukan regional KJSU) dan dua RSUD
        rekomendasi teratas.
        """
    ),
    code(
        """
        rs = ds.rumah_sakit
        rejang_lebong = rs.loc[rs["kode_wilayah"] == "17.02", ["kode_rs", "nama"]]
        rejang_lebong
        """
    ),
    code(
        """
        pilihan = list(rejang_lebong["kode_rs"][:1]) + list(rek["kode_rs"][:2])
        upgrades = {kode: "madya" for kode in pilihan}
        hasil = pg.upgrade_scenario(ds, reg, layanan="stroke", upgrades=upgrades, status="ada")
        hasil
        """
    ),
    code(
        """
        hasil.summary
        """
    ),
    md(
        """
        ## 3. Peta sesudah peningkatan

        Akses stroke bila skenario terlaksana.
        """
    ),
    code(
        """
        m = pg.map_access(hasil.after, ds, title="Akses stroke sesudah skenario")
        m.save("peta_skenario_stroke.html")
        m
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

        Seorang analis dinas kesehatan provinsi Bengkulu menyiapkan daftar rumah sakitnya di
        lembar kerja dan mengekspornya sebagai CSV. Folder `data/bengkulu_analis/` berisi
        ekspor seperti itu — **dengan kesalahan yang umum dan sengaja dibuat** (baris bertanda
        `contoh`):

        * pemisah `;` dan koma desimal (ekspor Excel berbahasa Indonesia);
        * lintang dan bujur tertukar pada satu baris;
        * ejaan layanan yang tidak dikenal;
        * tautan jejaring ke kode rumah sakit yang tidak ada;
        * berkas batas wilayah sendiri yang hanya berisi nama kab/kota (tanpa kode).

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
        print((ASAL / "rumah_sakit.csv").read_text(encoding="utf-8")[:800])
        """
    ),
    md(
        """
        ## 1. Validasi: semua masalah sekaligus

        `pg.validate()` tidak berhenti pada masalah pertama: laporan memuat setiap masalah
        dengan berkas, baris (seperti di lembar kerja), kolom, nilai dan apa yang diharapkan.
        Pemisah `;` dan koma desimal dikenali otomatis (dicatat sebagai catatan, bukan galat).
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
        rep.problems
        """
    ),
    md(
        """
        `pg.load_dataset()` menolak data yang tidak sah dengan `DataFileError` (sebuah
        `ValueError`) yang berisi daftar yang sama di `.problems`.
        """
    ),
    code(
        """
        try:
            pg.load_dataset(ASAL)
        except pg.DataFileError as err:
            print(type(err).__name__, "-", len(err.problems), "masalah")
        """
    ),
    md(
        """
        ## 2. Perbaikan dengan pandas

        Baca berkas apa adanya (pemisah `;`, koma desimal, semua kolom sebagai teks agar kode
        seperti `17.02` tidak berubah menjadi angka), perbaiki, lalu tulis ke folder baru.
        Berkas asli tidak diubah.
        """
    ),
    code(
        """
        BERSIH = Path("bengkulu_bersih")
        BERSIH.mkdir(exist_ok=True)

        def baca(nama: str) -> pd.DataFrame:
            return pd.read_csv(ASAL / nama, sep=";", dtype=str, keep_default_na=False)

        rs = baca("rumah_sakit.csv")
        lay = baca("layanan.csv")
        jej = baca("jejaring.csv")
        wil = baca("wilayah.csv")
        rs.head()
        """
    ),
    code(
        """
        # (a) koma desimal -> titik
        for kol in ["lat", "lon"]:
            rs[kol] = pd.to_numeric(rs[kol].str.replace(",", ".", regex=False))

        # (b) lintang/bujur tertukar: lintang Indonesia antara -11,5 dan 6,5
        tertukar = rs["lat"].abs() > 90 - 1e-9
        tertukar |= ~rs["lat"].between(-11.5, 6.5) & rs["lon"].between(-11.5, 6.5)
        print("baris tertukar:", list(rs.index[tertukar] + 2))
        rs.loc[tertukar, ["lat", "lon"]] = rs.loc[tertukar, ["lon", "lat"]].to_numpy()
        rs[["kode_rs", "nama", "lat", "lon"]]
        """
    ),
    code(
        """
        # (c) ejaan layanan: lihat nilai yang tidak dikenal, lalu petakan
        cfg = pg.Config()
        tidak_dikenal = sorted({v for v in lay["layanan"] if cfg.normalise_layanan(v) is None})
        print("tidak dikenal:", tidak_dikenal)
        """
    ),
    code(
        """
        ejaan = {"Stroke/Neurologi": "stroke"}
        lay["layanan"] = lay["layanan"].replace(ejaan)
        assert all(cfg.normalise_layanan(v) for v in lay["layanan"])
        """
    ),
    code(
        """
        # (d) tautan ke kode rumah sakit yang tidak ada
        dikenal = set(rs["kode_rs"])
        menggantung = jej[~jej["pengampu"].isin(dikenal) | ~jej["diampu"].isin(dikenal)]
        menggantung
        """
    ),
    code(
        """
        # salah ketik kode: perbaiki ke kode yang benar
        jej["diampu"] = jej["diampu"].replace({"RS17O2": "RS1702"})
        assert jej["pengampu"].isin(dikenal).all() and jej["diampu"].isin(dikenal).all()

        for nama, tabel in [("rumah_sakit.csv", rs), ("layanan.csv", lay),
                            ("jejaring.csv", jej), ("wilayah.csv", wil)]:
            tabel.to_csv(BERSIH / nama, index=False)
        """
    ),
    md(
        """
        ## 3. Validasi ulang dan muat
        """
    ),
    code(
        """
        rep2 = pg.validate(BERSIH)
        print(rep2)
        ds = pg.load_dataset(BERSIH)
        ds
        """
    ),
    md(
        """
        ## 4. Berkas batas wilayah sendiri (hanya nama)

        Berkas batas dari dinas sering hanya berisi nama (ejaan bermacam-macam: `KAB. ...`,
        tanpa awalan, huruf besar). `pg.match_regions()` mencocokkan dengan kode Kemendagri:
        dahulu menurut kode, lalu menurut nama yang dinormalkan dan tabel alias. Setiap nama
        yang tidak cocok dilaporkan, tidak pernah dibuang diam-diam.
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
        cocok, laporan = pg.match_regions(batas, level="kabkota", name_col="NAMOBJ")
        print(laporan)
        cocok[["NAMOBJ", "kode", "nama"]]
        """
    ),
    md(
        """
        ## 5. Analisis dengan data dan batas sendiri
        """
    ),
    code(
        """
        akses = pg.district_access(ds, cocok, layanan="stroke", min_strata="madya", status="ada")
        akses[["kode", "nama", "nama_rs", "distance_km", "travel_min", "covered"]]
        """
    ),
    code(
        """
        m = pg.map_access(akses, ds, title="Akses stroke - data analis Bengkulu (contoh)")
        m.save("peta_bengkulu.html")
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
                        help="exit 1 if a notebook differs from what this script writes")
    args = parser.parse_args()
    NOTEBOOKS.mkdir(exist_ok=True)
    stale = []
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

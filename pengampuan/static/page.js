/* pengampuan map page: draws the layers of one map from its data (see pengampuan/maps).
 *
 * pengampuanPage(map, D, P) is called once per page with the Leaflet map made by folium,
 * the data D (layers) and the panels P (title, legend, summary: HTML). Every string in
 * D and P that ends up as HTML was escaped in Python; this script only joins them and
 * never builds HTML from raw data. Background tiles are created here but requested
 * only when the user switches them on in the layer control.
 */
/* exported pengampuanPage */
/* global L */
function pengampuanPage(map, D, P) {
  "use strict";
  var T = D.T;
  var FLAG_APPROX = 1, FLAG_OUTSIDE = 2, FLAG_OTHER = 4;
  // small screens (phones, 1024 x 600 netbooks): the layer control and the panels start folded
  // (one rule, as in page.css: narrower than 700 px or at most 700 px high)
  var narrow = function () { return map.getSize().x < 700; };
  var short = function () { return map.getSize().y <= 700; };

  // ---- panes (drawing order) ------------------------------------------------------
  [["pgKonteks", 395], ["pgGrid", 400], ["pgWilayah", 405], ["pgKecamatan", 406],
   ["pgArsir", 407], ["pgProvinsi", 410], ["pgJejaring", 420], ["pgRS", 430],
   ["pgLabel", 440]].forEach(function (p) {
    map.createPane(p[0]).style.zIndex = p[1];
  });
  map.getPane("pgLabel").style.pointerEvents = "none";
  map.getPane("pgGrid").style.pointerEvents = "none";

  // ---- decoding of the delta-encoded geometry --------------------------------------
  var scale = Math.pow(10, D.prec);
  function ring(a) {
    var out = [], lat = 0, lon = 0;
    for (var i = 0; i + 1 < a.length; i += 2) {
      lat += a[i]; lon += a[i + 1];
      out.push([lat / scale, lon / scale]);
    }
    return out;
  }
  function polygons(g) { return g.map(function (p) { return p.map(ring); }); }
  // a layer's values, or those of the earlier layer its entry names (shared figures)
  function valuesOf(obj, lay) {
    var v = obj[lay];
    return typeof v === "string" ? obj[v] : v;
  }

  // ---- SVG defs: arrowheads per layanan, hatch of regions below target ------------
  var NS = "http://www.w3.org/2000/svg";
  var defsSvg = document.createElementNS(NS, "svg");
  defsSvg.setAttribute("class", "pg-defs");
  defsSvg.setAttribute("aria-hidden", "true");
  var defs = document.createElementNS(NS, "defs");
  defsSvg.appendChild(defs);
  D.layanan.forEach(function (lay, i) {
    var m = document.createElementNS(NS, "marker");
    var attrs = {id: "pg-arrow-" + i, viewBox: "0 0 10 10", refX: "17", refY: "5",
                 markerWidth: "10", markerHeight: "10", markerUnits: "userSpaceOnUse",
                 orient: "auto"};
    for (var k in attrs) { m.setAttribute(k, attrs[k]); }
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", "M0,0 L10,5 L0,10 z");
    path.setAttribute("fill", D.lay[lay].c);
    m.appendChild(path);
    defs.appendChild(m);
  });
  var hatch = document.createElementNS(NS, "pattern");
  var hatchAttrs = {id: "pg-hatch", width: "7", height: "7", patternUnits: "userSpaceOnUse",
                    patternTransform: "rotate(45)"};
  for (var ha in hatchAttrs) { hatch.setAttribute(ha, hatchAttrs[ha]); }
  var hl = document.createElementNS(NS, "line");
  var hlAttrs = {x1: "0", y1: "0", x2: "0", y2: "7", stroke: "#7a0019", "stroke-width": "2",
                 "stroke-opacity": "0.75"};
  for (var hk in hlAttrs) { hl.setAttribute(hk, hlAttrs[hk]); }
  hatch.appendChild(hl);
  defs.appendChild(hatch);
  document.body.appendChild(defsSvg);

  // ---- layers ----------------------------------------------------------------------
  var base = {}, overlays = {};
  D.layanan.forEach(function (lay) { base[lay] = L.layerGroup(); });
  var current = D.layanan[0];

  if (D.land) {
    // land of the network maps, with the province boundaries as its edges
    L.polygon([].concat.apply([], D.land.map(polygons)),
              {pane: "pgKonteks", interactive: false, color: "#5b5b5b", weight: 0.8,
               fillColor: D.landColour, fillOpacity: 1}).addTo(map);
  }
  if (D.ctx) {
    L.polygon([].concat.apply([], D.ctx.map(polygons)),
              {pane: "pgKonteks", interactive: false, color: "#ffffff", weight: 1,
               fillColor: "#d9d9d9", fillOpacity: 1}).addTo(map);
  }

  // kab/kota: one set of polygons, restyled when the layanan changes
  var W = D.wil, regionLayers = [], hatchGroup = null, labelGroup = null, approxGroup = null;
  function regionTip(i) {
    var r = W.v[current].r[i];
    return "<b>" + W.nama[i] + "</b><br><i>" + D.lay[current].n + "</i>: " + r[0];
  }
  function regionPopup(i) {
    var h = '<div class="pg-pop"><b>' + W.nama[i] + "</b> (" + W.kode[i] + ")";
    if (W.sub[i]) { h += "<br>" + W.sub[i]; }
    if (W.pop[i] !== null) { h += '<br><span class="pg-meta">' + T.population + ": " +
                                   W.popText[i] + "</span>"; }
    h += "<table><tr><th>" + T.layanan + "</th>";
    W.cols.forEach(function (c) { h += "<th>" + c + "</th>"; });
    h += "</tr>";
    var notes = [], headed = false;
    D.layanan.forEach(function (lay) {
      var r = W.v[lay].r[i];
      if (D.lay[lay].f && !headed && D.reportedHead) {
        h += '<tr class="pg-sep"><td colspan="4">' + D.reportedHead + "</td></tr>";
        headed = true;
      }
      var name = headed ? D.lay[lay].s || D.lay[lay].n : D.lay[lay].n;
      h += "<tr" + (lay === current ? ' class="pg-cur"' : "") + "><td>" + name +
           "</td><td>" + r[0] + "</td><td>" + r[1] + "</td><td>" + r[2] + "</td></tr>";
      if (r[3]) { notes.push("<i>" + name + "</i>: " + r[3]); }
    });
    h += "</table>";
    if (notes.length) { h += '<div class="pg-meta">' + notes.join("<br>") + "</div>"; }
    return h + "</div>";
  }
  var regionLatLngs = [];
  if (W) {
    W.g.forEach(function (g, i) {
      var ll = polygons(g);
      regionLatLngs.push(ll);
      var poly = L.polygon(ll, {pane: "pgWilayah", color: "#ffffff", weight: 0.6, opacity: 0.9,
                                fillOpacity: 0.85, fillColor: W.v[current].c[i]});
      poly.bindTooltip(function () { return regionTip(i); }, {sticky: true, className: "pg-tip"});
      poly.bindPopup(function () { return regionPopup(i); }, popupOptions(420));
      poly.on("mouseover", function () { poly.setStyle({weight: 2, color: "#333333"}); });
      poly.on("mouseout", function () { poly.setStyle({weight: 0.6, color: "#ffffff"}); });
      poly.pgIndex = i;
      regionLayers.push(poly);
      poly.addTo(map);
    });
    if (D.hatch) {
      hatchGroup = L.layerGroup();
      overlays[T.below_target] = hatchGroup;
    }
    if (D.layanan.some(function (l) { return W.v[l].ax && W.v[l].ax.length; })) {
      approxGroup = L.layerGroup();
      overlays[T.approx_layer] = approxGroup;
    }
    labelGroup = L.layerGroup();
    overlays[T.labels] = labelGroup;
  }
  var hatchPolys = {}, approxPolys = {};
  function restyleRegions() {
    if (!W) { return; }
    var v = W.v[current];
    var fillOpacity = gridShown() ? 0 : 0.85;
    regionLayers.forEach(function (poly, i) {
      poly.setStyle({fillColor: v.c[i], fillOpacity: fillOpacity});
    });
    if (approxGroup) {
      approxGroup.clearLayers();
      (v.ax || []).forEach(function (i) {
        if (!approxPolys[i]) {
          approxPolys[i] = L.polygon(regionLatLngs[i], {pane: "pgArsir", interactive: false,
                                                        fill: false, color: D.approxColour,
                                                        weight: 2.2, opacity: 0.95,
                                                        dashArray: "1 4", lineCap: "round",
                                                        className: "pg-approx"});
        }
        approxGroup.addLayer(approxPolys[i]);
      });
    }
    if (hatchGroup) {
      hatchGroup.clearLayers();
      v.m.forEach(function (met, i) {
        if (met !== 0) { return; }
        if (!hatchPolys[i]) {
          hatchPolys[i] = L.polygon(regionLatLngs[i], {pane: "pgArsir", interactive: false,
                                                       stroke: false, fillColor: "url(#pg-hatch)",
                                                       fillOpacity: 1,
                                                       className: "pg-hatch"});
        }
        hatchGroup.addLayer(hatchPolys[i]);
      });
    }
  }

  // kecamatan (province maps): one set of polygons, restyled with the layer; off by default
  var K = D.kec, kecLayers = [], kecGroup = null;
  function kecNearest(v, i) {
    if (v.n[i] < 0) { return "\u2013"; }
    return K.rs[v.n[i]] + (v.x[i] ? ' <span class="pg-meta">(' + T.approx_short + ")</span>"
                                   : "");
  }
  function kecPopup(i) {
    var h = '<div class="pg-pop"><b>' + K.nama[i] + "</b> (" + K.kode[i] + ")<br>" +
            T.kab_of + ": " + K.sub[i];
    if (K.pop[i] !== null) { h += '<br><span class="pg-meta">' + T.population + ": " +
                                   K.popText[i] + "</span>"; }
    h += "<table><tr><th>" + T.layanan + "</th><th>" + W.cols[0] + "</th><th>" + T.nearest +
         "</th></tr>";
    var notes = [];
    D.layanan.forEach(function (lay) {
      var v = valuesOf(K.v, lay);
      if (!v) { return; }
      h += "<tr" + (lay === current ? ' class="pg-cur"' : "") + "><td>" + D.lay[lay].n +
           "</td><td>" + v.t[i] + "</td><td>" + kecNearest(v, i) + "</td></tr>";
      if (v.w[i] !== null && K.thr[lay]) {
        notes.push("<i>" + D.lay[lay].n + "</i>: " + K.thr[lay] + ": " +
                   (v.w[i] ? T.yes : T.no));
      }
    });
    h += "</table>";
    if (notes.length) { h += '<div class="pg-meta">' + notes.join("<br>") + "</div>"; }
    return h + "</div>";
  }
  if (K) {
    kecGroup = L.layerGroup();
    K.g.forEach(function (g, i) {
      var poly = L.polygon(polygons(g), {pane: "pgKecamatan", color: "#6b6b6b", weight: 0.5,
                                         opacity: 0.9, fillOpacity: 0.9,
                                         fillColor: "#f2f2f2", className: "pg-kec"});
      poly.bindTooltip(function () {
        var v = valuesOf(K.v, current);
        return "<b>" + K.nama[i] + "</b> (" + K.sub[i] + ")<br><i>" + D.lay[current].n +
               "</i>: " + (v ? v.t[i] : T.grid_none);
      }, {sticky: true, className: "pg-tip"});
      poly.bindPopup(function () { return kecPopup(i); }, popupOptions(400));
      poly.on("mouseover", function () { poly.setStyle({weight: 1.8, color: "#222222"}); });
      poly.on("mouseout", function () { poly.setStyle({weight: 0.5, color: "#6b6b6b"}); });
      kecLayers.push(poly);
      poly.addTo(kecGroup);
    });
    overlays[D.kecName] = kecGroup;
  }
  function restyleKecamatan() {
    if (!K) { return; }
    var v = valuesOf(K.v, current);
    kecLayers.forEach(function (poly, i) {
      poly.setStyle({fillColor: v ? K.colours[v.c[i]] : K.colours[K.colours.length - 1]});
    });
  }

  // H3 access grid (province maps): one polygon per colour class, under the kab/kota,
  // which are then drawn as outlines (still clickable); off by default
  var G = D.grid, gridGroup = null, gridPolys = {};
  if (G) {
    gridGroup = L.layerGroup();
    overlays[D.gridName] = gridGroup;
  }
  function gridShown() {
    return !!(gridGroup && map.hasLayer(gridGroup) && G.v[current]);
  }
  function restyleGrid() {
    if (!gridGroup) { return; }
    gridGroup.clearLayers();
    var classes = valuesOf(G.v, current);
    if (!classes) { return; }
    var key = typeof G.v[current] === "string" ? G.v[current] : current;
    if (!gridPolys[key]) {
      gridPolys[key] = classes.map(function (c) {
        return L.polygon(polygons(c[1]), {pane: "pgGrid", interactive: false, stroke: false,
                                          fillColor: c[0], fillOpacity: 0.9,
                                          className: "pg-grid"});
      });
    }
    gridPolys[key].forEach(function (p) { gridGroup.addLayer(p); });
  }

  if (D.outline) {
    var provGroup = L.layerGroup();
    L.polyline(D.outline.map(ring), {pane: "pgProvinsi", interactive: false, color: "#333333",
                                      weight: 1.4, opacity: 0.9}).addTo(provGroup);
    overlays[T.provinces] = provGroup;
  }

  // hospitals and links: one sub-layer per layanan, swapped with the base layer
  var rsGroup = L.layerGroup(), otherGroup = L.layerGroup(), linkGroup = L.layerGroup();
  var sub = {};
  function hospitalPopup(h) {
    var s = '<div class="pg-pop"><b>' + h[4] + '</b><br><span class="pg-meta">' + h[5] +
            "</span>";
    var rows = h[6];
    if (rows.length) {
      s += "<table><tr><th>" + T.layanan + "</th><th>" + T.strata + "</th><th>" + T.pengampu +
           "</th></tr>";
      rows.forEach(function (r) {
        s += "<tr><td>" + r[0] + "</td><td>" + (r[1] || "\u2013") + "</td><td>" +
             (r[2].length ? r[2].join("<br>") : "\u2013") + "</td></tr>";
      });
      s += "</table>";
      rows.forEach(function (r) {
        if (!r[3].length) { return; }
        s += '<div class="pg-h">' + T.mengampu + " " + r[3].length + " " + T.rs + " (" + r[0] +
             ')</div><div class="pg-list">' + r[3].join("<br>") + "</div>";
      });
    }
    if (h[9] && h[9].length) {
      var byGrade = {};
      h[9].forEach(function (x) {
        var g = x[1] >= 0 ? D.bukti[x[1]] : "";
        (byGrade[g] = byGrade[g] || []).push(D.fasNames[x[0]]);
      });
      s += '<div class="pg-h">' + D.reportedList + '</div><div class="pg-meta">';
      s += Object.keys(byGrade).map(function (g) {
        return byGrade[g].join(", ") + (g ? " (" + T.bukti + " " + g + ")" : "");
      }).join("; ") + "</div>";
    }
    s += '<div class="pg-meta">' + h[8] + "</div>";
    if (h[7].length) {
      s += '<div class="pg-meta pg-srcs">' + T.source + ": " +
           h[7].map(function (k) { return D.src[k]; }).join("; ") + "</div>";
    }
    return s + "</div>";
  }
  function marker(h, lay) {
    var r = h[3][lay];
    var rank = r === undefined ? 0 : r;
    var col = D.strataColour[Math.min(rank, D.strataColour.length - 1)];
    var rad = D.strataRadius[Math.min(rank, D.strataRadius.length - 1)];
    var style;
    if (r !== undefined && lay !== null && D.lay[lay].f) {
      style = {radius: D.fasRadius, color: "#ffffff", weight: 1, fillColor: D.fasColour,
               fillOpacity: 0.9};
      if (h[2] & FLAG_APPROX) { style.color = D.approxColour; style.dashArray = "2 2"; }
    } else if (r === undefined) {
      style = {radius: 3.5, color: "#555555", weight: 1, fillColor: "#ffffff", fillOpacity: 0.9};
    } else if (h[2] & FLAG_APPROX) {
      style = {radius: rad, color: "#08306b", weight: 1.5, dashArray: "2 2", fillColor: col,
               fillOpacity: 0.5};
    } else {
      style = {radius: rad, color: "#ffffff", weight: 1, fillColor: col, fillOpacity: 0.95};
    }
    if (h[2] & FLAG_OUTSIDE) {
      style.color = "#555555"; style.weight = 2; style.fillOpacity = 0.55; style.dashArray = null;
    }
    style.pane = "pgRS";
    var tip = h[4] + ((h[2] & FLAG_OUTSIDE) ? " (" + T.outside + ")" : "");
    return L.circleMarker([h[0], h[1]], style)
      .bindPopup(function () { return hospitalPopup(h); }, popupOptions(380))
      .bindTooltip(tip);
  }
  D.layanan.forEach(function (lay, i) {
    var rs = L.layerGroup(), lk = L.layerGroup();
    var linked = {};
    (D.links[lay] || []).forEach(function (x) {
      var a = D.rs[x[0]], b = D.rs[x[1]];
      linked[x[0]] = linked[x[1]] = true;
      var tip = a[4] + " \u2192 " + b[4] + "<br>" + D.lay[lay].n +
                (x[2] ? " \u00b7 <b>" + T.usulan + "</b>" : "") + (x[3] ? " \u00b7 " + x[3] : "");
      var dash = x[2] ? D.usulanDash : D.linkDash[x[4] || 0];
      L.polyline([[a[0], a[1]], [b[0], b[1]]],
                 {pane: "pgJejaring", color: D.lay[lay].c, weight: x[4] === 2 ? 2.2 : 1.8,
                  opacity: 0.85, dashArray: dash, lineCap: "round",
                  className: "pg-link pg-link-" + i + " pg-bukti-" + (x[4] || 0)})
        .bindTooltip(tip, {sticky: true}).addTo(lk);
    });
    D.rs.forEach(function (h, k) {
      if (h[2] & FLAG_OTHER && !linked[k]) { return; }
      if (h[3][lay] === undefined && !linked[k]) { return; }
      marker(h, lay).addTo(rs);
    });
    sub[lay] = {rs: rs, links: lk};
  });
  D.rs.forEach(function (h) {
    if (h[2] & FLAG_OTHER) { marker(h, null).addTo(otherGroup); }
  });
  if ((D.layanan.some(function (l) { return D.links[l] && D.links[l].length; }))) {
    overlays[T.links] = linkGroup;
  }
  if (D.rs.length) { overlays[T.hospitals] = rsGroup; }
  if (otherGroup.getLayers().length) { overlays[T.hospitals_other] = otherGroup; }

  function show(lay) {
    current = lay;
    rsGroup.clearLayers(); rsGroup.addLayer(sub[lay].rs);
    linkGroup.clearLayers(); linkGroup.addLayer(sub[lay].links);
    restyleGrid();
    restyleRegions();
    restyleKecamatan();
    if (layerNotice) {
      var note = D.notes && D.notes[lay];
      layerNotice.innerHTML = note || "";
      layerNotice.hidden = !note;
    }
    updateLabels();
    if (tableBox) { fillTable(); }
    showLegendOf(lay);
  }
  // the legend describes the visible layer: its heading, and strata or reporting hospitals
  function showLegendOf(lay) {
    if (!legendBox) { return; }
    var head = legendBox.querySelector(".pg-leg-var");
    if (head && D.legendVar && D.legendVar[lay]) { head.innerHTML = D.legendVar[lay]; }
    var fas = !!D.lay[lay].f;
    [[".pg-leg-strata", fas], [".pg-leg-fas", !fas]].forEach(function (x) {
      var rows = legendBox.querySelectorAll(x[0]);
      for (var i = 0; i < rows.length; i++) { rows[i].hidden = x[1]; }
    });
  }

  // background tiles: created now, requested only once switched on
  var tiles = L.tileLayer(D.tiles.url, {attribution: D.tiles.attr, maxZoom: 19,
                                        referrerPolicy: "strict-origin-when-cross-origin"});
  var tilesLoaded = 0;
  tiles.on("tileload", function () { tilesLoaded += 1; });
  tiles.on("tileerror", function () {
    if (!tilesLoaded && map.hasLayer(tiles)) {
      map.removeLayer(tiles);
      if (noticeBox) { noticeBox.textContent = T.tiles_failed; noticeBox.hidden = false; }
    }
  });
  overlays[T.tiles] = tiles;

  // names of the kab/kota at province zoom
  function updateLabels() {
    if (!labelGroup || !map.hasLayer(labelGroup)) { return; }
    labelGroup.clearLayers();
    if (map.getZoom() < D.labelZoom) { return; }
    var view = map.getBounds().pad(0.1);
    W.pt.forEach(function (p, i) {
      if (!view.contains(p)) { return; }
      L.marker(p, {pane: "pgLabel", interactive: false, keyboard: false,
                   icon: L.divIcon({className: "pg-label", html: "<span>" + W.nama[i] + "</span>",
                                    iconSize: null})}).addTo(labelGroup);
    });
  }
  map.on("zoomend moveend", updateLabels);
  map.on("overlayadd", function (e) { if (e.layer === labelGroup) { updateLabels(); } });
  map.on("overlayadd overlayremove", function (e) {
    if (e.layer === gridGroup) { restyleRegions(); }
  });

  // ---- panels ----------------------------------------------------------------------
  function panel(position, html, cls) {
    var c = L.control({position: position});
    var div = L.DomUtil.create("div", "pg-panel " + cls);
    div.innerHTML = html;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    c.onAdd = function () { return div; };
    c.addTo(map);
    return div;
  }
  var titleBox = panel("topleft", P.title, "pg-titlebox");
  var noticeBox = titleBox.querySelector(".pg-notice-live");
  var layerNotice = titleBox.querySelector(".pg-notice-layer");
  var baseNamed = {};
  // reported services go under their heading, by their short name
  D.layanan.forEach(function (lay) { baseNamed[D.lay[lay].s || D.lay[lay].n] = base[lay]; });
  var control = L.control.layers(baseNamed, overlays, {collapsed: narrow() || short(), position: "topright"});
  var controlUpdate = control._update;
  control._update = function () {
    var out = controlUpdate.apply(this, arguments);
    var firstFas = D.layanan.filter(function (l) { return D.lay[l].f; })[0];
    var list = this._baseLayersList;
    if (firstFas && D.reportedHead && list) {
      var id = L.stamp(base[firstFas]);
      var inputs = list.querySelectorAll("input");
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].layerId === id) {
          var head = document.createElement("div");
          head.className = "pg-ctl-head";
          head.innerHTML = D.reportedHead;
          list.insertBefore(head, inputs[i].closest("label"));
          break;
        }
      }
    }
    return out;
  };
  control.addTo(map);
  base[current].addTo(map);
  [rsGroup, linkGroup, hatchGroup, approxGroup, labelGroup,
   overlays[T.provinces]].forEach(function (g) {
    if (g) { g.addTo(map); }
  });
  var legendBox = panel("bottomleft", P.legend, "pg-legend");
  var summaryBox = P.summary ? panel("bottomright", P.summary, "pg-summary") : null;
  L.control.scale({imperial: false, metric: true, position: "bottomleft"}).addTo(map);
  function fold(box) {
    if (!box) { return; }
    var folds = box.querySelectorAll("details.pg-fold");
    for (var i = 0; i < folds.length; i++) { folds[i].open = false; }
  }
  if (narrow() || short()) { fold(legendBox); fold(summaryBox); }

  // ---- keep the panels of each side apart: the lower one scrolls in the room left --------
  function fitPanels() {
    var top = map.getContainer().getBoundingClientRect().top;
    function room(upper, lower) {
      if (!upper || !lower) { return; }
      lower.style.maxHeight = "";
      var above = upper.getBoundingClientRect().bottom - top;
      var below = lower.getBoundingClientRect().bottom - top;
      lower.style.maxHeight = Math.max(48, Math.floor(below - above - 10)) + "px";
    }
    room(titleBox, legendBox);
    room(control.getContainer(), summaryBox);
  }
  fitPanels();
  map.on("resize overlayadd overlayremove baselayerchange", fitPanels);
  [titleBox, legendBox, summaryBox].forEach(function (box) {
    if (box) { box.addEventListener("toggle", fitPanels, true); }
  });

  // kab/kota table (province maps)
  var tableBox = summaryBox && D.table ? summaryBox.querySelector(".pg-kabtab") : null;
  function fillTable() {
    var h = "<tr><th>" + T.kab_table + "</th><th>" + T.col_penduduk + "</th><th>" +
            D.lay[current].n + "</th><th>" + T.col_target + "</th></tr>";
    W.nama.forEach(function (n, i) {
      var r = W.v[current].r[i];
      h += '<tr data-i="' + i + '"><td><a href="#">' + n + "</a></td><td>" +
           (W.pop[i] === null ? "\u2013" : W.popText[i]) + "</td><td>" + r[0] + "</td><td>" +
           r[2] + "</td></tr>";
    });
    tableBox.innerHTML = h;
  }
  if (tableBox) {
    fillTable();
    tableBox.addEventListener("click", function (e) {
      var tr = e.target.closest("tr[data-i]");
      if (!tr) { return; }
      e.preventDefault();
      var poly = regionLayers[+tr.getAttribute("data-i")];
      map.fitBounds(poly.getBounds(), {maxZoom: 10});
      poly.openPopup(poly.getCenter());
    });
  }

  // province picker (national maps)
  var picker = titleBox.querySelector("select.pg-pick");
  var summaryHome = summaryBox ? summaryBox.innerHTML : null;
  // what follows the national table (sources, report files, date) stays under a province's
  var summaryTail = "";
  if (summaryBox) {
    for (var k = 1; k < summaryBox.children.length; k++) {
      summaryTail += summaryBox.children[k].outerHTML;
    }
  }
  // the picker may be cut short on a phone: its full text is its title
  function pickerTitle() {
    var o = picker.options[picker.selectedIndex];
    picker.title = o ? o.textContent : "";
  }
  if (picker && D.provinces) {
    D.provinces.forEach(function (p, i) {
      var o = document.createElement("option");
      o.value = String(i);
      o.innerHTML = p[1];
      picker.appendChild(o);
    });
    pickerTitle();
    picker.addEventListener("change", function () {
      pickerTitle();
      if (picker.value === "") {
        if (summaryBox) { summaryBox.innerHTML = summaryHome; }
        fitPanels();
        fit(D.bounds, true);
        return;
      }
      var p = D.provinces[+picker.value];
      if (summaryBox) {
        summaryBox.innerHTML = p[3] + summaryTail;
        summaryBox.setAttribute("data-kode", p[0]);
      }
      fitPanels();
      fit(p[2], true);
    });
  }

  // ---- room left by the panels ---------------------------------------------------
  // The four corners hold the panels (title, layer control, legend and scale, summary and
  // zoom). Data and popups are kept clear of each corner either beside it or below/above
  // it: paddings() gives the 16 choices, as Leaflet paddings [left, top], [right, bottom].
  function cornerSizes() {
    var box = map.getContainer().getBoundingClientRect(), out = {};
    ["topleft", "topright", "bottomleft", "bottomright"].forEach(function (c) {
      var w = 0, h = 0, kids = map._controlCorners[c].children;
      for (var i = 0; i < kids.length; i++) {
        var r = kids[i].getBoundingClientRect();
        if (!r.width || !r.height) { continue; }
        w = Math.max(w, c.indexOf("left") >= 0 ? r.right - box.left : box.right - r.left);
        h = Math.max(h, c.indexOf("top") === 0 ? r.bottom - box.top : box.bottom - r.top);
      }
      out[c] = {w: Math.ceil(w), h: Math.ceil(h)};
    });
    return out;
  }
  function paddings(margin) {
    var c = cornerSizes(), out = [];
    for (var mask = 0; mask < 16; mask++) {
      // bit set: the corner is passed beside it (x), else above or below it (y)
      var tl = mask & 1, tr = mask & 2, bl = mask & 4, br = mask & 8;
      var left = Math.max(tl ? c.topleft.w : 0, bl ? c.bottomleft.w : 0);
      var right = Math.max(tr ? c.topright.w : 0, br ? c.bottomright.w : 0);
      var top = Math.max(tl ? 0 : c.topleft.h, tr ? 0 : c.topright.h);
      var bottom = Math.max(bl ? 0 : c.bottomleft.h, br ? 0 : c.bottomright.h);
      out.push({tl: L.point(left + margin, top + margin),
                br: L.point(right + margin, bottom + margin)});
    }
    return out;
  }

  // popups: pan clear of every panel, scroll when longer than the room left
  function popupOptions(width) {
    return {maxWidth: Math.min(width, map.getSize().x - 40),
            maxHeight: Math.max(160, map.getSize().y - 140), autoPan: false,
            className: "pg-popup"};
  }
  map.on("popupopen", function (e) {
    var popup = e.popup, el = popup.getElement();
    if (!el) { return; }
    var size = map.getSize(), w = el.offsetWidth, h = el.offsetHeight;
    var mapBox = map.getContainer().getBoundingClientRect(), r = el.getBoundingClientRect();
    var x0 = r.left - mapBox.left, y0 = r.top - mapBox.top, best = null;
    paddings(6).forEach(function (p) {
      var room = L.point(size.x - p.tl.x - p.br.x, size.y - p.tl.y - p.br.y);
      if (room.x < w) { return; }  // too narrow: the close button would be hidden
      var dx = Math.max(0, p.tl.x - x0, x0 + w - (size.x - p.br.x));
      var dy = Math.max(0, p.tl.y - y0, y0 + Math.min(h, room.y) - (size.y - p.br.y));
      var cost = dx + dy + (room.y < h ? 10 * (h - room.y) : 0);
      if (!best || cost < best.cost) { best = {p: p, room: room, cost: cost}; }
    });
    var opts = popup.options;
    opts.autoPan = true;
    opts.autoPanPadding = L.point(6, 6);
    if (best) {
      opts.autoPanPaddingTopLeft = best.p.tl;
      opts.autoPanPaddingBottomRight = best.p.br;
      if (best.room.y < h) {  // scroll inside the room left
        opts.maxHeight = Math.max(120, best.room.y - 40);
        popup.update();  // (pans too)
        return;
      }
    }
    popup._adjustPan();
  });

  // ---- fit the data into the room the panels leave (the largest zoom of the 16 ways) --
  function fit(bounds, animate) {
    var size = map.getSize(), best = null;
    bounds = L.latLngBounds(bounds);
    paddings(8).forEach(function (p) {
      var room = size.subtract(p.tl).subtract(p.br);
      if (room.x < 80 || room.y < 80) { return; }
      var z = map.getBoundsZoom(bounds, false, p.tl.add(p.br));
      var area = room.x * room.y;
      if (!best || z > best.z + 1e-9 || (Math.abs(z - best.z) <= 1e-9 && area > best.area)) {
        best = {z: z, p: p, area: area};
      }
    });
    var closer = best ? closerView(bounds, best.z) : null;
    if (closer) {  // the regions themselves, not their bounding box, kept clear of the panels
      map.setView(closer.c, closer.z, {animate: !!animate});
      return;
    }
    var pad = best ? best.p : {tl: L.point(8, 8), br: L.point(8, 8)};
    map.fitBounds(bounds, {paddingTopLeft: pad.tl, paddingBottomRight: pad.br,
                           animate: !!animate});
  }
  // The panels sit in the corners, where a wide country like Indonesia has sea: a view up
  // to 1.5 zoom levels closer than the bounding box allows often keeps every region (its
  // own box) on screen and under no panel. The closest such view, or null.
  function closerView(bounds, z0) {
    var boxes = [], rects = [], size = map.getSize(), margin = 4;
    regionLayers.forEach(function (poly) {
      var b = poly.getBounds();
      if (bounds.contains(b.getCenter())) { boxes.push([b.getNorthWest(), b.getSouthEast()]); }
    });
    if (!boxes.length) { return null; }
    var box = map.getContainer().getBoundingClientRect();
    ["topleft", "topright", "bottomleft", "bottomright"].forEach(function (c) {
      var kids = map._controlCorners[c].children;
      for (var i = 0; i < kids.length; i++) {
        var r = kids[i].getBoundingClientRect();
        if (r.width && r.height) {
          rects.push([r.left - box.left - margin, r.top - box.top - margin,
                      r.right - box.left + margin, r.bottom - box.top + margin]);
        }
      }
    });
    function clear(z, c) {
      for (var i = 0; i < boxes.length; i++) {
        var a = map.project(boxes[i][0], z).subtract(c), b = map.project(boxes[i][1], z).subtract(c);
        var x0 = a.x + size.x / 2, y0 = a.y + size.y / 2, x1 = b.x + size.x / 2, y1 = b.y + size.y / 2;
        if (x0 < margin || y0 < margin || x1 > size.x - margin || y1 > size.y - margin) { return false; }
        for (var k = 0; k < rects.length; k++) {
          var r = rects[k];
          if (x0 < r[2] && x1 > r[0] && y0 < r[3] && y1 > r[1]) { return false; }
        }
      }
      return true;
    }
    var centre = bounds.getCenter(), top = Math.min(map.getMaxZoom(), z0 + 1.5);
    for (var z = top; z > z0 + 1e-9; z -= 0.25) {
      var c0 = map.project(centre, z);
      for (var dy = 0; dy <= 240; dy = dy > 0 ? -dy : -dy + 30) {
        for (var dx = 0; dx <= 300; dx = dx > 0 ? -dx : -dx + 30) {
          var c = c0.add(L.point(dx, dy));
          if (clear(z, c)) { return {z: z, c: map.unproject(c, z)}; }
        }
      }
    }
    return null;
  }
  show(current);
  // (not animated: every layer is drawn at once for the view it ends in)
  fit(D.bounds, false);
  map.on("baselayerchange", function (e) {
    for (var lay in base) { if (base[lay] === e.layer) { show(lay); } }
  });
  map.pengampuan = {show: show, fit: fit, paddings: paddings, regions: regionLayers, tiles: tiles, data: D,
                    kecamatan: kecGroup, grid: gridGroup, approx: approxGroup,
                    current: function () { return current; }};
  return map.pengampuan;
}

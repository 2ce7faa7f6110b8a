// Interactive network view: graphology + sigma (WebGL), data from /api/ecosystems/{id}/network.
(function () {
  "use strict";
  const TYPE_COLOURS = { HES: "#1f77b4", REC: "#2ca02c", PRC: "#d62728", PUB: "#9467bd", OTH: "#7f7f7f" };
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
  const container = document.getElementById("graph");
  const status = document.getElementById("status");
  const form = document.getElementById("filters");
  const eco = container.dataset.eco, lang = container.dataset.lang;
  const SigmaCtor = (window.Sigma && (window.Sigma.Sigma || window.Sigma.default)) || window.Sigma;
  let renderer = null, data = null;

  // Labels: shortened at a word boundary (the full name shows on hover), on a white box, and
  // written to the left of a node near the right edge so that no label runs past the canvas.
  function shortLabel(label, limit) {
    label = String(label || "");
    if (label.length <= limit) return label;
    const cut = label.slice(0, limit);
    const space = cut.lastIndexOf(" ");
    return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[ ,;-]+$/, "") + "\u2026";
  }
  function drawLabel(context, data, settings) {
    if (!data.label) return;
    const size = settings.labelSize, font = settings.labelFont, weight = settings.labelWeight;
    context.font = weight + " " + size + "px " + font;
    const width = context.measureText(data.label).width;
    const canvasWidth = context.canvas.width / (window.devicePixelRatio || 1);
    const left = data.x + data.size + 3 + width > canvasWidth - 2;
    const x = left ? data.x - data.size - 3 - width : data.x + data.size + 3;
    context.fillStyle = "rgba(255,255,255,0.85)";
    context.fillRect(x - 2, data.y - size / 2 - 2, width + 4, size + 4);
    context.fillStyle = "#1a1a1a";
    context.fillText(data.label, x, data.y + size / 3);
  }

  function colourOf(n, mode) {
    if (!n.member) return "#bbbbbb";
    if (mode === "community") return n.community == null ? "#999999" : PALETTE[n.community % PALETTE.length];
    return TYPE_COLOURS[n.activity_type] || "#7f7f7f";
  }

  function draw() {
    const t0 = performance.now();
    const mode = form.elements.colour.value;
    const graph = new graphology.Graph({ type: "undirected", multi: false });
    let maxDeg = 1;
    for (const n of data.nodes) maxDeg = Math.max(maxDeg, n.degree);
    for (const n of data.nodes) {
      graph.addNode(n.id, { x: n.x, y: n.y, label: shortLabel(n.label, 32), fullLabel: n.label,
                            size: 2 + 10 * Math.sqrt(n.degree / maxDeg),
                            color: colourOf(n, mode) });
    }
    for (const e of data.edges) {
      if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { size: Math.min(4, 0.3 + Math.log1p(e.weight)), color: "#cccccc" });
    }
    if (renderer) renderer.kill();
    renderer = new SigmaCtor(graph, container, { labelRenderedSizeThreshold: 9, renderEdgeLabels: false,
                                                 labelDensity: 0.6, labelGridCellSize: 220, labelRenderer: drawLabel,
                                                 stagePadding: 40 });
    renderer.on("clickNode", ({ node }) => { window.location.href = "/organisations/" + node + "?lang=" + lang; });
    renderer.on("enterNode", ({ node }) => { container.style.cursor = "pointer"; status.textContent = graph.getNodeAttribute(node, "fullLabel"); });
    renderer.on("leaveNode", () => { container.style.cursor = "default"; });
    const ms = Math.round(performance.now() - t0);
    status.textContent = status.dataset.summary.replace("{nodes}", data.nodes.length.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB"))
                                               .replace("{edges}", data.edges.length.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB"));
    window.__network = { nodes: graph.order, edges: graph.size, drawMs: ms, renderedAt: performance.now() };
    window.__innovatlas = { graph: graph, renderer: renderer };  // for tests and the browser console
    markRendered();
  }

  // Time from navigation to the first drawn graph (ms, performance.now() counts from navigation start): sigma
  // renders synchronously in its constructor; two animation frames later that frame is on the screen.
  // bench/bench_network_view.py reads it.
  function markRendered() {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (window.__networkRendered === undefined) window.__networkRendered = performance.now();
    }));
  }

  // -- Level of detail (innovatlas.network.view) -------------------------------------------------------------------
  // An ecosystem with more members than innovatlas.network.view.VIEW_MIN_MEMBERS (the page sets data-view="lod")
  // opens with every organisation at positions precomputed on the server and only the strongest links: whole
  // classes of joint projects, as many as fit in the server's link budget. The note says what is shown; the
  // threshold control and "load more" fetch the next classes (only the links not yet loaded), and nothing moves.
  const lodBox = document.getElementById("lod");
  const lodMode = !!lodBox && container.dataset.view === "lod";
  const lodNote = document.getElementById("lod-note"), lodSelect = document.getElementById("lod-threshold");
  const lodMore = document.getElementById("lod-more");
  let lod = null;  // {header, graph, keys, params, minWeight}
  const fmt = (n) => Number(n).toLocaleString(lang === "nl" ? "nl-NL" : "en-GB");
  const SECTION_TYPES = { f64: Float64Array, f32: Float32Array, u32: Uint32Array, i32: Int32Array, u16: Uint16Array, u8: Uint8Array };

  // The binary payload: "IAN1", uint32 header length, JSON header, then 8-byte aligned typed sections.
  function decodeView(buf) {
    const dv = new DataView(buf);
    if (buf.byteLength < 8 || dv.getUint32(0, true) !== 0x314e4149) throw new Error("not a network view payload");
    const size = dv.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, size)));
    const cols = {};
    let at = 8 + size;
    for (const s of header.sections) {
      const T = SECTION_TYPES[s.dtype];
      cols[s.name] = new T(buf, at, s.length);
      at += s.length * T.BYTES_PER_ELEMENT;
      at += (8 - (at % 8)) % 8;
    }
    return { header: header, cols: cols };
  }
  async function fetchView(path, params) {
    const query = params.toString();  // no "?" without filters: the URL the page preloads
    const res = await fetch("/api/ecosystems/" + eco + path + (query ? "?" + query : ""));
    if (!res.ok) {
      let msg = "HTTP " + res.status;
      try { msg = (await res.json()).error || msg; } catch (e) { /* not JSON */ }
      throw new Error(msg);
    }
    return decodeView(await res.arrayBuffer());
  }
  function lodParams() {
    // a year bound at the end of the data's range is no filter (it would drop the projects without a start year)
    const params = new URLSearchParams(), from = form.elements.year_from, to = form.elements.year_to;
    if (from.value && from.value !== from.min) params.set("year_from", from.value);
    if (to.value && to.value !== to.max) params.set("year_to", to.value);
    const types = [...form.querySelectorAll("input[name=activity_type]:checked")].map((x) => x.value);
    if (types.length < 5) types.forEach((x) => params.append("activity_type", x));
    if (form.elements.programme && form.elements.programme.value !== "all") params.set("programme", form.elements.programme.value);
    return params;
  }
  function addLinks(cols) {
    const g = lod.graph, keys = lod.keys, src = cols.source, dst = cols.target, w = cols.weight;
    for (let i = 0; i < src.length; i++) {
      g.addEdge(keys[src[i]], keys[dst[i]], { weight: w[i], size: Math.min(3, 0.4 + 0.5 * Math.log1p(w[i])),
                                              color: "#d2d2d2" });  // opaque: sigma blends premultiplied colours
    }
  }
  function lodText() {
    const h = lod.header, shown = lod.graph.size, box = lodBox.dataset;
    const text = shown >= h.links_total ? box.noteAll : box.note;
    return text.replace("{shown}", fmt(shown)).replace("{total}", fmt(h.links_total)).replace("{min}", fmt(lod.minWeight));
  }
  function lodControls() {
    const h = lod.header;
    lodSelect.innerHTML = "";
    for (const [w, links] of h.levels) {
      const opt = document.createElement("option");
      opt.value = String(w);
      opt.textContent = lodBox.dataset.option.replace("{min}", fmt(w)).replace("{links}", fmt(links));
      opt.selected = w === lod.minWeight;
      lodSelect.appendChild(opt);
    }
    const lower = h.levels.filter(([w]) => w < lod.minWeight);
    lodMore.disabled = !lower.length;
    lodMore.dataset.next = lower.length ? String(lower[0][0]) : "";
    lodNote.textContent = lodText();
  }
  function lodStatus(ms) {
    const g = lod.graph, h = lod.header;
    status.textContent = status.dataset.summary.replace("{nodes}", fmt(g.order)).replace("{edges}", fmt(g.size));
    window.__network = { nodes: g.order, edges: g.size, total: h.links_total, minWeight: lod.minWeight, mode: "lod",
                         drawMs: ms, renderedAt: performance.now() };
    window.__innovatlas = { graph: g, renderer: renderer, view: h };
  }

  async function loadLod() {
    lodBox.hidden = false;
    form.elements.partners.checked = false;  // partners are not added in this view (the page says so)
    form.elements.partners.disabled = true;
    status.textContent = status.dataset.loading || status.textContent;
    const params = lodParams();
    let view;
    try { view = await fetchView("/network/view", params); } catch (e) { status.textContent = e.message; return; }
    const t0 = performance.now();
    const h = view.header, c = view.cols, mode = form.elements.colour.value;
    const graph = new graphology.Graph({ type: "undirected", multi: false });
    let maxDeg = 1;
    for (let i = 0; i < h.nodes; i++) if (c.degree[i] > maxDeg) maxDeg = c.degree[i];
    const keys = new Array(h.nodes);
    for (let i = 0; i < h.nodes; i++) {
      const key = String(c.id[i]), label = h.labels[i];
      const node = { member: true, community: c.community[i] < 0 ? null : c.community[i], activity_type: h.types[c.type[i]] };
      keys[i] = key;
      graph.addNode(key, { x: c.x[i], y: c.y[i], label: shortLabel(label, 32), fullLabel: label,
                           size: 1 + 8 * Math.sqrt(c.degree[i] / maxDeg), color: colourOf(node, mode),
                           member: true, community: node.community, activity_type: node.activity_type });
    }
    lod = { header: h, graph: graph, keys: keys, params: params, minWeight: h.min_weight };
    addLinks(c);
    if (renderer) renderer.kill();
    renderer = new SigmaCtor(graph, container, { labelRenderedSizeThreshold: 6, renderEdgeLabels: false,
                                                 labelDensity: 0.3, labelGridCellSize: 300, labelRenderer: drawLabel,
                                                 stagePadding: 30, hideEdgesOnMove: true });
    renderer.on("clickNode", ({ node }) => { window.location.href = "/organisations/" + node + "?lang=" + lang; });
    renderer.on("enterNode", ({ node }) => { container.style.cursor = "pointer"; status.textContent = graph.getNodeAttribute(node, "fullLabel"); });
    renderer.on("leaveNode", () => { container.style.cursor = "default"; });
    lodControls();
    lodStatus(Math.round(performance.now() - t0));
    markRendered();
  }

  // A lower threshold fetches only the links not yet loaded; a higher one drops the weaker links.
  async function setThreshold(weight) {
    if (!lod || weight === lod.minWeight) return;
    const t0 = performance.now();
    lodMore.disabled = lodSelect.disabled = true;
    if (weight < lod.minWeight) {
      lodNote.textContent = lodBox.dataset.loading;
      const params = new URLSearchParams(lod.params);
      params.set("min_weight", String(weight));
      params.set("below", String(lod.minWeight));
      let more;
      try { more = await fetchView("/network/view/links", params); } catch (e) { lodNote.textContent = e.message; lodSelect.disabled = false; return; }
      addLinks(more.cols);
    } else {
      const weak = [];
      lod.graph.forEachEdge((edge, attrs) => { if (attrs.weight < weight) weak.push(edge); });
      for (const edge of weak) lod.graph.dropEdge(edge);
    }
    lod.minWeight = weight;
    renderer.refresh();
    lodSelect.disabled = false;
    lodControls();
    lodStatus(Math.round(performance.now() - t0));
  }
  function recolourLod() {
    const mode = form.elements.colour.value;
    lod.graph.updateEachNodeAttributes((node, attrs) => ({ ...attrs, color: colourOf(attrs, mode) }));
    renderer.refresh();
  }
  if (lodMode) {
    lodSelect.addEventListener("change", () => setThreshold(Number(lodSelect.value)));
    lodMore.addEventListener("click", () => { if (lodMore.dataset.next) setThreshold(Number(lodMore.dataset.next)); });
  }

  // The filters live in the page's URL (?year_from=..&activity_type=..&partners=true&colour=community),
  // so a view can be bookmarked, shared and reloaded.
  function filtersFromUrl() {
    const q = new URLSearchParams(window.location.search);
    for (const name of ["year_from", "year_to"]) if (q.get(name)) form.elements[name].value = q.get(name);
    const types = q.getAll("activity_type");
    if (types.length) for (const box of form.querySelectorAll("input[name=activity_type]")) box.checked = types.includes(box.value);
    if (q.has("partners")) form.elements.partners.checked = q.get("partners") === "true";
    if (q.get("colour")) form.elements.colour.value = q.get("colour");
    if (q.get("programme") && form.elements.programme) form.elements.programme.value = q.get("programme");
  }
  function filtersToUrl() {
    const q = new URLSearchParams(window.location.search);
    for (const name of ["year_from", "year_to", "activity_type", "partners", "colour", "programme"]) q.delete(name);
    if (form.elements.programme && form.elements.programme.value !== "all") q.set("programme", form.elements.programme.value);
    for (const name of ["year_from", "year_to"]) if (form.elements[name].value) q.set(name, form.elements[name].value);
    const types = [...form.querySelectorAll("input[name=activity_type]:checked")].map((x) => x.value);
    if (types.length < 5) types.forEach((x) => q.append("activity_type", x));
    if (form.elements.partners.checked) q.set("partners", "true");
    if (form.elements.colour.value !== "type") q.set("colour", form.elements.colour.value);
    history.replaceState(null, "", window.location.pathname + "?" + q.toString());
    const sw = document.getElementById("lang-switch");  // the language switch keeps the view too
    if (sw) { const s = new URLSearchParams(q); s.set("lang", lang === "en" ? "nl" : "en"); sw.href = window.location.pathname + "?" + s.toString(); }
  }

  async function load() {
    if (lodMode) return loadLod();
    const params = new URLSearchParams();
    for (const name of ["year_from", "year_to"]) if (form.elements[name].value) params.set(name, form.elements[name].value);
    const types = [...form.querySelectorAll("input[name=activity_type]:checked")].map((x) => x.value);
    if (types.length < 5) types.forEach((x) => params.append("activity_type", x));
    if (form.elements.partners.checked) params.set("partners", "true");
    if (form.elements.programme && form.elements.programme.value !== "all") params.set("programme", form.elements.programme.value);
    params.set("compact", "true");
    status.textContent = status.dataset.loading || status.textContent;
    const res = await fetch("/api/ecosystems/" + eco + "/network?" + params.toString());
    const body = await res.json();
    if (!res.ok) { status.textContent = body.error || ("HTTP " + res.status); return; }
    // compact rows -> objects; edges reference node rows by index
    const cols = body.node_columns;
    const nodes = body.nodes.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]])));
    data = { nodes: nodes, edges: body.edges.map((e) => ({ source: nodes[e[0]].id, target: nodes[e[1]].id, weight: e[2] })) };
    draw();
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); filtersToUrl(); load(); });
  form.elements.colour.addEventListener("change", () => { filtersToUrl(); if (lod) recolourLod(); else if (data) draw(); });
  status.dataset.loading = status.textContent;
  filtersFromUrl();
  load();
})();

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
  }
  function filtersToUrl() {
    const q = new URLSearchParams(window.location.search);
    for (const name of ["year_from", "year_to", "activity_type", "partners", "colour"]) q.delete(name);
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
    const params = new URLSearchParams();
    for (const name of ["year_from", "year_to"]) if (form.elements[name].value) params.set(name, form.elements[name].value);
    const types = [...form.querySelectorAll("input[name=activity_type]:checked")].map((x) => x.value);
    if (types.length < 5) types.forEach((x) => params.append("activity_type", x));
    if (form.elements.partners.checked) params.set("partners", "true");
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
  form.elements.colour.addEventListener("change", () => { filtersToUrl(); if (data) draw(); });
  status.dataset.loading = status.textContent;
  filtersFromUrl();
  load();
})();

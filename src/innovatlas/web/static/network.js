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
      graph.addNode(n.id, { x: n.x, y: n.y, label: n.label, size: 2 + 10 * Math.sqrt(n.degree / maxDeg),
                            color: colourOf(n, mode) });
    }
    for (const e of data.edges) {
      if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { size: Math.min(4, 0.3 + Math.log1p(e.weight)), color: "#cccccc" });
    }
    if (renderer) renderer.kill();
    renderer = new SigmaCtor(graph, container, { labelRenderedSizeThreshold: 9, renderEdgeLabels: false });
    renderer.on("clickNode", ({ node }) => { window.location.href = "/organisations/" + node + "?lang=" + lang; });
    renderer.on("enterNode", ({ node }) => { container.style.cursor = "pointer"; status.textContent = graph.getNodeAttribute(node, "label"); });
    renderer.on("leaveNode", () => { container.style.cursor = "default"; });
    const ms = Math.round(performance.now() - t0);
    status.textContent = status.dataset.summary.replace("{nodes}", data.nodes.length.toLocaleString())
                                               .replace("{edges}", data.edges.length.toLocaleString());
    window.__network = { nodes: graph.order, edges: graph.size, drawMs: ms, renderedAt: performance.now() };
    window.__innovatlas = { graph: graph, renderer: renderer };  // for tests and the browser console
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

  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  form.elements.colour.addEventListener("change", () => { if (data) draw(); });
  status.dataset.loading = status.textContent;
  load();
})();

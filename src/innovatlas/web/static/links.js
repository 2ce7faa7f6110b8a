// The heterogeneous network view (issue 15): every link type in one graph, a checkbox and a colour per type.
(function () {
  const box = document.getElementById("links-graph");
  if (!box) return;
  const status = document.getElementById("links-status");
  const colours = JSON.parse(box.dataset.colours || "{}");
  const form = document.getElementById("link-types");
  let renderer = null;
  let net = null;
  function shown() {
    return new Set(Array.from(form.querySelectorAll("input[name=type]:checked")).map((i) => i.value));
  }
  function draw() {
    const keep = shown();
    const g = new graphology.MultiUndirectedGraph();
    const used = new Set();
    for (const e of net.edges) if (keep.has(e.type)) { used.add(e.source); used.add(e.target); }
    for (const n of net.nodes) {
      if (!used.has(n.id)) continue;
      g.addNode(n.id, { label: n.label, x: n.x, y: n.y, size: n.member ? 6 : 3, color: n.member ? "#222" : "#888" });
    }
    let count = 0;
    for (const e of net.edges) {
      if (!keep.has(e.type)) continue;
      g.addEdge(e.source, e.target, { color: colours[e.type] || "#444", size: 1, type: "line", linkType: e.type });
      count += 1;
    }
    if (renderer) renderer.kill();
    renderer = new Sigma(g, box, { renderEdgeLabels: false });
    status.textContent = status.dataset.summary.replace("{nodes}", g.order).replace("{edges}", count);
    box.dataset.edges = String(count);
  }
  fetch(`/api/ecosystems/${box.dataset.eco}/links`).then((r) => r.json()).then((d) => { net = d; draw(); });
  form.addEventListener("change", () => { if (net) draw(); });
})();

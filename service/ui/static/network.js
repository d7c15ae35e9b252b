// Who met whom: an interactive graph (Cytoscape.js, vendored in /static/vendor). Drag, zoom, click a person
// to see their links; the search box finds a person on the graph.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("network");
  if (!box || typeof cytoscape === "undefined") return;
  const graph = JSON.parse(document.getElementById("network-data").textContent);
  // Cytoscape adds an inline <style> for its container unless an element with this id exists; the page's
  // policy refuses inline styles, and app.css carries that rule instead.
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    const marker = document.createElement("meta");
    marker.id = "__________cytoscape_stylesheet";
    document.head.appendChild(marker);
  }
  const most = Math.max(1, ...graph.nodes.map((node) => node.meetings));
  const elements = [
    ...graph.nodes.map((node) => ({ data: { id: node.id, label: node.name, size: 18 + 30 * node.meetings / most } })),
    ...graph.edges.map((edge) => ({
      data: { id: edge.source + "-" + edge.target, source: edge.source, target: edge.target, weight: edge.weight },
    })),
  ];
  const cy = cytoscape({
    container: box,
    elements,
    layout: { name: graph.nodes.length > 150 ? "grid" : "cose", animate: false, randomize: false },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#0b5cad", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 8)", "line-color": "#9bb3cc", opacity: 0.8 } },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: "node:selected", style: { "background-color": "#d0021b" } },
    ],
  });
  box.dataset.nodes = String(cy.nodes().length);
  const side = document.getElementById("network-selected");

  function select(node) {
    cy.elements().addClass("faded");
    node.closedNeighborhood().removeClass("faded");
    cy.nodes().unselect();
    node.select();
    side.textContent = "";
    const title = document.createElement("h3");
    const link = document.createElement("a");
    link.href = "/persons/" + node.id();
    link.textContent = node.data("label");
    title.appendChild(link);
    side.appendChild(title);
    const list = document.createElement("ul");
    for (const edge of node.connectedEdges().sort((a, b) => b.data("weight") - a.data("weight"))) {
      const other = edge.source().id() === node.id() ? edge.target() : edge.source();
      const li = document.createElement("li");
      li.textContent = other.data("label") + " — общих заседаний: " + edge.data("weight");
      list.appendChild(li);
    }
    side.appendChild(list);
  }

  cy.on("tap", "node", (event) => select(event.target));
  cy.on("tap", (event) => {
    if (event.target === cy) cy.elements().removeClass("faded");
  });
  document.getElementById("network-find").addEventListener("change", (event) => {
    const wanted = event.target.value.trim().toLowerCase();
    const node = cy.nodes().filter((n) => n.data("label").toLowerCase() === wanted).first();
    if (node.nonempty()) {
      select(node);
      cy.animate({ center: { eles: node }, zoom: 1.5 }, { duration: 200 });
    }
  });
});

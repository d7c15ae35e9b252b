// Who met whom: an interactive graph (Cytoscape.js, vendored in /static/vendor). Drag, zoom, click a person
// to see their links; the search box finds a person on the graph by any part of the name, in any case form.
"use strict";

// Labels drawn at any zoom: the most connected persons; the others show theirs on hover, when selected, next
// to a selected one, or once zoomed in far enough (min-zoomed-font-size) — so that they never pile up.
const ALWAYS_LABELLED = 12;

// «Обамы», «обама», «Обам» all find «Барак Обама»: lower case, ё as е, and each word of the query cut to a stem
// (the last letters are where Russian inflects) that must begin some word of the name.
function normalized(text) {
  return text.toLowerCase().replace(/ё/g, "е").split(/[\s\-.,«»"()]+/).filter(Boolean);
}

function stem(word) {
  return word.length <= 3 ? word : word.slice(0, Math.max(3, word.length - 3));
}

function matchScore(query, label) {
  const wanted = normalized(query);
  const words = normalized(label);
  if (!wanted.length) return 0;
  if (wanted.join(" ") === words.join(" ")) return 3;
  if (wanted.every((word) => words.includes(word))) return 2;
  return wanted.every((word) => words.some((mine) => mine.startsWith(stem(word)))) ? 1 : 0;
}

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
  const degree = new Map();
  for (const edge of graph.edges) {
    degree.set(edge.source, (degree.get(edge.source) || 0) + edge.weight);
    degree.set(edge.target, (degree.get(edge.target) || 0) + edge.weight);
  }
  const top = new Set(
    [...graph.nodes].sort((a, b) => (degree.get(b.id) || 0) - (degree.get(a.id) || 0) || b.meetings - a.meetings)
      .slice(0, ALWAYS_LABELLED).map((node) => node.id),
  );
  const elements = [
    ...graph.nodes.map((node) => ({
      data: { id: node.id, label: node.name, size: 14 + 26 * node.meetings / most },
      classes: top.has(node.id) ? "labelled" : "",
    })),
    ...graph.edges.map((edge) => ({
      data: { id: edge.source + "-" + edge.target, source: edge.source, target: edge.target, weight: edge.weight },
    })),
  ];
  const shown = { "min-zoomed-font-size": 0, "text-background-opacity": 0.85, "z-index": 10 };
  const cy = cytoscape({
    container: box,
    elements,
    layout: graph.nodes.length > 300
      ? { name: "concentric", concentric: (node) => node.degree(), levelWidth: () => 2, animate: false }
      : {
        name: "cose", animate: false, randomize: false, idealEdgeLength: () => 110, nodeOverlap: 30,
        nodeRepulsion: () => 600000, componentSpacing: 120, padding: 30, nestingFactor: 1.2, gravity: 40,
        numIter: 1500,
      },
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#0b5cad", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "min-zoomed-font-size": 16, "text-background-color": "#fff", "text-background-opacity": 0,
        "text-background-padding": 1, "text-wrap": "ellipsis", "text-max-width": "160px" } },
      { selector: "node.labelled", style: shown },
      { selector: "node.hover", style: shown },
      { selector: "node.near", style: shown },
      { selector: "node:selected", style: { ...shown, "background-color": "#d0021b", "font-weight": 700 } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 8)", "line-color": "#9bb3cc", opacity: 0.8 } },
      { selector: ".faded", style: { opacity: 0.12 } },
    ],
  });
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.labelled = String(cy.nodes(".labelled").length);
  const side = document.getElementById("network-selected");

  function select(node) {
    cy.elements().addClass("faded");
    cy.nodes().removeClass("near");
    node.closedNeighborhood().removeClass("faded");
    node.neighborhood("node").addClass("near");
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
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
  }

  cy.on("tap", "node", (event) => select(event.target));
  cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
  cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));
  cy.on("tap", (event) => {
    if (event.target === cy) {
      cy.elements().removeClass("faded");
      cy.nodes().removeClass("near");
    }
  });

  const find = document.getElementById("network-find");
  const matches = document.getElementById("network-matches");
  function found(query) {
    return cy.nodes()
      .map((node) => ({ node, score: matchScore(query, node.data("label")) }))
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score || b.node.degree() - a.node.degree());
  }
  find.addEventListener("input", () => {
    matches.textContent = "";
    const query = find.value.trim();
    if (query.length < 2) return;
    const items = found(query);
    if (!items.length) {
      const li = document.createElement("li");
      li.textContent = "На графе нет такой персоны.";
      matches.appendChild(li);
    }
    for (const { node } of items.slice(0, 10)) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = node.data("label");
      button.addEventListener("click", () => select(node));
      li.appendChild(button);
      matches.appendChild(li);
    }
  });
  find.addEventListener("change", () => {
    const items = found(find.value.trim());
    if (items.length) select(items[0].node);
  });
});

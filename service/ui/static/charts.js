// Topics over time: a stacked bar chart per month (Chart.js, vendored in /static/vendor). The page sends every
// month from the first to the last, empty ones too, so that equal distances on the axis are equal times.
"use strict";

const PALETTE = ["#0b5cad", "#d0021b", "#1b6e20", "#f5a623", "#7b3fa0", "#00838f", "#8d6e63", "#c2185b",
  "#5d7a1f", "#37474f", "#ef6c00", "#3949ab"];

document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("topics-chart");
  if (!canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(document.getElementById("topics-data").textContent);
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.months,
      datasets: data.series.map((series, index) => ({
        label: series.label,
        data: series.axis,
        backgroundColor: PALETTE[index % PALETTE.length],
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
  canvas.dataset.ready = String(chart.data.datasets.length);
  canvas.dataset.months = String(data.months.length);
});

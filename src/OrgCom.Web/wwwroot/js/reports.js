// Draws the Chart.js charts described by data-chart attributes (type, labels, datasets), with Vietnamese number format.
(function () {
    if (typeof Chart === "undefined") return;
    const format = new Intl.NumberFormat("vi-VN");
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
        const spec = JSON.parse(canvas.dataset.chart);
        new Chart(canvas, {
            type: spec.type,
            data: { labels: spec.labels, datasets: spec.datasets },
            options: {
                animation: false,
                plugins: {
                    legend: { position: spec.type === "doughnut" ? "right" : "top" },
                    tooltip: { callbacks: { label: c => (c.dataset.label ? c.dataset.label + ": " : "") + format.format(c.parsed.y ?? c.parsed) } },
                },
                scales: spec.type === "doughnut" ? {} : { y: { beginAtZero: true, ticks: { callback: v => format.format(v) } } },
            },
        });
    });
})();

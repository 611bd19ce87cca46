// Public statistics: draws each <canvas data-chart="..."> with Chart.js from the page's JSON block
// (<script type="application/json" id="statistics-data">); the same numbers are in the table beside each chart.
(function () {
    'use strict';
    var source = document.getElementById('statistics-data');
    if (!source || typeof window.Chart === 'undefined') {
        return;
    }

    var data = JSON.parse(source.textContent);
    var palette = ['#0b5394', '#b45309', '#2e7d32', '#6a1b9a', '#c62828', '#00695c'];
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
    var money = function (value) { return number.format(value) + ' ' + data.currency; };

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var chart = data.charts[canvas.getAttribute('data-chart')];
        if (!chart) {
            return;
        }

        var valueAxis = chart.horizontal ? 'x' : 'y';
        var scales = {};
        scales[valueAxis] = { beginAtZero: true, ticks: { callback: function (value) { return number.format(value); } } };
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: chart.labels,
                datasets: chart.datasets.map(function (d, i) {
                    return { label: d.label, data: d.data, backgroundColor: palette[i % palette.length] };
                })
            },
            options: {
                indexAxis: chart.horizontal ? 'y' : 'x',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: scales,
                plugins: {
                    legend: { display: chart.datasets.length > 1 },
                    tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + money(c.raw); } } }
                }
            }
        });
    });
}());

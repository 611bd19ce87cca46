// Report editor: autosave with a revision check (as the bid editor), and the financial report's cumulative and variance.
(function () {
    'use strict';
    var form = document.getElementById('report-editor');
    if (!form || form.getAttribute('data-readonly') === 'true') { return; }
    var messages = document.querySelector('[data-messages]');
    var status = document.querySelector('[data-autosave-status]');
    var revision = form.querySelector('[data-revision]');
    var share = parseFloat(form.getAttribute('data-variance-share')) || 0.1;
    var timer = null;
    var dirty = false;
    var blocked = false;
    var inFlight = Promise.resolve();

    function show(text) { if (status) { status.textContent = text; } }

    function number(text) { var v = parseFloat(String(text || '').replace(/\s/g, '').replace(',', '.')); return isNaN(v) ? 0 : v; }

    function money(v) { return v.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\s/g, '\u00a0') + '\u00a0₸'; }

    function recompute() {
        form.querySelectorAll('[data-finance-row]').forEach(function (row) {
            var planned = parseFloat(row.getAttribute('data-planned')) || 0;
            var cumulative = (parseFloat(row.getAttribute('data-before')) || 0) + number(row.querySelector('[data-spent]').value);
            var variance = cumulative - planned;
            row.querySelector('[data-cumulative]').textContent = money(cumulative);
            var cell = row.querySelector('[data-variance]');
            cell.textContent = money(variance);
            var over = planned === 0 ? cumulative !== 0 : Math.abs(variance) > share * planned;
            cell.classList.toggle('text-danger', over);
            cell.classList.toggle('fw-bold', over);
        });
    }

    // Saves run one at a time, each with the revision the previous one returned: only a colleague's change is refused.
    function send() {
        if (!dirty || blocked) { return Promise.resolve(); }
        dirty = false;
        var data = new FormData(form);
        return fetch(form.getAttribute('data-autosave'), { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual', headers: { 'Accept': 'application/json' } })
            .then(function (r) {
                if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 403) { show(messages.getAttribute('data-session')); dirty = true; return null; }
                if (r.status === 409) { blocked = true; show(messages.getAttribute('data-conflict')); return null; }
                return r.json().then(function (body) {
                    if (r.ok) { revision.value = body.revision; if (!blocked) { show(body.message); } }
                    else if (body.errors && body.errors.length) { show(body.errors.map(function (e) { return e.message; }).join(' ')); }
                });
            })
            .catch(function () { dirty = true; show(messages.getAttribute('data-offline')); });
    }

    function save() {
        timer = null;
        inFlight = inFlight.then(send).then(function () { return dirty && !blocked ? send() : null; });
        return inFlight;
    }

    function changed() {
        dirty = true;
        recompute();
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(save, 4000);
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('focusout', function () { if (dirty) { if (timer) { clearTimeout(timer); } save(); } });
    recompute();
}());

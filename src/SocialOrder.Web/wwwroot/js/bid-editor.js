// Bid editor: repeatable rows, live budget total, autosave with revision check, a local backup, the countdown.
(function () {
    'use strict';
    var form = document.getElementById('bid-editor');
    var messages = document.querySelector('[data-messages]');
    var countdown = document.querySelector('[data-countdown]');

    // Counted from the server's clock (its reading when the page was made), not the device's, which may be wrong.
    var skew = countdown ? parseInt(countdown.getAttribute('data-now'), 10) - Date.now() : 0;

    function tickCountdown() {
        if (!countdown) { return; }
        var left = parseInt(countdown.getAttribute('data-countdown'), 10) - (Date.now() + skew);
        if (left <= 0) { countdown.textContent = countdown.getAttribute('data-closed'); return; }
        var d = Math.floor(left / 86400000), h = Math.floor(left % 86400000 / 3600000), m = Math.floor(left % 3600000 / 60000);
        countdown.textContent = countdown.getAttribute('data-text').replace('{0}', d).replace('{1}', h).replace('{2}', m);
    }
    tickCountdown();
    setInterval(tickCountdown, 30000);

    if (!form || form.getAttribute('data-readonly') === 'true') { return; }
    var status = document.querySelector('[data-autosave-status]');
    var revision = form.querySelector('[data-revision]');
    var backupKey = 'bid-backup:' + form.getAttribute('data-autosave');
    var timer = null;
    var dirty = false;
    var blocked = false;

    function total() {
        var sum = 0;
        form.querySelectorAll('[data-amount]').forEach(function (i) { var v = parseFloat(i.value); if (!isNaN(v)) { sum += v; } });
        var out = form.querySelector('[data-budget-total]');
        if (out) { out.textContent = sum.toLocaleString('ru-RU').replace(/\s/g, '\u00a0') + '\u00a0₸'; }
    }

    function show(text) { if (status) { status.textContent = text; } }

    // Saves run one at a time: each carries the revision the previous one returned, so the server's revision
    // check only ever refuses a colleague's change, never our own overlapping request.
    var inFlight = Promise.resolve();

    function send() {
        if (!dirty || blocked) { return Promise.resolve(); }
        dirty = false;
        var data = new FormData(form);
        var token = document.querySelector('input[name="__RequestVerificationToken"]');
        if (token && !data.has('__RequestVerificationToken')) { data.append('__RequestVerificationToken', token.value); }
        return fetch(form.getAttribute('data-autosave'), { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual', headers: { 'Accept': 'application/json' } })
            .then(function (r) {
                if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 403) { show(messages.getAttribute('data-session')); dirty = true; return null; }
                if (r.status === 409) { blocked = true; show(messages.getAttribute('data-conflict')); return null; }
                return r.json().then(function (body) {
                    if (r.ok) {
                        revision.value = body.revision;
                        if (!blocked) {
                            show(body.message);
                            if (!dirty) { localStorage.removeItem(backupKey); }
                        }
                    } else if (body.errors && body.errors.length) {
                        show(body.errors.map(function (e) { return e.message; }).join(' '));
                    }
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
        total();
        try { localStorage.setItem(backupKey, JSON.stringify(Array.from(new FormData(form).entries()))); } catch (e) { /* storage full or disabled */ }
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(save, 4000);
    }

    // Text typed while the session had expired (or the network was down) is offered back after signing in again.
    (function offerBackup() {
        var raw = localStorage.getItem(backupKey);
        if (!raw) { return; }
        var entries;
        try { entries = JSON.parse(raw); } catch (e) { localStorage.removeItem(backupKey); return; }
        var savedRevision = (entries.find(function (p) { return p[0] === 'Form.Revision'; }) || [])[1];
        if (savedRevision !== revision.value) { localStorage.removeItem(backupKey); return; }
        var offer = document.createElement('div');
        offer.className = 'alert alert-warning d-flex flex-wrap gap-2 align-items-center';
        offer.setAttribute('role', 'status');
        offer.setAttribute('data-testid', 'restore-offer');
        var text = document.createElement('span');
        text.textContent = messages.getAttribute('data-restore');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'btn btn-sm btn-warning';
        button.textContent = messages.getAttribute('data-restore-button');
        button.addEventListener('click', function () {
            entries.forEach(function (pair) {
                var field = form.querySelector('[name="' + pair[0].replace(/"/g, '') + '"]');
                if (field && field.type !== 'hidden' && field.type !== 'checkbox') { field.value = pair[1]; }
            });
            offer.remove();
            changed();
        });
        offer.appendChild(text);
        offer.appendChild(button);
        form.parentNode.insertBefore(offer, form);
    }());

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('focusout', function () { if (dirty) { if (timer) { clearTimeout(timer); } save(); } });
    form.addEventListener('click', function (e) {
        var add = e.target.closest('[data-add-row]');
        if (add) {
            var kind = add.getAttribute('data-add-row');
            var key = 'n' + Date.now().toString(36) + Math.floor(Math.random() * 1000);
            var holder = document.createElement('div');
            holder.innerHTML = document.getElementById(kind + '-template').innerHTML.split('__key__').join(key);
            var row = holder.firstElementChild;
            form.querySelector('[data-rows="' + kind + '"]').appendChild(row);
            var first = row.querySelector('input:not([type=hidden])');
            if (first) { first.focus(); }
            return;
        }
        var remove = e.target.closest('[data-remove-row]');
        if (remove) { remove.closest('[data-row]').remove(); changed(); }
    });
    // Submitting sends what is saved: unsaved typing is saved first, and the button cannot be pressed twice.
    document.querySelectorAll('[data-submit-form]').forEach(function (f) {
        f.addEventListener('submit', function (ev) {
            var button = f.querySelector('button');
            if (dirty) {
                ev.preventDefault();
                button.disabled = true;
                save().then(function () { if (!blocked) { f.submit(); } else { button.disabled = false; } });
                return;
            }
            button.disabled = true;
        });
    });
    total();
}());

// Uploads with a progress bar; without JavaScript the forms post normally.
(function () {
    'use strict';
    var messages = document.querySelector('[data-messages]');
    document.querySelectorAll('[data-upload]').forEach(function (form) {
        form.addEventListener('submit', function (ev) {
            var input = form.querySelector('input[type=file]');
            if (!input.files.length || !window.XMLHttpRequest) { return; }
            ev.preventDefault();
            var bar = form.querySelector('[data-progress]');
            var status = form.querySelector('[data-upload-status]');
            var data = new FormData(form);
            var token = document.querySelector('input[name="__RequestVerificationToken"]');
            if (token && !data.has('__RequestVerificationToken')) { data.append('__RequestVerificationToken', token.value); }
            var xhr = new XMLHttpRequest();
            xhr.open('POST', form.getAttribute('action'));
            xhr.setRequestHeader('Accept', 'application/json');
            bar.classList.remove('d-none');
            xhr.upload.addEventListener('progress', function (e) { if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); } });
            xhr.addEventListener('load', function () {
                var body = {};
                try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
                status.classList.toggle('text-danger', xhr.status !== 200);
                if (xhr.status === 200) {
                    status.textContent = messages.getAttribute('data-uploaded').replace('{0}', body.fileName);
                    setTimeout(function () { window.location.reload(); }, 600);
                } else {
                    bar.classList.add('d-none');
                    status.textContent = xhr.status === 429 ? messages.getAttribute('data-too-many') : (body.message || messages.getAttribute('data-offline'));
                }
            });
            xhr.addEventListener('error', function () { bar.classList.add('d-none'); status.classList.add('text-danger'); status.textContent = messages.getAttribute('data-offline'); });
            xhr.send(data);
        });
    });
}());

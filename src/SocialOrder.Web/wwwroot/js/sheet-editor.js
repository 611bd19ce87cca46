// Score sheet: autosave of the draft a few seconds after the last change, one request at a time, with the
// revision the previous save returned (a 409 means the sheet changed in another tab: stop and say so).
(function () {
    'use strict';
    var form = document.getElementById('sheet-editor');
    if (!form || form.getAttribute('data-readonly') === 'true') { return; }
    var messages = document.querySelector('[data-messages]');
    var status = document.querySelector('[data-autosave-status]');
    var revision = form.querySelector('[data-revision]');
    var timer = null, dirty = false, blocked = false, inFlight = Promise.resolve();

    // A refused save comes back with the messages beside the fields: take the keyboard to the first of them.
    var invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) { invalid.focus(); }

    function show(text) { if (status) { status.textContent = text; } }

    function send() {
        if (!dirty || blocked) { return Promise.resolve(); }
        dirty = false;
        var data = new FormData(form);
        data.delete('submit');
        return fetch(form.getAttribute('data-autosave'), { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual', headers: { 'Accept': 'application/json' } })
            .then(function (r) {
                if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 403) { show(messages.getAttribute('data-session')); dirty = true; return null; }
                if (r.status === 409) { blocked = true; show(messages.getAttribute('data-conflict')); return null; }
                return r.json().then(function (body) {
                    if (r.ok) { revision.value = body.revision; show(body.message); }
                    else if (body.errors && body.errors.length) { show(body.errors.map(function (e) { return e.message; }).join(' ')); }
                });
            })
            .catch(function () { dirty = true; show(messages.getAttribute('data-offline')); });
    }

    function save() {
        timer = null;
        inFlight = inFlight.then(send);
        return inFlight;
    }

    function changed() {
        dirty = true;
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(save, 3000);
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    // A manual save or submit waits for a running autosave, so it carries the latest revision.
    form.addEventListener('submit', function (e) {
        if (form.getAttribute('data-submitting') === 'true') { return; }
        e.preventDefault();
        var submitter = e.submitter;
        if (timer) { clearTimeout(timer); timer = null; }
        dirty = false;
        inFlight.then(function () {
            form.setAttribute('data-submitting', 'true');
            if (submitter && submitter.name) {
                var hidden = document.createElement('input');
                hidden.type = 'hidden'; hidden.name = submitter.name; hidden.value = submitter.value;
                form.appendChild(hidden);
            }
            form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
            // The form's "submit" button (name="submit") shadows form.submit: call the method itself.
            HTMLFormElement.prototype.submit.call(form);
        });
    });
}());

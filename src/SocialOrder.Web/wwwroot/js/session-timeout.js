// Staff idle warning (ADR 31). The server decides: a staff cookie lives Accounts:StaffIdleMinutes from the last
// request. This script only warns shortly before that moment and, on "stay signed in", makes a request (the
// antiforgery-protected keep-alive) that renews the cookie. When the time is up it goes to the sign-in page.
(function () {
    'use strict';
    var box = document.getElementById('session-warning');
    if (!box || !window.fetch) {
        return;
    }

    var idleMs = parseInt(box.getAttribute('data-idle-seconds'), 10) * 1000;
    var warnMs = Math.min(parseInt(box.getAttribute('data-warn-seconds'), 10) * 1000, idleMs);
    var loginUrl = box.getAttribute('data-login-url');
    var form = box.querySelector('form');
    var button = box.querySelector('button');
    var warnTimer = null;
    var endTimer = null;
    var lastFocus = null;

    function schedule() {
        window.clearTimeout(warnTimer);
        window.clearTimeout(endTimer);
        warnTimer = window.setTimeout(show, idleMs - warnMs);
        endTimer = window.setTimeout(function () { window.location.assign(loginUrl); }, idleMs);
    }

    function show() {
        lastFocus = document.activeElement;
        box.hidden = false;
        button.focus();
    }

    function hide() {
        box.hidden = true;
        if (lastFocus && typeof lastFocus.focus === 'function') {
            lastFocus.focus();
        }
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        button.disabled = true;
        window.fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
            .then(function (response) {
                if (response.ok) {
                    hide();
                    schedule();
                } else {
                    window.location.assign(loginUrl);
                }
            })
            .catch(function () { /* offline: the warning stays up, the user may try again */ })
            .then(function () { button.disabled = false; });
    });

    box.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            hide();
        }
    });

    schedule();
})();

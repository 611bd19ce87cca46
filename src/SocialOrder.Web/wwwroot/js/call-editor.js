// Call editor: repeatable rows (criteria, documents) and the live methodology preview.
(function () {
    'use strict';
    var form = document.getElementById('call-editor');
    if (!form) { return; }

    function addRow(kind) {
        var template = document.getElementById(kind + '-template');
        var key = 'n' + Date.now().toString(36) + Math.floor(Math.random() * 1000);
        var html = template.innerHTML.split('__key__').join(key);
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var row = holder.firstElementChild;
        form.querySelector('[data-rows="' + kind + '"]').appendChild(row);
        renumber();
        var first = row.querySelector('input:not([type=hidden]), textarea');
        if (first) { first.focus(); }
        preview();
    }

    // Every field and button of a row is named after its row ("Weight of criterion 2", "Remove document 3"), so
    // identical rows stay distinguishable to a screen reader; the numbers follow the rows as they are added or removed.
    function renumber() {
        form.querySelectorAll('[data-rows]').forEach(function (list) {
            list.querySelectorAll(':scope > [data-row]').forEach(function (row, i) {
                row.querySelectorAll('[data-name-format]').forEach(function (el) {
                    el.setAttribute('aria-label', el.getAttribute('data-name-format').split('{n}').join(String(i + 1)));
                });
            });
        });
    }

    function number(input) {
        var v = parseFloat((input && input.value || '').replace(',', '.'));
        return isNaN(v) ? 0 : v;
    }

    function preview() {
        var box = form.querySelector('[data-preview]');
        if (!box) { return; }
        var total = 0;
        form.querySelectorAll('[data-rows="criteria"] [data-row]').forEach(function (row) {
            total += number(row.querySelector('[data-max]')) * number(row.querySelector('[data-weight]'));
        });
        var factor = total > 0 ? 100 / total : 0;
        box.textContent = box.getAttribute('data-text')
            .replace('{0}', (Math.round(total * 100) / 100).toString())
            .replace('{1}', (Math.round(factor * 10000) / 10000).toString());
    }

    function toggleYearly() {
        var term = form.querySelector('[data-term]');
        var yearly = form.querySelector('[data-yearly]');
        if (term && yearly) { yearly.classList.toggle('d-none', term.value !== 'Long'); }
    }

    form.addEventListener('click', function (e) {
        var add = e.target.closest('[data-add-row]');
        if (add) { addRow(add.getAttribute('data-add-row')); return; }
        var remove = e.target.closest('[data-remove-row]');
        if (remove) { remove.closest('[data-row]').remove(); renumber(); preview(); }
    });
    form.addEventListener('input', preview);
    form.addEventListener('change', toggleYearly);
    preview();
    toggleYearly();
}());

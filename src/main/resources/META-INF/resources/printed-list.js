/*
 * The directory prints its whole selection, not the rows its grid happens to hold (decision record 0021):
 * while the page is printed, the selection as one table (export/partners.html?part=content, the same
 * filters and language) takes the page's place, and goes again once printing is done.
 */
(function () {
    'use strict';
    var PRINTED = 'printed-selection';

    function onDirectory() {
        return location.pathname === new URL(document.baseURI).pathname;
    }

    window.addEventListener('beforeprint', function () {
        if (!onDirectory() || document.getElementById(PRINTED)) {
            return;
        }
        var query = new URLSearchParams(location.search);
        query.set('part', 'content');
        query.set('lang', document.documentElement.lang || 'zh');
        var request = new XMLHttpRequest();
        // Synchronous on purpose: the browser lays the page out for paper as soon as this handler returns.
        request.open('GET', new URL('export/partners.html?' + query, document.baseURI), false);
        try {
            request.send();
        } catch (failed) {
            return;
        }
        if (request.status !== 200) {
            return;
        }
        var printed = document.createElement('div');
        printed.id = PRINTED;
        // The server's own page, every text escaped by it.
        printed.innerHTML = request.responseText;
        document.body.appendChild(printed);
        document.documentElement.classList.add('printing-selection');
    });

    window.addEventListener('afterprint', function () {
        var printed = document.getElementById(PRINTED);
        if (printed) {
            printed.remove();
        }
        document.documentElement.classList.remove('printing-selection');
    });
})();

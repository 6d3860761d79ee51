// The import page follows the worker: it asks for the run's progress every two seconds and
// reloads once the import has finished, to show the report.
(function () {
    "use strict";
    var panel = document.querySelector("[data-import-status-url]");
    if (!panel) {
        return;
    }
    var url = panel.getAttribute("data-import-status-url");
    var bar = panel.querySelector("progress");
    var label = panel.querySelector("[data-import-progress-label]");
    function poll() {
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) { return response.json(); })
            .then(function (state) {
                bar.max = state.total || 1;
                bar.value = state.processed;
                label.textContent = state.status_label + " — " + state.processed + " / " + state.total + " (" + state.percent + "%)";
                if (state.active) {
                    window.setTimeout(poll, 2000);
                } else {
                    window.location.reload();
                }
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 2000);
})();

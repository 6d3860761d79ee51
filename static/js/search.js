// Search suggestions as the reader types: progressive enhancement only. Without this file the
// search form submits normally; with it, matching article titles appear under the box as links.
(function () {
    "use strict";
    var input = document.querySelector("[data-search-suggestions-url]");
    var list = document.getElementById("search-suggestions");
    if (!input || !list || !window.fetch) {
        return;
    }
    var url = input.getAttribute("data-search-suggestions-url");
    var timer = null;
    var latest = 0;

    function show(suggestions) {
        list.textContent = "";
        suggestions.forEach(function (suggestion) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = suggestion.url;
            link.textContent = suggestion.title;
            item.appendChild(link);
            list.appendChild(item);
        });
        list.hidden = suggestions.length === 0;
    }

    function fetchSuggestions() {
        var text = input.value.trim();
        var request = ++latest;
        if (text.length < 2) {
            show([]);
            return;
        }
        fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
            .then(function (response) {
                return response.ok ? response.json() : { suggestions: [] };
            })
            .then(function (data) {
                if (request === latest) {
                    show(data.suggestions || []);
                }
            })
            .catch(function () {
                show([]);
            });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            show([]);
        }
    });
})();

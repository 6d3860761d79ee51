// The block editor's "+" buttons all look alike, and three of them stack at the end of a
// nested list. Give each a visible label saying what it adds: an item to this list, a block
// to this section, a block to the article. The words come from the admin's JavaScript
// catalogue (locale/*/LC_MESSAGES/djangojs.po).
(function () {
    "use strict";
    if (typeof window.gettext !== "function") {
        return;
    }
    var LABELS = {
        list: window.gettext("Add an item to this list"),
        nested: window.gettext("Add a block to this section"),
        top: window.gettext("Add a block to the article"),
    };

    function kindOf(button) {
        if (button.hasAttribute("data-streamfield-list-add")) {
            return "list";
        }
        var container = button.closest("[data-streamfield-stream-container]");
        var outer = container && container.parentElement.closest("[data-streamfield-stream-container]");
        return outer ? "nested" : "top";
    }

    function label(button) {
        if (button.classList.contains("newsroom-add-button")) {
            return;
        }
        var text = LABELS[kindOf(button)];
        var span = document.createElement("span");
        span.className = "newsroom-add-button__label";
        span.textContent = text;
        button.appendChild(span);
        button.classList.add("newsroom-add-button");
        button.setAttribute("aria-label", text);
    }

    function labelAll(root) {
        root.querySelectorAll("button.c-sf-add-button").forEach(label);
    }

    var form = document.getElementById("page-edit-form");
    if (!form) {
        return;
    }
    labelAll(form);
    new MutationObserver(function () {
        labelAll(form);
    }).observe(form, { childList: true, subtree: true });
})();

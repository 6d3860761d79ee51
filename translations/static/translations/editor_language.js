// wagtail-localize's translation editor writes a heading and a menu label in English whatever
// the admin's language ("العربية to الفرنسية translation", "More actions"). Rewrite them through
// the admin's JavaScript catalogue (our locale/*/LC_MESSAGES/djangojs.po), which Wagtail loads
// on every admin page.
(function () {
    "use strict";
    var editor = document.querySelector(".js-translation-editor");
    if (!editor || typeof window.gettext !== "function") {
        return;
    }
    var props = {};
    try {
        props = JSON.parse(editor.getAttribute("data-props") || "{}");
    } catch (error) {
        return;
    }
    if (!props.sourceLocale || !props.locale) {
        return;
    }
    var english = props.sourceLocale.displayName + " to " + props.locale.displayName + " translation";
    var translated = window.interpolate(
        window.gettext("%(source)s to %(target)s translation"),
        { source: props.sourceLocale.displayName, target: props.locale.displayName },
        true
    );

    var moreActions = window.gettext("More actions");

    function update() {
        editor.querySelectorAll("h3").forEach(function (heading) {
            if (heading.textContent === english) {
                heading.textContent = translated;
            }
        });
        editor.querySelectorAll(".w-sr-only").forEach(function (label) {
            if (label.textContent === "More actions") {
                label.textContent = moreActions;
            }
        });
    }

    new MutationObserver(update).observe(editor, { childList: true, subtree: true });
    update();
})();

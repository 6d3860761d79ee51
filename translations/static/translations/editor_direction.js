// wagtail-localize's translation editor shows Arabic source strings and French or English
// inputs in the admin's direction only. Give each source string and each input the language
// and direction of its own text, so Arabic reads right-to-left in an English admin and French
// left-to-right in an Arabic one (wagtail-localize#197).
(function () {
    "use strict";
    var editor = document.querySelector(".js-translation-editor");
    if (!editor) {
        return;
    }
    var props = {};
    try {
        props = JSON.parse(editor.getAttribute("data-props") || "{}");
    } catch (error) {
        return;
    }
    var sourceLanguage = props.sourceLocale && props.sourceLocale.code;
    var targetLanguage = props.locale && props.locale.code;
    var rightToLeft = ["ar", "fa", "he", "ur"];

    function directionOf(language) {
        return rightToLeft.indexOf((language || "").split("-")[0]) === -1 ? "ltr" : "rtl";
    }

    function mark(element, language) {
        if (!language || element.getAttribute("lang") === language) {
            return;
        }
        element.setAttribute("lang", language);
        element.setAttribute("dir", directionOf(language));
    }

    function update() {
        editor.querySelectorAll("textarea, input[type=text]").forEach(function (input) {
            mark(input, targetLanguage);
        });
        // In each segment, the first paragraph is the source text, the next one the translation.
        editor.querySelectorAll("li > p:first-of-type").forEach(function (source) {
            mark(source, sourceLanguage);
        });
        editor.querySelectorAll("li > div > p").forEach(function (translated) {
            mark(translated, targetLanguage);
        });
    }

    new MutationObserver(update).observe(editor, { childList: true, subtree: true });
    update();
})();

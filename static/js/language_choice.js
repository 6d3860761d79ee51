// Progressive enhancement: remember the language a reader picks in the switcher, so the bare
// "/" sends them back to it next time (Django reads this cookie before Accept-Language).
(function () {
    "use strict";
    var switcher = document.querySelector("[data-language-cookie]");
    if (!switcher) {
        return;
    }
    var cookieName = switcher.getAttribute("data-language-cookie");
    switcher.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-language]");
        if (!link) {
            return;
        }
        document.cookie =
            cookieName + "=" + link.getAttribute("data-language") +
            "; path=/; max-age=31536000; SameSite=Lax";
    });
})();

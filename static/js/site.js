// Progressive enhancement only: every control here works, or is harmless, without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // Back to top: a plain link to #top, shown once the reader has scrolled half a screen.
    var backToTop = document.querySelector("[data-back-to-top]");
    if (backToTop) {
        var update = function () {
            if (window.scrollY > window.innerHeight / 2) {
                backToTop.removeAttribute("data-hidden");
            } else {
                backToTop.setAttribute("data-hidden", "");
            }
        };
        window.addEventListener("scroll", update, { passive: true });
        update();
    }

    // Breaking news: the reader may dismiss the strip; the choice stays in this browser only,
    // so the page's HTML is the same for everyone and can be cached.
    var strip = document.querySelector("[data-breaking-news]");
    if (strip) {
        var key = "akhbar:dismissed-breaking-news";
        var id = strip.getAttribute("data-breaking-news");
        var dismissed = null;
        try {
            dismissed = window.localStorage.getItem(key);
        } catch (error) {
            dismissed = null;
        }
        if (dismissed === id) {
            strip.hidden = true;
        } else {
            var button = strip.querySelector("[data-dismiss-breaking-news]");
            button.hidden = false;
            button.addEventListener("click", function () {
                strip.hidden = true;
                try {
                    window.localStorage.setItem(key, id);
                } catch (error) {
                    // Private modes may refuse storage: the strip is hidden for this page only.
                }
                var main = document.getElementById("main");
                if (main) {
                    main.focus();
                }
            });
        }
    }
})();

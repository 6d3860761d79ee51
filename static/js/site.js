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
    // Embedded videos and posts: nothing is requested from the provider until the reader
    // clicks "Load"; without this script the placeholder keeps a plain link to the original.
    var embeds = document.querySelectorAll("[data-embed]");
    Array.prototype.forEach.call(embeds, function (embed) {
        var button = embed.querySelector("[data-embed-load]");
        var source = embed.getAttribute("data-embed");
        if (!button || source.indexOf("https://") !== 0) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            frame.src = source;
            frame.title = embed.getAttribute("data-embed-title");
            frame.className = "embed__frame";
            frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
            frame.setAttribute("allowfullscreen", "");
            frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
            var placeholder = embed.querySelector(".embed__placeholder");
            placeholder.replaceWith(frame);
            frame.focus();
        });
    });
})();

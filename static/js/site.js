// Progressive enhancement only: every control here works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    var backToTop = document.querySelector("[data-back-to-top]");
    if (!backToTop) {
        return;
    }

    function update() {
        if (window.scrollY > window.innerHeight / 2) {
            backToTop.removeAttribute("data-hidden");
        } else {
            backToTop.setAttribute("data-hidden", "");
        }
    }

    window.addEventListener("scroll", update, { passive: true });
    update();
})();

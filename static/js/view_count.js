// Tells the site that this article was read, once the page has loaded (articles/readership.py).
// No cookie and nothing stored: one small POST to our own host, which caches never answer.
(function () {
    "use strict";
    var article = document.querySelector("[data-count-view]");
    if (!article || !navigator.sendBeacon) {
        return;
    }
    function send() {
        var body = new URLSearchParams();
        body.set("article", article.getAttribute("data-count-view"));
        navigator.sendBeacon(article.getAttribute("data-count-url"), body);
    }
    if (document.readyState === "complete") {
        send();
    } else {
        window.addEventListener("load", send, { once: true });
    }
})();

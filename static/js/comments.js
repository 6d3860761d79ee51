// Progressive enhancement for the comment form; without this file the form posts normally.
// The article page is the same for every reader (it may come from a cache), so a fresh form
// ticket and this reader's remembered name and email are fetched here, never baked in.
(function () {
    "use strict";
    var container = document.querySelector("[data-comment-form]");
    if (!container) {
        return;
    }
    var form = container.querySelector("form");
    var title = container.querySelector(".comment-form__title");
    var originalTitle = title ? title.textContent : "";
    var cancel = container.querySelector(".comment-form__cancel");
    var home = container.parentNode;
    var homeNext = container.nextSibling;

    function field(name) {
        return form.elements.namedItem(name);
    }

    // The comment's length as the reader types, counted as the server counts it (characters,
    // one per line break); past the limit it says by how much, before anything is sent.
    var body = field("body");
    var counter = container.querySelector("[data-length-counter]");
    if (body && counter) {
        var limit = parseInt(body.getAttribute("data-length-limit"), 10);
        var describedBy = body.getAttribute("aria-describedby");
        var showLength = function () {
            var length = Array.from(body.value.replace(/\r\n/g, "\n").trim()).length;
            var over = length - limit;
            counter.textContent = (over > 0 ? counter.getAttribute("data-over") : counter.getAttribute("data-counting"))
                .replace("{count}", length)
                .replace("{limit}", limit)
                .replace("{over}", over);
            counter.classList.toggle("comment-form__counter--over", over > 0);
            if (over > 0) {
                body.setAttribute("aria-invalid", "true");
                body.setAttribute("aria-describedby", ((describedBy || "") + " " + counter.id).trim());
            } else if (!describedBy) {
                body.removeAttribute("aria-invalid");
                body.removeAttribute("aria-describedby");
            }
        };
        counter.hidden = false;
        body.addEventListener("input", showLength);
        showLength();
    }

    // The reader's own comment that waits for a moderator: sent to this reader only, by the
    // never-cached form-state answer, and placed where it will appear once approved.
    function showOwnPendingComment(pending) {
        if (document.getElementById("comment-" + pending.id)) {
            return;
        }
        var item = document.createElement("li");
        item.className = "comment-list__item comment-list__item--pending";
        item.id = "comment-" + pending.id;
        item.innerHTML = pending.html;
        var parent = pending.parent && document.getElementById("comment-" + pending.parent);
        var list;
        if (parent) {
            list = parent.querySelector(":scope > .comment-list--replies");
            if (!list) {
                list = document.createElement("ol");
                list.className = "comment-list comment-list--replies";
                parent.appendChild(list);
            }
        } else {
            var section = document.getElementById("comments");
            list = section && section.querySelector(":scope > .comment-list");
            if (!list) {
                list = document.createElement("ol");
                list.className = "comment-list";
                // Where the conversation would be: just before the form.
                home.insertBefore(list, container.parentNode === home ? container : homeNext);
            }
        }
        list.appendChild(item);
    }

    fetch(form.getAttribute("data-form-state"), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
    })
        .then(function (response) {
            return response.ok ? response.json() : null;
        })
        .then(function (state) {
            if (!state) {
                return;
            }
            field("ticket").value = state.ticket;
            ["name", "email", "url"].forEach(function (name) {
                if (state[name] && !field(name).value) {
                    field(name).value = state[name];
                }
            });
            if (state.remember) {
                field("remember").checked = true;
            }
            (state.pending || []).forEach(showOwnPendingComment);
        })
        .catch(function () {});

    document.addEventListener("click", function (event) {
        var link = event.target.closest("[data-reply-to]");
        if (link) {
            event.preventDefault();
            var comment = link.closest(".comment");
            comment.parentNode.insertBefore(container, comment.nextSibling);
            field("parent").value = link.getAttribute("data-reply-to");
            var author = comment.querySelector(".comment__author");
            if (title && author) {
                title.textContent = link.textContent.trim();
            }
            cancel.hidden = false;
            field("body").focus();
            return;
        }
        if (event.target.closest("[data-cancel-reply]")) {
            event.preventDefault();
            home.insertBefore(container, homeNext);
            field("parent").value = "";
            cancel.hidden = true;
            if (title) {
                title.textContent = originalTitle;
            }
        }
    });
})();

// One-click moderation in the queue and on a comment's own page.
// Without this file every button is a plain form that posts and comes back with a message;
// with it the moderator stays on the row, can undo for a few seconds, and has shortcuts.
(function () {
    "use strict";
    var root = document.querySelector("[data-comment-moderation]");
    if (!root) {
        return;
    }
    var undoSeconds = parseInt(root.getAttribute("data-undo-seconds"), 10) || 8;
    var toast = document.querySelector("[data-comment-undo]");
    var toastMessage = toast.querySelector("[data-comment-undo-message]");
    var undoForm = toast.querySelector("[data-comment-undo-form]");
    var hideTimer = null;
    var currentRow = null;
    var SHORTCUTS = { KeyA: "approve", KeyS: "spam", KeyD: "remove" };

    function rows() {
        return Array.prototype.filter.call(
            root.querySelectorAll("tr"),
            function (row) {
                return row.querySelector("[data-comment-action]");
            }
        );
    }

    function csrfToken(form) {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function post(form) {
        return fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { Accept: "application/json", "X-CSRFToken": csrfToken(form) },
        });
    }

    function showStatus(row, status, label) {
        var cell = row.querySelector("[data-comment-status]");
        if (cell) {
            cell.textContent = label;
        }
        row.setAttribute("data-status", status);
        row.querySelectorAll("[data-comment-action]").forEach(function (form) {
            var name = form.getAttribute("data-comment-action");
            var matches =
                (name === "approve" && status === "approved") ||
                (name === "spam" && status === "spam") ||
                (name === "remove" && status === "removed");
            form.querySelector("button").disabled = matches;
        });
    }

    function announce(message, undoUrl, token, row) {
        window.clearTimeout(hideTimer);
        toastMessage.textContent = message;
        undoForm.hidden = !token;
        if (token) {
            undoForm.action = undoUrl;
            undoForm.elements.namedItem("token").value = token;
            undoForm.row = row;
        }
        toast.hidden = false;
        hideTimer = window.setTimeout(function () {
            toast.hidden = true;
        }, undoSeconds * 1000);
    }

    function select(row) {
        if (currentRow) {
            currentRow.classList.remove("comment-row--current");
        }
        currentRow = row;
        if (row) {
            row.classList.add("comment-row--current");
            row.scrollIntoView({ block: "nearest" });
        }
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (form.matches("[data-comment-action]") && root.contains(form)) {
            event.preventDefault();
            var row = form.closest("tr");
            var button = form.querySelector("button");
            button.disabled = true;
            post(form)
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(String(response.status));
                    }
                    return response.json();
                })
                .then(function (data) {
                    showStatus(row, data.status, data.status_label);
                    row.classList.add("comment-row--moderated");
                    announce(data.message, data.undo_url, data.undo_token, row);
                })
                .catch(function () {
                    // The server's own answer (a message, or a refusal) is clearer than ours.
                    form.submit();
                });
        } else if (form === undoForm) {
            event.preventDefault();
            var undoneRow = undoForm.row;
            window.clearTimeout(hideTimer);
            post(undoForm)
                .then(function (response) {
                    return response.json();
                })
                .then(function (data) {
                    if (undoneRow) {
                        showStatus(undoneRow, data.status, data.status_label);
                        undoneRow.classList.remove("comment-row--moderated");
                    }
                    announce(data.message, "", "", null);
                })
                .catch(function () {
                    undoForm.submit();
                });
        }
    });

    root.addEventListener("click", function (event) {
        var row = event.target.closest("tr");
        if (row && rows().indexOf(row) !== -1) {
            select(row);
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
            return;
        }
        var target = event.target;
        if (target.closest("input, textarea, select, [contenteditable], dialog, [role=dialog]")) {
            return;
        }
        var all = rows();
        if (!all.length) {
            return;
        }
        var index = all.indexOf(currentRow);
        if (event.code === "KeyJ" || event.code === "KeyK") {
            event.preventDefault();
            var step = event.code === "KeyJ" ? 1 : -1;
            var next = index === -1 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1);
            select(all[next]);
            var link = all[next].querySelector("td.title a, a");
            if (link) {
                link.focus({ preventScroll: true });
            }
        } else if (SHORTCUTS[event.code]) {
            var row = currentRow || (all.length === 1 ? all[0] : null);
            if (!row) {
                return;
            }
            var form = row.querySelector('[data-comment-action="' + SHORTCUTS[event.code] + '"]');
            if (form && !form.querySelector("button").disabled) {
                event.preventDefault();
                form.requestSubmit();
            }
        } else if (event.code === "KeyZ" && !toast.hidden && !undoForm.hidden) {
            event.preventDefault();
            undoForm.requestSubmit();
        } else if (event.key === "Enter" && currentRow && !target.closest("a, button")) {
            var title = currentRow.querySelector("td.title a");
            if (title) {
                event.preventDefault();
                title.click();
            }
        }
    });

    if (rows().length === 1) {
        select(rows()[0]);
    }
})();

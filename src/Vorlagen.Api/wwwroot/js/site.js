// Small enhancements; every page works without them.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
    // List the problems in the order of the fields on the page, then move focus to the summary
    // so keyboard and screen reader users land on them.
    const summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
        const list = summary.querySelector("ul") ?? document.createElement("ul"); // a notice without a list is only focused
        const position = item => {
            const link = item.querySelector("a[href^='#']");
            const field = link && document.getElementById(link.getAttribute("href").slice(1));
            return field ? [...document.querySelectorAll("[id]")].indexOf(field) : -1;
        };
        [...list.children].map(item => [position(item), item]).sort((a, b) => a[0] - b[0]).forEach(([, item]) => list.append(item));
        summary.focus();
    }

    // The print view's button (plain Ctrl+P works without it).
    const print = document.querySelector("[data-print]");
    if (print) {
        print.hidden = false;
        print.addEventListener("click", () => window.print());
        document.querySelectorAll("[data-print-hint]").forEach(hint => hint.hidden = true);
    }
});

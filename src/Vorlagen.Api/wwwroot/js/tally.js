// Live check of the tally while a result is entered: asks the tally-check endpoint (the same rules
// engine that checks on save) and shows quorum, majority, einstimmig and each broken rule with its
// citation. Also shows only the fields the chosen outcome needs. Without JavaScript, "Nur prüfen" does the same on the server.
"use strict";
(() => {
    const form = document.getElementById("result-form");
    const out = document.getElementById("tally-feedback");
    if (!form || !out) return;

    const voteNames = ["entitled", "yes", "no", "abstain", "recused"];
    let timer = 0;
    let pending = null;

    const outcome = () => form.querySelector('input[name="Form.Outcome"]:checked')?.value ?? "";
    const number = name => {
        const text = form.querySelector(`[data-vote="${name}"]`).value.trim();
        return text === "" ? null : Number(text);
    };

    function payload() {
        const votes = Object.fromEntries(voteNames.map(n => [n, number(n)]));
        const date = form.elements.namedItem("Form.Date").value;
        return {
            outcome: outcome(),
            role: form.dataset.role,
            date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
            majority: form.elements.namedItem("Form.Majority").value || null,
            secondSession: form.querySelector('input[type="checkbox"][name="Form.SecondSession"]').checked,
            votes: voteNames.every(n => votes[n] === null) ? null : votes,
        };
    }

    function element(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
    }

    // A citation whose wording was not checked against a statute text says so.
    const cite = (citation, verified) => citation ? ` (${citation}${verified === false ? ", Wortlaut nicht geprüft" : ""})` : "";

    function fact(list, term, text, citation) {
        const row = element("div");
        row.append(element("dt", "", term));
        const dd = element("dd", "", text);
        if (citation) dd.append(" ", element("span", "citation", `(${citation})`));
        row.append(dd);
        list.append(row);
    }

    function render(result) {
        const nodes = [element("p", `verdict ${result.valid ? "verdict-ok" : "verdict-bad"}`,
            result.valid ? "Zulässig: das Ergebnis entspricht den Regeln." : "Nicht zulässig:")];
        if (result.errors.length > 0) {
            const list = element("ul", "violations");
            result.errors.forEach(e => list.append(element("li", "", e.message + cite(e.citation, e.wordingVerified))));
            nodes.push(list);
        }
        const d = result.derived;
        if (d) {
            const facts = element("dl", "facts");
            fact(facts, "Beschlussfähigkeit", `${d.quorum.reached ? "gegeben" : "nicht gegeben"}: ${d.quorum.present} anwesend, nötig ${d.quorum.required}`, d.quorum.citation);
            fact(facts, "Mehrheit", `${d.majority.reached ? "erreicht" : "nicht erreicht"}: ${d.majority.yes} Ja, nötig ${d.majority.required} (${d.majority.label})`, d.majority.citation);
            fact(facts, "Einstimmig", d.unanimous ? `ja: ${d.unanimityText}` : "nein");
            nodes.push(facts);
        }
        out.replaceChildren(...nodes);
    }

    function message(text, className = "muted") {
        out.replaceChildren(element("p", className, text));
    }

    async function check() {
        const body = payload();
        if (!body.outcome) {
            message("Wählen Sie das Ergebnis; dann wird die Abstimmung sofort geprüft.");
            return;
        }
        pending?.abort();
        pending = new AbortController();
        try {
            const response = await fetch(form.dataset.checkUrl, {
                method: "POST",
                headers: { "Content-Type": "application/json", "Accept": "application/json" },
                body: JSON.stringify(body),
                signal: pending.signal,
            });
            if (response.ok) {
                render(await response.json());
            } else if (response.status === 400) {
                const problem = await response.json();
                const messages = problem.errors ? Object.values(problem.errors).flat() : [problem.detail];
                render({ valid: false, errors: messages.map(m => ({ message: m })), derived: null });
            } else {
                message("Die Prüfung ist gerade nicht erreichbar; beim Speichern wird erneut geprüft.");
            }
        } catch (error) {
            if (error.name !== "AbortError") message("Die Prüfung ist gerade nicht erreichbar; beim Speichern wird erneut geprüft.");
        }
    }

    // Groups another outcome needs stay hidden, unless they hold a value or an error the user must see.
    function showRelevantGroups() {
        const chosen = outcome();
        form.querySelectorAll("[data-outcomes]").forEach(group => {
            const wanted = group.dataset.outcomes.split(" ").includes(chosen);
            const filled = [...group.querySelectorAll("input:not([type=checkbox]):not([type=hidden]), select, textarea")].some(i => i.value !== "");
            const invalid = group.querySelector('[aria-invalid="true"]') !== null;
            group.hidden = !(wanted || filled || invalid || (chosen === "" && group.tagName === "FIELDSET"));
        });
    }

    form.addEventListener("input", () => {
        showRelevantGroups();
        clearTimeout(timer);
        timer = setTimeout(check, 300);
    });
    form.addEventListener("change", showRelevantGroups);
    showRelevantGroups();
    if (outcome()) check();
})();

// The assessment entry grid: keyboard entry and saving row by row. Every change is first written to a draft in
// localStorage, then posted; the draft of a row is dropped only when the server confirms it saved the row. If the
// session has expired the drafts stay, and they are restored and saved when the page is opened again after sign-in.
(() => {
    const token = JSON.parse(document.body.getAttribute("hx-headers") || "{}").RequestVerificationToken;

    for (const grid of document.querySelectorAll("table.assessment-grid")) {
        if (grid.dataset.editable !== "true") continue;
        const key = grid.dataset.draftKey;
        const rows = () => [...grid.querySelectorAll("tbody tr")];
        const fields = (tr) => [...tr.querySelectorAll("[data-col]")].sort((a, b) => a.dataset.col - b.dataset.col);
        const timers = new Map();

        const loadDrafts = () => { try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch { return {}; } };
        const storeDrafts = (d) => Object.keys(d).length ? localStorage.setItem(key, JSON.stringify(d)) : localStorage.removeItem(key);
        const valuesOf = (tr) => Object.fromEntries(fields(tr).map((f) => [f.name, f.value]));

        const setStatus = (tr, text, cls) => {
            const cell = tr.querySelector(".row-status");
            cell.textContent = text;
            cell.className = "row-status small " + (cls || "");
        };

        const updateCounts = (counts) => {
            if (!counts) return;
            for (const [name, value] of Object.entries(counts)) {
                const el = document.querySelector(`[data-count="${name}"]`);
                if (el) el.textContent = value.toLocaleString("vi-VN");
            }
        };

        const save = async (tr) => {
            const values = valuesOf(tr);
            const body = new URLSearchParams({ [tr.dataset.idField]: tr.dataset.key, ...values });
            setStatus(tr, "Đang lưu…", "text-muted");
            let response;
            try {
                response = await fetch(grid.dataset.saveUrl, {
                    method: "POST", body, credentials: "same-origin",
                    headers: { "RequestVerificationToken": token, "X-Requested-With": "fetch" },
                });
            } catch {
                setStatus(tr, "Chưa lưu (mất kết nối) — đã giữ trên máy", "text-warning");
                return;
            }
            const json = (response.headers.get("content-type") || "").includes("application/json") ? await response.json() : null;
            if (response.status === 403) {
                // Signed in, but no longer allowed to write here (role or scope changed): the draft stays on this machine.
                setStatus(tr, "Không có quyền ghi vào danh sách này — đã giữ trên máy", "text-danger");
                return;
            }
            if (!json && response.status >= 500) {
                setStatus(tr, "Chưa lưu (lỗi máy chủ) — đã giữ trên máy, sẽ lưu lại khi mở lại trang", "text-warning");
                return;
            }
            if (!json) {
                // Signed out (a redirect to the sign-in page) or the form token no longer valid: keep the draft.
                setStatus(tr, "Chưa lưu — đã giữ trên máy", "text-warning");
                document.getElementById("session-expired")?.classList.remove("d-none");
                return;
            }
            const drafts = loadDrafts();
            if (JSON.stringify(drafts[tr.dataset.key]) === JSON.stringify(values)) delete drafts[tr.dataset.key];
            storeDrafts(drafts);
            if (json.ok) {
                setStatus(tr, "✓ Đã lưu", "text-success");
                tr.classList.remove("table-danger");
            } else {
                setStatus(tr, json.message, "text-danger");
                tr.classList.add("table-danger");
            }
            updateCounts(json.counts);
        };

        const changed = (tr, delay) => {
            const drafts = loadDrafts();
            drafts[tr.dataset.key] = valuesOf(tr);
            storeDrafts(drafts);
            setStatus(tr, "Chưa lưu…", "text-muted");
            clearTimeout(timers.get(tr));
            timers.set(tr, setTimeout(() => save(tr), delay));
        };

        grid.addEventListener("change", (e) => { const tr = e.target.closest("tr[data-key]"); if (tr) changed(tr, 150); });
        grid.addEventListener("input", (e) => { if (e.target.tagName === "INPUT") { const tr = e.target.closest("tr[data-key]"); if (tr) changed(tr, 800); } });

        grid.addEventListener("keydown", (e) => {
            const field = e.target.closest("[data-col]");
            const tr = e.target.closest("tr[data-key]");
            if (!field || !tr) return;
            const col = field.dataset.col;
            const move = (rowStep, colStep) => {
                // Never let an arrow change a select's value: at the grid's edge it simply stays.
                e.preventDefault();
                const all = rows();
                const target = all[all.indexOf(tr) + rowStep];
                const list = target ? fields(target) : [];
                const next = colStep === 0
                    ? list.find((f) => f.dataset.col === col)
                    : fields(tr)[fields(tr).indexOf(field) + colStep];
                if (next) next.focus();
            };
            if (field.dataset.level === "true" && /^[0-4]$/.test(e.key)) {
                field.selectedIndex = Number(e.key);
                field.dispatchEvent(new Event("change", { bubbles: true }));
                e.preventDefault();
                return;
            }
            if (field.tagName === "SELECT" && (e.key === "Delete" || e.key === "Backspace")) {
                field.selectedIndex = 0;
                field.dispatchEvent(new Event("change", { bubbles: true }));
                e.preventDefault();
                return;
            }
            if (e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey)) move(1, 0);
            else if (e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey)) move(-1, 0);
            else if (field.tagName === "SELECT" && e.key === "ArrowRight") move(0, 1);
            else if (field.tagName === "SELECT" && e.key === "ArrowLeft") move(0, -1);
        });

        // Keyboard entry works from here on (browser tests wait for it before typing).
        grid.dataset.ready = "true";

        // Drafts left by an earlier visit (a session that expired, a closed tab): put them back and save them.
        const drafts = loadDrafts();
        const pending = rows().filter((tr) => drafts[tr.dataset.key]);
        for (const tr of pending) {
            for (const f of fields(tr)) if (f.name in drafts[tr.dataset.key]) f.value = drafts[tr.dataset.key][f.name];
            save(tr);
        }
        if (pending.length) {
            const note = document.getElementById("restored");
            if (note) {
                note.textContent = `Đã khôi phục ${pending.length} dòng chưa lưu được từ lần trước và đang lưu lại.`;
                note.classList.remove("d-none");
            }
        }
    }
})();

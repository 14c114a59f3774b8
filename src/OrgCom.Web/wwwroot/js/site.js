// A form that changes data is sent once: the submit button is disabled while the request is under way,
// so a double click cannot create or change something twice.
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
    if (form.dataset.submitting === "true") {
        event.preventDefault();
        return;
    }
    form.dataset.submitting = "true";
    form.querySelectorAll("button[type=submit]").forEach((b) => b.setAttribute("disabled", "disabled"));
});
window.addEventListener("pageshow", () => {
    document.querySelectorAll("form[data-submitting]").forEach((f) => {
        delete f.dataset.submitting;
        f.querySelectorAll("button[type=submit]").forEach((b) => b.removeAttribute("disabled"));
    });
});

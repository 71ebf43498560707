// sanctionwatch workbench: hover groups, review dialog, token handling.
// Served as a file so the Content-Security-Policy can forbid inline script.
"use strict";

(function () {
  const TOKEN_KEY = "sanctionwatch.token";
  const NAME_KEY = "sanctionwatch.reviewer";

  // Hovering or focusing one piece of an extraction lights up all of it
  // (source, cue and content of one statement, and its entry in the panel).
  function groupsOf(el) {
    return (el.getAttribute("data-g") || "").split(" ").filter(Boolean);
  }
  function setHot(el, on) {
    groupsOf(el).forEach(function (g) {
      document.querySelectorAll('[data-g~="' + CSS.escape(g) + '"]').forEach(function (n) {
        n.classList.toggle("is-hot", on);
      });
    });
  }
  document.addEventListener("mouseover", function (e) {
    const el = e.target.closest && e.target.closest(".seg[data-g]");
    if (el) setHot(el, true);
  });
  document.addEventListener("mouseout", function (e) {
    const el = e.target.closest && e.target.closest(".seg[data-g]");
    if (el) setHot(el, false);
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches(".seg[data-g]")) setHot(e.target, true);
  });
  document.addEventListener("focusout", function (e) {
    if (e.target.matches && e.target.matches(".seg[data-g]")) setHot(e.target, false);
  });

  // Token and reviewer name live in sessionStorage: gone when the tab closes.
  const tokenForm = document.getElementById("token-form");
  const tokenInput = document.getElementById("token-input");
  const nameInput = document.getElementById("reviewer-input");
  const tokenState = document.getElementById("token-state");
  function showTokenState() {
    if (tokenState) tokenState.textContent = sessionStorage.getItem(TOKEN_KEY) ? "token set" : "no token";
  }
  if (tokenForm) {
    if (nameInput) nameInput.value = sessionStorage.getItem(NAME_KEY) || "";
    tokenForm.addEventListener("submit", function (e) {
      e.preventDefault();
      if (tokenInput.value) sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
      if (nameInput.value.trim()) sessionStorage.setItem(NAME_KEY, nameInput.value.trim());
      tokenInput.value = "";
      showTokenState();
    });
    showTokenState();
  }

  const dialog = document.getElementById("review-dialog");
  if (!dialog) return;
  const form = document.getElementById("review-form");
  const status = document.getElementById("review-status");
  const fieldSelect = form.elements.field;
  const allFields = JSON.parse(fieldSelect.getAttribute("data-fields") || "{}");
  let opener = null;

  function fillFields(target) {
    while (fieldSelect.options.length > 1) fieldSelect.remove(1);
    (allFields[target] || []).forEach(function (f) {
      const o = document.createElement("option");
      o.value = f;
      o.textContent = f;
      fieldSelect.appendChild(o);
    });
  }

  document.addEventListener("click", function (e) {
    const btn = e.target.closest && e.target.closest(".review-btn");
    if (!btn) return;
    opener = btn;
    form.reset();
    form.elements.doc_id.value = btn.getAttribute("data-doc") || "";
    form.elements.target.value = btn.getAttribute("data-target");
    form.elements.target_key.value = btn.getAttribute("data-key");
    document.getElementById("review-label").textContent = btn.getAttribute("data-label") || "";
    fillFields(btn.getAttribute("data-target"));
    status.textContent = sessionStorage.getItem(TOKEN_KEY) ? "" : "Enter the review token in the header first.";
    dialog.showModal();
  });

  document.getElementById("review-cancel").addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("close", function () {
    if (opener) opener.focus();
  });

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    const token = sessionStorage.getItem(TOKEN_KEY);
    const reviewer = sessionStorage.getItem(NAME_KEY);
    if (!token || !reviewer) {
      status.textContent = "Enter the review token and your name in the header first.";
      return;
    }
    const el = form.elements;
    const body = {
      doc_id: el.doc_id.value, target: el.target.value, target_key: el.target_key.value,
      verdict: el.verdict.value, reviewer: reviewer,
      field: el.field.value || null, value: el.value.value || null, note: el.note.value || null,
    };
    status.textContent = "Saving…";
    let resp;
    try {
      resp = await fetch("/api/v1/reviews", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
        body: JSON.stringify(body),
      });
    } catch (err) {
      status.textContent = "Network error: " + err;
      return;
    }
    if (resp.ok) {
      status.textContent = "Saved.";
      window.location.reload();
      return;
    }
    let detail = resp.status + "";
    try {
      const data = await resp.json();
      detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail);
    } catch (err) { /* keep the status code */ }
    status.textContent = "Not saved: " + detail;
  });
})();

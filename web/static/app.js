// Fairhire portal: small enhancements. Every page works without this file.
(function () {
  "use strict";

  // Follow-up questions (show_if): show or hide as answers change.
  function valuesOf(form, name) {
    var out = [];
    form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]').forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") ? el.checked : el.value !== "") out.push(el.value);
    });
    return out;
  }
  function refresh(form) {
    form.querySelectorAll("[data-show-if]").forEach(function (box) {
      var shown = valuesOf(form, box.getAttribute("data-show-if")).indexOf(box.getAttribute("data-equals")) >= 0;
      var parent = form.querySelector('[name="' + box.getAttribute("data-show-if") + '"]');
      var parentBox = parent && parent.closest(".question");
      if (parentBox && parentBox.hidden) shown = false;
      box.hidden = !shown;
    });
  }

  // Autosave: a draft save in the background a moment after the last change.
  function autosave(form) {
    var timer = null;
    var status = form.querySelector(".autosave-status");
    form.addEventListener("change", function () {
      refresh(form);
      clearTimeout(timer);
      if (status) { status.textContent = ""; status.removeAttribute("data-state"); }
      timer = setTimeout(function () {
        var data = new URLSearchParams(new FormData(form));
        data.set("go", "stay");
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin", redirect: "manual" })
          .then(function (r) {
            var ok = r.type === "opaqueredirect" || r.ok;
            if (status) {
              status.textContent = status.getAttribute(ok ? "data-saved" : "data-failed") || "";
              status.setAttribute("data-state", ok ? "saved" : "failed");
            }
          })
          .catch(function () {
            if (status) {
              status.textContent = status.getAttribute("data-failed") || "";
              status.setAttribute("data-state", "failed");
            }
          });
      }, 1500);
    });
  }

  document.querySelectorAll("form.questionnaire").forEach(function (form) {
    refresh(form);
    if (form.hasAttribute("data-autosave")) autosave(form);
  });

  // Confirm dialogs on forms and buttons that ask for one.
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var question = (submitter && submitter.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // The language switcher submits on change (the button stays for no-JS users).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();

/*
 * TalentBridge progressive enhancement. Every page works without this file; with it:
 *  - forms with data-confirm ask before submitting (revoke, deactivate …);
 *  - flash messages get a dismiss button;
 *  - buttons with data-copy="#id" copy that element's text (API token secret);
 *  - "/" focuses the global search box;
 *  - open menus (<details class="menu">) close on Escape or a click elsewhere.
 * Loaded as a static file: the Content-Security-Policy forbids inline script.
 */
(function () {
  "use strict";

  function onConfirmSubmit(event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  }

  function enableFlashDismiss() {
    document.querySelectorAll("[data-dismiss='flash']").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var flash = button.closest(".flash");
        if (flash) {
          flash.remove();
        }
      });
    });
  }

  function enableCopyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var target = document.querySelector(button.getAttribute("data-copy"));
      if (!target) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(target.textContent.trim()).then(function () {
          var label = button.querySelector("span");
          if (label && button.getAttribute("data-copied")) {
            label.textContent = button.getAttribute("data-copied");
          }
        });
      });
    });
  }

  function isTyping(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function onKeydown(event) {
    if (event.key === "/" && !isTyping(document.activeElement) && !event.ctrlKey && !event.metaKey) {
      var search = document.querySelector("[data-shortcut='/']");
      if (search) {
        event.preventDefault();
        search.focus();
      }
    }
    if (event.key === "Escape") {
      closeMenus(null, true);
    }
  }

  function closeMenus(except, restoreFocus) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (menu !== except) {
        menu.open = false;
        if (restoreFocus) {
          menu.querySelector("summary").focus();
        }
      }
    });
  }

  document.addEventListener("submit", onConfirmSubmit);
  document.addEventListener("keydown", onKeydown);
  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest("details.menu"), false);
  });
  document.addEventListener("DOMContentLoaded", function () {
    enableFlashDismiss();
    enableCopyButtons();
  });
})();

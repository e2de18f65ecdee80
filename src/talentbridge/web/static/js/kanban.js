/*
 * TalentBridge pipeline board and pipeline pages: progressive enhancement only.
 *
 * Without this file every card still has its "Move to…" form, which posts and comes back with a
 * flash message. With it:
 *  - cards can be dragged to another column (HTML5 drag and drop). The card's own move form is
 *    posted with fetch (CSRF token in the form and in the X-CSRF-Token header, JSON requested);
 *    the card moves at once and the counts follow. If the server answers with something other
 *    than the expected JSON, the form is submitted normally, so the page explains what happened;
 *  - dropping on a rejected or withdrawn column opens a dialog asking for the reason, and that
 *    form is submitted normally;
 *  - a stale board (someone else moved the candidate) reloads the page, which shows why;
 *  - buttons with data-confirm ask before submitting (e.g. removing a stage).
 * Loaded as a static file: the Content-Security-Policy forbids inline script.
 */
(function () {
  "use strict";

  var CLOSED = { rejected: true, withdrawn: true };

  function announce(board, message, isError) {
    var status = board.querySelector("[data-board-status]");
    if (status) {
      status.textContent = message;
    }
    var flashes = document.querySelector(".flashes");
    if (!flashes) {
      flashes = document.createElement("div");
      flashes.className = "flashes";
      var main = document.getElementById("main");
      var header = main && main.querySelector(".page-header");
      if (header && header.parentNode) {
        header.parentNode.insertBefore(flashes, header);
      } else if (main) {
        main.insertBefore(flashes, main.firstChild);
      }
    }
    flashes.textContent = "";
    var flash = document.createElement("div");
    flash.className = "flash flash--" + (isError ? "error" : "success");
    var text = document.createElement("p");
    text.className = "flash__message";
    text.textContent = message;
    flash.appendChild(text);
    flashes.appendChild(flash);
  }

  function column(element) {
    return element ? element.closest("[data-column]") : null;
  }

  function updateColumn(col) {
    if (!col) {
      return;
    }
    var count = col.querySelectorAll("[data-card]").length;
    var badge = col.querySelector("[data-count]");
    if (badge) {
      badge.textContent = String(count);
    }
    var empty = col.querySelector("[data-empty]");
    if (empty) {
      empty.hidden = count > 0;
    }
  }

  function setVersion(card, version) {
    card.setAttribute("data-version", String(version));
    card.querySelectorAll("[data-version-field]").forEach(function (input) {
      input.value = String(version);
    });
  }

  function markCurrentStage(card, stageId) {
    var select = card.querySelector("[data-stage-select]");
    if (!select) {
      return;
    }
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value) {
        option.disabled = option.value === stageId;
      }
    });
    select.value = "";
  }

  function updateStatus(card, result) {
    var holder = card.querySelector("[data-status]");
    if (holder) {
      holder.textContent = "";
    }
    if (holder && !result.active) {
      var badge = document.createElement("span");
      badge.className = "badge badge--" + result.status_tone;
      badge.textContent = result.status_label;
      holder.appendChild(badge);
    }
    card.classList.toggle("kcard--closed", !result.active);
  }

  function place(card, target, before) {
    var list = target.querySelector("[data-cards]");
    if (before && before.parentNode === list) {
      list.insertBefore(card, before);
    } else {
      list.appendChild(card);
    }
  }

  function submitNormally(card, stageId) {
    var form = card.querySelector("[data-move-form]");
    if (!form) {
      window.location.reload();
      return;
    }
    var select = form.querySelector("[data-stage-select]");
    if (select) {
      select.value = stageId;
    }
    form.submit();
  }

  function moveWithFetch(board, card, target) {
    var form = card.querySelector("[data-move-form]");
    var origin = column(card);
    var stageId = target.getAttribute("data-stage");
    var data = new FormData(form);
    data.set("to_stage_id", stageId);
    data.set("reason_id", "");
    card.classList.add("is-saving");
    place(card, target, null);
    updateColumn(origin);
    updateColumn(target);

    function revert(message) {
      card.classList.remove("is-saving");
      place(card, origin, null);
      updateColumn(origin);
      updateColumn(target);
      announce(board, message || board.getAttribute("data-error-label"), true);
    }

    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRF-Token": data.get("csrf_token") || "" },
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) {
          // Not the board's answer (an error page, a sign-in redirect): let the form explain.
          revert(null);
          submitNormally(card, stageId);
          return null;
        }
        return response.json().then(function (result) {
          if (result.ok) {
            card.classList.remove("is-saving");
            setVersion(card, result.version);
            markCurrentStage(card, stageId);
            updateStatus(card, result);
            var days = card.querySelector("[data-days]");
            if (days) {
              days.textContent = board.getAttribute("data-today-label");
              days.classList.remove("is-waiting");
            }
            announce(board, result.message, false);
          } else if (result.reload) {
            window.location.reload();
          } else {
            revert(result.message);
          }
          return null;
        });
      })
      .catch(function () {
        revert(null);
      });
  }

  function openReasonDialog(board, card, target) {
    var dialog = board.querySelector("[data-reason-dialog]");
    if (!dialog || typeof dialog.showModal !== "function") {
      submitNormally(card, target.getAttribute("data-stage"));
      return;
    }
    var category = target.getAttribute("data-category");
    var form = dialog.querySelector("[data-reason-form]");
    form.action = card.getAttribute("data-move-url");
    form.querySelector("[data-reason-stage]").value = target.getAttribute("data-stage");
    form.querySelector("[data-reason-version]").value = card.getAttribute("data-version");
    dialog.querySelectorAll("[data-reason-kind]").forEach(function (field) {
      var active = field.getAttribute("data-reason-kind") === category;
      field.hidden = !active;
      var select = field.querySelector("select");
      select.disabled = !active;
      select.value = "";
    });
    var template = dialog.getAttribute(category === "withdrawn" ? "data-title-withdrawn" : "data-title-rejected");
    dialog.querySelector("[data-reason-title]").textContent = template.replace(
      "{name}",
      card.getAttribute("data-name")
    );
    dialog.showModal();
    var visible = dialog.querySelector("[data-reason-kind]:not([hidden]) select");
    if (visible) {
      visible.focus();
    }
  }

  function enableBoard(board) {
    if (!board.classList.contains("kanban--movable")) {
      return;
    }
    var dragged = null;

    board.querySelectorAll("[data-card]").forEach(function (card) {
      card.setAttribute("draggable", "true");
      card.setAttribute("title", board.getAttribute("data-drag-label"));
    });

    board.addEventListener("dragstart", function (event) {
      var card = event.target.closest && event.target.closest("[data-card]");
      if (!card || event.target.closest("details[open]")) {
        return;
      }
      dragged = card;
      card.classList.add("is-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.id);
    });

    board.addEventListener("dragend", function () {
      if (dragged) {
        dragged.classList.remove("is-dragging");
      }
      dragged = null;
      board.querySelectorAll(".is-drop-target").forEach(function (col) {
        col.classList.remove("is-drop-target");
      });
    });

    board.addEventListener("dragover", function (event) {
      var target = column(event.target);
      if (!dragged || !target || target === column(dragged)) {
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      board.querySelectorAll(".is-drop-target").forEach(function (col) {
        if (col !== target) {
          col.classList.remove("is-drop-target");
        }
      });
      target.classList.add("is-drop-target");
    });

    board.addEventListener("dragleave", function (event) {
      var target = column(event.target);
      if (target && !target.contains(event.relatedTarget)) {
        target.classList.remove("is-drop-target");
      }
    });

    board.addEventListener("drop", function (event) {
      var target = column(event.target);
      var card = dragged;
      if (!card || !target || target === column(card)) {
        return;
      }
      event.preventDefault();
      target.classList.remove("is-drop-target");
      if (CLOSED[target.getAttribute("data-category")]) {
        openReasonDialog(board, card, target);
      } else {
        moveWithFetch(board, card, target);
      }
    });

    var dialog = board.querySelector("[data-reason-dialog]");
    if (dialog) {
      dialog.querySelector("[data-reason-cancel]").addEventListener("click", function () {
        dialog.close();
      });
    }
  }

  function onConfirmButton(event) {
    var button = event.submitter;
    if (button && button.hasAttribute("data-confirm") && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  }

  document.addEventListener("submit", onConfirmButton);
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-board]").forEach(enableBoard);
  });
})();

// Small progressive enhancements only; every page works without JavaScript.
(function () {
  "use strict";
  var PREFIX = "bucks-lis-draft:";

  function draftKey(form, field) {
    return PREFIX + form.getAttribute("action") + ":" + field.name;
  }

  function store() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  // Ask before destructive actions marked with data-confirm; keep what was typed in a
  // form's text areas (this tab only) until the page shows it saved, so a form refused
  // because the session or its security token ran out loses nothing.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      return;
    }
    var s = store();
    if (!s || (form.method || "").toLowerCase() !== "post") { return; }
    if (form.hasAttribute("data-sign-out")) {
      // Signing out forgets unsaved drafts: on a shared computer the next person to use
      // this tab must not find them (attack probe s44).
      for (var i = s.length - 1; i >= 0; i--) {
        var key = s.key(i);
        if (key && key.indexOf(PREFIX) === 0) { s.removeItem(key); }
      }
      return;
    }
    Array.prototype.forEach.call(form.querySelectorAll("textarea[name]"), function (field) {
      if (field.value.trim()) { s.setItem(draftKey(form, field), field.value); }
    });
  });

  // Staff probe s46: a form that leads back to its place on a long page (#theme-…,
  // #response-…) left its "saved" or error message at the top, thousands of pixels out of
  // sight, and focus on nothing. The message moves to that place and takes focus, so it is
  // seen and read out; a refused save's notice (#conflict) takes focus wherever it is.
  function focusNotice(notice) {
    if (!notice.hasAttribute("tabindex")) { notice.setAttribute("tabindex", "-1"); }
    // after the load: Chromium's own scroll to the #place clears focus set before it
    var focus = function () { window.setTimeout(function () { notice.focus(); }, 0); };
    if (document.readyState === "complete") { focus(); } else { window.addEventListener("load", focus); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var conflict = document.getElementById("conflict");
    if (conflict) { focusNotice(conflict); return; }
    var flashes = document.querySelectorAll("#main > [data-flash]");
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var place = id ? document.getElementById(id) : null;
    if (!flashes.length || !place || place.id === "main") { return; }
    for (var up = place; up; up = up.parentElement) {
      if (up.tagName === "DETAILS") { up.open = true; }  // a long sub-theme's list is closed
    }
    var heading = place.firstElementChild;
    var after = heading && /^H[1-6]$/.test(heading.tagName) ? heading : null;
    Array.prototype.forEach.call(flashes, function (notice) {
      place.insertBefore(notice, after ? after.nextSibling : place.firstChild);
      after = notice;
    });
    focusNotice(flashes[0]);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var s = store();
    if (!s) { return; }
    var restored = false;
    Array.prototype.forEach.call(document.querySelectorAll("form[method=post] textarea[name]"), function (field) {
      var key = draftKey(field.form, field);
      var draft = s.getItem(key);
      if (draft === null) { return; }
      s.removeItem(key);
      if (draft !== field.value) {
        field.value = draft;
        restored = true;
      }
    });
    if (restored) {
      var main = document.getElementById("main");
      var notice = document.createElement("div");
      notice.className = "notice notice-warning";
      notice.setAttribute("role", "status");
      notice.textContent = "What you typed before was not saved yet and has been put back. Save it again to keep it.";
      if (main) { main.insertBefore(notice, main.firstChild); }
    }
  });
})();

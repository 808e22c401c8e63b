/*!
 * Buckinghamshire Local Industrial Strategy consultation chat widget.
 * Plain JavaScript, no build step. Talks to Rasa's socket.io channel with the
 * socket.io-client served next to this file (vendor/socket.io.min.js).
 *
 * Embed:  <script src="https://WEB_APP/widget/bucks-lis-chat.js" defer></script>
 * Options (later wins): defaults served with this file < data-* attributes on the
 * script tag < window.BucksLISChat = { socketUrl, privacyUrl, ... }.
 *
 * Safety: every message is rendered with textContent / text nodes; links are built
 * with createElement and only http:, https: and mailto: are kept.
 */
(function () {
  "use strict";

  if (window.__bucksLisChatLoaded) return;
  window.__bucksLisChatLoaded = true;

  var SERVER_DEFAULTS = window.__BUCKS_LIS_CHAT_DEFAULTS__ || {};
  var script = document.currentScript;
  var scriptUrl = script && script.src ? new URL(script.src, document.baseURI) : null;
  var assetBase = scriptUrl
    ? scriptUrl.href.replace(/[^/]*([?#].*)?$/, "")
    : new URL("/widget/", document.baseURI).href;
  var appBase = new URL("../", assetBase).href;

  function dataOptions() {
    if (!script) return {};
    var d = script.dataset;
    var out = {};
    if (d.socketUrl) out.socketUrl = d.socketUrl;
    if (d.socketPath) out.socketPath = d.socketPath;
    if (d.privacyUrl) out.privacyUrl = d.privacyUrl;
    if (d.title) out.title = d.title;
    if (d.launcherLabel) out.launcherLabel = d.launcherLabel;
    if (d.initPayload) out.initPayload = d.initPayload;
    if (d.maxMessageChars) out.maxMessageChars = parseInt(d.maxMessageChars, 10);
    if (d.open) out.open = d.open === "true";
    return out;
  }

  var config = Object.assign(
    {
      socketUrl: appBase,
      socketPath: "/socket.io",
      privacyUrl: appBase + "privacy",
      maxMessageChars: 2000,
      title: "Local Industrial Strategy consultation",
      launcherLabel: "Have your say",
      initPayload: "/greet",
      storageKey: "bucksLisChat",
      ackTimeoutMs: 45000,
      historyLimit: 200,
      storageIdleMinutes: 60,
      slowReplyMs: 8000,
      open: false,
    },
    SERVER_DEFAULTS,
    dataOptions(),
    window.BucksLISChat || {}
  );
  var MAX = Math.max(1, parseInt(config.maxMessageChars, 10) || 2000);
  // How long this device keeps a conversation after its last message: the server's session
  // (served as storageIdleMinutes), after which a declined one's transcript is purged there.
  // Kept for ever, the next person at a shared computer read it and went on as that
  // business, "forget me" included (attack probe s43).
  var IDLE_MS = Math.max(1, parseFloat(config.storageIdleMinutes) || 60) * 60000;
  var STORE_KEY = config.storageKey + ":v1:" + new URL(config.socketUrl, document.baseURI).host;

  // ---------------------------------------------------------------- storage
  function randomId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      })
      .join("");
  }

  // The server's rule for a message id (bot/channels/text.py): 1-64 of A-Za-z0-9_.:-
  function validMessageId(id) {
    return typeof id === "string" && /^[A-Za-z0-9_.:-]{1,64}$/.test(id);
  }

  // When the stored conversation last had a message (0 if none says when: a copy from an
  // older widget, kept, since its age is unknown; its next message dates it).
  function lastMessageAt(state) {
    var latest = 0;
    state.messages.forEach(function (m) {
      if (m && typeof m.ts === "number" && m.ts > latest) latest = m.ts;
    });
    return latest;
  }

  function loadState() {
    var state = null;
    try {
      state = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
    } catch (e) {
      state = null;
    }
    var usable = state && typeof state === "object" && Array.isArray(state.messages);
    var last = usable ? lastMessageAt(state) : 0;
    if (last && Date.now() - last > IDLE_MS) {
      // idle past the server's session: a new visitor, a new conversation, no old copy
      usable = false;
      try {
        window.localStorage.removeItem(STORE_KEY);
      } catch (e) {
        /* storage disabled: nothing was kept */
      }
    }
    if (!usable) {
      state = { senderId: null, messages: [], started: false, open: false };
    }
    if (typeof state.senderId !== "string" || !/^[A-Za-z0-9_-]{8,64}$/.test(state.senderId)) {
      state.senderId = randomId();
    }
    // A message that was on its way when the page went away is not confirmed.
    state.messages.forEach(function (m) {
      if (m.status === "sending") m.status = "failed";
    });
    markAnswered(state.messages); // a copy saved by an older widget
    return state;
  }

  // Buttons followed by something the business said are stale (see retireButtons), however
  // this tab heard of it: two tabs holding the same messages show the same buttons (CI saw
  // a tab keep buttons the other had retired, so their logs never matched).
  function markAnswered(messages) {
    var laterSaid = false;
    for (var i = messages.length - 1; i >= 0; i--) {
      var m = messages[i];
      if (!m || typeof m !== "object") continue;
      if (m.from === "user" && !m.hidden) laterSaid = true;
      else if (laterSaid && Array.isArray(m.buttons) && m.buttons.length) m.answered = true;
    }
  }

  var state = loadState();
  // Which user messages this tab must send itself, and which another tab wrote (and sends):
  // see adoptOtherTab.
  var PENDING = ["queued", "sending", "failed"];
  var sentHere = {};
  var fromOtherTab = {};

  function saveState() {
    if (state.messages.length > config.historyLimit) {
      state.messages = state.messages.slice(-config.historyLimit);
    }
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) {
      /* storage full or disabled: the chat still works, without history */
    }
  }

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
        if (k === "text") node.textContent = attrs[k];
        else if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c) node.appendChild(c);
    });
    return node;
  }

  function safeHref(href) {
    try {
      var url = new URL(href, document.baseURI);
      if (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:") {
        return url.href;
      }
    } catch (e) {
      /* not a URL */
    }
    return null;
  }

  function link(label, href) {
    var a = el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: label });
    if (href.indexOf("mailto:") === 0) a.removeAttribute("target");
    return a;
  }

  // Markdown links [label](url), bare http(s) URLs and mailto: links.
  var LINK_RE = /\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})\)|\b((?:https?:\/\/|mailto:)[^\s<>"']+)/g;

  function appendLine(parent, line) {
    var last = 0;
    var match;
    LINK_RE.lastIndex = 0;
    while ((match = LINK_RE.exec(line)) !== null) {
      var raw = match[0];
      var label;
      var target;
      var trailing = "";
      if (match[1] !== undefined) {
        label = match[1];
        target = match[2];
      } else {
        target = match[3];
        var trim = target.match(/[.,;:!?)]+$/);
        if (trim) {
          trailing = trim[0];
          target = target.slice(0, -trailing.length);
          raw = raw.slice(0, -trailing.length);
        }
        label = target.replace(/^mailto:/, "");
      }
      var href = safeHref(target);
      if (match.index > last) parent.appendChild(document.createTextNode(line.slice(last, match.index)));
      parent.appendChild(href ? link(label, href) : document.createTextNode(raw));
      last = match.index + raw.length;
      LINK_RE.lastIndex = last;
    }
    if (last < line.length) parent.appendChild(document.createTextNode(line.slice(last)));
  }

  function renderText(parent, text, withLinks) {
    String(text).split(/\r?\n/).forEach(function (line, i) {
      if (i > 0) parent.appendChild(document.createElement("br"));
      if (withLinks) appendLine(parent, line);
      else parent.appendChild(document.createTextNode(line));
    });
  }

  // ---------------------------------------------------------------- UI
  var ids = {
    panel: "blc-panel",
    title: "blc-title",
    input: "blc-input",
    count: "blc-count",
    hint: "blc-hint",
    over: "blc-over",
  };

  var launcher = el("button", {
    type: "button",
    className: "blc-launcher",
    "aria-expanded": "false",
    "aria-controls": ids.panel,
  });
  launcher.appendChild(el("span", { className: "blc-launcher-icon", "aria-hidden": "true", text: "\u{1F4AC}" }));
  launcher.appendChild(el("span", { text: config.launcherLabel }));
  var badge = el("span", { className: "blc-badge" });
  badge.hidden = true;
  launcher.appendChild(badge);
  var unread = 0;
  function setUnread(n) {
    unread = n;
    badge.textContent = n ? ", " + n + " new" : "";
    badge.hidden = !n;
  }

  var titleEl = el("h2", { id: ids.title, className: "blc-title", text: config.title });
  var privacyLink = link("Privacy notice", safeHref(config.privacyUrl) || appBase + "privacy");
  privacyLink.className = "blc-privacy";
  var closeBtn = el("button", { type: "button", className: "blc-close", "aria-label": "Close chat" }, [
    el("span", { "aria-hidden": "true", text: "\u00D7" }),
  ]);
  var header = el("div", { className: "blc-header" }, [
    el("div", { className: "blc-heading" }, [
      titleEl,
      el("p", { className: "blc-sub" }, [
        // hidden on a short screen (400% zoom), where the privacy link stays (browser probe s46)
        el("span", { className: "blc-sub-text", text: "Your answers help shape Buckinghamshire's strategy. " }),
        privacyLink,
      ]),
    ]),
    closeBtn,
  ]);

  var banner = el("div", { className: "blc-banner", role: "status", "aria-live": "polite" });
  banner.hidden = true;

  var log = el("div", {
    className: "blc-log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    "aria-label": "Conversation",
    tabindex: "0",
  });

  var TYPING_TEXT = "The assistant is typing\u2026";
  var SLOW_TEXT = "Still working on a reply\u2026 thanks for waiting.";
  var typingText = el("span", { className: "blc-typing-text", text: TYPING_TEXT });
  var typing = el("div", { className: "blc-typing", "aria-hidden": "true" }, [
    el("span", { className: "blc-dot" }),
    el("span", { className: "blc-dot" }),
    el("span", { className: "blc-dot" }),
    typingText,
  ]);
  typing.hidden = true;

  var input = el("textarea", {
    id: ids.input,
    className: "blc-input",
    rows: "1",
    dir: "auto",
    "aria-describedby": ids.hint + " " + ids.count + " " + ids.over,
    autocomplete: "off",
    placeholder: "Type your message\u2026",
  });
  var count = el("span", { id: ids.count, className: "blc-count", text: "0 / " + MAX });
  var hint = el("span", {
    id: ids.hint,
    className: "blc-sr",
    text: "Up to " + MAX + " characters. Press Enter to send, Shift+Enter for a new line.",
  });
  var overNote = el("p", { id: ids.over, className: "blc-over" });
  overNote.hidden = true;
  var sendBtn = el("button", { type: "submit", className: "blc-send", text: "Send" });
  var form = el("form", { className: "blc-form", novalidate: true }, [
    overNote,
    el("label", { for: ids.input, className: "blc-sr", text: "Your message" }),
    input,
    el("div", { className: "blc-form-side" }, [sendBtn, count]),
    hint,
  ]);

  var panel = el("div", {
    id: ids.panel,
    className: "blc-panel",
    role: "dialog",
    "aria-modal": "false",
    "aria-labelledby": ids.title,
  }, [header, banner, log, typing, form]);
  panel.hidden = true;

  // English, left to right, whatever the host page is: on a page in Arabic (lang="ar"
  // dir="rtl") the widget laid out right to left and a screen reader read its English as
  // Arabic (browser probe s46). Messages keep dir="auto", so Arabic typed in them reads right
  // to left in its own bubble.
  var root = el("div", { className: "blc-root", "data-bucks-lis-chat": "", lang: "en", dir: "ltr" }, [
    panel,
    launcher,
  ]);

  // ---------------------------------------------------------------- messages
  function statusText(m) {
    if (m.status === "queued") return "Not sent yet \u2013 it will be sent when the connection is back";
    if (m.status === "sending") return "Sending\u2026";
    if (m.status === "failed") return "Not confirmed as sent";
    return "";
  }

  function renderMessage(m) {
    var who = m.from === "user" ? "You" : m.from === "error" ? "Problem" : "Assistant";
    // dir=auto: Arabic, Urdu or Hebrew lay out right to left (browser probe, 7 Dec)
    var bubble = el("div", { className: "blc-bubble", dir: "auto" });
    renderText(bubble, m.text, m.from !== "user");
    var item = el("div", { "data-id": m.id }, [
      el("span", { className: "blc-sr", text: who + ": " }),
      bubble,
    ]);
    decorate(item, m);
    return item;
  }

  // The parts of a message that change (status, live buttons), patched in place so the
  // live region does not read the whole message out again.
  function decorate(item, m) {
    item.className = "blc-msg blc-" + m.from + (m.status ? " blc-" + m.status : "");
    if (m.status) item.setAttribute("data-status", m.status);
    else item.removeAttribute("data-status");
    Array.prototype.slice.call(item.querySelectorAll(".blc-status, .blc-quick")).forEach(
      function (node) {
        node.parentNode.removeChild(node);
      }
    );

    if (m.from === "user" && m.status && m.status !== "sent") {
      var st = el("div", {
        className: "blc-status",
        text: statusText(m),
        "aria-hidden": m.status === "sending" ? "true" : null,
      });
      if (m.status === "failed") {
        var retry = el("button", { type: "button", className: "blc-retry", text: "Retry" });
        retry.setAttribute("aria-label", "Retry sending: " + m.text.slice(0, 60));
        retry.addEventListener("click", function () {
          delete fromOtherTab[m.id]; // retried here: this tab sends it now
          sentHere[m.id] = true;
          m.status = "queued";
          updateMessage(m);
          saveState();
          flush();
          input.focus();
        });
        st.appendChild(document.createTextNode(" "));
        st.appendChild(retry);
      }
      item.appendChild(st);
    }

    if (m.buttons && m.buttons.length && !m.answered) {
      var group = el("div", { className: "blc-quick", role: "group", "aria-label": "Reply options" });
      m.buttons.forEach(function (b) {
        var btn = el("button", { type: "button", className: "blc-quick-btn", text: b.title });
        btn.addEventListener("click", function () {
          m.answered = true;
          updateMessage(m);
          send(b.payload, b.title);
          input.focus();
        });
        group.appendChild(btn);
      });
      item.appendChild(group);
    }
  }

  function updateMessage(m) {
    var item = log.querySelector('[data-id="' + m.id + '"]');
    if (item) decorate(item, m);
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  // A phone's on-screen keyboard shrinks the panel, and the log kept its scroll position:
  // the question just asked, and its buttons, went out of sight below (browser probe s45).
  // Whoever was at the latest message stays there when the log changes size.
  var logAtEnd = true;
  log.addEventListener("scroll", function () {
    logAtEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  });
  if (window.ResizeObserver) {
    new window.ResizeObserver(function () {
      if (logAtEnd) scrollDown();
    }).observe(log);
  }

  // Buttons offered so far go: a new question brings its own, and once the business has
  // said anything more the earlier question was answered. Left live after a typed answer, a
  // question's buttons could be pressed ten questions later, and a stale "Yes, that's right"
  // (/affirm) answered whatever was being asked then (browser probe s46).
  function retireButtons() {
    state.messages.forEach(function (old) {
      if (old.buttons && old.buttons.length && !old.answered) {
        old.answered = true;
        updateMessage(old);
      }
    });
  }

  function addMessage(m) {
    if (!m.id) m.id = randomId().slice(0, 12);
    if ((m.from === "bot" && m.buttons && m.buttons.length) || (m.from === "user" && !m.hidden)) {
      retireButtons();
    }
    if (m.from === "user") sentHere[m.id] = true;
    state.messages.push(m);
    saveState();
    if (!m.hidden) {
      log.appendChild(renderMessage(m));
      scrollDown();
      if (panel.hidden && m.from !== "user") setUnread(unread + 1);
    }
    return m;
  }

  // ---------------------------------------------------------------- typing indicator
  var typingTimer = null;
  var slowTimer = null;
  function showTyping(on) {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    clearTimeout(slowTimer);
    typingText.textContent = TYPING_TEXT;
    if (on) {
      typingTimer = setTimeout(function () {
        typing.hidden = true;
      }, config.ackTimeoutMs);
      // The dots are hidden from screen readers: a slow turn (up to the 45 s ack wait) was
      // silence for them, and dots only for everyone (browser probe s45). After a while the
      // indicator says so, and the status region reads it out once.
      slowTimer = setTimeout(function () {
        typingText.textContent = SLOW_TEXT;
        announce(SLOW_TEXT);
      }, Math.max(0, Number(config.slowReplyMs) || 8000));
      scrollDown();
    }
  }

  // ---------------------------------------------------------------- connection
  var socket = null;
  var ready = false; // connected and session confirmed
  var everConnected = false;

  function setBanner(text) {
    banner.textContent = text || "";
    banner.hidden = !text;
    root.classList.toggle("blc-is-offline", !!text);
  }

  // "You're offline" only when the device is: with the chat server out of reach (a restart,
  // an office firewall) it sent business owners to check their own wifi (browser probe s45).
  function offlineBanner() {
    setBanner(
      (navigator.onLine === false
        ? "You're offline. Reconnecting\u2026"
        : "Can't reach the chat just now. Trying again\u2026") +
        " Messages you write now will be sent when the connection is back."
    );
  }

  function flush() {
    if (!ready || !socket) {
      var waiting = state.messages.some(function (m) {
        return m.status === "queued";
      });
      if (waiting && everConnected) offlineBanner();
      return;
    }
    state.messages.forEach(function (m) {
      if (m.from !== "user" || m.status !== "queued" || fromOtherTab[m.id]) return;
      // Every send of one message carries its id (the Retry button, a re-send after a
      // reconnect or a reload): the server then knows a resend of a turn it already saved
      // and replays its replies instead of storing the answer twice. A message queued by
      // an older version of the widget has none yet (or a damaged one, which the server
      // would refuse): it gets one now, kept for its later sends.
      if (!validMessageId(m.messageId)) m.messageId = randomId();
      m.status = "sending";
      updateMessage(m);
      showTyping(true);
      socket
        .timeout(config.ackTimeoutMs)
        .emit(
          "user_uttered",
          { message: m.payload || m.text, session_id: state.senderId, message_id: m.messageId },
          function (err, res) {
            if (err && m.replied) {
              // The ack was lost (a dropped connection, a slow turn) but the bot's replies
              // to this message came: it arrived, so it stays sent and offers no Retry.
              m.status = "sent";
            } else if (m.hidden && (err || (res && res.error === "server_error"))) {
              // The opening message is invisible, so it cannot show Retry: send it
              // again on the next connection instead.
              m.status = "queued";
              showTyping(false);
            } else if (err || (res && res.ok === false)) {
              m.status = "failed";
              showTyping(false);
            } else {
              m.status = "sent";
            }
            updateMessage(m);
            saveState();
          }
        );
    });
    saveState();
  }

  function send(payload, display, first) {
    var text = String(payload).trim();
    if (!text) return false;
    if (charCount(text) > MAX) return false;
    var m = addMessage({
      from: "user",
      text: display || text,
      payload: text,
      messageId: randomId(), // the same on every send of this message (see flush)
      status: "queued",
      hidden: display === false,
      ts: Date.now(),
    });
    if (first) sendBeforeQueued(m);
    flush();
    if (!ready) {
      if (everConnected) offlineBanner();
      else setBanner("Connecting\u2026 Your message will be sent as soon as the chat is connected.");
    }
    return true;
  }

  // The opening message goes before anything typed while the chat was still connecting for
  // the first time (offline, a slow server): sent after it, the business's words reached the
  // bot before the greeting, were answered before consent was asked, and then the bot
  // greeted as if nothing had been said (browser probe s46). The opening message is hidden,
  // so only the order of sending changes, not the log.
  function sendBeforeQueued(m) {
    state.messages.splice(state.messages.indexOf(m), 1);
    var at = state.messages.length;
    for (var i = 0; i < state.messages.length; i++) {
      var other = state.messages[i];
      if (other.from === "user" && PENDING.indexOf(other.status) >= 0) {
        at = i;
        break;
      }
    }
    state.messages.splice(at, 0, m);
    saveState();
  }

  // After "forget me" the bot sends {"bucks_lis": "forgotten"} (a Rasa response with
  // `custom: {data: {bucks_lis: forgotten}}`): the copy on this device goes too. Every open
  // tab hears it; `forgetAt` tells the others (adoptOtherTab) never to merge an older copy
  // back: another tab kept showing the conversation and saved it again (browser probe s45).
  function forgetLocalCopy() {
    var last = state.messages[state.messages.length - 1];
    if (last && last.forgetNotice) return; // another tab's forgetting already came here
    state.forgetAt = Date.now();
    state.messages = state.messages.filter(function (m) {
      return m.from === "bot" && m === state.messages[state.messages.length - 1];
    });
    while (log.firstChild) log.removeChild(log.firstChild);
    state.messages.forEach(function (m) {
      log.appendChild(renderMessage(m));
    });
    // named after the reply it follows, so a second open tab does not add its own copy
    var noticeId = "f" + (state.messages.length ? state.messages[0].id : "0");
    if (knownId(noticeId)) return;
    addMessage({
      id: noticeId,
      from: "bot",
      text: "This device no longer keeps a copy of the conversation.",
      forgetNotice: true,
      ts: Date.now(),
    });
  }

  // The server names the message each reply answers (`reply_to`, the message's id): a
  // reply is proof the message arrived, whatever becomes of its ack.
  function markReplied(messageId) {
    if (!validMessageId(messageId)) return;
    state.messages.forEach(function (m) {
      if (m.from !== "user" || m.messageId !== messageId) return;
      m.replied = true;
      if (m.status !== "sent") {
        m.status = "sent";
        updateMessage(m);
      }
    });
    saveState();
  }

  // Every tab of a conversation is in its socket.io room, so each hears every reply. Each
  // kept its copy under a random id and merged the other tab's too: with two tabs open every
  // reply showed twice (browser probe s45). A reply to a named message is named by that
  // message's id and its content, the same in every tab, so it is kept once (and a replay of
  // it after a resend is not shown again).
  function replyId(replyTo, text, buttons) {
    var s = replyTo + "\u0000" + text + "\u0000" + JSON.stringify(buttons);
    var a = 0x811c9dc5;
    var b = 0x2a6f1c3d;
    for (var i = 0; i < s.length; i++) {
      a = Math.imul(a ^ s.charCodeAt(i), 0x01000193) >>> 0;
      b = Math.imul(b ^ s.charCodeAt(i), 0x5bd1e995) >>> 0;
    }
    return "r" + a.toString(16) + b.toString(16);
  }

  function knownId(id) {
    return state.messages.some(function (m) {
      return m.id === id;
    });
  }

  function onBotUttered(data) {
    if (!data || typeof data !== "object") return;
    if (data.bucks_lis === "forgotten") {
      forgetLocalCopy();
      return;
    }
    showTyping(false);
    var buttons = [];
    var offered = Array.isArray(data.quick_replies) ? data.quick_replies : data.buttons;
    (Array.isArray(offered) ? offered : []).forEach(function (q) {
      if (q && typeof q.title === "string" && typeof q.payload === "string") {
        buttons.push({ title: q.title, payload: q.payload });
      }
    });
    markReplied(data.reply_to);
    var text = typeof data.text === "string" ? data.text : "";
    var attachment = data.attachment;
    if (!text && attachment && attachment.payload && typeof attachment.payload.src === "string") {
      text = attachment.payload.src; // rendered as a link if it is http(s)
    }
    if (!text && !buttons.length) return;
    var id = validMessageId(data.reply_to) ? replyId(data.reply_to, text, buttons) : undefined;
    if (id && knownId(id)) return; // the other tab already kept it, or a replay of it
    addMessage({
      id: id,
      from: data.error ? "error" : "bot",
      text: text,
      buttons: buttons,
      ts: Date.now(),
    });
  }

  function connect() {
    if (socket) return;
    if (typeof window.io !== "function") {
      setBanner("The chat could not load. Please reload the page.");
      return;
    }
    var url = new URL(config.socketUrl, document.baseURI);
    socket = window.io(url.origin, {
      path: config.socketPath,
      transports: config.transports || ["websocket", "polling"],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: 10000,
    });
    socket.on("connect", function () {
      socket.emit("session_request", { session_id: state.senderId });
    });
    socket.on("session_confirm", function (sessionId) {
      var id = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
      if (id && id !== state.senderId) {
        state.senderId = id;
        saveState();
      }
      var wasOffline = everConnected && !banner.hidden;
      ready = true;
      everConnected = true;
      setBanner("");
      if (wasOffline) announce("Connected again.");
      if (!state.started) {
        state.started = true;
        saveState();
        if (config.initPayload) send(config.initPayload, false, true);
      }
      flush();
    });
    socket.on(config.botMessageEvent || "bot_uttered", onBotUttered);
    socket.on("disconnect", function (reason) {
      ready = false;
      showTyping(false);
      offlineBanner();
      // socket.io does not reconnect by itself after a server-side disconnect
      // (e.g. Rasa restarted behind a proxy, or a server kick): try again shortly.
      if (reason === "io server disconnect" && navigator.onLine !== false) {
        setTimeout(function () {
          if (!socket.connected) socket.connect();
        }, 1000 + Math.floor(Math.random() * 1000));
      }
    });
    socket.on("connect_error", function () {
      ready = false;
      offlineBanner();
    });
  }

  function goOffline() {
    ready = false;
    offlineBanner();
    if (socket) socket.disconnect();
  }

  function goOnline() {
    if (socket && !socket.connected) socket.connect();
  }

  var live = el("div", { className: "blc-sr", role: "status", "aria-live": "polite" });
  function announce(text) {
    live.textContent = "";
    setTimeout(function () {
      live.textContent = text;
    }, 50);
  }

  // ---------------------------------------------------------------- open / close
  function open(focus) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("blc-is-open");
    setUnread(0);
    state.open = true;
    saveState();
    ioReady.then(connect, function () {
      setBanner("The chat could not load. Please reload the page.");
    });
    scrollDown();
    if (focus !== false) input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("blc-is-open");
    state.open = false;
    saveState();
    launcher.focus();
  }

  launcher.addEventListener("click", function () {
    if (panel.hidden) open();
    else close();
  });
  closeBtn.addEventListener("click", close);
  // At phone width (and at 400% zoom on a desktop: 320 CSS pixels) the open panel covers the
  // page (the stylesheet's 480px breakpoint): it is modal then, and Tab wraps inside it; it
  // went on to links hidden behind the panel (browser probe s45).
  var coversPage = window.matchMedia ? window.matchMedia("(max-width: 480px)") : null;
  function syncModal() {
    panel.setAttribute("aria-modal", coversPage && coversPage.matches ? "true" : "false");
  }
  if (coversPage && coversPage.addEventListener) coversPage.addEventListener("change", syncModal);
  else if (coversPage && coversPage.addListener) coversPage.addListener(syncModal);

  function wrapTab(e) {
    var items = Array.prototype.filter.call(
      panel.querySelectorAll("a[href], button, textarea, [tabindex='0']"),
      function (n) {
        return !n.disabled && n.getClientRects().length > 0;
      }
    );
    var edge = e.shiftKey ? items[0] : items[items.length - 1];
    if (!edge || document.activeElement !== edge) return;
    e.preventDefault();
    (e.shiftKey ? items[items.length - 1] : items[0]).focus();
  }

  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape" || e.key === "Esc") {
      e.preventDefault();
      close();
    } else if (e.key === "Tab" && coversPage && coversPage.matches) {
      wrapTab(e);
    }
  });

  // Characters as the server counts them: an emoji is one, not two UTF-16 units.
  function charCount(text) {
    return Array.from(text).length;
  }

  function tooLong(over) {
    return (
      "Your message has " + over + (over === 1 ? " character" : " characters") +
      " too many (the limit is " + MAX + "): shorten it, or send it in two messages."
    );
  }

  // No maxlength on the box: it cut a long paste at the limit and the rest was gone, with
  // nothing said to a screen reader (browser probe s45). All of it stays; the count says how
  // much is over, and Send waits until it fits (the GOV.UK character count pattern).
  var wasOver = false;
  function updateCount() {
    var n = charCount(input.value);
    var over = n - MAX;
    count.textContent = n + " / " + MAX;
    count.classList.toggle("blc-count-near", n >= MAX * 0.9);
    overNote.textContent = over > 0 ? tooLong(over) : "";
    overNote.hidden = over <= 0;
    if (over > 0) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (over > 0 && !wasOver) announce(tooLong(over)); // said once, as it goes over
    wasOver = over > 0;
    // Growing the box shrinks the log: keep the latest question in view if it was
    var atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 120) + "px";
    if (atEnd) log.scrollTop = log.scrollHeight;
  }

  input.addEventListener("input", updateCount);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    var over = charCount(text.trim()) - MAX;
    if (over > 0) announce(tooLong(over)); // kept in the box to shorten
    else if (send(text)) {
      input.value = "";
      updateCount();
    }
    input.focus();
  });

  window.addEventListener("offline", goOffline);
  window.addEventListener("online", goOnline);
  // Another tab of the same site changed the conversation: keep its sender id and show
  // what was said there: a message typed in one tab reaches the other only this way, so two
  // open tabs used to drift apart, and the last to save overwrote the other's history
  // (browser probe, 7 Dec; replies reach both tabs, named alike: see replyId). Messages are
  // merged by id in the other tab's order; this tab's own unsent ones stay at the end, and
  // nothing is saved back, so tabs never echo each other.
  function adoptOtherTab(other) {
    if (!other || typeof other !== "object" || !Array.isArray(other.messages)) return;
    var theirs = Number(other.forgetAt) || 0;
    var ours = Number(state.forgetAt) || 0;
    if (theirs < ours) return; // a copy from before "forget me": never merged back
    if (theirs > ours) {
      // "forget me" in the other tab: its copy replaces this one (browser probe s45)
      state.forgetAt = theirs;
      state.messages = [];
      while (log.firstChild) log.removeChild(log.firstChild);
    }
    if (typeof other.senderId === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(other.senderId)) {
      state.senderId = other.senderId;
    }
    var mine = {};
    state.messages.forEach(function (m) {
      mine[m.id] = m;
    });
    var seen = {};
    var merged = [];
    other.messages.forEach(function (m) {
      if (!m || typeof m !== "object" || typeof m.id !== "string" || seen[m.id]) return;
      if (typeof m.text !== "string" || ["user", "bot", "error"].indexOf(m.from) < 0) return;
      seen[m.id] = true;
      var own = mine[m.id];
      if (own && !(sentHere[own.id] && PENDING.indexOf(own.status) >= 0)) {
        // the other tab's copy is fresher (it was sent, answered or replied to there)
        if (own.answered) m.answered = true;
        merged.push(m);
      } else if (own) {
        merged.push(own); // this tab is still sending it: its status is this tab's
      } else {
        if (m.from === "user") fromOtherTab[m.id] = true; // that tab sends it, not this one
        merged.push(m);
      }
    });
    state.messages.forEach(function (m) {
      if (!seen[m.id]) merged.push(m);
    });
    var before = state.messages.map(function (m) {
      return m.id;
    });
    var appendOnly = before.every(function (id, i) {
      return merged[i] && merged[i].id === id;
    });
    markAnswered(merged);
    state.messages = merged;
    if (appendOnly) {
      // the usual case: the other tab said more; add it without re-reading the log aloud
      merged.slice(before.length).forEach(function (m) {
        if (!m.hidden) log.appendChild(renderMessage(m));
      });
      merged.slice(0, before.length).forEach(function (m) {
        var item = log.querySelector('[data-id="' + m.id + '"]');
        if (item && m.hidden) item.parentNode.removeChild(item);
        else if (item) decorate(item, m);
      });
    } else {
      while (log.firstChild) log.removeChild(log.firstChild);
      merged.forEach(function (m) {
        if (!m.hidden) log.appendChild(renderMessage(m));
      });
    }
    if (merged.length !== before.length) scrollDown();
  }

  window.addEventListener("storage", function (e) {
    if (e.key !== STORE_KEY || !e.newValue) return;
    try {
      adoptOtherTab(JSON.parse(e.newValue));
    } catch (err) {
      /* another tab's copy is unreadable: keep ours */
    }
  });

  // ---------------------------------------------------------------- start
  function loadAsset(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = el(tag, attrs);
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  // A page enforcing Trusted Types (`require-trusted-types-for 'script'`) refuses a plain
  // string as a script's address: socket.io-client never loaded and the chat could not
  // connect (browser probe s45). The one script the widget adds goes through its own policy,
  // which the site allows by naming `bucks-lis-chat` in its `trusted-types` directive.
  function trustedScriptUrl(url) {
    var tt = window.trustedTypes;
    if (!tt || typeof tt.createPolicy !== "function") return url;
    try {
      return tt
        .createPolicy("bucks-lis-chat", {
          createScriptURL: function (u) {
            if (u !== url) throw new TypeError("not the chat widget's script");
            return u;
          },
        })
        .createScriptURL(url);
    } catch (e) {
      return url; // the site does not allow the policy: the chat says it could not load
    }
  }

  function mount() {
    syncModal();
    root.appendChild(live);
    document.body.appendChild(root);
    state.messages.forEach(function (m) {
      if (!m.hidden) log.appendChild(renderMessage(m));
    });
    updateCount();
    document.querySelectorAll("[data-bucks-lis-chat-open]").forEach(function (b) {
      b.addEventListener("click", function (e) {
        e.preventDefault();
        open();
      });
    });
    if (state.open || config.open) open(false);
  }

  var cssReady = document.querySelector("link[data-bucks-lis-chat-css]")
    ? Promise.resolve()
    : loadAsset("link", {
        rel: "stylesheet",
        href: assetBase + "bucks-lis-chat.css",
        "data-bucks-lis-chat-css": "",
      }).catch(function () {});
  var ioReady =
    typeof window.io === "function"
      ? Promise.resolve()
      : loadAsset("script", { src: trustedScriptUrl(assetBase + "vendor/socket.io.min.js") });

  function start() {
    cssReady.then(mount);
  }

  window.BucksLISChatWidget = {
    open: open,
    close: close,
    send: function (text) {
      return send(text);
    },
    get senderId() {
      return state.senderId;
    },
    get connected() {
      return ready;
    },
    config: config,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

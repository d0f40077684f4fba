/* genebot help widget: one tag adds it to any page.
 *   <script src="https://host/widget.js" data-endpoint="https://host" defer></script>
 * No framework, no build step, no cookies, no storage: the conversation lives in memory.
 * Everything the user or the bot says is set with textContent, never parsed as HTML.
 * Theming: CSS custom properties (--genebot-accent, --genebot-font, ...) in widget.css. */
(function () {
  "use strict";
  if (window.genebotWidget) return;
  var script = document.currentScript;
  var endpoint = (script && script.getAttribute("data-endpoint")) ||
    (script && script.src ? new URL(script.src, location.href).origin : location.origin);
  endpoint = endpoint.replace(/\/+$/, "");
  // Interface strings: English built in; a site can pass its own (another language) as
  // window.genebotStrings = { launcher: "...", ... } before this script.
  var STRINGS = {
    launcher: "Questions about gene therapy?", title: "Gene therapy questions", close: "Close chat",
    input: "Your question about gene therapy", placeholder: "Type your question\u2026", send: "Send",
    waiting: "Waiting\u2026", waitingReason: "genebot is still answering your last message", retry: "Retry",
    notice: "Not medical advice. In an emergency call 911."
  };
  var given = window.genebotStrings;
  if (given && typeof given === "object") {
    Object.keys(STRINGS).forEach(function (key) { if (typeof given[key] === "string") STRINGS[key] = given[key]; });
  }
  var NOTICE = STRINGS.notice;
  function attr(name, fallback) {
    var value = script && script.getAttribute(name);
    return value ? String(value) : fallback;
  }
  var TIMEOUT_MS = 15000;

  var state = null;        // the opaque, signed state from the last reply
  var latestReply = 0;     // id of the last bot reply: its suggestions can be sent as numbers
  var replies = 0;
  var busy = false;
  var welcomed = false;
  var disclaimer = NOTICE;
  var labels = { suggestions: "You could also ask:", sources: "Source:" };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function bubbleIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("class", "launcher-icon");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
    svg.appendChild(path);
    return svg;
  }

  // --- the DOM, inside a shadow root so the page's CSS and ours never mix ---------------
  // A custom element, not <aside>: a page's rules for its own elements (aside { display: none })
  // never match it, and the shadow root's `:host { all: initial }` resets what is inherited.
  var host = el("genebot-widget");
  host.id = "genebot-widget";
  host.setAttribute("role", "complementary");
  host.setAttribute("aria-label", attr("data-title", "Gene therapy questions") + " chat");
  host.setAttribute("lang", attr("data-lang", "en")); // its words are English unless told otherwise
  host.hidden = true; // until the stylesheet applies
  var root = host.attachShadow({ mode: "open" });
  // The stylesheet is inside this script (the server puts widget.css here), applied as a
  // constructed stylesheet: no second request that can fail, and nothing shows unstyled.
  var CSS = "__GENEBOT_CSS__";
  var sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    sheet = el("style", null, CSS); // older browsers: a <style> in the shadow root
  }
  host.hidden = false;

  var launcher = el("button", "launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "panel");
  launcher.appendChild(bubbleIcon());
  launcher.appendChild(el("span", "launcher-text", STRINGS.launcher));

  var panel = el("section", "panel");
  panel.id = "panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "title");
  var header = el("div", "header");
  var title = el("h2", "title", attr("data-title", STRINGS.title));
  title.id = "title";
  var close = el("button", "close", "\u00d7");
  close.type = "button";
  close.setAttribute("aria-label", STRINGS.close);
  header.append(title, close);
  var notice = el("p", "notice", NOTICE);
  var log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-label", "Conversation");
  log.setAttribute("aria-live", "off"); // announced through the regions below, once each
  log.tabIndex = 0;
  var polite = el("div", "sr-only");
  polite.setAttribute("aria-live", "polite");
  var urgent = el("div", "sr-only");
  urgent.setAttribute("aria-live", "assertive");
  var form = el("form", "form");
  var label = el("label", "sr-only", STRINGS.input);
  label.htmlFor = "input";
  var input = el("input", "input");
  input.id = "input";
  input.type = "text";
  input.maxLength = 500;
  input.autocomplete = "off";
  input.placeholder = STRINGS.placeholder;
  input.setAttribute("enterkeyhint", "send");
  input.setAttribute("dir", "auto");  /* typing right to left lays out right to left */
  var send = el("button", "send", STRINGS.send);
  send.type = "submit";
  form.append(label, input, send);
  panel.append(header, notice, log, polite, urgent, form);
  root.append.apply(root, (sheet && sheet.nodeType ? [sheet] : []).concat([launcher, panel]));

  // --- opening and closing ----------------------------------------------------------------
  function emit(name, detail) {
    host.dispatchEvent(new CustomEvent("genebot:" + name, { detail: detail, bubbles: true, composed: true }));
  }

  function open() {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    input.focus();
    if (!welcomed) welcome();
    emit("open", {});
  }

  function shut() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  close.addEventListener("click", shut);
  var fullScreen = window.matchMedia ? window.matchMedia("(max-width: 480px), (max-height: 480px)") : null;
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); shut(); return; }
    // Full-screen on a phone, the page behind is hidden: Tab stays inside the panel.
    if (event.key !== "Tab" || !fullScreen || !fullScreen.matches) return;
    var items = Array.prototype.filter.call(
      panel.querySelectorAll("button, input, a[href], [tabindex='0']"),
      function (node) { return !node.disabled && node.offsetParent !== null; });
    if (!items.length) return;
    var first = items[0], last = items[items.length - 1], active = root.activeElement;
    if (event.shiftKey && active === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && active === last) { event.preventDefault(); first.focus(); }
  });

  // --- talking to the server --------------------------------------------------------------
  function request(path, body) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    var options = { credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
                    signal: controller.signal };
    if (body !== undefined) {
      options.method = "POST";
      options.headers = { "Content-Type": "application/json" };
      options.body = JSON.stringify(body);
    }
    return fetch(endpoint + path, options).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok || !data || typeof data.body !== "string") {
          var error = new Error("HTTP " + response.status);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    }).finally(function () { clearTimeout(timer); });
  }

  // Opt-in continuity (data-persist="session"): the conversation is kept in this tab's
  // sessionStorage for this site only, and gone when the tab closes. Off by default.
  var persist = attr("data-persist", "") === "session" && (function () {
    try { return window.sessionStorage; } catch (e) { return null; }
  })();
  var storeKey = "genebot:" + endpoint;
  var transcript = [];

  function remember(entry, first) {
    if (!persist) return;
    if (first) transcript.unshift(entry); else transcript.push(entry);
    try { persist.setItem(storeKey, JSON.stringify({ state: state, transcript: transcript.slice(-60) })); }
    catch (e) { /* storage full or refused: continuity is only a convenience */ }
  }

  function restore() {
    if (!persist) return false;
    var saved = null;
    try { saved = JSON.parse(persist.getItem(storeKey) || "null"); } catch (e) { saved = null; }
    if (!saved || !Array.isArray(saved.transcript) || !saved.transcript.length) return false;
    var entries = saved.transcript;
    persist = null; // replaying must not store the entries twice
    entries.forEach(function (entry) {
      if (entry && entry.who === "user") addBubble("user", String(entry.text));
      else if (entry && entry.data) showReply(entry.data);
    });
    persist = window.sessionStorage;
    transcript = entries;
    state = typeof saved.state === "string" ? saved.state : null;
    welcomed = true;
    return true;
  }

  function welcome() {
    welcomed = true;
    var typing = showTyping();
    request("/api/welcome").then(function (data) {
      if (data.labels) labels = data.labels;
      /* A question asked at once (genebotWidget.ask on load) may be answered first: the
       * welcome still goes where its typing dots were, above it, and first in the transcript. */
      var overtaken = typing.nextSibling !== null;  /* something was said after the dots */
      showReply(data, typing);
      typing.remove();
      remember({ who: "bot", data: data }, overtaken);
    }, function (error) {
      welcomed = false; // try again next time the panel opens
      typing.remove();
      showError(error.status || 0, error.name === "AbortError");
    });
  }

  /* Send one message; `display` is what the person sees as their own words. On failure it
   * goes back in the text box, so nothing is lost. */
  function setBusy(value) {
    busy = value;
    send.disabled = value;
    send.textContent = value ? STRINGS.waiting : STRINGS.send;
    send.title = value ? STRINGS.waitingReason : "";
  }

  function ask(message, display) {
    if (busy) return false;
    setBusy(true);
    var mine = addBubble("user", display);
    var typing = showTyping();
    request("/api/chat", { message: message, state: state }).then(function (data) {
      state = typeof data.state === "string" ? data.state : null;
      remember({ who: "user", text: display });
      showReply(data, typing);
      typing.remove();
      remember({ who: "bot", data: data });
    }, function (error) {
      typing.remove();
      mine.classList.add("unsent");
      mine.appendChild(el("span", "unsent-note", " (not sent)"));
      if (!input.value) input.value = display; // nothing typed (or clicked) is lost
      showError(error.status || 0, error.name === "AbortError", function () {
        if (input.value === display) input.value = "";
        ask(message, display);
      });
    }).finally(function () {
      setBusy(false);
      log.removeAttribute("aria-busy");
    });
    return true;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { input.focus(); return; }
    if (ask(text, text)) input.value = "";
  });

  // --- showing the conversation -----------------------------------------------------------
  function addBubble(who, text, before) {
    var bubble = el("div", "msg " + who);
    bubble.appendChild(el("span", "sr-only", who === "user" ? "You said: " : "genebot said: "));
    var body = bubble.appendChild(el("p", "body", text));
    /* what the user typed is laid out by its own direction: Arabic, Hebrew, Persian right to left */
    if (who === "user") body.setAttribute("dir", "auto");
    if (before && before.parentNode === log) log.insertBefore(bubble, before); else log.appendChild(bubble);
    reveal(bubble);
    return bubble;
  }

  function showTyping() {
    var typing = el("div", "msg bot typing");
    typing.appendChild(el("span", "sr-only", "genebot is typing"));
    for (var i = 0; i < 3; i++) typing.appendChild(el("span", "dot")).setAttribute("aria-hidden", "true");
    log.setAttribute("aria-busy", "true");
    log.appendChild(typing);
    reveal(typing);
    return typing;
  }

  function showReply(data, before) {
    var id = ++replies;
    if (data.state !== undefined) latestReply = id;
    var emergency = data.kind === "emergency";
    var linked = emergency || data.urgency === "support";  /* 988 and 911 as links to call or text */
    var bubble = addBubble("bot" + (emergency ? " emergency" : ""), linked ? "" : data.body, before);
    if (linked) bubble.replaceChild(withPhoneLinks(String(data.body)), bubble.querySelector(".body"));
    bubble.setAttribute("data-kind", String(data.kind));
    if (data.urgency) bubble.setAttribute("data-urgency", String(data.urgency));
    if (data.topic) bubble.setAttribute("data-topic", String(data.topic));
    /* a line in the writer's own language first (answers/languages/), marked as that language
       so a screen reader speaks it in the right voice */
    if (data.translation && data.language) {
      bubble.insertBefore(withPhoneLinks(String(data.translation), String(data.language)), bubble.querySelector(".body"));
    }
    if (emergency) bubble.insertBefore(el("p", "badge", "Urgent"), bubble.children[1]);
    var sources = Array.isArray(data.sources) ? data.sources : [];
    if (sources.length) bubble.appendChild(sourceList(sources));
    var suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
    if (suggestions.length) bubble.appendChild(suggestionButtons(suggestions, data.kind, id));
    if (data.disclaimer) disclaimer = String(data.disclaimer);
    bubble.appendChild(el("p", "disclaimer", disclaimer));
    var urgent = emergency || data.urgency === "soon" || data.urgency === "support";
    var cited = sources.map(function (source) { return String(source.title || ""); }).filter(Boolean);
    announce((emergency ? "Urgent. " : "") + (data.translation ? data.translation + " " : "") + data.body +
      (cited.length ? " " + labels.sources + " " + cited.join("; ") + "." : "") +
      (suggestions.length ? " " + suggestionLead(data.kind) + " " + suggestions.join("; ") : ""), urgent);
    reveal(bubble);
    emit("reply", { kind: data.kind, topic: data.topic || null, urgency: data.urgency || null });
  }

  /* 911 and 988 as links a phone can call (988 also as a text message), the rest as text.
     In a line of another language (`lang`), the numbers only: "text 988" is English. */
  function withPhoneLinks(text, lang) {
    var body = el("p", lang ? "translation" : "body");
    if (lang) { body.setAttribute("lang", lang); body.setAttribute("dir", "auto"); }  /* Arabic, Urdu, Persian: right to left */
    text.split(/\b(911|988)\b/).forEach(function (part, i) {
      if (i % 2 === 0) { if (part) body.appendChild(document.createTextNode(part)); return; }
      var call = el("a", "phone", part);
      call.href = "tel:" + part;
      body.appendChild(call);
      if (part === "988" && !lang) {
        body.appendChild(document.createTextNode(" ("));
        var sms = el("a", "phone", "text 988");
        sms.href = "sms:988";
        body.appendChild(sms);
        body.appendChild(document.createTextNode(")"));
      }
    });
    return body;
  }

  function sourceList(sources) {
    var box = el("div", "sources");
    box.appendChild(el("p", "lead", labels.sources));
    var list = el("ul");
    sources.forEach(function (source) {
      var item = el("li");
      var name = String(source.title || "") + " \u2014 " + String(source.publisher || "");
      if (typeof source.url === "string" && /^https?:\/\//i.test(source.url)) {
        var link = el("a", null, name);
        link.href = source.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.appendChild(el("span", "sr-only", " (opens in a new tab)"));
        item.appendChild(link);
      } else {
        item.textContent = name;
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function suggestionLead(kind) {
    return kind === "clarify" ? "Choices:" : labels.suggestions;
  }

  function suggestionButtons(suggestions, kind, id) {
    var box = el("div", "suggestions");
    box.setAttribute("role", "group");
    var lead = el("p", "lead", suggestionLead(kind));
    lead.id = "lead-" + id;
    box.setAttribute("aria-labelledby", lead.id);
    box.appendChild(lead);
    suggestions.forEach(function (question, index) {
      var button = el("button", "suggestion", question);
      button.type = "button";
      button.addEventListener("click", function () {
        // The latest reply's choices go as their number, which the server resolves exactly
        // against the state; an older reply's choices go as their question text.
        var message = id === latestReply && state ? String(index + 1) : String(question);
        if (ask(message, String(question))) input.focus();
      });
      box.appendChild(button);
    });
    return box;
  }

  function errorText(status, timedOut) {
    if (status === 429) return "You are sending messages faster than I can answer. Please wait a moment and try again.";
    if (status === 413) return "That message is too long for me. Please ask in fewer words.";
    if (status === 403) return "This website is not set up to use genebot yet. The site's owner can fix this; " +
      "it is not a problem with your connection.";
    if (status) return "Sorry, something went wrong on the genebot server. Please try again in a moment.";
    if (timedOut) return "genebot took too long to answer. Please try again.";
    if (navigator.onLine === false) return "You seem to be offline. Please check your connection and try again.";
    return "Sorry, I can't reach the genebot server right now. Please try again in a moment.";
  }

  function showError(status, timedOut, retry) {
    var text = errorText(status, timedOut);
    if (input.value) text += " Your message is still in the box.";
    var bubble = addBubble("bot error", text);
    bubble.setAttribute("data-kind", "error");
    bubble.setAttribute("data-status", String(status || (timedOut ? "timeout" : "offline")));
    if (retry && status !== 403 && status !== 413) {
      var again = el("button", "retry", STRINGS.retry);
      again.type = "button";
      again.addEventListener("click", function () { again.disabled = true; retry(); });
      bubble.appendChild(again);
    }
    bubble.appendChild(el("p", "disclaimer", disclaimer));
    announce(text, true);
  }

  function announce(text, assertive) {
    var region = assertive ? urgent : polite;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function reveal(node) {
    // The newest message's top, or the bottom if it is short: the browser clamps scrollTop.
    log.scrollTop = Math.max(0, node.offsetTop - 8);
  }

  function mount() {
    document.body.appendChild(host);
    if (restore()) { panel.hidden = false; launcher.hidden = true; launcher.setAttribute("aria-expanded", "true"); }
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
  if (attr("data-open", "") === "true") {
    if (document.body) setTimeout(open, 0); else document.addEventListener("DOMContentLoaded", function () { open(); });
  }
  if (attr("data-position", "right") === "left") host.style.setProperty("--genebot-left", "1em");
  if (attr("data-position", "right") === "left") host.style.setProperty("--genebot-right", "auto");
  if (attr("data-accent", "")) host.style.setProperty("--genebot-accent", attr("data-accent", ""));
  /* The page's API: genebotWidget.open(), .close(), .ask("question"); events genebot:open and
   * genebot:reply (detail: kind, topic, urgency) bubble from the widget element. */
  window.genebotWidget = {
    open: open,
    close: shut,
    ask: function (question) { open(); return ask(String(question), String(question)); },
    element: host,
    endpoint: endpoint,
  };
})();

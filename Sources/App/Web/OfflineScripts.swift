/// The offline half of the report form, as progressive enhancement: the form works without any of it.
/// A service worker keeps the form and the framework for when there is no signal and, when a report cannot be
/// sent, keeps it in IndexedDB; the page sends what waits when the connection returns, each report with the
/// client id the server derives its id from, so a retry never stores it twice. Drafts and the queue are kept
/// per account and wiped at sign-out (the person is asked first when reports are still unsent).
enum OfflineScripts {
    /// The queue's store, shared by page and worker.
    static let queue = """
          function agoraDB(cb){
            if (!self.indexedDB) { cb(null); return; }
            var r = indexedDB.open("agora", 1);
            r.onupgradeneeded = function(){ r.result.createObjectStore("queue", {keyPath: "clientId"}); };
            r.onsuccess = function(){ cb(r.result); };
            r.onerror = function(){ cb(null); };
          }
          function agoraWrite(change, cb){
            agoraDB(function(d){
              if (!d) { if (cb) cb(); return; }
              var t = d.transaction("queue", "readwrite");
              change(t.objectStore("queue"));
              t.oncomplete = function(){ if (cb) cb(); };
              t.onerror = function(){ if (cb) cb(); };
            });
          }
          function agoraPut(item, cb){ agoraWrite(function(q){ q.put(item); }, cb); }
          // A queued report's fields, photos and recordings included (older entries kept the form as text).
          function agoraFields(it){
            if (!it.entries) return new URLSearchParams(it.body);
            var f = new FormData();
            it.entries.forEach(function(e){ f.append(e[0], e[1]); });
            return f;
          }
        """

    static let worker = """
        "use strict";
        \(queue)
        var FORM = "agora-form-v1", STATIC = "agora-static-v1";
        self.addEventListener("install", function(){ self.skipWaiting(); });
        self.addEventListener("activate", function(e){ e.waitUntil(self.clients.claim()); });
        function keep(cache, key, res){ if (res.ok) { var copy = res.clone(); caches.open(cache).then(function(c){ c.put(key, copy); }); } return res; }
        self.addEventListener("fetch", function(e){
          var r = e.request, url = new URL(r.url);
          if (url.origin !== self.location.origin) return;
          if (url.pathname === "/report" && r.method === "GET") {
            e.respondWith(fetch(r).then(function(res){ return url.search ? res : keep(FORM, "/report", res); })
              .catch(function(){ return caches.match("/report", {cacheName: FORM}).then(function(m){ return m || Response.error(); }); }));
          } else if (url.pathname === "/report" && r.method === "POST" && r.mode === "navigate"
                     && (r.headers.get("Content-Type") || "").indexOf("multipart/") !== 0) {
            // Reports with photos never come here: Chrome cannot send a navigation's file-backed body again from a
            // worker, so the page queues those itself (below, "with files"). This is the form without them.
            e.respondWith(r.clone().text().then(function(body){
              return fetch(r).catch(function(){
                var f = new URLSearchParams(body), entries = [];
                if (!f.get("clientId") || !f.get("_account")) return Response.error();
                f.forEach(function(v, k){ entries.push([k, v]); });
                return new Promise(function(done){
                  agoraPut({clientId: f.get("clientId"), account: f.get("_account"), entries: entries, at: new Date().toISOString(), state: "waiting"}, done);
                }).then(function(){ return Response.redirect("/report?queued=1", 303); });
              });
            }));
          } else if (url.pathname.indexOf("/static/") === 0 && r.method === "GET") {
            e.respondWith(fetch(r).then(function(res){ return keep(STATIC, r, res); })
              .catch(function(){ return caches.match(r, {cacheName: STATIC}).then(function(m){ return m || Response.error(); }); }));
          }
        });
        """

    static let page = """
        (function(){
          "use strict";
          \(queue)
          var signout = document.querySelector("form[data-account]");
          var account = signout && signout.getAttribute("data-account");
          var store = null;
          try { store = window.localStorage; } catch (e) { store = null; }
          if (store) store.removeItem("agora-draft:report");  // drafts before they were kept per account
          if (account && "serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(function(){});
          function mine(cb){
            agoraDB(function(d){
              if (!d) { cb([]); return; }
              var out = [], c = d.transaction("queue").objectStore("queue").openCursor();
              c.onsuccess = function(){ var x = c.result; if (x) { if (x.value.account === account) out.push(x.value); x.continue(); } else cb(out); };
              c.onerror = function(){ cb([]); };
            });
          }
          function drop(id, cb){ agoraWrite(function(q){ q.delete(id); }, cb); }
          // Drafts: a report being written survives a dropped connection or a closed tab, for this account only.
          var form = document.querySelector("form[data-draft]");
          var key = form && account && ("agora-draft:" + account + ":" + form.getAttribute("data-draft"));
          var sent = document.querySelector("[data-draft-clear]") || /[?&]queued=1/.test(location.search);
          if (form && form.elements.clientId && !form.elements.clientId.value) {
            form.elements.clientId.value = self.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
          }
          if (form && form.elements._account && account) form.elements._account.value = account;
          var queuedNote = document.getElementById("queued-note");
          if (queuedNote && /[?&]queued=1/.test(location.search)) queuedNote.hidden = false;
          function fill(v, files){
            Array.prototype.forEach.call(form.elements, function(el){
              if (el.type === "file" && files && files[el.name] && self.DataTransfer) {
                var dt = new DataTransfer();
                files[el.name].forEach(function(f){ dt.items.add(f); });
                el.files = dt.files;
                return;
              }
              if (!el.name || el.name === "_csrf" || el.name === "_account" || el.type === "file" || !(el.name in v)) return;
              if (el.type === "checkbox") el.checked = v[el.name] === true || v[el.name] === "on"; else el.value = v[el.name];
            });
          }
          if (form && key && store) {
            if (sent) store.removeItem(key);
            var saved = store.getItem(key);
            if (saved) {
              try {
                var v = JSON.parse(saved);
                delete v.clientId;
                fill(v);
                var note = document.getElementById("draft-status");
                if (note) note.textContent = note.getAttribute("data-restored");
              } catch (e) { store.removeItem(key); }
            }
            form.addEventListener("input", function(){
              var v = {};
              Array.prototype.forEach.call(form.elements, function(el){
                if (!el.name || el.name === "_csrf" || el.type === "file") return;
                v[el.name] = el.type === "checkbox" ? el.checked : el.value;
              });
              store.setItem(key, JSON.stringify(v));
            });
          }
          // Photos are made small on the phone before they are sent or queued (≈ 300 KB at 1600 px instead of
          // several MB): a cheap data bundle lasts, and drawing them again drops EXIF, GPS position included.
          var photo = form && form.querySelector("input[type=file][name=photo]");
          function shrink(file){
            if (!self.createImageBitmap) return Promise.resolve(file);
            return createImageBitmap(file).then(function(img){
              var s = Math.min(1, 1600 / Math.max(img.width, img.height)), c = document.createElement("canvas");
              c.width = Math.round(img.width * s); c.height = Math.round(img.height * s);
              c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
              return new Promise(function(done){
                c.toBlob(function(b){ done(b ? new File([b], file.name.replace(/\\.[^.]*$/, "") + ".jpg", {type: "image/jpeg"}) : file); }, "image/jpeg", 0.8);
              });
            }).catch(function(){ return file; });
          }
          if (photo && self.DataTransfer) {
            photo.addEventListener("change", function(){
              var files = Array.prototype.slice.call(photo.files), note = document.getElementById("photo-status");
              var submit = form.querySelector("button[type=submit]");
              if (!files.length) return;
              submit.disabled = true;
              if (note) note.textContent = note.getAttribute("data-wait");
              Promise.all(files.map(shrink)).then(function(small){
                var dt = new DataTransfer();
                small.forEach(function(f){ dt.items.add(f); });
                photo.files = dt.files;
                var kb = small.reduce(function(n, f){ return n + f.size; }, 0) / 1024;
                if (note) note.textContent = note.getAttribute("data-done").replace("%@", String(small.length)).replace("%@", String(Math.round(kb)));
              }).then(function(){ submit.disabled = false; }, function(){ submit.disabled = false; });
            });
          }
          // The queue: what waits on this phone, sent when the connection returns.
          var box = document.getElementById("queue"), arrived = [];
          function show(items){
            if (!box) return;
            items = items.concat(arrived);
            var list = box.querySelector("ul");
            list.textContent = "";
            items.forEach(function(it){
              var li = document.createElement("li"), f = agoraFields(it);
              li.setAttribute("data-state", it.state);
              li.textContent = it.at.slice(0, 16).replace("T", " ") + " — " + (f.get("description") || "").slice(0, 80) + " — " + (it.note || box.getAttribute("data-" + it.state));
              if (it.state === "refused" && form) {
                var b = document.createElement("button");
                b.type = "button"; b.className = "secondary"; b.textContent = box.getAttribute("data-open");
                b.addEventListener("click", function(){
                  var v = {}, files = {};
                  f.forEach(function(val, k){ if (typeof val === "string") v[k] = val; else (files[k] = files[k] || []).push(val); });
                  delete v.clientId; fill(v, files);
                  drop(it.clientId, refresh);
                });
                li.appendChild(document.createTextNode(" "));
                li.appendChild(b);
              }
              list.appendChild(li);
            });
            box.hidden = items.length === 0;
          }
          function refresh(){ mine(show); }
          function send(it){
            var f = agoraFields(it), csrf = signout.querySelector("input[name=_csrf]");
            if (csrf) f.set("_csrf", csrf.value);  // the session now may be newer than the one it was written in
            it.state = "sending";
            return new Promise(function(done){ agoraPut(it, done); }).then(refresh).then(function(){
              return fetch("/report", {method: "POST", body: f, credentials: "same-origin"});
            }).then(function(res){
              return res.text().then(function(t){
                if ((res.status === 200 || res.status === 201) && t.indexOf("data-draft-clear") >= 0) {
                  // Shown until the page is left, in the server's own words ("Report received by …").
                  var said = new DOMParser().parseFromString(t, "text/html").querySelector("[data-draft-clear] p");
                  arrived.push({clientId: it.clientId, at: it.at, entries: [["description", agoraFields(it).get("description") || ""]], state: "sent",
                                note: said ? said.textContent : box.getAttribute("data-sent")});
                  return new Promise(function(done){ drop(it.clientId, done); });
                }
                it.state = res.status === 403 ? "waiting" : "refused";
                return new Promise(function(done){ agoraPut(it, done); });
              });
            }, function(){ it.state = "waiting"; return new Promise(function(done){ agoraPut(it, done); }); });
          }
          // With files (photos, a recording): the report goes through this phone's queue at once, sent now when there
          // is signal and kept when there is none; the page stays, showing its state, then the server's answer.
          if (form && account && self.FormData && self.fetch) {
            form.addEventListener("submit", function(ev){
              var withFiles = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function(i){ return i.files && i.files.length; });
              // Without files the browser posts it as plain fields, which the service worker can keep when there is no signal.
              if (!withFiles) { form.enctype = "application/x-www-form-urlencoded"; return; }
              ev.preventDefault();
              var f = new FormData(form), entries = [];
              f.forEach(function(v, k){ entries.push([k, v]); });
              agoraPut({clientId: f.get("clientId"), account: account, entries: entries, at: new Date().toISOString(), state: "waiting"}, function(){
                if (store && key) store.removeItem(key);
                form.reset();
                form.elements.clientId.value = self.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
                if (form.elements._account) form.elements._account.value = account;
                var note = document.getElementById("photo-status");
                if (note) note.textContent = "";
                refresh();
                if (box) box.scrollIntoView();
                flush();
              });
            });
          }
          var flushing = false;
          function flush(then){
            if (!account || flushing) { if (then) then(); return; }
            flushing = true;
            mine(function(items){
              items.filter(function(i){ return i.state === "waiting" || i.state === "sending"; })
                .reduce(function(p, it){ return p.then(function(){ return send(it); }); }, Promise.resolve())
                .then(function(){ flushing = false; refresh(); if (then) then(); });
            });
          }
          if (account) {
            flush();
            window.addEventListener("online", function(){ flush(); });
            setInterval(function(){ if (navigator.onLine) flush(); }, 30000);
          }
          // Sign-out on a shared phone: send what waits, ask before deleting what could not be sent, then wipe.
          if (signout && account) {
            signout.addEventListener("submit", function(ev){
              if (signout.getAttribute("data-checked")) return;
              ev.preventDefault();
              flush(function(){
                mine(function(items){
                  if (items.length && !window.confirm(signout.getAttribute("data-unsent").replace("%@", String(items.length)))) return;
                  items.forEach(function(i){ drop(i.clientId); });
                  if (store) Object.keys(store).forEach(function(k){ if (k.indexOf("agora-draft:" + account + ":") === 0) store.removeItem(k); });
                  var wiped = self.caches ? caches.keys().then(function(ks){ return Promise.all(ks.map(function(k){ return caches.delete(k); })); }) : Promise.resolve();
                  wiped.then(function(){ signout.setAttribute("data-checked", "1"); signout.submit(); });
                });
              });
            });
          }
        })();
        """
}

import Vapor

/// The stylesheet and the one small script, served by Agora itself (no CDN: pages must work offline
/// in a situation room and on a slow link). Cached for a day, compressed once (`PreparedAsset`).
enum StaticAssets {
    static func register(_ app: Application) {
        let css = PreparedAsset(Self.css, type: "text/css; charset=utf-8")
        let js = PreparedAsset(Self.js + OfflineScripts.page, type: "text/javascript; charset=utf-8")
        let mapJS = PreparedAsset(Self.mapJS, type: "text/javascript; charset=utf-8")
        // The service worker must sit at the root to serve `/report` offline; it is fetched fresh each time.
        let worker = PreparedAsset(OfflineScripts.worker, type: "text/javascript; charset=utf-8", cache: "no-cache")
        app.get("static", "agora.css") { req in css.response(req) }
        app.get("static", "agora.js") { req in js.response(req) }
        app.get("sw.js") { req in worker.response(req) }
        app.get("static", "agora-map.js") { req in mapJS.response(req) }
        // Leaflet from Debian's libjs-leaflet, served by Agora: never from a CDN. Read and compressed once, if installed.
        let directory = app.agora.leafletDirectory
        for (file, type) in [("leaflet.js", "text/javascript; charset=utf-8"), ("leaflet.css", "text/css; charset=utf-8")] {
            let asset = FileManager.default.contents(atPath: directory + "/" + file).map { PreparedAsset($0, type: type) }
            app.get("static", "leaflet", .constant(file)) { req in
                guard let asset else { throw APIError.notFound("file", file) }
                return asset.response(req)
            }
        }
    }

    static let css = """
        :root{--ink:#1a1a1a;--muted:#555;--link:#0b5394;--line:#ccc;--bg:#fff;--soft:#f4f6f8;--ok:#1b5e20;--bad:#b00020}
        *{box-sizing:border-box}[hidden]{display:none!important}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);margin:0;line-height:1.5}
        main{max-width:64rem;margin:0 auto;padding:1rem}a{color:var(--link)}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #b35c00;outline-offset:2px;box-shadow:0 0 0 2px #fff}
        input[type=checkbox],input[type=radio]{width:1.5rem;height:1.5rem;vertical-align:middle}
        .skip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.skip:focus{width:auto;height:auto;clip-path:none;inset-inline-start:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
        header.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1rem;background:#0b3d6b;color:#fff}
        header.top a{color:#fff}header.top .brand{font-weight:700;font-size:1.2rem;text-decoration:none}
        header.top ul{display:flex;flex-wrap:wrap;gap:.2rem .9rem;list-style:none;margin:0;padding:0}header.top [aria-current]{font-weight:700;text-decoration:underline}
        .who{margin-inline-start:auto;display:flex;gap:.8rem;align-items:center}.who button{background:none;border:1px solid #fff;color:#fff;padding:.2rem .5rem;cursor:pointer}
        form.inline{display:inline-flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0}form.inline label{display:inline;margin:0}
        main form.inline input[type=text],main form.inline select{width:auto}
        footer{max-width:64rem;margin:2rem auto;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin-top:1.8rem}
        label{display:block;margin-top:.8rem;font-weight:600}input,select,textarea,button{font:inherit;padding:.5rem;max-width:100%}
        input[type=file],input[type=text],input[type=date],input[type=datetime-local],input[type=number],input[type=password],select,textarea{width:100%;border:1px solid #888;border-radius:3px}
        input[type=file]{padding:.4rem 0;border:0}
        fieldset{margin-top:.8rem;border:1px solid var(--line)}fieldset label{font-weight:normal;margin:.25rem 0}
        button,.button{background:#0b5394;color:#fff;border:0;border-radius:3px;padding:.55rem 1rem;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#555}button.danger{background:var(--bad)}
        .error{color:var(--bad);font-weight:600}.notice{background:#e7f5e7;border-inline-start:4px solid var(--ok);padding:.6rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:start;padding:.4rem;border-bottom:1px solid var(--line);vertical-align:top}
        .media{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-start}.media img{max-width:100%;height:auto;border:1px solid var(--line)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}.card{border:1px solid var(--line);border-radius:4px;padding:.8rem;background:var(--soft)}
        .board{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem}.board section{background:var(--soft);padding:.6rem;border-radius:4px}
        .overdue{border-inline-start:5px solid var(--bad);background:#fdecea}.overdue .due{color:var(--bad);font-weight:700}
        .level{display:inline-block;padding:0 .4rem;border-radius:3px;font-weight:700}.level-low{background:#e8f5e9}.level-moderate{background:#fff59d}.level-high{background:#ffb74d}.level-critical{background:#c62828;color:#fff}
        .side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media(max-width:40rem){.side{grid-template-columns:1fr}.who{margin-inline-start:0}}
        svg.map{width:100%;height:auto;max-height:32rem;background:#eef3f7;border:1px solid var(--line)}svg.map path{stroke:#fff;stroke-width:.6;vector-effect:non-scaling-stroke}
        svg.map path.spill{stroke:#6a1b9a;stroke-width:2.5;stroke-dasharray:4 2}svg.chart{width:100%;max-width:40rem;height:auto}
        .legend span{display:inline-block;margin-inline-end:.8rem}.muted{color:var(--muted)}pre{white-space:pre-wrap;background:var(--soft);padding:.6rem;overflow:auto;font-size:.85rem}
        details{margin-top:.8rem}summary{cursor:pointer;font-weight:600}
        form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:0 1rem;align-items:end;background:var(--soft);padding:.6rem;border-radius:4px}
        form.filters label{margin-top:.3rem}svg.map .pin text{font-family:inherit;font-weight:700}
        .cell-label{display:none}.decide{border-top:1px solid var(--line);padding-top:.4rem}
        @media(max-width:40rem){table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}table.stack tr.head{display:none}
        table.stack tr{border-bottom:2px solid var(--line);padding:.3rem 0}table.stack td{border:0;padding:.15rem 0}
        .cell-label{display:block;font-size:.85rem;color:var(--muted)}main{overflow-wrap:anywhere}}
        """

    /// Progressive enhancement only: every form works without it.
    static let js = """
        (function(){
          "use strict";
          var gps = document.getElementById("use-gps");
          if (gps && navigator.geolocation) {
            gps.hidden = false;
            gps.addEventListener("click", function(){
              var status = document.getElementById("gps-status");
              status.textContent = gps.getAttribute("data-wait");
              navigator.geolocation.getCurrentPosition(function(p){
                document.getElementById("lat").value = p.coords.latitude.toFixed(5);
                document.getElementById("lon").value = p.coords.longitude.toFixed(5);
                status.textContent = gps.getAttribute("data-done");
              }, function(){ status.textContent = gps.getAttribute("data-fail"); }, {enableHighAccuracy: true, timeout: 15000});
            });
          }
          // Long place lists get a search box: typing keeps the places whose name matches (accents ignored).
          function plain(x){ return x.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); }
          Array.prototype.forEach.call(document.querySelectorAll("select[data-search]"), function(sel){
            if (sel.options.length < 15) return;
            var box = document.createElement("input"), label = document.createElement("label");
            box.type = "search"; box.id = sel.id + "-search"; box.setAttribute("aria-controls", sel.id);
            label.htmlFor = box.id; label.className = "muted"; label.textContent = sel.getAttribute("data-search");
            sel.parentNode.insertBefore(label, sel);
            sel.parentNode.insertBefore(box, sel);
            box.addEventListener("input", function(){
              var q = plain(box.value.trim()), first = null;
              Array.prototype.forEach.call(sel.options, function(o){
                var show = !o.value || !q || plain(o.label || o.text).indexOf(q) >= 0 || plain(o.value).indexOf(q) >= 0;
                o.hidden = !show;
                if (show && o.value && !first) first = o;
              });
              if (first && sel.selectedOptions[0] && sel.selectedOptions[0].hidden) sel.value = first.value;
            });
          });
        })();
        """

    /// With a tile server: the areas of the SVG map, drawn again by Leaflet over the tiles. The SVG
    /// stays for anyone without script.
    static let mapJS = """
        (function(){
          "use strict";
          var holder = document.getElementById("tile-map");
          var data = document.getElementById("map-data");
          if (!holder || !data || !window.L) return;
          var features = JSON.parse(data.textContent);
          holder.hidden = false;
          var svg = document.querySelector("svg.map");
          if (svg) svg.setAttribute("hidden", "hidden");
          var map = L.map(holder);
          L.tileLayer(holder.getAttribute("data-tiles"), {maxZoom: 18, attribution: holder.getAttribute("data-attribution") || ""}).addTo(map);
          var layer = L.geoJSON(features, {
            style: function(f){ if (f.geometry.type === "Point") return {}; return {color: f.properties.spill ? "#6a1b9a" : "#ffffff", weight: f.properties.spill ? 3 : 1, dashArray: f.properties.spill ? "6 3" : null, fillColor: f.properties.fill, fillOpacity: 0.7}; },
            // Clusters of incidents: a circle sized by how many, as on the SVG map.
            pointToLayer: function(f, at){
              return L.circleMarker(at, {radius: f.properties.radius, color: "#ffffff", weight: 1, fillColor: "#b71c1c", fillOpacity: 0.85});
            },
            onEachFeature: function(f, l){
              var a = document.createElement(f.properties.href ? "a" : "span");
              if (f.properties.href) a.href = f.properties.href;
              a.textContent = f.properties.label;
              l.bindPopup(a);
            }
          }).addTo(map);
          map.fitBounds(layer.getBounds());
        })();
        """
}

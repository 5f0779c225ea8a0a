#!/usr/bin/env python3
"""Load rendered pages in headless Chromium and check what a reader would see.

The HTML validator checks the markup; this checks the page as the browser lays it out:
  (a) every <img> loaded (complete, naturalWidth > 0) and every outermost inline <svg> has a box,
  (b) every <math> has a non-zero layout size (MathML that the browser did not lay out, or
      that a stylesheet hid, has none), and the cells of a right-aligned column (columnalign)
      end at the same x,
  (c) no console errors, no uncaught exceptions, no failed resource loads, and no request
      leaving the machine (the pages are meant to be self-contained),
  (d) at 1280 px (a laptop) and at 390 px (a phone): no sideways scrolling, no element wider
      than its column (a scroll container counts, not what scrolls inside it), no display
      equation wider than its own box,
  (e) Chinese (lang="zh") drawn with a font that has its glyphs, never as tofu boxes,
  (f) full-page screenshots at both widths (NAME.png, NAME-390.png), for a person to look at.
It also notes, without failing, an equation number drawn over a wide display equation.
With Firefox on the machine (`--firefox`, found on PATH by default), (a), (b) and (d) run in
headless Firefox as well, driven over Marionette (.ci/marionette.py), with a screenshot at
1280 px (NAME-firefox.png); Firefox has its own MathML layout, so a page that fits in
Chromium may not fit there.
Closed <details> (folded cells) are opened first, so what they hold is measured too.
One line per page; exit status 1 if any page fails. `--self-test` runs the checks on a page
broken on purpose and on a good one, and fails unless the broken one fails for every planted
reason and the good one passes, so a check that can no longer fail is caught.

Chromium is driven through the DevTools protocol over --remote-debugging-pipe (file
descriptors 3 and 4, NUL-terminated JSON), so no driver or Python package is needed.
"""
import argparse, base64, fcntl, html, json, os, select, shutil, subprocess, sys, tempfile, time

# The horizontal extent of what a formula (or one table cell of it) draws: from its leftmost to
# its rightmost token with a box, scrolled or not; null when it draws nothing. Shared by MEASURE
# and LAYOUT.
EXTENT = r"""
  const extent = e => { let left = Infinity, right = -Infinity;
    for (const t of e.querySelectorAll('mi, mn, mo, mtext, ms, mspace')) {
      const b = t.getBoundingClientRect(); if (b.width) { left = Math.min(left, b.left); right = Math.max(right, b.right); } }
    return right > left ? { left, right } : null; };
"""

MEASURE = "(async () => {" + EXTENT + r"""
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const hasBox = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const name = e => e.outerHTML.replace(/base64,[^"]*/, 'base64,…').slice(0, 140);
  const images = [...document.images];
  const svgs = [...document.querySelectorAll('svg')].filter(s => !s.parentElement || !s.parentElement.closest('svg'));
  const maths = [...document.querySelectorAll('math')];
  // Not a failure (yet), a note: an equation number drawn over its own wide equation.
  const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  // What scrolls out of the equation's own box is hidden, not under the number: parts are
  // clipped to the nearest box from the formula up to the numbered block that clips them.
  const visible = (r, m, stop) => {
    for (let a = m; a; a = a === stop ? null : a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { const v = a.getBoundingClientRect();
        return { left: Math.max(r.left, v.left), right: Math.min(r.right, v.right), top: r.top, bottom: r.bottom }; } }
    return r; };
  const overlaps = [...document.querySelectorAll('.eq-number')].filter(n => {
    const m = n.parentElement.querySelector('math'), box = n.getBoundingClientRect();
    const parts = m ? [...m.querySelectorAll(':scope > semantics > :not(annotation), :scope > :not(semantics)')] : [];
    return parts.some(p => { const r = visible(p.getBoundingClientRect(), m, n.parentElement);
      return r.left < r.right && meets(r, box); });
  }).map(n => n.textContent + ' ' + (n.parentElement.id ? '#' + n.parentElement.id : ''));
  // Right-aligned columns (the left-hand sides of TeX's aligned): every non-empty cell's
  // content ends at the same x. (Left-aligned cells start after their first operator's own
  // space, which differs from row to row, so their edges are not compared.)
  const misaligned = [];
  for (const t of document.querySelectorAll('mtable[columnalign]')) {
    const sides = t.getAttribute('columnalign').trim().split(/\s+/);
    sides.forEach((side, c) => {
      if (side !== 'right') return;
      const edges = [];
      for (const row of t.querySelectorAll(':scope > mtr')) {
        const drawn = row.children[c] && extent(row.children[c]);
        if (drawn) edges.push(drawn.right);
      }
      if (edges.length > 1 && Math.max(...edges) - Math.min(...edges) > 1.5) {
        const m = t.closest('math');
        misaligned.push(`${m.closest('[id]') ? '#' + m.closest('[id]').id + ' ' : ''}column ${c + 1} (${side}) spreads ` +
          `${Math.round(Math.max(...edges) - Math.min(...edges))} px: ` + (m.getAttribute('alttext') || m.textContent).replace(/\s+/g, ' ').slice(0, 60));
      }
    });
  }
  return {
    overlaps, misaligned,
    images: images.length, svgs: svgs.length, maths: maths.length,
    badImages: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(name),
    badSvgs: svgs.filter(s => !hasBox(s)).map(name),
    badMaths: maths.filter(m => !hasBox(m)).map(name),
  };
})()"""


# At each width: a page that scrolls sideways, elements wider than their column (what sits
# inside a scroll container is the container's business: only the container is measured),
# display equations whose content is wider than their box, and Chinese runs (lang="zh")
# with their text.
LAYOUT = "(async () => {" + EXTENT + r"""
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const root = document.documentElement;
  const main = document.querySelector('main') || document.body;
  const cs = getComputedStyle(main);
  const box = main.getBoundingClientRect();
  const left = box.left + parseFloat(cs.paddingLeft), right = box.right - parseFloat(cs.paddingRight);
  const clipped = e => { for (let a = e.parentElement; a && a !== main; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
  const name = e => '<' + e.tagName.toLowerCase() + (e.id ? ' id=' + e.id : '') +
    (e.className && typeof e.className === 'string' ? ' class="' + e.className + '"' : '') + '>';
  const wide = [];
  for (const e of main.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || (r.right <= right + 1 && r.left >= left - 1)) continue;
    if (clipped(e)) continue;
    wide.push(`${name(e)} ${Math.round(r.width)} px at ${Math.round(r.left - left)}…${Math.round(r.right - left)} in a ${Math.round(right - left)} px column`);
  }
  // A display equation's drawn width, scrolled or not.
  const drawn = m => { const x = extent(m); return x ? x.right - x.left : 0; };
  const describe = (m, w, b) => `${m.closest('[id]') ? '#' + m.closest('[id]').id + ' ' : ''}${Math.round(w)} px in ${Math.round(b)} px: ` +
    (m.getAttribute('alttext') || m.textContent).replace(/\s+/g, ' ').slice(0, 70);
  const maths = [...document.querySelectorAll('math[display="block"]')];
  // An equation wider than its container fails; one that fits only by scrolling inside its
  // own box (no break point narrow enough) is noted.
  const equations = maths.map(m => [m, m.getBoundingClientRect().width, m.parentElement.clientWidth])
    .filter(([m, w, b]) => w > b + 1).map(([m, w, b]) => describe(m, w, b));
  const scrolling = maths.map(m => [m, drawn(m), m.getBoundingClientRect().width])
    .filter(([m, w, b]) => w > b + 1).map(([m, w, b]) => describe(m, w, b));
  return {
    sideways: root.scrollWidth > root.clientWidth + 1 ? `${root.scrollWidth} px wide in a ${root.clientWidth} px window` : null,
    wide: wide.slice(0, 30), wideCount: wide.length, equations, scrolling,
  };
})()"""

# Chinese drawn as tofu: each CJK character of a lang="zh" element is drawn on a canvas in
# the element's font and compared with a character no font has (U+10FFFD, whose box is the
# font's "missing glyph"); the same pixels mean the character has no glyph either.
TOFU = r"""(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const draw = (ch, font) => {
    g.clearRect(0, 0, 64, 64); g.font = font; g.textBaseline = 'middle'; g.fillText(ch, 4, 32);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(',');
  };
  const cjk = ch => { const c = ch.codePointAt(0);
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF); };
  const found = [], seen = new Set();
  for (const e of document.querySelectorAll('[lang|="zh"]')) {
    const font = getComputedStyle(e).font.replace(/^.*?(\d+(\.\d+)?px)/, 'normal 400 32px');
    const missing = draw('\u{10FFFD}', font);
    for (const ch of e.textContent) {
      if (!cjk(ch) || seen.has(font + ch)) continue;
      seen.add(font + ch);
      if (seen.size > 600) break;
      if (draw(ch, font) === missing) found.push(`${ch} (U+${ch.codePointAt(0).toString(16).toUpperCase()}) in "${e.textContent.slice(0, 30)}"`);
    }
  }
  return found;
})()"""


class Chromium:
    """A headless Chromium and a minimal DevTools-protocol client over its pipe."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="browser-check-")
        self.log = open(os.path.join(self.profile, "stderr.txt"), "w+")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def pipes_on_3_and_4():  # in the child, before exec
            a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--mute-audio", "--no-first-run", "--no-default-browser-check",
             "--user-data-dir=" + self.profile, "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            preexec_fn=pipes_on_3_and_4, pass_fds=(3, 4))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer, self.next_id, self.events = b"", 0, []

    def _read(self, deadline):
        """The next message from Chromium; raises on timeout or if Chromium exits."""
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            if select.select([self.from_chrome], [], [], left)[0]:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    self.log.seek(0)
                    raise RuntimeError("Chromium exited:\n" + self.log.read()[-2000:])
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=None, timeout=60, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method, session, timeout=60):
        deadline = time.monotonic() + timeout
        while not any(e["method"] == method and e.get("sessionId") == session for e in self.events):
            self.events.append(self._read(deadline))

    def drain(self, seconds):
        """Collect the events that arrive in the next few moments (late console messages)."""
        try:
            while True:
                self.events.append(self._read(time.monotonic() + seconds))
        except TimeoutError:
            pass

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# A laptop and a phone (CSS pixels); screenshots of each (NAME.png and NAME-390.png).
WIDTHS = (1280, 390)


def box_problems(found):
    """MEASURE's images, SVGs and formulas without a box."""
    return ([f"broken image: {x}" for x in found["badImages"]]
            + [f"svg without a box: {x}" for x in found["badSvgs"]]
            + [f"math without a box: {x}" for x in found["badMaths"]]
            + [f"aligned cells do not line up: {x}" for x in found["misaligned"]])


def layout_findings(m, width, found, layout):
    """LAYOUT's measurements at one width: problems into `layout`, notes into found's overlaps."""
    if m["sideways"]:
        layout.append(f"at {width} px the page scrolls sideways: {m['sideways']}")
    layout += [f"at {width} px wider than its column: {w}" for w in m["wide"]]
    if m["wideCount"] > len(m["wide"]):
        layout.append(f"at {width} px … and {m['wideCount'] - len(m['wide'])} more elements wider than their column")
    layout += [f"at {width} px an equation wider than its container: {e}" for e in m["equations"]]
    found["overlaps"] += [f"at {width} px scrolls inside its box: {e}" for e in m["scrolling"]]


def check_page_firefox(ff, path, screenshots):
    """The same boxes and layout in headless Firefox, at 1280 px and at 390 px. Firefox's
    smallest headless window is wider than a phone, so 390 px is measured inside an iframe of
    that width (media queries follow the frame). Left to Chromium: console and network
    (Marionette does not report them) and tofu (Firefox draws a missing glyph as a box holding
    its code point, different for every character, so the canvas comparison cannot tell; both
    browsers take their fonts from the same fontconfig). A full-page screenshot at 1280 px is
    NAME-firefox.png."""
    url = "file://" + os.path.abspath(path)
    ff.size(1280, 900)
    ff.navigate(url)
    found = ff.run("return " + MEASURE)
    layout = []
    stem = os.path.splitext(os.path.basename(path))[0]
    frame_folder = tempfile.mkdtemp(prefix="browser-check-frame-")
    try:
        for width in WIDTHS:
            if width != 1280:
                wrapper = os.path.join(frame_folder, "frame.html")
                with open(wrapper, "w") as f:
                    f.write(f'<!DOCTYPE html><html><body style="margin:0"><iframe src="{html.escape(url)}" '
                            f'style="width:{width}px;height:900px;border:0"></iframe></body></html>')
                ff.navigate("file://" + wrapper)
                ff.into_frame(ff.run("return document.querySelector('iframe')"))
            layout_findings(ff.run("return " + LAYOUT), width, found, layout)
            if width == 1280:
                with open(os.path.join(screenshots, stem + "-firefox.png"), "wb") as f:
                    f.write(ff.screenshot())
            else:
                ff.out_of_frame()
    finally:
        shutil.rmtree(frame_folder, ignore_errors=True)
    found.update(console=0, failed=0, failures=[], problems=box_problems(found) + layout, layout=layout)
    return found


def check_page(chrome, path, screenshots):
    """Load one page; return its counts and the list of problems found."""
    target = chrome.call("Target.createTarget", url="about:blank")["targetId"]
    s = chrome.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        chrome.call(domain + ".enable", session=s)
    chrome.call("Emulation.setDeviceMetricsOverride", session=s, width=1280, height=900,
                deviceScaleFactor=1, mobile=False)
    chrome.events.clear()
    chrome.call("Page.navigate", session=s, url="file://" + os.path.abspath(path))
    chrome.wait_for("Page.loadEventFired", s)
    found = chrome.call("Runtime.evaluate", session=s, expression=MEASURE,
                        awaitPromise=True, returnByValue=True)
    if "exceptionDetails" in found:
        raise RuntimeError(f"{path}: measuring failed: {found['exceptionDetails']}")
    found = found["result"]["value"]
    chrome.drain(0.3)

    console, failed, urls = [], [], {}
    for e in (e for e in chrome.events if e.get("sessionId") == s):
        p = e["params"]
        if e["method"] == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
            console.append("console.error: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in p["args"]))
        elif e["method"] == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            console.append("exception: " + d.get("exception", {}).get("description", d["text"]).split("\n")[0])
        elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error" \
                and p["entry"]["source"] != "network":  # failed loads are counted below
            console.append(f"{p['entry']['source']}: {p['entry']['text']}")
        elif e["method"] == "Network.requestWillBeSent":
            url = urls[p["requestId"]] = p["request"]["url"]
            if url.split(":", 1)[0] not in ("file", "data", "about", "blob"):
                failed.append("external request: " + url[:140])
        elif e["method"] == "Network.loadingFailed" and not p.get("canceled"):
            failed.append(f"failed load: {urls.get(p['requestId'], '?')[:140]} ({p['errorText']})")

    stem = os.path.splitext(os.path.basename(path))[0]
    layout = []
    boxes = chrome.call("Runtime.evaluate", session=s, expression=TOFU, returnByValue=True)
    if "exceptionDetails" in boxes:
        raise RuntimeError(f"{path}: the tofu check failed: {boxes['exceptionDetails']}")
    layout += [f"Chinese drawn without a glyph (tofu): {x}" for x in boxes["result"]["value"][:20]]
    for width in WIDTHS:
        if width != 1280:
            chrome.call("Emulation.setDeviceMetricsOverride", session=s, width=width, height=900,
                        deviceScaleFactor=1, mobile=width < 600)
        measured = chrome.call("Runtime.evaluate", session=s, expression=LAYOUT, awaitPromise=True,
                               returnByValue=True)
        if "exceptionDetails" in measured:
            raise RuntimeError(f"{path}: measuring the layout failed: {measured['exceptionDetails']}")
        layout_findings(measured["result"]["value"], width, found, layout)
        size = chrome.call("Page.getLayoutMetrics", session=s)["cssContentSize"]
        shot = chrome.call("Page.captureScreenshot", session=s, format="png", captureBeyondViewport=True,
                           clip={"x": 0, "y": 0, "width": max(size["width"], width),
                                 "height": min(size["height"], 30000), "scale": 1})
        name = stem + (".png" if width == 1280 else f"-{width}.png")
        with open(os.path.join(screenshots, name), "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    chrome.call("Target.closeTarget", targetId=target)

    problems = box_problems(found) + console + failed + layout
    found.update(console=len(console), failed=len(failed), failures=failed, problems=problems, layout=layout)
    return found


def report(path, r):
    ok = not r["problems"]
    print(f"{os.path.basename(path):44} images {r['images']:3}  svgs {r['svgs']:3}  math {r['maths']:4}"
          f"  console errors {r['console']:2}  failed loads {r['failed']:2}  {'ok' if ok else 'FAIL'}")
    for o in r["overlaps"]:
        print(f"    note: equation {o}" if o.startswith("at ") else f"    note: equation number {o} is drawn over its equation")
    for p in r["problems"][:20]:
        print("    " + p)
    if len(r["problems"]) > 20:
        print(f"    … and {len(r['problems']) - 20} more")
    return ok


GOOD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>good</title></head><body>
<p><img alt="dot" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="></p>
<p><math><mi>x</mi><mo>=</mo><mn>1</mn></math></p>
<p><svg width="20" height="20"><rect width="20" height="20"/></svg></p>
<p>A term and its Chinese: generative model, <span lang="zh">生成模型</span>.</p>
<math display="block"><mtable columnalign="right left"><mtr><mtd style="text-align:right;text-align:-webkit-right"><mi>a</mi><mi>b</mi><mi>c</mi></mtd><mtd style="text-align:left"><mo>=</mo><mi>x</mi></mtd></mtr><mtr><mtd style="text-align:right;text-align:-webkit-right"><mi>a</mi></mtd><mtd style="text-align:left"><mo>=</mo><mi>x</mi><mo>+</mo><mi>y</mi></mtd></mtr></mtable></math></body></html>"""
BAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bad</title></head><body>
<p><img alt="missing" src="missing.png"><img alt="not local" src="http://127.0.0.1:9/x.png"></p>
<p><math style="display:none"><mi>x</mi></math></p>
<p><svg width="0" height="0"></svg></p>
<div id="eq-wide" style="position: relative; width: 150px"><math display="block"><mtext>an equation wider than its column</mtext></math><span class="eq-number" style="position: absolute; right: 0; top: 0">(1)</span></div>
<div style="width: 2000px; height: 4px">wider than the column and the window</div>
<div style="overflow-x: auto"><div style="width: 3000px">inside a scroll container: not counted</div></div>
<div style="width: 300px"><math display="block" style="overflow-x: auto"><mrow><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>y</mi></mrow></math></div>
<div style="width: 300px"><math display="block" style="width: 900px"><mrow><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>x</mi><mo>+</mo><mi>y</mi></mrow></math></div>
<p lang="zh">𱍊𱍋</p>
<math display="block"><mtable columnalign="right left"><mtr><mtd style="text-align:left"><mi>a</mi><mi>b</mi><mi>c</mi></mtd><mtd style="text-align:left"><mo>=</mo><mi>x</mi></mtd></mtr><mtr><mtd style="text-align:left"><mi>a</mi></mtd><mtd style="text-align:left"><mo>=</mo><mi>y</mi></mtd></mtr></mtable></math>
<script>console.error("planted console error"); notAFunction();</script></body></html>"""


def planted_pages(check, browser=""):
    """GOOD and BAD checked by `check(path, folder)`, reported; returns (good, bad)."""
    folder = tempfile.mkdtemp(prefix="browser-check-self-test-")
    try:
        for name, text in (("good.html", GOOD), ("bad.html", BAD)):
            with open(os.path.join(folder, name), "w") as f:
                f.write(text)
        good = check(os.path.join(folder, "good.html"), folder)
        bad = check(os.path.join(folder, "bad.html"), folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report("self-test good.html" + browser, good)
    report("self-test bad.html" + browser, bad)
    return good, bad


def self_test(chrome):
    good, bad = planted_pages(lambda path, folder: check_page(chrome, path, folder))
    expected = {
        "the good page passes": not good["problems"],
        "the good page's image, svg and math are counted": (good["images"], good["svgs"], good["maths"]) == (1, 1, 2),
        "the missing images are reported": len(bad["badImages"]) == 2,
        "the hidden math is reported": len(bad["badMaths"]) == 1,
        "the empty svg is reported": len(bad["badSvgs"]) == 1,
        "console.error and the exception are reported": bad["console"] == 2,
        "the failed loads are reported": sum(f.startswith("failed load") for f in bad["failures"]) == 2,
        "the request off the machine is reported": sum(f.startswith("external") for f in bad["failures"]) == 1,
        "the equation number over its equation is noted":
            sum(not o.startswith("at ") for o in bad["overlaps"]) == 1 and not good["overlaps"],
        "the sideways scroll is reported at both widths": sum("scrolls sideways" in p for p in bad["layout"]) == 2,
        "the wide element is reported, not what scrolls inside its box":
            any("wider than its column: <div>" in p and "2000 px" in p for p in bad["layout"])
            and not any("3000 px" in p for p in bad["layout"]),
        "the equation wider than its container is reported, the one that scrolls is noted":
            sum("equation wider than its container" in p for p in bad["layout"]) == 2
            and sum(o.startswith("at ") and "scrolls inside" in o for o in bad["overlaps"]) == 2,
        "Chinese without a glyph is reported": sum("without a glyph" in p for p in bad["layout"]) == 2,
        "the right-aligned column that Chromium draws flush left is reported":
            len(bad["misaligned"]) == 1 and "column 1 (right)" in bad["misaligned"][0],
    }
    for what, held in expected.items():
        print(f"  {'ok  ' if held else 'MISS'} {what}")
    return all(expected.values())


def self_test_firefox(ff):
    """The planted faults Firefox can show (not the console or network ones)."""
    good, bad = planted_pages(lambda path, folder: check_page_firefox(ff, path, folder), " (Firefox)")
    expected = {
        "the good page passes in Firefox": not good["problems"],
        "the missing images are reported in Firefox": len(bad["badImages"]) == 2,
        "the hidden math is reported in Firefox": len(bad["badMaths"]) == 1,
        "the sideways scroll is reported at both widths in Firefox": sum("scrolls sideways" in p for p in bad["layout"]) == 2,
        "the equation wider than its container is reported in Firefox":
            sum("equation wider than its container" in p for p in bad["layout"]) == 2,
    }
    for what, held in expected.items():
        print(f"  {'ok  ' if held else 'MISS'} {what}")
    return all(expected.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", nargs="*", help="HTML files to check")
    ap.add_argument("--browser", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--screenshots", default=os.environ.get("SCREENSHOTS", "output/screenshots"),
                    help="folder for the full-page screenshots (env SCREENSHOTS; default output/screenshots)")
    ap.add_argument("--self-test", action="store_true", help="prove the checks fail on a broken page")
    ap.add_argument("--firefox", default=shutil.which("firefox-esr") or shutil.which("firefox"),
                    help="Firefox binary: the layout checks run in it too (default: firefox-esr or firefox on PATH)")
    ap.add_argument("--no-firefox", dest="firefox", action="store_const", const=None, help="Chromium only")
    args = ap.parse_args()
    chrome = Chromium(args.browser)
    try:
        if args.self_test:
            ok = self_test(chrome)
            print("self-test " + ("passed: every planted fault was caught" if ok else "FAILED: a check cannot fail"))
            return 0 if ok else 1
        os.makedirs(args.screenshots, exist_ok=True)
        results = [report(p, check_page(chrome, p, args.screenshots)) for p in args.pages]
    finally:
        chrome.close()
    print(f"Chromium: {results.count(True)} of {len(results)} pages passed; screenshots in {args.screenshots}/")
    if not args.firefox:
        print("Firefox: not on this machine; the layout was checked in Chromium only")
        return 0 if results and all(results) else 1
    from marionette import Firefox
    ff = Firefox(args.firefox)
    try:
        if not self_test_firefox(ff):
            print("Firefox self-test FAILED: a check cannot fail")
            return 1
        firefox = [report(p + " (Firefox)", check_page_firefox(ff, p, args.screenshots)) for p in args.pages]
    finally:
        ff.close()
    print(f"Firefox: {firefox.count(True)} of {len(firefox)} pages passed")
    return 0 if results and all(results) and all(firefox) else 1


if __name__ == "__main__":
    sys.exit(main())

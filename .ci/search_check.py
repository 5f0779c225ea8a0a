#!/usr/bin/env python3
"""Drive a rendered course's search box in headless Chromium, from file://, as a reader would.

For each query: type it into the box (an `input` event per keystroke, as typing does), read
the result list, and require the expected chapter among the first results; time each keystroke's
answer in the page (goal: under 50 ms). Also: a query that matches nothing says so, Enter opens
the first result, the box is hidden with JavaScript off (the page reads as before), and the
index stays under 300 KB. Exits 1 on any failure. Uses browser_check.py's Chromium client.

    python3 .ci/search_check.py --browser chromium SITE_FOLDER
"""
import argparse, os, shutil, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_check import Chromium  # noqa: E402

# (query, a page that must be among the first five results)
QUERIES = [
    ("probabilistic PCA", "02-probabilistic-pca.html"),
    ("概率主成分分析", "02-probabilistic-pca.html"),
    ("evidence lower bound", "04-autoencoders-and-vae.html"),
    ("生成对抗网络", "06-gans.html"),
    ("mode collapse", "06-gans.html"),
    ("PixelCNN", "03-autoregressive-models.html"),
    ("forward process", "07-diffusion-models.html"),
    ("扩散模型", "07-diffusion-models.html"),
]

TYPE = r"""((query) => {
  const input = document.querySelector('.site-search input');
  let slowest = 0;
  input.value = '';
  for (const ch of query) {
    input.value += ch;
    const t = performance.now();
    input.dispatchEvent(new Event('input'));
    slowest = Math.max(slowest, performance.now() - t);
  }
  const items = [...document.querySelectorAll('.search-results li')];
  return { slowest, none: items.length === 1 && items[0].classList.contains('search-none') ? items[0].textContent : null,
           results: items.map(li => { const a = li.querySelector('a'); return a ? a.getAttribute('href') : null; }).filter(h => h) };
})"""


def session(chrome, url, scripts=True):
    target = chrome.call("Target.createTarget", url="about:blank")["targetId"]
    s = chrome.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    chrome.call("Page.enable", session=s)
    if not scripts:
        chrome.call("Emulation.setScriptExecutionDisabled", session=s, value=True)
    chrome.events.clear()
    chrome.call("Page.navigate", session=s, url=url)
    chrome.wait_for("Page.loadEventFired", s)
    return target, s


def evaluate(chrome, s, expression):
    r = chrome.call("Runtime.evaluate", session=s, expression=expression, returnByValue=True)
    if "exceptionDetails" in r:
        raise RuntimeError(f"{expression[:60]}: {r['exceptionDetails']}")
    return r["result"].get("value")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site", help="a rendered course's folder")
    ap.add_argument("--browser", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args()
    index = os.path.join(args.site, "search.js")
    failures = []
    size = os.path.getsize(index)
    print(f"search index: {size / 1024:.0f} KB")
    if size > 300 * 1024:
        failures.append(f"the search index is {size / 1024:.0f} KB, over 300 KB")
    chrome = Chromium(args.browser)
    try:
        page = "file://" + os.path.abspath(os.path.join(args.site, "02-probabilistic-pca.html"))
        target, s = session(chrome, page)
        if not evaluate(chrome, s, "getComputedStyle(document.querySelector('.site-search')).display !== 'none'"):
            failures.append("the search box is hidden with JavaScript on")
        slowest = 0
        for query, expected in QUERIES:
            r = evaluate(chrome, s, f"{TYPE}({query!r})")
            slowest = max(slowest, r["slowest"])
            top = [h.split("#")[0].removeprefix("./") for h in r["results"][:5]]
            ok = expected in top
            print(f"  {'ok  ' if ok else 'FAIL'} {query!r}: {len(r['results'])} results, first {r['results'][:2]}, slowest keystroke {r['slowest']:.1f} ms")
            if not ok:
                failures.append(f"{query!r}: {expected} is not among the first five results {top}")
        r = evaluate(chrome, s, f"{TYPE}('qqxyzzy')")
        if r["results"] or not r["none"]:
            failures.append(f"a query that matches nothing shows {r}")
        print(f"  slowest keystroke over all queries: {slowest:.1f} ms (goal: under 50 ms)")
        if slowest >= 50:
            failures.append(f"a keystroke took {slowest:.1f} ms to answer")
        # Enter opens the first result.
        first = evaluate(chrome, s, f"{TYPE}('evidence lower bound').results[0]")
        chrome.events.clear()
        evaluate(chrome, s, "document.querySelector('.site-search input').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))")
        chrome.wait_for("Page.loadEventFired", s)
        at = evaluate(chrome, s, "location.pathname.split('/').pop() + location.hash")
        if at != first.removeprefix("./"):
            failures.append(f"Enter opened {at}, not the first result {first}")
        else:
            print(f"  ok   Enter opens the first result ({at})")
        chrome.call("Target.closeTarget", targetId=target)
        # Without JavaScript the box is not shown.
        target, s = session(chrome, page, scripts=False)
        if evaluate(chrome, s, "getComputedStyle(document.querySelector('.site-search')).display") != "none":
            failures.append("the search box shows with JavaScript off")
        else:
            print("  ok   without JavaScript the box is hidden")
        chrome.call("Target.closeTarget", targetId=target)
    finally:
        chrome.close()
    for f in failures:
        print("FAIL: " + f)
    print("search check " + ("passed" if not failures else "FAILED"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

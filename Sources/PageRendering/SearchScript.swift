/// The script of the course's search box (`SearchIndex`): the only script a course page loads.
/// The box is in the page with `hidden`, so without JavaScript the page reads as before; the
/// script shows it and answers each keystroke from `LECTERN_SEARCH`. Every word of the query must
/// occur (case-insensitive substring), a match in a heading counts ten times one in the text,
/// and results are built as DOM nodes (`textContent`), never as HTML from the index.
enum SearchScript {
    static let code = #"""
    (() => {
      const box = document.querySelector('.site-search');
      if (!box || typeof LECTERN_SEARCH !== 'object') return;
      const input = box.querySelector('input'), list = box.querySelector('.search-results');
      const data = LECTERN_SEARCH;
      const lower = data.sections.map(s => [s[2].toLowerCase(), s[3].toLowerCase()]);
      // A match counts 1, 3 when it starts a word, 4 when it is a whole word ("mode" in "mode
      // collapse" over "mode" in "model"); Chinese, without spaces, counts every match as whole.
      const letter = c => c !== undefined && /[a-z0-9]/.test(c);
      const count = (hay, term) => {
        let n = 0, seen = 0;
        for (let i = hay.indexOf(term); i >= 0 && seen < 50; i = hay.indexOf(term, i + term.length), seen++) {
          n += 1 + (letter(hay[i - 1]) ? 0 : 2) + (letter(hay[i + term.length]) ? 0 : 1);
        }
        return n;
      };
      const words = q => q.toLowerCase().split(/\s+/).filter(w => w.length > 0);
      // The best sections for a query: [{section, score}], at most 20. Every word must match;
      // a heading's matches count ten times, and the whole query as a phrase adds more.
      const search = query => {
        const terms = words(query), phrase = terms.join(' '), hits = [];
        if (!terms.length) return hits;
        lower.forEach(([heading, text], i) => {
          let score = 0;
          for (const t of terms) {
            const a = count(heading, t), b = count(text, t);
            if (a + b === 0) return;
            score += 10 * a + b;
          }
          if (terms.length > 1) score += 40 * count(heading, phrase) + 8 * count(text, phrase);
          hits.push({ section: i, score });
        });
        hits.sort((x, y) => y.score - x.score || x.section - y.section);
        return hits.slice(0, 20);
      };
      // The text around the first match, the query's words marked.
      const snippet = (i, terms) => {
        const text = data.sections[i][3], low = lower[i][1];
        let at = -1;
        for (const t of terms) { at = low.indexOf(t); if (at >= 0) break; }
        const from = Math.max(0, at - 50), to = Math.min(text.length, Math.max(at, 0) + 110);
        const part = (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
        const out = document.createElement('span');
        out.className = 'search-snippet';
        const partLow = part.toLowerCase();
        let pos = 0;
        while (pos < part.length) {
          let next = -1, len = 0;
          for (const t of terms) {
            const k = partLow.indexOf(t, pos);
            if (k >= 0 && (next < 0 || k < next)) { next = k; len = t.length; }
          }
          if (next < 0) { out.append(part.slice(pos)); break; }
          out.append(part.slice(pos, next));
          const mark = document.createElement('mark');
          mark.textContent = part.slice(next, next + len);
          out.append(mark);
          pos = next + len;
        }
        return out;
      };
      const show = query => {
        list.replaceChildren();
        const terms = words(query);
        list.hidden = terms.length === 0;
        const hits = search(query);
        if (terms.length && !hits.length) {
          const li = document.createElement('li');
          li.className = 'search-none';
          li.textContent = box.dataset.none;
          list.append(li);
        }
        for (const { section } of hits) {
          const [page, anchor, heading] = data.sections[section];
          const [href, title] = data.pages[page];
          const li = document.createElement('li'), a = document.createElement('a');
          a.href = href + (anchor ? '#' + anchor : '');
          const where = document.createElement('span');
          where.className = 'search-where';
          where.textContent = heading && heading !== title ? title + ' › ' + heading : title;
          a.append(where, snippet(section, terms));
          li.append(a);
          list.append(li);
        }
      };
      input.addEventListener('input', () => show(input.value));
      input.addEventListener('keydown', e => {
        if (e.key === 'Escape') { input.value = ''; show(''); }
        if (e.key === 'Enter') { const a = list.querySelector('a'); if (a) location.href = a.href; }
      });
      box.hidden = false;
      window.lecternSearch = search;
    })();

    """#
}

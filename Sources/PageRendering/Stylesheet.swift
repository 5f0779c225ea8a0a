/// The page's CSS, inlined so a page reads offline. Light for print, dark on screens that
/// ask for it; a handout drops the screen-only parts.
import TeXToMathML

enum Stylesheet {
    /// What a page embeds: the rules below, compacted (`compact`).
    static let css = compact(MathStylesheet.css + "\n" + page)

    /// CSS without its comments, indentation and the spaces that punctuation makes
    /// redundant (after `:` `;` `,` `{` `}`, before `{` `}`): the same rules in about 20 %
    /// fewer bytes on every page. Spaces inside values and selectors (`0 auto`,
    /// `main > pre`, `"Noto Serif CJK SC"`) stay.
    static func compact(_ css: String) -> String {
        var text = css
        while let open = text.range(of: "/*"), let close = text.range(of: "*/", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var out = ""
        var pendingSpace = false
        var inQuote: Character? = nil
        for ch in text.replacingOccurrences(of: "\n", with: " ") {
            if let q = inQuote {
                out.append(ch)
                if ch == q { inQuote = nil }
                continue
            }
            if ch == " " || ch == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, !":;,{}".contains(last), !"{}".contains(ch) {
                out.append(" ")
            }
            pendingSpace = false
            if ch == "\"" || ch == "'" { inQuote = ch }
            out.append(ch)
        }
        return out
    }

    static let page = """
    :root {
      --text: #1d1f23; --muted: #5b6270; --faint: #8a909c; --bg: #fdfdfc; --rule: #e3e5e8;
      --code-bg: #f5f6f8; --code-border: #d8dce3; --output-bg: #ffffff; --accent: #2f5fa7;
      --error: #a3222d; --error-bg: #fdf1f2; --warn: #8a5a00; --warn-bg: #fff8e6;
      --kw: #a8327d; --st: #b0411a; --nu: #1c6a99; --co: #6b7280; --ty: #6d3fb3; --at: #8a5a00; --lb: #3d5a80;
      /* Latin faces first; Chinese falls through to a CJK face of the same kind (serif with
         serif): Noto/Source Han (Debian's fonts-noto-cjk), then the platform's own. */
      --cjk-serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun;
      --cjk-sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei";
      --prose: "Charter", "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", "DejaVu Serif", Georgia, var(--cjk-serif), serif;
      --ui: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, var(--cjk-sans), sans-serif;
      --mono: ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK SC", var(--cjk-sans), monospace;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --text: #e4e6ea; --muted: #a5acb8; --faint: #7d8594; --bg: #16181c; --rule: #2c3038;
        --code-bg: #1e2127; --code-border: #343944; --output-bg: #1a1d22; --accent: #7fa8e8;
        --error: #ff8a8f; --error-bg: #2d1a1d; --warn: #f0c060; --warn-bg: #2b2416;
        --kw: #e48bc3; --st: #f0a070; --nu: #7cc4f2; --co: #8b93a1; --ty: #b99cf0; --at: #e0b35a; --lb: #9fb8dc;
      }
    }
    /* Plots are inline SVG whose background, ink, axes and grid carry classes: dark mode
       recolours them with the page instead of leaving white cards (data colours stay). */
    @media screen and (prefers-color-scheme: dark) {
      .cell figure svg .lc-bg { fill: var(--output-bg); }
      .cell figure svg .lc-ink { fill: var(--text); }
      .cell figure svg .lc-axis { stroke: var(--muted); }
      .cell figure svg .lc-grid { stroke: var(--rule); }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.6 var(--prose); }
    main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
    header.title-block { margin-bottom: 2rem; padding-bottom: 1.25rem; border-bottom: 1px solid var(--rule); }
    header.title-block h1 { margin: 0; font: 700 2.1rem/1.2 var(--ui); letter-spacing: -0.01em; }
    header.title-block .subtitle { margin: .35rem 0 0; font: 400 1.25rem/1.4 var(--ui); color: var(--muted); }
    header.title-block .byline { margin: .6rem 0 0; font: .9rem/1.4 var(--ui); color: var(--faint); }
    h1, h2, h3, h4, h5, h6 { font-family: var(--ui); line-height: 1.25; margin: 2rem 0 .75rem; }
    h1 { font-size: 1.85rem; } h2 { font-size: 1.45rem; } h3 { font-size: 1.2rem; } h4 { font-size: 1.05rem; }
    p, ul, ol, blockquote, table { margin: 0 0 1rem; }
    a { color: var(--accent); }
    blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
    table { border-collapse: collapse; font: .92rem/1.45 var(--ui); display: block; overflow-x: auto; max-width: 100%; }
    th, td { padding: .35rem .75rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid var(--code-border); }
    code, pre, kbd { font-family: var(--mono); font-size: .86em; }
    /* Inline code breaks where it must (a long signature on a phone), never elsewhere. */
    :not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 3px; overflow-wrap: anywhere; }
    pre { overflow-x: auto; line-height: 1.5; }
    .math.display { display: block; text-align: center; margin: 1rem 0; overflow-x: auto; }
    math { font-size: 1.05em; }
    .cell { margin: 1.25rem 0 1.5rem; }
    .cell pre.code, main > pre { margin: 0; padding: .75rem 1rem; background: var(--code-bg);
      border: 1px solid var(--code-border); border-radius: 6px; }
    .cell pre.code { border-left: 3px solid var(--accent); }
    .cell .outputs { margin-top: .35rem; }
    .cell pre.output { margin: 0; padding: .5rem 1rem; background: var(--output-bg); border-left: 3px solid var(--rule);
      white-space: pre-wrap; overflow-wrap: anywhere; }
    .cell pre.output.value { color: var(--text); }
    .cell pre.output.tabular { white-space: pre; overflow-wrap: normal; overflow-x: auto; }
    .cell figure { margin: .75rem 0 0; text-align: center; }
    .cell figure svg, .cell figure img { max-width: 100%; height: auto; }
    .cell figure img { image-rendering: pixelated; }
    .figure-number { font-weight: 600; color: var(--text); }
    /* A numbered formula sits in the middle column, scrolling in its own box when too wide; the
       number has the right column (the left one keeps the formula centred). */
    .math.display.numbered { display: grid; grid-template-columns: 2.75em minmax(0, 1fr) 2.75em; align-items: center; overflow-x: visible; }
    .eq-body { display: block; grid-column: 2; min-width: 0; overflow-x: auto; }
    .eq-number { grid-column: 3; justify-self: end; font-family: var(--prose); font-size: 1rem; color: var(--muted); }
    /* On a phone the number takes a line of its own under the equation, which keeps the
       whole width. */
    @media (max-width: 600px) {
      main { padding-left: 1rem; padding-right: 1rem; }
      .math.display.numbered { grid-template-columns: minmax(0, 1fr); }
      .eq-body, .eq-number { grid-column: 1; }
      .eq-number { line-height: 1.2; }
    }
    .section-number { color: var(--faint); margin-right: .35em; }
    a.xref { text-decoration: none; border-bottom: 1px dotted currentColor; }
    .xref-missing { color: var(--warn); background: var(--warn-bg); font-family: var(--mono); font-size: .86em; padding: 0 .2em; border-radius: 3px; }
    figcaption { font: .9rem/1.45 var(--ui); color: var(--muted); margin-top: .4rem; }
    .cell-error { margin-top: .4rem; padding: .6rem 1rem; background: var(--error-bg); color: var(--error);
      border: 1px solid currentColor; border-radius: 6px; font: .85rem/1.5 var(--mono); white-space: pre-wrap; }
    .cell-error .label { font-weight: 700; }
    .cell-note { margin-top: .35rem; font: .8rem/1.4 var(--ui); color: var(--faint); }
    /* Exercise cells: a label above each; a hidden check (instructor build only) is set off. */
    .notebook-link { font: .85rem/1.4 var(--ui); }
    .cell-part { margin: .5rem 0 .25rem; font: 600 .78rem/1.4 var(--ui); color: var(--muted); }
    .cell-check { border-left: 3px dashed var(--warn); padding-left: .75rem; }
    .cell-check > .cell-part { color: var(--warn); }
    .cell-time { margin: .15rem 0 0; text-align: right; font: .72rem/1.2 var(--ui); color: var(--faint); font-variant-numeric: tabular-nums; }
    /* Blocks (fenced divs): numbered ones with a rule at the left and their label; a proof
       ends with a square; hints and solutions fold; callouts sit in a tinted box. */
    .block { margin: 1.25rem 0; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--rule); }
    .block-title { margin: .2rem 0 .4rem; }
    .block-label { font-weight: 700; }
    .block-exercise { border-left-color: var(--accent); }
    .block-theorem, .block-lemma, .block-proposition, .block-definition { border-left-color: var(--text); }
    .block-theorem > p:not(.block-title), .block-lemma > p:not(.block-title), .block-proposition > p:not(.block-title) { font-style: italic; }
    .block-proof { border-left: none; padding-left: 0; }
    .block-proof > .block-title .block-label { font-weight: 400; font-style: italic; }
    .block-proof > :last-child::after { content: "∎"; float: right; margin-left: 1em; color: var(--muted); }
    details.block { border-left: 3px solid var(--rule); padding: .3rem 0 .3rem 1rem; }
    details.block > summary { cursor: pointer; font: 600 .95rem/1.5 var(--ui); color: var(--muted); }
    details.block[open] > summary { margin-bottom: .4rem; }
    details.block-solution { border-left-color: var(--accent); }
    .callout { margin: 1.25rem 0; padding: .5rem 1rem; border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 6px; background: var(--output-bg); }
    .callout-title { margin: 0 0 .3rem; font: 600 .95rem/1.5 var(--ui); }
    .callout-warning, .callout-important { border-left-color: var(--warn); }
    nav.toc { margin: 1.5rem 0 2rem; padding: .75rem 1.25rem; border: 1px solid var(--rule); border-radius: 6px; font: .9rem/1.55 var(--ui); }
    nav.toc .toc-title { margin: 0 0 .25rem; font-weight: 600; color: var(--muted); }
    nav.toc ul { margin: 0; padding-left: 1.1rem; }
    nav.toc a { text-decoration: none; }
    .toc-number { color: var(--faint); margin-right: .3em; }
    /* A course's navigation: a bar with the course's title and a menu at the top of the page,
       and on wide screens a sidebar instead. CSS only; the list is written twice, once for each. */
    .site-nav { font: .9rem/1.45 var(--ui); padding: .6rem 1.25rem; border-bottom: 1px solid var(--rule);
      display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .25rem 1rem; }
    .site-nav a { text-decoration: none; }
    .site-nav .site-title { font-weight: 700; font-size: 1rem; color: var(--text); }
    .site-sidebar { display: none; }
    .site-menu summary { cursor: pointer; color: var(--accent); }
    .site-menu[open] { flex-basis: 100%; padding-bottom: .5rem; }
    .site-menu[open] summary { margin-bottom: .4rem; }
    .site-chapters, .site-links { list-style: none; margin: 0; padding: 0; }
    .site-chapters li, .site-links li { margin: .1rem 0; }
    .site-chapters a, .site-links a { display: flex; gap: .45em; padding: .3rem .6rem; border-left: 3px solid transparent; border-radius: 0 4px 4px 0; color: var(--muted); }
    .site-chapters a:hover, .site-links a:hover { background: var(--code-bg); color: var(--text); }
    .site-nav [aria-current="page"] > a { color: var(--text); font-weight: 600; background: var(--code-bg); border-left-color: var(--accent); }
    .site-links { margin-top: .75rem; padding-top: .75rem; border-top: 1px solid var(--rule); }
    .chapter-number { color: var(--faint); font-variant-numeric: tabular-nums; margin-right: .3em; }
    .site-chapters .chapter-number { margin-right: 0; min-width: .8em; }
    @media screen and (min-width: 1200px) {
      body.in-site { padding-left: 17rem; }
      .site-nav { position: fixed; top: 0; left: 0; bottom: 0; width: 17rem; overflow-y: auto; display: block;
        padding: 2.5rem 1rem 2rem; border-bottom: 0; border-right: 1px solid var(--rule); }
      .site-nav .site-title { display: block; padding: 0 .6rem; font-size: 1.05rem; }
      .site-menu { display: none; }
      .site-sidebar { display: block; margin-top: 1.25rem; }
      .site-search { margin-top: 1rem; }
      .site-languages { margin: .5rem .6rem 0; }
    }
    .site-search { order: 3; flex-basis: 100%; position: relative; }
    .site-search[hidden], .search-results[hidden] { display: none; }
    .site-menu { order: 2; }
    .site-search input { width: 100%; padding: .35rem .6rem; font: .9rem/1.3 var(--ui); color: var(--text); background: var(--bg);
      border: 1px solid var(--code-border); border-radius: 4px; }
    .search-results { list-style: none; margin: .35rem 0 0; padding: 0; max-height: 60vh; overflow-y: auto;
      border: 1px solid var(--rule); border-radius: 4px; background: var(--bg); }
    .search-results li { border-bottom: 1px solid var(--rule); }
    .search-results a { display: block; padding: .4rem .6rem; color: var(--text); }
    .search-results a:hover, .search-results a:focus { background: var(--code-bg); }
    .search-where { display: block; font-weight: 600; color: var(--accent); }
    .search-snippet { display: block; font-size: .82rem; color: var(--muted); overflow-wrap: anywhere; }
    .search-snippet mark { background: var(--warn-bg); color: var(--text); }
    .search-none { padding: .4rem .6rem; color: var(--faint); }
    a.term { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--faint); }
    a.term:hover { color: var(--accent); border-bottom-color: currentColor; }
    .term-other { color: var(--muted); font-weight: normal; }
    .term-missing { border-bottom: 1px dashed var(--warn); }
    dl.glossary dt { margin-top: 1.1rem; font: 600 1.05rem/1.4 var(--ui); }
    dl.glossary dt dfn { font-style: normal; }
    dl.glossary dt .term-other { margin-left: .5em; }
    dl.glossary dd { margin: .2rem 0 0; }
    dl.glossary .term-chapter { display: inline-block; font: .85rem/1.4 var(--ui); text-decoration: none; }
    .site-languages { margin: 0; order: 2; }
    .site-languages a { margin-right: .6em; }
    .chapter-untranslated { white-space: nowrap; font-size: .75em; color: var(--faint); border: 1px solid var(--rule); border-radius: 3px; padding: 0 .3em; margin-left: .3em; }
    .translation-note { font: .9rem/1.5 var(--ui); color: var(--warn); background: var(--warn-bg); padding: .6rem 1rem; border-radius: 6px; }
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; font: .95rem/1.4 var(--ui); }
    .pager a { flex: 0 1 48%; padding: .75rem 1rem; border: 1px solid var(--rule); border-radius: 6px; text-decoration: none; }
    .pager a:hover { border-color: var(--accent); }
    .pager-next { text-align: right; margin-left: auto; }
    .pager-label { display: block; font-size: .8rem; color: var(--faint); }
    ol.chapters { list-style: none; padding: 0; } ol.chapters li { margin: 1.1rem 0; }
    ol.chapters > li > a { font: 600 1.1rem/1.4 var(--ui); text-decoration: none; }
    ol.chapters .description { display: block; color: var(--muted); font-size: .95rem; margin-top: .15rem; }
    .home-links { display: flex; gap: 1.5rem; border-top: 1px solid var(--rule); padding-top: 1rem; font: .95rem/1.4 var(--ui); list-style: none; padding-left: 0; }
    ol.notebooks { padding-left: 1.5rem; } ol.notebooks li { margin: .6rem 0; }
    ol.notebooks .subtitle { display: block; color: var(--muted); font-size: .92rem; }
    .inline-error { color: var(--error); background: var(--error-bg); border-radius: 3px; padding: 0 .25em; font-family: var(--mono); font-size: .86em; }
    .inline-value { font-variant-numeric: tabular-nums; }
    .kw { color: var(--kw); } .st { color: var(--st); } .nu { color: var(--nu); } .co { color: var(--co); font-style: italic; }
    .ty { color: var(--ty); } .at { color: var(--at); } .lb { color: var(--lb); } .dl { color: var(--nu); }
    footer.page-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); font: .8rem/1.4 var(--ui); color: var(--faint); }
    .footnotes { font-size: .9rem; color: var(--muted); }
    /* A4 unless the notebook's front matter asks for other paper (papersize). */
    @page { size: A4; margin: 16mm 15mm 18mm; }
    @media print {
      body { font-size: 10.5pt; background: #fff; color: #000; }
      main { max-width: none; padding: 0; }
      /* Break between blocks, never inside a figure, an equation, code or an output, and
         keep a heading with what follows it and code with its output. */
      .cell, figure, pre, table, .math.display, .cell .outputs, blockquote, .callout { break-inside: avoid; }
      h1, h2, h3, h4, header.title-block { break-after: avoid; }
      .cell pre.code { break-after: avoid; }
      p { orphans: 3; widows: 3; }
      a { color: inherit; }
      footer.page-footer, .cell-time, nav.toc, .site-nav, .pager { display: none; }
      body.in-site { padding-left: 0; }
      figcaption, blockquote, .footnotes, .cell-note, header.title-block .subtitle, header.title-block .byline { color: #000; }
      details.code-fold { display: none; }
      /* Paper cannot scroll: long code lines wrap instead of being cut off. */
      pre, .cell pre.code, main > pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow-x: visible; }
    }
    """
}

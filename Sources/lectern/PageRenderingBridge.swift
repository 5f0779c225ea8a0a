import NotebookRunner
import PageRendering

/// The page `render` writes for a result, shared by `render` and `preview`.
enum PageRenderingBridge {
    static func page(_ result: NotebookResult, handout: Bool = false, timings: Bool = true) -> String {
        let page = PageRenderer.render(result, options: PageOptions(handout: handout, timings: timings))
        report(page.warnings)
        return page.html
    }
}

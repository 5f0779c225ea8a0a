/// Lectern's version: shown on pages and part of the cache key (a new Lectern re-runs cells).
public enum LecternVersion {
    public static let current = "0.2.0"

    /// The revision of what cells produce for the same code — a figure's SVG, an image's
    /// PNG, a value's text — within one version. Part of the cache key: bump it with any
    /// change to those formats, or cached pages keep the old form (3: plots carry the classes
    /// dark mode recolours; 4: a label keeps its colour across a page's figures, points on a
    /// heatmap have a white rim; 5: an inline String is kept apart from a printed value, so its
    /// digits are shown as written).
    public static let outputRevision = 5
}

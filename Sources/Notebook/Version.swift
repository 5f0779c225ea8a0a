/// Lectern's version: shown on pages and part of the cache key (a new Lectern re-runs cells).
public enum LecternVersion {
    public static let current = "0.2.0"
}

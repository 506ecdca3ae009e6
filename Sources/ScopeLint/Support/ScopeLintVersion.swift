/// The version `--version` prints and reports carry.
public enum ScopeLintVersion {
    public static let current = "0.1.0"
}

/// This netkb's version, as `netkb --version` prints it.
public enum NetKBVersion {
    public static let current = "0.2.0"
}

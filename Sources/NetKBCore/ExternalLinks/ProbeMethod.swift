/// The HTTP method of a probe: HEAD first, GET when a server refuses HEAD.
public enum ProbeMethod: String, Hashable, Sendable {
    case head = "HEAD"
    case get = "GET"
}

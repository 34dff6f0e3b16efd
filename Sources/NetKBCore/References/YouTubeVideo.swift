/// Recognises links to one YouTube video, however they are written, so that they all become
/// `https://youtube.com/watch?v=ID`.
///
/// Recognised: `youtu.be/ID`, `youtube.com/watch?v=ID`, `youtube.com/shorts/ID`,
/// `/embed/ID`, `/live/ID`, `/v/ID`, on `youtube.com` (with `www.` and `m.` folded away) and
/// `youtube-nocookie.com`. Everything else in the URL is dropped: the playlist a video was
/// watched in (`list`, `index`), a start time (`t`, `start`), share ids. A video cited once from a
/// playlist and once on its own, or at two moments, is one reference; the note keeps the
/// original URL, with its time, to open.
enum YouTubeVideo {
    static let hosts: Set<String> = ["youtube.com", "youtube-nocookie.com", "youtu.be"]

    /// The video id of a URL whose folded host is `host`, whose canonical path is `path` and
    /// canonical query parameters are `parameters`; nil when it does not name one video.
    static func id(host: String, path: String, parameters: [QueryParameter]) -> String? {
        guard hosts.contains(host) else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let candidate: Substring?
        if host == "youtu.be" {
            candidate = segments.count == 1 ? segments[0] : nil
        } else if segments == ["watch"] {
            candidate = parameters.first { $0.name == "v" }?.value.map { Substring($0) }
        } else if segments.count == 2, ["shorts", "embed", "live", "v"].contains(segments[0]) {
            candidate = segments[1]
        } else {
            candidate = nil
        }
        guard let candidate, isVideoID(candidate) else { return nil }
        return String(candidate)
    }

    /// Letters, digits, `-` and `_`, 1 to 64 of them (ids have 11 today).
    private static func isVideoID(_ text: Substring) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                true
            default:
                false
            }
        }
    }
}

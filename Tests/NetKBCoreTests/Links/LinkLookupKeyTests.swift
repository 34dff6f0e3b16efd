import NetKBCore
import Testing

@Suite("LinkLookupKey")
struct LinkLookupKeyTests {
    @Test(arguments: [
        ("../net/TCP.md#x", "tcp"),
        ("노트%201.md#절-1", "노트 1"),
        ("https://github.com/me/notes/blob/main/net/TCP.md#x", "tcp"),
        // A repository URL's path is read percent-decoded, as the resolver reads it.
        ("https://github.com/me/notes/blob/main/%ED%95%9C.md#%EC%97%B0%EA%B2%B0", "한"),
        ("https://github.com/me/notes/blob/main/%ED%95%9C.md?plain=1", "한"),
        ("#anchor", ""),
    ])
    func keysOfMarkdownTargets(_ written: String, _ key: String) {
        #expect(LinkLookupKey.of(LinkTarget(markdown: written)).unicodeScalars.elementsEqual(key.unicodeScalars))
    }

    @Test func aNoteAnswersToItsFileNameTitleAndAliases() {
        let note = CatalogNote(path: "net/한.md", title: "Korean", aliases: ["Alias"])
        #expect(LinkLookupKey.of(note) == ["한", "korean", "alias"])
    }
}

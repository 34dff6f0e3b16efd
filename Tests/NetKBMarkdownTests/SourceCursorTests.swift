import Testing
@testable import NetKBMarkdown

/// Position tracking: where the things cmark reports stand in the source.
@Suite struct SourceCursorTests {
    func cursor(_ text: String) -> SourceCursor {
        SourceCursor(source: SourceText(bytes: Array(text.utf8)))
    }

    @Test func locatesOpeningsLeftToRightWithScalarColumns() {
        var cursor = cursor("한글 [a](x) [b](y)\n")
        let first = cursor.locate([Array("[".utf8)])
        let second = cursor.locate([Array("[".utf8)])
        #expect(first.location == .init(line: 1, column: 4))
        #expect(second.location == .init(line: 1, column: 11))
    }

    @Test func anOpeningAlreadyClaimedIsNotHandedOutTwice() {
        var cursor = cursor("[a](x)\n")
        _ = cursor.locate([Array("[".utf8)])
        cursor.move(toLine: 2)
        cursor.move(toLine: 1)
        // Back on the line: the one opening is taken; the cursor's own place is the answer.
        #expect(cursor.locate([Array("[".utf8)]).match == nil)
    }

    @Test func theEarliestOfSeveralOpeningsWins() {
        var cursor = cursor("글 <https://a.com> 뒤\n")
        let found = cursor.locate([Array("<https://a.com".utf8), Array("[".utf8), Array("https://a.com".utf8)])
        #expect(found.match == 0 && found.location.column == 3)
    }

    @Test func escapedTextIsNotWritten() {
        var cursor = cursor("\\[[위키]] [[위키]]\n")
        let location = Array("[[위키]]".utf8).withUnsafeBufferPointer { cursor.locateWritten($0) }
        #expect(location == .init(line: 1, column: 9), "the first one, after a backslash, is text")
    }

    @Test func aTagIsWrittenWhenItStandsUnescapedAfterTheCursor() {
        var cursor = cursor("\\#초안 #할일 #할일/ [x](y) #뒤\n")
        let written = ["할일", "초안", "할"].map { cursor.isTagWritten($0) }
        // After a backslash it is text; a tag is written whole, not as the start of a longer one.
        #expect(written == [true, false, false])
        _ = cursor.locate([Array("[".utf8)])
        let afterLink = ["할일", "뒤"].map { cursor.isTagWritten($0) }
        #expect(afterLink == [false, true], "both 할일 stand before the cursor")
    }

    @Test func linesFollowBreaksAndMoves() {
        var cursor = cursor("a\nb\nc [x](y)\n")
        cursor.nextLine()
        cursor.nextLine()
        #expect(cursor.line == 3)
        #expect(cursor.locate([Array("[".utf8)]).location == .init(line: 3, column: 3))
        cursor.move(toLine: 1)
        #expect(cursor.line == 1 && cursor.offset == 0)
    }
}

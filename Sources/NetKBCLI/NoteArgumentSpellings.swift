import Foundation
import NetKB

/// The ways a NOTE argument may spell a note's name besides its text, for names that output
/// shows escaped:
/// - a name holding control characters (a newline, an escape) is printed with them escaped
///   (`new\x0Aline.md`, see ``TerminalText``): typed back so, it means the characters;
/// - a name that is not UTF-8 is indexed with its bytes escaped (`caf\xE9.md`): given as its
///   raw bytes (what a shell's completion types), it means that escaped name.
enum NoteArgumentSpellings {
    /// `argument` first, then its other spellings, without repeats.
    static func of(_ argument: String, rawBytes: [UInt8]?) -> [String] {
        var spellings = [argument]
        if let rawBytes, String(validating: rawBytes, as: UTF8.self) == nil {
            spellings.append(FileSystemPath.displayName(rawBytes))
        }
        if let unescaped = TerminalText.unescaped(argument), unescaped != argument { spellings.append(unescaped) }
        var seen = Set<String>()
        return spellings.filter { seen.insert($0).inserted }
    }

    /// The bytes the program was given for the argument `argument` (the first equal to it as
    /// Swift decoded the command line), nil when none is.
    static func rawBytes(of argument: String) -> [UInt8]? {
        let arguments = CommandLine.arguments
        guard let index = arguments.firstIndex(of: argument), index < Int(CommandLine.argc),
              let pointer = CommandLine.unsafeArgv[index] else { return nil }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
    }
}

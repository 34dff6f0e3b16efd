import NetKBCore

/// The text of a settings file, checked before any YAML is parsed: not larger than a limit,
/// UTF-8 (a byte-order mark dropped).
enum SettingsFileText {
    static func decode(_ bytes: [UInt8], file: String, maximumBytes: Int) throws(SettingsFileError) -> String {
        guard bytes.count <= maximumBytes else { throw tooLarge(file, maximumBytes: maximumBytes) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let valid = body.prefix { $0 < 0x80 }
            let line = 1 + valid.filter { $0 == 0x0A }.count
            throw SettingsFileError(file: file, line: line, message: "the file is not UTF-8 text")
        }
        return text
    }

    static func tooLarge(_ file: String, maximumBytes: Int) -> SettingsFileError {
        SettingsFileError(file: file, line: 1, message: "the file is larger than \(maximumBytes / 1024) KiB")
    }
}

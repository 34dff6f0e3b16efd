import CFileSystemKind
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the walk of the notes folder stops, whatever links lead there: the folders that hold
/// the notes folder, and the kernel's file systems.
extension NotesFolder {
    /// The identities of the folders above `root`, up to `/`. A symbolic link to one of them
    /// leads out to everything beside the notes (the whole disk, for `/`) and back into them:
    /// the walk treats it as a loop. (GNU `find -L` and ripgrep's `-L` stop only at a folder on
    /// the path they walked, so they would walk all of `..`.) Stops at the first folder it
    /// cannot stat.
    static func foldersHolding(_ root: String) -> Set<FileIdentity> {
        var holders: Set<FileIdentity> = []
        var path = root
        var info = stat()
        // `..` of `/` is `/`: the walk ends where the identity stops changing.
        for _ in 0..<4096 {
            path += "/.."
            guard stat(path, &info) == 0, holders.insert(FileIdentity(info)).inserted else { break }
        }
        return holders
    }

    /// The kernel's file systems that describe the running system rather than hold files, by
    /// their `statfs` magic numbers (`linux/magic.h`). Walking them never ends well: `/proc`
    /// links to every process's working folder, and its files and `/sys`'s change as they are read.
    static let kernelFileSystems: [Int: String] = [
        0x9FA0: "proc", 0x6265_6572: "sysfs", 0x1CD1: "devpts", 0x6462_6720: "debugfs",
        0x7472_6163: "tracefs", 0x7363_6673: "securityfs", 0x0027_E0EB: "cgroup",
        0x6367_7270: "cgroup2", 0xCAFE_4A11: "bpf", 0x6165_676C: "pstore", 0x6265_6570: "configfs",
        0x6573_5543: "fusectl", 0x4249_4E4D: "binfmt_misc", 0x6E73_6673: "nsfs",
        0x1980_0202: "mqueue", 0x0187: "autofs", 0xF97C_FF8C: "selinuxfs", 0x5A3C_69F0: "apparmorfs",
        0x0000_EFA0: "efivarfs",
    ]

    /// The name of the kernel file system (see ``kernelFileSystems``) `path` is on, if it is one.
    static func kernelFileSystem(at path: [UInt8]) -> String? {
        let magic = FileSystemPath.withCString(path, netkb_file_system_magic)
        return magic < 0 ? nil : kernelFileSystems[Int(magic)]
    }
}

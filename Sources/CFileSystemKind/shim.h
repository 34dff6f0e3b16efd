// Which kind of file system holds a path: Glibc's Swift module leaves out <sys/vfs.h>.
// Part of the C library, so this module links nothing.
#ifndef NETKB_FILE_SYSTEM_KIND_H
#define NETKB_FILE_SYSTEM_KIND_H
#ifdef __linux__
#include <sys/vfs.h>
#endif

/// The `f_type` magic number of the file system that holds `path` (see `linux/magic.h`), or -1
/// when `statfs` fails or the system has no such numbers.
static inline long long netkb_file_system_magic(const char *path) {
#ifdef __linux__
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (long long)info.f_type;
#else
    (void)path;
    return -1;
#endif
}

#endif

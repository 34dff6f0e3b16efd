// File system facts Glibc's Swift module leaves out: which kind of file system holds a path
// (<sys/vfs.h>), and when a file was made (statx). Part of the C library, so this module
// links nothing.
#ifndef NETKB_FILE_SYSTEM_KIND_H
#define NETKB_FILE_SYSTEM_KIND_H
#ifdef __linux__
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <sys/stat.h>
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

/// When the file or folder at `path` was made, in nanoseconds since 1970 (`statx`'s birth
/// time), or 0 when the file system does not keep it or the path cannot be looked at.
static inline long long netkb_birth_time(const char *path) {
#if defined(__linux__) && defined(STATX_BTIME)
    struct statx info;
    if (statx(AT_FDCWD, path, 0, STATX_BTIME, &info) != 0 || !(info.stx_mask & STATX_BTIME)) return 0;
    return (long long)info.stx_btime.tv_sec * 1000000000LL + (long long)info.stx_btime.tv_nsec;
#else
    (void)path;
    return 0;
#endif
}

#endif

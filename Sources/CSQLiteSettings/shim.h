// Process-wide SQLite settings that Swift cannot make itself: sqlite3_config takes C variadic
// arguments. SQLite is linked through GRDB (GRDBSQLite), so this module links nothing.
#ifndef NETKB_SQLITE_SETTINGS_H
#define NETKB_SQLITE_SETTINGS_H
#include <sqlite3.h>

/// Turns off SQLite's memory statistics, which take a mutex on every allocation and free.
/// Only before SQLite is initialized: afterwards SQLite refuses (SQLITE_MISUSE) and nothing changes.
static inline int netkb_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif

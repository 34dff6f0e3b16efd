@_exported import NetKBCore
@_exported import struct NetKBStore.NoteStore
@_exported import enum NetKBStore.StoreError
@_exported import struct NetKBStore.IndexedLink
@_exported import struct NetKBStore.ReferenceFilter

@_exported import NetKBCore
@_exported import struct NetKBStore.NoteStore
@_exported import enum NetKBStore.StoreError
@_exported import struct NetKBStore.IndexedLink
@_exported import struct NetKBStore.IndexedConcept
@_exported import struct NetKBStore.SectionReference
@_exported import struct NetKBStore.ConceptCardReference
@_exported import struct NetKBStore.ConceptCard
@_exported import struct NetKBStore.LayerOverview
@_exported import struct NetKBStore.ReferenceFilter
@_exported import struct NetKBStore.ExternalCitation
@_exported import struct NetKBStore.CachedLinkCheck

/**
 * Field limits shared by the desktop forms, the local services and the sync server (which must
 * enforce the same numbers on push: import these, never copy them). Characters, not bytes; the
 * per-record byte limit is MAX_RECORD_BYTES in src-shared/sync/protocol.ts.
 */
export const TEXT_LIMITS = {
  projectName: 200,
  customerCompany: 200,
  customerContact: 200,
  customerEmail: 254,
  customerPhone: 40,
  siteAddress: 500,
  jurisdiction: 200,
  /** 20,000 characters: a long page of notes; at most 80 KB of UTF-8 */
  projectNotes: 20_000,
  revisionNote: 500,
  profileName: 100,
  profileInitials: 4,
  serverUrl: 500,
  fileName: 255,
} as const;

/**
 * Largest file the Files tab takes (50 MiB). Files travel from the window to the main process as
 * one message and are hashed and stored in one piece, so the limit keeps an import within a few
 * hundred MB of memory on a laptop; it covers phone photos (3-15 MB), artwork and plan-set PDFs.
 * Bigger files (survey scans, videos) belong in the company's file share, linked from the notes.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

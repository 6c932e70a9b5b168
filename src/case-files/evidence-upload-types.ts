/**
 * Body types an evidence upload may declare, read as raw bytes (app.ts registers them): what browsers
 * send for photos and PDFs, and octet-stream for the rest. The declared type is not trusted: the
 * content decides (domain/file-types.ts), so a program named .jpg and declared image/jpeg is refused.
 */
export const EVIDENCE_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf', 'application/octet-stream'];

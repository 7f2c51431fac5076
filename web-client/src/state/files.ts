import type { FileLimits } from '../api/types';

export const ACCEPTED_TYPES: Record<string, 'image' | 'document' | 'video'> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/pdf': 'document',
  'video/mp4': 'video',
  'video/webm': 'video',
};

export const DEFAULT_LIMITS: FileLimits = {
  maxImageBytes: 10 * 1024 * 1024,
  maxDocumentBytes: 20 * 1024 * 1024,
  maxVideoBytes: 50 * 1024 * 1024,
  maxPerMessage: 10,
};

/** Checks a file before uploading it; returns a catalogue key for the problem, or null when it may go. */
export function checkUpload(file: { type: string; size: number }, limits: FileLimits | null, alreadyAttached: number): string | null {
  const l = limits ?? DEFAULT_LIMITS;
  const family = ACCEPTED_TYPES[file.type];
  if (!family) return 'upload.badType';
  if (alreadyAttached >= l.maxPerMessage) return 'upload.tooMany';
  const max = family === 'image' ? l.maxImageBytes : family === 'document' ? l.maxDocumentBytes : l.maxVideoBytes;
  if (file.size > max) return 'upload.tooLarge';
  if (file.size === 0) return 'upload.empty';
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} Mo`;
}

import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appraisalFiles } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidField, notFound } from '../../lib/errors.js';
import { authorize } from '../../lib/policy.js';
import { appraisalResource, findVisibleAppraisal } from './appraisals.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Evidence file types accepted, each with the first bytes its content must start with (null: text, checked as UTF-8). */
export const acceptedFileTypes: Record<string, number[] | null> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/webp': [0x52, 0x49, 0x46, 0x46],
  'text/plain': null,
  'text/csv': null,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
  'application/vnd.oasis.opendocument.spreadsheet': ZIP,
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
};

function contentMatches(contentType: string, content: Buffer): boolean {
  const signature = acceptedFileTypes[contentType];
  if (signature === null) {
    // Text must be UTF-8 without NUL bytes; anything else is a binary file in disguise.
    if (content.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content);
      return true;
    } catch {
      return false;
    }
  }
  if (signature === undefined || !signature.every((byte, index) => content[index] === byte)) return false;
  // RIFF is also the start of audio and video files: a WebP image says so at byte 8.
  return contentType !== 'image/webp' || content.subarray(8, 12).toString('latin1') === 'WEBP';
}

/** Attaches an evidence file to an appraisal (optionally to one criterion), refusing unknown types, mismatched content and files over the limit. */
export async function attachAppraisalFile(
  db: Database,
  options: { actor: Actor; appraisalId: string; name: string; contentType: string; content: Buffer; criterionKey?: string | undefined; limitBytes: number },
) {
  const row = await findVisibleAppraisal(db, options.actor, options.appraisalId);
  authorize(options.actor, 'private-record.edit', appraisalResource(row));
  const contentType = options.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(contentType in acceptedFileTypes)) {
    throw new AppError('unsupported_media_type', `Files of type ${contentType || '(none)'} are not accepted; send PDF, images, text, CSV or office documents`);
  }
  if (options.content.length === 0) throw invalidField('', 'the file is empty');
  if (options.content.length > options.limitBytes) {
    throw new AppError('payload_too_large', `The file is ${options.content.length} bytes; the limit is ${options.limitBytes} bytes`);
  }
  if (!contentMatches(contentType, options.content)) {
    throw new AppError('unsupported_media_type', `The file's content is not ${contentType}`);
  }
  if (options.criterionKey !== undefined) {
    const keys = row.template.groups.flatMap((group) => group.criteria.map((criterion) => criterion.key));
    if (!keys.includes(options.criterionKey)) throw invalidField('/criterionKey', 'is not a criterion of this appraisal\'s template', options.criterionKey);
  }
  const [file] = await db
    .insert(appraisalFiles)
    .values({
      appraisalId: row.id,
      criterionKey: options.criterionKey ?? null,
      name: options.name,
      contentType,
      sizeBytes: options.content.length,
      content: options.content,
      uploadedBy: options.actor.userId,
    })
    .returning({ id: appraisalFiles.id, criterionKey: appraisalFiles.criterionKey, name: appraisalFiles.name, contentType: appraisalFiles.contentType, sizeBytes: appraisalFiles.sizeBytes, createdAt: appraisalFiles.createdAt });
  return file!;
}

/** One evidence file with its content, for anyone who may read the appraisal. */
export async function readAppraisalFile(db: Database, options: { actor: Actor; appraisalId: string; fileId: string }) {
  await findVisibleAppraisal(db, options.actor, options.appraisalId);
  const [file] = await db
    .select()
    .from(appraisalFiles)
    .where(and(eq(appraisalFiles.id, options.fileId), eq(appraisalFiles.appraisalId, options.appraisalId)))
    .limit(1);
  if (!file) throw notFound('File');
  return file;
}

/** Removes an evidence file. */
export async function deleteAppraisalFile(db: Database, options: { actor: Actor; appraisalId: string; fileId: string }): Promise<void> {
  const row = await findVisibleAppraisal(db, options.actor, options.appraisalId);
  authorize(options.actor, 'private-record.edit', appraisalResource(row));
  const deleted = await db
    .delete(appraisalFiles)
    .where(and(eq(appraisalFiles.id, options.fileId), eq(appraisalFiles.appraisalId, row.id)))
    .returning({ id: appraisalFiles.id });
  if (deleted.length === 0) throw notFound('File');
}

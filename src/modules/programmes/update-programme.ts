import type { Database } from '../../db/client.js';
import { programmes, type ProgrammeStatus } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { assertDatesInOrder, assertReferenceFree } from './create-programme.js';
import { getProgramme } from './get-programme.js';
import { allowedTransitions, canTransition } from './lifecycle.js';
import type { UpdateProgrammeInput } from './schemas.js';
import { updateVersioned } from './versioned-update.js';

/** Updates a programme's fields if the client read the current version (409 version_conflict otherwise). */
export async function updateProgramme(db: Database, options: { programmeId: string; input: UpdateProgrammeInput }) {
  const { version, ...values } = options.input;
  return db.transaction(async (tx) => {
    const { programme } = await getProgramme(tx, options.programmeId);
    assertDatesInOrder(values.startDate === undefined ? programme.startDate : values.startDate, values.endDate === undefined ? programme.endDate : values.endDate);
    if (values.ref !== undefined) await assertReferenceFree(tx, values.ref, programme.id);
    return updateVersioned(tx, { table: programmes, id: programme.id, version, values, what: 'Programme' });
  });
}

/** Moves a programme along its lifecycle; a move the lifecycle does not allow is refused naming /status. */
export async function changeProgrammeStatus(db: Database, options: { programmeId: string; status: ProgrammeStatus; version: number }) {
  return db.transaction(async (tx) => {
    const { programme } = await getProgramme(tx, options.programmeId);
    if (programme.version !== options.version) {
      throw new AppError('version_conflict', `Programme was changed by someone else (now version ${programme.version}); reload and try again`, {
        details: [{ pointer: '/version', message: `expected ${programme.version}`, value: options.version }],
      });
    }
    if (!canTransition(programme.status, options.status)) {
      const allowed = allowedTransitions(programme.status);
      throw new AppError('validation_failed', `A programme in ${programme.status} cannot move to ${options.status}`, {
        details: [{ pointer: '/status', message: allowed.length ? `allowed from ${programme.status}: ${allowed.join(', ')}` : `${programme.status} is final`, value: options.status }],
      });
    }
    return updateVersioned(tx, { table: programmes, id: programme.id, version: options.version, values: { status: options.status }, what: 'Programme' });
  });
}

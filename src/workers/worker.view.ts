import { ApiProperty } from '@nestjs/swagger';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { REVEAL_FIELDS, RevealField } from './dto/worker.dto';
import { WorkerSummary } from './workers.service';

/** A worker as shown: the id number and the mobile number masked (a permitted role can reveal them). */
export class WorkerView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '张建国' })
  name: string;

  @ApiProperty({ example: '110101********1234', description: 'Masked resident id number' })
  idNumber: string;

  @ApiProperty({ type: String, nullable: true, example: '138****8000', description: 'Masked mobile number' })
  mobile: string | null;

  @ApiProperty({ type: String, nullable: true, example: '河南省' })
  homeProvince: string | null;

  @ApiProperty({ type: 'integer', description: 'Send it back with a correction; a newer one on the server answers 409 STALE_VERSION' })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  createdAt: string;
}

/** One number in full; the reveal is in the audit log. */
export class RevealView {
  @ApiProperty({ enum: REVEAL_FIELDS, enumName: 'RevealField' })
  field: RevealField;

  @ApiProperty({ type: String, nullable: true, example: '110101199003071234', description: 'null when the worker has no mobile number' })
  value: string | null;
}

export function toWorkerView(worker: WorkerSummary): WorkerView {
  return {
    id: worker.id,
    name: worker.name,
    idNumber: worker.idNumber,
    mobile: worker.mobile,
    homeProvince: worker.homeProvince,
    version: worker.version,
    createdAt: shanghaiTimestamp(worker.createdAt),
  };
}

export function toRevealView(field: RevealField, value: string | null): RevealView {
  return { field, value };
}

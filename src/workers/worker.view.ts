import { shanghaiTimestamp } from '../common/time/shanghai';
import { Worker } from './worker.entity';

export function toWorkerView(worker: Worker) {
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

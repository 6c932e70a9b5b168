import { shanghaiTimestamp } from '../common/time/shanghai';
import { WorkerSummary } from './workers.service';

export function toWorkerView(worker: WorkerSummary) {
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

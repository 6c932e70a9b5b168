import { shanghaiTimestamp } from '../common/time/shanghai';
import { User } from './user.entity';

export function toUserView(user: User) {
  const profile = user.lawyerProfile;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    active: user.active,
    lawyerProfile: profile
      ? { licenceNumber: profile.licenceNumber, firm: profile.firm, phone: profile.phone, active: profile.active }
      : null,
    createdAt: shanghaiTimestamp(user.createdAt),
  };
}

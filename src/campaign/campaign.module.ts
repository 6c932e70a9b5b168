import { Global, Module } from '@nestjs/common';
import { CampaignRepository } from './campaign.repository';
import { SeasonController } from './season.controller';
import { SeasonService } from './season.service';

/**
 * The winter campaign against wage arrears: the Spring Festival, the season's window and targets.
 * Cases, reports and reminders all ask it; it asks none of them.
 */
@Global()
@Module({
  controllers: [SeasonController],
  providers: [CampaignRepository, SeasonService],
  exports: [SeasonService],
})
export class CampaignModule {}

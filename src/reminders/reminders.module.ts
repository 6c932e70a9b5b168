import { Global, Module } from '@nestjs/common';
import { SeasonController } from './season.controller';
import { SeasonService } from './season.service';

/** The season and its countdown; reminders and their delivery come with the reminders issue. */
@Global()
@Module({
  controllers: [SeasonController],
  providers: [SeasonService],
  exports: [SeasonService],
})
export class RemindersModule {}

import { Global, Module } from '@nestjs/common';
import { CalendarRepository } from './calendar.repository';
import { HolidaysController } from './holidays.controller';
import { HolidaysService } from './holidays.service';

/** The working calendar (statutory days off, make-up working days), for every feature that counts days. */
@Global()
@Module({
  controllers: [HolidaysController],
  providers: [CalendarRepository, HolidaysService],
  exports: [HolidaysService],
})
export class CalendarModule {}

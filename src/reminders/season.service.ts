import { Injectable } from '@nestjs/common';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { SeasonStatus, defaultSeason, seasonStatus } from './domain/season';
import { seasonFestivalYear, springFestival } from './domain/spring-festival';

export interface SeasonView extends SeasonStatus {
  festivalYear: number;
  festival: string;
  startsOn: string;
  endsOn: string;
}

/**
 * The winter campaign against wage arrears (根治欠薪冬季专项行动) that today belongs to: the Spring
 * Festival from the lunar calendar, the season's window, and the days left to the festival's eve.
 * Seasons use the default window (1 November to the eve) until seasons become editable.
 */
@Injectable()
export class SeasonService {
  constructor(private readonly clock: Clock) {}

  current(): SeasonView {
    const today = shanghaiDate(this.clock.now());
    const festivalYear = seasonFestivalYear(today);
    const settings = defaultSeason(festivalYear);
    return {
      festivalYear,
      festival: springFestival(festivalYear),
      startsOn: settings.startsOn,
      endsOn: settings.endsOn,
      ...seasonStatus(today, settings),
    };
  }
}

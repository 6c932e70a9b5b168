import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { SeasonService } from './season.service';

@ApiTags('season')
@Controller('season')
export class SeasonController {
  constructor(private readonly season: SeasonService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The current winter campaign: the Spring Festival, its eve, and the days left" })
  current() {
    return this.season.current();
  }
}

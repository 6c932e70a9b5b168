import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Requires } from '../auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { YearScheduleDto } from './dto/holidays.dto';
import { HolidaysService } from './holidays.service';
import { HolidayYearView } from './holidays.view';

@ApiTags('legal clocks')
@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get('holidays/:year')
  @Authenticated()
  @ApiOperation({ summary: "A year's statutory days off and make-up working days, and where they come from" })
  @ApiOkResponse({ type: HolidayYearView })
  year(@Param('year', ParseIntPipe) year: number) {
    return this.holidays.year(checkedYear(year));
  }

  @Put('holidays/:year')
  @HttpCode(204)
  @Requires('rules.manage')
  @ApiOperation({ summary: "Enter a year's schedule as the State Council published it (for years the package lacks)" })
  async setYear(@Param('year', ParseIntPipe) year: number, @Body() input: YearScheduleDto) {
    await this.holidays.setYear(checkedYear(year), input);
  }
}

function checkedYear(year: number): number {
  if (year < 2000 || year > 2100) throw new AppError('INVALID_PATH_ID', { value: String(year) });
  return year;
}

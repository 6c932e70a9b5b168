import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Authenticated, Requires } from '../auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { IsCalendarDate, NestedObjects } from '../common/http/validators';
import { TARGET_SCOPES, TargetScope } from './domain/season';
import { SeasonService } from './season.service';
import { SeasonSettingsView, SeasonView } from './season.view';

export class SeasonTargetDto {
  @ApiProperty({ example: '元旦前核实案件清零' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  on: string;

  @ApiProperty({ enum: TARGET_SCOPES, enumName: 'TargetScope' })
  @IsIn(TARGET_SCOPES)
  appliesTo: TargetScope;
}

export class SeasonDto {
  @ApiProperty({ example: '2026-11-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2027-02-05', description: "Usually the festival's eve" })
  @IsCalendarDate()
  endsOn: string;

  @ApiProperty({ type: [SeasonTargetDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @NestedObjects(() => SeasonTargetDto)
  targets: SeasonTargetDto[];
}

@ApiTags('season')
@Controller()
export class SeasonController {
  constructor(private readonly season: SeasonService) {}

  @Get('season')
  @Authenticated()
  @ApiOperation({ summary: 'The current winter campaign: the Spring Festival, its eve, the days left, the next target' })
  @ApiOkResponse({ type: SeasonView })
  current(): Promise<SeasonView> {
    return this.season.current();
  }

  @Get('seasons/:festivalYear')
  @Authenticated()
  @ApiOperation({ summary: "A season's window and targets: as set, or the defaults (1 November to the festival's eve)" })
  @ApiOkResponse({ type: SeasonSettingsView })
  async get(@Param('festivalYear', ParseIntPipe) festivalYear: number): Promise<SeasonSettingsView> {
    return (await this.season.settings(checkedYear(festivalYear))).settings;
  }

  @Put('seasons/:festivalYear')
  @HttpCode(204)
  @Requires('rules.manage')
  @ApiOperation({ summary: "Set a season's window and targets as the campaign was announced" })
  async set(@Param('festivalYear', ParseIntPipe) festivalYear: number, @Body() input: SeasonDto) {
    await this.season.set(checkedYear(festivalYear), input);
  }
}

function checkedYear(year: number): number {
  if (year < 2000 || year > 2100) throw new AppError('INVALID_PATH_ID', { value: String(year) });
  return year;
}

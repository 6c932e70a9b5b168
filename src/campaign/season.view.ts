import { ApiProperty } from '@nestjs/swagger';
import { TARGET_SCOPES, TargetScope } from './domain/season';

/**
 * The winter campaign (根治欠薪冬季专项行动) as the API shows it. The service builds these objects
 * itself (season.service.ts); the classes are their types, so the compiler holds them to the document.
 */

export class SeasonTargetView {
  @ApiProperty({ example: '元旦前结清已核实欠薪' })
  name: string;

  @ApiProperty({ format: 'date', example: '2027-01-01' })
  on: string;

  @ApiProperty({ enum: TARGET_SCOPES, enumName: 'TargetScope' })
  appliesTo: TargetScope;
}

export class NextTargetView extends SeasonTargetView {
  @ApiProperty({ type: 'integer', example: 12, description: 'Calendar days from today to the target: 0 on the day' })
  daysLeft: number;
}

/** A season's window and targets, as administrators set them (or the defaults). */
export class SeasonSettingsView {
  @ApiProperty({ format: 'date', example: '2026-11-01' })
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-02-05', description: "Usually the festival's eve" })
  endsOn: string;

  @ApiProperty({ type: [SeasonTargetView] })
  targets: SeasonTargetView[];
}

/** The season a day belongs to, with where that day stands in it. */
export class SeasonView extends SeasonSettingsView {
  @ApiProperty({ type: 'integer', example: 2027 })
  festivalYear: number;

  @ApiProperty({ format: 'date', example: '2027-02-06', description: '春节 (正月初一)' })
  festival: string;

  @ApiProperty({ description: 'false: the defaults (1 November to the eve), nobody has set this season' })
  configured: boolean;

  @ApiProperty()
  inSeason: boolean;

  @ApiProperty({ format: 'date', example: '2027-02-05', description: '除夕, the day the campaign is judged by' })
  eve: string;

  @ApiProperty({ type: 'integer', example: 75, description: 'Calendar days from today to the eve: 0 on the eve, negative after it' })
  daysToEve: number;

  @ApiProperty({ type: NextTargetView, nullable: true, description: 'The earliest target on or after today; null when none is left' })
  nextTarget: NextTargetView | null;
}

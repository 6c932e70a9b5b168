import { ApiProperty } from '@nestjs/swagger';

/** A year's statutory days off and make-up working days. */
export class HolidayYearView {
  @ApiProperty({ example: 2027 })
  year: number;
  @ApiProperty({ type: [String], format: 'date', example: ['2027-02-05', '2027-02-06'] })
  daysOff: string[];
  @ApiProperty({ type: [String], format: 'date', example: ['2027-02-14'], description: 'Saturdays and Sundays that are working days' })
  makeUpWorkdays: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The State Council notice an administrator entered, 'chinese-days' for the package's data, null when not covered",
  })
  source: string | null;
  @ApiProperty({ description: 'False when the year is not in the data: periods ending in it cannot be moved off holidays' })
  covered: boolean;
}

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
    description:
      "The State Council notice an administrator entered, 'chinese-days' for the package's data, the regulation " +
      '(国务院《全国年节及纪念日放假办法》（2024年修订）) for a provisional year, null when not covered',
  })
  source: string | null;
  @ApiProperty({ description: 'False when the year is not in the data: periods ending in it cannot be moved off holidays' })
  covered: boolean;
  @ApiProperty({
    description:
      'True when the year is not announced yet and its days off are only the statutory festivals the regulation fixes ' +
      '(no swaps, no make-up working days); replaced as soon as an administrator enters the year or the package brings it',
  })
  provisional: boolean;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/validators';

export class YearScheduleDto {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知', description: 'Where the schedule comes from' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  source: string;

  @ApiProperty({ example: ['2027-02-05', '2027-02-06'], description: 'Every statutory day off of the year' })
  @IsArray()
  @ArrayMaxSize(60)
  @IsCalendarDate({ each: true })
  daysOff: string[];

  @ApiProperty({ example: ['2027-02-14'], description: 'Saturdays and Sundays that are working days (调休上班)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsCalendarDate({ each: true })
  makeUpWorkdays: string[];
}

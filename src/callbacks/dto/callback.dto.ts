import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsQueryBoolean } from '../../common/http/validators';
import { CALLBACK_DAYS_RANGE, SATISFACTIONS, Satisfaction } from '../domain/callback-rules';

export class AnswerCallbackDto {
  @ApiProperty({ description: 'Whether the worker (or the group’s representative) was reached' })
  @IsBoolean()
  reached: boolean;

  @ApiPropertyOptional({ example: '工人代表 张建国', description: 'Who was spoken to' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  spokeWith?: string;

  @ApiPropertyOptional({ enum: SATISFACTIONS, description: 'Required when reached; not given when nobody was reached' })
  @IsOptional()
  @IsIn(SATISFACTIONS)
  satisfaction?: Satisfaction;

  @ApiPropertyOptional({ example: '工资已全部到账，对调解结果满意', description: 'What was said' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ example: '2027-01-12', description: 'The day of the call; today when left out' })
  @IsOptional()
  @IsCalendarDate()
  calledOn?: string;
}

export class FollowUpCallbackDto {
  @ApiProperty({ example: '已约见工人代表，核实剩余款项，督促总包单位三日内付清', description: 'What the leader did about it' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  note: string;
}

export class DueCallbacksQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only the callbacks you must make (true), or every one of your scope (false, the default)' })
  @IsOptional()
  @IsQueryBoolean()
  mine?: boolean;
}

export class CallbackPolicyDto {
  @ApiProperty({ minimum: CALLBACK_DAYS_RANGE.min, maximum: CALLBACK_DAYS_RANGE.max, example: 7, description: 'Calendar days after closing when the callback is due' })
  @Type(() => Number)
  @IsInt()
  @Min(CALLBACK_DAYS_RANGE.min)
  @Max(CALLBACK_DAYS_RANGE.max)
  daysAfterClosing: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate } from '../../common/http/validators';

export class SweepDto {
  @ApiPropertyOptional({ example: '2027-01-06', description: 'The day to sweep; today by default' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class PreviewQuery {
  @ApiProperty({ example: '2027-01-06', description: 'The day whose reminders to show, without sending anything' })
  @IsCalendarDate()
  on: string;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class RuleDto {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({ type: [Number], example: [30, 14, 7, 3, 1], description: 'Days before the date; empty: every day' })
  @IsArray()
  @ArrayMaxSize(60)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(366, { each: true })
  daysBefore: number[];
}

export class ChannelDto {
  @ApiProperty({ example: 'wang@example.cn', description: 'An e-mail address; for wecom and webhook, the URL to post to' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export const DELIVERY_STATUSES = ['pending', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveryListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

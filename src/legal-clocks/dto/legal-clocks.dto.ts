import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsPositiveYuan, IsProvince } from '../../common/http/validators';

export class LegalDatesDto {
  @ApiPropertyOptional({ nullable: true, example: '2027-01-20' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  arbitrationAppliedOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  arbitrationAcceptedOn?: string | null;

  @ApiPropertyOptional({ description: 'The award period was extended once by 15 days (LDMAA art. 43)' })
  @IsOptional()
  @IsBoolean()
  arbitrationExtended?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  arbitrationAwardedOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  paymentOrderAppliedOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  paymentOrderIssuedOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  paymentOrderServedOn?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The date a labour-bureau order told the employer to pay by' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  bureauOrderPayBy?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '50000.00', description: 'The amount the order says is due' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsPositiveYuan()
  bureauOrderAmount?: string | null;
}

export class DeadlinesQuery extends PageQuery {
  @ApiPropertyOptional({ default: 14, description: 'Deadlines due within this many days, and all overdue ones' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  within: number = 14;
}

export class ThresholdDto {
  @ApiProperty({ example: '10000.00', description: "One worker owed three months' pay: 5,000-20,000 yuan by province" })
  @IsPositiveYuan()
  individualAmount: string;

  @ApiProperty({ example: '60000.00', description: 'Ten or more workers in total: 30,000-100,000 yuan by province' })
  @IsPositiveYuan()
  groupAmount: string;

  @ApiProperty({ example: '北京市高级人民法院关于拒不支付劳动报酬罪数额标准的通知', description: 'Where the figures come from' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  source: string;
}

export class ProvinceQuery {
  @ApiProperty({ example: '北京市', description: 'The province whose thresholds apply' })
  @IsProvince()
  province: string;
}

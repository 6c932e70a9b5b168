import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FIRST_SEASON_YEAR, LAST_FESTIVAL_YEAR } from '../../campaign/domain/spring-festival';
import { EXPORT_FORMATS, ExportFormat } from '../../common/export/tabular-export';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsProvince } from '../../common/http/validators';

export class ExportQuery {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description: 'Download the report as a spreadsheet (xlsx) or CSV (UTF-8 with BOM) instead of JSON; exports hold every row',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export class ReportQuery extends ExportQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (Asia/Shanghai); default: the start of the current campaign' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2027-02-05', description: 'Last day, included; default: today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Narrow the report to this organisation and those below it (within your own)' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

/** A report's period, scope and format, and a page of its groups. */
export class BreakdownQuery extends IntersectionType(PageQuery, ReportQuery) {}

export class FestivalQuery extends ExportQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 2019,
    description:
      "The season of this year's Spring Festival (the 2019 season ran up to 5 February 2019); default: the current season. " +
      "A past season's figures are as they stood at the end of its eve (除夕).",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_SEASON_YEAR)
  @Max(LAST_FESTIVAL_YEAR)
  festivalYear?: number;
}

export class EmployerHistoryQuery extends ExportQuery {
  @ApiPropertyOptional({
    example: '北京市',
    description: "Judge the criminal amount by this province's figures; default: the lowest figures the law allows any province",
  })
  @IsOptional()
  @IsProvince()
  province?: string;
}

export const CALLBACK_GROUPINGS = ['organisation', 'mediator', 'lawyer'] as const;
export type CallbackGrouping = (typeof CALLBACK_GROUPINGS)[number];

export class CallbackReportQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: CALLBACK_GROUPINGS, default: 'organisation', description: 'Group by the case’s organisation, mediator or lawyer' })
  @IsOptional()
  @IsIn(CALLBACK_GROUPINGS)
  by?: CallbackGrouping;
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { tableDownload } from '../common/export/send-export';
import { ApiTableResponse } from '../common/http/api-responses';
import { BreakdownQuery, CallbackReportQuery, EmployerHistoryQuery, FestivalQuery, ReportQuery } from './dto/report.dto';
import { DIMENSION_NAMES, DimensionName } from './reports.sql';
import { ReportsService } from './reports.service';
import {
  BreakdownView,
  CALLBACK_COLUMNS,
  CallbackReportView,
  toCallbackReportView,
  EMPLOYER_CASE_COLUMNS,
  EmployerHistoryView,
  FESTIVAL_COLUMNS,
  FestivalReportView,
  ReportSummaryView,
  SUMMARY_COLUMNS,
  breakdownColumns,
  toBreakdownView,
  toEmployerHistoryView,
  toFestivalReportView,
  toReportSummaryView,
} from './reports.view';

const DIMENSION_TITLES: Record<DimensionName, string> = {
  organisation: '分单位统计',
  industry: '分行业统计',
  employer: '分用人单位统计',
  project: '分项目统计',
  lawyer: '分律师统计',
  mediator: '分调解员统计',
  month: '分月统计',
};

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Requires('reports.read')
  @ApiOperation({ summary: 'The headline figures of a period in your scope: cases, completion, workers, money, speed, desk work' })
  @ApiTableResponse(ReportSummaryView)
  async summary(@Query() query: ReportQuery, @CurrentUser() actor: Actor) {
    const summary = await this.reports.summary(query, actor.scope);
    if (query.format) {
      return tableDownload(query.format, `汇总_${summary.period.from}_${summary.period.to}`, SUMMARY_COLUMNS, [summary]);
    }
    return toReportSummaryView(summary);
  }

  @Get('callbacks')
  @Requires('reports.read')
  @ApiOperation({
    summary: 'Callbacks after closing (回访) due in the period: 回访率 and 满意率 in all and per organisation, mediator or lawyer',
  })
  @ApiTableResponse(CallbackReportView, 'The figures, or each group as a spreadsheet with ?format=xlsx|csv')
  async callbacks(@Query() query: CallbackReportQuery, @CurrentUser() actor: Actor) {
    const report = await this.reports.callbacks(query, actor.scope);
    if (query.format) {
      return tableDownload(query.format, `回访满意度_${report.period.from}_${report.period.to}`, CALLBACK_COLUMNS, [...report.items, { ...report.total, label: '合计' }]);
    }
    return toCallbackReportView(report);
  }

  @Get('breakdowns/:dimension')
  @Requires('reports.read')
  @ApiParam({ name: 'dimension', enum: DIMENSION_NAMES, enumName: 'ReportDimension' })
  @ApiOperation({ summary: 'The same figures per organisation, industry, employer (repeat offenders first), project, lawyer, mediator or month' })
  @ApiTableResponse(BreakdownView, 'One page of the groups, or every group as a spreadsheet with ?format=xlsx|csv')
  async breakdown(@Param('dimension') dimension: string, @Query() query: BreakdownQuery, @CurrentUser() actor: Actor) {
    const report = await this.reports.breakdown(dimension, query, actor.scope, query.format !== undefined);
    if (query.format) {
      return tableDownload(
        query.format,
        `${DIMENSION_TITLES[report.dimension]}_${report.period.from}_${report.period.to}`,
        breakdownColumns(report.dimension),
        report.items,
      );
    }
    return toBreakdownView(report, query);
  }

  @Get('festival')
  @Requires('reports.read')
  @ApiOperation({
    summary:
      'Before the Spring Festival: what open cases still owe, and to how many workers, per organisation, with the days left; ' +
      "of the current season or of any past one (as it stood at the end of that season's eve)",
  })
  @ApiTableResponse(FestivalReportView)
  async festival(@Query() query: FestivalQuery, @CurrentUser() actor: Actor) {
    const report = await this.reports.festival(query, actor.scope);
    if (query.format) {
      const { eve, daysToEve } = report.season;
      const rows = [...report.items, { ...report.totals, label: '合计', detail: '' }].map((row) => ({ ...row, eve, daysToEve }));
      return tableDownload(query.format, `节前欠薪_${eve}`, FESTIVAL_COLUMNS, rows);
    }
    return toFestivalReportView(report);
  }

  @Get('employers/:creditCode')
  @Requires('employers.read')
  @ApiOperation({ summary: "An employer's record by credit code: every case in your scope, amounts, outcomes and the joint-punishment flags" })
  @ApiTableResponse(EmployerHistoryView, 'The record, or its cases as a spreadsheet with ?format=xlsx|csv')
  async employerHistory(@Param('creditCode') creditCode: string, @Query() query: EmployerHistoryQuery, @CurrentUser() actor: Actor) {
    const history = await this.reports.employerHistory(creditCode, query, actor.scope);
    if (query.format) {
      return tableDownload(query.format, `用人单位案件_${history.employer.creditCode}`, EMPLOYER_CASE_COLUMNS, history.cases);
    }
    return toEmployerHistoryView(history);
  }
}

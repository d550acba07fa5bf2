import { PageQueryDto } from '../../../core/http/page-query.dto.js';

/** `cursor` and `limit` of the run's list of changed outcomes. */
export class RunReportQueryDto extends PageQueryDto {}

import { describeAppealsTotalRule } from '../appeals-total.test-suite.ts';

describeAppealsTotalRule('T4-LITD-TOTAL', 'litigationDirect', '未经复议直接起诉');

import { describeAppealsTotalRule } from '../appeals-total.test-suite.ts';

describeAppealsTotalRule('T4-REV-TOTAL', 'review', '行政复议');

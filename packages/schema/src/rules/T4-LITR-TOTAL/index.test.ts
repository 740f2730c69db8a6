import { describeAppealsTotalRule } from '../appeals-total.test-suite.ts';

describeAppealsTotalRule('T4-LITR-TOTAL', 'litigationAfterReview', '复议后起诉');

import { describeShapeRule } from '../shape.test-suite.ts';

describeShapeRule({
  id: 'T4-SHAPE',
  format: '2021',
  table: 'appeals',
  cellCount: 15,
  row: 'appeals.litigationDirect',
  cell: 'appeals.review.pending',
});

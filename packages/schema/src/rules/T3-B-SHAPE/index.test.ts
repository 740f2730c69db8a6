import { describeShapeRule } from '../shape.test-suite.ts';

describeShapeRule({
  id: 'T3-B-SHAPE',
  format: '2021',
  table: 'applications',
  cellCount: 175,
  row: 'applications.results.other.unpaidFee',
  cell: 'applications.carriedOver.total',
});

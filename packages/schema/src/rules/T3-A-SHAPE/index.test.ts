import { describeShapeRule } from '../shape.test-suite.ts';

describeShapeRule({
  id: 'T3-A-SHAPE',
  format: '2019',
  table: 'applications',
  cellCount: 161,
  row: 'applications.results.other',
  cell: 'applications.results.granted.research',
});

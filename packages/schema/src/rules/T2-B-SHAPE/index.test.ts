import { describeShapeRule } from '../shape.test-suite.ts';

describeShapeRule({
  id: 'T2-B-SHAPE',
  format: '2021',
  table: 'activeDisclosure',
  cellCount: 10,
  row: 'activeDisclosure.regulations',
  cell: 'activeDisclosure.fees.amount',
});

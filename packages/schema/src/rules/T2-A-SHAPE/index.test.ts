import { describeShapeRule } from '../shape.test-suite.ts';

describeShapeRule({
  id: 'T2-A-SHAPE',
  format: '2019',
  table: 'activeDisclosure',
  cellCount: 22,
  row: 'activeDisclosure.procurement',
  cell: 'activeDisclosure.fees.change',
});

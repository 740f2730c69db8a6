/** Messages the engine itself emits (not owned by one rule). */
export const ENGINE_MESSAGES = {
  pinpoint: {
    zh: '{cell}填报为{actual}，使{count}处勾稽关系（{rules}）不成立；改为{expected}可使其全部成立',
    en: '{cell} is {actual}, which breaks {count} equations ({rules}); {expected} satisfies all of them',
  },
  pinpointOne: {
    zh: '{cell}填报为{actual}，使勾稽关系（{rules}）不成立；改为{expected}即可成立（其他单元格均与另外的勾稽关系相符）',
    en: '{cell} is {actual}, which breaks an equation ({rules}); {expected} satisfies it (every other cell of it agrees with another equation)',
  },
  pinpointPair: {
    zh: '{cellA}填报为{actualA}、{cellB}填报为{actualB}，使{count}处勾稽关系（{rules}）不成立；没有单个单元格能解释，但两处一起改为{expectedA}和{expectedB}即可全部成立',
    en: '{cellA} is {actualA} and {cellB} is {actualB}, which break {count} equations ({rules}); no single cell explains them, but changing both, to {expectedA} and {expectedB}, satisfies all of them',
  },
  equationHolds: {
    zh: '{cell}与相关各项之和相符（{value}）',
    en: '{cell} agrees with the sum of its parts ({value})',
  },
  alsoOnCell: {
    zh: '；另：{message}',
    en: '; also: {message}',
  },
  ruleFailed: {
    zh: '规则{rule}未能运行：{reason}',
    en: 'Rule {rule} could not run: {reason}',
  },
} as const;

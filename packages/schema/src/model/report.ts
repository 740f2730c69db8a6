import { z } from 'zod';

/**
 * A count cell. `null` means the cell was blank in the document (kept apart from 0);
 * the arithmetic rules count it as 0 after `CELL-BLANK` has reported it.
 * Negative and fractional values are accepted by the model and reported by
 * `CELL-INT-NONNEG`, so that a half-typed form still checks.
 */
export const Count = z.number().nullable().meta({ description: 'A count; null = blank cell' });
/** A signed integer cell (`本年增/减` of the 2019 format). */
export const SignedCount = z
  .number()
  .nullable()
  .meta({ description: 'A signed change; null = blank cell' });
/** An amount of money in the unit its header declares. */
export const Money = z
  .number()
  .nullable()
  .meta({ description: 'An amount in the unit of its header; null = blank' });

export const FormatSchema = z.enum(['2019', '2021']);
export type Format = z.infer<typeof FormatSchema>;

export const AgencyKindSchema = z.enum(['dept', 'gov', 'township', 'other']).meta({
  description:
    'dept = 县级以上人民政府部门; gov = 县级以上地方人民政府; township = 乡镇/街道; other',
});
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

const IsoDate = z.iso.date();

export const MetaSchema = z
  .object({
    title: z.string(),
    agencyName: z.string(),
    agencyKind: AgencyKindSchema,
    reportYear: z.number().int().min(1990).max(2200),
    publishedAt: IsoDate,
    /**
     * Where the publication date was read: `meta` (`<meta name="PubDate">`), `info-table`
     * (a 公开日期/发布日期 cell of the portal's info table), `page` (a `发布日期：…` line),
     * `url` (the URL path; may be a re-posting date), `linking-page` (the page that links a
     * report attachment), `user` (typed into the form).
     */
    publishedAtSource: z.enum(['meta', 'info-table', 'page', 'url', 'linking-page', 'user']),
    sourceUrl: z.string(),
  })
  .partial();
export type Meta = z.infer<typeof MetaSchema>;

export const SectionSchema = z.object({
  /** The Chinese ordinal as found (一…六), or null when the heading had none. */
  ordinal: z.string().nullable(),
  heading: z.string(),
  text: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

// ---- table 三 -------------------------------------------------------------

export const ApplicantRowSchema = z.object({
  naturalPerson: Count,
  commercial: Count,
  research: Count,
  publicInterest: Count,
  legalService: Count,
  otherOrg: Count,
  total: Count,
});
export type ApplicantRow = z.infer<typeof ApplicantRowSchema>;
const Row = ApplicantRowSchema;

const DeniedSchema = z
  .object({
    stateSecret: Row,
    prohibitedByLaw: Row,
    safetyStability: Row,
    thirdPartyRights: Row,
    internalAffairs: Row,
    processInformation: Row,
    enforcementFiles: Row,
    administrativeQuery: Row,
  })
  .partial();
const UnavailableSchema = z
  .object({ notHeld: Row, needsCreation: Row, unclearAfterCorrection: Row })
  .partial();
const NotProcessedSchema = z
  .object({ petition: Row, duplicate: Row, publication: Row, massRepeated: Row, confirmation: Row })
  .partial();

function applicationsSchema<O extends z.ZodType>(other: O) {
  return z
    .object({
      newReceived: Row,
      carriedOver: Row,
      results: z
        .object({
          granted: Row,
          partiallyGranted: Row,
          denied: DeniedSchema,
          unavailable: UnavailableSchema,
          notProcessed: NotProcessedSchema,
          other,
          total: Row,
        })
        .partial(),
      carriedForward: Row,
    })
    .partial();
}

export const Applications2019Schema = applicationsSchema(Row);
export const Applications2021Schema = applicationsSchema(
  z.object({ overdueCorrection: Row, unpaidFee: Row, other: Row }).partial(),
);

// ---- table 四 -------------------------------------------------------------

export const AppealRowSchema = z.object({
  upheld: Count,
  corrected: Count,
  other: Count,
  pending: Count,
  total: Count,
});
export const AppealsSchema = z
  .object({
    review: AppealRowSchema,
    litigationDirect: AppealRowSchema,
    litigationAfterReview: AppealRowSchema,
  })
  .partial();
export type Appeals = z.infer<typeof AppealsSchema>;

// ---- table 二 -------------------------------------------------------------

const Documents2019 = z.object({ newlyMade: Count, newlyPublished: Count, totalPublic: Count });
const Items2019 = z.object({ previousCount: Count, change: SignedCount, decisions: Count });

export const ActiveDisclosure2019Schema = z
  .object({
    regulations: Documents2019,
    normativeDocuments: Documents2019,
    licensing: Items2019,
    otherServices: Items2019,
    penalty: Items2019,
    coercion: Items2019,
    fees: z.object({ previousCount: Count, change: SignedCount }),
    procurement: z.object({ projects: Count, amount: Money }),
  })
  .partial();

const Documents2021 = z.object({ issued: Count, repealed: Count, valid: Count });
const Decisions = z.object({ decisions: Count });

export const ActiveDisclosure2021Schema = z
  .object({
    regulations: Documents2021,
    normativeDocuments: Documents2021,
    licensing: Decisions,
    penalty: Decisions,
    coercion: Decisions,
    fees: z.object({ amount: Money }),
  })
  .partial();

// ---- the report -----------------------------------------------------------

const common = {
  meta: MetaSchema.default({}),
  /** Text before section 一 (legal basis, statistical period, contacts). */
  preamble: z.string().optional(),
  /** Top-level sections in the order found, duplicates and strays included. */
  sections: z.array(SectionSchema).default([]),
  /** Table 四; absent when the document has no such table. */
  appeals: AppealsSchema.optional(),
};

export const Report2019Schema = z
  .object({
    format: z.literal('2019'),
    ...common,
    /** Table 二; absent when the document has no such table. */
    activeDisclosure: ActiveDisclosure2019Schema.optional(),
    /** Table 三; absent when the document has no such table. */
    applications: Applications2019Schema.optional(),
  })
  .meta({ title: 'Report (2019 trial format, report years 2019–2020)' });

export const Report2021Schema = z
  .object({
    format: z.literal('2021'),
    ...common,
    activeDisclosure: ActiveDisclosure2021Schema.optional(),
    applications: Applications2021Schema.optional(),
  })
  .meta({ title: 'Report (2021 format, report years 2021 on)' });

/**
 * A 政府信息公开工作年度报告 in either official format.
 *
 * @example
 * const report = ReportSchema.parse({ format: '2021', meta: { reportYear: 2023 } });
 */
export const ReportSchema = z
  .discriminatedUnion('format', [Report2019Schema, Report2021Schema])
  .meta({
    id: 'NianbaoReport',
    title: '政府信息公开工作年度报告 / Annual report on open government information',
    description:
      'The report model of nianbao. Counts are number|null (null = blank cell). Tables are absent when not found.',
  });

export type Report2019 = z.infer<typeof Report2019Schema>;
export type Report2021 = z.infer<typeof Report2021Schema>;
export type Report = z.infer<typeof ReportSchema>;
/** What a caller may pass in (defaults not yet applied). */
export type ReportInput = z.input<typeof ReportSchema>;

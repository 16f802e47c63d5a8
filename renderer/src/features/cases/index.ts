/** What other features may use of the cases feature: the account page's section, My day's panel, the account form's referral fields. */
export { AccountCases, OpenCasesToday } from './OpenCases';
export { ReferralFields, ReferralOutcome, useRecordReferral } from './ReferralFields';

/** The quick activity log dialog; built by the activities feature. */
export function QuickLogDialog() {
  return null;
}

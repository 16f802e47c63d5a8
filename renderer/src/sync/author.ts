/**
 * Who is editing, as stamped in `updatedBy` and shown as a conflict's author: the name the user
 * set in Settings, else the team server user this device is signed in as (a device id means
 * nothing to the colleague reading the conflict log), else this device's id.
 */
export function authorName(userName: string | null | undefined, syncUser: string | null | undefined, deviceId: string | null | undefined): string {
  return userName?.trim() || syncUser?.trim() || deviceId || 'local';
}

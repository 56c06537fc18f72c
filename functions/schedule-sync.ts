// Lambda entry for schedule-sync. Placeholder until its use case lands; the infrastructure bundles this file.
export const handler = async (): Promise<void> => {
  throw new Error("schedule-sync is not implemented yet");
};

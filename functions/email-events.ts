// Lambda entry for email-events. Placeholder until its use case lands; the infrastructure bundles this file.
export const handler = async (): Promise<void> => {
  throw new Error("email-events is not implemented yet");
};

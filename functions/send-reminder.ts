// Lambda entry for send-reminder. Placeholder until its use case lands; the infrastructure bundles this file.
export const handler = async (): Promise<void> => {
  throw new Error("send-reminder is not implemented yet");
};

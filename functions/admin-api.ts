// Lambda entry for admin-api. Placeholder until its use case lands; the infrastructure bundles this file.
export const handler = async (): Promise<void> => {
  throw new Error("admin-api is not implemented yet");
};

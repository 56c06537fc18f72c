// Placeholder until the local services land: starts nothing.
export default async function setup(): Promise<void> {}

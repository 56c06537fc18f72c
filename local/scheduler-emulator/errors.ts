/** An error the SDK maps to its modeled exception via the `x-amzn-errortype` header. */
export class SchedulerApiError extends Error {
  constructor(
    readonly type:
      | "ConflictException"
      | "ResourceNotFoundException"
      | "ValidationException"
      | "UnknownOperationException",
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export const validationError = (message: string) =>
  new SchedulerApiError("ValidationException", 400, message);
export const notFound = (message: string) => new SchedulerApiError("ResourceNotFoundException", 404, message);
export const conflict = (message: string) => new SchedulerApiError("ConflictException", 409, message);

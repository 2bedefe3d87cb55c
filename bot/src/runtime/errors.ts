/**
 * The Lex V2 runtime API's exceptions. Each carries the HTTP status and the `x-amzn-errortype` value
 * the AWS SDK uses to pick the exception class (../shared/reference/lex-v2-facts.md, beside this repository, §1.5–1.6).
 */
export class LexApiError extends Error {
  override name = 'LexApiError';
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class ValidationException extends LexApiError {
  override name = 'ValidationException';
  constructor(message: string) {
    super(400, 'ValidationException', message);
  }
}

export class AccessDeniedException extends LexApiError {
  override name = 'AccessDeniedException';
  constructor(message: string) {
    super(403, 'AccessDeniedException', message);
  }
}

export class ResourceNotFoundException extends LexApiError {
  override name = 'ResourceNotFoundException';
  constructor(message: string) {
    super(404, 'ResourceNotFoundException', message);
  }
}

export class ConflictException extends LexApiError {
  override name = 'ConflictException';
  constructor(message: string) {
    super(409, 'ConflictException', message);
  }
}

export class DependencyFailedException extends LexApiError {
  override name = 'DependencyFailedException';
  constructor(message: string, options?: ErrorOptions) {
    super(424, 'DependencyFailedException', message, options);
  }
}

export class InternalServerException extends LexApiError {
  override name = 'InternalServerException';
  constructor(message: string, options?: ErrorOptions) {
    super(500, 'InternalServerException', message, options);
  }
}

// Stands in for @smithy/signature-v4 in one size row, to show what the rest of entry (a) weighs without it.
export class SignatureV4 {
  constructor(options) {
    this.options = options;
  }
  async sign(request) {
    return request;
  }
  async presign(request) {
    return request;
  }
}

/** The OCR engine behind POST /api/receipts: an image in, its text lines out (top to bottom). */
export interface ReceiptOcr {
  readLines(image: Uint8Array): Promise<string[]>;
}

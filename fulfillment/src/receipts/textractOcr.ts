/**
 * The ReceiptOcr port on AWS: Amazon Textract's AnalyzeExpense reads the photo (JPEG/PNG up to 10 MB,
 * synchronous). Its LINE blocks — the printed lines, each with its box — are put in reading order
 * (top to bottom, then left to right) and handed to the same reader as the local OCR's lines, so the
 * total, merchant and date are found by one rule set whichever engine read the picture.
 */
import { AnalyzeExpenseCommand, type Block, type TextractClient } from '@aws-sdk/client-textract';
import type { ReceiptOcr } from './ReceiptOcr';

const top = (b: Block) => b.Geometry?.BoundingBox?.Top ?? 0;
const left = (b: Block) => b.Geometry?.BoundingBox?.Left ?? 0;
const height = (b: Block) => b.Geometry?.BoundingBox?.Height ?? 0;

/**
 * The printed lines of every receipt in the picture, top to bottom. Textract gives a two-column row
 * ("Total" … "$10.62") as two LINE blocks; blocks whose tops are within half a line height of each
 * other are one printed row, joined left to right, as the local OCR's rows are.
 */
export function linesOfExpense(documents: readonly { Blocks?: Block[] }[] | undefined): string[] {
  const blocks = (documents ?? [])
    .flatMap((d) => (d.Blocks ?? []).filter((b) => b.BlockType === 'LINE' && b.Text?.trim()))
    .sort((a, b) => top(a) - top(b));
  const rows: Block[][] = [];
  for (const block of blocks) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(top(block) - top(row[0]!)) < Math.min(height(block), height(row[0]!)) / 2)
      row.push(block);
    else rows.push([block]);
  }
  return rows.map((row) =>
    row
      .sort((a, b) => left(a) - left(b))
      .map((b) => b.Text!.trim())
      .join(' '),
  );
}

export function createTextractOcr(client: TextractClient): ReceiptOcr {
  return {
    async readLines(image) {
      const output = await client.send(new AnalyzeExpenseCommand({ Document: { Bytes: image } }));
      return linesOfExpense(output.ExpenseDocuments);
    },
  };
}
